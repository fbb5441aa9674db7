import type { CodeReading, CompareFigures } from '../../server/src/protocol/requests.js';

/**
 * The extension's own sentences (prompts, the Evidence view, the status
 * bar), in English and Bokmål. The manifest's titles live in
 * package.nls.json and package.nls.nb.json; the server's messages in the
 * core's catalog.
 */
export interface ClientMessages {
  openNoteFirst: string;
  noCodebook: string;
  pickCode: string;
  pickCodeTitle: string;
  pickReading(code: string): string;
  readingDetail: string;
  evidenceUnavailable: string;
  noSegments: string;
  segments(n: number): string;
  filterCase: string;
  filterCoder: string;
  everyCase: string;
  everyCoder: string;
  uncountedCopies(n: number): string;
  filterShown(parts: string[]): string;
  statusTooltip: string;
  statusNoCodes: string;
  reloadForLanguage: string;
  reload: string;
  noteKeptChanging: string;
  analysisTitle: string;
  openReviews(n: number): string;
  compareTitle: string;
  comparePick: string;
  comparePickCopy(id: string): string;
  copiesOf(id: string): string;
  otherNotes: string;
  copyDetail(coder: string | undefined, counts: boolean): string;
  openNoteToCompare: string;
  compareUnavailable: string;
  thisNote: string;
  codings(codes: CodeReading[]): string;
  theirCodes(coder: string, codes: CodeReading[]): string;
  disagreement(here: string, hereCodes: CodeReading[], there: string, thereCodes: CodeReading[]): string;
  disagreements(n: number): string;
  runTooltip(line: number, words: number): string;
  noDisagreements(here: string, there: string): string;
  comparing(here: string, there: string): string;
  compareFigures(figures: CompareFigures): string;
  inflatedByUncoded: string;
  comparisonOutOfDate(note: string): string;
  compareAgain(other: string): string;
  noComparison: string;
  reviewWithoutText: string;
  codebookStatusName: string;
  codeCount(n: number): string;
  codebookSummary(name: string, title: string | undefined, dimensions: number, codes: number): string;
  codebookProblems(n: number): string;
  openCodebook: string;
  noCodebookShort: string;
  serverStopped: string;
  serverStoppedTooltip: string;
  exportQdcTitle: string;
  exportQdpxTitle: string;
  exportCsvTitle: string;
  qdcFilter: string;
  qdpxFilter: string;
  csvFilter: string;
  exportSave: string;
  exporting(file: string): string;
  revealExport: string;
  exportUnavailable: string;
  exportFailed(detail: string): string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
/** Figures as `fieldnotes agree` prints them: three decimals, n/a where undefined. */
const figure = (value: number | null) => (value === null ? 'n/a' : value.toFixed(3));
const codeList = (codes: CodeReading[], none: string) => codes.map((c) => `#${c.code}${c.reading ? ` (${c.reading})` : ''}`).join(' ') || none;

const en: ClientMessages = {
  openNoteFirst: 'Open a field note (a *.fn.md file) and select the words to code.',
  noCodebook: 'This note has no codebook: put a codebook.yaml in its folder or a folder above, or set "fieldnotes.codebook".',
  pickCode: 'Type to filter codes by name, dimension or description',
  pickCodeTitle: 'Code selection',
  pickReading: (code) => `#${code} can be read either way: which pole does this segment support?`,
  readingDetail: 'the evidence reading (evidence=)',
  evidenceUnavailable: 'The Evidence view could not be filled: the Fieldnotes language server is not running. Run "Fieldnotes: Restart language server".',
  noSegments: 'No coded segments match.',
  segments: (n) => plural(n, 'segment', 'segments'),
  filterCase: 'Show the evidence of one case',
  filterCoder: 'Show the evidence of one coder',
  everyCase: 'Every case',
  everyCoder: 'The study: one copy of each transcript',
  uncountedCopies: (n) => `${n === 1 ? "1 coder's copy is" : `${n} coders' copies are`} not counted: another copy of the same transcript counts. Filter by coder to see a coder's own reading.`,
  filterShown: (parts) => parts.join(' · '),
  statusTooltip: 'Coded segments in this note by evidence pole. Click to open the outline.',
  statusNoCodes: 'no coded segments',
  reloadForLanguage: 'Fieldnotes changes its language when the window is reloaded.',
  reload: 'Reload window',
  analysisTitle: 'Fieldnotes: analysis',
  openReviews: (n) => `${n} open`,
  compareTitle: 'Compare with another coder',
  comparePick: "The other coder's note of the same transcript",
  comparePickCopy: (id) => `Another coder's copy of ${id}, or any note with the same words`,
  copiesOf: (id) => `Copies of ${id}`,
  otherNotes: 'Other notes',
  copyDetail: (coder, counts) => `${coder ? `coded by ${coder}` : 'no coder in its front matter'}${counts ? ' · the copy the analysis counts' : ''}`,
  openNoteToCompare: "Open a field note (a *.fn.md file) to compare it with another coder's copy.",
  compareUnavailable: 'Nothing was compared: the Fieldnotes language server is not running. Run "Fieldnotes: Restart language server" and try again.',
  thisNote: 'this note',
  codings: (codes) => codeList(codes, 'no code'),
  theirCodes: (coder, codes) => `${coder}: ${codeList(codes, 'no code')}`,
  disagreement: (here, hereCodes, there, thereCodes) => `${here}: ${codeList(hereCodes, 'no code')} · ${there}: ${codeList(thereCodes, 'no code')}`,
  disagreements: (n) => plural(n, 'disagreement', 'disagreements'),
  runTooltip: (line, words) => `Line ${line}, ${plural(words, 'word', 'words')}`,
  noDisagreements: (here, there) => `${here} and ${there} gave every word the same codes and readings.`,
  comparing: (here, there) => `${here} and ${there}`,
  compareFigures: (f) =>
    `${plural(f.words, 'word', 'words')} · all codes: agreement ${figure(f.decisions.percent)}, Cohen's kappa ${figure(f.decisions.kappa)}, Krippendorff's alpha ${figure(f.decisions.alpha)} · ` +
    `readings where both coded (${plural(f.readings.units, 'unit', 'units')}): agreement ${figure(f.readings.percent)}, kappa ${figure(f.readings.kappa)}, alpha ${figure(f.readings.alpha)}`,
  inflatedByUncoded: 'The agreement is high because most words were left uncoded by both, not because the coders agree: the kappa is slight (below 0.20).',
  comparisonOutOfDate: (note) => `${note} changed after the comparison, so its marks are gone and this list is out of date.`,
  compareAgain: (other) => `Compare again with ${other}`,
  noComparison: 'No comparison is open: run "Fieldnotes: Compare with another coder" on a note first.',
  reviewWithoutText: '(no text)',
  noteKeptChanging: 'The note kept changing while the code was being added, so nothing was changed. Select the words and try again.',
  codebookStatusName: 'Fieldnotes codebook',
  codeCount: (n) => plural(n, 'code', 'codes'),
  codebookSummary: (name, title, dimensions, codes) => `Codebook ${name}${title ? ` (${title})` : ''}: ${plural(dimensions, 'dimension', 'dimensions')}, ${plural(codes, 'code', 'codes')}.`,
  codebookProblems: (n) => `Codebook: ${plural(n, 'problem', 'problems')}`,
  openCodebook: 'Click to open the codebook.',
  noCodebookShort: 'No codebook',
  serverStopped: 'Fieldnotes stopped',
  serverStoppedTooltip: 'The Fieldnotes language server is not running, so notes are not checked. Click to restart it; the Fieldnotes output channel says what went wrong.',
  exportQdcTitle: 'Export the codebook (REFI-QDA .qdc, for NVivo, ATLAS.ti, MAXQDA…)',
  exportQdpxTitle: 'Export the project (REFI-QDA .qdpx, for NVivo, ATLAS.ti, MAXQDA…)',
  exportCsvTitle: 'Export the coded segments (CSV, for R, pandas or a spreadsheet)',
  qdcFilter: 'REFI-QDA codebook',
  qdpxFilter: 'REFI-QDA project',
  csvFilter: 'CSV, one row per code on a segment',
  exportSave: 'Export',
  exporting: (file) => `Exporting ${file}…`,
  revealExport: 'Show in folder',
  exportUnavailable: 'Nothing was exported: the Fieldnotes language server is not running. Run "Fieldnotes: Restart language server" and try again.',
  exportFailed: (detail) => `Nothing was exported: ${detail}. The Fieldnotes output channel may say more.`,
};

const nb: ClientMessages = {
  openNoteFirst: 'Åpne et feltnotat (en *.fn.md-fil) og merk ordene du vil kode.',
  noCodebook: 'Notatet har ingen kodebok: legg en codebook.yaml i mappen eller en mappe over, eller sett «fieldnotes.codebook».',
  pickCode: 'Skriv for å filtrere kodene på navn, dimensjon eller beskrivelse',
  pickCodeTitle: 'Kod utvalget',
  pickReading: (code) => `#${code} kan leses begge veier: hvilken pol støtter dette segmentet?`,
  readingDetail: 'lesningen av evidensen (evidence=)',
  evidenceUnavailable: 'Evidens-visningen kunne ikke fylles: språktjeneren til Fieldnotes kjører ikke. Kjør «Fieldnotes: Start språktjeneren på nytt».',
  noSegments: 'Ingen kodede segmenter passer.',
  segments: (n) => plural(n, 'segment', 'segmenter'),
  filterCase: 'Vis evidensen for én case',
  filterCoder: 'Vis evidensen for én koder',
  everyCase: 'Alle casene',
  everyCoder: 'Studien: én kopi av hver transkripsjon',
  uncountedCopies: (n) => `${n === 1 ? '1 koderkopi telles' : `${n} koderkopier telles`} ikke: en annen kopi av samme transkripsjon telles. Filtrer på koder for å se én koders egen lesning.`,
  filterShown: (parts) => parts.join(' · '),
  statusTooltip: 'Kodede segmenter i dette notatet etter evidenspol. Klikk for å åpne disposisjonen.',
  statusNoCodes: 'ingen kodede segmenter',
  reloadForLanguage: 'Fieldnotes bytter språk når vinduet lastes inn på nytt.',
  reload: 'Last inn vinduet på nytt',
  analysisTitle: 'Fieldnotes: analyse',
  openReviews: (n) => `${n} åpne`,
  compareTitle: 'Sammenlign med en annen koder',
  comparePick: 'Den andre koderens notat av samme transkripsjon',
  comparePickCopy: (id) => `En annen koders kopi av ${id}, eller et notat med de samme ordene`,
  copiesOf: (id) => `Kopier av ${id}`,
  otherNotes: 'Andre notater',
  copyDetail: (coder, counts) => `${coder ? `kodet av ${coder}` : 'ingen koder i front matter'}${counts ? ' · kopien analysen teller' : ''}`,
  openNoteToCompare: 'Åpne et feltnotat (en *.fn.md-fil) for å sammenligne det med en annen koders kopi.',
  compareUnavailable: 'Ingenting ble sammenlignet: språktjeneren til Fieldnotes kjører ikke. Kjør «Fieldnotes: Start språktjeneren på nytt» og prøv igjen.',
  thisNote: 'dette notatet',
  codings: (codes) => codeList(codes, 'ingen kode'),
  theirCodes: (coder, codes) => `${coder}: ${codeList(codes, 'ingen kode')}`,
  disagreement: (here, hereCodes, there, thereCodes) => `${here}: ${codeList(hereCodes, 'ingen kode')} · ${there}: ${codeList(thereCodes, 'ingen kode')}`,
  disagreements: (n) => plural(n, 'uenighet', 'uenigheter'),
  runTooltip: (line, words) => `Linje ${line}, ${plural(words, 'ord', 'ord')}`,
  noDisagreements: (here, there) => `${here} og ${there} ga hvert ord de samme kodene og lesningene.`,
  comparing: (here, there) => `${here} og ${there}`,
  compareFigures: (f) =>
    `${plural(f.words, 'ord', 'ord')} · alle koder: enighet ${figure(f.decisions.percent)}, Cohens kappa ${figure(f.decisions.kappa)}, Krippendorffs alfa ${figure(f.decisions.alpha)} · ` +
    `lesninger der begge kodet (${plural(f.readings.units, 'enhet', 'enheter')}): enighet ${figure(f.readings.percent)}, kappa ${figure(f.readings.kappa)}, alfa ${figure(f.readings.alpha)}`,
  inflatedByUncoded: 'Enigheten er høy fordi de fleste ordene er ukodet hos begge, ikke fordi koderne er enige: kappa er ubetydelig (under 0.20).',
  comparisonOutOfDate: (note) => `${note} er endret etter sammenligningen, så merkene er borte og denne listen er utdatert.`,
  compareAgain: (other) => `Sammenlign igjen med ${other}`,
  noComparison: 'Ingen sammenligning er åpen: kjør «Fieldnotes: Sammenlign med en annen koder» på et notat først.',
  reviewWithoutText: '(ingen tekst)',
  noteKeptChanging: 'Notatet ble endret mens koden ble lagt til, så ingenting ble endret. Merk ordene og prøv igjen.',
  codebookStatusName: 'Fieldnotes-kodebok',
  codeCount: (n) => plural(n, 'kode', 'koder'),
  codebookSummary: (name, title, dimensions, codes) => `Kodebok ${name}${title ? ` (${title})` : ''}: ${plural(dimensions, 'dimensjon', 'dimensjoner')}, ${plural(codes, 'kode', 'koder')}.`,
  codebookProblems: (n) => `Kodebok: ${plural(n, 'problem', 'problemer')}`,
  openCodebook: 'Klikk for å åpne kodeboken.',
  noCodebookShort: 'Ingen kodebok',
  serverStopped: 'Fieldnotes har stoppet',
  serverStoppedTooltip: 'Språktjeneren til Fieldnotes kjører ikke, så notatene blir ikke sjekket. Klikk for å starte den på nytt; utdatakanalen Fieldnotes sier hva som gikk galt.',
  exportQdcTitle: 'Eksporter kodeboken (REFI-QDA .qdc, for NVivo, ATLAS.ti, MAXQDA …)',
  exportQdpxTitle: 'Eksporter prosjektet (REFI-QDA .qdpx, for NVivo, ATLAS.ti, MAXQDA …)',
  exportCsvTitle: 'Eksporter de kodede segmentene (CSV, for R, pandas eller et regneark)',
  qdcFilter: 'REFI-QDA-kodebok',
  qdpxFilter: 'REFI-QDA-prosjekt',
  csvFilter: 'CSV, én rad per kode på et segment',
  exportSave: 'Eksporter',
  exporting: (file) => `Eksporterer ${file} …`,
  revealExport: 'Vis i mappen',
  exportUnavailable: 'Ingenting ble eksportert: språktjeneren til Fieldnotes kjører ikke. Kjør «Fieldnotes: Start språktjeneren på nytt» og prøv igjen.',
  exportFailed: (detail) => `Ingenting ble eksportert: ${detail}. Utdatakanalen Fieldnotes kan si mer.`,
};

export type ClientLocale = 'en' | 'nb';

/** `nb`, `nn` and `no` read Bokmål; everything else English. */
export function clientLocale(tag: string | undefined): ClientLocale {
  return tag && /^(nb|nn|no)([-_.@]|$)/i.test(tag) ? 'nb' : 'en';
}

export function clientMessages(locale: ClientLocale): ClientMessages {
  return locale === 'nb' ? nb : en;
}
