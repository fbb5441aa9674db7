import path from 'node:path';
import { parseArgs } from 'node:util';
import { localeFromEnv, messagesFor, type Locale } from '../core/i18n/messages.js';
import { checkNotes } from './check.js';
import { discoverNotes } from '../core/workspace/discover.js';
import { isFile } from '../core/workspace/fileKind.js';
import { CSV_TABLES, toCsv, toJson, toMarkdown, type CsvTable } from '../core/analysis/reportFormats.js';
import { toHtml } from '../core/analysis/reportHtml.js';
import { chartLibraries } from '../core/workspace/chartLibraries.js';
import { cliMessagesFor, type CliMessages } from './cliMessages.js';
import { agree } from './agree.js';
import { openStudies } from './cliWorkspace.js';
import { analyseStudies } from '../service/studies.js';
import { exportCommand, importCommand } from './exchange.js';
import { countBySeverity, displayPathFrom, formatText, toJsonDiagnostics } from './format.js';
import { VERSION } from './version.js';

const REPORT_FORMATS = ['md', 'csv', 'json', 'html'] as const;

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_USAGE = 2;
/** The language server is running: the process ends when the client disconnects. */
export const SERVING = -1;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** Runs the command line and returns its exit status. Never throws. */
export async function run(argv: string[], io: Io): Promise<number> {
  let locale: Locale = localeFromEnv(io.env);
  const langIndex = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const langValue = langIndex < 0 ? undefined : argv[langIndex]!.includes('=') ? argv[langIndex]!.split('=')[1] : argv[langIndex + 1];
  if (langValue === 'en' || langValue === 'nb') locale = langValue;
  const cli = cliMessagesFor(locale);
  if (langValue !== undefined && langValue !== 'en' && langValue !== 'nb') {
    io.err(cli.badLang(langValue));
    return EXIT_USAGE;
  }

  // The language server reads its own transport options (--stdio, --node-ipc, --clientProcessId).
  if (argv[0] === 'lsp') {
    const { startServer } = await import('../lsp/server.js');
    startServer();
    return SERVING;
  }

  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', default: 'text' },
        codebook: { type: 'string' },
        'anon-only': { type: 'boolean', default: false },
        table: { type: 'string', default: 'cases' },
        coder: { type: 'string' },
        strict: { type: 'boolean', default: false },
        'require-reviewed': { type: 'boolean', default: false },
        lang: { type: 'string' },
        qdc: { type: 'string' },
        qdpx: { type: 'string' },
        csv: { type: 'string' },
        out: { type: 'string' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    io.err(cli.badOption((error as Error).message.replace(/\.$/, '')));
    return EXIT_USAGE;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.out(VERSION);
    return EXIT_OK;
  }
  const [command, ...paths] = positionals;
  if (values.help || command === undefined || command === 'help') {
    (command === undefined && !values.help ? io.err : io.out)(cli.usage);
    return command === undefined && !values.help ? EXIT_USAGE : EXIT_OK;
  }
  if (command === 'agree') return agree(paths, String(values.format), locale, io, cli, values.codebook);
  const exchange = { qdc: values.qdc, qdpx: values.qdpx, csv: values.csv, out: values.out, codebook: values.codebook, coder: values.coder, force: values.force };
  try {
    if (command === 'export') return await exportCommand(paths, exchange, locale, io, cli);
    if (command === 'import') return await importCommand(paths, exchange, locale, io);
  } catch (error) {
    io.err(cli.internalError(error instanceof Error ? (error.stack ?? error.message) : String(error)));
    return EXIT_USAGE;
  }
  if (command !== 'check' && command !== 'report') {
    io.err(cli.unknownCommand(command));
    return EXIT_USAGE;
  }
  const format = command === 'report' && values.format === 'text' ? 'md' : values.format;
  if (command === 'check' ? format !== 'text' && format !== 'json' : !REPORT_FORMATS.includes(format as (typeof REPORT_FORMATS)[number])) {
    io.err(command === 'check' ? cli.badFormat(String(values.format)) : cli.badReportFormat(String(values.format)));
    return EXIT_USAGE;
  }
  if (command === 'report' && !CSV_TABLES.includes(values.table as CsvTable)) {
    io.err(cli.badTable(String(values.table), [...CSV_TABLES]));
    return EXIT_USAGE;
  }

  try {
    const msg = messagesFor(locale);
    const displayPath = displayPathFrom(io.cwd);
    const inputs = await readInputs(paths, values.codebook, { notesRequired: true }, io, cli);
    if (!inputs) return EXIT_USAGE;
    const { notes, codebook } = inputs;
    if (command === 'report') {
      const { studies } = await openStudies(notes, { msg, codebook, displayPath });
      const analysed = analyseStudies(studies, values.coder);
      if (values.coder !== undefined && !analysed.coders.includes(values.coder)) {
        io.err(cli.unknownCoder(values.coder, analysed.coders));
        return EXIT_USAGE;
      }
      if (format === 'html') {
        const libraries = await chartLibraries();
        if (!libraries) {
          io.err(cli.chartLibraryMissing);
          return EXIT_USAGE;
        }
        io.out(toHtml(analysed, locale, { libraries }));
        return EXIT_OK;
      }
      io.out(format === 'json' ? toJson(analysed) : format === 'csv' ? toCsv(analysed, values.table as CsvTable, locale).replace(/\r\n$/, '') : toMarkdown(analysed, locale));
      return EXIT_OK;
    }
    const reports = await checkNotes(notes, { msg, codebook, displayPath, anon: values['anon-only'] ? 'only' : 'also', strict: values.strict, requireReviewed: values['require-reviewed'] });
    const items = toJsonDiagnostics(reports, displayPath);
    if (values.format === 'json') io.out(JSON.stringify(items, null, 2));
    else {
      const counts = countBySeverity(items);
      if (items.length) io.out(formatText(items));
      const files = new Set(reports.map((r) => r.path)).size;
      io.out(items.length ? cli.summary(counts.error, counts.warning, counts.information + counts.hint, files) : cli.clean(files));
    }
    return items.some((d) => d.severity === 'error') ? EXIT_ERRORS : EXIT_OK;
  } catch (error) {
    io.err(cli.internalError(error instanceof Error ? (error.stack ?? error.message) : String(error)));
    return EXIT_USAGE;
  }
}

/**
 * The notes under the paths given (the current folder when none) and the
 * `--codebook` file, or undefined when a path or the codebook is missing or
 * (when required) there are no notes; the reason is printed.
 */
export async function readInputs(paths: string[], codebookOption: string | undefined, options: { notesRequired: boolean }, io: Io, cli: CliMessages): Promise<{ notes: string[]; codebook: string | undefined } | undefined> {
  const discovery = await discoverNotes(paths.length ? paths : ['.'], io.cwd);
  if (discovery.missing.length) {
    for (const missing of discovery.missing) io.err(cli.missingPath(missing));
    return undefined;
  }
  const codebook = codebookOption ? path.resolve(io.cwd, codebookOption) : undefined;
  if (codebook && !(await isFile(codebook))) {
    io.err(cli.codebookMissing(codebookOption!));
    return undefined;
  }
  if (options.notesRequired && !discovery.notes.length) {
    io.err(cli.noNotes);
    return undefined;
  }
  return { notes: discovery.notes, codebook };
}

