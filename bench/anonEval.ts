/**
 * Scores the anonymisation checker on a gold corpus (`npm run eval:anon`).
 *
 *   node out/bench/anonEval.js [corpus] [--json] [--cli <path>]
 *
 * `corpus` defaults to ../shared/corpus/anon-dev beside the repository and
 * `--cli` to dist/fieldnotes.js; relative paths are taken from the current
 * folder. The corpus format is in that folder's README.md: `*.fn.md` notes,
 * `gold.json` ({file, start, end, text, type}) and `traps.json` ({file,
 * start, end, text, why}), offsets 0-based UTF-16, end exclusive.
 *
 * The checker runs once, as a real process:
 * `node <cli> check --anon-only --format json <corpus>` (in the corpus
 * folder). Exit 1 only means it found errors; any other status, or output
 * that is not the documented JSON array (docs/cli.md), is a failure. Each
 * diagnostic's LSP range is turned back into offsets in its file.
 *
 * Scoring rules (the same words are printed in the footer, and in --json
 * as `rules`; keep RULES below in step):
 * - A finding is a diagnostic whose code is `anon/<type>` with type other
 *   than `indirect`. Hints (`anon/indirect`) are counted and listed
 *   separately, never scored. Other diagnostics are ignored.
 * - Two spans overlap when they share at least one character (an empty
 *   range shares none).
 * - Per type T: a gold span of type T is found when some finding of type T
 *   overlaps it; a finding of type T is correct when it overlaps some gold
 *   span of type T. Recall = found / gold spans, precision = correct /
 *   findings, F1 their harmonic mean.
 * - Overall: a gold span is found when any finding overlaps it, whatever
 *   its type; a finding is correct when it overlaps any gold span.
 *   Type-correct recall counts a gold span only when a finding of its own
 *   type overlaps it.
 * - Traps: a trap is flagged when any finding overlaps it (hints never
 *   flag); reported as flagged of total, grouped by `why`.
 * - A figure over zero items (no findings, no gold spans) is n/a (null in
 *   JSON); F1 is n/a when precision or recall is, 0 when both are 0.
 *
 * Exit status: 0 scored; 1 the checker failed or the corpus is
 * inconsistent (a gold or trap span whose text is not the file's text
 * there); 2 bad usage, or no corpus folder.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { declaredLanguage, languageOf } from '../server/src/core/anon/language.js';
import { LineIndex } from '../server/src/core/text/lineIndex.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DEFAULT_CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus', 'anon-dev');
const DEFAULT_CLI = path.join(ROOT, 'dist', 'fieldnotes.js');
/** The finding types, in the order of the table; other types the checker or the gold use follow them. */
const TYPES = ['person', 'place', 'org', 'idnum', 'phone', 'email', 'dob'];
const HINT = 'indirect';

const RULES = [
  'A finding is a diagnostic whose code is anon/<type>, type other than indirect. Hints (anon/indirect) are counted and listed, never scored; other diagnostics are ignored.',
  'Two spans overlap when they share at least one character (an empty range shares none).',
  'Per type T: a gold span of type T is found when a finding of type T overlaps it; a finding of type T is correct when it overlaps a gold span of type T. Recall = found / gold spans, precision = correct / findings, F1 their harmonic mean.',
  'Overall: a gold span is found when any finding overlaps it, whatever its type; a finding is correct when it overlaps any gold span. Type-correct recall counts a gold span only when a finding of its own type overlaps it.',
  'Traps: a trap is flagged when any finding overlaps it (hints never flag).',
  'A figure over zero items (no findings, no gold spans) is n/a (null in JSON); F1 is n/a when precision or recall is, 0 when both are 0.',
];

const USAGE = `Usage: node out/bench/anonEval.js [corpus] [--json] [--cli <path>]
  corpus      folder with *.fn.md, gold.json and traps.json (default ${path.relative(process.cwd(), DEFAULT_CORPUS) || '.'})
  --json      print the figures as JSON instead of a table
  --cli       the fieldnotes CLI to run (default ${path.relative(process.cwd(), DEFAULT_CLI)})`;

class Failure extends Error {
  constructor(
    message: string,
    readonly status = 1,
  ) {
    super(message);
  }
}

interface GoldSpan {
  file: string;
  start: number;
  end: number;
  text: string;
  type: string;
}
interface Trap {
  file: string;
  start: number;
  end: number;
  text: string;
  why: string;
}
interface Diagnostic {
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: string;
  code: string;
  message: string;
}
/** An anon/* diagnostic located in its file: `file` is relative to the corpus, with `/`. */
interface Located {
  file: string;
  start: number;
  end: number;
  type: string;
  code: string;
  message: string;
}

type Ratio = number | null;
interface Scores {
  gold: number;
  findings: number;
  found: number;
  correct: number;
  precision: Ratio;
  recall: Ratio;
  f1: Ratio;
}

// ---------------------------------------------------------------- files

const texts = new Map<string, { text: string; lines: LineIndex }>();
let corpusDir = '';

/** The text of a corpus file (relative path with `/`), read once. */
/** A note's language as the checker reads it: its front matter's `language`, else its words (the checker's own rule). */
function fileLanguage(text: string): string {
  const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---/u.exec(text)?.[1];
  return (frontMatter !== undefined ? declaredLanguage(frontMatter) : undefined) ?? languageOf(text.slice(0, 20_000)) ?? 'no';
}

function fileText(file: string): { text: string; lines: LineIndex } {
  let entry = texts.get(file);
  if (!entry) {
    const full = path.resolve(corpusDir, file);
    let text: string;
    try {
      text = readFileSync(full, 'utf8');
    } catch (error) {
      throw new Failure(`cannot read ${file}: ${(error as Error).message}`);
    }
    entry = { text, lines: new LineIndex(text) };
    texts.set(file, entry);
  }
  return entry;
}

/** A path relative to the corpus folder, with `/`; undefined when outside it. */
function corpusPath(file: string): string | undefined {
  const relative = path.relative(corpusDir, path.resolve(corpusDir, file));
  return relative.startsWith('..') || path.isAbsolute(relative) ? undefined : relative.split(path.sep).join('/');
}

const lineOf = (file: string, offset: number) => fileText(file).lines.position(offset).line + 1;
const slice = (file: string, start: number, end: number) => fileText(file).text.slice(start, end);
const overlaps = (a: { file: string; start: number; end: number }, b: { file: string; start: number; end: number }) =>
  a.file === b.file && a.start < b.end && b.start < a.end;

function readJsonArray(name: string): unknown[] {
  const full = path.join(corpusDir, name);
  if (!existsSync(full)) throw new Failure(`The corpus has no ${name} (${full}).`);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(full, 'utf8'));
  } catch (error) {
    throw new Failure(`${name} is not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(value)) throw new Failure(`${name} is not a JSON array.`);
  return value;
}

/** Checks each span's shape and that its text is the file's text at its offsets; returns the problems. */
function checkSpans(name: string, spans: unknown[], label: 'type' | 'why'): string[] {
  const problems: string[] = [];
  spans.forEach((raw, i) => {
    const s = raw as Record<string, unknown>;
    const where = `${name}[${i}]`;
    if (typeof s !== 'object' || s === null || typeof s.file !== 'string' || typeof s.text !== 'string' || typeof s[label] !== 'string') {
      problems.push(`${where}: needs string fields file, text and ${label}`);
      return;
    }
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end)) {
      problems.push(`${where} (${s.file}): start and end must be integers`);
      return;
    }
    const file = corpusPath(s.file);
    if (file === undefined) {
      problems.push(`${where}: file ${s.file} is outside the corpus`);
      return;
    }
    s.file = file;
    const start = s.start as number;
    const end = s.end as number;
    let text: string;
    try {
      text = fileText(file).text;
    } catch {
      problems.push(`${where}: file ${s.file} does not exist in the corpus`);
      return;
    }
    if (start < 0 || end <= start || end > text.length) {
      problems.push(`${where} (${s.file}): offsets ${start}-${end} are outside the file (length ${text.length}) or empty`);
      return;
    }
    const actual = text.slice(start, end);
    if (actual !== s.text) {
      problems.push(`${where}: ${s.file} line ${lineOf(file, start)}, offsets ${start}-${end}: expected ${JSON.stringify(s.text)}, the file has ${JSON.stringify(actual)}`);
    }
  });
  return problems;
}

// ---------------------------------------------------------------- the checker

function runChecker(cli: string, codebook: string | undefined): { diagnostics: Diagnostic[]; ms: number } {
  const args = [cli, 'check', '--anon-only', '--format', 'json', ...(codebook ? ['--codebook', codebook] : []), corpusDir];
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: corpusDir, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - started;
  const command = `node ${args.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ')}`;
  const stderr = run.stderr?.trim() ? `\n--- its stderr:\n${run.stderr.trim()}` : '';
  if (run.error) throw new Failure(`The checker could not run (${command}): ${run.error.message}`);
  if (run.status !== 0 && run.status !== 1) {
    const how = run.status === null ? `was killed by ${run.signal}` : `exited with status ${run.status}`;
    throw new Failure(`The checker failed: ${command} ${how} (0 or 1 expected).${stderr}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(run.stdout);
  } catch (error) {
    const start = run.stdout.trim().slice(0, 300);
    throw new Failure(`The checker's output is not JSON (${(error as Error).message}): ${command} printed ${start ? JSON.stringify(start) : 'nothing'}.${stderr}`);
  }
  if (!Array.isArray(value)) throw new Failure(`The checker's output is not a JSON array (${command}).`);
  value.forEach((d, i) => {
    const item = d as Record<string, unknown>;
    const range = item?.range as Diagnostic['range'] | undefined;
    const pos = (p: unknown) => typeof p === 'object' && p !== null && Number.isInteger((p as Record<string, unknown>).line) && Number.isInteger((p as Record<string, unknown>).character);
    if (typeof item !== 'object' || item === null || typeof item.file !== 'string' || typeof item.code !== 'string' || typeof item.message !== 'string' || !range || !pos(range.start) || !pos(range.end)) {
      throw new Failure(`The checker's output item ${i} is not in the documented format (file, range, severity, code, message): ${JSON.stringify(d).slice(0, 300)}`);
    }
  });
  return { diagnostics: value as Diagnostic[], ms };
}

function locate(d: Diagnostic): Located {
  // The CLI reports paths relative to its working folder (the corpus), or absolute.
  const file = corpusPath(d.file);
  if (file === undefined) throw new Failure(`The checker reported a file outside the corpus: ${d.file}`);
  const { lines } = fileText(file);
  const start = lines.offset(d.range.start);
  const end = lines.offset(d.range.end);
  return { file, start, end, type: d.code.slice('anon/'.length), code: d.code, message: d.message };
}

// ---------------------------------------------------------------- scoring

const ratio = (n: number, d: number): Ratio => (d === 0 ? null : n / d);
function scores(gold: number, findings: number, found: number, correct: number): Scores {
  const precision = ratio(correct, findings);
  const recall = ratio(found, gold);
  const f1 = precision === null || recall === null ? null : precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { gold, findings, found, correct, precision, recall, f1 };
}

function evaluate(gold: GoldSpan[], traps: Trap[], diagnostics: Diagnostic[], cli: string, ms: number) {
  const anon = diagnostics.filter((d) => d.code.startsWith('anon/')).map(locate);
  const findings = anon.filter((f) => f.type !== HINT);
  const hints = anon.filter((f) => f.type === HINT);
  const ignored = diagnostics.length - anon.length;

  const types = [...TYPES, ...[...new Set([...gold.map((g) => g.type), ...findings.map((f) => f.type)])].filter((t) => !TYPES.includes(t)).sort()];
  const byType = types.map((type) => {
    const g = gold.filter((s) => s.type === type);
    const f = findings.filter((s) => s.type === type);
    const found = g.filter((s) => f.some((x) => overlaps(s, x))).length;
    const correct = f.filter((x) => g.some((s) => overlaps(s, x))).length;
    return { type, ...scores(g.length, f.length, found, correct) };
  });

  const foundBy = (s: GoldSpan) => findings.filter((f) => overlaps(s, f));
  const found = gold.filter((s) => foundBy(s).length > 0);
  const typeCorrect = gold.filter((s) => foundBy(s).some((f) => f.type === s.type));
  const correct = findings.filter((f) => gold.some((s) => overlaps(s, f)));
  const overall = {
    ...scores(gold.length, findings.length, found.length, correct.length),
    typeCorrectFound: typeCorrect.length,
    typeCorrectRecall: ratio(typeCorrect.length, gold.length),
  };

  const flagged = traps.map((t) => ({ trap: t, by: findings.filter((f) => overlaps(t, f)) })).filter((x) => x.by.length > 0);
  const whys = [...new Set(traps.map((t) => t.why))].sort();
  const trapReport = {
    total: traps.length,
    flagged: flagged.length,
    byWhy: whys.map((why) => ({ why, total: traps.filter((t) => t.why === why).length, flagged: flagged.filter((x) => x.trap.why === why).length })),
    list: flagged.map(({ trap, by }) => ({ file: trap.file, line: lineOf(trap.file, trap.start), text: trap.text, why: trap.why, codes: [...new Set(by.map((f) => f.code))] })),
  };

  const describe = (f: Located) => ({ file: f.file, line: lineOf(f.file, f.start), code: f.code, text: slice(f.file, f.start, f.end), message: f.message });
  const order = <T extends { file: string; line: number }>(xs: T[]) => xs.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  const missed = order(gold.filter((s) => !found.includes(s)).map((s) => ({ file: s.file, line: lineOf(s.file, s.start), type: s.type, text: s.text })));
  const wrong = order(findings.filter((f) => !correct.includes(f)).map(describe));
  // Found, but only by findings of another type: right overall, wrong per type.
  const wrongType = order(
    found
      .filter((s) => !typeCorrect.includes(s))
      .map((s) => ({ file: s.file, line: lineOf(s.file, s.start), type: s.type, text: s.text, codes: [...new Set(foundBy(s).map((f) => f.code))] })),
  );

  // The targets hold for English and Norwegian notes alike: the same figures, note language by note language.
  const languageOfFile = new Map([...new Set([...gold.map((s) => s.file), ...traps.map((t) => t.file), ...findings.map((f) => f.file)])].map((file) => [file, fileLanguage(fileText(file).text)]));
  const byLanguage = [...new Set(languageOfFile.values())].sort().map((language) => {
    const here = (x: { file: string }) => languageOfFile.get(x.file) === language;
    const g = gold.filter(here);
    const persons = g.filter((s) => s.type === 'person');
    const f = findings.filter(here);
    const t = traps.filter(here);
    return {
      language,
      notes: [...languageOfFile].filter(([, l]) => l === language).length,
      ...scores(g.length, f.length, g.filter((s) => found.includes(s)).length, f.filter((x) => correct.includes(x)).length),
      personRecall: ratio(persons.filter((s) => foundBy(s).some((x) => x.type === 'person')).length, persons.length),
      traps: t.length,
      trapsFlagged: flagged.filter((x) => here(x.trap)).length,
    };
  });

  return {
    corpus: corpusDir,
    cli,
    byLanguage,
    checkerMs: Math.round(ms),
    types: byType,
    overall,
    traps: trapReport,
    hints: { count: hints.length, list: order(hints.map(describe)) },
    ignoredDiagnostics: ignored,
    missed,
    wrong,
    wrongType,
    rules: RULES,
  };
}

// ---------------------------------------------------------------- output

type Report = ReturnType<typeof evaluate>;
const fixed = (r: Ratio) => (r === null ? 'n/a' : r.toFixed(3));

function table(report: Report): string {
  const head = ['type', 'gold', 'findings', 'found', 'correct', 'precision', 'recall', 'F1'];
  const row = (name: string, s: Scores) => [name, String(s.gold), String(s.findings), String(s.found), String(s.correct), fixed(s.precision), fixed(s.recall), fixed(s.f1)];
  const rows = [head, ...report.types.map((t) => row(t.type, t)), row('overall', report.overall)];
  const widths = head.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const out: string[] = [`Anonymisation checker on ${path.relative(process.cwd(), report.corpus) || '.'}`, '', line(head), rule];
  for (const r of rows.slice(1, -1)) out.push(line(r));
  out.push(rule, line(rows[rows.length - 1]!));
  const o = report.overall;
  out.push(`type-correct recall: ${o.typeCorrectFound}/${o.gold} = ${fixed(o.typeCorrectRecall)}`);
  out.push('', 'By note language (its front matter, else its words):');
  for (const l of report.byLanguage) {
    const share = l.traps ? ` (${((100 * l.trapsFlagged) / l.traps).toFixed(1)}%)` : '';
    out.push(`  ${l.language}  ${l.notes} notes  recall ${fixed(l.recall)}  person recall ${fixed(l.personRecall)}  precision ${fixed(l.precision)}  traps flagged ${l.trapsFlagged}/${l.traps}${share}`);
  }
  out.push('', `Traps flagged: ${report.traps.flagged} of ${report.traps.total}`);
  const whyWidth = Math.max(0, ...report.traps.byWhy.map((w) => w.why.length));
  for (const w of report.traps.byWhy) out.push(`  ${w.why.padEnd(whyWidth)}  ${w.flagged}/${w.total}`);
  out.push(`Hints (anon/indirect, not scored): ${report.hints.count}.  Other diagnostics ignored: ${report.ignoredDiagnostics}.`);

  const q = (s: string) => JSON.stringify(s);
  const list = (title: string, items: string[]) => {
    out.push('', `${title} (${items.length})${items.length ? ':' : ''}`);
    for (const item of items) out.push(`  ${item}`);
  };
  list('Flagged traps', report.traps.list.map((t) => `${t.file}:${t.line}  ${q(t.text)}  (${t.why})  by ${t.codes.join(', ')}`));
  list('Missed gold spans', report.missed.map((m) => `${m.file}:${m.line}  ${m.type}  ${q(m.text)}`));
  list('Wrong findings (overlap no gold span)', report.wrong.map((w) => `${w.file}:${w.line}  ${w.code}  ${q(w.text)}  ${w.message}`));
  list('Found only with another type', report.wrongType.map((w) => `${w.file}:${w.line}  ${w.type}  ${q(w.text)}  by ${w.codes.join(', ')}`));
  list('Hints', report.hints.list.map((h) => `${h.file}:${h.line}  ${q(h.text)}  ${h.message}`));

  out.push('', 'Scoring:');
  for (const r of report.rules) out.push(`- ${r}`);
  out.push(`Checker time (whole CLI process, wall clock; for information only): ${report.checkerMs} ms.`);
  return out.join('\n');
}

// ---------------------------------------------------------------- main

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { json: { type: 'boolean' }, cli: { type: 'string' }, codebook: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    throw new Failure(`${(error as Error).message}\n${USAGE}`, 2);
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  if (parsed.positionals.length > 1) throw new Failure(`Give at most one corpus folder.\n${USAGE}`, 2);
  corpusDir = parsed.positionals[0] === undefined ? DEFAULT_CORPUS : path.resolve(parsed.positionals[0]);
  if (!existsSync(corpusDir) || !statSync(corpusDir).isDirectory()) {
    throw new Failure(`No corpus at ${corpusDir}: the folder does not exist. Give the corpus folder as an argument.`, 2);
  }
  const cli = path.resolve(parsed.values.cli ?? DEFAULT_CLI);
  if (!existsSync(cli)) throw new Failure(`No CLI at ${cli}${parsed.values.cli ? '' : ' (run npm run build)'}.`, 2);

  const goldRaw = readJsonArray('gold.json');
  const trapsRaw = readJsonArray('traps.json');
  const problems = [...checkSpans('gold.json', goldRaw, 'type'), ...checkSpans('traps.json', trapsRaw, 'why')];
  if (problems.length) {
    throw new Failure(`The corpus is inconsistent (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
  // checkSpans has put each file in corpusPath form.
  const gold = goldRaw as GoldSpan[];
  const traps = trapsRaw as Trap[];

  const codebook = parsed.values.codebook === undefined ? undefined : path.resolve(parsed.values.codebook);
  if (codebook && !existsSync(codebook)) throw new Failure(`No codebook at ${codebook}.`, 2);
  const { diagnostics, ms } = runChecker(cli, codebook);
  const report = evaluate(gold, traps, diagnostics, cli, ms);
  console.log(parsed.values.json ? JSON.stringify(report, null, 2) : table(report));
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof Failure)) throw error;
  console.error(`anonEval: ${error.message}`);
  process.exitCode = error.status;
}
