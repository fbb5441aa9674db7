import countriesData from './data/countries.json' with { type: 'json' };
import englishData from './data/english.json' with { type: 'json' };
import firstNamesData from './data/firstNames.json' with { type: 'json' };
import placesData from './data/places.json' with { type: 'json' };
import surnamesData from './data/surnames.json' with { type: 'json' };

/**
 * The checker's name and place lists (`data/`, built by
 * `scripts/build-anon-data.mjs` from Statistics Norway's lists, faker's
 * nb_NO locale and the post-place register; sources and licences in
 * `data/README.md`). Every entry is NFC and spelled as written, with its
 * capitals: `Eli`, `Mo i Rana`, `Kristiansand S`.
 */
export interface Lexicon {
  /** First name → persons with it in 2019 (common names are stronger evidence than rare ones; 0 = below SSB's threshold that year). */
  readonly firstNames: ReadonlyMap<string, number>;
  readonly surnames: ReadonlySet<string>;
  /** Municipalities, urban settlements and post places. */
  readonly places: ReadonlySet<string>;
  /** Counties (2024 and earlier ones such as Viken) and traditional districts (`Valdres`, `Lofoten`). */
  readonly counties: ReadonlySet<string>;
  /** Countries and territories in Norwegian: not identifying, so never flagged as places. */
  readonly countries: ReadonlySet<string>;
  /** Each `is…` takes a word as written, and also its all-capitals form (`EVA-MARIE`, `MOLDE`); never a lower-case word. */
  isFirstName(word: string): boolean;
  isSurname(word: string): boolean;
  isPlace(word: string): boolean;
  isCounty(word: string): boolean;
  isCountry(word: string): boolean;
  /** Persons with this first name in 2019; 0 for a name not in the list. */
  firstNameCount(word: string): number;
  /** Whether a lower-case word is a common English word (`labour`, `hope`): English notes capitalise such words in names of bodies and titles. */
  isEnglishWord(lower: string): boolean;
}

/**
 * A name as the lists spell it: NFC, and each part between spaces and
 * hyphens with a capital first letter and the rest in lower case
 * (`EVA-MARIE` → `Eva-Marie`, `ålesund` → `Ålesund`).
 */
export function normaliseName(word: string): string {
  return word
    .normalize('NFC')
    .split(/([\s-]+)/)
    .map((part, i) => (i % 2 === 1 || part === '' ? part : part[0]!.toUpperCase() + part.slice(1).toLowerCase()))
    .join('');
}

/** A single word with a capital and then lower-case letters: its normalised form is itself. */
const ALREADY_NORMAL = /^\p{Lu}[\p{Ll}\p{M}]*$/u;

let cached: Lexicon | undefined;

/** The lists, built once on first use. */
export function lexicon(): Lexicon {
  return (cached ??= build());
}

function build(): Lexicon {
  // English first names and surnames beside Norwegian ones: studies interview people of every origin, and English notes name them.
  const firstNames: ReadonlyMap<string, number> = new Map([...englishData.firstNames.map((name): [string, number] => [name, 0]), ...(firstNamesData.names as [string, number][])]);
  const surnames: ReadonlySet<string> = new Set([...surnamesData.names, ...englishData.surnames]);
  // Made on the first question: a study without English notes never asks.
  let englishWords: ReadonlySet<string> | undefined;
  const places: ReadonlySet<string> = new Set([...placesData.municipalities, ...placesData.settlements, ...placesData.postPlaces]);
  const counties: ReadonlySet<string> = new Set([...placesData.counties, ...placesData.regions]);
  const countries: ReadonlySet<string> = new Set(countriesData.names);
  /**
   * The forms to look up: the word in NFC, and, when it starts with a
   * capital, its normalised form. Every list is asked about the same word
   * in turn (`names.ts` asks all five at once), so the last word's forms
   * are kept; most words are already NFC and normal (`Heidi`), which one
   * expression tells without the locale's case mapping.
   */
  let lastWord: string | undefined;
  let lastForms: [string, string | undefined] = ['', undefined];
  const formsOf = (word: string): [string, string | undefined] => {
    if (word === lastWord) return lastForms;
    const nfc = word.normalize('NFC');
    const normal = !/^\p{Lu}/u.test(nfc) || ALREADY_NORMAL.test(nfc) ? undefined : normaliseName(nfc);
    lastWord = word;
    return (lastForms = [nfc, normal !== nfc ? normal : undefined]);
  };
  const lookup = (has: (key: string) => boolean, word: string): string | undefined => {
    const [nfc, normal] = formsOf(word);
    if (has(nfc)) return nfc;
    return normal !== undefined && has(normal) ? normal : undefined;
  };
  const inSet = (set: ReadonlySet<string>) => (word: string) => lookup((k) => set.has(k), word) !== undefined;
  return {
    firstNames,
    surnames,
    places,
    counties,
    countries,
    isFirstName: (word) => lookup((k) => firstNames.has(k), word) !== undefined,
    isSurname: inSet(surnames),
    isPlace: inSet(places),
    isCounty: inSet(counties),
    isCountry: inSet(countries),
    isEnglishWord: (lower) => (englishWords ??= new Set(englishData.words.split('\n'))).has(lower),
    firstNameCount: (word) => {
      const key = lookup((k) => firstNames.has(k), word);
      return key === undefined ? 0 : firstNames.get(key)!;
    },
  };
}
