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
const ENGLISH = new Set(
  'the and of is was are were be been it that this these those with have has had not but what when which who would will could should about there their they them he she his we you your our my from by an if or than then into because very just also some any how where why'.split(' '),
);
const NORWEGIAN = new Set(
  'og er var det den som ikke jeg eg hun ho han vi me dei de deg meg seg med har hadde av til på fra frå men så kan skal vil ble vart hva kva hvordan korleis hvor kor fordi at om eller også òg bare berre veldig noe noko noen nokon ingen alle mye mykje litt dette disse denne sin sitt sine'.split(' '),
);
/** Evidence enough: this many more small words of one language than of the other. */
const MARGIN = 2;

const SMALL_WORD = /(?<![\p{L}\p{N}])\p{L}{1,8}(?![\p{L}\p{N}])/gu;

/** The language a text's small words show, or undefined when they say too little (a heading, a list of names). */
export function languageOf(text: string): NoteLanguage | undefined {
  return languageOfWords(Array.from(text.matchAll(SMALL_WORD), (m) => m[0]));
}

/** The same, of words already read (`prose.ts`'s words of a paragraph): each is looked at once. */
export function languageOfWords(words: Iterable<string>): NoteLanguage | undefined {
  let english = 0;
  let norwegian = 0;
  for (const small of words) {
    if (small.length > 8) continue;
    // A sentence's first word counts too (`She`, `Hun`).
    const word = small.toLowerCase();
    if (ENGLISH.has(word)) english++;
    else if (NORWEGIAN.has(word)) norwegian++;
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
