import type { Locale } from '../i18n/messages.js';

/** Why a copy counts: the first rule that singled it out (see docs/coders.md). */
export type CountReason = 'consensus' | 'reviewed' | 'primary' | 'undecided';

export interface NamedCopy {
  /** The note as messages name it. */
  name: string;
  coder: string | undefined;
}

/** A word where two copies of a transcript stop having the same words; `word` is empty past the end. */
export interface WordPlace {
  word: string;
  line: number;
}

/**
 * What Fieldnotes says about several coders' copies of one transcript, in
 * English and Bokmål: which copy the analysis counts and why, and what to
 * do when nothing decides.
 */
export interface CodersMessages {
  settingsNotMapping: string;
  unknownSetting(key: string, suggestions: string[]): string;
  primaryNotText: string;
  copy(id: string, coder: string | undefined, counted: NamedCopy, reason: CountReason): string;
  undecided(id: string, copies: NamedCopy[], used: NamedCopy): string;
  noCoder(id: string, others: string[]): string;
  wordsDiffer(id: string, counted: string, at: number, here: WordPlace, there: WordPlace): string;
}

const code = (s: string) => '`' + s + '`';
const join = (items: string[], and: string) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`);

const en: CodersMessages = {
  settingsNotMapping: '`coders` in fieldnotes.yaml must hold `key: value` lines, like `primary: [MT, AK]`.',
  unknownSetting: (key, suggestions) => `${code(key)} is not a setting under \`coders\` in fieldnotes.yaml${suggestions.length ? `; did you mean ${join(suggestions.map(code), 'or')}?` : '; the setting there is `primary`.'}`,
  primaryNotText: 'Each coder under `primary` in fieldnotes.yaml must be written as text: the initials the notes give as `coder`, like `primary: [MT, AK]`.',
  copy: (id, coder, counted, reason) => {
    const whose = coder === undefined ? 'This is a copy' : `This is ${coder}’s copy`;
    const why = {
      consensus: 'it says `consensus: true`',
      reviewed: 'it is the one copy with `status: reviewed`',
      primary: `${counted.coder ?? '?'} comes first among the primary coders in fieldnotes.yaml`,
      undecided: 'nothing decides between the copies, so the first by file name is used (see the warning there)',
    }[reason];
    const see = coder === undefined ? '' : ` It shows when you choose the coder ${coder} (\`fieldnotes report --coder ${coder}\`, the Evidence view’s coder filter, the analysis page)`;
    return `${whose} of the transcript ${code(id)}. The analysis counts ${counted.name} instead, because ${why}.${see}${see ? ' and' : ' It shows'} in \`fieldnotes agree\`.`;
  },
  undecided: (id, copies, used) => {
    const coders = copies.map((c) => c.coder);
    const same = new Set(coders).size < coders.length;
    const list = join(copies.map((c) => `${c.name} (${c.coder ?? 'no coder'})`), 'and');
    return (
      `The transcript ${code(id)} has ${copies.length} copies, ${list}, and nothing says which one the analysis should count; it counts ${used.name} for now. ` +
      (same
        ? 'Two copies name the same coder: if one is an old copy, move it out of the study (or leave it out with `fieldnotes.exclude`); if it is another transcript, give it its own `id`.'
        : 'Name the primary coders in fieldnotes.yaml (`coders: { primary: [' + (used.coder ?? 'MT') + '] }`), or mark the agreed copy `consensus: true` in its front matter.')
    );
  },
  noCoder: (id, others) => `${join(others, 'and')} ${others.length === 1 ? 'has' : 'have'} the id ${code(id)} too, and this note does not say who coded it. If it is a coder’s copy of that transcript, add \`coder:\` with the coder’s initials to the front matter; if it is another transcript, give it its own \`id\`.`,
  wordsDiffer: (id, counted, at, here, there) =>
    `This copy of ${code(id)} does not have the same words as ${counted}, the copy the analysis counts: word ${at} is ${here.word ? `“${here.word}” here (line ${here.line})` : 'missing here (the note ends)'} and ${there.word ? `“${there.word}” there (line ${there.line})` : 'missing there (it ends)'}. ` +
    'Correct the transcript so both copies have the same words; if it is another transcript, give it its own `id`.',
};

const nb: CodersMessages = {
  settingsNotMapping: '`coders` i fieldnotes.yaml må ha linjer med `nøkkel: verdi`, som `primary: [MT, AK]`.',
  unknownSetting: (key, suggestions) => `${code(key)} er ikke en innstilling under \`coders\` i fieldnotes.yaml${suggestions.length ? `; mente du ${join(suggestions.map(code), 'eller')}?` : '; innstillingen der heter `primary`.'}`,
  primaryNotText: 'Hver koder under `primary` i fieldnotes.yaml må skrives som tekst: initialene notatene oppgir som `coder`, som `primary: [MT, AK]`.',
  copy: (id, coder, counted, reason) => {
    const whose = coder === undefined ? 'Dette er en kopi' : `Dette er kopien til ${coder}`;
    const why = {
      consensus: 'den har `consensus: true`',
      reviewed: 'den er den eneste kopien med `status: reviewed`',
      primary: `${counted.coder ?? '?'} står først blant hovedkoderne i fieldnotes.yaml`,
      undecided: 'ingenting avgjør mellom kopiene, så den første etter filnavn brukes (se advarselen der)',
    }[reason];
    const see = coder === undefined ? '' : ` Den vises når du velger koderen ${coder} (\`fieldnotes report --coder ${coder}\`, koderfilteret i Evidens-visningen, analysesiden)`;
    return `${whose} av transkripsjonen ${code(id)}. Analysen teller ${counted.name} i stedet, fordi ${why}.${see}${see ? ' og' : ' Den vises'} i \`fieldnotes agree\`.`;
  },
  undecided: (id, copies, used) => {
    const coders = copies.map((c) => c.coder);
    const same = new Set(coders).size < coders.length;
    const list = join(copies.map((c) => `${c.name} (${c.coder ?? 'ingen koder'})`), 'og');
    return (
      `Transkripsjonen ${code(id)} har ${copies.length} kopier, ${list}, og ingenting sier hvilken analysen skal telle; foreløpig teller den ${used.name}. ` +
      (same
        ? 'To kopier oppgir samme koder: er den ene en gammel kopi, flytt den ut av studien (eller utelat den med `fieldnotes.exclude`); er den en annen transkripsjon, gi den sin egen `id`.'
        : 'Oppgi hovedkoderne i fieldnotes.yaml (`coders: { primary: [' + (used.coder ?? 'MT') + '] }`), eller merk den omforente kopien med `consensus: true` i front matter.')
    );
  },
  noCoder: (id, others) => `${join(others, 'og')} har også id-en ${code(id)}, og dette notatet sier ikke hvem som kodet det. Er det en koders kopi av den transkripsjonen, legg til \`coder:\` med koderens initialer i front matter; er det en annen transkripsjon, gi det sin egen \`id\`.`,
  wordsDiffer: (id, counted, at, here, there) =>
    `Denne kopien av ${code(id)} har ikke de samme ordene som ${counted}, kopien analysen teller: ord ${at} er ${here.word ? `«${here.word}» her (linje ${here.line})` : 'borte her (notatet slutter)'} og ${there.word ? `«${there.word}» der (linje ${there.line})` : 'borte der (det slutter)'}. ` +
    'Rett transkripsjonen så begge kopiene har de samme ordene; er det en annen transkripsjon, gi den sin egen `id`.',
};

export function codersMessagesFor(locale: Locale): CodersMessages {
  return locale === 'nb' ? nb : en;
}
