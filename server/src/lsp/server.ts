import {
  createConnection,
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  LSPErrorCodes,
  MessageType,
  ProposedFeatures,
  ResponseError,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type CodeActionParams,
  type CompletionParams,
  type Connection,
  type DefinitionParams,
  type DocumentSymbolParams,
  type ExecuteCommandParams,
  type HoverParams,
  type PrepareRenameParams,
  type ReferenceParams,
  type RenameParams,
  type WorkspaceSymbolParams,
  type InitializeResult,
  type Message,
  type ResponseMessage,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checked, PARAMS } from './requestParams.js';
import { localeFromTag, messagesFor, type Messages } from '../core/i18n/messages.js';
import {
  AnalysisPageRequest,
  CoderCopiesRequest,
  type CoderCopiesParams,
  type CoderCopiesResult,
  CompareCoderRequest,
  type CompareCoderParams,
  type CompareCoderResult,
  ReviewsRequest,
  type ReviewItem,
  CodebookStatusRequest,
  CodeSelectionRequest,
  CodesRequest,
  EvidenceChangedNotification,
  EvidenceTreeRequest,
  ExportRequest,
  type ExportParams,
  type ExportResult,
  SegmentPolesRequest,
  type AnalysisPageParams,
  type AnalysisPageResult,
  type CodebookStatus,
  type CodebookStatusParams,
  type CodeSelectionParams,
  type CodeSelectionResult,
  type CodesParams,
  type CodesResult,
  type EvidenceSegment,
  type EvidenceTree,
  type EvidenceTreeParams,
  type SegmentPolesParams,
  type SegmentPolesResult,
} from '../protocol/requests.js';
import { provideCodeActions } from '../service/codeActions.js';
import { KEY_FILE, KEY_WRITTEN_COMMAND, provideAnonActions, type AnonFixFiles } from '../service/anonActions.js';
import { PROJECT_FILE } from '../core/project/projectFile.js';
import { provideCodebookStatus } from '../service/codebookStatus.js';
import { provideReviewActions, provideReviews } from '../service/reviews.js';
import { compareWithCoder, provideCoderCopies } from '../service/compareCoder.js';
import { NoteParser } from '../core/dialect/note.js';
import { provideAnalysisPage } from '../service/analysisPage.js';
import { isExportKind, provideExport } from '../service/exchange.js';
import { VERSION } from '../cli/version.js';
import { chartLibraries } from '../core/workspace/chartLibraries.js';
import { isProjectUri } from '../service/projectFiles.js';
import { WorkspaceEngine } from '../service/engine.js';
import { codeSelection, pickableCodes } from '../service/codeSelection.js';
import { provideCompletion } from '../service/completion.js';
import { toLspDiagnostics } from '../service/diagnostics.js';
import { codeUse, provideHover } from '../service/hover.js';
import { provideEvidenceSegments, provideEvidenceTree, provideSegmentPoles } from '../service/evidence.js';
import { provideDefinition, provideReferences } from '../service/navigation.js';
import { prepareRename, provideRename } from '../service/rename.js';
import { provideDocumentSymbols, provideWorkspaceSymbols } from '../service/symbols.js';
import { isCodebookUri, isNoteUri } from '../service/workspace.js';
import type { CopyAssignment } from '../core/coders/copies.js';
import { workspacePath } from '../service/uriPaths.js';
import { DEFAULT_SETTINGS, exclusion, readSettings, type RawSettings, type Settings } from '../service/settings.js';
import { nodeFileSystem } from './nodeFileSystem.js';
import { hasSpareCore, WorkerColdReader } from '../parallel/readPool.js';
import { isAbsolute } from 'node:path';
import { URI, Utils } from 'vscode-uri';

/**
 * A request the editor cancels while it still waits in the queue (a
 * completion overtaken by the next keystroke) is answered at once as
 * cancelled, rather than computed and answered late.
 */
function answerCancelled(message: Message): ResponseMessage | undefined {
  if (!('id' in message) || message.id === undefined) return undefined;
  return { jsonrpc: message.jsonrpc, id: message.id as number | string, error: { code: LSPErrorCodes.RequestCancelled, message: 'cancelled' } };
}

/** More files changed on disk at once than this are checked as a whole workspace is, in slices. */
const MANY_CHANGES = 50;

/**
 * The language server: glue between the LSP connection and the language
 * service (`server/src/service`), which holds all the smarts. Started by
 * the VS Code client, or by any editor as `fieldnotes lsp --stdio`.
 */
export function startServer(connection: Connection = createConnection(ProposedFeatures.all, { connectionStrategy: { cancelUndispatched: answerCancelled } })): void {
  const documents = new TextDocuments(TextDocument);
  let msg: Messages = messagesFor('en');
  let folders: string[] = [];
  const newEngine = () => new WorkspaceEngine(nodeFileSystem, msg, (uri) => workspacePath(uri, folders));
  let engine = newEngine();
  /** Open notes' codebooks being read (one the workspace scan may not reach): a completion waits for its note's. */
  const codebookLoads = new Map<string, Promise<boolean>>();
  /** The copies assignment the published diagnostics were made with: when it changes, every copy is published again. */
  let publishedCopies: CopyAssignment<string> | undefined;
  let watchFiles = false;
  let pullSettings = false;
  let settings: Settings = DEFAULT_SETTINGS;
  const timers = new Map<string, NodeJS.Timeout>();

  const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');

  /**
   * Publishes one file's diagnostics. A failure inside the checks is logged
   * to the editor's output and the server goes on: one file must never stop
   * the checking of the others, nor the server.
   */
  function publish(uri: string): void {
    try {
      publishFile(uri);
    } catch (error) {
      connection.console.error(`Fieldnotes could not check ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }

  function publishFile(uri: string): void {
    if (isProjectUri(uri)) {
      const file = engine.projects.diagnostics(uri);
      void connection.sendDiagnostics({ uri, diagnostics: file ? toLspDiagnostics(file.loaded.diagnostics, file.lines, settings.severity) : [] });
      return;
    }
    if (isCodebookUri(uri)) {
      const loaded = engine.index.codebook(uri);
      const lines = engine.index.codebookLines(uri);
      void connection.sendDiagnostics({ uri, diagnostics: loaded && lines ? toLspDiagnostics(loaded.diagnostics, lines, settings.severity) : [] });
      return;
    }
    const note = engine.noteDiagnostics(uri);
    void connection.sendDiagnostics({ uri, version: documents.get(uri)?.version, diagnostics: note ? toLspDiagnostics(note.diagnostics, note.view.lines, settings.severity) : [] });
  }

  /** Notes put into the anonymization's indexes between two turns of the event loop after a whole-workspace check (about 10 ms). */
  const INDEXED_PER_SLICE = 100;
  /** Workspace scans and whole-workspace checks under way (a newer check may start before an older one has stopped), and notes edited meanwhile. */
  let checksRunning = 0;
  const changedDuringCheck = new Set<string>();
  /** Bumped by every whole-workspace check: an older one still running stops. */
  let checkRun = 0;

  /**
   * Publishes every file: at start-up, and when a codebook, a project file
   * or the settings change. The notes go in slices, between which the
   * server answers requests; the editor shows the progress.
   */
  async function publishAll(): Promise<void> {
    const run = ++checkRun;
    checksRunning++;
    let done = false;
    try {
      for (const uri of engine.projects.uris()) publish(uri);
      for (const uri of engine.index.codebookUris()) publish(uri);
      const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
      progress?.begin(msg.progressChecking(), 0, undefined, false);
      done = await engine.checkAll(publish, {
        pause: () => new Promise((resolve) => setImmediate(resolve)),
        isStale: () => run !== checkRun,
        progress: (at, total) => progress?.report(Math.floor((100 * at) / total)),
        reader: hasSpareCore() ? () => new WorkerColdReader(msg.locale) : undefined,
      });
      progress?.done();
    } finally {
      checksRunning--;
      if (!checksRunning) publishChangedDuringCheck();
    }
    if (!done) return;
    publishedCopies = engine.copies.assignment();
    evidenceChanged();
    // The indexes that tell which notes a later change concerns, which the check left for after (see `WorkspaceNames.set`).
    while (run === checkRun && engine.anonymity.indexDeferred(INDEXED_PER_SLICE)) await new Promise((resolve) => setImmediate(resolve));
  }

  /**
   * A note and the notes whose diagnostics depend on it: its other copies
   * (which copy counts, whether their words still match), every copy when
   * the grouping into transcripts changed, and the notes that mention a
   * name it now confirms or no longer confirms.
   */
  function publishNote(uri: string): void {
    publish(uri);
    const before = publishedCopies;
    const now = engine.copies.assignment();
    const others = new Set([...engine.copies.peers(uri), ...engine.anonymity.takeConcerned()]);
    if (now !== before) for (const other of [...(before?.transcripts ?? []), ...now.transcripts].flatMap((t) => t.copies.map((c) => c.key))) others.add(other);
    publishedCopies = now;
    others.delete(uri);
    for (const other of others) publish(other);
  }

  function evidenceChanged(): void {
    void connection.sendNotification(EvidenceChangedNotification.method, {});
  }

  /** Later changes replace earlier ones: only the last state of a note is analysed. */
  function schedule(uri: string): void {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        if (isCodebookUri(uri) || isProjectUri(uri)) void publishAll();
        // A note's diagnostics need what every note confirms, which a running check is still gathering in slices:
        // published now, they would gather it all at once and stop the server answering until they had.
        else if (checksRunning) changedDuringCheck.add(uri);
        else {
          publishNote(uri);
          evidenceChanged();
        }
      }, settings.diagnosticsDelay),
    );
  }

  /** Once no scan or check is under way (a scan is followed at once by a check: then after the check). */
  function publishChangedDuringCheck(): void {
    setImmediate(() => {
      if (checksRunning || !changedDuringCheck.size) return;
      const changed = [...changedDuringCheck];
      changedDuringCheck.clear();
      for (const uri of changed) publishNote(uri);
      evidenceChanged();
    });
  }

  connection.onInitialize((params): InitializeResult => {
    // An editor may choose the language apart from its own (the VS Code client's `fieldnotes.language`).
    const options = params.initializationOptions as { locale?: unknown } | undefined;
    msg = messagesFor(localeFromTag(typeof options?.locale === 'string' ? options.locale : params.locale));
    engine = newEngine();
    folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    watchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    pullSettings = params.capabilities.workspace?.configuration === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['#', '/', '=', '{'] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        documentSymbolProvider: { label: 'Fieldnotes' },
        workspaceSymbolProvider: true,
        executeCommandProvider: { commands: [KEY_WRITTEN_COMMAND] },
      },
      serverInfo: { name: 'fieldnotes' },
    };
  });

  connection.onInitialized(async () => {
    if (watchFiles) {
      await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.fn.md' }, { globPattern: '**/codebook.yaml' }, { globPattern: '**/fieldnotes.yaml' }] });
    }
    await inTurn(async () => {
      await loadSettings();
      await scan();
      await publishAll();
    });
  });

  /** Start-up and settings changes each read settings and rescan: one at a time, in the order they came. */
  let turns: Promise<void> = Promise.resolve();
  function inTurn(work: () => Promise<void>): Promise<void> {
    turns = turns.then(work, work);
    return turns;
  }

  async function scan(): Promise<void> {
    checksRunning++;
    try {
      for (const uri of await engine.index.scan(folders, () => new Promise((resolve) => setImmediate(resolve)))) if (isProjectUri(uri)) await engine.projects.reload(uri);
    } finally {
      checksRunning--;
      publishChangedDuringCheck();
    }
    // Documents opened before the scan finished keep the editor's text.
    for (const document of documents.all()) engine.index.update(document.uri, document.getText(), document.version);
  }

  /** Reads the `fieldnotes` settings from the editor, when it offers them; returns the notes they now exclude. */
  async function loadSettings(): Promise<string[]> {
    settings = readSettings(pullSettings ? ((await connection.workspace.getConfiguration('fieldnotes')) as RawSettings) : undefined);
    const base = folders[0] ? URI.parse(folders[0]) : undefined;
    const codebook = settings.codebook && (isAbsolute(settings.codebook) ? URI.file(settings.codebook) : base && Utils.joinPath(base, settings.codebook));
    await engine.index.overrideCodebook(codebook ? codebook.toString() : undefined);
    return engine.index.exclude(exclusion(settings.exclude, folders));
  }

  connection.onDidChangeConfiguration(() =>
    inTurn(async () => {
      const dropped = await loadSettings();
      // Notes no longer excluded come back from the disk (or the editor).
      await scan();
      for (const uri of dropped) publish(uri);
      await publishAll();
    }),
  );

  documents.onDidChangeContent(({ document }) => {
    if (isProjectUri(document.uri)) {
      engine.projects.update(document.uri, document.getText(), true);
      schedule(document.uri);
      return;
    }
    if (!isNoteUri(document.uri) && !isCodebookUri(document.uri)) return;
    engine.index.update(document.uri, document.getText(), document.version);
    schedule(document.uri);
  });

  documents.onDidOpen(async ({ document }) => {
    if (!isNoteUri(document.uri)) return;
    // Runs before onDidChangeContent, which then finds the note already current.
    engine.index.update(document.uri, document.getText(), document.version);
    const loading = engine.index.loadCodebooksFor(document.uri);
    codebookLoads.set(document.uri, loading);
    if (await loading) schedule(document.uri);
  });

  documents.onDidClose(async ({ document }) => {
    if (isProjectUri(document.uri)) {
      await engine.projects.reload(document.uri, true);
      void publishAll();
      return;
    }
    codebookLoads.delete(document.uri);
    await engine.index.close(document.uri);
    if (isCodebookUri(document.uri)) void publishAll();
    else {
      publishNote(document.uri);
      evidenceChanged();
    }
  });

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    let codebookChanged = false;
    for (const change of changes) {
      if (isProjectUri(change.uri)) await engine.projects.reload(change.uri);
      else await engine.index.reload(change.uri);
      codebookChanged ||= isCodebookUri(change.uri) || isProjectUri(change.uri);
    }
    // Many notes at once (a checkout, a copied folder) go through the sliced check, which answers requests meanwhile.
    if (codebookChanged || changes.length > MANY_CHANGES) {
      for (const change of changes) if (!engine.index.view(change.uri)) publish(change.uri);
      void publishAll();
    } else {
      for (const change of changes) publishNote(change.uri);
      evidenceChanged();
    }
  });

  connection.onCompletion(checked('textDocument/completion', PARAMS.position, async (params: CompletionParams, token: CancellationToken) => {
    // Right after the note opened, its codebook may still be on its way from the disk.
    await codebookLoads.get(params.textDocument.uri);
    if (token.isCancellationRequested) return cancelled();
    const view = engine.index.view(params.textDocument.uri);
    if (!view) return [];
    return provideCompletion(view, params.position, view.model.codebook);
  }));

  connection.onHover(checked('textDocument/hover', PARAMS.position, (params: HoverParams, token: CancellationToken) => {
    if (token.isCancellationRequested) return cancelled();
    const view = engine.index.view(params.textDocument.uri);
    if (!view) return null;
    return provideHover(view, params.position, codeUse(engine.counts, engine.copies, view), msg) ?? null;
  }));

  connection.onDefinition(checked('textDocument/definition', PARAMS.position, (params: DefinitionParams, token: CancellationToken) => {
    if (token.isCancellationRequested) return cancelled();
    return provideDefinition(engine.index, params.textDocument.uri, params.position) ?? null;
  }));

  connection.onReferences(checked('textDocument/references', PARAMS.references, (params: ReferenceParams, token: CancellationToken) => {
    if (token.isCancellationRequested) return cancelled();
    return provideReferences(engine.index, engine.copies, params.textDocument.uri, params.position, params.context.includeDeclaration);
  }));

  connection.onPrepareRename(checked('textDocument/prepareRename', PARAMS.position, (params: PrepareRenameParams, token: CancellationToken) => {
    if (token.isCancellationRequested) return cancelled();
    return prepareRename(engine.index, params.textDocument.uri, params.position) ?? null;
  }));

  connection.onRenameRequest(checked('textDocument/rename', PARAMS.rename, (params: RenameParams, token: CancellationToken) => {
    if (token.isCancellationRequested) return cancelled();
    const result = provideRename(engine.index, params.textDocument.uri, params.position, params.newName, msg);
    if (typeof result === 'string') return new ResponseError(ErrorCodes.InvalidParams, result);
    return result ?? null;
  }));

  /** The project file governing a note (or where a new one goes: the workspace folder holding the note), and the key file beside it. */
  async function anonFixFiles(noteUri: string): Promise<AnonFixFiles> {
    const projectUri =
      engine.projects.fileFor(noteUri) ?? Utils.joinPath(URI.parse(folders.find((f) => noteUri.startsWith(f.replace(/\/?$/, '/'))) ?? Utils.dirname(URI.parse(noteUri)).toString()), PROJECT_FILE).toString();
    const folder = Utils.dirname(URI.parse(projectUri));
    const keyUri = Utils.joinPath(folder, KEY_FILE).toString();
    const gitignoreUri = Utils.joinPath(folder, '.gitignore').toString();
    // The key file and .gitignore are not notes: nothing keeps them, so they are read when a fix needs them.
    const read = async (fileUri: string) => documents.get(fileUri)?.getText() ?? (await nodeFileSystem.readText(fileUri));
    return { projectUri, projectText: engine.projects.text(projectUri), keyText: await read(keyUri), gitignoreText: await read(gitignoreUri) };
  }

  connection.onCodeAction(checked('textDocument/codeAction', PARAMS.codeAction, async (params: CodeActionParams, token: CancellationToken) => {
    if (token.isCancellationRequested) return cancelled();
    const uri = params.textDocument.uri;
    const anon = params.context.diagnostics.some((d) => typeof d.code === 'string' && d.code.startsWith('anon/'));
    const files = anon ? await anonFixFiles(uri) : undefined;
    if (token.isCancellationRequested) return cancelled();
    return [
      ...provideCodeActions(engine.index, uri, params.context.diagnostics, msg),
      ...provideReviewActions(engine.index, uri, params.context.diagnostics, msg),
      ...(files ? provideAnonActions(engine.index, uri, params.context.diagnostics, files, msg) : []),
    ];
  }));

  // After a quick fix first wrote the pseudonym key: where it is, and that it must stay private.
  connection.onExecuteCommand(checked('workspace/executeCommand', PARAMS.executeCommand, (params: ExecuteCommandParams) => {
    if (params.command !== KEY_WRITTEN_COMMAND) return null;
    const [keyUri, gitignore] = params.arguments ?? [];
    const keyFile = typeof keyUri === 'string' ? URI.parse(keyUri).fsPath : KEY_FILE;
    // A notification, not a request: no editor has to answer it.
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: msg.keyWritten(keyFile, gitignore === true) });
    return null;
  }));

  connection.onDocumentSymbol(checked('textDocument/documentSymbol', PARAMS.document, (params: DocumentSymbolParams, token: CancellationToken) => {
    if (token.isCancellationRequested) return cancelled();
    const view = engine.index.view(params.textDocument.uri);
    return view ? provideDocumentSymbols(view, msg) : [];
  }));

  connection.onWorkspaceSymbol(checked('workspace/symbol', PARAMS.workspaceSymbol, (params: WorkspaceSymbolParams, token: CancellationToken) => {
    if (token.isCancellationRequested) return cancelled();
    return provideWorkspaceSymbols(engine.index, engine.copies, params.query);
  }));

  connection.onRequest<CodesResult, void>(CodesRequest.method, checked(CodesRequest.method, PARAMS.uri, (params: CodesParams, token: CancellationToken) => {
    if (token.isCancellationRequested) return cancelled();
    const view = engine.index.view(params.uri);
    return view ? pickableCodes(view) : { codes: [], poles: [] };
  }));

  connection.onRequest<CodeSelectionResult, void>(CodeSelectionRequest.method, checked(CodeSelectionRequest.method, PARAMS.codeSelection, (params: CodeSelectionParams, token: CancellationToken) => {
    if (token.isCancellationRequested) return cancelled();
    const view = engine.index.view(params.uri);
    return view ? codeSelection(view, params.range, params.code, params.evidence, msg) : { message: msg.codebookNotFound() };
  }));

  connection.onRequest<SegmentPolesResult | null, void>(SegmentPolesRequest.method, checked(SegmentPolesRequest.method, PARAMS.uri, (params: SegmentPolesParams, token: CancellationToken) => {
    if (token.isCancellationRequested) return cancelled();
    const view = engine.index.view(params.uri);
    return view ? provideSegmentPoles(view) : null;
  }));

  connection.onRequest<CodebookStatus, void>(CodebookStatusRequest.method, checked(CodebookStatusRequest.method, PARAMS.uri, (params: CodebookStatusParams, token: CancellationToken) => {
    if (token.isCancellationRequested) return cancelled();
    return provideCodebookStatus(engine.index, engine.index.view(params.uri));
  }));

  connection.onRequest<AnalysisPageResult, void>(AnalysisPageRequest.method, checked(AnalysisPageRequest.method, PARAMS.analysisPage, async (params: AnalysisPageParams, token: CancellationToken) => {
    const libraries = await chartLibraries();
    if (token.isCancellationRequested) return cancelled();
    if (!libraries) return { message: msg.chartLibraryMissing() };
    return provideAnalysisPage(engine.index, engine.copies, folders, params, libraries, msg.locale);
  }));

  connection.onRequest<CoderCopiesResult, void>(CoderCopiesRequest.method, checked(CoderCopiesRequest.method, PARAMS.uri, (params: CoderCopiesParams, token: CancellationToken) => {
    if (token.isCancellationRequested) return cancelled();
    return provideCoderCopies(engine.copies, engine.index.view(params.uri), params.uri);
  }));

  connection.onRequest<CompareCoderResult, void>(CompareCoderRequest.method, checked(CompareCoderRequest.method, PARAMS.compareCoder, async (params: CompareCoderParams, token: CancellationToken) => {
    const view = engine.index.view(params.uri);
    const name = Utils.basename(URI.parse(params.otherUri));
    const otherView = engine.index.view(params.otherUri);
    const other = otherView ? { view: otherView } : await readNote(params.otherUri).then((parsed) => parsed && { parsed });
    if (token.isCancellationRequested) return cancelled();
    if (!view || !other) return { message: msg.compareNotFound(name) };
    return compareWithCoder(view, other, name, msg);
  }));

  /** A note that is not in the workspace index (outside its folders, or excluded), read from disk. */
  async function readNote(uri: string) {
    const text = await nodeFileSystem.readText(uri);
    return text === undefined ? undefined : new NoteParser(msg).parse(text);
  }

  connection.onRequest<ReviewItem[], void>(ReviewsRequest.method, (_params: unknown, token: CancellationToken) => {
    if (token.isCancellationRequested) return cancelled();
    return provideReviews(engine.index);
  });

  connection.onRequest<EvidenceTree | EvidenceSegment[], void>(EvidenceTreeRequest.method, checked(EvidenceTreeRequest.method, PARAMS.evidenceTree, (params: EvidenceTreeParams, token: CancellationToken) => {
    const isCancelled = () => token.isCancellationRequested;
    const { parent, ...filter } = params ?? {};
    return (parent ? provideEvidenceSegments(engine.index, engine.copies, filter, parent, isCancelled) : provideEvidenceTree(engine.index, engine.copies, filter, msg, isCancelled)) ?? cancelled();
  }));

  connection.onRequest<ExportResult, void>(ExportRequest.method, async (params: ExportParams, token: CancellationToken) => {
    if (!isExportKind(params?.kind) || typeof params.target !== 'string') return new ResponseError(ErrorCodes.InvalidParams, 'fieldnotes/export takes { kind: "qdc" | "qdpx" | "csv", target, folder?, codebook? }');
    // A start-up scan or a settings change still under way finishes first: the export sees every note.
    await turns.catch(() => undefined);
    if (token.isCancellationRequested) return cancelled();
    const result = await provideExport(engine.index, engine.copies, folders, params, { fs: nodeFileSystem, version: VERSION, locale: msg.locale, isCancelled: () => token.isCancellationRequested });
    return result ?? cancelled();
  });

  documents.listen(connection);
  connection.listen();
}
