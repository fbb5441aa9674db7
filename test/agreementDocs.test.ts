import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { referenceFigures, type ReferenceVariable } from './support/agreementReference.js';
import { fieldnotes } from './support/cli.js';
import { ROOT } from './support/paths.js';

/**
 * The worked examples of docs/agreement.md. Each example is the notes in
 * its ```markdown file=NAME blocks (with the ```yaml file=NAME blocks above
 * it, such as the codebook), the lines its ```text output blocks say the
 * command prints, and a comment `<!-- agree {...} -->` with how to run it
 * and, per figure, the reliability matrix read off the notes by hand and
 * the figures. The figures must be what the Python references compute
 * from the matrix, and what `fieldnotes agree` computes from the notes.
 */

interface Figure {
  /** Where in the JSON: `transcripts.0.codes.kontaktvei/partner`, `study.overall`, … */
  at: string;
  /** Per coder (in the order of the command's coders), the values per unit: `.` not coded, `_` missing. */
  matrix: Record<string, string>;
  /** Per pair of coders, in the command's order: agreement, Cohen's kappa, Krippendorff's alpha. */
  pairs: (number | null)[][];
  /** Over all coders: agreement, Krippendorff's alpha, Fleiss' kappa. */
  all: (number | null)[];
}

interface Example {
  line: number;
  files: Map<string, string>;
  output: string[];
  run: string[];
  figures: Figure[];
}

const doc = readFileSync(path.join(ROOT, 'docs', 'agreement.md'), 'utf8');
const PART = /```(markdown|yaml) file=(\S+)\n([\s\S]*?)\n```|```text output\n([\s\S]*?)\n```|<!-- agree ([\s\S]*?) -->/g;

const examples: Example[] = [];
{
  const shared = new Map<string, string>();
  let files = new Map<string, string>();
  let output: string[] = [];
  for (const m of doc.matchAll(PART)) {
    if (m[1] === 'yaml') shared.set(m[2]!, m[3]! + '\n');
    else if (m[1] === 'markdown') files.set(m[2]!, m[3]! + '\n');
    else if (m[4] !== undefined) output.push(...m[4].split('\n'));
    else {
      const spec = JSON.parse(m[5]!) as { run: string[]; figures: Figure[] };
      examples.push({ line: doc.slice(0, m.index).split('\n').length, files: new Map([...shared, ...files]), output, run: spec.run, figures: spec.figures });
      files = new Map();
      output = [];
    }
  }
}

const matrixVariable = (figure: Figure): ReferenceVariable => {
  const coders = Object.keys(figure.matrix);
  const columns = coders.map((c) => figure.matrix[c]!.split(' '));
  assert.ok(
    columns.every((c) => c.length === columns[0]!.length),
    `${figure.at}: every coder needs a value (or _) for every unit`,
  );
  return { name: figure.at, coders, units: columns[0]!.map((_, u) => columns.map((c) => (c[u] === '_' ? null : c[u]!))) };
};

/** A figure as written in the docs: three decimals. */
const same = (actual: number | null | undefined, written: number | null, what: string) => {
  if (written === null) assert.equal(actual ?? null, null, `${what}: expected n/a, got ${actual}`);
  else assert.ok(typeof actual === 'number' && Math.abs(actual - written) <= 0.0005 + 1e-9, `${what}: ${actual} ≠ ${written} (docs/agreement.md)`);
};

function at(json: unknown, where: string): { pairs: { units: number; percent: number | null; kappa: number | null; alpha: number | null }[]; all: { percent: number | null; alpha: number | null; fleissKappa: number | null } } {
  let here: unknown = json;
  for (const step of where.split('.')) {
    if (Array.isArray(here)) here = /^\d+$/.test(step) ? here[Number(step)] : here.find((x: { code?: string; dimension?: string }) => x.code === step || x.dimension === step);
    else here = (here as Record<string, unknown>)[step];
    assert.ok(here !== undefined, `${where}: no ${step} in the JSON`);
  }
  return here as ReturnType<typeof at>;
}

const squeeze = (line: string) => line.trim().replace(/\s+/g, ' ');

describe('docs/agreement.md worked examples', () => {
  it('has examples to run, each with figures', () => {
    assert.ok(examples.length >= 4, `found ${examples.length} examples`);
    for (const example of examples) assert.ok(example.figures.length && example.files.size >= 2, `example at docs/agreement.md:${example.line}`);
  });

  it('gives the figures the Python references (scikit-learn, statsmodels, NLTK) compute from each example’s matrix', () => {
    const figures = examples.flatMap((e) => e.figures.map((f) => ({ f, line: e.line })));
    const references = referenceFigures(figures.map(({ f }) => matrixVariable(f)));
    figures.forEach(({ f, line }, n) => {
      const ref = references[n]!;
      const what = `docs/agreement.md:${line} ${f.at}`;
      const coders = Object.keys(f.matrix);
      const variable = matrixVariable(f);
      // Nothing coded ('.' only) has no figures (docs: "n/a, and percentages inflated by uncoded text").
      const nothing = (labels: (string | null)[]) => labels.every((l) => l === '.' || l === null);
      assert.equal(f.pairs.length, ref.pairs.length, `${what}: one figure per pair`);
      ref.pairs.forEach((pair, p) => {
        const [i, j] = [coders.indexOf(pair.a), coders.indexOf(pair.b)];
        const values = variable.units.filter((u) => u[i] !== null && u[j] !== null).flatMap((u) => [u[i]!, u[j]!]);
        const want = nothing(values) ? [null, null, null] : [pair.percent, pair.kappa, pair.alpha];
        ['agreement', 'kappa', 'alpha'].forEach((name, k) => same(want[k]!, f.pairs[p]![k]!, `${what} ${pair.a}–${pair.b} ${name}`));
      });
      const all = nothing(ref.labels) ? [null, null, null] : [ref.all.percent, ref.all.alpha, ref.all.fleiss];
      ['agreement', 'alpha', 'Fleiss kappa'].forEach((name, k) => same(all[k]!, f.all[k]!, `${what} all coders ${name}`));
    });
  });

  for (const example of examples) {
    it(`example at docs/agreement.md:${example.line}: the command gives those figures and prints those lines`, () => {
      const folder = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-agree-docs-'));
      try {
        for (const [name, text] of example.files) writeFileSync(path.join(folder, name), text);
        const json = fieldnotes(['agree', ...example.run, '--format', 'json'], { cwd: folder });
        assert.equal(json.status, 0, json.stderr);
        const report = JSON.parse(json.stdout);
        for (const figure of example.figures) {
          const got = at(report, figure.at);
          const variable = matrixVariable(figure);
          const coders = Object.keys(figure.matrix);
          assert.equal(got.pairs.length, figure.pairs.length, `${figure.at}: pairs`);
          got.pairs.forEach((pair, p) => {
            const [a, b] = [coders.indexOf((pair as unknown as { a: string }).a), coders.indexOf((pair as unknown as { b: string }).b)];
            assert.equal(pair.units, variable.units.filter((u) => u[a] !== null && u[b] !== null).length, `${figure.at} pair ${p}: the matrix has as many units as the command`);
            same(pair.percent, figure.pairs[p]![0]!, `${figure.at} pair ${p} agreement`);
            same(pair.kappa, figure.pairs[p]![1]!, `${figure.at} pair ${p} kappa`);
            same(pair.alpha, figure.pairs[p]![2]!, `${figure.at} pair ${p} alpha`);
          });
          same(got.all.percent, figure.all[0]!, `${figure.at} all coders agreement`);
          same(got.all.alpha, figure.all[1]!, `${figure.at} all coders alpha`);
          same(got.all.fleissKappa, figure.all[2]!, `${figure.at} all coders Fleiss kappa`);
        }
        const text = fieldnotes(['agree', ...example.run], { cwd: folder });
        const printed = new Set(text.stdout.split('\n').map(squeeze));
        for (const line of example.output) assert.ok(printed.has(squeeze(line)), `docs/agreement.md:${example.line} shows a line the command does not print:\n${line}\n\nIt prints:\n${text.stdout}`);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });
  }
});
