import { codedWords, firstDifference, type CodedWord } from '../core/agreement/agreement.js';
import type { ParsedNote } from '../core/dialect/model.js';
import type { Messages } from '../core/i18n/messages.js';
import type { CompareCoderResult } from '../protocol/requests.js';
import type { NoteView } from './workspace.js';

const key = (codes: ReadonlySet<string>) => [...codes].sort().join(' ');

/**
 * Another coder's coding of the same transcript laid over this one, word
 * by word: runs of words with their codes, and runs where the two
 * codings differ. Refuses (with a message) when the words differ.
 */
export function compareWithCoder(view: NoteView, other: ParsedNote, otherName: string, msg: Messages): CompareCoderResult {
  const mine = codedWords(view.model.parsed);
  const theirs = codedWords(other);
  const at = firstDifference(mine, theirs);
  if (at !== undefined) return { message: msg.compareWordsDiffer(otherName, at + 1, mine[at]?.text ?? '', theirs[at]?.text ?? '') };
  const range = (from: CodedWord, to: CodedWord) => view.lines.range({ start: from.start, end: to.end });
  const runs = <T>(same: (i: number) => T | undefined, equal: (a: T, b: T) => boolean) => {
    const out: { from: number; to: number; value: T }[] = [];
    for (let i = 0; i < mine.length; i++) {
      const value = same(i);
      if (value === undefined) continue;
      const last = out[out.length - 1];
      if (last && last.to === i - 1 && equal(last.value, value)) last.to = i;
      else out.push({ from: i, to: i, value });
    }
    return out;
  };
  return {
    theirs: runs(
      (i) => (theirs[i]!.codes.size ? key(theirs[i]!.codes) : undefined),
      (a, b) => a === b,
    ).map((r) => ({ range: range(mine[r.from]!, mine[r.to]!), codes: r.value.split(' ') })),
    disagreements: runs(
      (i) => (key(mine[i]!.codes) !== key(theirs[i]!.codes) ? `${key(mine[i]!.codes)}|${key(theirs[i]!.codes)}` : undefined),
      (a, b) => a === b,
    ).map((r) => {
      const [here, there] = r.value.split('|') as [string, string];
      return { range: range(mine[r.from]!, mine[r.to]!), here: here ? here.split(' ') : [], there: there ? there.split(' ') : [] };
    }),
  };
}
