/**
 * Places a note names where they locate no one: the broad area an
 * anonymised text puts a case in (`en liten kystkommune i Nord-Norge`,
 * `ein kommune i Finnmark`, `a town in Vestfold`), a publisher's city in
 * a reference (`Oslo: Universitetsforlaget`), and where a colleague joins
 * a meeting from (`på Teams fra Bergen`, `on Zoom from Maynooth`). The
 * check leaves findings there out, as it does the literature's
 * (`check.ts`); the same place named elsewhere is still checked.
 *
 * Asked of every note: each shape is looked for from the few places that
 * can end one (a capital after a preposition, a capital before a colon),
 * not by a pattern run over the whole text.
 */

/** Capitalised words of a place's name, hyphenated or several (`Nord-Norge`, `Vestre Toten`), from where it starts. */
const PLACE_AT = /\p{Lu}[\p{L}\p{M}'’]*(?:[- ]\p{Lu}[\p{L}\p{M}'’]*){0,2}/uy;

/** A preposition of place before a capital: where an area's or a meeting's place may stand. */
const PREPOSITION_BEFORE_CAPITAL = / (?:i|på|in|on|near|ved|utenfor|utanfor|outside|fra|frå|from) (?=\p{Lu})/gu;
const AREA_PREPOSITIONS = new Set(['i', 'på', 'in', 'on', 'near', 'ved', 'utenfor', 'utanfor', 'outside']);

/**
 * An area of a kind, unnamed, before the preposition: after an article (`en liten kystkommune`, `a town`) or an opening
 * quote (`«bydel`), the way an anonymised text writes a case's place.
 */
const AREA_BEFORE = new RegExp(
  String.raw`(?:(?<![\p{L}\p{N}])(?:en|ein|ei|et|eit|a|an|one|some|to|tre|fire|fem|seks|two|three|four|five|six|several|fleire|flere|nokre|noen|\d{1,2})[ \t]+|[«"“])(?:[\p{Ll}-]+[ \t]+){0,3}(?:\p{Ll}*kommune|\p{Ll}*kommunar|bydel|bydelar|bydeler|by|bygd|tettstad|tettsted|stad|sted|region|fylke|landsdel|municipality|town|city|district|village|county|suburb|area)$`,
  'u',
);
/** Before `fra` or `from`, a meeting at a distance (`på Zoom`, `(on Teams`). */
const JOINING_BEFORE = /(?<![\p{L}])(?:på|via|over|on|by)[ \t]+(?:Zoom|Teams|Skype|Meet|Whereby|video|videolink|telefon|phone)$/u;
/** How far before its preposition an area's words may start. */
const AREA_REACH = 80;

/** Before a publisher's city: the full stop of a reference's title or year (`*Tittel*. `, `(2019). `). */
const PUBLISHER_BEFORE = /[\p{L}\p{N}*_)][.)][ \t]+$/u;
/** After it: a colon and the publisher's name to the end of the entry (`: Universitetsforlaget.`). */
const PUBLISHER_AFTER = /^:[ \t]+\p{Lu}[^\n.:]{0,60}\./u;
const YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)/u;
/** How far before a publisher's city its year may stand. */
const YEAR_REACH = 300;

/** The parts of the country Norwegians name by compass (landsdeler), in Bokmål and Nynorsk: no one is found in one. */
const PARTS_OF_THE_COUNTRY = new Set(
  'Nord-Norge Midt-Norge Sør-Norge Nord-Noreg Midt-Noreg Sør-Noreg Vest-Noreg Austlandet Vestlandet Østlandet Sørlandet Nordvestlandet'.split(' '),
);

/** The parts of the country Norwegians name by compass and the largest cities: areas no one is found in. */
const WIDE_AREAS = new Set(
  'Nord-Norge Midt-Norge Sør-Norge Nord-Noreg Midt-Noreg Sør-Noreg Vest-Noreg Austlandet Vestlandet Østlandet Sørlandet Nordvestlandet Oslo Bergen Trondheim Stavanger Kristiansand Drammen Fredrikstad Tromsø Sandnes Sarpsborg Skien Bodø Ålesund'.split(' '),
);

/**
 * The spans of the places the note names in these ways. An area's place counts only where it is wide: a county
 * (`isCounty`), a part of the country or a large city; `en liten kommune i Øst-Finnmark` still narrows it down.
 * `capitals` are the note's capitalised words as `check.ts` keeps them (start, end, sentence start).
 */
export function broadPlaces(text: string, capitals: Int32Array, isCounty: (name: string) => boolean): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const m of text.matchAll(PREPOSITION_BEFORE_CAPITAL)) {
    const at = m.index + m[0].length;
    PLACE_AT.lastIndex = at;
    const place = PLACE_AT.exec(text)?.[0];
    if (!place) continue;
    const before = text.slice(Math.max(0, m.index - AREA_REACH), m.index);
    const preposition = m[0].trim();
    // (A part of the country is one wherever it stands: `flytta hit frå Austlandet`, `i Nord-Norge`.)
    const area = PARTS_OF_THE_COUNTRY.has(place) || (AREA_PREPOSITIONS.has(preposition) && (WIDE_AREAS.has(place) || isCounty(place)) && AREA_BEFORE.test(before));
    if (area || (!AREA_PREPOSITIONS.has(preposition) && JOINING_BEFORE.test(before))) spans.push({ start: at, end: at + place.length });
  }
  // A publisher's city: a capitalised word right before `: `, on a line that gives a year.
  for (let i = 0; i < capitals.length; i += 3) {
    const start = capitals[i]!;
    const end = capitals[i + 1]!;
    if (text.charCodeAt(end) !== 58 || text.charCodeAt(end + 1) !== 32) continue;
    if (!PUBLISHER_BEFORE.test(text.slice(Math.max(0, start - 8), start)) || !PUBLISHER_AFTER.test(text.slice(end, end + 64))) continue;
    // (The year is looked for on the entry's line, at most a long entry back: a line of 100,000 characters is not read back.)
    const window = text.slice(Math.max(0, start - YEAR_REACH), start);
    if (YEAR.test(window.slice(window.lastIndexOf('\n') + 1))) spans.push({ start, end });
  }
  return spans;
}
