import type { Codebook } from '../core/codebook/codebook.js';
import { poleColour } from '../core/codebook/poleColours.js';
import type { Messages } from '../core/i18n/messages.js';
import type { EvidencePole, EvidenceTree, EvidenceTreeParams, PoleStyle, SegmentPolesResult } from '../protocol/requests.js';
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

/**
 * The whole workspace's evidence: pole → dimension → variation → segments,
 * for one copy of each transcript (or one coder's notes, copies included),
 * optionally for one case. Poles come in their codebook's
 * order (the first codebook that declares each), then a group for
 * segments without a reading (an `either` code without `evidence=`, a code
 * missing from the codebook); dimensions and variations in codebook order.
 * A segment with two codes appears under each.
 */
export function provideEvidenceTree(index: WorkspaceIndex, copies: StudyCopies, filter: EvidenceTreeParams, msg: Messages, isCancelled: () => boolean = () => false): EvidenceTree | undefined {
  const cases = new Set<string>();
  let uncountedCopies = 0;
  const inView = copies.inView(filter.coder);
  const coders = new Set<string>();
  const poles = new Map<string | undefined, EvidencePole>();
  /** Where each dimension and variation stands in its codebook; codes missing from the codebook go last. */
  const rank = new Map<string, number>();
  for (const uri of index.noteUris().sort()) {
    if (isCancelled()) return undefined;
    const view = index.view(uri);
    if (!view) continue;
    const data = view.model.frontMatter.data;
    const kase = text(data.case);
    const coder = text(data.coder);
    if (kase !== undefined) cases.add(kase);
    if (coder !== undefined) coders.add(coder);
    if (filter.case !== undefined && filter.case !== kase) continue;
    if (!inView(view)) {
      if (filter.coder === undefined) uncountedCopies++;
      continue;
    }
    for (const style of poleStyles(view.model.codebook)) if (!poles.has(style.id)) newGroup(poles, style.id, style.label, style.color);
    for (const coded of view.model.segments) {
      for (const code of coded.codes) {
        const pole = poles.get(code.pole) ?? newGroup(poles, undefined, msg.outlineWithoutReading(), undefined);
        const variation = code.variation;
        const dimensionId = variation?.dimension.id ?? code.ref.dimension;
        if (variation && !rank.has(dimensionId)) rank.set(dimensionId, view.model.codebook!.dimensions.indexOf(variation.dimension));
        if (variation && !rank.has(code.ref.id)) rank.set(code.ref.id, variation.dimension.variations.indexOf(variation));
        const dimension = child(pole.dimensions, (d) => d.id === dimensionId, () => ({ id: dimensionId, label: variation?.dimension.label ?? dimensionId, count: 0, variations: [] }));
        const entry = child(dimension.variations, (v) => v.code === code.ref.id, () => ({ code: code.ref.id, label: variation?.label ?? code.ref.id, segments: [] }));
        entry.segments.push({ uri, range: view.lines.range(coded.segment.contentSpan), name: segmentName(coded), case: kase });
        dimension.count++;
        pole.count++;
      }
    }
  }
  const inCodebookOrder = (a: string, b: string) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0);
  const result = [...poles.values()].filter((pole) => pole.count > 0);
  for (const pole of result) {
    pole.dimensions.sort((a, b) => inCodebookOrder(a.id, b.id));
    for (const dimension of pole.dimensions) dimension.variations.sort((a, b) => inCodebookOrder(a.code, b.code));
  }
  // The group without a reading always comes last.
  result.sort((a, b) => Number(a.id === undefined) - Number(b.id === undefined));
  const byName = (a: string, b: string) => a.localeCompare(b, 'nb', { numeric: true });
  return { poles: result, cases: [...cases].sort(byName), coders: [...coders].sort(byName), uncountedCopies };
}

function newGroup(poles: Map<string | undefined, EvidencePole>, id: string | undefined, label: string, color: string | undefined): EvidencePole {
  const group: EvidencePole = { id, label, color, count: 0, dimensions: [] };
  poles.set(id, group);
  return group;
}

function child<T>(list: T[], matches: (item: T) => boolean, create: () => T): T {
  let found = list.find(matches);
  if (!found) list.push((found = create()));
  return found;
}
