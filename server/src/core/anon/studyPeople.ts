import { casesNamed, declaredSites } from './studySites.js';
import type { ParsedNote } from '../dialect/model.js';
import { initialsOf } from './initials.js';
import { declaredPseudonyms } from './pseudonyms.js';
import { matchesCoders } from './team.js';
import type { AnonEvidence } from './types.js';

/**
 * The front-matter keys that name the study's own people: who coded the
 * note (`coder`, the dialect's key, and its plural and Norwegian forms)
 * and who interviewed or observed. They are the researchers, not the
 * persons the study is about.
 */
const STUDY_PEOPLE_KEY =
  /^[ \t]*(?:coders?|kod(?:er|ar)(?:e|ar)?|interviewers?|intervju(?:er|ar)(?:e|ar)?|researchers?|forsk(?:er|ar)(?:e|ar)?|observers?|observatør(?:er)?)[ \t]*:[ \t]*([^\n]*)$/imu;

/** A block list's item under the key (`  - Kari Holm`). */
const LIST_ITEM = /^[ \t]*-[ \t]+([^\n]*)$/u;

/** What separates several people in one value (`Kari Holm og Per Lie`, `MT, SL`). */
const SEPARATOR = /\s*(?:[,;&/]|\s(?:og|and)\s)\s*/u;

/** A value's quotes, brackets and trailing comment. */
function unquoted(value: string): string {
  return value
    .replace(/[ \t]+#.*$/u, '')
    .replace(/^[[\s]+|[\]\s]+$/gu, '')
    .replace(/^["']|["']$/gu, '');
}

/** A word of a person's name: a capital, then letters, inner capitals too (`Kari`, `MacLeod`, `O'Connor`). */
const NAME_WORD = String.raw`\p{Lu}\p{Ll}*[\p{L}\p{M}'’-]*\p{Ll}`;
/** Two to four such words. */
const FULL_NAME = String.raw`${NAME_WORD}(?:[ \t]+${NAME_WORD}){1,3}`;
/** A full name that ends where a text before its initials in brackets ends (`Mette Lunde (ML)`). */
const FULL_NAME_AT_END = new RegExp(String.raw`(${FULL_NAME})[ \t]*$`, 'u');

/**
 * A line of the note that says who interviewed or coded, by name alone
 * (`Intervjuer: Kari Holm (KH)`, `**Interviewer:** Kari Holm`): not a
 * transcript's turn, which goes on with what was said. Without the `i`
 * flag, which costs on a long note: labels start with either case.
 */
const STUDY_PEOPLE_LINE = new RegExp(
  String.raw`^[ \t>*_-]*(?:[Ii]ntervju(?:er|ar)|[Ii]nterviewer|[Kk]od(?:er|ar)|[Cc]oder|[Ff]orsk(?:er|ar)|[Rr]esearcher|[Oo]bservatør|[Oo]bserver)[*_]*[ \t]*:[*_]*[ \t]*(${FULL_NAME})(?:[ \t]*\((?:\*\*)?(\p{Lu}{1,4})(?:\*\*)?\))?[ \t]*(?:$|[.;,](?=[ \t]))`,
  'gmu',
);

/** A callout's title that is a signature: a name or initials, perhaps with a date or a role after it (`Ragnhild`, `KH 12.03`, `Gareth (supervisor)`). */
const SIGNATURE = new RegExp(String.raw`^[ \t]*(${NAME_WORD}(?:[ \t]+${NAME_WORD}){0,3}|\p{Lu}{2,4})(?=$|[ \t]*[,:(–—-]|[ \t]+\d)`, 'u');

/** A chat export's time stamp, with its date and the dash before the sender (`12/03/2026, 14:03 - `, `3/12/26, 4:03 PM - `). */
const EXPORT_STAMP = String.raw`\d{1,4}[./-]\d{1,2}[./-]\d{1,4},?[ \t]*\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:[ \t]*[AaPp]\.?[Mm]\.?)?[ \t]*[-–—][ \t]*`;
/**
 * Where a researcher's name stands at its line's start: after an e-mail header's label (and the names before it there), a chat message's time, a chat
 * export's stamp or the group's own record of who added whom (`**From:** Aoife Kennelly`, `[14.03.2023 09:31] Jonas
 * Aalberg:`, `12/03/2026, 13:59 - Kwame Mensah added Eirik Vatne, Marcus Reilly`), or after who wrote the note down
 * (`Written by Hanne Lie`, `Laget av Jon Are`), or after the greeting that closes a letter (`Hilsen Kari Lunde, veileder`,
 * `Best, Tom Okafor`).
 */
const RESEARCHER_BEFORE = new RegExp(
  String.raw`^[ \t>*_-]*(?:(?:From|To|Cc|Fra|Til|Kopi|Sender|Avsender|Mottaker|Referent|Minutes|Notes)[*_]*[ \t]*:[*_]*(?:[ \t]*[^\n;,:<]{1,60}?[ \t]*(?:<[^>\n]*>)?[ \t]*[;,])*|\[[^\]\n]{1,40}\]|${EXPORT_STAMP}(?:[^\n]*?[ \t](?:added|la til|removed|fjernet)[ \t]+(?:[^,\n]+,[ \t]*)*)?|(?:Written|Transcribed|Taken|Minuted)[ \t]+by|(?:(?:Med[ \t]+)?(?:[Vv]ennlig|[Bb]este|[Vv]enleg)[ \t]+(?:hilsen|helsing)|Hilsen|Helsing|Mvh\.?|Kind[ \t]+regards|Best[ \t]+wishes|Best[ \t]+regards|Regards|Best|Cheers|Thanks)[ \t]*,?|(?:Skrevet|Skrive|Skriven|Skrevne|Notert|Transkribert|Laget|Laga)[ \t]+av)[ \t]*$`,
  'u',
);
/** A table's cell naming a research role, before the cell with the name (`| Forsker | Anne Kari Sæther |`); not `Veileder`, which is also NAV's adviser. */
const RESEARCH_ROLE_CELL = /\|[ \t]*(?:\*\*)?(?:Forsker|Forskar|Researcher|Intervjuer|Intervjuar|Interviewer|Koder|Kodar|Coder|Prosjektleder|Prosjektleiar|Project lead(?:er)?|Principal investigator|PI|Stipendiat|PhD student)(?:\*\*)?[ \t]*\|[ \t]*$/u;
/**
 * What follows a researcher's name: an address, the interviewing (`Aoife Kennelly interviewing.`), a research role after a
 * comma, in brackets or on a signature's next line, or a chat's heading with the time after it (`**Maja Hetland** · 08:58`, `Jon Are (vit.ass.)`, `Valentina Rojas, stipendiaten`, `Hanne Lie (main
 * supervisor)`, `Sunniva Nergård⏎stipendiat, NTNU`).
 */
const RESEARCHER_AFTER =
  /^(?:\*\*[ \t]*[·•|][^\n]{0,20}?\d{1,2}:\d{2}[ \t]*(?:\n|$)|[ \t]*(?:<[^>\s]+@|\(?[^\s@()]+@[^\s@]+\.\p{L}{2,}|interviewing|interviewed|intervjuer|intervjuar|intervjua|intervjuet|(?:,[ \t]*|\(|\n[ \t>]*)(?:(?:the|our|vår|min|my)[ \t]+)?(?:(?:associate |assistant |full )?professor(?!\p{L})|førsteamanuensis|universitetslektor|dosent|(?:senior )?lecturer|research fellow|(?:doktorgrads|post\.?doktor)?stipendiat\p{L}*|postdoc\p{L}*|ph\.?d\.?(?:[- ]\p{L}+)?|vit\.?[ \t]?ass\.?|forskningsassistent\p{L}*|research assistant|(?:hoved|bi|med)veileder\p{L}*|(?:hovud|med)rettleiar\p{L}*|(?:main|co-?|second)[ \t-]?supervisor|prosjektleder\p{L}*|prosjektleiar\p{L}*|project lead\p{L}*|forsker\p{L}*|forskar\p{L}*|researcher|interviewer|intervjuer|coder|koder)(?!\p{L})))/iu;
/** A transcript's speaker label right after a name at its line's start (`Fiona Caldwell: Okay, it says recording.`, `**Kari Holm:**`). */
const SPEAKER_AFTER = /^(?:\*\*)?[ \t]*:|^[ \t]*\([^)\n]{1,30}\)[ \t]*(?:\*\*)?:/u;
/** Nothing but markup between a line's start and a name. */
const LINE_OPENING = /^[ \t>*_-]*$/u;

/** How far after its line's start a researcher's name may stand (an e-mail header's ninth recipient, a long stamp). */
const LINE_REACH = 300;

/** How far into a note's body its header may go. */
const HEADER_LENGTH = 2000;

/**
 * The study's people a note names: in its front matter (`coder: Kari
 * Holm`, `coders: [MT, SL]`, `interviewer: KH`); by a full name where a
 * researcher stands, with the front matter's initials (`From: Aoife
 * Kennelly` where `coder: AK`); as a review's signature (`> [!REVIEW]
 * Ragnhild`); on a line of their own at its top (`Intervjuer: Kari Holm
 * (KH)`), where the name starts with a first name the lists know, has
 * initials or a role in brackets after it, or letters no Norwegian word
 * has (`Intervjuer: Hei Kari` is what was said); and by a full name beside
 * the front matter's initials (`Mette Lunde (ML)` where `coder: ML`).
 */
export function studyPeopleOf(note: ParsedNote, isFirstName: (word: string) => boolean, researchers: readonly string[] = [], declaresPseudonyms = true): string[] {
  const people = frontMatterPeople(note);
  // A person named in full whose initials are the note's own coder's, where a researcher is named (`researchersNamed`), is the
  // coder (`From: Aoife Kennelly` in a note coded by `AK`); a participant may share the initials (`Kaia Berntsen` in a note
  // coded by `KB`).
  const ownInitials = new Set(people.filter(isInitials));
  if (ownInitials.size) for (const name of researchers) if (!name.includes(GROUP_SEPARATOR) && ownInitials.has(initialsOf(name.split(' ')))) people.push(name);
  const { text } = note;
  // A review comment is signed by its reviewer (`> [!REVIEW] Ragnhild`): the supervisors and coders. (A memo's title is
  // free text: `Til Hilde` is whom it is for.)
  for (const callout of note.callouts) {
    if (callout.kind !== 'review') continue;
    const signed = SIGNATURE.exec(callout.title)?.[1];
    if (signed) people.push(signed.replace(/[ \t]+/gu, ' '));
  }
  // A transcript says who interviewed at its top: only its first lines are read, so that a long note costs nothing more.
  const top = note.frontMatter?.span.end ?? 0;
  for (const m of text.slice(top, top + HEADER_LENGTH).matchAll(STUDY_PEOPLE_LINE)) {
    const first = m[1]!.split(/[ \t]/u)[0]!;
    // (A first name the lists know, or initials in brackets after the name, or letters no Norwegian word has: `Ciarán`.)
    if (!isFirstName(first) && m[2] === undefined && !/[^a-zA-ZæøåÆØÅ'’-]/u.test(first)) continue;
    people.push(m[1]!.replace(/[ \t]+/gu, ' '));
    if (m[2] && m[2].length > 1) people.push(m[2]);
  }
  // The pseudonyms a memo or a review settles (`vi bytter til «Ola»`) are the study's words, no one to hide, as its people are.
  people.push(...declaredPseudonyms(text, declaresPseudonyms));
  // And the regions its front matter gives its cases (`fylke: Vestland`): the study describes them at that level on purpose.
  people.push(...frontMatterRegions(note));
  // So are the sites it declares (`Our two declared comparison sites, Toronto and Minneapolis`).
  if (SITE_HINT.test(text)) people.push(...declaredSites(text, isFirstName));
  // And the places it names as its cases (`(Oslo case)`, `Viken-caset`).
  if (text.includes('case')) people.push(...casesNamed(text, isFirstName));
  // And the counties, where the study says it names places at that level (`Places below county level were removed`,
  // `Fylkesnivået (Innlandet, Vestland …) er i tråd med Sikt-vurderinga`): every county, in every note.
  if (COUNTY_LEVEL.test(text)) people.push(...COUNTIES);

  for (const initials of people.filter(isInitials)) {
    for (let at = text.indexOf(`(${initials})`); at >= 0; at = text.indexOf(`(${initials})`, at + 1)) {
      const name = FULL_NAME_AT_END.exec(text.slice(Math.max(0, at - 80), at))?.[1];
      if (name && initialsOf(name.split(/[ \t]+/u)) === initials) people.push(name.replace(/[ \t]+/gu, ' '));
    }
  }
  return [...new Set(people)];
}

/**
 * A study saying it names places at the county's level, or keeps the county (`county level`, `på fylkesnivå`, `fylket kan
 * stå`); not a word on one county's body (`seier berre fylket`, of a county council's signature).
 */
const COUNTY_LEVEL =
  /(?:county|fylkes?)[- ]?(?:level|nivå|nivået|nivåer)(?![\p{L}])|(?:below|under)[ \t]+(?:the[ \t]+)?county(?![\p{L}])|(?:the[ \t]+)?county[ \t]+(?:can|may)[ \t]+stay|fylket[ \t]+kan[ \t]+stå/iu;
/** Norway's counties, now and before the reforms of 2020 and 2024 (not Oslo, a city too). */
const COUNTIES = [
  'Agder', 'Akershus', 'Buskerud', 'Finnmark', 'Innlandet', 'Møre og Romsdal', 'Nordland', 'Rogaland', 'Telemark', 'Troms', 'Trøndelag',
  'Vestfold', 'Vestland', 'Viken', 'Østfold', 'Hordaland', 'Sogn og Fjordane', 'Hedmark', 'Oppland', 'Troms og Finnmark', 'Vestfold og Telemark',
  'Aust-Agder', 'Vest-Agder', 'Nord-Trøndelag', 'Sør-Trøndelag',
  // (Their parts, as a finding may take `Møre` of `Møre og Romsdal` alone.)
  'Møre', 'Romsdal', 'Sogn', 'Fjordane',
];

/** A cheap first look for a site's word (`site`, `sammenligningsstedene`, `samanlikningsstaden`, `erklærte`). */
const SITE_HINT = /[Ss]ites?\b|[Ss]ammenligningsst|[Ss]amanlikningsst|[Ss]ammenligningsby|[Ss]amanlikningsby|erklærte|text may|teksten kan/u;

/** A name as an address writes it: lower case, marks dropped, `ø`, `æ` and `å` as `o`, `ae` and `a`. */
function asciiKey(name: string): string {
  return name.toLowerCase().replace(/ø/gu, 'o').replace(/æ/gu, 'ae').normalize('NFD').replace(/\p{M}/gu, '');
}

/** Prepositions, which stand before a person as before a place (`til Cillian`, `with Siri`). */
const PREPOSITIONS = new Set(['til', 'fra', 'frå', 'med', 'hos', 'for', 'av', 'to', 'from', 'with', 'by', 'at', 'i', 'på', 'in', 'on']);

/** Words that greet or thank whom they stand before. */
const GREETINGS = new Set(['hi', 'hey', 'hello', 'dear', 'thanks', 'hei', 'hallo', 'heisann', 'kjære', 'takk', 'god morgen', 'morn']);

/** Initials as a coder signs with them (`AK`, `IKV`). */
export function isInitials(person: string): boolean {
  return /^\p{Lu}{2,4}$/u.test(person);
}

/**
 * The persons a note names in full where a researcher is named: an
 * e-mail's sender or recipient, a chat message's sender or the group's
 * record of who joined it, a transcript's speaker, who wrote the note,
 * beside an address, interviewing, with a research role beside the name
 * or in a table's cell before it, a caption's speaker surname first
 * (`From: Aoife Kennelly`, `[09:31] Jonas Aalberg:`, `Aoife Kennelly
 * interviewing`, `Jon Are (vit.ass.)`, `MacLeod, Catriona   10:02`). They are the study's people where their
 * initials are a coder's: this note's (`studyPeopleOf`) or another's
 * (`StudyPeople.withResearchers`, for the workspace).
 */
export function researchersNamed(
  note: ParsedNote,
  fullNames: readonly { parts: readonly string[]; span: { start: number; end: number } }[],
  /** The note's capitalised words, if known: an e-mail header is looked for only where one of its labels stands. */
  mentions?: ReadonlySet<string>,
): string[] {
  const out: string[] = [];
  for (const name of fullNames) {
    if (name.parts.length < 2 || name.parts.length > 4) continue;
    // (A researcher's place is near its line's start: a longer line is not read back to it for each name.)
    const lineStart = note.text.lastIndexOf('\n', name.span.start) + 1;
    const before = note.text.slice(Math.max(lineStart, name.span.start - LINE_REACH), name.span.start);
    const fromLineStart = name.span.start - lineStart <= LINE_REACH;
    const after = note.text.slice(name.span.end, name.span.end + 24);
    if ((fromLineStart && (RESEARCHER_BEFORE.test(before) || (LINE_OPENING.test(before) && SPEAKER_AFTER.test(after)))) || RESEARCH_ROLE_CELL.test(before) || RESEARCHER_AFTER.test(after)) out.push(name.parts.join(' '));
  }
  // Names in full listed together (`Authors: Tom Okafor, Kari Nordvik, Helen Ashworth`): the team's where each has a
  // different coder's initials (a group, `Tom Okafor|Kari Nordvik|…`, which the workspace weighs whole).
  let group: string[] = [];
  const closeGroup = () => {
    if (group.length >= 2) out.push(group.join(GROUP_SEPARATOR));
    group = [];
  };
  for (let i = 0; i < fullNames.length; i++) {
    const name = fullNames[i]!;
    const previous = fullNames[i - 1];
    if (!previous || name.parts.length > 4 || !LIST_GAP.test(note.text.slice(previous.span.end, name.span.start))) closeGroup();
    if (name.parts.length >= 2 && name.parts.length <= 4) group.push(name.parts.join(' '));
  }
  closeGroup();
  // A caption's speaker, surname first, on a line of its own before the time (`MacLeod, Catriona   10:02`, as Teams exports them).
  // And an e-mail header's sender or recipient so written (`**Fra:** Nergård, Sunniva <…>`).
  if (note.text.includes(', ')) {
    const headed = !mentions || HEADER_LABELS.some((label) => mentions.has(label));
    for (const pattern of headed ? [CAPTION_SPEAKER, HEADER_SURNAME_FIRST] : [CAPTION_SPEAKER]) for (const m of note.text.matchAll(pattern)) out.push(`${m[2]!.replace(/[ \t]+/gu, ' ')} ${m[1]}`);
  }
  return [...new Set(out)];
}

/** An academic title before a name (`Prof. Fiona MacLeod`, `professor Kari Holm`, `førsteamanuensis Ola Berg`). */
const ACADEMIC_TITLE = /(?:^|[^\p{L}.])(?:Prof\.|[Pp]rofessor|[Ff]ørsteamanuensis|[Ff]yrsteamanuensis|[Aa]ssociate[ \t]+[Pp]rofessor|[Ss]enior[ \t]+[Ll]ecturer)[ \t]+$/u;
/** An e-mail address at a university's or research institute's domain (`<f.brennan@mmu.ac.uk>`, `kari.holm@uib.no`). */
const ACADEMIC_ADDRESS = /^[ \t]*[<(]?[^\s<>@()]+@(?:[\w-]+\.)*(?:ac\.[a-z]{2}|edu|edu\.[a-z]{2}|(?:uib|uio|uit|ntnu|oslomet|uia|uis|nmbu|hvl|usn|inn|nord|hiof|himolde|nifu|fafo|sintef|norceresearch|vid|mf)\.no)[>)]?(?![\w.-])/u;
/**
 * A university's or a research institute's name in brackets or after a comma, and nothing else (`(University of Glasgow)`,
 * `, Universitetet i Bergen`, `(Glasgow Caledonian University)`): where its staff work. Not a short name (`(UiB)`), which a
 * chat's sender or a student gives too.
 */
const AFFILIATION_AFTER = new RegExp(
  String.raw`^[ \t]*(?:\(|,[ \t]*)(?:the[ \t]+)?(?:(?:University|Universitetet|Høgskolen|Høgskulen|Institute|Instituttet)[ \t]+(?:of|i|på|for)[ \t]+\p{Lu}[\p{L} '’-]{1,40}|(?:\p{Lu}[\p{L}'’-]+[ \t]+){1,3}(?:University|universitet))[ \t]*(?:\)|[.;]|$)`,
  'u',
);

/**
 * The academics a note names in full: with a title before the name, a
 * university after it or an address at one (`Prof. Fiona MacLeod`, `Fiona
 * McKay (University of Glasgow)`, `Fiona Brennan <f.brennan@mmu.ac.uk>`). A partner researcher, a guest at a seminar, an external
 * examiner: the study's colleagues, whom it does not hide, in every note.
 */
export function academicsNamed(note: ParsedNote, fullNames: readonly { parts: readonly string[]; span: { start: number; end: number } }[]): string[] {
  const out: string[] = [];
  for (const name of fullNames) {
    if (name.parts.length < 2 || name.parts.length > 4) continue;
    const before = note.text.slice(Math.max(0, name.span.start - 30), name.span.start);
    const after = note.text.slice(name.span.end, name.span.end + 60);
    const line = after.split('\n', 1)[0]!;
    if (ACADEMIC_TITLE.test(before) || AFFILIATION_AFTER.test(line) || ACADEMIC_ADDRESS.test(line)) out.push(name.parts.join(' '));
  }
  return out;
}

/** What stands between the names of a list: a comma, a semicolon, `and`, `og`, `&`, perhaps after a remark in brackets (`Sunniva Lien (ref.), Tom Ashworth`). */
const LIST_GAP = /^[ \t]*(?:\([^()\n]{1,20}\)[ \t]*)?(?:[,;&]|,?[ \t]+(?:and|og)(?=[ \t]))[ \t]*$/u;
/** What joins the names of a group listed together, as `researchersNamed` gives it. */
const GROUP_SEPARATOR = '|';

/** A caption's speaker line: surname, a comma, first names, then the time. */
const CAPTION_SPEAKER = /^[ \t]*(\p{Lu}[\p{L}'’-]+),[ \t]+(\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+)?)[ \t]+\d{1,2}:\d{2}(?::\d{2})?[ \t]*$/gmu;

/** The labels of an e-mail header's people. */
const HEADER_LABELS = ['From', 'To', 'Cc', 'Fra', 'Til', 'Kopi', 'Sender', 'Avsender', 'Mottaker'];
/** An e-mail header's label, then a name surname first. */
const HEADER_SURNAME_FIRST = /^[ \t>*_-]*(?:From|To|Cc|Fra|Til|Kopi|Sender|Avsender|Mottaker)[*_]*[ \t]*:[*_]*[ \t]*(\p{Lu}[\p{L}'’-]+),[ \t]+(\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+)?)(?=[ \t]*(?:<|$|;))/gmu;

/** A front matter's field for a case's region, at the top or in a map (`fylke: Vestland`, `attributes: { county: Nordland }`). */
const REGION_FIELD = /(?:^|[{,][ \t]*)(?:fylke|county|region|landsdel)[ \t]*:[ \t]*["']?([^,}\n"'#]+)/gimu;

/** The regions a note's front matter gives its case (`Møre og Romsdal`), as written. */
function frontMatterRegions(note: ParsedNote): string[] {
  if (!note.frontMatter) return [];
  const yaml = note.text.slice(note.frontMatter.valueSpan.start, note.frontMatter.valueSpan.end);
  const regions = [...yaml.matchAll(REGION_FIELD)].map((m) => m[1]!.trim()).filter((region) => /^\p{Lu}/u.test(region));
  // (And the parts of a region of several names, which are regions too: `Møre`, `Romsdal` of `Møre og Romsdal`.)
  return [...regions, ...regions.flatMap((region) => (region.includes(' ') ? region.split(/\s+/u).filter((part) => /^\p{Lu}/u.test(part)) : []))];
}

/** The study's people the front matter names, as written. */
function frontMatterPeople(note: ParsedNote): string[] {
  if (!note.frontMatter) return [];
  const yaml = note.text.slice(note.frontMatter.valueSpan.start, note.frontMatter.valueSpan.end);
  const lines = yaml.split(/\r?\n/u);
  const people: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const value = STUDY_PEOPLE_KEY.exec(lines[i]!)?.[1];
    if (value === undefined) continue;
    const values = value.trim() ? [value] : [];
    // A block list under an empty value.
    for (let j = i + 1; !value.trim() && j < lines.length; j++) {
      const item = LIST_ITEM.exec(lines[j]!)?.[1];
      if (item === undefined) break;
      values.push(item);
    }
    for (const v of values) {
      for (const written of unquoted(v).split(SEPARATOR)) {
        const person = unquoted(written.trim());
        // Initials are written in lower case too (`coder: tk`); a name is not (`coder: kari` is no one's).
        if (/\p{Lu}/u.test(person)) people.push(person);
        else if (/^\p{Ll}{2,3}$/u.test(person)) people.push(person.toUpperCase());
      }
    }
  }
  return people;
}

/**
 * The study's own people (its coders and interviewers), as the notes'
 * front matter names them. They sign notes and memos with their names and
 * initials (`KH`, `K.H.`, `– Kari`), and their names are no participant's:
 * a finding that is one of them (the name as written, its surname, its
 * initials, their genitives) is no finding, in any note of the study. A
 * first name alone is not theirs: a participant may well share it.
 */
export class StudyPeople {
  private readonly names = new Set<string>();
  /** The first names of those named in full (`Aoife` of `Aoife Kennelly`): theirs where nothing says otherwise. */
  private readonly firstNames = new Set<string>();

  constructor(people: Iterable<string>) {
    for (const person of people) {
      const parts = person.split(/\s+/u).filter(Boolean);
      if (!parts.length) continue;
      this.names.add(parts.join(' '));
      if (parts.length >= 2) {
        this.names.add(parts[parts.length - 1]!);
        this.names.add(initialsOf(parts));
        // The first name with the surname's initial, as phones keep contacts (`Hannah W` for Hannah Whitcombe).
        if (!/^\p{Lu}\.?$/u.test(parts[0]!)) this.names.add(`${parts[0]} ${parts[parts.length - 1]![0]}`);
        if (!/^\p{Lu}\.?$/u.test(parts[0]!)) this.firstNames.add(parts[0]!);
      }
      // Initials given as the coder's name (`coder: K.H.`) are the same as `KH`.
      if (parts.length <= 3 && parts.every((part) => /^(?:\p{Lu}\.?)+$/u.test(part))) this.names.add(parts.join('').replace(/\./gu, ''));
    }
  }

  /**
   * The study's people, with the researchers the notes name whose initials
   * are one of the coders', and the first names of a team (`teamsOf` in `team.ts`)
   * where each starts as a different coder's initials do (`Oda`, `Tobias`,
   * `Ingvild`, `Linn` where the coders are `OMB`, `TK`, `IHV`, `LS`). A
   * chat with a participant has a sender no coder's initials fit.
   */
  static withResearchers(people: Iterable<string>, researchers: Iterable<string>, teams: Iterable<string> = []): StudyPeople {
    const all = [...people];
    const coders = [...new Set(all.filter(isInitials))];
    const coderSet = new Set(coders);
    // A coder's initials, also without the middle name's (`Maja Hetland` for `MLH`) where no other coder's fit.
    const coderOf = (initials: string): string | undefined => {
      if (coderSet.has(initials)) return initials;
      const fitting = initials.length === 2 ? coders.filter((c) => c.length === 3 && c[0] === initials[0] && c[2] === initials[1]) : [];
      return fitting.length === 1 ? fitting[0] : undefined;
    };
    for (const name of researchers) {
      if (!name.includes(GROUP_SEPARATOR)) {
        if (coderOf(initialsOf(name.split(' ')))) all.push(name);
        continue;
      }
      // A group, whole: every name a different coder's initials (participants listed together do not all have them).
      const group = name.split(GROUP_SEPARATOR);
      const initials = group.map((member) => coderOf(initialsOf(member.split(' '))));
      if (initials.every((i) => i !== undefined) && new Set(initials).size === group.length) all.push(...group);
    }
    const study = new StudyPeople(all);
    // A name alone (one who introduces themself, one who codes) fits a coder's letter; more such names for a letter than coders
    // with it are not all the study's (`Siri coded …` and, elsewhere, `Sara coded …` where one coder is `SH`).
    const teamList = [...teams];
    const alone = new Map<string, Set<string>>();
    for (const team of teamList) if (!team.includes(' ') && !team.includes('=')) alone.set(team[0]!.toUpperCase(), (alone.get(team[0]!.toUpperCase()) ?? new Set()).add(team));
    const crowded = (letter: string) => (alone.get(letter)?.size ?? 0) > coders.filter((coder) => coder[0] === letter).length;
    for (const team of teamList) {
      // `Cillian=CB`: a first name with a coder's initials in brackets after it; `Marit=`, with one of the study's roles.
      const [first, initials] = team.split('=');
      if (initials !== undefined) {
        if (initials === '' || coderSet.has(initials)) study.firstNames.add(first!).add(first!.toLowerCase());
        continue;
      }
      const senders = team.split(' ');
      if ((senders.length === 1 && crowded(team[0]!.toUpperCase())) || !matchesCoders(senders, coders)) continue;
      // (Chats write names in lower case: `rasmus` is Rasmus, `hi hannah` is Hannah.)
      // (A double first name's parts are joined by a no-break space in a team: `Jon Arne`.)
      for (const name of senders) {
        const sender = name.replace(/\u00a0/gu, ' ');
        study.firstNames.add(sender).add(sender[0]!.toUpperCase() + sender.slice(1)).add(sender.toLowerCase());
      }
    }
    return study;
  }

  get size(): number {
    return this.names.size;
  }

  /**
   * Whether a finding's text is one of the study's people (`Kari Holm`,
   * `Holms`, `KH`, `K. H.`), or their e-mail address (`kari.holm@uib.no`).
   * A full name is theirs too where both its first name and its initials
   * are (`Sigrid Haugland` where a review is signed `Sigrid` and a note
   * coded by `SH`). Given the finding's evidence, the first name of one
   * of them named in full is theirs too (`Aoife`, `Aoife said`: the staff
   * act and speak as participants do), unless a cue before it says it is
   * someone else's (`sønnen Jonas`, `eleven Jonas`).
   */
  covers(text: string, evidence?: readonly AnonEvidence[]): boolean {
    if (!this.names.size) return false;
    if (this.names.has(text)) return true;
    // Asked of every finding in every note: each other form only where the text can be one.
    const last = text.charCodeAt(text.length - 1);
    const genitive = last === 115 || last === 39 || last === 0x2019;
    // (A greeting before it addresses one of them, `hi hannah`, `Hei Kari`; a kin or role word says it is someone else.)
    // (A preposition before it, `til Cillian`, says nothing either way.)
    if (evidence && this.firstNames.size && !evidence.some((e) => e.kind === 'context' && !e.following && !GREETINGS.has(e.cue.toLowerCase()) && !PREPOSITIONS.has(e.cue.toLowerCase()))) {
      const first = genitive ? text.replace(/(?:['’]s|['’])$/u, '') : text;
      if (this.firstNames.has(first) || (first.endsWith('s') && this.firstNames.has(first.slice(0, -1)))) return true;
    }
    const at = text.indexOf('@');
    if (at > 0) return this.coversAddress(text.slice(0, at));
    const spaced = text.includes(' ');
    if (spaced) {
      const parts = text.split(/\s+/u);
      if (parts.length >= 2 && parts.length <= 4 && this.names.has(parts[0]!) && this.names.has(initialsOf(parts))) return true;
    }
    const name = (spaced || text.includes('\n') || text.includes('\t')) && /\s\s|[\n\t]/u.test(text) ? text.replace(/\s+/gu, ' ') : text;
    if (name !== text && this.names.has(name)) return true;
    if (genitive) {
      const withoutGenitive = name.replace(/(?:['’]s|['’]|s)$/u, '');
      if (this.names.has(withoutGenitive)) return true;
    }
    // Initials with full stops (`K.H.`, `K. H.`).
    return last === 46 && /^(?:\p{Lu}\.\s?){2,4}$/u.test(name) && this.names.has(name.replace(/[.\s]/gu, ''));
  }

  /** An address's local part made of a study person's whole names or initial and surname (`kari.holm`, `sigrid.haugland`, `s.brennan`). */
  private coversAddress(local: string): boolean {
    const parts = local.split(/[._-]+/u).filter(Boolean);
    if (parts.length < 2 || parts.length > 4 || !parts.every((part) => /^\p{L}+$/u.test(part))) return false;
    const name = parts.map((part) => part[0]!.toUpperCase() + part.slice(1).toLowerCase()).join(' ');
    if (this.covers(name)) return true;
    // (Addresses write Norwegian letters as ASCII: `sunniva.nergard` is Sunniva Nergård's.)
    const key = asciiKey(name);
    // (And the first name's initial with the surname: `s.brennan` is Sian Brennan's.)
    const initial = parts.length === 2 && parts[0]!.length === 1 ? parts[0]!.toLowerCase() : undefined;
    for (const known of this.names) {
      if (!known.includes(' ')) continue;
      if (asciiKey(known) === key) return true;
      if (initial && known[0]!.toLowerCase() === initial && asciiKey(known.slice(known.lastIndexOf(' ') + 1)) === parts[1]!.toLowerCase()) return true;
    }
    return false;
  }
}
