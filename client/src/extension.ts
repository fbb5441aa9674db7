import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { EvidenceChangedNotification } from '../../server/src/protocol/requests.js';
import { clientLocale, clientMessages, type ClientMessages } from './clientMessages.js';
import { AnalysisView } from './analysisView.js';
import { ReviewsView } from './reviewsView.js';
import { CompareCoder } from './compareCoder.js';
import { ComparisonView, type ComparisonSnapshot } from './comparisonView.js';
import { CodebookStatusItem } from './codebookStatus.js';
import { codeSelection } from './codeSelection.js';
import { EvidenceView } from './evidenceView.js';
import { registerExportCommands } from './exportCommands.js';
import { PoleColours } from './poleColours.js';
import { previewPlugin, type PreviewCodebook, type PreviewNote } from './preview.js';
import { NOTE_SELECTOR } from './selectors.js';

let client: LanguageClient | undefined;

/**
 * Starts the language server (the same bundle as the `fieldnotes` command
 * line) and wires the commands and views to it. Language smarts live in the
 * server; this file only connects.
 */
/** What the extension gives other extensions (and the extension tests). */
export interface FieldnotesApi {
  /** The markdown-it plugin for VS Code's Markdown preview. */
  extendMarkdownIt(md: unknown): unknown;
  /** The open coder comparison as its view shows it, or undefined. */
  comparison(): ComparisonSnapshot | undefined;
}

export async function activate(context: vscode.ExtensionContext): Promise<FieldnotesApi> {
  const locale = clientLocale(languageSetting() ?? vscode.env.language);
  const msg = clientMessages(locale);
  const output = vscode.window.createOutputChannel('Fieldnotes', { log: true });
  context.subscriptions.push(output);

  const serverModule = context.asAbsolutePath('dist/fieldnotes.js');
  const run = { module: serverModule, args: ['lsp', '--stdio'], transport: TransportKind.stdio };
  const serverOptions: ServerOptions = { run, debug: { ...run, options: { execArgv: ['--inspect=6009'] } } };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [...NOTE_SELECTOR, { scheme: 'file', pattern: '**/codebook.yaml' }, { scheme: 'file', pattern: '**/fieldnotes.yaml' }],
    synchronize: { configurationSection: 'fieldnotes' },
    initializationOptions: { locale },
    outputChannel: output,
  };
  client = new LanguageClient('fieldnotes', 'Fieldnotes', serverOptions, clientOptions);

  const colours = new PoleColours(() => client, msg);
  const codebookStatus = new CodebookStatusItem(() => client, msg);
  const analysis = new AnalysisView(() => client, msg);
  const reviews = new ReviewsView(() => client, msg);
  const compare = new CompareCoder(() => client, msg);
  const comparison = new ComparisonView(compare, msg);
  const comparisonTree = vscode.window.createTreeView('fieldnotes.comparison', { treeDataProvider: comparison });
  comparison.attach(comparisonTree);
  const reviewsTree = vscode.window.createTreeView('fieldnotes.reviews', { treeDataProvider: reviews });
  reviews.attach(reviewsTree);
  const evidence = new EvidenceView(() => client, msg);
  const evidenceTree = vscode.window.createTreeView('fieldnotes.evidence', { treeDataProvider: evidence, showCollapseAll: true });
  evidence.attach(evidenceTree);
  const previewCodebooks = new PreviewCodebooks(colours);
  context.subscriptions.push(
    colours,
    codebookStatus,
    analysis,
    reviews,
    reviewsTree,
    compare,
    comparison,
    comparisonTree,
    // Each resolves with what the view then shows (undefined when nothing was compared), or with the run selected.
    vscode.commands.registerCommand('fieldnotes.compareCoder', async (other?: unknown) => {
      if (!(await compare.run(other))) return undefined;
      await comparison.show();
      return comparison.snapshot();
    }),
    vscode.commands.registerCommand('fieldnotes.comparison.compareAgain', async () => ((await compare.compareAgain()) ? comparison.snapshot() : undefined)),
    vscode.commands.registerCommand('fieldnotes.comparison.next', () => compare.next()),
    vscode.commands.registerCommand('fieldnotes.comparison.previous', () => compare.previous()),
    vscode.commands.registerCommand('fieldnotes.comparison.show', (index: unknown) => (typeof index === 'number' ? compare.show(index, { preserveFocus: true }) : undefined)),
    vscode.commands.registerCommand('fieldnotes.comparison.close', () => compare.close()),
    vscode.commands.registerCommand('fieldnotes.showAnalysis', () => analysis.show()),
    evidence,
    evidenceTree,
    vscode.commands.registerCommand('fieldnotes.codeSelection', () => codeSelection(client, msg)),
    vscode.commands.registerCommand('fieldnotes.evidence.filterCase', () => evidence.chooseCase()),
    vscode.commands.registerCommand('fieldnotes.evidence.filterCoder', () => evidence.chooseCoder()),
    vscode.commands.registerCommand('fieldnotes.evidence.clearFilter', () => evidence.clearFilter()),
    vscode.commands.registerCommand('fieldnotes.evidence.refresh', () => evidence.refresh()),
    vscode.commands.registerCommand('fieldnotes.restartServer', () => client?.restart()),
    ...registerExportCommands(() => client, msg),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('fieldnotes.language')) void offerReload(msg);
    }),
    client.onDidChangeState(({ newState }) => {
      if (newState === State.Running) {
        void vscode.commands.executeCommand('setContext', 'fieldnotes.serverRunning', true);
        colours.refreshAll();
        void codebookStatus.refresh();
        evidence.refresh();
        reviews.refresh();
      }
      if (newState === State.Stopped) {
        void vscode.commands.executeCommand('setContext', 'fieldnotes.serverRunning', false);
        codebookStatus.serverStopped();
      }
    }),
  );

  await client.start();
  context.subscriptions.push(
    client.onNotification(EvidenceChangedNotification.method, () => {
      colours.refreshAll();
      void codebookStatus.refresh();
      evidence.refresh();
      reviews.refresh();
      void analysis.refresh();
      previewCodebooks.changed();
    }),
  );

  // The built-in Markdown preview calls this with its markdown-it (contributes.markdown.markdownItPlugins).
  return {
    extendMarkdownIt: (md: unknown) => previewPlugin(md as Parameters<typeof previewPlugin>[0], (env) => previewCodebooks.lookup(env)),
    comparison: () => comparison.snapshot(),
  };
}

/**
 * The codebooks of previewed notes. markdown-it renders synchronously, so
 * a note whose codebook is not known yet renders uncoloured once, and the
 * preview is refreshed as soon as the server has answered.
 */
class PreviewCodebooks {
  private readonly known = new Map<string, PreviewCodebook>();
  private readonly asking = new Set<string>();

  constructor(private readonly colours: PoleColours) {}

  lookup(env: unknown): PreviewNote | undefined {
    const document = (env as { currentDocument?: vscode.Uri } | undefined)?.currentDocument;
    if (!document || !document.path.endsWith('.fn.md')) return undefined;
    const key = document.toString();
    const known = this.known.get(key);
    if (!known && !this.asking.has(key)) {
      this.asking.add(key);
      void this.colours
        .codebookFor(document)
        .then((codebook) => {
          if (!codebook) return;
          this.known.set(key, codebook);
          void vscode.commands.executeCommand('markdown.preview.refresh');
        })
        .finally(() => this.asking.delete(key));
    }
    return { codebook: known };
  }

  /** A codebook may have changed: ask again at the next render. */
  changed(): void {
    if (!this.known.size) return;
    this.known.clear();
    void vscode.commands.executeCommand('markdown.preview.refresh');
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

function languageSetting(): string | undefined {
  const value = vscode.workspace.getConfiguration('fieldnotes').get<string>('language');
  return value && value !== 'auto' ? value : undefined;
}

/** The language is chosen at start-up, for the extension and the server alike. */
async function offerReload(msg: ClientMessages): Promise<void> {
  if ((await vscode.window.showInformationMessage(msg.reloadForLanguage, msg.reload)) === msg.reload) {
    await vscode.commands.executeCommand('workbench.action.reloadWindow');
  }
}
