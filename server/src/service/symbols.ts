import { SymbolKind, type DocumentSymbol, type Range, type WorkspaceSymbol } from 'vscode-languageserver-types';
import type { CodedSegment } from '../core/checks/noteModel.js';
import type { Messages } from '../core/i18n/messages.js';
import { fold } from '../core/text/suggest.js';
import { frontMatterText } from '../core/checks/frontMatter.js';
import type { StudyCopies } from './studyCopies.js';
import type { NoteView, WorkspaceIndex } from './workspace.js';

const WITHOUT_READING = '\u0000';

/** `Speaker: the first words…` or just the first words: how a segment is named in outlines. */
export function segmentName(segment: CodedSegment): string {
  const words = segment.segment.text.replace(/\s+/g, ' ').split(' ');
  const first = words.slice(0, 8).join(' ') + (words.length > 8 ? '…' : '');
  return segment.segment.speaker ? `${segment.segment.speaker}: ${first}` : first;
}

/**
 * The outline, grouped by evidence: one group per pole the codebook
 * declares (in its order), then one for codes without a reading (an
 * `either` code without `evidence=`, or a code not in the codebook). Under
 * each, the dimensions; under those, the segments.
 */
export function provideDocumentSymbols(view: NoteView, msg: Messages): DocumentSymbol[] {
  const codebook = view.model.codebook;
  const groups = new Map<string, Map<string, DocumentSymbol[]>>();
  for (const pole of codebook?.poles ?? []) groups.set(pole.id, new Map());
  groups.set(WITHOUT_READING, new Map());
  for (const segment of view.model.segments) {
    for (const code of segment.codes) {
      const pole = code.pole && groups.has(code.pole) ? code.pole : WITHOUT_READING;
      const dimension = code.variation?.dimension.label ?? code.ref.dimension;
      const byDimension = groups.get(pole)!;
      if (!byDimension.has(dimension)) byDimension.set(dimension, []);
      byDimension.get(dimension)!.push({
        name: segmentName(segment) || '#' + code.ref.id,
        detail: '#' + code.ref.id,
        kind: SymbolKind.String,
        range: view.lines.range(segment.segment.span),
        selectionRange: view.lines.range(segment.segment.contentSpan),
      });
    }
  }
  const symbols: DocumentSymbol[] = [];
  for (const [pole, byDimension] of groups) {
    if (!byDimension.size) continue;
    const dimensions = [...byDimension].map(([name, children]) => container(name, SymbolKind.Class, children));
    const label = pole === WITHOUT_READING ? msg.outlineWithoutReading() : (codebook!.poles.find((p) => p.id === pole)?.label ?? pole);
    symbols.push(container(label, SymbolKind.Namespace, dimensions, dimensions.reduce((n, d) => n + d.children!.length, 0)));
  }
  return symbols;
}

function container(name: string, kind: SymbolKind, children: DocumentSymbol[], count = children.length): DocumentSymbol {
  const range = cover(children.map((c) => c.range));
  return { name, detail: String(count), kind, range, selectionRange: range, children };
}

function cover(ranges: Range[]): Range {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character < b.character);
  return ranges.reduce((all, r) => ({ start: before(r.start, all.start) ? r.start : all.start, end: before(all.end, r.end) ? r.end : all.end }));
}

/**
 * Workspace symbols: the codebooks' codes and the notes' cases, matched
 * ignoring case and diacritics. A case is listed in every note of it, a
 * coder's copy of a transcript with its coder beside the note's id.
 */
export function provideWorkspaceSymbols(index: WorkspaceIndex, copies: StudyCopies, query: string): WorkspaceSymbol[] {
  const assignment = copies.assignment();
  const wanted = fold(query);
  const matches = (s: string) => fold(s).includes(wanted);
  const symbols: WorkspaceSymbol[] = [];
  for (const uri of index.codebookUris()) {
    const lines = index.codebookLines(uri)!;
    for (const variation of index.codebook(uri)!.codebook.codes.values()) {
      if (matches(variation.code) || matches(variation.label)) {
        symbols.push({ name: '#' + variation.code, containerName: variation.label, kind: SymbolKind.EnumMember, location: { uri, range: lines.range(variation.span) } });
      }
    }
  }
  for (const uri of index.noteUris().sort()) {
    const view = index.view(uri);
    const kase = view?.model.frontMatter.data.case;
    const span = view?.model.frontMatter.valueSpans.get('case');
    if (view && kase !== undefined && span && matches(String(kase))) {
      const data = view.model.frontMatter.data;
      const coder = assignment.transcriptOf(uri) ? frontMatterText(data.coder) : undefined;
      const container = [frontMatterText(data.id) ?? '', ...(coder === undefined ? [] : [coder])].join(' · ');
      symbols.push({ name: String(kase), containerName: container, kind: SymbolKind.Package, location: { uri, range: view.lines.range(span) } });
    }
  }
  return symbols;
}
