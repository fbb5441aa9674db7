import type { Locale } from '../core/i18n/messages.js';

/** What the editor's exports (`fieldnotes/export`) say, in English and Bokmål: what was written, or what is wrong and what to do. */
export interface ExportMessages {
  /** How messages name the whole workspace, when no folder was chosen. */
  workspace: string;
  severalCodebooks(codebooks: string[]): string;
  noCodebook(place: string): string;
  noNotes(place: string): string;
  noNotesForCodebook(codebook: string): string;
  leftOut(note: string): string;
  extraCodes(codes: string[]): string;
  /** A memo or review comment with coded segments, kept in the source's text instead of becoming a note. */
  calloutKept(file: string, line: number, kind: 'memo' | 'review'): string;
  failed(file: string, detail: string): string;
  wroteQdc(file: string, codes: number): string;
  /** `texts` sources, `withCopies` of them holding several coders' codings. */
  wroteQdpx(file: string, texts: number, withCopies: number, selections: number): string;
  wroteCsv(file: string, rows: number): string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const codeList = (codes: string[]) => codes.map((c) => '#' + c).join(', ');

const en: ExportMessages = {
  workspace: 'the workspace',
  severalCodebooks: (c) =>
    `The notes use ${c.length} codebooks (${c.join(', ')}), and a REFI-QDA project holds one. In the Explorer, right-click one codebook.yaml, or a folder whose notes share one codebook, and export from there.`,
  noCodebook: (p) => `No codebook.yaml found for ${p}. Put one in the folder or a folder above, or name one in the "fieldnotes.codebook" setting.`,
  noNotes: (p) => `There are no notes (*.fn.md) in ${p} to export. Choose a folder that holds notes; notes the "fieldnotes.exclude" setting leaves out are never exported.`,
  noNotesForCodebook: (c) => `No note uses ${c}, so there is nothing to export. Choose another codebook, or a folder that holds notes.`,
  leftOut: (n) => `${n} was not exported: no codebook was found for it.`,
  extraCodes: (c) => `Codes used in notes but missing from the codebook were exported as codes of their own: ${codeList(c)}. Add them to the codebook, or correct the notes (the Problems panel shows where).`,
  calloutKept: (f, l, kind) => {
    const it = kind === 'memo' ? 'memo' : 'review comment';
    return `The ${it} on line ${l} of ${f} holds coded segments, so it stays in the exported text, where its codings are, and is not exported as a note. If the coded words are transcript that the ${it} swallowed (no blank line under it; the Problems panel shows where), put a blank line before them and export again; if you coded the ${it}'s own words, take the codes out to export it as a note.`;
  },
  failed: (f, d) => `Could not write ${f} (${d}). Nothing was written; choose another place or name.`,
  wroteQdc: (f, c) => `Exported ${f}: the codebook, ${plural(c, 'code', 'codes')}.`,
  wroteQdpx: (f, n, c, s) => `Exported ${f}: ${plural(n, 'text', 'texts')}${c ? ` (${c} of them coded by several coders)` : ''}, ${plural(s, 'coded segment', 'coded segments')}.`,
  wroteCsv: (f, r) => `Exported ${f}: ${plural(r, 'row', 'rows')}, one per code on a segment.`,
};

const nb: ExportMessages = {
  workspace: 'arbeidsområdet',
  severalCodebooks: (c) =>
    `Notatene bruker ${c.length} kodebøker (${c.join(', ')}), og et REFI-QDA-prosjekt har én. Høyreklikk på én codebook.yaml i utforskeren, eller på en mappe der notatene deler én kodebok, og eksporter derfra.`,
  noCodebook: (p) => `Fant ingen codebook.yaml for ${p}. Legg en i mappen eller en mappe over, eller angi en i innstillingen «fieldnotes.codebook».`,
  noNotes: (p) => `Det finnes ingen notater (*.fn.md) i ${p} å eksportere. Velg en mappe med notater; notater som innstillingen «fieldnotes.exclude» holder utenfor, blir aldri eksportert.`,
  noNotesForCodebook: (c) => `Ingen notater bruker ${c}, så det er ingenting å eksportere. Velg en annen kodebok, eller en mappe med notater.`,
  leftOut: (n) => `${n} ble ikke eksportert: fant ingen kodebok for det.`,
  extraCodes: (c) => `Koder som brukes i notatene, men mangler i kodeboken, ble eksportert som egne koder: ${codeList(c)}. Legg dem til i kodeboken, eller rett notatene (Problemer-panelet viser hvor).`,
  calloutKept: (f, l, kind) => {
    const [it, its] = kind === 'memo' ? ['memoet', 'det'] : ['kommentaren', 'den'];
    return `${kind === 'memo' ? 'Memoet' : 'Kommentaren'} på linje ${l} i ${f} har kodede segmenter, så ${its} blir stående i den eksporterte teksten, der kodingene er, og eksporteres ikke som et notat. Er de kodede ordene transkripsjon som ${it} har slukt (ingen tom linje under ${its}; Problemer-panelet viser hvor), sett inn en tom linje foran dem og eksporter på nytt; har du kodet ordene i ${it} selv, ta ut kodene for å eksportere ${its} som et notat.`;
  },
  failed: (f, d) => `Kunne ikke skrive ${f} (${d}). Ingenting ble skrevet; velg et annet sted eller navn.`,
  wroteQdc: (f, c) => `Eksporterte ${f}: kodeboken, ${plural(c, 'kode', 'koder')}.`,
  wroteQdpx: (f, n, c, s) => `Eksporterte ${f}: ${plural(n, 'tekst', 'tekster')}${c ? ` (${c} av dem kodet av flere kodere)` : ''}, ${plural(s, 'kodet segment', 'kodede segmenter')}.`,
  wroteCsv: (f, r) => `Eksporterte ${f}: ${plural(r, 'rad', 'rader')}, én per kode på et segment.`,
};

export function exportMessagesFor(locale: Locale): ExportMessages {
  return locale === 'nb' ? nb : en;
}
