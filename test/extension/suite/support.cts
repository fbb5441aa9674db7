import assert from 'node:assert/strict';
import path from 'node:path';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { ROOT } from './paths.cjs';

/**
 * How long a condition may take before the test fails. Generous: it only
 * bounds a failure (a cold VS Code on a slow machine can take a while to
 * start the server); a passing test waits for its event, never for time.
 */
export const DEADLINE_MS = 60_000;

/**
 * Resolves with the first truthy value of `check`, which is tried now and
 * again after every one of `events`; rejects after `deadline` with what was
 * awaited (and the last value `describe` gives, when given). No sleeps.
 */
export function waitFor<T>(
  what: string,
  events: vscode.Event<unknown>[],
  check: () => T | undefined | null | false,
  options: { deadline?: number; describe?: () => string } = {},
): Promise<T> {
  const deadline = options.deadline ?? DEADLINE_MS;
  return new Promise<T>((resolve, reject) => {
    const subscriptions: vscode.Disposable[] = [];
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      for (const s of subscriptions) s.dispose();
      finish();
    };
    const attempt = () => {
      try {
        const value = check();
        if (value) settle(() => resolve(value));
      } catch (error) {
        settle(() => reject(error));
      }
    };
    const timer = setTimeout(() => {
      const last = options.describe ? ` (last seen: ${options.describe()})` : '';
      settle(() => reject(new Error(`Timed out after ${deadline / 1000} s waiting for ${what}${last}`)));
    }, deadline);
    for (const event of events) subscriptions.push(event(attempt));
    attempt();
  });
}

/** The folder VS Code was opened on: the runner's temporary copy of samples/, never the repository's. */
export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'VS Code was started without a workspace folder (the runner passes a copy of samples/)');
  assert.notEqual(path.resolve(folder.uri.fsPath), path.join(ROOT, 'samples'), 'the suite must run on a copy of samples/, not on the repository');
  return folder;
}

export interface Codebook {
  poles: Record<string, { label: string }>;
  dimensions: { id: string; label: string; variations: { id: string; label: string; evidence: string }[] }[];
}

/** The workspace's codebook.yaml, read directly (what the server should be reporting). */
export async function readCodebook(): Promise<Codebook> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(workspaceFolder().uri, 'codebook.yaml'));
  return parse(Buffer.from(bytes).toString('utf8')) as Codebook;
}

/** Diagnostics the Fieldnotes server published for `uri`. */
export function fieldnotesDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'fieldnotes');
}

/** A diagnostic's code, whether VS Code holds it as a string or as `{ value, target }`. */
export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  return code === undefined ? undefined : String(typeof code === 'object' ? code.value : code);
}

export function describeDiagnostics(uri: vscode.Uri): string {
  const all = vscode.languages.getDiagnostics(uri);
  return all.length ? all.map((d) => `${d.source ?? '?'} ${codeOf(d) ?? ''} ${d.message}`).join('; ') : 'no diagnostics';
}

/** Waits until the server has published, for `uri`, diagnostics that satisfy `test`. */
export function waitForDiagnostics(what: string, uri: vscode.Uri, test: (diagnostics: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  return waitFor(
    what,
    [vscode.languages.onDidChangeDiagnostics],
    () => {
      const diagnostics = fieldnotesDiagnostics(uri);
      return test(diagnostics) ? diagnostics : undefined;
    },
    { describe: () => describeDiagnostics(uri) },
  );
}

export const hasUnknownCode = (diagnostics: vscode.Diagnostic[]) => diagnostics.some((d) => codeOf(d) === 'code/unknown');

/** Writes a note into the workspace copy and opens it in an editor. */
export async function openNewNote(name: string, text: string): Promise<vscode.TextDocument> {
  const uri = vscode.Uri.joinPath(workspaceFolder().uri, name);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return document;
}

/** The position just after the first occurrence of `text` in `document` (plus `offset`). */
export function positionAfter(document: vscode.TextDocument, text: string, offset = 0): vscode.Position {
  const at = document.getText().indexOf(text);
  assert.ok(at >= 0, `${JSON.stringify(text)} is not in ${document.uri.fsPath}`);
  return document.positionAt(at + text.length + offset);
}

/**
 * The note most suites work on: one code of each pole and one code that is
 * not in the codebook. Written and opened once; ready when the server has
 * reported the unknown code, which it can only do once it has read both the
 * note and its codebook, so requests that follow are answered from them.
 */
export const TEST_NOTE_NAME = 'extension-test.fn.md';
export const TEST_NOTE = `---
id: extension-test
kind: interview
case: kommune-99
coder: TE
date: 2024-01-15
---

# Intervju skrevet av utvidelsestestene

**I:** Hvordan kommer dere i kontakt med ungdom?

**NAV-leder 99:** [Vi drar dit de er]{#kontaktvei/tilgjengelig-på-arenaer}, men
[de over atten kommer selv]{#målgruppe/over-18}. Og [dette er en kode som ikke
finnes]{#kontaktvei/finnes-ikke}.
`;

export interface TestNote {
  document: vscode.TextDocument;
  diagnostics: vscode.Diagnostic[];
}

let testNote: Promise<TestNote> | undefined;

export function openTestNote(): Promise<TestNote> {
  testNote ??= (async () => {
    const document = await openNewNote(TEST_NOTE_NAME, TEST_NOTE);
    const diagnostics = await waitForDiagnostics(`the server's code/unknown diagnostic on ${TEST_NOTE_NAME}`, document.uri, hasUnknownCode);
    return { document, diagnostics };
  })();
  return testNote;
}
