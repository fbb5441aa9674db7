import type { NameFinding } from './names.js';
import type { Word } from './prose.js';

/**
 * A name written again in its own script beside the Latin one (`Amal
 * (أمل)`, `Filmon ፊልሞን`, `王伟 (Wang Wei)`), or after a naming word
 * (`skriver navnet sitt กิตติพงษ์`). Scripts without capitals
 * give a name nothing to be recognised by on its own, and an Arabic or
 * Ge'ez word elsewhere in a note may be any word (`ሰላም`, hello); beside a
 * person's name, it is that person's name.
 */
const CASELESS = [
  'Arabic', 'Hebrew', 'Syriac', 'Thaana', 'Ethiopic', 'Han', 'Hiragana', 'Katakana', 'Hangul', 'Thai', 'Lao', 'Khmer', 'Myanmar',
  'Devanagari', 'Bengali', 'Gurmukhi', 'Gujarati', 'Tamil', 'Telugu', 'Kannada', 'Malayalam', 'Sinhala', 'Georgian', 'Tibetan',
]
  .map((script) => `\\p{Script=${script}}`)
  .join('');
const LETTER = `[${CASELESS}][${CASELESS}\\p{M}]*`;
/** Up to four words in those scripts, a space apart (`عبد الله`, `王 伟`). */
const CASELESS_NAME = new RegExp(`${LETTER}(?:[ \\u00a0]${LETTER}){0,3}`, 'gu');
/** The blocks those scripts live in, as plain ranges: a cheap first look (typographic quotes and emoji fall outside). */
const CASELESS_BLOCKS = /[\u0590-\u08ff\u0900-\u109f\u10a0-\u10ff\u1100-\u11ff\u1200-\u139f\u1780-\u17ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]/u;
/**
 * What may stand between a name and its other spelling: spaces, brackets, quotes, a slash or dash, emoji, direction marks;
 * or `og`/`and`/`or` in a list of its spellings (`Mohammed, Mohamed og محمد`).
 */
const BETWEEN = /^[\s()[\]/«»"“”'’,–—\-\p{Extended_Pictographic}\u200d\ufe0f\u200e\u200f]{0,8}$|^,?[ \t]+(?:og|and|or|eller|el\.)[ \t]+$/u;

/**
 * A naming word just before (`skriver navnet sitt กิตติพงษ์`, `navnet mitt sånn: ሳባ`, `named 王伟`), or a verb of writing what
 * one writes oneself (`He writes it محمد الحموي`, `skriv sjølv ኣብርሀት`); not a verb of writing alone, which greetings follow too
 * (`skrev ሰላም`).
 */
const NAMING_BEFORE =
  /(?:heter|heiter|kalt|kalles|(?:navnet|namnet)(?:[ \t]+\p{L}+){0,3}[ \t]*:?|named|called|name[ \t]+is|spells|staver|(?:writes|wrote|writing|skriv|skriver|skreiv|skrev)[ \t]+(?:it|det|han|ho|hun|seg|sjølv|selv|himself|herself)(?:[ \t]+(?:sjølv|selv|as|som))?[ \t]*:?)[ \t]*[«"“(]?[ \t]*$/iu;

export function namesInOwnScript(text: string, words: readonly Word[], names: readonly NameFinding[], mask: Uint8Array): NameFinding[] {
  // Told from the words' first letters before the text is searched: most paragraphs have no such letter.
  if (!words.some((w) => w.text.charCodeAt(0) >= 0x590) || !CASELESS_BLOCKS.test(text)) return [];
  const persons = names.filter((f) => f.type === 'person');
  const found: NameFinding[] = [];
  for (const m of text.matchAll(CASELESS_NAME)) {
    const start = m.index;
    const end = start + m[0].length;
    if (mask[start]) continue;
    const beside = persons.some((p) => (p.span.end <= start && BETWEEN.test(text.slice(p.span.end, start))) || (p.span.start >= end && BETWEEN.test(text.slice(end, p.span.start))));
    if (beside || NAMING_BEFORE.test(text.slice(Math.max(0, start - 30), start))) found.push({ type: 'person', span: { start, end }, text: m[0], score: 0.6, evidence: [{ kind: 'shape', cue: 'own-script' }], parts: [] });
  }
  return found;
}
