import type { AnonFinding } from './types.js';

/**
 * Usernames, as young people's accounts are named and notes copy them
 * (`mathis.bals`, `ande_k`, `«stormen» = Storm Isaksen`): an account's
 * name identifies its owner as a name does. Found where a note maps one
 * to a person (`«ande_k» = Ánde Kemi`), where a cue names it (`brukernavnet
 * sara_99`, `on snap: yas.min`), or where it joins a first name the lists
 * know with a dot or an underscore (`rasa.n`, `mathis.bals`), unless it is
 * an address's or a web site's (`nav.no`, `kari@uib.no`).
 */

/** A handle's letters, digits, dots and underscores, starting with a letter. */
const HANDLE = String.raw`\p{Ll}[\p{Ll}\p{N}]*(?:[._][\p{Ll}\p{N}]+)*`;
/** `«ande_k» = Ánde Kemi`: a quoted handle set equal to a name. */
const MAPPED = new RegExp(String.raw`[«"“](${HANDLE})[»"”][ \t]*(?:=|→|->|er|is)[ \t]*\p{Lu}`, 'gu');
/**
 * `jojo.reyes = Joshua Reyes`: a key's line, a handle unquoted (a dot, an underscore or a digit in it) set equal to a name;
 * read back from the equals sign (a pattern starting with the handle would be tried at every letter of the note).
 */
const HANDLE_BEFORE_EQUALS = new RegExp(String.raw`(?<![\p{L}\p{N}._@/])(${HANDLE})[ \t]*$`, 'u');
const NAME_AFTER_EQUALS = /^[ \t]*\p{Lu}/u;
/**
 * `brukernavnet sara_99`, `snap: yas.min`, `@yas.min`, `jeg heter yusuf.h_99 der` (a handle is what one is called there),
 * `I'm jjmcb04 on there`.
 */
const CUED = new RegExp(String.raw`(?:brukernavn(?:et)?|brukarnamn(?:et)?|username|handle|snap(?:chat)?|insta(?:gram)?|tiktok|discord|heter|heiter|called|named)[ \t]*:?[ \t]+[«"“@]?(${HANDLE})|(?<![\p{L}\p{N}.])@(${HANDLE})|(?:I['’]m|I[ \t]+am|jeg[ \t]+er|eg[ \t]+er)[ \t]+(${HANDLE})[ \t]+(?:on|der|på)[ \t]+(?:there|it|snap(?:chat)?|insta(?:gram)?|tiktok|discord)(?![\p{L}])`, 'giu');
/** What follows a dot in a web address rather than a handle (`nav.no`, `gov.uk`). */
const DOMAIN_ENDINGS = new Set(['no', 'com', 'org', 'net', 'uk', 'ie', 'se', 'dk', 'fi', 'de', 'eu', 'edu', 'gov', 'info', 'io', 'html', 'pdf', 'docx', 'md', 'txt']);

/** What a chat or a planner writes after `@` to call everyone: no one's account. */
const GROUP_MENTIONS = new Set(['channel', 'here', 'everyone', 'all', 'alle', 'allie', 'team', 'teamet', 'gruppa', 'gruppen']);

/** The words that name an account before it (`brukernavnet`, `snap:`), as a note writes them. */
const CUE_WORDS = ['brukernavn', 'brukernavnet', 'brukarnamn', 'brukarnamnet', 'username', 'handle', 'snap', 'snapchat', 'insta', 'instagram', 'tiktok', 'discord'];

/** Whether a note's words (lower case) or capitalised words name an account's app or the word for one: asked once per note. */
export function mayNameAccounts(vocabulary: ReadonlySet<string>, mentions: ReadonlySet<string>): boolean {
  return CUE_WORDS.some((word) => vocabulary.has(word) || mentions.has(word[0]!.toUpperCase() + word.slice(1)));
}

/** The usernames a note holds; `cued`: whether it writes a word that names an account (`mayNameAccounts`). */
export function handleNames(text: string, isFirstName: (name: string) => boolean, cued: boolean): AnonFinding[] {
  const found = new Map<number, AnonFinding>();
  const add = (start: number, handle: string, cue: string) => {
    if (!found.has(start)) found.set(start, { type: 'person', span: { start, end: start + handle.length }, text: handle, score: 0.85, evidence: [{ kind: 'shape', cue }] });
  };
  if (text.includes('=') || text.includes('→') || text.includes('->')) for (const m of text.matchAll(MAPPED)) add(m.index + m[0].indexOf(m[1]!), m[1]!, 'handle');
  for (let equals = text.indexOf('='); equals !== -1; equals = text.indexOf('=', equals + 1)) {
    if (!NAME_AFTER_EQUALS.test(text.slice(equals + 1, equals + 4))) continue;
    const before = text.slice(Math.max(0, equals - 40), equals);
    const handle = HANDLE_BEFORE_EQUALS.exec(before)?.[1];
    if (handle && /[._\d]/u.test(handle)) add(equals - before.length + before.lastIndexOf(handle), handle, 'handle');
  }
  if (cued || text.includes('@')) {
    for (const m of text.matchAll(CUED)) {
      const handle = m[1] ?? m[2] ?? m[3]!;
      // (A handle holds a dot, an underscore or a digit: `snap: hei` is a word after the name of an app. `@channel`, `@alle`
      // call a whole group.)
      if ((/[._\d]/u.test(handle) || m[2] !== undefined) && !GROUP_MENTIONS.has(handle)) add(m.index + m[0].lastIndexOf(handle), handle, 'handle');
    }
  }
  for (const joined of joinedNames(text)) {
    const [first, rest] = joined.text.split(/[._]/u, 2) as [string, string];
    // (Letters after the dot, as a surname's or its initial: `per.2` is a numbering; `nav.no` a web site.)
    if (DOMAIN_ENDINGS.has(rest) || !/\p{L}/u.test(rest) || !isFirstName(first[0]!.toUpperCase() + first.slice(1))) continue;
    add(joined.start, joined.text, 'handle');
  }
  return [...found.values()].sort((a, b) => a.span.start - b.span.start);
}

const isLower = (c: string | undefined) => c !== undefined && c !== c.toUpperCase() && c === c.toLowerCase();
const isLowerOrDigit = (c: string | undefined) => isLower(c) || (c !== undefined && c >= '0' && c <= '9');

/**
 * Words of three lower-case letters or more joined to letters or digits by one dot or underscore (`rasa.n`, `mathis.bals`),
 * found from the dots and underscores themselves (looked for with `indexOf`): most are a sentence's end, ruled out by
 * the space after them.
 */
function joinedNames(text: string): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  for (const joiner of ['.', '_']) {
    for (let i = text.indexOf(joiner, 1); i !== -1 && i < text.length - 1; i = text.indexOf(joiner, i + 1)) {
      if (!isLower(text[i - 1]) || !isLowerOrDigit(text[i + 1])) continue;
      let start = i - 1;
      while (start > 0 && isLower(text[start - 1])) start--;
      let end = i + 1;
      while (end < text.length && isLowerOrDigit(text[end])) end++;
      const before = text[start - 1];
      const after = text[end];
      // (Not part of an address, a path or a longer name: `kari.holm@uib.no`, `www.nav.no`, `a.b.c`.)
      const joinedOn = (after === '.' || after === '_') && isLowerOrDigit(text[end + 1]);
      const bounded = (before === undefined || !/[\p{L}\p{N}@._/-]/u.test(before)) && (after === undefined || !/[\p{L}\p{N}@/-]/u.test(after)) && !joinedOn;
      if (i - start >= 3 && bounded) out.push({ start, text: text.slice(start, end) });
      i = end - 1;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * A username's other places in the note (`sniperbaba04 — Today at 14:11` … `sniperbaba04 is Farid`): a handle names one
 * account, so the string as written is that person wherever it stands as a word of its own (after an `@` too). Only
 * what looks like a handle, not a name: a dot, an underscore or a digit in it, or a capital after a small letter
 * (`xXdarkangelXx`).
 */
export function handlesAgain(text: string, found: readonly AnonFinding[]): AnonFinding[] {
  const handles = new Set(found.filter((f) => f.type === 'person' && HANDLE_SHAPED.test(f.text) && /[._\d]|\p{Ll}\p{Lu}/u.test(f.text)).map((f) => f.text));
  const out: AnonFinding[] = [];
  for (const handle of handles) {
    for (let at = text.indexOf(handle); at !== -1; at = text.indexOf(handle, at + handle.length)) {
      const before = text[at - 1];
      const after = text[at + handle.length];
      if ((before !== undefined && /[\p{L}\p{N}_.]/u.test(before)) || (after !== undefined && /^(?:[\p{L}\p{N}_]|\.[\p{L}\p{N}])/u.test(after + (text[at + handle.length + 1] ?? '')))) continue;
      out.push({ type: 'person', span: { start: at, end: at + handle.length }, text: handle, score: 0.85, evidence: [{ kind: 'consistency', where: 'note' }] });
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** A username's letters, digits, dots and underscores, three or more, starting with a letter. */
const HANDLE_SHAPED = /^\p{L}[\p{L}\p{N}._]{2,}$/u;
