import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  ExitNotification,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCreateRequest,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { CLI } from './paths.js';

/**
 * A real LSP client for tests: starts `fieldnotes lsp --stdio` as a
 * process and speaks JSON-RPC with it. Waiting is on events (a
 * notification that satisfies a condition), never on time.
 */
export class LspClient {
  readonly connection: ProtocolConnection;
  private readonly process: ChildProcess;
  private readonly latest = new Map<string, PublishDiagnosticsParams>();
  private waiters: { uri: string; test: (d: Diagnostic[], version: number | undefined) => boolean; resolve: (d: Diagnostic[]) => void }[] = [];
  /** Who hears every `publishDiagnostics` (the benchmarks count them). */
  private readonly publishListeners = new Set<(params: PublishDiagnosticsParams) => void>();
  stderr = '';

  constructor(cli = CLI) {
    this.process = spawn(process.execPath, [cli, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.latest.set(params.uri, params);
      for (const listener of this.publishListeners) listener(params);
      this.waiters = this.waiters.filter((w) => {
        if (w.uri !== params.uri || !w.test(params.diagnostics, params.version)) return true;
        w.resolve(params.diagnostics);
        return false;
      });
    });
    this.connection.listen();
  }

  /** The `fieldnotes` settings this client hands the server when asked. */
  private settings: unknown;

  /** The server's process id (the benchmarks read its memory from /proc). */
  get pid(): number | undefined {
    return this.process.pid;
  }

  /** Calls `listener` with every `publishDiagnostics` from now on; returns what stops it. */
  onPublish(listener: (params: PublishDiagnosticsParams) => void): () => void {
    this.publishListeners.add(listener);
    return () => this.publishListeners.delete(listener);
  }

  /**
   * `settings`, when given, makes the client offer `workspace/configuration`, as VS Code does.
   * `options.progress` offers `window.workDoneProgress` (and accepts the server's progress tokens);
   * `options.waitForStartup: false` returns once `initialized` is sent, without waiting for the start-up check.
   */
  async initialize(folder: string, locale = 'en', settings?: unknown, options: { progress?: boolean; waitForStartup?: boolean } = {}): Promise<InitializeResult> {
    const uri = URI.file(folder).toString();
    this.settings = settings;
    if (settings !== undefined) {
      this.connection.onRequest(ConfigurationRequest.type, (params) => {
        this.settingsPulled?.();
        return params.items.map((item) => (item.section === 'fieldnotes' ? this.settings : null));
      });
    }
    if (options.progress) this.connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uri,
      locale,
      workspaceFolders: [{ uri, name: 'workspace' }],
      capabilities: {
        ...(settings === undefined ? {} : { workspace: { configuration: true } }),
        ...(options.progress ? { window: { workDoneProgress: true } } : {}),
      },
    });
    // The server announces the start-up check of the whole workspace when it is done.
    const ready = this.nextNotification('fieldnotes/evidenceChanged');
    await this.connection.sendNotification(InitializedNotification.type, {});
    if (options.waitForStartup !== false) await ready;
    return result;
  }

  private settingsPulled: (() => void) | undefined;

  /** Who hears each method's notifications (a connection holds one handler per method). */
  private readonly notificationListeners = new Map<string, Set<(params: unknown) => void>>();

  /** Calls `listener` with every notification of this method from the server from now on (not publishDiagnostics: see onPublish); returns what stops it. */
  onNotification(method: string, listener: (params: unknown) => void): () => void {
    let listeners = this.notificationListeners.get(method);
    if (!listeners) {
      const all = (listeners = new Set());
      this.notificationListeners.set(method, all);
      this.connection.onNotification(method, (params: unknown) => {
        for (const heard of [...all]) heard(params);
      });
    }
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  /** Resolves at the next notification of this method from the server. */
  nextNotification(method: string): Promise<void> {
    return new Promise((resolve) => {
      const stop = this.onNotification(method, () => {
        stop();
        resolve();
      });
    });
  }

  /**
   * The user changed the settings. Resolves once the server has applied
   * them: it has pulled the new settings and then announced, with
   * `fieldnotes/evidenceChanged`, that it re-checked the workspace.
   */
  async changeSettings(settings: unknown): Promise<void> {
    this.settings = settings;
    const applied = new Promise<void>((resolve) => {
      this.settingsPulled = () => {
        this.settingsPulled = undefined;
        void this.nextNotification('fieldnotes/evidenceChanged').then(resolve);
      };
    });
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await applied;
  }

  /**
   * Like `diagnostics`, without open review comments (`review/open`): they
   * are the supervisor's notes for the coder, not problems, and the samples
   * hold some.
   */
  async problems(uri: string, test: (d: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    const only = (d: Diagnostic[]) => d.filter((x) => x.code !== 'review/open');
    return only(await this.diagnostics(uri, (d) => test(only(d))));
  }

  /** The next (or latest) diagnostics for `uri` that satisfy `test`. */
  diagnostics(uri: string, test: (d: Diagnostic[], version: number | undefined) => boolean = () => true): Promise<Diagnostic[]> {
    const latest = this.latest.get(uri);
    if (latest && test(latest.diagnostics, latest.version)) return Promise.resolve(latest.diagnostics);
    return new Promise((resolve) => this.waiters.push({ uri, test, resolve }));
  }

  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.process.once('exit', resolve));
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}

export const fileUri = (file: string) => URI.file(file).toString();

/** The server of one suite, and where it runs: `root` is the temporary folder, `folder` the workspace folder in it. */
export interface SuiteServer {
  client: LspClient;
  root: string;
  folder: string;
}

/**
 * A language server for the `describe` this is called in. Before its
 * tests, a new temporary folder (named from `prefix`) is filled by
 * `prepare`, which returns the workspace folder (the temporary folder
 * itself or one inside it), and the server starts on that folder; after
 * them, the server must shut down with exit status 0, and the temporary
 * folder is removed.
 */
export function serverForSuite(prefix: string, prepare: (root: string) => string, options: { locale?: string; settings?: unknown } = {}): SuiteServer {
  const suite = {} as SuiteServer;
  before(async () => {
    suite.root = mkdtempSync(path.join(os.tmpdir(), prefix));
    suite.folder = prepare(suite.root);
    suite.client = new LspClient();
    await suite.client.initialize(suite.folder, options.locale, options.settings);
  });
  after(async () => {
    assert.equal(await suite.client.stop(), 0, suite.client.stderr);
    rmSync(suite.root, { recursive: true, force: true });
  });
  return suite;
}
