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
/** `brukernavnet sara_99`, `snap: yas.min`, `@yas.min`. */
const CUED = new RegExp(String.raw`(?:brukernavn(?:et)?|brukarnamn(?:et)?|username|handle|snap(?:chat)?|insta(?:gram)?|tiktok|discord)[ \t]*:?[ \t]+[«"“@]?(${HANDLE})|(?<![\p{L}\p{N}.])@(${HANDLE})`, 'giu');
/** A first name joined to more by a dot or an underscore (`rasa.n`, `mathis.bals`, `amina_k`). */
const JOINED = new RegExp(String.raw`(?<![\p{L}\p{N}@._/-])(\p{Ll}{3,})[._]([\p{Ll}\p{N}]+)(?![\p{L}\p{N}@/-]|[._]\p{L})`, 'gu');
/** What follows a dot in a web address rather than a handle (`nav.no`, `gov.uk`). */
const DOMAIN_ENDINGS = new Set(['no', 'com', 'org', 'net', 'uk', 'ie', 'se', 'dk', 'fi', 'de', 'eu', 'edu', 'gov', 'info', 'io', 'html', 'pdf', 'docx', 'md', 'txt']);

export function handleNames(text: string, isFirstName: (name: string) => boolean): AnonFinding[] {
  if (!text.includes('.') && !text.includes('_') && !text.includes('@')) return [];
  const found = new Map<number, AnonFinding>();
  const add = (start: number, handle: string, cue: string) => {
    if (!found.has(start)) found.set(start, { type: 'person', span: { start, end: start + handle.length }, text: handle, score: 0.85, evidence: [{ kind: 'shape', cue }] });
  };
  for (const m of text.matchAll(MAPPED)) add(m.index + m[0].indexOf(m[1]!), m[1]!, 'handle');
  for (const m of text.matchAll(CUED)) {
    const handle = m[1] ?? m[2]!;
    // (A handle holds a dot, an underscore or a digit: `snap: hei` is a word after the name of an app.)
    if (/[._\d]/u.test(handle) || m[2] !== undefined) add(m.index + m[0].lastIndexOf(handle), handle, 'handle');
  }
  for (const m of text.matchAll(JOINED)) {
    // (Letters after the dot, as a surname's or its initial: `per.2` is a numbering.)
    if (DOMAIN_ENDINGS.has(m[2]!) || !/\p{L}/u.test(m[2]!) || !isFirstName(m[1]![0]!.toUpperCase() + m[1]!.slice(1))) continue;
    add(m.index, m[0], 'handle');
  }
  return [...found.values()].sort((a, b) => a.span.start - b.span.start);
}
