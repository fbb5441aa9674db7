import type { Locale } from '../i18n/messages.js';
import type { AnonEvidence, AnonFinding, AnonType } from './types.js';

/**
 * What the anonymization checker says, in English and Bokmål: what was
 * found, why it was flagged (its evidence), and what to do.
 */
interface AnonCatalog {
  what: Record<AnonType, string>;
  why(evidence: AnonEvidence): string;
  todo: Record<AnonType, string>;
  looksLike(text: string, what: string, why: string[]): string;
  list(items: string[]): string;
}

const quote = (s: string) => `“${s}”`;
const join = (items: string[], and: string) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`);

/** Shapes named by a cue of their own; any other shape is the word it has (`with “gate”`). */
const SHAPES_EN = {
  'name-run': 'several capitalised words together',
  initials: "written like a person's initials",
  'own-script': 'the name beside it, in its own script',
  'foreign-letters': 'spelled with letters Norwegian and English words do not use',
  'foreign-spelling': 'spelled as no Norwegian or English word is',
  speaker: "a speaker's label in the transcript, again and again",
  alone: 'standing alone, as an answer',
  'name-column': "in a table's column of names",
  handle: "written like a person's username",
  'surname-first': 'in capitals before a first name, as a form writes a surname',
  postcode: 'written like a British postcode',
  eircode: 'written like an Irish Eircode, which names a single address',
  zip: 'a US ZIP code, after its name or a state',
  district: 'a postal district of a city',
  nickname: 'a nickname in brackets after a full name',
};
type NamedShape = keyof typeof SHAPES_EN;

const SHAPES_NB: Record<NamedShape, string> = {
  'name-run': 'flere ord med stor forbokstav etter hverandre',
  initials: 'skrevet som initialene til en person',
  'own-script': 'navnet ved siden av, i sin egen skrift',
  'foreign-letters': 'stavet med bokstaver norske og engelske ord ikke bruker',
  'foreign-spelling': 'stavet slik ingen norske eller engelske ord staves',
  speaker: 'navnet på en som snakker i transkripsjonen, gang på gang',
  alone: 'står alene, som et svar',
  'name-column': 'i en tabellkolonne med navn',
  handle: 'skrevet som et brukernavn',
  'surname-first': 'med store bokstaver foran et fornavn, slik et skjema skriver etternavnet',
  postcode: 'skrevet som et britisk postnummer',
  eircode: 'skrevet som en irsk Eircode, som peker ut én adresse',
  zip: 'et amerikansk postnummer (ZIP), etter ordet for det eller en delstat',
  district: 'et postdistrikt i en by',
  nickname: 'et kallenavn i parentes etter et fullt navn',
};

const shapeName = (table: Record<NamedShape, string>, cue: string): string | undefined => (Object.hasOwn(table, cue) ? table[cue as NamedShape] : undefined);

const en: AnonCatalog = {
  what: {
    person: "a person's name",
    place: 'a place name',
    org: 'the name of a school, workplace, club or other organisation',
    idnum: 'a national identity number',
    phone: 'a phone number',
    email: 'an e-mail address',
    dob: 'a date of birth',
    indirect: 'an indirect identifier',
  },
  why: (e) => {
    switch (e.kind) {
      case 'idnum':
        if (e.pps) return e.mistyped ? 'written like an Irish PPS number after the word for one, with a check letter that does not add up' : 'seven digits and the check letter of an Irish PPS number';
        if (e.scheme === 'nino') return 'written like a British National Insurance number';
        if (e.scheme === 'cpr') return 'written like a Danish CPR number (a date of birth and four digits)';
        if (e.scheme === 'personnummer') return e.mistyped ? 'written like a Swedish personnummer after the word for one, with a check digit that does not add up' : 'a Swedish personnummer whose check digit adds up';
        if (e.scheme === 'nhs') return e.mistyped ? 'ten digits after the words NHS number, with a check digit that does not add up' : 'an NHS number, after its name, with a check digit that adds up';
        if (e.scheme === 'chi') return e.mistyped ? 'ten digits after the word CHI, with a check digit that does not add up' : 'a Scottish CHI number (a date of birth and four digits), after its name';
        if (e.scheme === 'sin') return e.mistyped ? 'nine digits after the words social insurance number, with a check digit that does not add up' : 'a Canadian social insurance number, after its name';
        if (e.scheme === 'ssn') return 'an American social security number, after its name';
        if (e.mistyped) return '11 digits right after the word for an id number, with check digits that do not add up: a mistyped number still identifies';
        return e.dNumber ? '11 digits with the check digits of a D-number' : '11 digits with the check digits of a fødselsnummer';
      case 'phone':
        return '8 digits written like a Norwegian phone number';
      case 'email':
        return 'written like an e-mail address';
      case 'dob':
        return `a date after ${quote(e.cue)}`;
      case 'list':
        return { firstName: 'a known first name', surname: 'a known surname', place: 'a Norwegian place name', county: 'a Norwegian county or region' }[e.list];
      case 'context':
        return e.following || /^\d|gate|vei/.test(e.cue) ? `followed by ${quote(e.cue)}` : `after ${quote(e.cue)}`;
      case 'capitalised':
        return 'written with a capital letter inside a sentence';
      case 'chat':
        return 'the name a quoted message is sent under, or that name in one';
      case 'shape':
        return shapeName(SHAPES_EN, e.cue) ?? `with ${quote(e.cue)}`;
      case 'consistency':
        return e.where === 'note' ? 'flagged elsewhere in this note' : 'flagged in another note of the workspace';
      case 'indirect':
        return e.cue === 'age' ? 'an exact age' : 'a unique role or feature';
    }
  },
  todo: {
    person: 'Replace it with a pseudonym or [navn].',
    place: 'Replace it with [sted] or a broader area.',
    org: 'Replace it with [skole], [arbeidsplass] or another placeholder.',
    idnum: 'Remove it or write [fødselsnummer].',
    phone: 'Remove it or write [telefon].',
    email: 'Remove it or write [e-post].',
    dob: 'Remove it or write [fødselsdato], or keep only the year if the study needs it.',
    indirect: 'Check that it cannot identify anyone together with the rest of the note.',
  },
  looksLike: (text, what, why) => `${quote(text)} looks like ${what}${why.length ? ` (${join(why, 'and')})` : ''}.`,
  list: (items) => join(items, 'and'),
};

const nb: AnonCatalog = {
  what: {
    person: 'et personnavn',
    place: 'et stedsnavn',
    org: 'navnet på en skole, arbeidsplass, klubb eller annen organisasjon',
    idnum: 'et fødselsnummer',
    phone: 'et telefonnummer',
    email: 'en e-postadresse',
    dob: 'en fødselsdato',
    indirect: 'en indirekte identifikator',
  },
  why: (e) => {
    switch (e.kind) {
      case 'idnum':
        if (e.pps) return e.mistyped ? 'skrevet som et irsk PPS-nummer etter ordet for et, med en kontrollbokstav som ikke stemmer' : 'sju sifre og kontrollbokstaven til et irsk PPS-nummer';
        if (e.scheme === 'nino') return 'skrevet som et britisk National Insurance-nummer';
        if (e.scheme === 'cpr') return 'skrevet som et dansk CPR-nummer (en fødselsdato og fire sifre)';
        if (e.scheme === 'personnummer') return e.mistyped ? 'skrevet som et svensk personnummer etter ordet for det, med et kontrollsiffer som ikke stemmer' : 'et svensk personnummer der kontrollsifferet stemmer';
        if (e.scheme === 'nhs') return e.mistyped ? 'ti sifre etter ordene NHS number, med et kontrollsiffer som ikke stemmer' : 'et britisk NHS-nummer, etter navnet på det, med et kontrollsiffer som stemmer';
        if (e.scheme === 'chi') return e.mistyped ? 'ti sifre etter ordet CHI, med et kontrollsiffer som ikke stemmer' : 'et skotsk CHI-nummer (en fødselsdato og fire sifre), etter navnet på det';
        if (e.scheme === 'sin') return e.mistyped ? 'ni sifre etter ordene social insurance number, med et kontrollsiffer som ikke stemmer' : 'et kanadisk personnummer (social insurance number), etter navnet på det';
        if (e.scheme === 'ssn') return 'et amerikansk personnummer (social security number), etter navnet på det';
        if (e.mistyped) return '11 sifre rett etter ordet for et personnummer, med kontrollsifre som ikke stemmer: et nummer skrevet feil identifiserer likevel';
        return e.dNumber ? '11 sifre med kontrollsifrene til et D-nummer' : '11 sifre med kontrollsifrene til et fødselsnummer';
      case 'phone':
        return '8 sifre skrevet som et norsk telefonnummer';
      case 'email':
        return 'skrevet som en e-postadresse';
      case 'dob':
        return `en dato etter ${quote(e.cue)}`;
      case 'list':
        return { firstName: 'et kjent fornavn', surname: 'et kjent etternavn', place: 'et norsk stedsnavn', county: 'et norsk fylke eller en region' }[e.list];
      case 'context':
        return e.following || /^\d|gate|vei/.test(e.cue) ? `etterfulgt av ${quote(e.cue)}` : `etter ${quote(e.cue)}`;
      case 'capitalised':
        return 'skrevet med stor forbokstav inne i en setning';
      case 'chat':
        return 'navnet en sitert melding er sendt under, eller det navnet i en melding';
      case 'shape':
        return shapeName(SHAPES_NB, e.cue) ?? `med ${quote(e.cue)}`;
      case 'consistency':
        return e.where === 'note' ? 'flagget et annet sted i dette notatet' : 'flagget i et annet notat i arbeidsområdet';
      case 'indirect':
        return e.cue === 'age' ? 'en eksakt alder' : 'en unik rolle eller egenskap';
    }
  },
  todo: {
    person: 'Bytt det ut med et pseudonym eller [navn].',
    place: 'Bytt det ut med [sted] eller et større område.',
    org: 'Bytt det ut med [skole], [arbeidsplass] eller en annen plassholder.',
    idnum: 'Fjern det eller skriv [fødselsnummer].',
    phone: 'Fjern det eller skriv [telefon].',
    email: 'Fjern den eller skriv [e-post].',
    dob: 'Fjern den eller skriv [fødselsdato], eller behold bare året hvis studien trenger det.',
    indirect: 'Sjekk at den ikke kan identifisere noen sammen med resten av notatet.',
  },
  looksLike: (text, what, why) => `${quote(text)} ser ut som ${what}${why.length ? ` (${join(why, 'og')})` : ''}.`,
  list: (items) => join(items, 'og'),
};

/** The message for a finding: what it looks like, why, and what to do. */
export function anonMessage(finding: AnonFinding, locale: Locale): string {
  const catalog = locale === 'nb' ? nb : en;
  const why = [...new Set(finding.evidence.map((e) => catalog.why(e)))];
  const shown = finding.text.length > 60 ? finding.text.slice(0, 57) + '…' : finding.text;
  return `${catalog.looksLike(shown.replace(/\s+/g, ' '), catalog.what[finding.type], why)} ${catalog.todo[finding.type]}`;
}
