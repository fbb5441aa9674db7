import type { ResolvedCode } from '../core/checks/noteModel.js';
import type { Codebook } from '../core/codebook/codebook.js';
import { poleColour } from '../core/codebook/poleColours.js';
import type { Messages } from '../core/i18n/messages.js';
import type { EvidenceDimension, EvidenceParent, EvidencePole, EvidenceSegment, EvidenceTree, EvidenceTreeParams, EvidenceVariation, PoleStyle, SegmentPolesResult } from '../protocol/requests.js';
import { segmentName } from './symbols.js';
import type { StudyCopies } from './studyCopies.js';
import type { NoteView, WorkspaceIndex } from './workspace.js';

export function poleStyles(codebook: Codebook | undefined): PoleStyle[] {
  return (codebook?.poles ?? []).map((pole, i) => ({ id: pole.id, label: pole.label, color: poleColour(pole.color, i) }));
}

/** Each coded segment with the one pole its codes give it, for colouring a note by evidence. */
export function provideSegmentPoles(view: NoteView): SegmentPolesResult {
  const segments: SegmentPolesResult['segments'] = [];
  for (const coded of view.model.segments) {
    const poles = new Set(coded.codes.map((code) => code.pole).filter((pole) => pole !== undefined));
    if (poles.size === 1) segments.push({ range: view.lines.range(coded.segment.contentSpan), pole: [...poles][0]! });
  }
  return { version: view.version, poles: poleStyles(view.model.codebook), segments };
}

const text = (value: unknown) => (value === undefined || value === null ? undefined : String(value));

/** A variation being counted; `ranked` once its place in a codebook is known. */
interface Counted {
  variation: EvidenceVariation;
  ranked: boolean;
}

/** What the top of the tree says besides the poles: every case and coder, whatever the filter, and the copies left out. */
interface Tally {
  cases: Set<string>;
  coders: Set<string>;
  uncountedCopies: number;
}

/**
 * Visits each note the Evidence view counts, by uri (the segments' order),
 * with its case: one copy of each transcript (or one coder's notes, copies
 * included), optionally of one case. False when cancelled.
 */
function eachCountedNote(index: WorkspaceIndex, copies: StudyCopies, filter: EvidenceTreeParams, isCancelled: () => boolean, visit: (uri: string, view: NoteView, kase: string | undefined) => void, tally?: Tally): boolean {
  const inView = copies.inView(filter.coder);
  for (const uri of index.noteUris().sort()) {
    if (isCancelled()) return false;
    const view = index.view(uri);
    if (!view) continue;
    const data = view.model.frontMatter.data;
    const kase = text(data.case);
    if (tally) {
      const coder = text(data.coder);
      if (kase !== undefined) tally.cases.add(kase);
      if (coder !== undefined) tally.coders.add(coder);
    }
    if (filter.case !== undefined && filter.case !== kase) continue;
    if (!inView(view)) {
      if (tally && filter.coder === undefined) tally.uncountedCopies++;
      continue;
    }
    visit(uri, view, kase);
  }
  return true;
}

/** The dimension a code stands under: its variation's, or for a code missing from the codebook, the one it names. */
const dimensionOf = (code: ResolvedCode) => code.variation?.dimension.id ?? code.ref.dimension;

/**
 * The pole group a code falls under: its pole, when a codebook of a note
 * counted so far declares it (`declared`), else the group without a reading.
 */
const groupOf = (code: ResolvedCode, declared: { has(pole: string): boolean }) => (code.pole !== undefined && declared.has(code.pole) ? code.pole : undefined);

/**
 * The top of the Evidence tree: pole → dimension → variation, each with
 * how many segments it holds, for one copy of each transcript (or one
 * coder's notes, copies included), optionally for one case; no segment's
 * place or name is made here (`provideEvidenceSegments` gives a
 * variation's). Poles come in their codebook's order (the first codebook
 * that declares each), then a group for segments without a reading (an
 * `either` code without `evidence=`, a code missing from the codebook);
 * dimensions and variations in codebook order. A segment with two codes
 * counts under each.
 */
export function provideEvidenceTree(index: WorkspaceIndex, copies: StudyCopies, filter: EvidenceTreeParams, msg: Messages, isCancelled: () => boolean = () => false): EvidenceTree | undefined {
  const tally: Tally = { cases: new Set(), coders: new Set(), uncountedCopies: 0 };
  const poles = new Map<string | undefined, EvidencePole>();
  /** Each pole's dimensions and their variations by id, to count into without searching the lists. */
  const found = new Map<EvidencePole, Map<string, { dimension: EvidenceDimension; variations: Map<string, Counted> }>>();
  /** Where each dimension and variation stands in its codebook; codes missing from the codebook go last. */
  const rank = new Map<string, number>();
  const styled = new Set<Codebook>();
  const done = eachCountedNote(index, copies, filter, isCancelled, (_uri, view) => {
    const codebook = view.model.codebook;
    if (codebook && !styled.has(codebook)) {
      styled.add(codebook);
      for (const style of poleStyles(codebook)) if (!poles.has(style.id)) newGroup(poles, style.id, style.label, style.color);
    }
    for (const coded of view.model.segments) {
      for (const code of coded.codes) {
        const pole = poles.get(groupOf(code, poles)) ?? newGroup(poles, undefined, msg.outlineWithoutReading(), undefined);
        const variation = code.variation;
        const dimensionId = dimensionOf(code);
        let dimensions = found.get(pole);
        if (!dimensions) found.set(pole, (dimensions = new Map()));
        let dimension = dimensions.get(dimensionId);
        if (!dimension) {
          dimension = { dimension: { id: dimensionId, label: variation?.dimension.label ?? dimensionId, count: 0, variations: [] }, variations: new Map() };
          dimensions.set(dimensionId, dimension);
          pole.dimensions.push(dimension.dimension);
        }
        let entry = dimension.variations.get(code.ref.id);
        if (!entry) {
          entry = { variation: { code: code.ref.id, label: variation?.label ?? code.ref.id, count: 0 }, ranked: false };
          dimension.variations.set(code.ref.id, entry);
          dimension.dimension.variations.push(entry.variation);
        }
        if (variation && !entry.ranked) {
          entry.ranked = true;
          if (!rank.has(dimensionId)) rank.set(dimensionId, codebook!.dimensions.indexOf(variation.dimension));
          if (!rank.has(code.ref.id)) rank.set(code.ref.id, variation.dimension.variations.indexOf(variation));
        }
        entry.variation.count++;
        dimension.dimension.count++;
        pole.count++;
      }
    }
  }, tally);
  if (!done) return undefined;
  const inCodebookOrder = (a: string, b: string) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0);
  const result = [...poles.values()].filter((pole) => pole.count > 0);
  for (const pole of result) {
    pole.dimensions.sort((a, b) => inCodebookOrder(a.id, b.id));
    for (const dimension of pole.dimensions) dimension.variations.sort((a, b) => inCodebookOrder(a.code, b.code));
  }
  // The group without a reading always comes last.
  result.sort((a, b) => Number(a.id === undefined) - Number(b.id === undefined));
  const byName = new Intl.Collator('nb', { numeric: true }).compare;
  return { poles: result, cases: [...tally.cases].sort(byName), coders: [...tally.coders].sort(byName), uncountedCopies: tally.uncountedCopies };
}

/**
 * One variation's segments, for the same filter as the tree it came from,
 * when the user expands it: by note (uri), then in the note's order; a
 * segment with the variation's code twice appears twice, as it counts.
 * Places and names are made for these segments only. Empty for a
 * variation the tree does not hold (the workspace changed, or no such
 * code); undefined when cancelled.
 */
export function provideEvidenceSegments(index: WorkspaceIndex, copies: StudyCopies, filter: EvidenceTreeParams, parent: EvidenceParent, isCancelled: () => boolean = () => false): EvidenceSegment[] | undefined {
  const segments: EvidenceSegment[] = [];
  /** Every pole a codebook of a note counted so far declares, as the tree's groups. */
  const declared = new Set<string>();
  const done = eachCountedNote(index, copies, filter, isCancelled, (uri, view, kase) => {
    for (const pole of view.model.codebook?.poles ?? []) declared.add(pole.id);
    for (const coded of view.model.segments) {
      for (const code of coded.codes) {
        if (code.ref.id !== parent.code || dimensionOf(code) !== parent.dimension || groupOf(code, declared) !== (parent.pole ?? undefined)) continue;
        segments.push({ uri, range: view.lines.range(coded.segment.contentSpan), name: segmentName(coded), case: kase });
      }
    }
  });
  return done ? segments : undefined;
}

function newGroup(poles: Map<string | undefined, EvidencePole>, id: string | undefined, label: string, color: string | undefined): EvidencePole {
  const group: EvidencePole = { id, label, color, count: 0, dimensions: [] };
  poles.set(id, group);
  return group;
}

