import { sentenceAround } from './prose.js';

/**
 * The places a study declares as its sites (`Our two declared comparison
 * sites, Toronto and Minneapolis`, `outside our declared site
 * (Minneapolis)`, `Toronto og Minneapolis … de erklærte
 * sammenligningsstedene`): named at that level on purpose, as a protocol
 * allows, so they are the study's own words in every note, as its
 * pseudonyms are (`studyPeople.ts` takes them in). Only the name alone: an
 * address that ends in one (`Queen St W, Toronto`) is still found.
 */

/**
 * The words of a declaration of sites, in English, Bokmål and Nynorsk: declared, or the study's comparison sites in the
 * definite form (`declared site`, `our two comparison sites`, `de erklærte sammenligningsstedene`, `det amerikanske
 * sammenligningsstedet`), or what a protocol lets the published text say (`the published text may say Cork, Limerick`).
 * A site named in passing (`the Scottish site`) is not declared so.
 */
const SITE_WORD =
  /(?:declared[ \t]+(?:comparison[ \t]+|study[ \t]+|research[ \t]+)?sites?|(?:published|written)[ \t]+text[ \t]+may[ \t]+(?:say|name)|teksten[ \t]+kan[ \t]+(?:seie|si|nemne|nevne)|(?:our|the|two|both)[ \t]+(?:two[ \t]+)?comparison[ \t]+(?:sites|cities)|erklærte[ \t]+\p{L}+|sammenligningsstede(?:t|ne)|samanlikningsstaden(?:e)?|sammenligningsbye(?:n|ne)|samanlikningsbyane)(?![\p{L}])/giu;
/** A capitalised word that may name a place (`Toronto`, `Minneapolis`, `Tromsø`), not one of a name's several words. */
const PLACE_WORD = /(?<![\p{L}\p{N}'’-])\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?(?![\p{L}\p{N}]|[ \t]+\p{Lu})/gu;
/** How far from the site's word its names stand, within the sentence. */
const REACH = 240;

/** Before `case`: the place and `the`, `our` or a bracket before it (`(Oslo case)`, `the Danish case`). */
const PLACE_BEFORE_CASE = /(?:(?:^|[^\p{L}])(?:[Tt]he|[Oo]ur)[ \t]+|\()(\p{Lu}\p{Ll}+)[ \t]+$/u;
/** After that `case`: perhaps the place in brackets (`the Danish case (Aarhus)`), and no officer, worker or file of a case. */
const AFTER_CASE = /^(?:[ \t]+\((\p{Lu}\p{Ll}+)\))?(?![\p{L}-]|[ \t]+(?:officers?|workers?|managers?|files?|load|loads|numbers?|handlers?|notes?|conferences?|meetings?|reviews?)(?![\p{L}]))/u;
/** Before `-caset`, `-casen`: the place joined to it (`Viken-caset`). */
const PLACE_JOINED_BEFORE = /(?:^|[^\p{L}-])(\p{Lu}\p{Ll}+)-$/u;
/** After any `case`, the place in brackets (`case (Aarhus)`). */
const PLACE_IN_BRACKETS_AFTER = /^[ \t]+\((\p{Lu}\p{Ll}+)\)/u;
/** How far before `case` its place may start. */
const CASE_REACH = 40;

/**
 * The places a note names as the study's cases (`(Oslo case)`, `the Danish case (Aarhus)`, `Viken-caset`, `the Drammen
 * case`): the study's design, named on purpose. Not a case's officer, worker or file (`the Intreo case officer`).
 * `isFirstName` says whether the lists know a word as a first name. Read from each `case` back and forth: a pattern
 * with the place first would be tried at every place of the note.
 */
export function casesNamed(text: string, isFirstName: (word: string) => boolean): string[] {
  const places: (string | undefined)[] = [];
  for (let at = text.indexOf('case'); at >= 0; at = text.indexOf('case', at + 4)) {
    const before = text.slice(Math.max(0, at - CASE_REACH), at);
    const after = text.slice(at + 4, at + 4 + CASE_REACH);
    const named = PLACE_BEFORE_CASE.exec(before);
    const rest = named ? AFTER_CASE.exec(after) : null;
    if (named && rest) {
      places.push(named[1], rest[1]);
      continue;
    }
    const joined = text[at - 1] === '-' && /^[tn](?![\p{L}])/u.test(after) ? PLACE_JOINED_BEFORE.exec(before) : null;
    if (joined) {
      places.push(joined[1]);
      continue;
    }
    places.push(PLACE_IN_BRACKETS_AFTER.exec(after)?.[1]);
  }
  return places.filter((place): place is string => place !== undefined && !isFirstName(place));
}

/** The site names a note declares; `isFirstName` says whether the lists know a word as a first name. */
export function declaredSites(text: string, isFirstName: (word: string) => boolean): string[] {
  const sites: string[] = [];
  SITE_WORD.lastIndex = 0;
  for (let m = SITE_WORD.exec(text); m !== null; m = SITE_WORD.exec(text)) {
    // (Not in a reviewer's bracket or a placeholder, `[studiested]`, `[TA: that names the site]`.)
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    const line = text.slice(lineStart, m.index);
    if (line.lastIndexOf('[') > line.lastIndexOf(']')) continue;
    const { start: from, end: to } = sentenceAround(text, m.index, REACH);
    for (const word of text.slice(from, to).matchAll(PLACE_WORD)) {
      // (Not a sentence's first word, which is capitalised whatever it is, nor a person's name.)
      const at = from + word.index;
      if (at === from && from > 0 && text[from - 1] !== '(') continue;
      if (!isFirstName(word[0])) sites.push(word[0]);
    }
  }
  return sites;
}
