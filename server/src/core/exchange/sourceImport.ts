import { EITHER } from '../codebook/codebook.js';
import type { CodeTarget } from './importCodebook.js';
import type { ImportReport } from './importProblems.js';
import { escapeMarkdown } from './literalMarkdown.js';
import { calloutPlace, readProse, type Prose } from './noteProse.js';
import { writeNote, type NoteCallout } from './noteWriter.js';
import { composeOffsets, normalizeLineEnds, positionTable, safeOffset } from './positions.js';
import { calloutOfNote, readVariableValues, textOfSource, type AttributeValue, type CaseInfo, type ProjectNote, type SourceTextReader, type Variable } from './projectParts.js';
import { COPY_FRONT_MATTER_KEYS, NOT_SOURCE_VARIABLES, readSelectionDescription, SOURCE_FRONT_MATTER_KEYS } from './refi.js';
import { guidKey, readInteger } from './refiValues.js';
import { layOutSegments, type CodingRequest } from './segmentLayout.js';
import { chooseCounting } from './selectionCounting.js';
import { MAX_NAME_BYTES } from '../text/utf8.js';
import type { NoteFileNames } from './noteFileNames.js';
import { fileNamePart, slugify } from './slug.js';
import { childNamed, childrenNamed, childText, type XmlElement } from './xmlReader.js';

/** What every source of one project shares. */
export interface ProjectContext {
  report: ImportReport;
  /** The project comes from Fieldnotes: its texts are Markdown already. */
  markdownSources: boolean;
  users: Map<string, string>;
  codes: Map<string, CodeTarget>;
  poles: Set<string>;
  variables: Map<string, Variable>;
  casesBySource: Map<string, CaseInfo[]>;
  notes: Map<string, ProjectNote>;
  /** Notes placed in some note; the rest go to `notes.fn.md`. */
  usedNotes: Set<string>;
  sourceText: SourceTextReader;
  fileNames: NoteFileNames;
  reportedUsers: Set<string>;
}

export interface ImportedFile {
  path: string;
  text: string;
}

/** Where a TextSource comes from when it is not one itself (a PDF's text representation). */
export interface SourceOrigin {
  name?: string;
  /** The element holding the source's VariableValues and the GUID cases refer to. */
  owner?: XmlElement;
}

const TEXT_SOURCE_CHILDREN = ['Description', 'PlainTextContent', 'PlainTextSelection', 'Coding', 'NoteRef', 'VariableValue'];
/** Keys the import sets itself; a variable of that name cannot become front matter. */
const RESERVED_KEYS = new Set<string>(NOT_SOURCE_VARIABLES);

interface Selection {
  element: XmlElement;
  guid: string;
  start: number;
  end: number;
  name: string | undefined;
}

/** One coder's share of a selection. */
interface PendingRequest {
  coder: string;
  selection: Selection;
  request: CodingRequest;
  /** A coding of the whole source: its split into paragraphs is reported once, not per selection. */
  whole: boolean;
  eitherCodes: string[];
}

interface PendingCallout {
  coder: string | undefined;
  anchor: number;
  callout: NoteCallout;
}

/** A source's text as the note's Markdown body, and where each selection position lands in it. */
interface SourceBody {
  text: string;
  /** Positions in the counting the tool used; the text's length in it. */
  length: number;
  toBody(position: number): number;
  prose: Prose;
}

/**
 * One text source as notes: one per coder whose codings it holds (same
 * `id`, so `fieldnotes agree` pairs them), each with that coder's
 * segments and memos.
 */
export function importSource(element: XmlElement, context: ProjectContext, origin: SourceOrigin = {}): ImportedFile[] {
  const { report } = context;
  const name = origin.name ?? (element.attrs.name?.trim() || element.attrs.guid || '?');
  report.unknownChildren(element, TEXT_SOURCE_CHILDREN);
  const raw = readText(element, name, context);
  if (raw === undefined) return [];
  const selections = childrenNamed(element, 'PlainTextSelection').flatMap((s) => readSelection(s, name, report));
  const body = sourceBody(raw, selections, element, name, context);
  const sourceUser = userKey(element.attrs.creatingUser, element, context);
  const { requests, callouts } = readSelections(selections, body, sourceUser, name, context);
  requests.push(...wholeSourceRequests(element, name, sourceUser, { start: 0, end: body.text.length }, context));

  const coders = [...new Set(requests.map((r) => r.coder))];
  // A Fieldnotes source is its creator's copy (the one the study counted), coded or not; another tool's source is its coders' codings.
  if (context.markdownSources && sourceUser !== undefined ? !coders.includes(sourceUser) : !coders.length) coders.unshift(sourceUser ?? '');
  // The source's own memos go to its creator's note, or else the first.
  const primary = sourceUser !== undefined && coders.includes(sourceUser) ? sourceUser : coders[0]!;
  const ownerOf = (coder: string | undefined) => (coder !== undefined && coders.includes(coder) ? coder : primary);
  const head = headCallouts(element, context);
  const frontMatter = sourceFrontMatter(origin.owner ?? element, name, context);
  // A Fieldnotes source is named by its note's path in the study (`swot/intervju-01`): folders come back as folders, names in their own case.
  const part = context.markdownSources ? fileNamePart : slugify;
  const parts = name.split(/[\\/]/).filter(Boolean).map((p) => part(p, 'source'));
  const stem = parts.length ? parts : ['source'];
  // In a Fieldnotes project, the creator's note keeps the source's name (the counted copy's file); other copies are `<name>.<coder>`.
  const unnamed = context.markdownSources ? primary : undefined;
  const owner = origin.owner ?? element;
  return coders.map((coder) => {
    const coderName = coder ? (context.users.get(coder) ?? coder) : undefined;
    const taken = context.fileNames.take(stem, coders.length > 1 && coderName && coder !== unnamed ? part(coderName, 'coder') : undefined);
    if (taken.shortened) report.about(owner, report.say.fileNameShortened(name, taken.path, MAX_NAME_BYTES, report.where(owner)));
    const file = taken.path;
    const own = callouts.filter((c) => ownerOf(c.coder) === coder);
    const note = { file, source: name, frontMatter: frontMatter(coderName, coder === primary), head: head.filter((c) => ownerOf(c.coder) === coder).map((c) => c.callout) };
    return writeCoderNote(note, body, requests.filter((r) => r.coder === coder), own, context);
  });
}

/** The body text (escaped unless the project is Fieldnotes' own), in the counting the selections' names point to. */
function sourceBody(raw: string, selections: Selection[], element: XmlElement, name: string, context: ProjectContext): SourceBody {
  const { report } = context;
  const counting = chooseCounting(raw, selections);
  if (counting !== 'code-points') report.about(element, report.say.countingChanged(name, counting === 'utf16' ? report.say.countingUtf16 : report.say.countingCrlfAsOne));
  const table = positionTable(raw, counting);
  const normalized = normalizeLineEnds(raw);
  const body = context.markdownSources ? normalized : escapeMarkdown(normalized.text);
  const offsets = context.markdownSources ? normalized.offsets : composeOffsets(normalized.offsets, body.offsets);
  return { text: body.text, length: table.length - 1, toBody: (position) => offsets[safeOffset(raw, table[position]!)]!, prose: readProse(body.text) };
}

/** Each selection as coding requests (one per coder), or, without codings, as callouts for its notes. */
function readSelections(selections: Selection[], body: SourceBody, sourceUser: string | undefined, name: string, context: ProjectContext): { requests: PendingRequest[]; callouts: PendingCallout[] } {
  const { report } = context;
  const requests: PendingRequest[] = [];
  const callouts: PendingCallout[] = [];
  for (const selection of selections) {
    if (selection.start < 0 || selection.end < selection.start || selection.end > body.length) {
      report.about(selection.element, report.say.selectionOutOfRange(name, selection.guid, report.where(selection.element), selection.start, selection.end, body.length));
      continue;
    }
    const span = { start: body.toBody(selection.start), end: body.toBody(selection.end) };
    const selectionUser = userKey(selection.element.attrs.creatingUser, selection.element, context) ?? sourceUser;
    const codings = readCodings(childrenNamed(selection.element, 'Coding'), selectionUser ?? '', name, context);
    const memos = selectionMemos(selection.element, context);
    if (codings.size) requests.push(...toRequests(codings, selection, span, memos, name, context, false));
    else if (memos.notes.length) {
      const anchor = span.end > span.start ? span.end - 1 : span.start;
      for (const note of memos.notes) callouts.push({ coder: selectionUser, anchor, callout: noteCallout(note, context) });
    }
  }
  return { requests, callouts };
}

/** One coder's note: segments laid out, callouts placed, and what changed on the way reported with the note's lines. */
function writeCoderNote(
  note: { file: string; source: string; frontMatter: Record<string, unknown>; head: NoteCallout[] },
  body: SourceBody,
  requests: PendingRequest[],
  callouts: PendingCallout[],
  context: ProjectContext,
): ImportedFile {
  const layout = layOutSegments(body.text, body.prose.prose, requests.map((r) => r.request));
  const written = writeNote({
    frontMatter: note.frontMatter,
    head: note.head,
    body: body.text,
    segments: layout.segments,
    callouts: callouts.map((c) => ({ at: calloutPlace(body.text, body.prose.blocks, c.anchor), callout: c.callout })),
  });
  requests.forEach((pending, index) => reportPlacement(pending, layout.placements[index]!, written.segmentLines, note.source, note.file, context));
  return { path: note.file, text: written.text };
}

function readText(element: XmlElement, name: string, context: ProjectContext): string | undefined {
  const { report } = context;
  const text = textOfSource(element, context.sourceText);
  const where = report.where(element);
  if (text.kind === 'text') return text.text;
  if (text.kind === 'missing') report.about(element, report.say.sourceFileMissing(element.name, name, text.path, where));
  else if (text.kind === 'rich-only') report.about(element, report.say.sourceRichTextOnly(name, text.path, where));
  else report.about(element, report.say.sourceNoText(name, where));
  return undefined;
}

function readSelection(element: XmlElement, source: string, report: ImportReport): Selection[] {
  const guid = element.attrs.guid ?? '—';
  const start = readInteger(element.attrs.startPosition);
  const end = readInteger(element.attrs.endPosition);
  if (start === undefined || end === undefined) {
    report.about(element, report.say.selectionPositions(source, guid, report.where(element)));
    return [];
  }
  report.unknownChildren(element, ['Description', 'Coding', 'NoteRef']);
  return [{ element, guid, start, end, name: element.attrs.name }];
}

/** A user GUID as the key of a coder; one not among the project's users is reported once and stands for itself. */
function userKey(attribute: string | undefined, element: XmlElement, context: ProjectContext): string | undefined {
  const key = guidKey(attribute);
  if (key === undefined || context.users.has(key)) return key;
  if (!context.reportedUsers.has(key)) {
    context.reportedUsers.add(key);
    context.report.about(element, context.report.say.userUnknown(attribute!, context.report.where(element)));
  }
  context.users.set(key, attribute!.trim());
  return key;
}

interface Coded {
  codes: CodeTarget[];
  notes: ProjectNote[];
}

/** The codings that point to a variation, by coder; the others are reported. */
function readCodings(codings: XmlElement[], fallbackUser: string, source: string, context: ProjectContext): Map<string, Coded> {
  const { report } = context;
  const byCoder = new Map<string, Coded>();
  for (const coding of codings) {
    report.unknownChildren(coding, ['CodeRef', 'NoteRef']);
    const where = report.where(coding);
    const ref = childNamed(coding, 'CodeRef');
    const target = context.codes.get(guidKey(ref?.attrs.targetGUID) ?? '');
    if (!target) {
      report.about(coding, report.say.codeRefUnknown(ref?.attrs.targetGUID ?? '—', source, where));
      continue;
    }
    if (target.kind === 'not-codable') {
      report.about(coding, report.say.codeRefNotCodable(target.name, source, where));
      continue;
    }
    if (target.kind === 'dimension') {
      report.about(coding, report.say.codeRefDimension(target.name, target.dimension, source, where));
      continue;
    }
    const coder = userKey(coding.attrs.creatingUser, coding, context) ?? fallbackUser;
    const entry = byCoder.get(coder) ?? { codes: [], notes: [] };
    byCoder.set(coder, entry);
    entry.codes.push(target);
    entry.notes.push(...referencedNotes(coding, context));
  }
  return byCoder;
}

/** The notes an element refers to with `NoteRef`; a reference to no note is reported. */
function referencedNotes(element: XmlElement, context: ProjectContext): ProjectNote[] {
  return childrenNamed(element, 'NoteRef').flatMap((ref) => {
    const guid = guidKey(ref.attrs.targetGUID);
    const note = context.notes.get(guid ?? '');
    if (!note) {
      context.report.about(ref, context.report.say.noteRefUnknown(ref.attrs.targetGUID ?? '—', context.report.where(ref)));
      return [];
    }
    context.usedNotes.add(guid!);
    return [note];
  });
}

/** A selection's `Description` (the coder's reading, or a memo) and the notes it refers to. */
function selectionMemos(element: XmlElement, context: ProjectContext): SelectionMemos {
  const description = childText(element, 'Description')?.trim();
  const attributes = description ? readSelectionDescription(description) : undefined;
  // Only a Fieldnotes text is Markdown with blocks a code line can stand under.
  const block = context.markdownSources && attributes?.block === true;
  return { evidence: attributes?.evidence, block, description: attributes ? undefined : description || undefined, notes: referencedNotes(element, context) };
}

interface SelectionMemos {
  evidence: string | undefined;
  /** Written back as a block code (Fieldnotes' `block`). */
  block: boolean;
  description: string | undefined;
  notes: ProjectNote[];
}

function toRequests(
  codings: Map<string, Coded>,
  selection: Selection,
  span: { start: number; end: number },
  memos: SelectionMemos,
  source: string,
  context: ProjectContext,
  whole: boolean,
): PendingRequest[] {
  return [...codings].map(([coder, coded]) => {
    const variations = coded.codes.filter((c): c is Extract<CodeTarget, { kind: 'variation' }> => c.kind === 'variation');
    const codes = [...new Set(variations.map((v) => v.code))];
    const memoTexts = [memos.description, ...[...memos.notes, ...coded.notes].map(noteAsMemo)].filter((m): m is string => !!m);
    const evidence = checkEvidence(memos.evidence, variations, selection.element, source, context, memoTexts);
    const eitherCodes = evidence || !context.poles.size ? [] : variations.filter((v) => v.evidence === EITHER).map((v) => v.code);
    return { coder, selection, request: { ...span, codes, evidence, block: memos.block, memos: [...new Set(memoTexts)] }, whole, eitherCodes };
  });
}

/**
 * The `evidence=` a segment can carry without a diagnostic: a declared
 * pole, and only where a code is read either way. One naming no pole is
 * kept in the memo; one contradicting fixed codes is dropped. Both are
 * reported.
 */
function checkEvidence(value: string | undefined, variations: { evidence: string | undefined }[], element: XmlElement, source: string, context: ProjectContext, memos: string[]): string | undefined {
  if (value === undefined) return undefined;
  const { report } = context;
  if (!context.poles.has(value)) {
    memos.unshift(`evidence=${value}`);
    report.about(element, report.say.evidenceNotPole(value, source, report.where(element)));
    return undefined;
  }
  if (variations.some((v) => v.evidence === EITHER)) return value;
  if (variations.some((v) => v.evidence !== undefined && v.evidence !== value)) report.about(element, report.say.evidenceContradicts(value, source, report.where(element)));
  return undefined;
}

function noteAsMemo(note: ProjectNote): string {
  return note.text?.trim() || note.name;
}

/** Codings of the TextSource itself (the whole text): every paragraph gets the codes. */
function wholeSourceRequests(element: XmlElement, source: string, sourceUser: string | undefined, span: { start: number; end: number }, context: ProjectContext): PendingRequest[] {
  const codingElements = childrenNamed(element, 'Coding');
  if (!codingElements.length) return [];
  const codings = readCodings(codingElements, sourceUser ?? '', source, context);
  if (!codings.size) return [];
  context.report.about(element, context.report.say.wholeSourceCoded(source, context.report.where(element)));
  const selection: Selection = { element: codingElements[0]!, guid: codingElements[0]!.attrs.guid ?? '—', start: 0, end: 0, name: undefined };
  return toRequests(codings, selection, span, { evidence: undefined, block: false, description: undefined, notes: [] }, source, context, true);
}

/** The source's own notes and description, as callouts after the front matter of their author's note (the description: the creator's). */
function headCallouts(element: XmlElement, context: ProjectContext): { coder: string | undefined; callout: NoteCallout }[] {
  const callouts = referencedNotes(element, context).map((note) => ({ coder: userKey(note.element.attrs.creatingUser, note.element, context), callout: noteCallout(note, context) }));
  const description = childText(element, 'Description')?.trim();
  if (description) callouts.unshift({ coder: undefined, callout: { kind: 'memo', fold: '', title: context.report.say.descriptionTitle, body: markdownOf(description, context) } });
  return callouts;
}

export function noteCallout(note: ProjectNote, context: ProjectContext): NoteCallout {
  const { kind, title, fold } = calloutOfNote(note.name);
  const flatTitle = title.replace(/\s+/g, ' ');
  return { kind, fold, title: context.markdownSources ? flatTitle : escapeMarkdown(flatTitle).text, body: markdownOf(note.text ?? '', context) };
}

function markdownOf(text: string, context: ProjectContext): string {
  const normalized = normalizeLineEnds(text).text;
  return context.markdownSources ? normalized : escapeMarkdown(normalized).text;
}

/**
 * The front matter every note of the source shares, as a function of the
 * coder: `id` (the variable, else the source's name), the keys Fieldnotes
 * exports as variables when valid, the case and its attributes, then the
 * source's other variables. Keys that tell of one copy (`status`) only in
 * the creator's note (`creators`): the source holds that copy's.
 */
function sourceFrontMatter(owner: XmlElement, name: string, context: ProjectContext): (coder: string | undefined, creators: boolean) => Record<string, unknown> {
  const { report } = context;
  const known = new Map<string, AttributeValue>();
  const others: [string, AttributeValue][] = [];
  for (const { name: key, value, element } of readVariableValues(owner, context.variables, report)) {
    if (RESERVED_KEYS.has(key)) report.about(element, report.say.frontMatterClash(key, name, report.where(element)));
    else if ((SOURCE_FRONT_MATTER_KEYS as readonly string[]).includes(key)) {
      const valid = frontMatterValue(key, value);
      if (valid === undefined) report.about(element, report.say.frontMatterInvalid(key, String(value), name, report.where(element)));
      else if (!known.has(key)) known.set(key, valid);
    } else if (!others.some(([k]) => k === key)) others.push([key, value]);
  }
  const caseInfo = caseOf(owner, name, context);
  return (coder, creators) => {
    // Entries, then one object: Object.fromEntries makes even a key named `__proto__` a plain key.
    const entries: [string, unknown][] = [['id', known.get('id') ?? name]];
    if (known.has('kind')) entries.push(['kind', known.get('kind')]);
    if (caseInfo) entries.push(['case', caseInfo.name]);
    if (known.has('informant')) entries.push(['informant', known.get('informant')]);
    if (caseInfo?.attributes.size) entries.push(['attributes', Object.fromEntries(caseInfo.attributes)]);
    if (coder !== undefined) entries.push(['coder', coder]);
    for (const key of ['date', 'title', 'language', 'status']) if (known.has(key)) entries.push([key, known.get(key)]);
    entries.push(...others);
    const copyOwn = new Set<string>(COPY_FRONT_MATTER_KEYS);
    return Object.fromEntries(creators ? entries : entries.filter(([key]) => !copyOwn.has(key)));
  };
}

/** A variable's value as the front-matter schema wants it for `key`, or undefined when it does not fit. */
function frontMatterValue(key: string, value: AttributeValue): AttributeValue | undefined {
  switch (key) {
    case 'id':
    case 'informant':
      return typeof value === 'boolean' ? undefined : value;
    case 'kind':
      return ['interview', 'fieldnote', 'memo'].includes(String(value)) ? value : undefined;
    case 'status':
      return ['draft', 'coded', 'reviewed'].includes(String(value)) ? value : undefined;
    case 'date': {
      const date = typeof value === 'string' ? value.slice(0, 10) : '';
      return /^\d{4}-\d{2}-\d{2}$/.test(date) && isRealDate(date) ? date : undefined;
    }
    default:
      return typeof value === 'boolean' ? undefined : String(value);
  }
}

function isRealDate(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function caseOf(owner: XmlElement, name: string, context: ProjectContext): CaseInfo | undefined {
  const cases = context.casesBySource.get(guidKey(owner.attrs.guid) ?? '') ?? [];
  if (cases.length > 1) context.report.about(owner, context.report.say.severalCases(name, cases.map((c) => c.name), cases[0]!.name));
  return cases[0];
}

/** Reports what happened to one coder's share of a selection: left out, split (with the lines of its pieces), or missing evidence. */
function reportPlacement(
  pending: PendingRequest,
  placement: { segments: number[]; paragraphs: boolean; overlap: boolean; dropped: 'blank' | 'not-in-prose' | undefined },
  segmentLines: number[],
  source: string,
  file: string,
  context: ProjectContext,
): void {
  const { report } = context;
  const { element, guid } = pending.selection;
  const where = report.where(element);
  if (placement.dropped === 'blank') report.about(element, report.say.selectionBlank(source, guid, where));
  else if (placement.dropped === 'not-in-prose') report.about(element, report.say.selectionNotInProse(source, guid, where));
  else if (placement.segments.length > 1 && !pending.whole) {
    const lines = [...new Set(placement.segments.map((index) => segmentLines[index]!))];
    report.about(element, report.say.selectionSplit(source, guid, where, placement, placement.segments.length, file, lines));
  }
  if (!placement.dropped) for (const code of pending.eitherCodes) report.about(element, report.say.evidenceMissing(code, file, where));
}
