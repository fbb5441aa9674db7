import { NONE } from './reliability.js';
import type { CodedWord } from './words.js';

/**
 * What a coder decided on a word, as the categories of the nominal
 * variables agreement is measured on (docs/agreement.md, "Decisions").
 */

/** A code's value on a word: not coded (NONE), or coded with its reading (`=pole`, `=` when the coder gave none). */
export function codeValue(word: CodedWord, code: string): string {
  const reading = word.readings.get(code);
  return reading === undefined ? NONE : `=${reading}`;
}

/** The reading in a code value: undefined for "not coded", '' for "coded, no reading". */
export function readingOf(value: string): string | undefined {
  return value === NONE ? undefined : value.slice(1);
}

/** The dimension of `dimension/variation`. */
export function dimensionOf(code: string): string {
  const slash = code.indexOf('/');
  return slash < 0 ? code : code.slice(0, slash);
}

/**
 * A dimension's category on a word: the codes of that dimension the coder
 * gave it, each with its reading unless the codebook fixes it
 * (`kontaktvei/via-foreldre=proactive`), joined with `+` when there are
 * several; NONE when there are none.
 */
export function dimensionValue(word: CodedWord, dimension: string, fixed: ReadonlySet<string>): string {
  if (!word.codes.size) return NONE;
  const parts: string[] = [];
  for (const code of word.codes) {
    if (dimensionOf(code) !== dimension) continue;
    const reading = word.readings.get(code);
    parts.push(fixed.has(code) || !reading ? code : `${code}=${reading}`);
  }
  return parts.sort().join('+');
}

/** One code of a dimension category, read back: `{ code, reading }` ('' when none or fixed). */
export function categoryCodes(category: string): { code: string; reading: string }[] {
  if (category === NONE) return [];
  return category.split('+').map((part) => {
    const at = part.indexOf('=');
    return at < 0 ? { code: part, reading: '' } : { code: part.slice(0, at), reading: part.slice(at + 1) };
  });
}

/** A code with the reading a coder gave it on a word. */
export interface Coding {
  code: string;
  /** The pole, or '' when none. */
  reading: string;
}

/** Everything a coder gave a word, in code order. */
export function codings(word: CodedWord): Coding[] {
  return [...word.codes].sort().map((code) => ({ code, reading: word.readings.get(code) ?? '' }));
}

/** The whole decision on a word as one string, to see whether two coders' decisions are the same. */
export function decisionKey(word: CodedWord): string {
  if (!word.codes.size) return '';
  return codings(word)
    .map((c) => `${c.code}=${c.reading}`)
    .join(' ');
}
