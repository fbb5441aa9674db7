import type { ChatMessage } from './chat.js';

/**
 * The research team as notes name it by first names alone: in its own
 * chat, its minutes, a planner's assignees, who codes or transcribes, a
 * first name with initials after it. A first name alone says little, so
 * each group is the study's only where its names fit different coders'
 * initials (`matchesCoders`, asked by `StudyPeople.withResearchers` with
 * every coder of the workspace).
 */

/** Whether each sender can be a different coder, by the first letter of the name and of the initials (a matching, found by augmenting paths). */
export function matchesCoders(senders: readonly string[], coders: readonly string[]): boolean {
  if (senders.length > coders.length) return false;
  const coderOf = new Map<string, string>();
  const fits = (sender: string, coder: string) => sender[0]!.toUpperCase() === coder[0];
  const assign = (sender: string, tried: Set<string>): boolean => {
    for (const coder of coders) {
      if (!fits(sender, coder) || tried.has(coder)) continue;
      tried.add(coder);
      const holder = coderOf.get(coder);
      if (holder === undefined || assign(holder, tried)) {
        coderOf.set(coder, sender);
        return true;
      }
    }
    return false;
  };
  return senders.every((sender) => assign(sender, new Set()));
}

/** How far apart two messages of one chat may be: a blank line or a quote's marks between them, and the next one's time before its sender. */
const CHAT_GAP = /^[ \t>]*(?:\n[ \t>]*)*\n[^\n]{0,40}$/u;
/** A sender that is a first name alone, as chats write it too (`Oda`, `Ingvild`, `rasmus`). */
const FIRST_NAME_SENDER = /^(?:\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?|\p{Ll}{3,})$/u;
/**
 * A researcher introducing themself by first name and the project, as in
 * a text message to a participant (`Det er Hanne fra forskningsprosjektet`,
 * `this is Aoife from the research team`).
 */
const INTRODUCED = /(\p{Lu}\p{Ll}+)[ \t]+(?:fra|frå|from|i|in|på|on|with)[ \t]+(?:the[ \t]+)?(?:forsknings?prosjekt\p{L}*|forskingsprosjekt\p{L}*|forsk(?:er|ar|nings|ings)gruppa|research[ \t]+(?:project|team|group|study)|project[ \t]+team)(?!\p{L})/gu;

/** A meeting's minutes saying who came (`Til stede: Marit (ref.), Sindre, Ingrid`, `Present: …`): the names after it, on its line. */
const ATTENDANCE = /^[ \t>*_-]*(?:Til stede|Tilstede|Til stades|Present|Attendees|Attending|In attendance)[*_]*[ \t]*:[*_]*[ \t]*([^\n]+)$/gmu;
/**
 * A meeting's heading or line with who came in brackets after it (`## Møte 08.05 (Gunvor, Ingvild, Jon Arne, Mathias, Rosa på
 * Teams)`, `Team meeting (Aoife, Cillian and Tamsin)`), where they met left out.
 */
const MEETING_WITH_NAMES = /(?:[Mm]øte|[Mm]øtet|[Mm]eeting|[Mm]andagsmøte|[Tt]eammøte|[Ss]tatusmøte)[^\n(]{0,40}\(([^)\n]+?)(?:[ \t]+(?:på|on|i|in|via|over)[ \t]+\p{Lu}\p{L}*)?\)/gu;
/** An e-mail's sender by a first name alone, perhaps a remark in brackets (`**From:** Ingrid (Norwegian team)`, `Fra: Dana`). */
const SENDER_BY_FIRST_NAME = /^[ \t>*_-]*(?:From|Fra|Frå)[*_]*[ \t]*:[*_]*[ \t]*(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)[ \t]*(?:\([^)\n]{0,40}\))?[ \t]*$/gmu;
/** What parts the names of an attendance line: commas, `og`, `and`, `&`. */
const ATTENDEE_SEPARATOR = /[ \t]*(?:[,;&]|[ \t](?:og|and)[ \t])[ \t]*/u;
/** An attendee as minutes write one of the team: a first name, perhaps a remark in brackets after it (`Marit (ref.)`). */
const ATTENDEE = /^(\p{Lu}\p{Ll}+(?:[- ]\p{Lu}\p{Ll}+)?)(?:[ \t]*\([^)]*\))?[ \t.]*$/u;

/** A line that addresses three or more by first names alone, as a review or a letter to the team opens (`Til Hanne, Jonas, Sigrid og Maya.`, `Hi Ann, Tom and Eva,`). */
const ADDRESSED = /[ \t>*_-]*(?:Til|Hei|Hi|Hello|Dear|Kjære|To)[ \t]+((?:\p{Lu}\p{Ll}+(?:,[ \t]*|[ \t]+(?:og|and|&)[ \t]+)){2,}\p{Lu}\p{Ll}+)[ \t]*[.,:!–-]/uy;

/** The words of an attendance line's label, as the note writes them. */
const MINUTES_WORDS = ['stede', 'stades', 'Tilstede', 'Present', 'Attendees', 'Attending', 'attendance'];
/** A first name and `her`/`here` opening a line, as a note's writer signs in (`Amund her.`, `Cat here, quick one`). */
const WRITER_HERE = /^[ \t>*_]*(\p{Lu}\p{Ll}+)[ \t]+(?:her|here)[ \t]*[.,:!–-]/gmu;

/** The words of a project a researcher introduces themself by. */
const PROJECT_WORDS = ['forskningsprosjektet', 'forskingsprosjektet', 'forskningsprosjekt', 'forskingsprosjekt', 'research', 'project', 'forskergruppa', 'forskargruppa', 'forskningsgruppa', 'forskingsgruppa'];

/** Verbs of the study's own work, coding and transcribing, which only its people do (`Siri coded kontaktvei/via-foreldre`). */
const CODING_VERBS = ['coded', 'codes', 'recoded', 'double-coded', 'koda', 'kodet', 'koder', 'kodar'];
const TRANSCRIBING_VERBS = ['transcribed', 'transcribes', 'transkriberte', 'transkriberer', 'transkriberar'];
const CODED_BY = new RegExp(String.raw`(?<![\p{L}])(\p{Lu}\p{Ll}+)[ \t]+(?:${CODING_VERBS.join('|')}|(${TRANSCRIBING_VERBS.join('|')}))(?![\p{L}-])`, 'gu');
/** A coding of someone's (`Ingvild's second coding`, `Siris koding`, `kodinga til Siri` is not read). */
const CODINGS = [
  'coding', 'codings', 'koding', 'kodinga', 'kodingen', 'kodingane', 'kodingene',
  // (And the study's own writing, which a review names by its writer: `Erlend's field notes`, `Siris feltnotat`.)
  'fieldnotes', 'feltnotat', 'feltnotater', 'feltnotatet', 'feltnotata', 'transcripts', 'transkripsjon', 'transkripsjonen', 'transkripsjonane',
  // (And the memos and coding rounds a supervisor reviews: `Solveigs memo`, `Solveigs andre kodingsrunde`.)
  'memo', 'memoet', 'memoen', 'memos', 'kodingsrunde', 'kodingsrunden', 'kodingsrunda',
];
/** Two-word kinds of the study's writing after a writer's name (`field notes`, `original note`). */
const WRITINGS = ['field notes', 'original note', 'field note', 'coding notes'];
const CODING_OF = new RegExp(
  String.raw`(?<![\p{L}])(\p{Lu}\p{Ll}+?)(?:['’]s|s)[ \t]+(?:(?:first|second|third|own|double|første|andre|tredje|egen|eiga|eigne)[ \t]+)?(?:${[...WRITINGS.map((w) => w.replace(' ', '[ \\t]+')), ...CODINGS].join('|')})(?![\p{L}-])`,
  'gu',
);
/** A first name alone with initials in brackets after it (`Cillian (CB)`, `Tamsin (TH)`). */
const FIRST_NAME_WITH_INITIALS = /(?<![\p{L}])(?<!\p{Lu}[\p{L}'’-]*[ \t])(\p{Lu}\p{Ll}+)[ \t]+\((\p{Lu}{2,4})\)/gu;
/** After a verb of coding, on its line: a code's id or what it was read as (`kontaktvei/via-foreldre`, `it as proactive`, `det som reaktivt`). */
const CODE_AFTER = /^[^\n]*?(?:\p{Ll}[\p{Ll}-]*\/\p{Ll}|(?:^|[ \t])(?:as|som|the segment|segmentet|this|dette|det)(?![\p{L}]))/u;

/** The study's own roles, which no participant has: a second reader, a supervisor of the thesis, a research assistant, who takes the notes. */
const STUDY_ROLES = String.raw`(?:second[ \t]+reader|second[ \t]+coder|andreles[ae]r(?:en)?|andrekod[ae]r(?:en)?|(?:main[ \t]+|co-?|second[ \t]+)?supervisor|(?:hoved|bi|med)veileder(?:en)?|(?:hovud|med)rettleiar(?:en)?|research[ \t]+assistant|forskningsassistent(?:en)?|forskingsassistent(?:en)?|vit\.?[ \t]?ass\.?|stipendiat(?:en)?|PhD[ \t]+(?:student|candidate|fellow)|postdoc|transcriber|transkribent(?:en)?|note-?taker|referent(?:en)?)`;
/** One of the study's roles, looked for first: the name before it is read back from there. */
const STUDY_ROLE = new RegExp(String.raw`(?<![\p{L}])${STUDY_ROLES}(?![\p{L}])`, 'gu');
/**
 * A first name alone just before one of the study's roles: in brackets, after a comma or a copula (`Marit (second
 * reader)`, `Marit er andreleser`, `Ragnhild, research assistant`). Not taking notes, which NAV's advisers do too (`Torunn noterer`).
 */
const FIRST_NAME_BEFORE_ROLE = /(?<![\p{L}])(?<!\p{Lu}[\p{L}'’-]*[ \t])(\p{Lu}\p{Ll}+)(?:[ \t]*\((?:(?:the|our)[ \t]+)?|,[ \t]+(?:(?:the|our|vår)[ \t]+)?|[ \t]+(?:er|is|var|was|blir|will be)[ \t]+(?:(?:the|our|vår)[ \t]+)?)$/u;
/** The words that tell a note may give one of the study's roles. */
const ROLE_HINT = /reader|coder|andrele|andrekod|supervisor|veileder|rettleiar|assistent|assistant|ass\.|stipendiat|PhD|postdoc|transcriber|transkribent|taker|referent/u;

/** A person called with `@` by a first name alone (`@Nora`), not an address's or a handle's `@`. */
const ASSIGNEE = /(?<![\p{L}\p{N}._%+-])@(\p{Lu}\p{Ll}+)(?![\p{L}\p{N}._@-])/gu;

/**
 * The first names of an attendance line, when there are three or more and nothing else is on it. A double first name is
 * kept whole, its parts joined by a no-break space (`Jon Arne`): a team is its names parted by spaces.
 */
function attendees(line: string): string | undefined {
  const names: string[] = [];
  for (const item of line.split(ATTENDEE_SEPARATOR)) {
    const name = ATTENDEE.exec(item.trim())?.[1];
    if (!name) return undefined;
    names.push(name.replace(' ', '\u00a0'));
  }
  return new Set(names).size >= 3 ? [...new Set(names)].join(' ') : undefined;
}

/**
 * The groups of first names a note gives for the research team's: the
 * senders of each chat in which three or more people write under first
 * names alone, as a team writes in its own channel (`Oda Tobias Ingvild
 * Linn`), the team's minutes listing who came by first names alone, a
 * planner's assignees (`@Nora`, `@Kjersti`, `@Anders`), an e-mail thread's
 * senders by first names alone (`From: Ingrid`, `From: Dana`), a review's
 * or a letter's addressees (`Til Hanne, Jonas, Sigrid og Maya.`), each
 * researcher who introduces themself by the project (`Hanne`) or signs in (`Amund her.`), and each
 * who codes or transcribes (`Siri coded kontaktvei/via-foreldre`,
 * `Ingvild's second coding`). The workspace decides whether they are the
 * study's coders (`StudyPeople.withResearchers`).
 */
export function teamsOf(text: string, chat: readonly ChatMessage[], writes: (word: string) => boolean): string[] {
  const teams: string[] = [];
  let senders = new Set<string>();
  let allFirstNames = true;
  const close = () => {
    if (allFirstNames && senders.size >= 3) teams.push([...senders].join(' '));
    senders = new Set();
    allFirstNames = true;
  };
  for (let i = 0; i < chat.length; i++) {
    const message = chat[i]!;
    if (i > 0 && !CHAT_GAP.test(text.slice(chat[i - 1]!.body.end, message.sender.start))) close();
    const sender = text.slice(message.sender.start, message.sender.end).trim();
    if (FIRST_NAME_SENDER.test(sender)) senders.add(sender);
    else allFirstNames = false;
  }
  close();
  // A planner's or a team chat's assignees (`@Nora`, `@Kjersti`, `@Anders`), three or more in the note.
  if (text.includes('@')) {
    const assignees = new Set([...text.matchAll(ASSIGNEE)].map((m) => m[1]!));
    if (assignees.size >= 3) teams.push([...assignees].join(' '));
  }
  // (What each needs is asked of the note's words, not looked for in its text: most notes have none.)
  const minutes = MINUTES_WORDS.some(writes);
  // (And who came in brackets after a meeting's heading: `## Møte 08.05 (Gunvor, Ingvild, …)`.)
  const meetings = (text.includes('øte') || text.includes('eeting')) && text.includes('(') ? text.matchAll(MEETING_WITH_NAMES) : [];
  for (const m of [...(minutes ? text.matchAll(ATTENDANCE) : []), ...meetings]) {
    const team = attendees(m[1]!);
    if (team) teams.push(team);
  }
  // A letter or a review to the team by first names alone (`Til Hanne, Jonas, Sigrid og Maya.`).
  // (Tried at each line's start only: a pattern over the whole text is tried at every place of it.)
  for (let at = 0; at < text.length; at = text.indexOf('\n', at) + 1 || text.length) {
    ADDRESSED.lastIndex = at;
    const m = ADDRESSED.exec(text);
    const team = m ? attendees(m[1]!) : undefined;
    if (team) teams.push(team);
  }
  // A thread's senders by first names alone, three or more, as a team writes to itself (`From: Ingrid`, `From: Dana`, `From: Priya`).
  if (text.includes('From') || text.includes('Fra')) {
    const senders = new Set([...text.matchAll(SENDER_BY_FIRST_NAME)].map((m) => m[1]!));
    if (senders.size >= 3) teams.push([...senders].join(' '));
  }
  if (PROJECT_WORDS.some(writes)) for (const m of text.matchAll(INTRODUCED)) teams.push(m[1]!);
  // The writer signing in at a line's start (`Amund her.`, `Cat here, quick one`).
  if (text.includes(' her') || text.includes(' here')) for (const m of text.matchAll(WRITER_HERE)) teams.push(m[1]!);
  if (CODINGS.some(writes) || WRITINGS.some((w) => w.split(' ').every(writes))) for (const m of text.matchAll(CODING_OF)) teams.push(m[1]!);
  // `Cillian (CB)`: a first name with initials after it that start as it does (a coder's, the workspace decides).
  if (text.includes('(')) for (const m of text.matchAll(FIRST_NAME_WITH_INITIALS)) if (m[2]![0] === m[1]![0]) teams.push(`${m[1]}=${m[2]}`);
  // `Marit (second reader)`, `Ragnhild, research assistant`: a role of the study's own says whose the name is, in every note (`Marit=`).
  if (ROLE_HINT.test(text)) {
    for (const m of text.matchAll(STUDY_ROLE)) {
      const name = FIRST_NAME_BEFORE_ROLE.exec(text.slice(Math.max(0, m.index - 40), m.index))?.[1];
      if (name) teams.push(`${name}=`);
    }
  }
  if (CODING_VERBS.some(writes) || TRANSCRIBING_VERBS.some(writes)) {
    for (const m of text.matchAll(CODED_BY)) {
      // (Coding is the study's only where a code or a reading follows: `Sara codes in Python` is someone else's.)
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 60);
      if (m[2] !== undefined || CODE_AFTER.test(after)) teams.push(m[1]!);
    }
  }
  return teams;
}
