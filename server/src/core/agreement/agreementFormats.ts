import type { Locale } from '../i18n/messages.js';
import type { Agreement, AgreementReport } from './agreement.js';

const number = (value: number | undefined) => (value === undefined ? 'n/a' : value.toFixed(3));

interface Words {
  code: string;
  overall: string;
  both: string;
  onlyA: string;
  onlyB: string;
  percent: string;
  kappa: string;
  alpha: string;
  words(n: number, a: string, b: string): string;
  unit: string;
}

const en: Words = {
  code: 'code',
  overall: 'all codes',
  both: 'both',
  onlyA: 'only A',
  onlyB: 'only B',
  percent: 'agreement',
  kappa: 'kappa',
  alpha: 'alpha',
  words: (n, a, b) => `${n} words, coded in ${a} (A) and ${b} (B).`,
  unit: 'Units are words; counts are words coded by both, by A only, by B only.',
};
const nb: Words = {
  code: 'kode',
  overall: 'alle koder',
  both: 'begge',
  onlyA: 'bare A',
  onlyB: 'bare B',
  percent: 'enighet',
  kappa: 'kappa',
  alpha: 'alfa',
  words: (n, a, b) => `${n} ord, kodet i ${a} (A) og ${b} (B).`,
  unit: 'Enhetene er ord; tallene er ord kodet av begge, bare av A, bare av B.',
};

function rows(report: AgreementReport, w: Words): string[][] {
  const row = (name: string, x: Agreement) => [name, String(x.both), String(x.onlyA), String(x.onlyB), number(x.percent), number(x.kappa), number(x.alpha)];
  return [...report.codes.map((c) => row(`#${c.code}`, c)), row(w.overall, report.overall)];
}

const head = (w: Words) => [w.code, w.both, w.onlyA, w.onlyB, w.percent, w.kappa, w.alpha];

/** Aligned columns for a terminal. */
export function agreementText(report: AgreementReport, a: string, b: string, locale: Locale): string {
  const w = locale === 'nb' ? nb : en;
  const table = [head(w), ...rows(report, w)];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  const lines = table.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));
  return [w.words(report.words, a, b), '', ...lines, '', w.unit].join('\n');
}

export function agreementMarkdown(report: AgreementReport, a: string, b: string, locale: Locale): string {
  const w = locale === 'nb' ? nb : en;
  const cells = (r: string[]) => `| ${r.join(' | ')} |`;
  return [w.words(report.words, a, b), '', cells(head(w)), cells(head(w).map(() => '---')), ...rows(report, w).map(cells), '', w.unit].join('\n');
}

export function agreementJson(report: AgreementReport, a: string, b: string): string {
  const nullable = (x: Agreement) => ({ ...x, kappa: x.kappa ?? null, alpha: x.alpha ?? null });
  return JSON.stringify({ a, b, unit: 'word', words: report.words, codes: report.codes.map(nullable), overall: nullable(report.overall) }, null, 2);
}
