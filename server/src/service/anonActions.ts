import { CodeActionKind, type CodeAction, type Diagnostic as LspDiagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-types';
import { URI, Utils } from 'vscode-uri';
import { isMap, isSeq, type Node as YamlNode } from 'yaml';
import { PROJECT_FILE } from '../core/project/projectFile.js';
import type { AnonType } from '../core/anon/types.js';
import type { Messages } from '../core/i18n/messages.js';
import { LineIndex } from '../core/text/lineIndex.js';
import { readYaml, spanOfNode, yamlValue } from '../core/yaml/yamlSource.js';
import { DISMISS_MARKER } from '../core/anon/dismissals.js';
import type { WorkspaceIndex } from './workspace.js';

/** Where the real names behind the pseudonyms are kept: beside `fieldnotes.yaml`, never with the notes that are shared. */
export const KEY_FILE = 'pseudonym-key.yaml';

/** Run by the editor after a fix first writes the key (arguments: the key's URI, whether `.gitignore` was edited): tells the user where it is and why it stays private. */
export const KEY_WRITTEN_COMMAND = 'fieldnotes.pseudonymKeyWritten';

/** The placeholder for each kind of finding, as transcribers write them. */
function placeholderFor(type: AnonType, words: string): string {
  switch (type) {
    case 'person':
      return 'navn';
    case 'place':
      return 'sted';
    case 'org':
      return /sk(o|u)le|vgs|skuvla/i.test(words) ? 'skole' : 'arbeidsplass';
    case 'idnum':
      return 'fødselsnummer';
    case 'phone':
      return 'telefon';
    case 'email':
      return 'e-post';
    case 'dob':
      return 'fødselsdato';
    default:
      return 'anonymisert';
  }
}

/** What a quick fix needs of the workspace's project and key files. */
export interface AnonFixFiles {
  /** The `fieldnotes.yaml` that governs the note, or where a new one would go. */
  projectUri: string;
  projectText: string | undefined;
  keyText: string | undefined;
  /** The `.gitignore` beside the key file, if there is one. */
  gitignoreText: string | undefined;
}

/**
 * Quick fixes for `anon/*` findings: replace the words with a placeholder;
 * replace them everywhere in the workspace with a pseudonym kept in the
 * key file (listed in `.gitignore`, which is created if missing); keep
 * them at this one place (`<!-- anon-ok -->`); or allow them in
 * `fieldnotes.yaml`.
 */
export function provideAnonActions(index: WorkspaceIndex, uri: string, diagnostics: LspDiagnostic[], files: AnonFixFiles, msg: Messages): CodeAction[] {
  const view = index.view(uri);
  if (!view) return [];
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== 'fieldnotes' || typeof diagnostic.code !== 'string' || !diagnostic.code.startsWith('anon/') || diagnostic.code === 'anon/indirect') continue;
    const type = diagnostic.code.slice(5) as AnonType;
    const words = view.model.parsed.text.slice(view.lines.offset(diagnostic.range.start), view.lines.offset(diagnostic.range.end));
    if (!words.trim()) continue;
    const placeholder = `[${placeholderFor(type, words)}]`;
    actions.push(action(msg.fixPlaceholder(words, placeholder), diagnostic, { changes: { [uri]: [{ range: diagnostic.range, newText: placeholder }] } }, true));

    if (type === 'person' || type === 'place' || type === 'org') {
      const pseudonym = pseudonymFor(words, type, files.keyText);
      const changes: Record<string, TextEdit[]> = {};
      for (const noteUri of index.noteUris()) {
        const note = index.view(noteUri);
        if (!note) continue;
        const edits = occurrences(note.model.parsed.text, words).map((span) => ({ range: note.lines.range(span), newText: pseudonym.text }));
        if (edits.length) changes[noteUri] = edits;
      }
      const folder = Utils.dirname(URI.parse(files.projectUri));
      const keyUri = Utils.joinPath(folder, KEY_FILE).toString();
      const documentChanges: NonNullable<WorkspaceEdit['documentChanges']> = Object.entries(changes).map(([noteUri, edits]) => ({ textDocument: { uri: noteUri, version: null }, edits }));
      if (pseudonym.isNew) appendLine(documentChanges, keyUri, files.keyText, KEY_HEADER, `${yamlString(words)}: ${yamlString(pseudonym.text)}\n`);
      const ignore = pseudonym.isNew && !ignoresKey(files.gitignoreText);
      if (ignore) appendLine(documentChanges, Utils.joinPath(folder, '.gitignore').toString(), files.gitignoreText, '', `${KEY_FILE}\n`);
      const pseudonymAction = action(msg.fixPseudonymEverywhere(words, pseudonym.text, KEY_FILE), diagnostic, pseudonym.isNew ? { documentChanges } : { changes });
      // Said once, when the key comes into being or `.gitignore` learns of it; later pseudonyms go in quietly.
      if (files.keyText === undefined || ignore) pseudonymAction.command = { title: msg.fixPseudonymEverywhere(words, pseudonym.text, KEY_FILE), command: KEY_WRITTEN_COMMAND, arguments: [keyUri, ignore] };
      actions.push(pseudonymAction);
    }

    if (type === 'person' || type === 'place' || type === 'org') {
      const edit = allowEdit(files.projectUri, files.projectText, words);
      if (edit) actions.push(action(msg.fixAllow(words, PROJECT_FILE), diagnostic, edit));
    }

    const end = diagnostic.range.end;
    actions.push(action(msg.fixDismissHere(words, DISMISS_MARKER), diagnostic, { changes: { [uri]: [{ range: { start: end, end }, newText: DISMISS_MARKER }] } }));
  }
  return actions;
}

function action(title: string, diagnostic: LspDiagnostic, edit: WorkspaceEdit, preferred = false): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: preferred, edit };
}

/** Every whole-word occurrence of `words` in a text. */
function occurrences(text: string, words: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  const letter = /[\p{L}\p{N}]/u;
  for (let at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + words.length)) {
    const before = at > 0 ? text[at - 1]! : '';
    const after = text[at + words.length] ?? '';
    if (!letter.test(before) && !letter.test(after)) found.push({ start: at, end: at + words.length });
  }
  return found;
}

/** The pseudonym the key file gives these words, or the next free one of their kind (`[navn 3]`). */
function pseudonymFor(words: string, type: AnonType, keyText: string | undefined): { text: string; isNew: boolean } {
  // A key file that cannot be read whole gives no pseudonyms; the next free one is offered.
  const read = keyText ? yamlValue(readYaml(keyText)) : undefined;
  const key = read && 'value' in read ? read.value : undefined;
  const entries = key && typeof key === 'object' && !Array.isArray(key) ? (key as Record<string, unknown>) : {};
  const known = entries[words];
  if (typeof known === 'string' && known.trim()) return { text: known, isNew: false };
  const kind = placeholderFor(type, words);
  const taken = new Set(Object.values(entries).map(String));
  let n = 1;
  while (taken.has(`[${kind} ${n}]`)) n++;
  return { text: `[${kind} ${n}]`, isNew: true };
}

/** A line appended to a file, which is created (starting with `header`) when missing. */
function appendLine(documentChanges: NonNullable<WorkspaceEdit['documentChanges']>, fileUri: string, fileText: string | undefined, header: string, line: string): void {
  if (fileText === undefined) {
    documentChanges.push({ kind: 'create', uri: fileUri, options: { ignoreIfExists: true } });
    documentChanges.push({ textDocument: { uri: fileUri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: header + line }] });
  } else {
    const end = new LineIndex(fileText).position(fileText.length);
    const separator = fileText && !fileText.endsWith('\n') ? '\n' : '';
    documentChanges.push({ textDocument: { uri: fileUri, version: null }, edits: [{ range: { start: end, end }, newText: separator + line }] });
  }
}

/** Whether a `.gitignore` already keeps the key file out (by its name, anchored or under any folder). */
function ignoresKey(gitignore: string | undefined): boolean {
  if (!gitignore) return false;
  return gitignore.split(/\r?\n/).some((line) => ['pseudonym-key.yaml', '/pseudonym-key.yaml', '**/pseudonym-key.yaml'].includes(line.trim()));
}

const KEY_HEADER =
  '# The real names behind the pseudonyms in these notes. Keep this file out of\n# shared folders, archives and version control: it undoes the anonymization.\n';

/** `words` added to the `allow` list of `fieldnotes.yaml`, written into the text so its comments and layout stay. */
function allowEdit(projectUri: string, projectText: string | undefined, words: string): WorkspaceEdit | undefined {
  const entry = yamlString(words);
  if (projectText === undefined) {
    return {
      documentChanges: [
        { kind: 'create', uri: projectUri, options: { ignoreIfExists: true } },
        { textDocument: { uri: projectUri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `anonymization:\n  allow:\n    - ${entry}\n` }] },
      ],
    };
  }
  const source = readYaml(projectText);
  if (source.errors.length) return undefined;
  const lines = new LineIndex(projectText);
  const insert = (offset: number, text: string): WorkspaceEdit => ({ changes: { [projectUri]: [{ range: { start: lines.position(offset), end: lines.position(offset) }, newText: text }] } });
  const end = projectText.length;
  const newline = projectText && !projectText.endsWith('\n') ? '\n' : '';
  const root = source.doc.contents;
  const anonymization = isMap(root) ? (root.get('anonymization', true) as YamlNode | undefined) : undefined;
  if (!isMap(anonymization)) return anonymization === undefined && (isMap(root) || !root) ? insert(end, `${newline}anonymization:\n  allow:\n    - ${entry}\n`) : undefined;
  const allow = anonymization.get('allow', true) as YamlNode | undefined;
  if (allow === undefined) {
    const span = spanOfNode(source, anonymization);
    if (!span) return undefined;
    const indent = ' '.repeat(lines.position(span.start).character);
    return insert(lineEnd(projectText, span.end), `${indent}allow:\n${indent}  - ${entry}\n`);
  }
  if (!isSeq(allow)) return undefined;
  const span = spanOfNode(source, allow);
  if (!span) return undefined;
  if (allow.flow) {
    const close = projectText.lastIndexOf(']', span.end);
    return insert(close, `${allow.items.length ? ', ' : ''}${entry}`);
  }
  const indent = ' '.repeat(lines.position(span.start).character);
  return insert(lineEnd(projectText, span.end), `${indent}- ${entry}\n`);
}

/** The offset after the line that `offset` ends (where a new line may be inserted). */
function lineEnd(text: string, offset: number): number {
  const end = text.lastIndexOf('\n', offset - 1) >= 0 && text[offset - 1] === '\n' ? offset : text.indexOf('\n', offset);
  return end < 0 ? text.length : end === offset && text[offset - 1] === '\n' ? offset : end + 1;
}

/** A YAML scalar for any words: plain when safe, else double-quoted. */
function yamlString(words: string): string {
  return /^[\p{L}][\p{L}\p{N} .'-]*$/u.test(words) && !/[:#]/.test(words) ? words : JSON.stringify(words);
}
