import { strToU8, zipSync } from 'fflate';
import type { Codebook } from '../codebook/codebook.js';
import { frontMatterAttributes, frontMatterText } from '../checks/frontMatter.js';
import type { NoteModel } from '../checks/noteModel.js';
import type { Callout } from '../dialect/model.js';
import { codeGuid, codesElement, poleSets, type ExtraCode } from './exportCodebook.js';
import { placeCopies, type CopyText, type PlaceInCounted, type SeparateCopy } from './coderCopies.js';
import { toPlainText } from './plainText.js';
import { calloutNoteName, NOT_SOURCE_VARIABLES, originOf, PROJECT_NS, SEGMENT_MEMO_NOTE_NAME, selectionDescription, SOURCE_FRONT_MATTER_KEYS, stableGuid } from './refi.js';
import { children, element, serialize, type XmlElement } from './xmlWriter.js';

export type { SeparateCopy, WordDifference } from './coderCopies.js';

export interface ExportedNote {
  /** The source's name and the key of its GUIDs: see `sourceName`. */
  name: string;
  model: NoteModel;
  /**
   * Other coders' copies of the same transcript (same `id`, another
   * `coder`); this note is the copy the analysis counts. Their codings
   * join this note's source, each by its own coder (see `coderCopies.ts`).
   * A copy's own `copies` count as copies of this note.
   */
  copies?: ExportedNote[];
}

export interface ProjectExport {
  /** `project.qde`. */
  xml: string;
  /** The text of each source, by file name inside the archive (`sources/<guid>.txt`). */
  sources: Map<string, string>;
  /** The `.qdpx` archive. */
  archive: Uint8Array;
  /** Codes the notes use that the codebook lacks; exported as codes of their own. */
  extraCodes: string[];
  /**
   * Coded segments written, of every coder, one per coded segment of every
   * note and copy (two segments of one coder on the same words share one
   * selection; the selections that only anchor a memo are not counted).
   */
  selections: number;
  /** `selections` by coder (undefined: notes without `coder`), in the order the coders first appear. */
  selectionsByCoder: { coder: string | undefined; selections: number }[];
  /** Copies whose codings could not join their counted copy's source, and why; each is a source of its own. */
  separateCopies: SeparateCopy[];
  /** Sources that hold the codings of several coders (at least one copy joined its counted copy). */
  sourcesWithCopies: number;
  /** Memos and review comments that stay in a source's text, because they hold coded segments, rather than become notes; by the note's source name. */
  keptCallouts: { name: string; callout: Callout }[];
}

/**
 * A note's name in the project: its path from the codebook's folder without
 * `.fn.md` (`swot/intervju-01`), so that the CLI run from anywhere and the
 * editor give the same names and GUIDs; a note outside that folder keeps
 * its path as the user sees it. Paths are POSIX (`/`).
 */
export function sourceName(notePath: string, codebookPath: string, shown: string): string {
  const folder = codebookPath.slice(0, codebookPath.lastIndexOf('/') + 1);
  const name = notePath.startsWith(folder) ? notePath.slice(folder.length) : shown;
  return name.replace(/\.fn\.md$/, '');
}

type VariableType = 'Text' | 'Boolean' | 'Integer' | 'Float' | 'Date';
type Value = string | number | boolean;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
// The archive's files carry this time, so exporting the same notes twice gives the same bytes.
const ARCHIVE_TIME = new Date(Date.UTC(2020, 0, 1));
/** A note's memos are dated by its `date:`; without one, by the archive's time, so the bytes stay the same. */
const UNDATED = ARCHIVE_TIME.toISOString().replace(/\.000Z$/, 'Z');

/**
 * One selection before selections at the same place are merged: the
 * children are kept apart so that two can become one.
 */
interface SelectionDraft {
  guid: string;
  name: string;
  startPosition: number;
  endPosition: number;
  creatingUser: string | undefined;
  description: string | undefined;
  /** By code id, in the segment's order. */
  codings: Map<string, XmlElement>;
  noteRefs: XmlElement[];
}

/**
 * The notes of one study as a REFI-QDA project: the codebook, the coders as
 * users, cases with their attributes, every transcript as a plain-text
 * source (see `plainText.ts`) with a selection per coded segment of each
 * of its coders' copies, and memos and review comments as notes. Positions
 * count Unicode code points of the source text; GUIDs derive from names,
 * so a re-export matches.
 */
export function exportProject(codebook: Codebook, notes: ExportedNote[], options: { version: string; name?: string }): ProjectExport {
  const coders = new Set<string>();
  const userGuid = (coder: string | undefined) => {
    if (coder === undefined) return undefined;
    coders.add(coder);
    return stableGuid('user', coder);
  };
  const variables = new Variables();
  const cases = new Map<string, { sources: string[]; attributes: Map<string, Value> }>();
  const extra = new Map<string, ExtraCode>();
  const sources: XmlElement[] = [];
  const noteElements: XmlElement[] = [];
  const sourceTexts = new Map<string, string>();
  const selectionsByCoder = new Map<string | undefined, number>();
  const separateCopies: SeparateCopy[] = [];
  const keptCallouts: ProjectExport['keptCallouts'] = [];

  /**
   * One coder's selections and notes on a source: those of the counted
   * copy, or of another coder's copy with `place` moving its positions onto
   * the counted copy's text. GUIDs derive from the note's own name, so each
   * copy's differ from the counted copy's and stay the same on re-export.
   */
  const codingsOf = (note: CopyText, place: PlaceInCounted = (position) => position, fallbackDate = UNDATED) => {
    const { plain } = note;
    const coder = frontMatterText(note.model.frontMatter.data.coder);
    const creatingUser = userGuid(coder);
    const dateTime = dateTimeOf(note.model.frontMatter.data.date) ?? fallbackDate;
    const at = (start: number, end: number) => {
      const startPosition = place(start, 'start');
      return { startPosition, endPosition: Math.max(startPosition, place(end, 'end')) };
    };

    const newNote = (key: string, name: string, text: string) => {
      const guid = stableGuid('note', `${note.name}#${key}`);
      // Dated, as peers expect of a note: QualCoder's import stops at a note without creationDateTime or modifiedDateTime.
      noteElements.push(element('Note', { guid, name, creatingUser, creationDateTime: dateTime, modifiedDateTime: dateTime }, [element('PlainTextContent', {}, text)]));
      return element('NoteRef', { targetGUID: guid });
    };

    const selections: SelectionDraft[] = note.model.segments.map((coded, index) => {
      const { segment } = coded;
      for (const { ref, variation } of coded.codes) if (!variation && !extra.has(ref.id)) extra.set(ref.id, { dimension: ref.dimension, variation: ref.variation });
      const key = `${note.name}#${index}`;
      return {
        guid: stableGuid('selection', key),
        name: excerpt(segment.text),
        ...at(plain.position(segment.contentSpan.start), plain.position(segment.contentSpan.end)),
        creatingUser,
        description: selectionDescription(segment.annotation.body.attributes.find((a) => a.key === 'evidence')?.value, segment.kind === 'block'),
        codings: new Map(coded.codes.map(({ ref }) => [ref.id, element('Coding', { guid: stableGuid('coding', `${key}:${ref.id}`), creatingUser }, [element('CodeRef', { targetGUID: codeGuid(ref.id) })])])),
        noteRefs: coded.memo !== undefined ? [newNote(`${index}:memo`, SEGMENT_MEMO_NOTE_NAME, coded.memo)] : [],
      };
    });
    selectionsByCoder.set(coder, (selectionsByCoder.get(coder) ?? 0) + selections.length);

    const sourceNotes: XmlElement[] = [];
    plain.calloutNotes.forEach(({ callout, anchor, anchorText }, index) => {
      const fold = note.model.parsed.text[callout.markerSpan.end];
      const ref = newNote(`callout${index}`, calloutNoteName(callout.kind, callout.title, fold === '+' || fold === '-' ? fold : ''), callout.body);
      if (!anchor) return sourceNotes.push(ref);
      // The note comments on the paragraph before it: a selection without codings carries it there, as NVivo's annotations do.
      selections.push({ guid: stableGuid('selection', `${note.name}#callout${index}`), name: excerpt(anchorText), ...at(anchor.start, anchor.end), creatingUser, description: undefined, codings: new Map(), noteRefs: [ref] });
    });
    return { selections, sourceNotes, dateTime };
  };

  /** A transcript's source: the counted copy's text, variables and case, every joined copy's codings on it. */
  const addSource = (note: CopyText, copies: { copy: CopyText; place: PlaceInCounted }[]) => {
    const data = note.model.frontMatter.data;
    const creatingUser = userGuid(frontMatterText(data.coder));
    const sourceGuid = stableGuid('source', note.name);
    sourceTexts.set(`sources/${sourceGuid}.txt`, note.plain.text);
    for (const callout of note.plain.keptCallouts) keptCallouts.push({ name: note.name, callout });
    const counted = codingsOf(note);
    // A copy without a date of its own is of the same interview as the counted copy.
    const coded = [counted, ...copies.map(({ copy, place }) => codingsOf(copy, place, counted.dateTime))];

    const sourceValues: XmlElement[] = [];
    const ownKeys = Object.keys(data).filter((key) => !(NOT_SOURCE_VARIABLES as readonly string[]).includes(key) && !(SOURCE_FRONT_MATTER_KEYS as readonly string[]).includes(key));
    for (const key of [...SOURCE_FRONT_MATTER_KEYS, ...ownKeys]) {
      const value = scalar(data[key]);
      if (value !== undefined) sourceValues.push(variables.value('source', key, value));
    }
    sources.push(
      element(
        'TextSource',
        { guid: sourceGuid, name: note.name, plainTextPath: `internal://${sourceGuid}.txt`, creatingUser },
        children(
          mergeSelections(coded.flatMap((c) => c.selections)).map(selectionElement),
          coded.flatMap((c) => c.sourceNotes),
          sourceValues,
        ),
      ),
    );

    const caseName = frontMatterText(data.case);
    if (caseName !== undefined) {
      const entry = cases.get(caseName) ?? { sources: [] as string[], attributes: new Map<string, Value>() };
      cases.set(caseName, entry);
      entry.sources.push(sourceGuid);
      for (const [name, raw] of frontMatterAttributes(data)) {
        const value = scalar(raw);
        if (value !== undefined && !entry.attributes.has(name)) entry.attributes.set(name, value);
      }
    }
  };

  let sourcesWithCopies = 0;
  for (const note of notes) {
    const counted = withPlainText(note);
    const copies = copiesOf(note).map(withPlainText);
    const placements = placeCopies(counted, copies);
    const joined = copies.flatMap((copy, index) => {
      const placement = placements[index]!;
      return placement.kind === 'joined' ? [{ copy, place: placement.place }] : [];
    });
    if (joined.length) sourcesWithCopies++;
    addSource(counted, joined);
    // A copy that cannot join is exported as it would be without the counted copy, right after it.
    placements.forEach((placement, index) => {
      if (placement.kind !== 'separate') return;
      separateCopies.push(placement.separate);
      addSource(copies[index]!, []);
    });
  }

  const caseElements = [...cases].map(([name, entry]) =>
    element('Case', { guid: stableGuid('case', name), name }, [
      ...[...entry.attributes].map(([attribute, value]) => variables.value('case', attribute, value)),
      ...entry.sources.map((guid) => element('SourceRef', { targetGUID: guid })),
    ]),
  );

  const xml = serialize(
    element(
      'Project',
      { xmlns: PROJECT_NS, name: options.name ?? codebook.title ?? 'Fieldnotes', origin: originOf(options.version) },
      children(
        coders.size > 0 && element('Users', {}, [...coders].map((name) => element('User', { guid: stableGuid('user', name), name }))),
        element('CodeBook', {}, [codesElement(codebook, [...extra.values()])]),
        variables.element(),
        caseElements.length > 0 && element('Cases', {}, caseElements),
        sources.length > 0 && element('Sources', {}, sources),
        noteElements.length > 0 && element('Notes', {}, noteElements),
        poleSets(codebook, 'qdpx'),
      ),
    ),
  );
  const files: Record<string, Uint8Array> = { 'project.qde': strToU8(xml) };
  for (const [path, text] of sourceTexts) files[path] = strToU8(text);
  const archive = zipSync(files, { mtime: ARCHIVE_TIME, level: 6 });
  const byCoder = [...selectionsByCoder].map(([coder, selections]) => ({ coder, selections }));
  return { xml, sources: sourceTexts, archive, extraCodes: [...extra.keys()], selections: byCoder.reduce((sum, c) => sum + c.selections, 0), selectionsByCoder: byCoder, separateCopies, sourcesWithCopies, keptCallouts };
}

function withPlainText(note: ExportedNote): CopyText {
  return { name: note.name, model: note.model, plain: toPlainText(note.model.parsed) };
}

/** A note's copies, and their copies in turn: all of them copies of the same transcript. */
function copiesOf(note: ExportedNote): ExportedNote[] {
  return (note.copies ?? []).flatMap((copy) => [copy, ...copiesOf(copy)]);
}

/**
 * Variables, each with one type: the type of every value given it, or
 * Text when values disagree (a case attribute that is a number in one note
 * and a word in another).
 */
class Variables {
  private readonly types = new Map<string, VariableType>();
  private readonly values: { element: XmlElement; key: string; value: Value }[] = [];

  value(owner: 'source' | 'case', name: string, value: Value): XmlElement {
    const key = `${owner}:${name}`;
    const type = typeOf(value);
    const known = this.types.get(key);
    this.types.set(key, known === undefined || known === type ? type : known === 'Integer' && type === 'Float' ? 'Float' : known === 'Float' && type === 'Integer' ? 'Float' : 'Text');
    const valueElement = element('VariableValue', {}, []);
    this.values.push({ element: valueElement, key, value });
    return valueElement;
  }

  /** The `Variables` element; fills in every value now that each variable's type is settled. */
  element(): XmlElement | undefined {
    for (const { element: target, key, value } of this.values) {
      const type = this.types.get(key)!;
      target.content = [element('VariableRef', { targetGUID: stableGuid('variable', key) }), element(`${type}Value`, {}, String(value))];
    }
    if (!this.types.size) return undefined;
    return element(
      'Variables',
      {},
      [...this.types].map(([key, type]) => element('Variable', { guid: stableGuid('variable', key), name: key.slice(key.indexOf(':') + 1), typeOfVariable: type })),
    );
  }
}

function typeOf(value: Value): VariableType {
  if (typeof value === 'boolean') return 'Boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'Integer' : 'Float';
  return isDay(value) ? 'Date' : 'Text';
}

function scalar(value: unknown): Value | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return undefined;
}

/**
 * Selections of one coder at the same place become one, as peers need:
 * QualCoder keeps one annotation per source, place and coder, and stops
 * importing at a second. Selections without codings (each carrying a memo
 * or review comment on the paragraph) merge their notes; coded selections
 * merge their codings and notes when they read the same (`evidence=`,
 * block). A coded selection and one without codings stay two: a note on
 * a coded selection is read as that coding's memo (by Fieldnotes' import
 * too), while a callout comments on the paragraph; QualCoder keeps codings
 * and annotations apart, so the two do not clash there.
 */
function mergeSelections(drafts: SelectionDraft[]): SelectionDraft[] {
  const merged: SelectionDraft[] = [];
  const byPlace = new Map<string, SelectionDraft[]>();
  for (const draft of drafts) {
    const key = `${draft.startPosition}:${draft.endPosition}:${draft.creatingUser ?? ''}`;
    const atPlace = byPlace.get(key) ?? [];
    byPlace.set(key, atPlace);
    const coded = draft.codings.size > 0;
    const into = atPlace.find((other) => (other.codings.size > 0) === coded && other.description === draft.description);
    if (!into) {
      const copy = { ...draft, codings: new Map(draft.codings), noteRefs: [...draft.noteRefs] };
      atPlace.push(copy);
      merged.push(copy);
      continue;
    }
    for (const [code, coding] of draft.codings) if (!into.codings.has(code)) into.codings.set(code, coding);
    into.noteRefs.push(...draft.noteRefs);
  }
  return merged;
}

function selectionElement(draft: SelectionDraft): XmlElement {
  const { guid, name, startPosition, endPosition, creatingUser } = draft;
  return element(
    'PlainTextSelection',
    { guid, name, startPosition, endPosition, creatingUser },
    children(draft.description !== undefined && element('Description', {}, draft.description), [...draft.codings.values()], draft.noteRefs),
  );
}

/** `date:` (YYYY-MM-DD, a real day) as an `xsd:dateTime` at midnight UTC, as ATLAS.ti writes times; undefined for anything else. */
function dateTimeOf(value: unknown): string | undefined {
  const date = value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'string' ? value.trim() : undefined;
  return date !== undefined && isDay(date) ? `${date}T00:00:00Z` : undefined;
}

/** YYYY-MM-DD of a day of the calendar (`Date.parse` takes 30 February for 2 March; `xsd:date` does not). */
function isDay(value: string): boolean {
  if (!DATE.test(value)) return false;
  const time = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(time.getTime()) && time.toISOString().startsWith(value);
}

/**
 * A selection's name: its first words on one line, as other tools list
 * selections by name. Line breaks, with the blanks around them, become one
 * space; the rest stays as written (a tab too: names are escaped, so
 * every character survives).
 */
function excerpt(text: string): string {
  const flat = text.replace(/[ \t]*(?:\r\n|\n|\r)\s*/g, ' ').trim();
  const chars = [...flat];
  return chars.length <= 60 ? flat : chars.slice(0, 59).join('') + '…';
}
