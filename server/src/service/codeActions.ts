import { CodeActionKind, type CodeAction, type Diagnostic as LspDiagnostic, type TextEdit } from 'vscode-languageserver-types';
import { isMap, isSeq } from 'yaml';
import { lazyContinuations } from '../core/dialect/lazyContinuation.js';
import type { Messages } from '../core/i18n/messages.js';
import { nodeAt, readYaml } from '../core/yaml/yamlSource.js';
import type { WorkspaceIndex } from './workspace.js';

/**
 * Quick fixes for the diagnostics the client sends back: the suggested
 * replacement for an unknown code, attribute or pole; `evidence=` for an
 * `either` code; an unknown code added to the codebook; a line a memo or
 * review comment swallows, set apart by a blank line or made its own.
 */
export function provideCodeActions(index: WorkspaceIndex, uri: string, diagnostics: LspDiagnostic[], msg: Messages): CodeAction[] {
  const view = index.view(uri);
  if (!view) return [];
  const actions: CodeAction[] = [];
  const fix = (title: string, diagnostic: LspDiagnostic, edits: Record<string, TextEdit[]>, preferred = false): CodeAction => ({
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: preferred,
    edit: { changes: edits },
  });
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== 'fieldnotes') continue;
    const suggestions = ((diagnostic.data as { suggestions?: string[] } | undefined)?.suggestions ?? []).slice(0, 3);
    switch (diagnostic.code) {
      case 'code/unknown': {
        suggestions.forEach((code, i) => actions.push(fix(msg.fixReplace('#' + code), diagnostic, { [uri]: [{ range: diagnostic.range, newText: '#' + code }] }, i === 0)));
        const id = view.model.parsed.text.slice(view.lines.offset(diagnostic.range.start) + 1, view.lines.offset(diagnostic.range.end));
        const addition = view.codebookUri && addToCodebook(index, view.codebookUri, id);
        if (addition) actions.push(fix(msg.fixAddToCodebook('#' + id), diagnostic, { [view.codebookUri!]: [addition] }));
        break;
      }
      case 'syntax/unknown-attribute':
      case 'code/invalid-evidence':
        suggestions.forEach((word, i) => actions.push(fix(msg.fixReplace(word), diagnostic, { [uri]: [{ range: diagnostic.range, newText: word }] }, i === 0)));
        break;
      case 'code/missing-evidence': {
        const offset = view.lines.offset(diagnostic.range.start);
        const segment = view.model.segments.find((s) => s.segment.annotation.span.start <= offset && offset < s.segment.annotation.span.end);
        if (!segment || !view.model.codebook) break;
        const close = view.lines.position(segment.segment.annotation.span.end - 1);
        for (const pole of view.model.codebook.poles) {
          actions.push(fix(msg.fixAddEvidence(pole.id, pole.label), diagnostic, { [uri]: [{ range: { start: close, end: close }, newText: ` evidence=${pole.id}` }] }));
        }
        break;
      }
      case 'callout/lazy-continuation': {
        const text = view.model.parsed.text;
        const at = view.lines.offset(diagnostic.range.start);
        const run = lazyContinuations(text, view.model.parsed.callouts).find((r) => r.lines[0]!.span.start === at);
        if (!run) break;
        const first = run.lines[0]!;
        const last = run.lines.at(-1)!;
        const start = view.lines.position(first.span.start);
        // The blank line keeps the quotes around the callout (a `>` of its own in a nested quote), so only the callout ends there.
        const blank = { range: { start, end: start }, newText: first.marks.trimEnd() + lineBreakEnding(text, first.span.start) };
        actions.push(fix(msg.fixLazyBlankLine(run.kind, run.lines.length), diagnostic, { [uri]: [blank] }, true));
        const joined = run.lines.map((line, i) => (i ? text.slice(run.lines[i - 1]!.span.end, line.span.start) : '') + run.calloutPrefix + text.slice(line.contentStart, line.span.end)).join('');
        const quoted = { range: { start, end: view.lines.position(last.span.end) }, newText: joined };
        actions.push(fix(msg.fixLazyIntoCallout(run.kind, run.lines.length), diagnostic, { [uri]: [quoted] }));
        break;
      }
    }
  }
  return actions;
}

/** The line break that ends the line before `lineStart`, so an inserted line matches the note's. */
function lineBreakEnding(text: string, lineStart: number): string {
  return text[lineStart - 1] === '\n' ? (text[lineStart - 2] === '\r' ? '\r\n' : '\n') : '\r';
}

/**
 * The edit that adds `dimension/variation` to the codebook: a variation
 * after the dimension's last one, or a new dimension after the last one.
 * Text is inserted, not the YAML rewritten, so the codebook keeps its
 * comments and layout.
 */
function addToCodebook(index: WorkspaceIndex, codebookUri: string, id: string): TextEdit | undefined {
  const slash = id.indexOf('/');
  if (slash <= 0 || slash === id.length - 1) return undefined;
  const [dimension, variation] = [id.slice(0, slash), id.slice(slash + 1)];
  const loaded = index.codebook(codebookUri);
  const lines = index.codebookLines(codebookUri);
  if (!loaded || !lines) return undefined;
  const source = readYaml(loaded.codebook.text);
  const dimensions = nodeAt(source, ['dimensions']);
  if (!isSeq(dimensions)) return undefined;
  const d = loaded.codebook.dimensions.findIndex((x) => x.id === dimension);
  const after = (node: { range?: [number, number, number] | null } | undefined) => {
    const end = node?.range?.[1];
    return end === undefined ? undefined : lines.position(end);
  };
  const indentOf = (node: { range?: [number, number, number] | null } | undefined) => {
    const start = node?.range?.[0] ?? 0;
    return ' '.repeat(lines.position(start).character);
  };
  if (d >= 0) {
    const variations = nodeAt(source, ['dimensions', d, 'variations']);
    if (!isSeq(variations) || !variations.items.length || !isMap(variations.items.at(-1))) return undefined;
    const last = variations.items.at(-1) as { range?: [number, number, number] };
    const at = after(last)!;
    const indent = indentOf(last);
    return { range: { start: at, end: at }, newText: `${lineBreakBefore(at)}${indent.slice(2)}- id: ${variation}\n${indent}label: ${variation}\n` };
  }
  const last = dimensions.items.at(-1) as { range?: [number, number, number] } | undefined;
  if (!last) return undefined;
  const at = after(last)!;
  const indent = indentOf(last);
  const inner = indent + '  ';
  return {
    range: { start: at, end: at },
    newText: `${lineBreakBefore(at)}${indent.slice(2)}- id: ${dimension}\n${indent}label: ${dimension}\n${indent}variations:\n${inner}- id: ${variation}\n${inner}  label: ${variation}\n`,
  };
}

/** The yaml library ends a block item after its line break, or at the end of a file without one. */
function lineBreakBefore(at: { character: number }): string {
  return at.character === 0 ? '' : '\n';
}
