import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver-types';
import type { Codebook } from '../core/codebook/codebook.js';
import { EITHER } from '../core/codebook/codebook.js';
import { fold } from '../core/text/suggest.js';
import type { NoteView } from './workspace.js';
import frontMatterSchema from '../../schemas/frontmatter.schema.json' with { type: 'json' };

/**
 * Completion inside annotations (`{#` dimensions, `{#dimension/`
 * variations, `evidence=` poles, attribute names) and in front matter
 * (keys, and the values of `kind`). Items carry a folded `filterText`, so
 * that typing `malg` finds `målgruppe` whatever the client's matching.
 */
export function provideCompletion(view: NoteView, position: Position, codebook: Codebook | undefined): CompletionItem[] {
  const text = view.model.parsed.text;
  const offset = view.lines.offset(position);
  const lineStart = view.lines.offset({ line: position.line, character: 0 });
  const before = text.slice(lineStart, offset);

  const matter = view.model.parsed.frontMatter;
  if (matter && offset >= matter.valueSpan.start && offset <= matter.valueSpan.end) return frontMatterItems(before, position);

  const brace = before.lastIndexOf('{');
  if (brace < 0 || before.indexOf('}', brace) >= 0 || !codebook) return [];
  const inside = before.slice(brace + 1);
  if (countQuotes(inside) % 2 === 1) return []; // typing inside a quoted memo
  const token = /[^\s]*$/.exec(inside)![0];
  const tokenStart = position.character - token.length;
  const range = (from: number) => ({ start: { line: position.line, character: from }, end: position });

  if (token.startsWith('#')) {
    const slash = token.indexOf('/');
    if (slash < 0) {
      return codebook.dimensions.map((d, index) =>
        item(d.id, d.id + '/', CompletionItemKind.Module, d.label, d.description, range(tokenStart + 1), index, {
          command: { title: 'variations', command: 'editor.action.triggerSuggest' },
        }),
      );
    }
    const dimension = codebook.dimensionsById.get(token.slice(1, slash).normalize('NFC'));
    if (!dimension) return [];
    return dimension.variations.map((v, index) => {
      const pole = v.evidence === EITHER ? 'either (evidence=)' : (codebook.poles.find((p) => p.id === v.evidence)?.label ?? v.evidence ?? '');
      return item(v.id, v.id, CompletionItemKind.EnumMember, pole ? `${v.label} · ${pole}` : v.label, v.description, range(tokenStart + slash + 1), index);
    });
  }
  if (token.startsWith('evidence=')) {
    return codebook.poles.map((p, index) => item(p.id, p.id, CompletionItemKind.Value, p.label, p.description, range(tokenStart + 'evidence='.length), index));
  }
  if (!token.includes('=')) {
    return [
      { label: 'evidence=', kind: CompletionItemKind.Property, detail: 'evidence=pole', sortText: 'z1', textEdit: { range: range(tokenStart), newText: 'evidence=' }, command: { title: 'poles', command: 'editor.action.triggerSuggest' } },
      { label: 'memo=""', kind: CompletionItemKind.Property, detail: 'memo="..."', sortText: 'z2', insertTextFormat: InsertTextFormat.Snippet, textEdit: { range: range(tokenStart), newText: 'memo="$1"' } },
    ];
  }
  return [];
}

function item(label: string, insert: string, kind: CompletionItemKind, detail: string, description: string | undefined, range: { start: Position; end: Position }, index: number, extra: Partial<CompletionItem> = {}): CompletionItem {
  return {
    label,
    kind,
    detail,
    ...(description ? { documentation: { kind: MarkupKind.Markdown, value: description } } : {}),
    filterText: fold(label) === label ? label : `${label} ${fold(label)}`,
    sortText: String(index).padStart(4, '0'),
    textEdit: { range, newText: insert },
    ...extra,
  };
}

function countQuotes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s[i] === '"' && s[i - 1] !== '\\') n++;
  return n;
}

const KIND_VALUES = frontMatterSchema.properties.kind.enum;

function frontMatterItems(before: string, position: Position): CompletionItem[] {
  const value = /^(\w+):\s*(\S*)$/.exec(before);
  if (value) {
    if (value[1] !== 'kind') return [];
    const from = position.character - value[2]!.length;
    return KIND_VALUES.map((k, index) => item(k, k, CompletionItemKind.EnumMember, 'kind', undefined, { start: { line: position.line, character: from }, end: position }, index));
  }
  if (!/^\w*$/.test(before)) return [];
  return Object.entries(frontMatterSchema.properties).map(([key, schema], index) =>
    item(key, key + ': ', CompletionItemKind.Property, key, (schema as { description?: string }).description, { start: { line: position.line, character: 0 }, end: position }, index),
  );
}
