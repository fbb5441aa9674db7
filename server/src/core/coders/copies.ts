import { codedWords, firstDifference, type CodedWord } from '../agreement/agreement.js';
import { transcriptKey } from '../agreement/words.js';
import type { Diagnostic } from '../checks/diagnostic.js';
import { frontMatterText, type FrontMatter } from '../checks/frontMatter.js';
import type { ParsedNote } from '../dialect/model.js';
import type { Locale } from '../i18n/messages.js';
import type { Span } from '../text/range.js';
import { codersMessagesFor, type CountReason, type NamedCopy } from './codersMessages.js';
import type { CodersSettings } from './codersSettings.js';

/**
 * Several coders' copies of one transcript: notes of one study (one
 * codebook) with the same front-matter `id`. The analysis counts exactly
 * one copy of each transcript, so that no words are counted twice; the
 * others are coders' copies, seen in per-coder views and by `agree`.
 *
 * The copy that counts is, in this order: the one marked
 * `consensus: true`, else the one with `status: reviewed`, else the one by
 * the first of the project's primary coders (`fieldnotes.yaml`) who has a
 * copy. When copies tie, nothing decides: the first by name is counted and
 * every copy says so (`coders/undecided`). docs/coders.md has the rule.
 */
export interface CopyCandidate<K> {
  /** The caller's handle for the note (a path, a URI). */
  key: K;
  /** The note as messages name it. */
  name: string;
  /** The study the note belongs to (its codebook): copies in different studies are different transcripts. */
  study: string;
  id: string | undefined;
  coder: string | undefined;
  consensus: boolean;
  reviewed: boolean;
  /** The `coders` section of the note's `fieldnotes.yaml`. */
  settings: CodersSettings;
  /** Where the front matter's `id` and `coder` values stand, for messages. */
  idSpan: Span | undefined;
  coderSpan: Span | undefined;
  parsed: ParsedNote;
  /** 1-based line of an offset in the note. */
  lineOf(offset: number): number;
}

export interface Transcript<K> {
  study: string;
  id: string;
  /** Every copy, by name. */
  copies: CopyCandidate<K>[];
  counted: CopyCandidate<K>;
  reason: CountReason;
}

/** Which copy of each transcript counts, and what to tell each note about it. */
export class CopyAssignment<K> {
  private readonly byKey = new Map<K, Transcript<K>>();

  constructor(readonly transcripts: Transcript<K>[]) {
    for (const transcript of transcripts) for (const copy of transcript.copies) this.byKey.set(copy.key, transcript);
  }

  /** The transcript a note is one of several copies of, if it is. */
  transcriptOf(key: K): Transcript<K> | undefined {
    return this.byKey.get(key);
  }

  /** Whether the analysis counts this note: it has no other copies, or it is the copy that counts. */
  counts(key: K): boolean {
    const transcript = this.byKey.get(key);
    return !transcript || transcript.counted.key === key;
  }

  /**
   * Whether a note belongs in a view of the study: without a coder, the
   * copies that count; for a coder, that coder's notes, copies included.
   */
  inView(key: K, coder: string | undefined, noteCoder: string | undefined): boolean {
    return coder === undefined ? this.counts(key) : noteCoder === coder;
  }

  /** The `coders/*` diagnostics of one note. */
  diagnostics(key: K, locale: Locale): Diagnostic[] {
    const transcript = this.byKey.get(key);
    if (!transcript) return [];
    const say = codersMessagesFor(locale);
    const note = transcript.copies.find((c) => c.key === key)!;
    const at = note.idSpan ?? { start: 0, end: 0 };
    const named = (c: CopyCandidate<K>): NamedCopy => ({ name: c.name, coder: c.coder });
    const out: Diagnostic[] = [];
    if (note.coder === undefined) {
      out.push({ span: at, severity: 'warning', code: 'coders/no-coder', message: say.noCoder(transcript.id, transcript.copies.filter((c) => c !== note).map((c) => c.name)) });
    }
    if (transcript.reason === 'undecided') {
      out.push({ span: at, severity: 'warning', code: 'coders/undecided', message: say.undecided(transcript.id, transcript.copies.map(named), named(transcript.counted)) });
    }
    if (transcript.counted !== note) {
      out.push({ span: note.coderSpan ?? at, severity: 'information', code: 'coders/copy', message: say.copy(transcript.id, note.coder, named(transcript.counted), transcript.reason) });
      const difference = wordsDiffer(note, transcript.counted);
      if (difference) {
        const { here, there, at: index } = difference;
        const place = (c: CopyCandidate<K>, word: CodedWord | undefined) => ({ word: word?.text ?? '', line: c.lineOf(word?.start ?? c.parsed.text.length) });
        const span = here ? { start: here.start, end: here.end } : { start: note.parsed.text.length, end: note.parsed.text.length };
        out.push({ span, severity: 'warning', code: 'coders/words-differ', message: say.wordsDiffer(transcript.id, transcript.counted.name, index + 1, place(note, here), place(transcript.counted, there)) });
      }
    }
    return out;
  }
}

/** What a note's front matter tells the copies rule: which transcript it is a copy of, by whom, and whether it is agreed or reviewed. */
export function copyFields(data: Record<string, unknown>): Pick<CopyCandidate<unknown>, 'id' | 'coder' | 'consensus' | 'reviewed'> {
  return { id: frontMatterText(data.id), coder: frontMatterText(data.coder), consensus: data.consensus === true, reviewed: data.status === 'reviewed' };
}

/** How the copies rule sees a note read once (the CLI's notes; the server builds its own, kept current as notes change). */
export function copyCandidate<K>(
  key: K,
  name: string,
  study: string,
  frontMatter: FrontMatter,
  parsed: ParsedNote,
  lineOf: (offset: number) => number,
  settings: CodersSettings,
): CopyCandidate<K> {
  return {
    key,
    name,
    study,
    ...copyFields(frontMatter.data),
    settings,
    idSpan: frontMatter.valueSpans.get('id'),
    coderSpan: frontMatter.valueSpans.get('coder'),
    parsed,
    lineOf,
  };
}

/** A transcript with several copies, as reports list it: the copy that counts, why, and every copy with its coder. */
export interface TranscriptCopies {
  id: string;
  counted: string;
  reason: CountReason;
  copies: { note: string; coder: string | undefined }[];
}

/** The transcripts of one study that have several copies, for reports. */
export function transcriptCopies<K>(assignment: CopyAssignment<K>, study: string): TranscriptCopies[] {
  return assignment.transcripts
    .filter((t) => t.study === study)
    .map((t) => ({ id: t.id, counted: t.counted.name, reason: t.reason, copies: t.copies.map((c) => ({ note: c.name, coder: c.coder })) }));
}

/**
 * The notes that count, each with the other copies of its transcript among
 * `notes`: how a REFI-QDA project holds several coders (one source, each
 * coder's codings). `keyOf` gives a note's key in the assignment.
 */
export function countedWithCopies<K, N>(assignment: CopyAssignment<K>, notes: readonly N[], keyOf: (note: N) => K): { note: N; copies: N[] }[] {
  const byKey = new Map(notes.map((note) => [keyOf(note), note]));
  return notes
    .filter((note) => assignment.counts(keyOf(note)))
    .map((note) => ({
      note,
      copies: (assignment.transcriptOf(keyOf(note))?.copies ?? []).flatMap((c) => (c.key === keyOf(note) ? [] : (byKey.get(c.key) ?? []))),
    }));
}

/** Groups notes into transcripts and chooses the copy of each that counts. */
export function assignCopies<K>(candidates: Iterable<CopyCandidate<K>>): CopyAssignment<K> {
  const groups = new Map<string, CopyCandidate<K>[]>();
  for (const candidate of candidates) {
    if (candidate.id === undefined) continue;
    const group = `${candidate.study}\u0000${candidate.id}`;
    const copies = groups.get(group);
    if (copies) copies.push(candidate);
    else groups.set(group, [candidate]);
  }
  const transcripts: Transcript<K>[] = [];
  for (const copies of groups.values()) {
    if (copies.length < 2) continue;
    copies.sort((a, b) => byName(a.name, b.name));
    const { counted, reason } = choose(copies);
    transcripts.push({ study: copies[0]!.study, id: copies[0]!.id!, copies, counted, reason });
  }
  transcripts.sort((a, b) => byName(a.study, b.study) || byName(a.id, b.id));
  return new CopyAssignment(transcripts);
}

/** The copy that counts: each rule in turn narrows the copies down, until one is left. */
function choose<K>(copies: CopyCandidate<K>[]): { counted: CopyCandidate<K>; reason: CountReason } {
  const primary = copies[0]!.settings.primary;
  const rank = (c: CopyCandidate<K>) => (c.coder === undefined ? -1 : primary.indexOf(c.coder));
  const rules: [CountReason, (left: CopyCandidate<K>[]) => CopyCandidate<K>[]][] = [
    ['consensus', (left) => left.filter((c) => c.consensus)],
    ['reviewed', (left) => left.filter((c) => c.reviewed)],
    [
      'primary',
      (left) => {
        const ranks = left.map(rank).filter((r) => r >= 0);
        return ranks.length ? left.filter((c) => rank(c) === Math.min(...ranks)) : [];
      },
    ],
  ];
  let left = copies;
  for (const [reason, narrow] of rules) {
    const kept = narrow(left);
    if (kept.length === 1) return { counted: kept[0]!, reason };
    if (kept.length > 1) left = kept;
  }
  return { counted: left[0]!, reason: 'undecided' };
}

/** The last comparison of a copy with its counted copy, kept by the copy's parse: the words themselves are not kept (a study's copies would hold them all). */
const comparisons = new WeakMap<ParsedNote, { counted: ParsedNote; difference: ReturnType<typeof compareWords> }>();

/** Where a copy's words stop being the counted copy's, if they do. */
function wordsDiffer<K>(copy: CopyCandidate<K>, counted: CopyCandidate<K>): { at: number; here: CodedWord | undefined; there: CodedWord | undefined } | undefined {
  const last = comparisons.get(copy.parsed);
  if (last?.counted === counted.parsed) return last.difference;
  const difference = compareWords(copy.parsed, counted.parsed);
  comparisons.set(copy.parsed, { counted: counted.parsed, difference });
  return difference;
}

function compareWords(copy: ParsedNote, counted: ParsedNote): { at: number; here: CodedWord | undefined; there: CodedWord | undefined } | undefined {
  // Copies of one transcript mostly have the same words: told apart without the words, as a rule.
  if (transcriptKey(copy) === transcriptKey(counted)) return undefined;
  const mine = codedWords(copy);
  const theirs = codedWords(counted);
  const at = firstDifference(mine, theirs);
  return at === undefined ? undefined : { at, here: mine[at], there: theirs[at] };
}

const byName = (a: string, b: string) => a.localeCompare(b, 'nb', { numeric: true });
