/**
 * Places a note names where they locate no one: the broad area an
 * anonymised text puts a case in (`en liten kystkommune i Nord-Norge`,
 * `ein kommune i Finnmark`, `a town in Vestfold`), a publisher's city in
 * a reference (`Oslo: Universitetsforlaget`), and where a colleague joins
 * a meeting from (`på Teams fra Bergen`, `on Zoom from Maynooth`). The
 * check leaves findings there out, as it does the literature's
 * (`check.ts`); the same place named elsewhere is still checked.
 */

/** Capitalised words of a place's name, hyphenated or several (`Nord-Norge`, `Vestre Toten`). */
const PLACE = String.raw`\p{Lu}[\p{L}\p{M}'’]*(?:[- ]\p{Lu}[\p{L}\p{M}'’]*){0,2}`;

/** An area of a kind, unnamed, in a named wider one: the way an anonymised text writes a case's place. */
const AREA_IN = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:en|ein|ei|et|eit|a|an|one|some)[ \t]+(?:[\p{Ll}-]+[ \t]+){0,2}(?:\p{Ll}*kommune|\p{Ll}*kommunar|bydel|bydelar|bydeler|by|bygd|tettstad|tettsted|stad|sted|region|fylke|landsdel|municipality|town|city|district|village|county|suburb|area)[ \t]+(?:i|på|in|on|near|ved|utenfor|utanfor|outside|nord for|sør for|north of|south of)[ \t]+(${PLACE})`,
  'gu',
);
/** The same without an article, inside quotes: a replacement the note proposes (`bare «bydel i Oslo»`). */
const QUOTED_AREA_IN = new RegExp(
  String.raw`[«"“](?:[\p{Ll}-]+[ \t]+){0,3}(?:\p{Ll}*kommune|bydel|by|bygd|tettsted|fylke|region|municipality|town|city|district|county)[ \t]+(?:i|på|in)[ \t]+(${PLACE})[»"”]`,
  'gu',
);
/**
 * A publisher's city in a reference (`(2019). Tittel. Oslo: Universitetsforlaget.`): after a full stop, before a colon
 * and the publisher's name, on a line that gives a year.
 */
const PUBLISHER_CITY = new RegExp(String.raw`(?<=[\p{L}\p{N}*_)][.)][ \t]+)(${PLACE}):[ \t]+\p{Lu}[^\n.:]{0,60}\.(?=[^\n]*$)`, 'gmu');
const YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)/gu;

/** Where someone joins from at a distance (`på Zoom fra Bergen`, `(on Teams from Maynooth)`). */
const JOINING_FROM = new RegExp(
  String.raw`(?<![\p{L}])(?:på|via|over|on|by)[ \t]+(?:Zoom|Teams|Skype|Meet|Whereby|video|videolink|telefon|phone)[ \t]+(?:fra|frå|from)[ \t]+(${PLACE})`,
  'gu',
);

/**
 * Whether a year stands on the line before an offset, asked of offsets in increasing order: each line is searched for
 * its first year once, and each stretch of text read once (a line of 100,000 characters is not read back for each match).
 */
function yearBefore(text: string, from = 0): (at: number) => boolean {
  let lineStart = from;
  let firstYear = -1;
  let read = from;
  let searched = -1;
  return (at) => {
    // (Only the stretch since the last offset asked is looked through for a line break.)
    for (; read < at; read++) if (text.charCodeAt(read) === 10) lineStart = read + 1;
    if (searched !== lineStart) {
      searched = lineStart;
      YEAR.lastIndex = lineStart;
      const year = YEAR.exec(text);
      const lineEnd = text.indexOf('\n', lineStart);
      firstYear = year && (lineEnd === -1 || year.index < lineEnd) ? year.index : -1;
    }
    return firstYear !== -1 && firstYear < at;
  };
}

/** The parts of the country Norwegians name by compass and the largest cities: areas no one is found in. */
const WIDE_AREAS = new Set(
  'Nord-Norge Midt-Norge Sør-Norge Vestlandet Østlandet Sørlandet Nordvestlandet Oslo Bergen Trondheim Stavanger Kristiansand Drammen Fredrikstad Tromsø Sandnes Sarpsborg Skien Bodø Ålesund'.split(' '),
);

/**
 * The spans of the places the note names in these ways. An area's place counts only where it is wide: a county
 * (`isCounty`), a part of the country or a large city; `en liten kommune i Øst-Finnmark` still narrows it down.
 */
export function broadPlaces(text: string, isCounty: (name: string) => boolean): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const add = (pattern: RegExp, holds: (at: number) => boolean = () => true, named: (place: string) => boolean = () => true) => {
    for (const m of text.matchAll(pattern)) {
      if (!named(m[1]!) || !holds(m.index)) continue;
      const start = m.index + m[0].lastIndexOf(m[1]!);
      spans.push({ start, end: start + m[1]!.length });
    }
  };
  // Each shape has a word or mark it cannot do without: most notes have none of them.
  const wide = (name: string) => WIDE_AREAS.has(name) || isCounty(name);
  if (/ (?:i|på|in|on|near|ved) \p{Lu}/u.test(text)) add(AREA_IN, undefined, wide);
  if (text.includes('«') || text.includes('"') || text.includes('“')) add(QUOTED_AREA_IN, undefined, wide);
  if (text.includes(': ')) add(PUBLISHER_CITY, yearBefore(text));
  if (/Zoom|Teams|Skype|Meet|Whereby|video|telefon|phone/u.test(text)) add(JOINING_FROM);
  return spans;
}
