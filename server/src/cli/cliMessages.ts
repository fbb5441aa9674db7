import type { Locale } from '../core/i18n/messages.js';

/** The command line's own sentences (usage, summaries), in English and Bokmål. */
export interface CliMessages {
  usage: string;
  unknownCommand(command: string): string;
  badOption(reason: string): string;
  badFormat(value: string): string;
  badLang(value: string): string;
  missingPath(path: string): string;
  codebookMissing(path: string): string;
  noNotes: string;
  summary(errors: number, warnings: number, others: number, files: number): string;
  clean(files: number): string;
  internalError(reason: string): string;
  badReportFormat(value: string): string;
  badTable(value: string, tables: string[]): string;
  unknownCoder(coder: string, coders: string[]): string;
  chartLibraryMissing: string;
  badAgreeFormat(value: string): string;
  agreeTwoNotes: string;
  agreeNoPairs: string;
  wordsDiffer(index: number, a: { place: string; word: string }, b: { place: string; word: string }): string;
  agreeUnreadable(file: string, reason: string): string;
  agreeNoId(file: string): string;
  agreeNoCoder(file: string, id: string, others: string[]): string;
  agreeAlone(file: string, id: string): string;
  agreeSameCoder(file: string, coder: string, kept: string): string;
  agreeConsensus(file: string): string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const en: CliMessages = {
  usage: `Usage: fieldnotes <command> [options]

Commands:
  check [paths...]    Check notes (*.fn.md) and their codebook, and look for
                      names, places, numbers and other details that identify
                      someone. Paths may be files or folders; the default is
                      the current folder.

Options for check:
  --format text|json  How to print findings (default: text). JSON is one array
                      of {file, range, severity, code, message}; see
                      docs/cli.md.
  --codebook <file>   Use this codebook for every note instead of looking for
                      codebook.yaml beside the notes.
  --anon-only         Only the anonymization check (anon/* codes): before you
                      hand in or share notes.
  --strict            Anonymization findings are errors (exit status 1), not
                      warnings.
  --require-reviewed  Notes whose front matter does not say status: reviewed
                      are errors.
  --lang en|nb        Language of messages (default: from LANG).

  report [paths...]   Analyse the coded notes across cases: each case's
                      approach, each dimension's lean, and the tables behind
                      them (see docs/report.md).

Options for report:
  --format md|csv|json|html  Markdown tables (default), one CSV table, JSON,
                      or one HTML page with a picture (to share).
  --table <name>      The CSV table: cases, variations, codes, matrix,
                      cooccurrence, evidence, copies or left-out (default:
                      cases).
  --coder <initials>  One coder's reading: only the notes that coder coded,
                      their copies included. Without it, one copy of each
                      transcript counts (see docs/coders.md).
  --codebook <file>   As for check.

  agree A B [C...]    Agreement between coders of the same transcript, each
                      in their own copy: per code (with the evidence reading),
                      per dimension and overall, word by word; percentage,
                      Cohen's and Fleiss' kappa, Krippendorff's alpha, and
                      where the coders differ (see docs/agreement.md).
  agree folder...     The same for the notes with the same front-matter id and
                      different coders, and totals over the whole study.
                      --format text|json|md; --codebook as for check.

  export [paths...]   Exchange with NVivo, ATLAS.ti, MAXQDA and QualCoder
                      (REFI-QDA), and with R and Python (see docs/exchange.md):
    --qdc <file>      the codebook as a REFI-QDA codebook (.qdc);
    --qdpx <file>     the notes as a REFI-QDA project (.qdpx): codebook,
                      coders, cases and attributes, texts, codings, memos;
    --csv <file>      one row per code on a coded segment, of the copies
                      the analysis counts (--coder: of that coder's notes).
                      Any of them in one run; --codebook as for check.
  import --qdc <file> [--out codebook.yaml]
                      A REFI-QDA codebook as codebook.yaml.
  import --qdpx <file> [--out folder]
                      A REFI-QDA project as notes (*.fn.md) and a codebook,
                      in a new folder (default: named after the file). What
                      cannot be said in notes is listed, by element.
  --force             Export and import never replace a file without it;
                      an import replaces its folder whole, and never one
                      holding files it does not write.

Other commands:
  lsp --stdio         Run the language server (for Neovim, Helix, Emacs, Zed).

  -h, --help          Show this help.
  -v, --version       Show the version.

Exit status: 0 no errors, 1 errors found (export and import: a file was
not written), 2 bad usage.`,
  unknownCommand: (c) => `Unknown command '${c}'. Run 'fieldnotes --help' to see the commands.`,
  badOption: (r) => `${r}. Run 'fieldnotes --help' to see the options.`,
  badFormat: (v) => `--format must be text or json, not '${v}'.`,
  badLang: (v) => `--lang must be en or nb, not '${v}'.`,
  missingPath: (p) => `${p}: no such file or folder.`,
  codebookMissing: (p) => `--codebook ${p}: no such file.`,
  noNotes: 'No notes (*.fn.md) found in the paths given.',
  summary: (e, w, o, f) =>
    `${plural(e + w + o, 'problem', 'problems')} (${plural(e, 'error', 'errors')}, ${plural(w, 'warning', 'warnings')}${o ? `, ${plural(o, 'note', 'notes')}` : ''}) in ${plural(f, 'file', 'files')}.`,
  clean: (f) => `No problems in ${plural(f, 'file', 'files')}.`,
  badReportFormat: (v) => `--format for report must be md, csv, json or html, not '${v}'.`,
  badAgreeFormat: (v) => `--format for agree must be text, json or md, not '${v}'.`,
  agreeTwoNotes:
    'agree compares two or more coders\' copies of one transcript, or the notes in folders grouped by id: fieldnotes agree A.fn.md B.fn.md, or fieldnotes agree notes/',
  agreeNoPairs: 'No two notes in these folders share an `id` with different `coder`s in their front matter, so there is nothing to compare.',
  wordsDiffer: (i, a, b) =>
    `The two notes do not have the same words, so their codings cannot be compared. Word ${i} is “${a.word}” at ${a.place} but “${b.word}” at ${b.place}. Make the transcripts the same (only the codes may differ) and run agree again.`,
  agreeUnreadable: (f, r) => `${f}: could not be read, so it was not compared: ${r}`,
  agreeNoId: (f) => `${f}: no \`id\` in its front matter, so no other coder's copy can be found for it. Give every copy of one transcript the same \`id\`.`,
  agreeNoCoder: (f, id, others) =>
    `${f}: has the same \`id\` (${id}) as ${others.join(', ')} but no \`coder\`, so it was not compared. Add \`coder:\` with the coder's initials; or, if it is another transcript, give it its own \`id\`.`,
  agreeAlone: (f, id) => `${f}: no other coder's copy of \`id\` ${id}, so there is nothing to compare it with.`,
  agreeSameCoder: (f, coder, kept) =>
    `${f}: ${kept} has the same \`id\` and the same \`coder\` (${coder}), and one coder counts once, so only ${kept} was compared. If they are two coders, correct \`coder:\`; if it is another transcript, give it its own \`id\`.`,
  agreeConsensus: (f) => `${f}: the agreed copy (\`consensus: true\`), not one coder's, so it is left out of the agreement between coders.`,
  chartLibraryMissing: 'The chart library for --format html is missing beside the program (dist/vendor): run npm run build in the clone.',
  badTable: (v, t) => `--table must be one of ${t.join(', ')}, not '${v}'.`,
  unknownCoder: (c, coders) => `No note here was coded by '${c}' (front matter \`coder\`). ${coders.length ? `The coders are ${coders.join(', ')}.` : 'No note names a coder.'}`,
  internalError: (r) => `fieldnotes stopped on an internal error: ${r}\nNo file was changed. Please report this with the command you ran.`,
};

const nb: CliMessages = {
  usage: `Bruk: fieldnotes <kommando> [valg]

Kommandoer:
  check [stier...]    Sjekk notater (*.fn.md) og kodeboken deres, og let etter
                      navn, steder, numre og andre detaljer som identifiserer
                      noen. Stiene kan være filer eller mapper; standard er
                      gjeldende mappe.

Valg for check:
  --format text|json  Hvordan funn skrives ut (standard: text). JSON er én liste
                      med {file, range, severity, code, message}; se
                      docs/cli.md.
  --codebook <fil>    Bruk denne kodeboken for alle notater i stedet for å lete
                      etter codebook.yaml ved siden av notatene.
  --anon-only         Bare anonymiseringssjekken (anon/*-koder): før du leverer
                      eller deler notater.
  --strict            Funn fra anonymiseringen er feil (avslutningskode 1), ikke
                      advarsler.
  --require-reviewed  Notater som ikke har status: reviewed i front matter, er
                      feil.
  --lang en|nb        Språk for meldinger (standard: fra LANG).

  report [stier...]   Analyser de kodede notatene på tvers av caser: hver cases
                      tilnærming, hver dimensjons tyngdepunkt, og tabellene
                      bak (se docs/report.md).

Valg for report:
  --format md|csv|json|html  Markdown-tabeller (standard), én CSV-tabell,
                      JSON, eller én HTML-side med et bilde (til å dele).
  --table <navn>      CSV-tabellen: cases, variations, codes, matrix,
                      cooccurrence, evidence, copies eller left-out
                      (standard: cases).
  --coder <initialer> Én koders lesning: bare notatene den koderen kodet,
                      kopiene medregnet. Uten den teller én kopi av hver
                      transkripsjon (se docs/coders.md).
  --codebook <fil>    Som for check.

  agree A B [C...]    Enighet mellom kodere av samme transkripsjon, hver i sin
                      kopi: per kode (med evidenslesningen), per dimensjon og
                      samlet, ord for ord; prosent, Cohens og Fleiss' kappa,
                      Krippendorffs alfa, og hvor koderne er uenige (se
                      docs/agreement.md).
  agree mappe...      Det samme for notatene med samme id i front matter og
                      ulike kodere, og totaler for hele studien.
                      --format text|json|md; --codebook som for check.

  export [stier...]   Utveksling med NVivo, ATLAS.ti, MAXQDA og QualCoder
                      (REFI-QDA), og med R og Python (se docs/exchange.md):
    --qdc <fil>       kodeboken som REFI-QDA-kodebok (.qdc);
    --qdpx <fil>      notatene som REFI-QDA-prosjekt (.qdpx): kodebok,
                      kodere, caser og attributter, tekster, kodinger, memoer;
    --csv <fil>       én rad per kode på et kodet segment, fra kopiene
                      analysen teller (--coder: fra den koderens notater).
                      Flere i samme kjøring; --codebook som for check.
  import --qdc <fil> [--out codebook.yaml]
                      En REFI-QDA-kodebok som codebook.yaml.
  import --qdpx <fil> [--out mappe]
                      Et REFI-QDA-prosjekt som notater (*.fn.md) og en
                      kodebok, i en ny mappe (standard: oppkalt etter filen).
                      Det som ikke kan sies i notater, listes per element.
  --force             Export og import erstatter aldri en fil uten dette;
                      en import erstatter hele mappen sin, og aldri en
                      mappe med filer den ikke skriver.

Andre kommandoer:
  lsp --stdio         Kjør språktjeneren (for Neovim, Helix, Emacs, Zed).

  -h, --help          Vis denne hjelpen.
  -v, --version       Vis versjonen.

Avslutningskode: 0 ingen feil, 1 feil funnet (export og import: en fil ble
ikke skrevet), 2 feil bruk.`,
  unknownCommand: (c) => `Ukjent kommando '${c}'. Kjør 'fieldnotes --help' for å se kommandoene.`,
  badOption: (r) => `${r}. Kjør 'fieldnotes --help' for å se valgene.`,
  badFormat: (v) => `--format må være text eller json, ikke '${v}'.`,
  badLang: (v) => `--lang må være en eller nb, ikke '${v}'.`,
  missingPath: (p) => `${p}: finnes ikke.`,
  codebookMissing: (p) => `--codebook ${p}: filen finnes ikke.`,
  noNotes: 'Fant ingen notater (*.fn.md) i stiene som ble oppgitt.',
  summary: (e, w, o, f) =>
    `${plural(e + w + o, 'problem', 'problemer')} (${plural(e, 'feil', 'feil')}, ${plural(w, 'advarsel', 'advarsler')}${o ? `, ${plural(o, 'merknad', 'merknader')}` : ''}) i ${plural(f, 'fil', 'filer')}.`,
  clean: (f) => `Ingen problemer i ${plural(f, 'fil', 'filer')}.`,
  badReportFormat: (v) => `--format for report må være md, csv, json eller html, ikke '${v}'.`,
  badAgreeFormat: (v) => `--format for agree må være text, json eller md, ikke '${v}'.`,
  agreeTwoNotes:
    'agree sammenligner to eller flere koderes kopier av én transkripsjon, eller notatene i mapper gruppert etter id: fieldnotes agree A.fn.md B.fn.md, eller fieldnotes agree notater/',
  agreeNoPairs: 'Ingen to notater i disse mappene har samme `id` og ulik `coder` i front matter, så det er ingenting å sammenligne.',
  wordsDiffer: (i, a, b) =>
    `De to notatene har ikke de samme ordene, så kodingen kan ikke sammenlignes. Ord ${i} er «${a.word}» i ${a.place}, men «${b.word}» i ${b.place}. Gjør transkripsjonene like (bare kodene kan være forskjellige) og kjør agree på nytt.`,
  agreeUnreadable: (f, r) => `${f}: kunne ikke leses, så det ble ikke sammenlignet: ${r}`,
  agreeNoId: (f) => `${f}: ingen \`id\` i front matter, så ingen annen koders kopi kan finnes. Gi alle kopier av én transkripsjon samme \`id\`.`,
  agreeNoCoder: (f, id, others) =>
    `${f}: har samme \`id\` (${id}) som ${others.join(', ')}, men ingen \`coder\`, så det ble ikke sammenlignet. Legg til \`coder:\` med koderens initialer; eller, hvis det er en annen transkripsjon, gi den sin egen \`id\`.`,
  agreeAlone: (f, id) => `${f}: ingen annen koders kopi av \`id\` ${id}, så det er ingenting å sammenligne med.`,
  agreeSameCoder: (f, coder, kept) =>
    `${f}: ${kept} har samme \`id\` og samme \`coder\` (${coder}), og én koder teller én gang, så bare ${kept} ble sammenlignet. Er det to kodere, rett \`coder:\`; er det en annen transkripsjon, gi den sin egen \`id\`.`,
  agreeConsensus: (f) => `${f}: den omforente kopien (\`consensus: true\`), ikke én koders, så den holdes utenfor enigheten mellom kodere.`,
  chartLibraryMissing: 'Diagrambiblioteket for --format html mangler ved siden av programmet (dist/vendor): kjør npm run build i klonen.',
  badTable: (v, t) => `--table må være en av ${t.join(', ')}, ikke '${v}'.`,
  unknownCoder: (c, coders) => `Ingen notater her er kodet av '${c}' (\`coder\` i front matter). ${coders.length ? `Koderne er ${coders.join(', ')}.` : 'Ingen notater oppgir en koder.'}`,
  internalError: (r) => `fieldnotes stoppet på en intern feil: ${r}\nIngen fil ble endret. Meld gjerne fra om dette, med kommandoen du kjørte.`,
};

export function cliMessagesFor(locale: Locale): CliMessages {
  return locale === 'nb' ? nb : en;
}
