import type { AnonFinding } from './types.js';
import type { WordList } from './wordList.js';

/**
 * A person the note names with a capital, written again in lower case:
 * young people's messages, and notes that quote or paraphrase them, write
 * names so (`hei det er rojin`, `sondre er Sondre Aas`, `wikas mor`).
 * Only a name that is no word of the note's languages is followed there
 * (`Tone` and `i en hyggelig tone`, `Grace` and `grace` stay apart): the
 * caller says which are words.
 *
 * Asked only about names whose lower-case form the note's prose writes at
 * all (its vocabulary), so most notes cost a set look-up per name.
 */
export function lowerCaseMentions(
  text: string,
  vocabulary: WordList,
  persons: Iterable<string>,
  isWord: (lower: string) => boolean,
  markup: () => Uint8Array,
): AnonFinding[] {
  const forms: string[] = [];
  for (const name of persons) {
    const lower = name.toLocaleLowerCase('nb');
    if (lower === name || lower.length < 3 || isWord(lower)) continue;
    // The name as written, and its genitive (`aminas`).
    for (const form of [lower, lower + 's']) if (vocabulary.has(form)) forms.push(form);
  }
  if (!forms.length) return [];
  const mask = markup();
  const out: AnonFinding[] = [];
  const pattern = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}@.'’-])(?:${forms.map(escape).join('|')})(?![\\p{L}\\p{M}\\p{N}@]|[-'’.]\\p{L})`, 'gu');
  for (const match of text.matchAll(pattern)) {
    if (mask[match.index] || DETERMINER_BEFORE.test(text.slice(Math.max(0, match.index - 8), match.index))) continue;
    out.push({
      type: 'person',
      span: { start: match.index, end: match.index + match[0].length },
      text: match[0],
      score: 0.85,
      evidence: [{ kind: 'consistency', where: 'note' }],
    });
  }
  return out;
}

/** A word after an article or a determiner is a noun or an adjective (`en kim til noe`, `a rosa hoodie`), not a name. */
const DETERMINER_BEFORE = /(?:^|[^\p{L}])(?:en|ei|et|den|det|denne|dette|min|mi|mitt|din|di|ditt|sin|si|sitt|vår|hans|hennes|a|an|the|my|your|his|her|our|their|this|that)[ \t]+$/iu;

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
