/**
 * Deterministic generator of realistic notes for the benchmarks: interview
 * turns and field-note paragraphs in Norwegian Bokmål (about a third in
 * English), with real first names, surnames and places (the anonymization
 * checker's own lists, from Statistics Norway), institutions, placeholders,
 * memos, review comments and codes from samples/codebook.yaml.
 *
 * Unlike generateNotes.ts, no sentence repeats: sentences are built from
 * templates with many slots, and a study shares one set of the sentences,
 * headings and list items it has written, so a rare collision is drawn
 * again. Repeated text would let the parser's content cache skip blocks and
 * hide what real notes cost.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Dice, random, STUDY_CODES, type GeneratorCode } from './generateNotes.js';
import { ROOT } from './paths.js';

const DATA = path.join(ROOT, 'server', 'src', 'core', 'anon', 'data');
const json = (name: string) => JSON.parse(readFileSync(path.join(DATA, name), 'utf8'));
const FIRST_NAMES: string[] = (json('firstNames.json').names as [string, number][]).map(([name]) => name);
const SURNAMES: string[] = json('surnames.json').names;
const placeData = json('places.json') as { municipalities: string[]; settlements: string[] };
const MUNICIPALITIES = placeData.municipalities;
const PLACES = [...placeData.municipalities, ...placeData.settlements];

export type Language = 'nb' | 'en';

export interface RealisticNoteOptions {
  /** About how many characters the note has; 3,000–8,000 when not given. */
  bytes?: number;
  language?: Language;
  kind?: 'interview' | 'fieldnote';
  /** The note's id in its front matter. */
  id?: string;
  case?: string;
  coder?: string;
  /** Sentences, headings and items already written; shared across a study so none repeats. */
  seen?: Set<string>;
}

export interface StudyFile {
  name: string;
  text: string;
}

export interface RealisticStudyOptions {
  /** Write a second coder's (LH's) copy of every tenth note: the same words, some codes changed, one removed. */
  secondCoder?: boolean;
  /** Sentences already written elsewhere (for a note added to the study later), shared so none repeats. */
  seen?: Set<string>;
}

const CODEBOOK_TEXT = () => readFileSync(path.join(ROOT, 'samples', 'codebook.yaml'), 'utf8');
export const PROJECT_FILE = 'coders:\n  primary: [MT]\n';

// ---------------------------------------------------------------- vocabulary

interface VerbNb {
  pres: string;
  past: string;
  /** The particle or preposition, which follows the subject when the verb comes first (V2). */
  prep: string;
}
const v = (pres: string, past: string, prep = ''): VerbNb => ({ pres, past, prep });

const NB = {
  subjects: ['vi', 'veilederen', 'ungdomsveilederen', 'rådgiveren på skolen', 'kontoret', 'teamet', 'helsesykepleieren', 'lederen', 'en av veilederne', 'saksbehandleren', 'miljøarbeideren', 'kommunen', 'oppfølgingstjenesten', 'barnevernet', 'NAV', 'de ansatte', 'jobbspesialisten', 'kontaktlæreren', 'koordinatoren', 'ungdomsteamet', 'fastlegen', 'skolen'],
  verbs: [
    v('følger', 'fulgte', 'opp'),
    v('snakker', 'snakket', 'med'),
    v('ringer', 'ringte'),
    v('møter', 'møtte'),
    v('kartlegger', 'kartla'),
    v('henviser', 'henviste'),
    v('hjelper', 'hjalp'),
    v('veileder', 'veiledet'),
    v('kaller', 'kalte', 'inn'),
    v('tar', 'tok', 'kontakt med'),
    v('besøker', 'besøkte'),
    v('inviterer', 'inviterte'),
    v('prøver', 'prøvde', 'å nå'),
    v('har', 'hadde', 'samtaler med'),
    v('lager', 'laget', 'planer for'),
    v('søker', 'søkte', 'tiltak for'),
    v('holder', 'holdt', 'kurs for'),
    v('setter', 'satte', 'opp møter med'),
    v('informerer', 'informerte'),
    v('melder', 'meldte', 'fra om'),
    v('skriver', 'skrev', 'vedtak for'),
    v('avklarer', 'avklarte', 'behovene til'),
    v('sender', 'sendte', 'melding til'),
    v('passer', 'passet', 'på'),
  ],
  objects: ['ungdommene', 'elevene på vg1', 'de som har mye fravær', 'familiene', 'unge over 18', 'de som har sluttet på skolen', 'foreldrene', 'unge uten skoleplass', 'ungdom som får sosialhjelp', 'de som står uten jobb', 'elevene i tiende klasse', 'lærlingene', 'de minst motiverte', 'unge med helseplager', 'nyankomne ungdommer', 'jentene i gruppa', 'guttene som henger på senteret', 'de som bor alene', 'unge foreldre', 'søsknene til brukerne våre', 'de som venter på lærlingplass', 'elevene på yrkesfag'],
  adverbials: ['hver fjortende dag', 'to ganger i uka', 'i fjor høst', 'etter jul', 'før sommerferien', 'på onsdager', 'så fort det er mulig', 'når skolen melder fra', 'hver mandag morgen', 'i starten av skoleåret', 'i vinterferien', 'etter klokka tre', 'omtrent en gang i måneden', 'rett etter påske', 'hele høsten', 'i perioder', 'nesten hver dag', 'i eksamenstida', 'fra august av', 'mens de venter på svar', 'i høstferien', 'på kveldstid'],
  months: ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'august', 'september', 'oktober', 'november', 'desember'],
  topics: ['sommerjobb', 'bostøtte', 'økonomi', 'fravær', 'lærlingplass', 'førerkort', 'helse', 'bolig', 'fritidsaktiviteter', 'stipend', 'arbeidspraksis', 'kvalifiseringsprogrammet', 'skolebytte', 'psykisk helse', 'rus', 'trening', 'deltidsjobb', 'gjeld', 'tannlege', 'skyss', 'søvn', 'mobbing'],
  institutions: ['NAV', 'barnevernet', 'oppfølgingstjenesten', 'PPT', 'helsestasjonen for ungdom', 'skolehelsetjenesten', 'flyktningtjenesten', 'kommunepsykologen', 'fritidsklubben', 'Bufetat', 'utekontakten', 'voksenopplæringen', 'karrieresenteret', 'boligkontoret'],
  tails: ['', '', '', ' på [skole]', ' i [kommune]', ' hos [arbeidsgiver]', ', men det tar tid', ', og det fungerer stort sett godt', ' sammen med {inst}', ', selv om ressursene er små', ' uten å vente på en henvendelse', ', særlig når det gjelder {topic}', ' for å snakke om {topic}', ' etter et tips fra {inst}', ', og {n} av dem kom tilbake', ' i lokalene til {inst}', ', i alt {n} samtaler'],
  people: ['gutt', 'jente', 'mor', 'far', 'elev', 'lærling'],
  predicates: ['kommer tilbake', 'slutter på skolen', 'får jobb', 'trenger et sted å bo', 'ber om hjelp selv', 'møter ikke opp', 'får tilbud om praksis', 'takker nei', 'flytter hjemmefra', 'mister lærlingplassen', 'søker om stønad', 'blir værende på skolen', 'tar kontakt igjen', 'trenger mer tid', 'begynner på et kurs', 'venter på svar'],
};

const EN = {
  subjects: ['we', 'the caseworker', 'the youth counsellor', 'the school counsellor', 'the office', 'our team', 'the school nurse', 'the manager', 'one of the advisers', 'the job specialist', 'the form teacher', 'the municipality', 'the follow-up service', 'child welfare', 'NAV', 'the staff', 'the coordinator', 'the youth team', 'the GP'],
  // Past tense for statements (no agreement to get wrong), present for questions.
  verbs: [
    ['called', 'call'],
    ['met with', 'meet with'],
    ['followed up', 'follow up'],
    ['talked to', 'talk to'],
    ['referred', 'refer'],
    ['visited', 'visit'],
    ['invited', 'invite'],
    ['mapped the needs of', 'map the needs of'],
    ['sent messages to', 'send messages to'],
    ['helped', 'help'],
    ['advised', 'advise'],
    ['kept in touch with', 'keep in touch with'],
    ['set up meetings with', 'set up meetings with'],
    ['ran a course for', 'run a course for'],
    ['tried to reach', 'try to reach'],
    ['found placements for', 'find placements for'],
    ['wrote plans for', 'write plans for'],
    ['looked out for', 'look out for'],
  ] as [string, string][],
  objects: ['the young people', 'first-year pupils', 'those with a lot of absence', 'the families', 'young people over 18', 'those who dropped out', 'the parents', 'young people without a school place', 'youth on social assistance', 'the apprentices', 'the least motivated', 'newly arrived youth', 'the girls in the group', 'the boys at the shopping centre', 'young parents', 'the tenth graders', 'those waiting for an apprenticeship', 'pupils in vocational programmes'],
  adverbials: ['every other week', 'twice a week', 'last autumn', 'after Christmas', 'before the summer holidays', 'on Wednesdays', 'as soon as possible', 'when the school called', 'every Monday morning', 'at the start of the school year', 'during the winter break', 'after three o’clock', 'about once a month', 'right after Easter', 'all autumn', 'now and then', 'almost every day', 'during the exams', 'from August on', 'while they waited for an answer'],
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'August', 'September', 'October', 'November', 'December'],
  topics: ['summer jobs', 'housing benefit', 'money', 'absence', 'apprenticeships', 'driving lessons', 'health', 'housing', 'leisure activities', 'grants', 'work placements', 'the qualification programme', 'changing schools', 'mental health', 'drugs', 'sport', 'part-time work', 'debt', 'the dentist', 'transport', 'sleep', 'bullying'],
  institutions: ['NAV', 'child welfare', 'the follow-up service', 'the educational psychology service', 'the youth health clinic', 'the school health service', 'the refugee service', 'the municipal psychologist', 'the youth club', 'the outreach team', 'adult education', 'the careers centre', 'the housing office'],
  tails: ['', '', '', ' at [skole]', ' in [kommune]', ' at [arbeidsgiver]', ', but it takes time', ', and it mostly works', ' together with {inst}', ', even with few resources', ' without waiting to be asked', ', especially about {topic}', ' to talk about {topic}', ' after a tip from {inst}', ', and {n} of them came back', ', {n} conversations in all'],
  people: ['boy', 'girl', 'mother', 'father', 'pupil', 'apprentice'],
  predicates: ['came back', 'left school', 'found a job', 'needed a place to live', 'asked for help themselves', 'did not turn up', 'were offered a placement', 'said no', 'moved out', 'lost their apprenticeship', 'applied for benefits', 'stayed in school', 'got in touch again', 'needed more time', 'started a course', 'waited for an answer'],
};

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-zæøå0-9]+/g, '-')
    .replace(/^-|-$/g, '');

// ---------------------------------------------------------------- the writer

class Writer extends Dice {
  constructor(
    seed: number,
    readonly language: Language,
    readonly seen: Set<string>,
    readonly codes: GeneratorCode[] = STUDY_CODES,
  ) {
    super(seed);
  }
  /** `make` again until it gives text not written before (in this study); after many tries, what it gives. */
  unique(make: () => string): string {
    let text = make();
    for (let tries = 0; tries < 30 && this.seen.has(text); tries++) text = make();
    this.seen.add(text);
    return text;
  }

  /** `make()` with probability `p`, else `otherwise`: names and places now and then, a few per note. */
  now(p: number, make: () => string, otherwise = ''): string {
    return this.chance(p) ? make() : otherwise;
  }
  first(): string {
    return this.pick(FIRST_NAMES);
  }
  full(): string {
    return `${this.first()} ${this.pick(SURNAMES)}`;
  }
  place(): string {
    return this.pick(PLACES);
  }
  school(): string {
    return this.chance(0.6) ? `${this.pick(MUNICIPALITIES)} videregående skole` : `${this.place()} ungdomsskole`;
  }
  n(min = 2, max = 40): number {
    return min + this.int(max - min + 1);
  }
  year(): number {
    return 2012 + this.int(11);
  }
  fill(template: string): string {
    const lex = this.language === 'nb' ? NB : EN;
    return template
      .replace(/\{inst\}/g, () => this.pick(lex.institutions))
      .replace(/\{school\}/g, () => this.school())
      .replace(/\{place\}/g, () => this.place())
      .replace(/\{topic\}/g, () => this.pick(lex.topics))
      .replace(/\{first\}/g, () => this.first())
      .replace(/\{n\}/g, () => String(this.n()));
  }

  adverbialNb(): string {
    switch (this.int(6)) {
      case 0:
        return `i ${this.pick(NB.months)} ${this.year()}`;
      case 1:
        return `de siste ${this.n()} ukene`;
      case 2:
        return `${this.n(2, 12)} ganger i halvåret`;
      default:
        return this.pick(NB.adverbials);
    }
  }
  adverbialEn(): string {
    switch (this.int(6)) {
      case 0:
        return `in ${this.pick(EN.months)} ${this.year()}`;
      case 1:
        return `for the last ${this.n()} weeks`;
      case 2:
        return `${this.n(2, 12)} times a term`;
      default:
        return this.pick(EN.adverbials);
    }
  }
  subjectNb(): string {
    const r = this.rand();
    if (r < 0.02) return this.first();
    if (r < 0.03) return this.full();
    return this.pick(NB.subjects);
  }
  subjectEn(): string {
    const r = this.rand();
    if (r < 0.02) return this.first();
    if (r < 0.03) return this.full();
    return this.pick(EN.subjects);
  }
  objectNb(): string {
    const r = this.rand();
    if (r < 0.01) return `${this.n()} elever fra ${this.school()}`;
    if (r < 0.02) return `${this.first()} og ${this.pick(['broren', 'søsteren', 'moren', 'faren', 'venninnen', 'kjæresten'])}`;
    if (r < 0.12) return `${this.n()} av ${this.pick(NB.objects)}`;
    return this.pick(NB.objects);
  }
  objectEn(): string {
    const r = this.rand();
    if (r < 0.01) return `${this.n()} pupils from ${this.school()}`;
    if (r < 0.02) return `${this.first()} and ${this.pick(['his brother', 'her sister', 'the mother', 'the father', 'a friend'])}`;
    if (r < 0.12) return `${this.n()} of ${this.pick(EN.objects)}`;
    return this.pick(EN.objects);
  }

  /** A statement, without its final punctuation. */
  clause(): string {
    return this.language === 'nb' ? this.clauseNb() : this.clauseEn();
  }
  private clauseNb(): string {
    const verb = this.pick(NB.verbs);
    const vp = (subject: string) => `${verb.pres} ${subject}${verb.prep ? ' ' + verb.prep : ''}`;
    const tail = () => this.fill(this.pick(NB.tails));
    // Names and places now and then, as in real notes before anonymization: a few per note.
    const form = this.chance(0.9) ? this.int(6) : 6 + this.int(6);
    switch (form) {
      case 0:
        return `Omtrent ${this.n(5, 95)} prosent av ${this.pick(NB.objects)} ${this.pick(NB.predicates)} ${this.adverbialNb()}${tail()}`;
      case 1:
        return `Når ${this.pick(NB.objects)} ${this.pick(NB.predicates)}, ${verb.pres} ${this.subjectNb()}${verb.prep ? ' ' + verb.prep : ''} dem ${this.adverbialNb()}${tail()}`;
      case 2:
        return `En ${this.n(14, 24)} år gammel ${this.pick(NB.people)} ${this.pick(NB.predicates)} ${this.adverbialNb()}${tail()}`;
      case 3:
        return `${cap(this.subjectNb())} ${verb.pres}${verb.prep ? ' ' + verb.prep : ''} ${this.objectNb()} ${this.adverbialNb()}${tail()}`;
      case 4:
        return `${cap(this.adverbialNb())} ${vp(this.subjectNb())} ${this.objectNb()}${tail()}`;
      case 5:
        return `${cap(this.pick(NB.objects))} ${this.pick(NB.predicates)} ${this.adverbialNb()}${tail()}`;
      case 6:
        return `${this.first()} sa at ${this.subjectNb()} ${verb.pres}${verb.prep ? ' ' + verb.prep : ''} ${this.objectNb()} ${this.adverbialNb()}`;
      case 7:
        return `Det var ${this.n()} ungdommer fra ${this.place()} som ${verb.past}${verb.prep ? ' ' + verb.prep : ''} ${this.pick(NB.institutions)} ${this.adverbialNb()}`;
      case 8:
        return `Jeg snakket med ${this.full()} ved ${this.school()} om ${this.pick(NB.topics)} ${this.adverbialNb()}`;
      case 9:
        return `Hos ${this.full()} i ${this.place()} ${verb.past} vi${verb.prep ? ' ' + verb.prep : ''} ${this.objectNb()} ${this.adverbialNb()}`;
      case 10:
        return `Vi hadde en ${this.pick(NB.people)}, [navn], som ${verb.past}${verb.prep ? ' ' + verb.prep : ''} ${this.objectNb()} ${this.adverbialNb()}`;
      default:
        return `${cap(this.pick(NB.institutions))} hadde ${this.n()} saker i ${this.place()} ${this.adverbialNb()}, og ${this.n(1, 9)} av dem gjaldt ${this.pick(NB.topics)}`;
    }
  }
  private clauseEn(): string {
    const [past] = this.pick(EN.verbs);
    const tail = () => this.fill(this.pick(EN.tails));
    const form = this.chance(0.9) ? this.int(6) : 6 + this.int(6);
    switch (form) {
      case 0:
        return `About ${this.n(5, 95)} per cent of ${this.pick(EN.objects)} ${this.pick(EN.predicates)} ${this.adverbialEn()}${tail()}`;
      case 1:
        return `When ${this.pick(EN.objects)} ${this.pick(EN.predicates)}, ${this.subjectEn()} ${past} them ${this.adverbialEn()}${tail()}`;
      case 2:
        return `A ${this.n(14, 24)}-year-old ${this.pick(EN.people)} ${this.pick(EN.predicates)} ${this.adverbialEn()}${tail()}`;
      case 3:
        return `${cap(this.subjectEn())} ${past} ${this.objectEn()} ${this.adverbialEn()}${tail()}`;
      case 4:
        return `${cap(this.adverbialEn())}, ${this.subjectEn()} ${past} ${this.objectEn()}${tail()}`;
      case 5:
        return `${cap(this.pick(EN.objects))} ${this.pick(EN.predicates)} ${this.adverbialEn()}${tail()}`;
      case 6:
        return `${this.first()} said that ${this.subjectEn()} ${past} ${this.objectEn()} ${this.adverbialEn()}`;
      case 7:
        return `There were ${this.n()} young people from ${this.place()} who ${past} ${this.pick(EN.institutions)} ${this.adverbialEn()}`;
      case 8:
        return `I talked to ${this.full()} at ${this.school()} about ${this.pick(EN.topics)} ${this.adverbialEn()}`;
      case 9:
        return `At ${this.full()}’s office in ${this.place()} we ${past} ${this.objectEn()} ${this.adverbialEn()}`;
      case 10:
        return `We had a ${this.pick(EN.people)}, [navn], who ${past} ${this.objectEn()} ${this.adverbialEn()}`;
      default:
        return `${cap(this.pick(EN.institutions))} had ${this.n()} cases in ${this.place()} ${this.adverbialEn()}, and ${this.n(1, 9)} of them were about ${this.pick(EN.topics)}`;
    }
  }
  /** A statement never written before in this study, without its final punctuation. */
  statement(): string {
    return this.unique(() => this.clause());
  }
  question(): string {
    return this.unique(() => (this.language === 'nb' ? this.questionNb() : this.questionEn()));
  }
  private questionNb(): string {
    const verb = this.pick(NB.verbs);
    switch (this.int(6)) {
      case 0:
        return `Hvordan ${verb.pres} dere${verb.prep ? ' ' + verb.prep : ''} ${this.objectNb()} ${this.adverbialNb()}?`;
      case 1:
        return `Kan du fortelle mer om ${this.pick(NB.topics)}${this.now(0.2, () => ` i ${this.place()}`)}, ${this.adverbialNb()}?`;
      case 2:
        return `Hva skjer når ${this.pick(NB.institutions)} melder fra om ${this.pick(NB.topics)} ${this.adverbialNb()}?`;
      case 3:
        return `Hvor ofte ${verb.pres} dere${verb.prep ? ' ' + verb.prep : ''} ${this.objectNb()}${this.now(0.2, () => ` fra ${this.place()}`)}, ${this.adverbialNb()}?`;
      case 4:
        return `Hvem tar ansvar for ${this.objectNb()} når det gjelder ${this.pick(NB.topics)}${this.now(0.2, () => ` i ${this.place()}`)}, ${this.adverbialNb()}?`;
      default:
        return `Du nevnte ${this.now(0.3, () => this.first(), 'en kollega')} fra ${this.pick(NB.institutions)}. Hva gjorde dere ${this.adverbialNb()}?`;
    }
  }
  private questionEn(): string {
    const [, base] = this.pick(EN.verbs);
    switch (this.int(6)) {
      case 0:
        return `How do you ${base} ${this.objectEn()} ${this.adverbialEn()}?`;
      case 1:
        return `Could you say more about ${this.pick(EN.topics)}${this.now(0.2, () => ` in ${this.place()}`)}, ${this.adverbialEn()}?`;
      case 2:
        return `What happens when ${this.pick(EN.institutions)} raises a concern about ${this.pick(EN.topics)} ${this.adverbialEn()}?`;
      case 3:
        return `How often do you ${base} ${this.objectEn()}${this.now(0.2, () => ` from ${this.place()}`)}, ${this.adverbialEn()}?`;
      case 4:
        return `Who takes responsibility for ${this.objectEn()} when it comes to ${this.pick(EN.topics)}${this.now(0.2, () => ` in ${this.place()}`)}, ${this.adverbialEn()}?`;
      default:
        return `You mentioned ${this.now(0.3, () => this.first(), 'a colleague')} from ${this.pick(EN.institutions)}. What did you do ${this.adverbialEn()}?`;
    }
  }

  // ---------------------------------------------------------------- codes

  /** Codes for one annotation, distinct from `avoid`, with the evidence reading and sometimes a memo. */
  annotation(avoid: string[] = []): { text: string; codes: string[] } {
    const count = this.chance(0.15) ? 2 : 1;
    const codes: GeneratorCode[] = [];
    while (codes.length < count) {
      const code = this.pick(this.codes);
      if (!avoid.includes(code.code) && !codes.includes(code)) codes.push(code);
    }
    const parts = codes.map((c) => '#' + c.code);
    if (codes.some((c) => c.either)) parts.push('evidence=' + this.pick(['proactive', 'reactive']));
    if (this.chance(0.12)) parts.push(`memo="${this.memoAttribute()}"`);
    return { text: `{${parts.join(' ')}}`, codes: codes.map((c) => c.code) };
  }
  memoAttribute(): string {
    if (this.language === 'nb') {
      return this.pick([
        `Sjelden i materialet, jf. intervju ${this.n(1, 99)}`,
        `Sammenlign med feltnotat ${this.n(1, 99)}`,
        `Uklart om dette gjelder ${this.pick(NB.topics)}`,
        `Tydelig uttalt, ${this.pick(NB.months)} ${this.year()}`,
      ]);
    }
    return this.pick([
      `Rare in the material, cf. interview ${this.n(1, 99)}`,
      `Compare with field note ${this.n(1, 99)}`,
      `Unclear whether this is about ${this.pick(EN.topics)}`,
    ]);
  }
  /** One sentence made a coded segment, sometimes with a nested segment inside. */
  segment(clause: string): string {
    const outer = this.annotation();
    const words = clause.split(' ');
    if (words.length >= 8 && this.chance(0.1)) {
      const from = 2 + this.int(words.length - 6);
      const to = from + 2 + this.int(Math.min(4, words.length - from - 2));
      const inner = this.annotation(outer.codes);
      return `[${words.slice(0, from).join(' ')} [${words.slice(from, to).join(' ')}]${inner.text}${to < words.length ? ' ' + words.slice(to).join(' ') : ''}]${outer.text}`;
    }
    return `[${clause}]${outer.text}`;
  }

  // ---------------------------------------------------------------- blocks

  /** A paragraph of distinct sentences; about 30% carry a code, inline or as a line of its own after it. */
  paragraph(min = 1, max = 5): string {
    const n = min + this.int(max - min + 1);
    const coded = this.chance(0.3);
    const blockCode = coded && this.chance(0.3);
    const codedAt = coded && !blockCode ? this.int(n) : -1;
    const sentences: string[] = [];
    for (let i = 0; i < n; i++) {
      const clause = this.statement();
      const end = this.chance(0.08) ? (this.language === 'nb' ? ', ikke sant?' : ', you know?') : '.';
      sentences.push((i === codedAt ? this.segment(clause) : clause) + end);
    }
    let text = this.chance(0.5) ? wrap(sentences.join(' '), 72 + this.int(12)) : sentences.join(' ');
    if (blockCode) text += '\n' + this.annotation().text;
    return text;
  }
  heading(level: number): string {
    const text = this.unique(() =>
      this.language === 'nb'
        ? this.pick([`Om ${this.pick(NB.topics)}, ${this.adverbialNb()}`, `Møtet med ${this.pick(NB.institutions)}, ${this.adverbialNb()}`, `${cap(this.pick(NB.topics))} og ${this.pick(NB.topics)}, ${this.adverbialNb()}`])
        : this.pick([`On ${this.pick(EN.topics)}, ${this.adverbialEn()}`, `Meeting ${this.pick(EN.institutions)}, ${this.adverbialEn()}`, `${cap(this.pick(EN.topics))} and ${this.pick(EN.topics)}, ${this.adverbialEn()}`]),
    );
    return `${'#'.repeat(level)} ${text}`;
  }
  list(): string {
    const items = 2 + this.int(4);
    const item = () =>
      this.unique(() =>
        this.language === 'nb'
          ? this.pick([`${cap(this.pick(NB.topics))} med ${this.now(0.3, () => this.first(), 'eleven')} ${this.adverbialNb()}`, `Møte med ${this.pick(NB.institutions)} ${this.adverbialNb()}`, `${this.n()} elever fra [skole] ${this.adverbialNb()}`, `Ringe ${this.now(0.3, () => this.full(), 'rådgiveren')} om ${this.pick(NB.topics)} ${this.adverbialNb()}`])
          : this.pick([`${cap(this.pick(EN.topics))} with ${this.now(0.3, () => this.first(), 'the pupil')} ${this.adverbialEn()}`, `Meeting with ${this.pick(EN.institutions)} ${this.adverbialEn()}`, `${this.n()} pupils from [skole] ${this.adverbialEn()}`, `Call ${this.now(0.3, () => this.full(), 'the counsellor')} about ${this.pick(EN.topics)} ${this.adverbialEn()}`]),
      );
    return Array.from({ length: items }, () => `- ${item()}`).join('\n');
  }
  memo(): string {
    const sentences = Array.from({ length: 1 + this.int(3) }, () => this.statement() + '.');
    return `> [!MEMO]\n${wrap(sentences.join(' '), 76)
      .split('\n')
      .map((line) => '> ' + line)
      .join('\n')}`;
  }
  review(): string {
    const ask = this.language === 'nb' ? this.pick(['Er koden riktig her?', 'Bør dette kodes?', 'Se på avgrensningen.', 'Mangler evidens?']) : this.pick(['Is this the right code?', 'Should this be coded?', 'Check the boundaries.', 'Evidence missing?']);
    return `> [!REVIEW] veileder\n> ${ask} ${this.statement()}.`;
  }
}

/** Wraps text at `width` columns, never inside an annotation and never before a word that could start a list or heading. */
function wrap(text: string, width: number): string {
  const tokens = text.replace(/\{[^}]*\}/g, (a) => a.replace(/ /g, '\u0000')).split(' ');
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    if (line && line.length + 1 + token.length > width && /^[\p{L}]/u.test(token)) {
      lines.push(line);
      line = token;
    } else line = line ? `${line} ${token}` : token;
  }
  if (line) lines.push(line);
  return lines.join('\n').replace(/\u0000/g, ' ');
}

// ---------------------------------------------------------------- notes

function frontMatter(w: Writer, id: string, kind: string, caseName: string, coder: string, number: number): string {
  const lines = ['---', `id: ${id}`, `kind: ${kind}`, `case: ${caseName}`];
  if (kind === 'interview') lines.push(`informant: NAV-leder ${number}`);
  lines.push(`attributes: { landsdel: ${w.pick(['Nord', 'Midt', 'Vest', 'Sør', 'Øst'])}, ansatte: ${w.n(5, 120)} }`);
  lines.push(`coder: ${coder}`, `date: ${w.year()}-${String(1 + w.int(12)).padStart(2, '0')}-${String(1 + w.int(28)).padStart(2, '0')}`, '---');
  return lines.join('\n');
}

/** One realistic note of about `options.bytes` characters (3–8 KB when not given). */
export function realisticNote(seed: number, options: RealisticNoteOptions = {}): string {
  const pre = random(seed * 7919 + 17);
  const language = options.language ?? (pre() < 1 / 3 ? 'en' : 'nb');
  const kind = options.kind ?? (pre() < 0.7 ? 'interview' : 'fieldnote');
  const size = options.bytes ?? 3000 + Math.floor(pre() * 5000);
  const w = new Writer(seed, language, options.seen ?? new Set());
  const number = 1 + (seed % 99);
  const id = options.id ?? `${kind === 'interview' ? 'intervju' : 'feltnotat'}-${seed}`;
  const blocks: string[] = [frontMatter(w, id, kind, options.case ?? `kommune-${slug(w.pick(MUNICIPALITIES))}`, options.coder ?? 'MT', number)];
  const informant = language === 'nb' ? `NAV-leder ${number}` : 'Informant';
  blocks.push(
    kind === 'interview'
      ? w.unique(() => `# ${language === 'nb' ? `Intervju med NAV-leder ${number} i` : `Interview with informant ${number} in`} ${w.place()}`)
      : `# ${language === 'nb' ? 'Feltnotat' : 'Field note'}: ${w.statement()}`,
  );
  let length = blocks.join('\n\n').length;
  while (length < size) {
    const block = kind === 'interview' ? interviewBlock(w, informant) : fieldnoteBlock(w);
    blocks.push(block);
    length += block.length + 2;
  }
  return blocks.join('\n\n') + '\n';
}

/** A question, the answer (a turn, sometimes with a paragraph or a list after it), sometimes a memo, a review comment or a heading. */
function interviewBlock(w: Writer, informant: string): string {
  const parts = [`**I:** ${w.question()}`, `**${informant}:** ${w.paragraph()}`];
  if (w.chance(0.2)) parts.push(w.paragraph());
  if (w.chance(0.05)) parts.push(w.list());
  const r = w.rand();
  if (r < 0.1) parts.push(w.memo());
  else if (r < 0.15) parts.push(w.review());
  else if (r < 0.2) parts.push(w.heading(2));
  return parts.join('\n\n');
}

function fieldnoteBlock(w: Writer): string {
  const r = w.rand();
  if (r < 0.62) return w.paragraph(2, 6);
  if (r < 0.72) return w.memo();
  if (r < 0.77) return w.review();
  if (r < 0.87) return w.heading(2);
  return w.list();
}

/** One note of about `bytes` characters (1 MB by default): a long interview. */
export function realisticLargeNote(bytes = 1_000_000, seed = 1): string {
  return realisticNote(seed, { bytes, kind: 'interview', language: 'nb', id: 'intervju-lang' });
}

/**
 * A second coder's copy of a note: the same words, coder LH, one coded
 * segment removed (its words kept) and about a quarter of the annotations
 * changed to another code of the same kind (or the other evidence reading).
 */
export function secondCoderCopy(text: string, seed: number, codes: GeneratorCode[] = STUDY_CODES): string {
  const rand = random(seed ^ 0x5eed);
  let copy = text.replace(/^coder: MT$/m, 'coder: LH');
  const simple = [...copy.matchAll(/\[([^[\]{}]*)\]\{#[^}]*\}/g)];
  if (simple.length) {
    const m = simple[Math.floor(rand() * simple.length)]!;
    copy = copy.slice(0, m.index) + m[1] + copy.slice(m.index! + m[0].length);
  }
  const change = (inner: string): string | undefined => {
    const parts = inner.split(' ');
    const present = parts.filter((p) => p.startsWith('#')).map((p) => p.slice(1));
    const first = codes.find((c) => c.code === present[0]);
    if (!first) return undefined;
    if (first.either && rand() < 0.5) return inner.replace(/evidence=(proactive|reactive)/, (_e, pole) => `evidence=${pole === 'proactive' ? 'reactive' : 'proactive'}`);
    const others = codes.filter((c) => c.either === first.either && !present.includes(c.code));
    const other = others[Math.floor(rand() * others.length)];
    return other && inner.replace('#' + first.code, '#' + other.code);
  };
  let changed = 0;
  const changedCopy = copy.replace(/\{(#[^}]*)\}/g, (whole, inner: string) => {
    const next = rand() < 0.25 ? change(inner) : undefined;
    if (next === undefined) return whole;
    changed++;
    return `{${next}}`;
  });
  if (changed) return changedCopy;
  // At least one changed code, whatever the draw.
  return copy.replace(/\{(#[^}]*)\}/, (whole, inner: string) => {
    const next = change(inner);
    return next === undefined ? whole : `{${next}}`;
  });
}

/**
 * A study of `count` notes (about 70% interviews, 30% field notes, a third
 * in English), cases of about six notes each, with `codebook.yaml` (the
 * samples') and `fieldnotes.yaml` (primary coder MT). No sentence repeats
 * across the study, except in the second coder's copies, which repeat
 * their note's words by design.
 */
export function realisticStudy(count: number, seed = 1, options: RealisticStudyOptions = {}): StudyFile[] {
  const seen = options.seen ?? new Set<string>();
  const cases = Math.max(1, Math.ceil(count / 6));
  const caseNames = Array.from({ length: cases }, (_, i) => `kommune-${slug(MUNICIPALITIES[(i * 37 + seed) % MUNICIPALITIES.length]!)}-${i + 1}`);
  const files: StudyFile[] = [
    { name: 'codebook.yaml', text: CODEBOOK_TEXT() },
    { name: 'fieldnotes.yaml', text: PROJECT_FILE },
  ];
  const width = String(count).length;
  for (let i = 0; i < count; i++) {
    const noteSeed = seed * 100_003 + i;
    const pre = random(noteSeed * 7919 + 17);
    const language: Language = pre() < 1 / 3 ? 'en' : 'nb';
    const kind = pre() < 0.7 ? 'interview' : 'fieldnote';
    const stem = `${kind === 'interview' ? 'intervju' : 'feltnotat'}-${String(i + 1).padStart(width, '0')}`;
    const text = realisticNote(noteSeed, { language, kind, id: stem, case: caseNames[i % cases], seen });
    files.push({ name: `${stem}.fn.md`, text });
    if (options.secondCoder && i % 10 === 3) files.push({ name: `${stem}.LH.fn.md`, text: secondCoderCopy(text, noteSeed) });
  }
  return files;
}

/** Blocks (text between blank lines, front matter left out) that occur more than once across the notes given. */
export function duplicateBlocks(texts: string[]): { blocks: number; duplicates: number } {
  const counts = new Map<string, number>();
  let blocks = 0;
  for (const text of texts) {
    const body = text.replace(/^---\n[\s\S]*?\n---\n/, '');
    for (const block of body.split(/\n{2,}/)) {
      const b = block.trim();
      if (!b) continue;
      blocks++;
      counts.set(b, (counts.get(b) ?? 0) + 1);
    }
  }
  let duplicates = 0;
  for (const n of counts.values()) if (n > 1) duplicates += n - 1;
  return { blocks, duplicates };
}
