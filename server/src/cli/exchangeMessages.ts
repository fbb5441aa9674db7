import type { Locale } from '../core/i18n/messages.js';

/** What `fieldnotes export` and `fieldnotes import` say, in English and Bokmål. */
export interface ExchangeMessages {
  exportWhat: string;
  importWhat: string;
  importBoth: string;
  severalCodebooks(codebooks: string[]): string;
  noCodebook(place: string): string;
  leftOut(note: string, reason: string): string;
  extraCodes(codes: string[]): string;
  /** A memo or review comment with coded segments, kept in the source's text instead of becoming a note. */
  calloutKept(file: string, line: number, kind: 'memo' | 'review'): string;
  exists(files: string[]): string;
  failed(file: string, detail: string): string;
  wroteQdc(file: string, codes: number): string;
  /** `texts` sources, `withCopies` of them holding several coders' codings. */
  wroteQdpx(file: string, texts: number, withCopies: number, selections: number): string;
  wroteCsv(file: string, rows: number): string;
  notReadable(file: string, detail: string): string;
  imported(target: string, notes: number, problems: number): string;
  importedCodebook(target: string, codes: number, problems: number): string;
  nothingImported(file: string): string;

  // Writing an import's folder whole (core/workspace/writeFolder.ts)
  /** Files in the folder the import does not write; `more`: there are others besides. */
  folderHasOthers(folder: string, files: string[], more: boolean): string;
  notAFolder(path: string): string;
  workingFolder(folder: string): string;
  /** A folder an interrupted import had moved aside, put back. */
  restored(folder: string): string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const en: ExchangeMessages = {
  exportWhat: 'Say what to export: --qdc <file> (the codebook), --qdpx <file> (the project) or --csv <file> (the coded segments). See fieldnotes --help.',
  importWhat: 'Say what to import: --qdc <file> (a codebook) or --qdpx <file> (a project). See fieldnotes --help.',
  importBoth: 'Import one file at a time: --qdc or --qdpx, not both.',
  severalCodebooks: (c) => `The notes use ${c.length} codebooks (${c.join(', ')}), and a REFI-QDA project holds one. Export each folder on its own, or name one codebook with --codebook.`,
  noCodebook: (p) => `No codebook.yaml found for ${p}. Name one with --codebook.`,
  leftOut: (n, r) => `${n}: not exported: ${r}`,
  extraCodes: (c) => `Codes used in notes but missing from the codebook were exported as codes of their own: ${c.map((x) => '#' + x).join(', ')}. Add them to the codebook, or correct the notes (fieldnotes check shows where).`,
  calloutKept: (f, l, kind) => {
    const it = kind === 'memo' ? 'memo' : 'review comment';
    return `${f}:${l}: this ${it} holds coded segments, so it stays in the exported text, where its codings are, and is not exported as a note. If the coded words are transcript that the ${it} swallowed (no blank line under it; fieldnotes check warns there), put a blank line before them and export again; if you coded the ${it}'s own words, take the codes out to export it as a note.`;
  },
  exists: (f) => `Not written, because ${f.length === 1 ? 'this file exists' : 'these files exist'}: ${f.join(', ')}. Choose another name, or add --force to replace ${f.length === 1 ? 'it' : 'them'}.`,
  failed: (f, d) => `Could not write ${f} (${d}). Nothing was written.`,
  wroteQdc: (f, c) => `Wrote ${f}: the codebook, ${plural(c, 'code', 'codes')}.`,
  wroteQdpx: (f, n, c, s) => `Wrote ${f}: ${plural(n, 'text', 'texts')}${c ? ` (${c} of them coded by several coders)` : ''}, ${plural(s, 'coded segment', 'coded segments')}.`,
  wroteCsv: (f, r) => `Wrote ${f}: ${plural(r, 'row', 'rows')}, one per code on a segment.`,
  notReadable: (f, d) => `Could not read ${f}: ${d}`,
  imported: (t, n, p) => `Wrote ${t}: codebook.yaml and ${plural(n, 'note', 'notes')}${p ? `; ${plural(p, 'thing', 'things')} to know above` : ''}.`,
  importedCodebook: (t, c, p) => `Wrote ${t}: ${plural(c, 'code', 'codes')}${p ? `; ${plural(p, 'thing', 'things')} to know above` : ''}.`,
  nothingImported: (f) => `Nothing could be imported from ${f}; nothing was written.`,

  folderHasOthers: (d, f, more) =>
    `Not written: ${d} holds files this import does not write (${f.join(', ')}${more ? ', and more' : ''}). An import replaces its folder as a whole, so it would delete them: import into a new folder with --out, or move those files out of ${d} first.`,
  notAFolder: (p) => `Not written: ${p} is a file, not a folder. Name a folder for the import with --out.`,
  workingFolder: (d) => `Not written: ${d} is the folder you are working in, and an import replaces its folder as a whole. Run the command from the folder above it, or import into a new folder with --out.`,
  restored: (d) => `An earlier import into ${d} was interrupted before it was done; ${d} has been put back as it was before that import.`,
};

const nb: ExchangeMessages = {
  exportWhat: 'Si hva som skal eksporteres: --qdc <fil> (kodeboken), --qdpx <fil> (prosjektet) eller --csv <fil> (de kodede segmentene). Se fieldnotes --help.',
  importWhat: 'Si hva som skal importeres: --qdc <fil> (en kodebok) eller --qdpx <fil> (et prosjekt). Se fieldnotes --help.',
  importBoth: 'Importer én fil om gangen: --qdc eller --qdpx, ikke begge.',
  severalCodebooks: (c) => `Notatene bruker ${c.length} kodebøker (${c.join(', ')}), og et REFI-QDA-prosjekt har én. Eksporter hver mappe for seg, eller velg én kodebok med --codebook.`,
  noCodebook: (p) => `Fant ingen codebook.yaml for ${p}. Velg en med --codebook.`,
  leftOut: (n, r) => `${n}: ikke eksportert: ${r}`,
  extraCodes: (c) => `Koder som brukes i notatene, men mangler i kodeboken, ble eksportert som egne koder: ${c.map((x) => '#' + x).join(', ')}. Legg dem til i kodeboken, eller rett notatene (fieldnotes check viser hvor).`,
  calloutKept: (f, l, kind) => {
    const [it, its] = kind === 'memo' ? ['memoet', 'det'] : ['kommentaren', 'den'];
    return `${f}:${l}: ${kind === 'memo' ? 'dette memoet' : 'denne kommentaren'} har kodede segmenter, så ${its} blir stående i den eksporterte teksten, der kodingene er, og eksporteres ikke som et notat. Er de kodede ordene transkripsjon som ${it} har slukt (ingen tom linje under ${its}; fieldnotes check advarer der), sett inn en tom linje foran dem og eksporter på nytt; har du kodet ordene i ${it} selv, ta ut kodene for å eksportere ${its} som et notat.`;
  },
  exists: (f) => `Ikke skrevet, fordi ${f.length === 1 ? 'denne filen finnes' : 'disse filene finnes'}: ${f.join(', ')}. Velg et annet navn, eller legg til --force for å erstatte ${f.length === 1 ? 'den' : 'dem'}.`,
  failed: (f, d) => `Kunne ikke skrive ${f} (${d}). Ingenting ble skrevet.`,
  wroteQdc: (f, c) => `Skrev ${f}: kodeboken, ${plural(c, 'kode', 'koder')}.`,
  wroteQdpx: (f, n, c, s) => `Skrev ${f}: ${plural(n, 'tekst', 'tekster')}${c ? ` (${c} av dem kodet av flere kodere)` : ''}, ${plural(s, 'kodet segment', 'kodede segmenter')}.`,
  wroteCsv: (f, r) => `Skrev ${f}: ${plural(r, 'rad', 'rader')}, én per kode på et segment.`,
  notReadable: (f, d) => `Kunne ikke lese ${f}: ${d}`,
  imported: (t, n, p) => `Skrev ${t}: codebook.yaml og ${plural(n, 'notat', 'notater')}${p ? `; ${plural(p, 'ting', 'ting')} å vite over` : ''}.`,
  importedCodebook: (t, c, p) => `Skrev ${t}: ${plural(c, 'kode', 'koder')}${p ? `; ${plural(p, 'ting', 'ting')} å vite over` : ''}.`,
  nothingImported: (f) => `Ingenting kunne importeres fra ${f}; ingenting ble skrevet.`,

  folderHasOthers: (d, f, more) =>
    `Ikke skrevet: ${d} har filer denne importen ikke skriver (${f.join(', ')}${more ? ' med flere' : ''}). En import erstatter mappen sin som helhet, så den ville slette dem: importer til en ny mappe med --out, eller flytt de filene ut av ${d} først.`,
  notAFolder: (p) => `Ikke skrevet: ${p} er en fil, ikke en mappe. Oppgi en mappe for importen med --out.`,
  workingFolder: (d) => `Ikke skrevet: ${d} er mappen du står i, og en import erstatter mappen sin som helhet. Kjør kommandoen fra mappen over, eller importer til en ny mappe med --out.`,
  restored: (d) => `En tidligere import til ${d} ble avbrutt før den var ferdig; ${d} er satt tilbake slik den var før den importen.`,
};

export function exchangeMessagesFor(locale: Locale): ExchangeMessages {
  return locale === 'nb' ? nb : en;
}
