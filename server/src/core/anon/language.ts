import type { ParsedNote } from '../dialect/model.js';

/**
 * Which language a note or a paragraph is written in, as far as the
 * checker needs to know: English capitalises words that Norwegian writes
 * in lower case (`the Labour and Welfare Administration`, `Storm warnings`),
 * so a capital says less there. A note may say so in its front matter
 * (`language: en`); else its words decide, paragraph by paragraph, since a
 * note in one language quotes the other.
 */
export type NoteLanguage = 'en' | 'no';

/** Small words that only one of the two languages has: how often each occurs tells them apart. */
/** The longest small word either list holds: longer words are not looked up. */
const LONGEST = 7;
const ENGLISH = new Set(
  'the and of is was are were be been it that this these those with have has had not but what when which who would will could should about there their they them he she his we you your our my from by an if or than then into because very just also some any how where why'.split(' '),
);
const NORWEGIAN = new Set(
  'og er var det den som ikke jeg eg hun ho han vi me dei de deg meg seg med har hadde av til på fra frå men så kan skal vil ble vart hva kva hvordan korleis hvor kor fordi at om eller også òg bare berre veldig noe noko noen nokon ingen alle mye mykje litt dette disse denne sin sitt sine'.split(' '),
);
/** How many of a paragraph's words are looked at. */
const SAMPLE = 120;
/**
 * The small words by their length and first letter, each with the
 * language it tells: a word is then compared with the few of its shape,
 * without hashing it (a paragraph's words are fresh strings, and hashing
 * each one cost more than the rest of this module).
 */
const BY_SHAPE: ({ word: string; language: NoteLanguage }[] | null)[] = new Array<{ word: string; language: NoteLanguage }[] | null>((LONGEST + 1) << 8).fill(null);
for (const [words, language] of [
  [ENGLISH, 'en'],
  [NORWEGIAN, 'no'],
] as const) {
  for (const word of words) (BY_SHAPE[shapeKey(word.length, word.charCodeAt(0))] ??= []).push({ word, language });
}

/** An index into `BY_SHAPE`: the length and the first letter (small words start with a letter below `ÿ`). */
function shapeKey(length: number, first: number): number {
  return (length << 8) | (first & 0xff);
}

/** Small words of one language, against at most a quarter as many of the other, that settle it. */
const SETTLED = 12;
/** Evidence enough: this many more small words of one language than of the other. */
const MARGIN = 2;

const SMALL_WORD = /(?<![\p{L}\p{N}])\p{L}{1,8}(?![\p{L}\p{N}])/gu;

/** The language a text's small words show, or undefined when they say too little (a heading, a list of names). */
export function languageOf(text: string): NoteLanguage | undefined {
  return languageOfWords(Array.from(text.matchAll(SMALL_WORD), (m) => ({ text: m[0] })));
}

/** The same, of words already read (`prose.ts`'s words of a paragraph): each is looked at once. */
export function languageOfWords(words: readonly { readonly text: string }[]): NoteLanguage | undefined {
  let english = 0;
  let norwegian = 0;
  // A paragraph's first words show its language as well as all of them would.
  for (let i = 0, n = Math.min(words.length, SAMPLE); i < n; i++) {
    const small = words[i]!.text;
    if (small.length > LONGEST) continue;
    // A sentence's first word counts too (`She`, `Hun`): its first letter is looked up in lower case.
    let first = small.charCodeAt(0);
    if (first > 0xff) continue;
    if (first >= 65 && first <= 90) first += 32;
    const same = BY_SHAPE[shapeKey(small.length, first)];
    if (!same) continue;
    const word = first === small.charCodeAt(0) ? small : small.toLowerCase();
    let language: NoteLanguage | undefined;
    for (let k = 0; k < same.length; k++) if (same[k]!.word === word) language = same[k]!.language;
    if (language === undefined) continue;
    if (language === 'en') english++;
    else norwegian++;
    // Settled long before a long paragraph ends.
    if ((english >= SETTLED && norwegian * 4 <= english) || (norwegian >= SETTLED && english * 4 <= norwegian)) break;
  }
  if (english >= norwegian + MARGIN && english > norwegian * 2) return 'en';
  if (norwegian >= english + MARGIN && norwegian > english * 2) return 'no';
  return undefined;
}

/** What a front matter's `language` (or `lang`, `språk`) says: `en`, `English`, `engelsk`; `nb`, `nn`, `no`, `norsk`. */
const FRONT_MATTER_LANGUAGE = /^(?:language|lang|språk|sprak|mål)[ \t]*:[ \t]*["']?([\p{L}-]+)/imu;

/** The language a note's front matter (its YAML, without the `---` lines) declares, if any. */
export function declaredLanguage(frontMatter: string): NoteLanguage | undefined {
  const said = FRONT_MATTER_LANGUAGE.exec(frontMatter)?.[1]?.toLowerCase();
  if (!said) return undefined;
  if (/^(?:en|eng|english|engelsk)(?:-|$)/u.test(said)) return 'en';
  if (/^(?:nb|nn|no|nob|nno|nor|norsk|norwegian|bokmål|bokmal|nynorsk)(?:-|$)/u.test(said)) return 'no';
  return undefined;
}

/** The language a note's front matter declares, if any. */
export function frontMatterLanguage(note: ParsedNote): NoteLanguage | undefined {
  return note.frontMatter ? declaredLanguage(note.text.slice(note.frontMatter.valueSpan.start, note.frontMatter.valueSpan.end)) : undefined;
}
