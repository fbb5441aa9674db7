import type { Locale } from '../i18n/messages.js';

/** The words of the agreement tables (text and Markdown), in English and Bokmål. */
export interface AgreementMessages {
  transcript(id: string | undefined, words: number, coders: { name: string; file: string }[]): string;
  codesTitle(a: string, b: string): string;
  readingsTitle(a: string, b: string): string;
  dimensionsTitle(a: string, b: string): string;
  confusionTitle(dimension: string, a: string, b: string): string;
  allCodersTitle(coders: string[]): string;
  disagreementsTitle(a: string, b: string, runs: number): string;
  noDisagreements(a: string, b: string): string;
  run(placeA: string, placeB: string, words: number, text: string, a: { name: string; gave: string }, b: { name: string; gave: string }): string;
  studyTitle(transcripts: number, words: number, coders: string[]): string;
  refusedTitle: string;
  notComparedTitle: string;
  code: string;
  dimension: string;
  what: string;
  same: string;
  otherReading: string;
  only(coder: string): string;
  neither: string;
  different: string;
  units: string;
  words: string;
  agreement: string;
  kappa: string;
  alpha: string;
  fleiss: string;
  pairKappa(a: string, b: string): string;
  allCodes: string;
  pooledReadings: string;
  dimensionRow(dimension: string): string;
  readingsRow(code: string): string;
  none: string;
  nothing: string;
  noReading: string;
  /** Explanations under the tables. */
  unitNote: string;
  kappaNote: string;
  naNote: string;
  inflatedNote: string;
  fleissUnequalCoders: string;
  fleissUnequalReadings: string;
}

const list = (items: string[], and: string) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const en: AgreementMessages = {
  transcript: (id, words, coders) => `${id ?? 'Transcript'}: ${plural(words, 'word', 'words')}, coded by ${list(coders.map((c) => `${c.name} (${c.file})`), 'and')}.`,
  codesTitle: (a, b) => `Codes, ${a} and ${b}`,
  readingsTitle: (a, b) => `Readings where ${a} and ${b} both coded`,
  dimensionsTitle: (a, b) => `Dimensions, ${a} and ${b}`,
  confusionTitle: (dimension, a, b) => `${dimension}: rows ${a}, columns ${b}`,
  allCodersTitle: (coders) => `All coders: ${list(coders, 'and')}`,
  disagreementsTitle: (a, b, runs) => `Where ${a} and ${b} differ: ${plural(runs, 'run of words', 'runs of words')}`,
  noDisagreements: (a, b) => `${a} and ${b} gave every word the same codes and readings.`,
  run: (placeA, placeB, words, text, a, b) => `${placeA}  ${placeB}  ${plural(words, 'word', 'words')} “${text}”: ${a.name} ${a.gave}; ${b.name} ${b.gave}`,
  studyTitle: (transcripts, words, coders) => `Study totals: ${plural(transcripts, 'transcript', 'transcripts')}, ${plural(words, 'word', 'words')}, coders ${list(coders, 'and')}`,
  refusedTitle: 'Not scored: the copies do not have the same words',
  notComparedTitle: 'Not compared',
  code: 'code',
  dimension: 'dimension',
  what: 'what',
  same: 'same',
  otherReading: 'other reading',
  only: (coder) => `only ${coder}`,
  neither: 'neither',
  different: 'different',
  units: 'units',
  words: 'words',
  agreement: 'agreement',
  kappa: 'kappa',
  alpha: 'alpha',
  fleiss: 'Fleiss kappa',
  pairKappa: (a, b) => `kappa ${a}–${b}`,
  allCodes: 'all codes',
  pooledReadings: 'all read codes',
  dimensionRow: (dimension) => `dimension ${dimension}`,
  readingsRow: (code) => `readings #${code}`,
  none: 'none',
  nothing: 'nothing',
  noReading: 'no reading',
  unitNote:
    'Units are words. A decision is a word × code: not coded, or coded with its reading (the pole). "same": both coded it with the same reading; "other reading": both coded it, with different readings. Readings: over the words both coded, do the readings agree.',
  kappaNote: "kappa: Cohen's for two coders, Fleiss' for all coders; alpha: Krippendorff's, nominal.",
  naNote: 'n/a: nothing to measure (nobody coded anything there, or every value is the same).',
  inflatedNote:
    '*: agreement of 0.75 or more beside a kappa below 0.20 ("slight", Landis & Koch 1977): the percentage is high because most words were left uncoded by both, not because the coders agree.',
  fleissUnequalCoders: "Fleiss' kappa: n/a, because the transcripts have different numbers of coders (it needs the same number for every unit); alpha allows for that.",
  fleissUnequalReadings: "Fleiss' kappa for readings: n/a where the words were coded by different numbers of coders (it needs the same number for every unit); alpha allows for that.",
};

export const nb: AgreementMessages = {
  transcript: (id, words, coders) => `${id ?? 'Transkripsjon'}: ${plural(words, 'ord', 'ord')}, kodet av ${list(coders.map((c) => `${c.name} (${c.file})`), 'og')}.`,
  codesTitle: (a, b) => `Koder, ${a} og ${b}`,
  readingsTitle: (a, b) => `Lesninger der både ${a} og ${b} kodet`,
  dimensionsTitle: (a, b) => `Dimensjoner, ${a} og ${b}`,
  confusionTitle: (dimension, a, b) => `${dimension}: rader ${a}, kolonner ${b}`,
  allCodersTitle: (coders) => `Alle kodere: ${list(coders, 'og')}`,
  disagreementsTitle: (a, b, runs) => `Der ${a} og ${b} er uenige: ${plural(runs, 'ordrekke', 'ordrekker')}`,
  noDisagreements: (a, b) => `${a} og ${b} ga hvert ord de samme kodene og lesningene.`,
  run: (placeA, placeB, words, text, a, b) => `${placeA}  ${placeB}  ${plural(words, 'ord', 'ord')} «${text}»: ${a.name} ${a.gave}; ${b.name} ${b.gave}`,
  studyTitle: (transcripts, words, coders) => `Hele studien: ${plural(transcripts, 'transkripsjon', 'transkripsjoner')}, ${plural(words, 'ord', 'ord')}, kodere ${list(coders, 'og')}`,
  refusedTitle: 'Ikke målt: kopiene har ikke de samme ordene',
  notComparedTitle: 'Ikke sammenlignet',
  code: 'kode',
  dimension: 'dimensjon',
  what: 'hva',
  same: 'like',
  otherReading: 'annen lesning',
  only: (coder) => `bare ${coder}`,
  neither: 'ingen',
  different: 'ulike',
  units: 'enheter',
  words: 'ord',
  agreement: 'enighet',
  kappa: 'kappa',
  alpha: 'alfa',
  fleiss: 'Fleiss kappa',
  pairKappa: (a, b) => `kappa ${a}–${b}`,
  allCodes: 'alle koder',
  pooledReadings: 'alle leste koder',
  dimensionRow: (dimension) => `dimensjon ${dimension}`,
  readingsRow: (code) => `lesninger #${code}`,
  none: 'ingen',
  nothing: 'ingenting',
  noReading: 'uten lesning',
  unitNote:
    'Enhetene er ord. En beslutning er ord × kode: ikke kodet, eller kodet med sin lesning (polen). «like»: begge kodet ordet med samme lesning; «annen lesning»: begge kodet det, med ulik lesning. Lesninger: blant ordene begge kodet, er lesningene like?',
  kappaNote: 'kappa: Cohens for to kodere, Fleiss’ for alle kodere; alfa: Krippendorffs, nominal.',
  naNote: 'n/a: ingenting å måle (ingen kodet noe der, eller alle verdiene er like).',
  inflatedNote:
    '*: enighet på 0.75 eller mer ved siden av en kappa under 0.20 («ubetydelig», Landis & Koch 1977): prosenten er høy fordi de fleste ordene er ukodet hos begge, ikke fordi koderne er enige.',
  fleissUnequalCoders: 'Fleiss’ kappa: n/a, fordi transkripsjonene har ulikt antall kodere (den krever like mange for hver enhet); alfa tåler det.',
  fleissUnequalReadings: 'Fleiss’ kappa for lesninger: n/a der ordene ble kodet av ulikt antall kodere (den krever like mange for hver enhet); alfa tåler det.',
};

export function agreementMessagesFor(locale: Locale): AgreementMessages {
  return locale === 'nb' ? nb : en;
}
