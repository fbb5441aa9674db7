import { isSpeakerRole } from './speakers.js';
import { AMBIGUOUS, INSTITUTIONS, NEVER_NAMES, PSEUDONYM } from './wordlists.js';
import { capitalised, WORD } from './prose.js';
import type { AnonFinding } from './types.js';
import { isPersonCue, isPersonWord } from './names.js';

/**
 * Quoted chat and text messages, in the shapes researchers paste them:
 *
 * - `> [09:03] Filmon Habte ፊልሞን: hei tone.` (a time, the sender, the message)
 * - `[12.03.2024, 08:12:33] Yara: hei` and `12.03.2024, 08:12 - Yara: hei` (WhatsApp's exports), `19:02 · sol: hei`, also
 *   as list items with any dash (`- 13:05 — sindre fotball: takk`)
 * - `> **yara 🌸 (يارا)** · 08:12` with the message on the quote's next lines (a sender's heading,
 *   with or without the time: a bold line of its own in a quote, the message below it)
 *
 * Senders write their names as they please (`amal 🦋 أمل`, `liv ☀️`,
 * `Оксана`): the name a message is sent under is a name in any script or
 * case, unless it is the study's pseudonym (`Veileder 39D`).
 */
export interface ChatMessage {
  sender: { start: number; end: number };
  body: { start: number; end: number };
}

/** A clock time, in a 24-hour or a 12-hour clock (`08:12`, `4:03 PM`). */
const TIME = String.raw`\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?`;
const DATE = String.raw`\d{1,4}[./-]\d{1,2}(?:[./-]\d{1,4})?\.?,?[ \t]+|\d{1,4}[./-]\d{1,2}[./-]\d{1,4},?[ \t]*`;
/** The app a message came by, in brackets where a time would stand (`[snap] dima.sh: not me`, `[SMS]`). */
const APP = String.raw`(?:[Ss]nap(?:chat)?|SMS|[Ss]ms|i[Mm]essage|[Ww]hats[Aa]pp|[Mm]essenger|[Ss]ignal|[Tt]elegram|[Tt]eams|[Ss]lack|[Ii]nsta(?:gram)?|DM|dm|[Ff]acebook|[Dd]iscord|[Vv]iber|[Ww]e[Cc]hat)`;
const APP_IN_BRACKETS = new RegExp(String.raw`\[${APP}\]`, 'u');
/** A time (perhaps with a date) or an app before the sender, bracketed or followed by a dash: the message follows a colon on the same line. */
const TIME_FIRST = new RegExp(String.raw`^[ \t]*>?[ \t]*(?:[-*+][ \t]+)?(?:\[(?:${DATE})?${TIME}\]|(?:${DATE})?${TIME}[ \t]*[-–—·•|]|\[${APP}\])[ \t]*([^:\n]{1,60}?):[ \t]*([^\n]*)$`, 'gmu');
/** A sender in bold with a time beside it, on a line of its own in a quote: the message is the quote's next lines. */
const SENDER_HEADING = new RegExp(String.raw`^[ \t]*>[ \t]*\*\*([^*:\n\[]{1,60})\*\*[ \t]*(?:(?:[·•,–-][ \t]*|\()?(?:kl\.?[ \t]*)?${TIME}\)?)?[ \t]*$(?=\n[ \t]*>[ \t]*\S)`, 'gmu');

/**
 * A message copied from a chat in the browser, opening a paragraph: the
 * sender's name on a line of its own (a few words, no sentence's marks),
 * the time on the next (`I går kl. 16:40`, `Lørdag 23:51`), then the
 * message.
 */
const NAME_TIME_MESSAGE = new RegExp(String.raw`^\s*?([^\S\n]*\p{L}[\p{L}\p{M}'’. -]{0,40}?)[^\S\n]*\n[^\S\n]*([^\n]{0,20}?\b${TIME}[^\n]{0,8})\n([^\n]+(?:\n[^\n]+)*)`, 'du');

/**
 * Discord's copied messages: the sender, a dash and the day with the time on a line of their own, the message on the next
 * (`sniperbaba04 — Today at 14:11`, `Sara — I dag kl. 09:12`, `jo — 03/14/2024 2:11 PM`).
 */
const DISCORD_HEADER = new RegExp(
  String.raw`^[ \t]*>?[ \t]*([^\s>\-*#][^\n—–]{0,39}?)[ \t]+[—–][ \t]+(?:[Tt]oday|[Yy]esterday|[Ii] dag|[Ii] går|\d{1,2}[./]\d{1,2}[./]\d{2,4})(?:[ \t]+(?:at|kl\.?))?[ \t]+${TIME}[ \t]*\n[ \t]*>?[ \t]*([^\n]+)`,
  'gmu',
);

/**
 * A message pasted with its sender in bold and in lower case, as chats
 * write names (`**chi-chi 💅:** heyyy`): unlike a transcript's speaker
 * (`**Veileder 4:**`), whose label starts with a capital.
 */
const LOWER_CASE_LABEL = /^[ \t]*>?[ \t]*\*\*(\p{Ll}[^*:\n]{0,40}?)(?::\*\*|\*\*[ \t]*:)[ \t]*([^\n]*)$/gmu;

/**
 * Zoom's saved chat: the time, `From`, the sender, `to` and whom, a colon; the message on the next line
 * (`18:01:10 From  niamh  to  Everyone:⏎ hiya`), in English or Norwegian (`Fra … til Alle:`). A remark in brackets after
 * the sender is no part of the name (`MT (research team)`).
 */
const ZOOM_FROM = /^[ \t]*\d{1,2}:\d{2}(?::\d{2})?[ \t]+(?:From|Fra|Frå)[ \t]+([^\n(]{1,60}?)[ \t]*(?:\([^)\n]{0,40}\)[ \t]*)?[ \t]+(?:to|til)[ \t]+[^\n:]{1,60}:[ \t]*\n[ \t]*([^\n]+)/gmu;

/**
 * A sender in bold over a quoted message, the date and time after a middle dot (`**linh.ng_04** · 30 Sep, 21:47⏎> hei`),
 * as Instagram's messages are retyped.
 */
const BOLD_OVER_QUOTE = /^[ \t]*\*\*([^*:\n\[]{1,60})\*\*[ \t]*[·•|][^\n]{0,24}?\d{1,2}[:.]\d{2}[ \t]*\n[ \t]*>[ \t]*([^\n]+)/gmu;

/** A quoted message with its sender in bold capitals (`> **BO:** dag kan du …`), as apps show names. */
const CAPITALS_LABEL = /^[ \t]*>[ \t]*\*\*(\p{Lu}{2,}(?:[ \t]\p{Lu}{2,}){0,2})(?::\*\*|\*\*[ \t]*:)[ \t]*([^\n]*)$/gmu;
/**
 * A paragraph of two lines: a sender's name in capitals, an emoji or a mark perhaps after it, then the message
 * (`DAG⏎hvem skal på nav i morra`, `LIV ✨⏎ikke jeg lol`), as a screenshot of Snapchat is retyped.
 */
const CAPITALS_OVER_MESSAGE = /^[ \t]*(\p{Lu}{2,}(?:[ \t]\p{Lu}{2,}){0,2})[ \t]*[^\p{L}\p{N}\n]{0,8}\n[ \t]*([^\n]+)\n?$/u;

/** A paragraph's message under its sender in capitals (`CAPITALS_OVER_MESSAGE`), offsets in the paragraph; a chat only where two or more stand in a note. */
export function senderOverMessage(paragraph: string): ChatMessage | undefined {
  // (A paragraph after the first starts with the blank line's break.)
  let from = 0;
  while (from < paragraph.length && (paragraph.charCodeAt(from) === 10 || paragraph.charCodeAt(from) === 13)) from++;
  const first = paragraph.charCodeAt(from);
  if (!((first >= 65 && first <= 90) || first === 0xc6 || first === 0xd8 || first === 0xc5 || first === 32)) return undefined;
  const m = CAPITALS_OVER_MESSAGE.exec(from ? paragraph.slice(from) : paragraph);
  if (!m || isAnonymousSender(m[1]!)) return undefined;
  const senderStart = from + m[0].indexOf(m[1]!);
  const bodyStart = from + m[0].lastIndexOf(m[2]!);
  return { sender: { start: senderStart, end: senderStart + m[1]!.length }, body: { start: bodyStart, end: bodyStart + m[2]!.length } };
}

/** A quoted line: a short sender without sentence marks, a colon, the message. */
const QUOTED_SENDER = /^[ \t]*>[ \t]*([^\s:*>\[\]#][^:\n.!?*\[\]]{0,30}?)[ \t]*:[ \t]+([^\n]+)$/gmu;
/** A line with a sender before a colon, not quoted: a copied chat's line (`rojda.x 🌸: kan eg …`), read only in a run of such lines. */
const UNQUOTED_SENDER = /^[ \t]*([^\s:*>\[\]#|`-][^:\n!?*\[\]`]{0,30}?)[ \t]*:[ \t]+([^\n]+)$/gmu;
/** An emoji or a symbol in a sender's name, as only chats write names (`rojda.x 🌸`). */
const SYMBOL_IN_SENDER = /[^\p{L}\p{M}\p{N}\s'’._()-]/u;

/**
 * Lines copied from a chat without quote marks or times: three lines or more in a row, each a sender, a colon and the
 * message, two senders or more, one of them with an emoji or a symbol in the name as only chats write them (a transcript's
 * `I:` and `IP:`, a form's `Navn:` lines, front matter's keys have none).
 */
function unquotedChat(text: string): ChatMessage[] {
  const out: ChatMessage[] = [];
  for (const run of linesInRuns(text, UNQUOTED_SENDER)) {
    const senders = run.map((m) => m[1]!.trim());
    if (run.length >= 3 && new Set(senders).size >= 2 && senders.some((s) => SYMBOL_IN_SENDER.test(s)) && !senders.some((s) => PROSE_SENDER.test(s) || isSpeakerRole(s.replace(/[*_.\s]+/gu, '')))) {
      for (const m of run) out.push(messageOf(m));
    }
  }
  return out;
}

/** A line-anchored expression's matches, in runs of lines that follow each other with no other line between. */
function linesInRuns(text: string, lines: RegExp): RegExpExecArray[][] {
  const runs: RegExpExecArray[][] = [];
  let run: RegExpExecArray[] = [];
  for (const m of text.matchAll(lines)) {
    const previous = run[run.length - 1];
    if (previous && previous.index + previous[0].length + 1 !== m.index) {
      runs.push(run);
      run = [];
    }
    run.push(m as RegExpExecArray);
  }
  if (run.length) runs.push(run);
  return runs;
}

/** A comment under a post, its username in bold in a quote before it on the line (`> **hannekristine_** så fine!!`). */
const BOLD_HANDLE_COMMENT = /^[ \t]*>[ \t]*\*\*@?(\p{Ll}[\p{Ll}\p{N}._]{1,30})\*\*[ \t]+([^\n*:][^\n]*)$/gmu;
/** A comment as a list's item, its username, a middle dot or a bar, the comment (`- mamma_til_3 · flink gut!`). */
const HANDLE_DOT_COMMENT = /^[ \t]*[-*+][ \t]+@?(\p{Ll}[\p{L}\p{N}._]{1,30}|\p{L}[\p{L}\p{N}]*[._\d][\p{L}\p{N}._]*)[ \t]+[·•][ \t]+([^\n]+)$/gmu;

/** A list's item with a sender, perhaps a date and time, a colon and the message (`- HUNTER 2/2 4:05pm: …`, `- ME: …`). */
const LISTED_SENDER = /^[ \t]*[-*][ \t]+([\p{L}][\p{L}\p{M}._'’-]{0,24}(?:[ \t][\p{L}][\p{L}\p{M}._'’-]{0,24})?)(?:[ \t]+[\d/.:]+(?:[ \t]*[\d:.]+)?(?:[ \t]*[ap]\.?m\.?)?)?[ \t]*:[ \t]+([^\n]+)$/gimu;
/** The writer as a thread's sender (`ME`, `Me`, `Meg`, `Eg`, `Jeg`, `I`). */
const WRITER_SENDER = /^(?:me|meg|eg|jeg|i|myself)$/iu;

/**
 * A thread retyped as a list: three items or more in a row, each a sender and a message, two senders or more, one of them
 * the writer (`ME`), as one copies a phone's messages (a list of labels, `- Sted: …`, has no `ME` among them).
 */
function listedThread(text: string): ChatMessage[] {
  const out: ChatMessage[] = [];
  for (const run of linesInRuns(text, LISTED_SENDER)) {
    const senders = run.map((m) => m[1]!.trim());
    if (run.length >= 3 && new Set(senders.map((s) => s.toLowerCase())).size >= 2 && senders.some((s) => WRITER_SENDER.test(s))) {
      for (const m of run) if (!WRITER_SENDER.test(m[1]!.trim())) out.push(messageOf(m));
    }
  }
  return out;
}

/** A sender as chats write names: starting in lower case, or with a symbol or emoji in it. */
const CHAT_LIKE_SENDER = /^\p{Ll}|[^\p{L}\p{M}\p{N}\s'’.-]/u;

/** A sender that reads as prose: a sentence's end inside (not a title's `Dr.`), a comma with three words after it, or six words. */
const PROSE_SENDER = /\p{L}{3}[.!?;][ \t]+\S|,(?:[ \t]+\S+){3}|^[ \t]*\S+(?:[ \t]+\S+){5}/u;

/** The messages a note quotes, in text order. */
export function chatMessages(text: string): ChatMessage[] {
  // What each shape needs, looked for first: a time, or a bold line in a quote.
  const timed = /\d[:.]\d\d/u.test(text) || APP_IN_BRACKETS.test(text);
  const bold = text.includes('**');
  const headed = bold && text.includes('>');
  const quoted = text.includes('>');
  const lined = text.includes(': ') && text.includes('\n');
  const dotted = text.includes('·') || text.includes('•');
  if (!timed && !bold && !quoted && !lined && !dotted) return [];
  const messages: ChatMessage[] = [];
  for (const m of timed ? text.matchAll(TIME_FIRST) : []) {
    // (A log's timed line whose words before a colon are prose is no message: `10:15 – NAV Tana. Three staff, one of them …:`.)
    // (Nor is a timed transcript's turn, `[00:01:43] IP: Pappa. Stein – …`: its words are speech, not a chat's lower case.)
    if (PROSE_SENDER.test(m[1]!) || isSpeakerRole(m[1]!.replace(/[*_.\s]+/gu, ''))) continue;
    messages.push(messageOf(m, m.index + m[0].lastIndexOf(m[1]!, m[0].length - m[2]!.length - 1)));
  }
  const copied = timed && text.includes('\n') ? NAME_TIME_MESSAGE.exec(text) : null;
  if (copied) {
    // The name line holds at most four words, none a small word of prose (`Intervju med Ola`); the time line holds little else.
    const nameWords = copied[1]!.trim().split(/\s+/u);
    const prose = nameWords.length > 4 || /[.!?:]$/u.test(copied[1]!.trim()) || copied[2]!.length > 24 || nameWords.some((w) => NEVER_NAMES.has(w[0]!.toUpperCase() + w.slice(1).toLowerCase()));
    if (!prose) {
      const [nameStart, nameEnd] = copied.indices![1]!;
      const [bodyStart, bodyEnd] = copied.indices![3]!;
      const name = copied[1]!;
      messages.push({ sender: { start: nameStart + name.length - name.trimStart().length, end: nameEnd - (name.length - name.trimEnd().length) }, body: { start: bodyStart, end: bodyEnd } });
    }
  }
  for (const m of timed && (text.includes('—') || text.includes('–')) ? text.matchAll(DISCORD_HEADER) : []) messages.push(messageOf(m));
  for (const m of bold ? text.matchAll(LOWER_CASE_LABEL) : []) messages.push(messageOf(m, m.index + m[0].indexOf('**') + 2));
  // Zoom's saved chat (`18:01:10 From  niamh  to  Everyone:`).
  if (timed && (text.includes('From') || text.includes('Fra'))) {
    for (const m of text.matchAll(ZOOM_FROM)) messages.push(messageOf(m, m.index + m[0].indexOf(m[1]!, m[0].search(/From|Fra/u) + 3)));
  }
  // A bold sender over a quoted message, the time after a middle dot (`**linh.ng_04** · 30 Sep, 21:47`).
  if (bold && quoted && timed) {
    for (const m of text.matchAll(BOLD_OVER_QUOTE)) {
      const message = messageOf(m);
      if (!messages.some((known) => known.sender.start === message.sender.start)) messages.push(message);
    }
  }
  // Senders in bold capitals in a quote, as apps show them (`> **BO:** dag kan du`), two or more in the paragraph. (Those on
  // a line over the message, a paragraph each, are the note's to gather: `senderOverMessage`.)
  if (bold && quoted) {
    const found = [...text.matchAll(CAPITALS_LABEL)];
    for (const m of found.length >= 2 ? found : []) addUnlessRead(messages, messageOf(m));
  }
  // Quoted lines with a sender before a colon and no time (`> musti 🔥: yo`), two or more of them: a sender written as chats
  // write names (in lower case, or with an emoji), not a transcript's speaker (`> Rådgiver: …`) or a quoted label (`> Merk: …`).
  const labelled = quoted ? [...text.matchAll(QUOTED_SENDER)].filter((m) => CHAT_LIKE_SENDER.test(m[1]!)) : [];
  if (labelled.length > 1) {
    for (const m of labelled) addUnlessRead(messages, messageOf(m, m.index + m[0].indexOf(m[1]!, m[0].indexOf('>') + 1)));
  }
  // Comments retyped as apps list them, two or more: a username in bold before the comment in a quote (`> **marites.dc** omg
  // ate 😍`), or a list's item with a middle dot between them (`- sigridmyklebust · eirik du skylde meg`).
  const commented = [...(bold && quoted ? text.matchAll(BOLD_HANDLE_COMMENT) : []), ...(dotted ? text.matchAll(HANDLE_DOT_COMMENT) : [])];
  // (One username at least with a dot, an underscore or a digit, as apps' usernames have: `- planlegging · ferdig` is a task.)
  if (commented.length > 1 && commented.some((m) => /[._\d]/u.test(m[1]!))) {
    for (const m of commented) addUnlessRead(messages, messageOf(m, m.index + m[0].indexOf(m[1]!)));
  }
  // A phone's thread retyped as a list, the writer among the senders (`- HUNTER 2/2 4:05pm: ms boyd i cant make it`, `- ME:
  // No problem`): three lines or more in a row.
  if (text.includes('- ') || text.includes('* ')) for (const message of listedThread(text)) addUnlessRead(messages, message);
  // Lines copied without quote marks or times (`rojda.x 🌸: kan eg …`), where no shape above read them.
  if (lined) {
    for (const message of unquotedChat(text)) addUnlessRead(messages, message);
  }
  for (const m of headed ? text.matchAll(SENDER_HEADING) : []) {
    // (Without a time, a bold line in a quote is a sender only as chats write names: `> **yara 🌸**`, not a letter's
    // heading, `> **Vedtak**`, `> **Du har rett til å klage**`.)
    if (!/\d[:.]\d\d/u.test(m[0]) && !CHAT_LIKE_SENDER.test(m[1]!)) continue;
    const senderStart = m.index + m[0].indexOf('**') + 2;
    const bodyStart = m.index + m[0].length + 1;
    messages.push({ sender: { start: senderStart, end: senderStart + m[1]!.length }, body: { start: bodyStart, end: quoteEnd(text, bodyStart) } });
  }
  return messages.sort((a, b) => a.sender.start - b.sender.start);
}

/**
 * A message from a match whose group 1 is the sender and group 2 the message, the message ending the match; the sender's
 * start given where the group's text stands earlier in the match too.
 */
function messageOf(m: RegExpMatchArray, senderStart = m.index! + m[0].indexOf(m[1]!)): ChatMessage {
  const bodyStart = m.index! + m[0].length - m[2]!.length;
  return { sender: { start: senderStart, end: senderStart + m[1]!.length }, body: { start: bodyStart, end: bodyStart + m[2]!.length } };
}

/** Adds a message unless one already read holds it (a shape read twice: `> **BO:** …` as a quoted line too). */
function addUnlessRead(messages: ChatMessage[], message: ChatMessage): void {
  if (!messages.some((known) => known.sender.start <= message.sender.start && known.body.end >= message.body.start)) messages.push(message);
}

/** Where the quote's lines from `start` end: at a blank line, a line outside the quote, or the next sender's heading. */
function quoteEnd(text: string, start: number): number {
  let at = start;
  while (at < text.length) {
    const lineEnd = text.indexOf('\n', at) === -1 ? text.length : text.indexOf('\n', at);
    const line = text.slice(at, lineEnd);
    if (!/^[ \t]*>/u.test(line) || /^[ \t]*>[ \t]*$/u.test(line) || /^[ \t]*>[ \t]*\*\*[^*\n]{1,60}\*\*[ \t]*(?:[·•,–-]|\()?/u.test(line)) break;
    at = lineEnd + 1;
  }
  return Math.max(start, Math.min(at, text.length) - 1);
}

/** English modal verbs that are first names too (`will`, `may`). */
const MODALS = new Set(['will', 'may', 'shall', 'can']);
/** A username: letters joined by dots, underscores or digits, no spaces (`linh.ng_04`, `navgjovik.ung`). */
const HANDLE = /^@?\p{L}[\p{L}\p{N}]*(?:[._][\p{L}\p{N}]+)+_?$|^@?\p{L}+\d+$|^@?\p{L}[\p{L}\p{N}]*_$/u;
/** A username with a dot or an underscore, then only emoji or symbols (`rojda.x 🌸`). */
const HANDLE_BEFORE_SYMBOLS = /^[ \t]*(@?\p{L}[\p{L}\p{N}]*(?:[._][\p{L}\p{N}]+)+)[ \t]*[^\p{L}\p{M}\p{N}\s]+[ \t]*$/u;
/** A verb in the present or a modal right after a word, or `you`: the word does something or is called (`bo sitter`, `dag kan`, `hunter u owe me`). */
const ACTS_AFTER = /^ (?:\p{Ll}{2,}(?:er|ar|ir|yr)|kan|skal|vil|må|har|e|er|sa|sier|is|was|can|will|has|u|you|ur|du)(?![\p{L}])|^ (?:og|and|&) \p{Lu}/u;
/** An article, a determiner or an adjective of greeting right before a word: the word is a noun (`the sky`, `god dag`, `min tur`). */
const DETERMINER_BEFORE = /(?:^|[^\p{L}])(?:the|a|an|my|your|his|her|our|their|this|that|en|ei|et|den|det|min|mi|mitt|din|di|ditt|vår|god|godt|hele|neste)[ \t]+$/iu;
/** What stands before a sentence's first word in a message: its start, or a sentence's end. */
const SENTENCE_START_BEFORE = /(?:^|[.!?…][ \t]+)$/u;
/** A greeting or thanks right before a word: it calls someone (`takk tone`, `hei liv`). */
const GREETED_BEFORE = /(?:^|[^\p{L}])(?:takk|tusen takk|hei|hallo|heisann|hi|hey|hello|thanks|thank you|thx|ty|omg|lol|haha|yo|oi|mersi|merci)[ \t,]+$/iu;
/** What follows a name a message calls someone by: a comma, a sentence's end, the message's end. */
const VOCATIVE_AFTER = /^(?:[,!?.…]|\s*$|\s*\p{Extended_Pictographic})/u;

const PLACE_BEFORE = /(?:^|[^\p{L}])(?:i|på|fra|frå|til|in|from|to)[ \t]+$/u;
const NAMED_BEFORE = /(?:heter|heiter|kalles|kallast|named|called|name is)[ \t]+$/u;

/** The name a phone keeps a contact under (`lagret som «sindre fotball»`, `saved as "kwame 🏀"`): the words are a name's. */
const SAVED_AS = /(?:lagret|lagra|lagrat|saved|stored)[ \t]+(?:som|as)[ \t]+[«"“]([^»"”\n]{1,40})[»"”]/giu;

export function contactNames(text: string): AnonFinding[] {
  if (!text.includes('«') && !text.includes('"') && !text.includes('“')) return [];
  const names: AnonFinding[] = [];
  for (const m of text.matchAll(SAVED_AS)) {
    const start = m.index + m[0].length - m[1]!.length - 1;
    for (const w of m[1]!.matchAll(WORD)) {
      names.push({ type: 'person', span: { start: start + w.index, end: start + w.index + w[0].length }, text: w[0], score: 0.85, evidence: [{ kind: 'chat' }] });
    }
  }
  return names;
}

/** A sender that is no one's name: the study's pseudonym, or the writer themself. */
export function isAnonymousSender(name: string): boolean {
  // (`Veileder:`, `Mor:`, `NAV:`: a role or a service sends it, as a transcript's speaker label names one.)
  // (And a transcript's role, `[00:00:09] IP:`, `[00:00:02] **Int.:**`, as timed transcripts write their speakers.)
  return pseudonymSender(name) || /^(?:jeg|meg|me|eg|i|you|du|deg)$/iu.test(name) || isPersonWord(name.toLowerCase()) || name === 'NAV' || isSpeakerRole(name.replace(/[*_.]+/gu, ''));
}

/**
 * The study's pseudonym as a sender: a role and a number (`Ungdom 3`, `NAV-leder 12`), or a role and a letter (`Veileder K`,
 * `Informant A`); a first name and a letter is a name with its surname's initial, as phones keep contacts (`Kasia W`).
 */
function pseudonymSender(name: string): boolean {
  const m = PSEUDONYM.exec(name);
  if (!m) return false;
  const role = m[1]!.toLowerCase();
  return /\d/u.test(m[2]!) || isPersonCue(role) || isSpeakerRole(role) || role.includes('-');
}

/**
 * A word of a sender's name that names no one: a service, a role, kin or who the person is (`Tiril NAV`, `Marcus Reilly
 * (UiB)`, `Mama 💛`, `Skolen`, `Ingrid NAV ungdom`), as phones keep contacts and services sign their messages.
 */
function isAnonymousSenderWord(word: string): boolean {
  const lower = word.toLowerCase();
  return INSTITUTIONS.has(word) || isPersonWord(lower) || SENDING_PLACES.has(lower);
}

/** Places and services that send messages, as a phone keeps them (`Skolen`, `Legekontoret`, `Ukjent`). */
const SENDING_PLACES = new Set(
  'skolen skulen school kontoret office klubben club butikken banken bank jobben jobb job work legekontoret helsestasjonen apoteket tannlegen frisøren biblioteket barnehagen sfo ukjent unknown'.split(' '),
);

/** The words of a sender's name that are a name's, with their offsets in it. */
function senderNameWords(name: string): RegExpMatchArray[] {
  return isAnonymousSender(name.trim()) ? [] : [...name.matchAll(WORD)].filter((w) => !isAnonymousSenderWord(w[0]));
}

/** The lower-case words of the senders' names: names, not words the note writes (`yara`, `liv`). */
export function senderWords(text: string, messages: readonly ChatMessage[]): string[] {
  const words: string[] = [];
  for (const { sender } of messages) for (const [word] of senderNameWords(text.slice(sender.start, sender.end))) words.push(word.toLowerCase());
  return words;
}

/**
 * Names in the messages: every word of a sender's name, and a name the
 * note or the workspace confirms, written in lower case in a message
 * (`hei sara`).
 */
export function chatNames(
  text: string,
  messages: readonly ChatMessage[],
  isName: (word: string) => boolean,
  isPlace: (word: string) => boolean = () => false,
  /** Whether a lower-case word is a common word too (`young`, `sky`): then it is a sender's name only where it is called or acts. */
  isWord: (lower: string) => boolean = () => false,
  /** The senders' names' words in lower case (`senderWords`), where the caller has them already. */
  knownSenders?: ReadonlySet<string>,
): AnonFinding[] {
  const names: AnonFinding[] = [];
  const add = (start: number, end: number, type: 'person' | 'place' = 'person') =>
    names.push({ type, span: { start, end }, text: text.slice(start, end), score: 0.85, evidence: [{ kind: 'chat' }] });
  let senders = knownSenders;
  for (const { sender, body } of messages) {
    const senderText = text.slice(sender.start, sender.end);
    // A username is one name, whole (`linh.ng_04`, also with an emoji after it: `rojda.x 🌸`), unless it is the study's or a
    // service's.
    const handle = HANDLE.test(senderText.trim()) ? senderText.trim() : HANDLE_BEFORE_SYMBOLS.exec(senderText)?.[1];
    if (handle !== undefined && !isAnonymousSender(handle)) {
      const start = sender.start + senderText.indexOf(handle);
      add(start, start + handle.length);
    } else for (const w of senderNameWords(senderText)) {
      const start = sender.start + w.index!;
      const end = start + w[0].length;
      // A surname's initial after a name is the name's (`Kasia W`): one finding, as the study's people's forms are asked whole.
      const previous = names[names.length - 1];
      if (/^\p{Lu}$/u.test(w[0]) && previous && previous.span.start >= sender.start && /^[ \t]+$/u.test(text.slice(previous.span.end, start))) {
        previous.span.end = end;
        previous.text = text.slice(previous.span.start, end);
      } else add(start, end);
    }
    const bodyText = text.slice(body.start, body.end);
    for (const w of bodyText.matchAll(WORD)) {
      const word = w[0];
      // A sender named with a capital in a message (`is Sky coming?`), whatever else the word is.
      if (word[0] !== word[0]!.toLowerCase()) {
        if (word.length > 1 && word !== word.toUpperCase() && (senders ??= new Set(senderWords(text, messages))).has(word.toLowerCase()) && !SENTENCE_START_BEFORE.test(bodyText.slice(Math.max(0, w.index - 3), w.index))) {
          add(body.start + w.index, body.start + w.index + word.length);
        }
        continue;
      }
      // (A two-letter word only where it is a sender's name: `bo sitter alene`.)
      if (word.length < 2 || (word.length < 3 && !(senders ??= new Set(senderWords(text, messages))).has(word))) continue;
      // `hun heter rasha`: named in the message, in the message's lower case.
      const named = NAMED_BEFORE.test(bodyText.slice(Math.max(0, w.index - 16), w.index));
      const name = capitalised(word);
      // (A modal that is a sender's name too is the verb unless the message calls the person by it: `will u be there` is
      // the verb, `mersi will, i come` the name.)
      const modal = MODALS.has(word) && !VOCATIVE_AFTER.test(bodyText.slice(w.index + word.length, w.index + word.length + 2));
      // (So is a name that is also a Norwegian word, `bo`, `dag`, `vår`: the name only where it is called, or does something
      // in the present: `lol bo sitter alene`, `dag kan du`, not `kan bo hos pappa`, `god dag`.)
      // (After an article or a determiner it is the word whatever follows: `the sky is grey`, `god dag`.)
      const before = bodyText.slice(Math.max(0, w.index - 12), w.index);
      const asWord =
        (AMBIGUOUS.has(name) || isWord(word)) &&
        (DETERMINER_BEFORE.test(before) ||
          (!VOCATIVE_AFTER.test(bodyText.slice(w.index + word.length, w.index + word.length + 4)) &&
            !ACTS_AFTER.test(bodyText.slice(w.index + word.length, w.index + word.length + 16)) &&
            !GREETED_BEFORE.test(before)));
      if (named || (!modal && !asWord && isName(name))) add(body.start + w.index, body.start + w.index + word.length);
      // `sov hos dahlia i ørsta`: a place the lists know, in the message's lower case, after a preposition of place.
      else if (PLACE_BEFORE.test(bodyText.slice(Math.max(0, w.index - 6), w.index)) && isPlace(name)) {
        add(body.start + w.index, body.start + w.index + word.length, 'place');
      }
    }
  }
  return names;
}
