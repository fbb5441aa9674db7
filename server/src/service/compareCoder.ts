import { codedNote, codings, comparePair, decisionKey, type CodedNote, type PairFiguresBrief } from '../core/agreement/agreement.js';
import { frontMatterText, readFrontMatter } from '../core/checks/frontMatter.js';
import type { ParsedNote } from '../core/dialect/model.js';
import type { Messages } from '../core/i18n/messages.js';
import type { CoderCopiesResult, CompareCoderResult, PairFigures } from '../protocol/requests.js';
import type { StudyCopies } from './studyCopies.js';
import type { NoteView } from './workspace.js';

/** The other copies of a note's transcript, for the picker: the core's grouping and choice (`StudyCopies`). */
export function provideCoderCopies(copies: StudyCopies, view: NoteView | undefined, uri: string): CoderCopiesResult {
  const transcript = copies.assignment().transcriptOf(uri);
  const coder = view ? frontMatterText(view.model.frontMatter.data.coder) : undefined;
  if (!transcript) return { id: undefined, coder, counts: true, copies: [] };
  return {
    id: transcript.id,
    coder,
    counts: transcript.counted.key === uri,
    copies: transcript.copies.filter((c) => c.key !== uri).map((c) => ({ uri: c.key, name: c.name, coder: c.coder, counts: c === transcript.counted })),
  };
}

/** The other note: a view from the workspace index (readings resolved with its codebook), or one read from disk (readings as written). */
export type OtherNote = { view: NoteView } | { parsed: ParsedNote };

const figures = (x: PairFiguresBrief): PairFigures => ({ units: x.units, percent: x.percent ?? null, kappa: x.kappa ?? null, alpha: x.alpha ?? null });

/**
 * Another coder's coding of the same transcript laid over this one, word
 * by word (the core's `comparePair`): runs of words the other coder coded,
 * runs where the two decisions differ (a code, or its reading), and the
 * pair's figures. Refuses, saying where, when the words differ.
 */
export function compareWithCoder(view: NoteView, other: OtherNote, otherName: string, msg: Messages): CompareCoderResult {
  const mine = codedNote(view.model.parsed, view.model);
  const theirs = 'view' in other ? codedNote(other.view.model.parsed, other.view.model) : codedNote(other.parsed);
  const result = comparePair(mine, theirs);
  if (!result.ok) {
    const here = result.mine;
    const at = here ? view.lines.range({ start: here.start, end: here.end }) : view.lines.range({ start: mine.text.length, end: mine.text.length });
    return { message: msg.compareWordsDiffer(otherName, result.word + 1, here?.text ?? '', result.theirs?.text ?? ''), at };
  }
  const { agreement } = result;
  const otherCoder = 'view' in other ? other.view.model.frontMatter.data.coder : readFrontMatter(other.parsed.text, other.parsed.frontMatter, msg).frontMatter.data.coder;
  return {
    version: view.version,
    coders: { here: frontMatterText(view.model.frontMatter.data.coder), there: frontMatterText(otherCoder) },
    theirs: codedRuns(theirs).map((r) => ({ range: wordRange(view, mine, r.from, r.to), codes: codings(theirs.words[r.from]!) })),
    disagreements: agreement.runs.map((run) => ({
      range: wordRange(view, mine, run.from, run.to),
      words: run.to - run.from + 1,
      text: run.text,
      here: run.a.codes,
      there: run.b.codes,
    })),
    figures: {
      words: agreement.words,
      decisions: { ...figures(agreement.decisions), inflated: agreement.decisions.inflated },
      readings: figures(agreement.readings),
      codes: agreement.codes.map((c) => ({ code: c.code, ...figures(c) })),
    },
  };
}

/** From the first word of a run to the end of its last, in this note. */
function wordRange(view: NoteView, mine: CodedNote, from: number, to: number) {
  return view.lines.range({ start: mine.words[from]!.start, end: mine.words[to]!.end });
}

/** Runs of consecutive words a coder gave the same codes and readings (words without codes left out). */
function codedRuns(note: CodedNote): { from: number; to: number }[] {
  const runs: { from: number; to: number; key: string }[] = [];
  note.words.forEach((word, i) => {
    const key = decisionKey(word);
    if (!key) return;
    const last = runs[runs.length - 1];
    if (last && last.to === i - 1 && last.key === key) last.to = i;
    else runs.push({ from: i, to: i, key });
  });
  return runs;
}
