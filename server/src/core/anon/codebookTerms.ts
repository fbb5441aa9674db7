import type { Codebook } from '../codebook/codebook.js';
import type { NameKnowledge } from './names.js';

/**
 * The words a study's codebook uses for its codes: the ids and labels of
 * its dimensions, variations and poles. Researchers write them in prose and
 * headings ("## Kontaktvei", "leans towards Tett samarbeid"), capitalised
 * as names are; they are never findings. A word that is also a first name
 * or a surname or a place (`Per` of "per uke", `Molde` of "Moldemodellen")
 * is left out, so that the person or place keeps being found; a whole label
 * still counts as written.
 */
export class CodebookTerms {
  private readonly words = new Set<string>();
  private readonly phrases = new Set<string>();
  /** The codebook's long words by their first letters, for their other forms (`Avgrensa` of `Avgrenset`, Nynorsk beside Bokmål). */
  private readonly stems = new Map<string, string[]>();

  constructor(codebook: Codebook, knowledge: NameKnowledge) {
    const names = [
      ...codebook.poles.flatMap((pole) => [pole.id, pole.label]),
      ...codebook.dimensions.flatMap((dimension) => [dimension.id, dimension.label, ...dimension.variations.flatMap((variation) => [variation.id, variation.label])]),
    ];
    for (const name of names) {
      const words = wordsOf(name);
      if (!words.length) continue;
      this.phrases.add(words.join(' '));
      for (const word of words) {
        if (isName(word, knowledge)) continue;
        this.words.add(word);
        if (word.length >= STEMMED) this.stems.set(word.slice(0, STEM), [...(this.stems.get(word.slice(0, STEM)) ?? []), word]);
      }
    }
  }

  /** Whether a finding's words are the codebook's: a label or id as written, or words each of which the codebook uses. */
  covers(text: string): boolean {
    const words = wordsOf(text);
    if (!words.length) return false;
    if (this.phrases.has(words.join(' '))) return true;
    return words.every(
      (word) =>
        this.words.has(word) || (word.length > 3 && /s$/.test(word) && this.words.has(word.slice(0, -1))) || this.otherForm(word),
    );
  }

  /** Another form of a long codebook word: the same but for the last two letters or so (`avgrensa`, `avgrenset`), not a compound (`ungdomsbasen`). */
  private otherForm(word: string): boolean {
    if (word.length < STEMMED) return false;
    return (this.stems.get(word.slice(0, STEM)) ?? []).some((known) => Math.abs(known.length - word.length) <= 2 && sharedStart(known, word) >= Math.min(known.length, word.length) - 2);
  }
}

function sharedStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** A word this long shares its first `STEM` letters only with its own forms. */
const STEMMED = 7;
const STEM = 6;

const WORD = /[\p{L}\p{N}]+/gu;

/** Lower-case words, in NFC; a possessive `'s` is dropped. */
function wordsOf(text: string): string[] {
  return (text.normalize('NFC').replace(/['’]s\b/gu, '').toLowerCase().match(WORD) ?? []);
}

function isName(word: string, knowledge: NameKnowledge): boolean {
  const capitalised = word[0]!.toUpperCase() + word.slice(1);
  return knowledge.isFirstName(capitalised) || knowledge.isSurname(capitalised) || knowledge.isPlace(capitalised);
}

const terms = new WeakMap<Codebook, CodebookTerms>();

/** The codebook's terms, made once per codebook. */
export function codebookTerms(codebook: Codebook, knowledge: NameKnowledge): CodebookTerms {
  let made = terms.get(codebook);
  if (!made) terms.set(codebook, (made = new CodebookTerms(codebook, knowledge)));
  return made;
}
