import type { FrontMatterBlock } from '../dialect/model.js';
import type { Messages } from '../i18n/messages.js';
import { nodeAt, pointerPath, readYaml, spanOfNode, documentSpan, yamlValue } from '../yaml/yamlSource.js';
import { validateFrontMatter } from '../yaml/schemaErrors.js';
import type { Diagnostic } from './diagnostic.js';
import type { Span } from '../text/range.js';

export interface FrontMatter {
  /** The YAML as data; empty when the note has none or it cannot be read. */
  data: Record<string, unknown>;
  /** Where each top-level key's value is, for messages about it. */
  valueSpans: Map<string, Span>;
}

/** A front-matter value as text (`case: 8` is the case `8`), or undefined when it is missing or empty. */
export function frontMatterText(value: unknown): string | undefined {
  return value === undefined || value === null || value === '' ? undefined : String(value);
}

/** The case attributes a note's front matter gives (`attributes: { landsdel: Nord }`) as key and raw value; none when `attributes` is not a mapping. */
export function frontMatterAttributes(data: Record<string, unknown>): [string, unknown][] {
  const attributes = data.attributes;
  return attributes && typeof attributes === 'object' && !Array.isArray(attributes) ? Object.entries(attributes) : [];
}

/** Reads and checks a note's front matter against the schema that ships with the project. */
export function readFrontMatter(text: string, block: FrontMatterBlock | undefined, msg: Messages): { frontMatter: FrontMatter; diagnostics: Diagnostic[] } {
  if (!block) return { frontMatter: { data: {}, valueSpans: new Map() }, diagnostics: [] };
  return readFlatFrontMatter(text, block) ?? readFrontMatterByYaml(text, block, msg);
}

/*
 * Most front matter is flat `key: value` lines, with at most a flow map of
 * the same (`attributes: { landsdel: Nord, ansatte: 21 }`). The yaml
 * package's full document parse costs more than the rest of a note's
 * reading; such text is read here instead, to the same data and spans, and
 * only when the result is valid (so every message still comes from the full
 * route). Anything else, or any doubt, goes to the full parse.
 */
/** A plain scalar the YAML 1.2 core schema reads as this very string: no indicator, comment, `: `, quote or flow character, no space at either end, nothing that could be a number, null or boolean. */
const FLAT_STRING = /^[\p{L}_][\p{L}\p{M}\p{N}_ .\/-]*$/u;
const NOT_A_STRING = /^(?:null|true|false|y|n|yes|no|on|off)$/i;
/** An ISO date is a string in YAML 1.2's core schema (no timestamps). */
const FLAT_DATE = /^\d{4}-\d{2}-\d{2}$/;
const FLAT_INT = /^(?:0|[1-9][0-9]{0,14})$/;
const FLAT_LINE = /^([A-Za-z][A-Za-z0-9_-]*): +(.*)$/;
const FLOW_ENTRY = /^ *([A-Za-z][A-Za-z0-9_-]*): +([^,{}]*?) *$/;

/** The value a flat scalar stands for, or undefined when it is not provably read so. */
function flatScalar(value: string): string | number | undefined {
  if (FLAT_INT.test(value)) return Number(value);
  if (FLAT_DATE.test(value)) return value;
  if (FLAT_STRING.test(value) && !value.endsWith(' ') && !NOT_A_STRING.test(value) && !value.includes('  ')) return value;
  return undefined;
}

/** The flat route: undefined unless the front matter is flat, read exactly, and valid. */
export function readFlatFrontMatter(text: string, block: FrontMatterBlock): { frontMatter: FrontMatter; diagnostics: Diagnostic[] } | undefined {
  const { start, end } = block.valueSpan;
  if (start >= end || text.charCodeAt(end - 1) !== 10) return undefined;
  const data: Record<string, unknown> = {};
  const valueSpans = new Map<string, Span>();
  let lineStart = start;
  while (lineStart < end) {
    const lineEnd = text.indexOf('\n', lineStart);
    const contentEnd = text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    const match = FLAT_LINE.exec(text.slice(lineStart, contentEnd));
    if (!match) return undefined;
    const key = match[1]!;
    const raw = match[2]!;
    if (Object.hasOwn(data, key) || NOT_A_STRING.test(key)) return undefined;
    const valueStart = contentEnd - raw.length;
    if (raw.startsWith('{')) {
      if (!raw.endsWith('}')) return undefined;
      const map: Record<string, unknown> = {};
      let at = valueStart + 1;
      let first: Span | undefined;
      for (const entry of raw.slice(1, -1).split(',')) {
        const e = FLOW_ENTRY.exec(entry);
        const value = e && flatScalar(e[2]!);
        if (!e || value === undefined || Object.hasOwn(map, e[1]!) || NOT_A_STRING.test(e[1]!)) return undefined;
        map[e[1]!] = value;
        if (!first) {
          const keyStart = at + entry.indexOf(e[1]!);
          first = { start: keyStart, end: keyStart + e[1]!.length };
        }
        at += entry.length + 1;
      }
      if (!first) return undefined;
      data[key] = map;
      valueSpans.set(key, first);
    } else {
      const value = flatScalar(raw);
      if (value === undefined) return undefined;
      data[key] = value;
      valueSpans.set(key, { start: valueStart, end: contentEnd });
    }
    lineStart = lineEnd + 1;
  }
  if (!validateFrontMatter(data)) return undefined;
  if (typeof data.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(data.date) && !isRealDate(data.date)) return undefined;
  return { frontMatter: { data, valueSpans }, diagnostics: [] };
}

/** The full route: the reading `readFrontMatter` must equal, over the yaml package's document. */
export function readFrontMatterByYaml(text: string, block: FrontMatterBlock, msg: Messages): { frontMatter: FrontMatter; diagnostics: Diagnostic[] } {
  const empty: FrontMatter = { data: {}, valueSpans: new Map() };
  const source = readYaml(text.slice(block.valueSpan.start, block.valueSpan.end), block.valueSpan.start);
  const diagnostics: Diagnostic[] = source.errors.map((e) => ({ span: e.span, severity: 'error', code: 'frontmatter/invalid', message: msg.frontmatterYaml(e.reason) }));
  if (diagnostics.length) return { frontMatter: empty, diagnostics };
  const read = yamlValue(source);
  if ('tooManyAliases' in read) {
    return { frontMatter: empty, diagnostics: [{ span: read.tooManyAliases, severity: 'error', code: 'frontmatter/invalid', message: msg.frontmatterYaml(msg.yamlTooManyAliases()) }] };
  }
  const data = read.value;
  if (data === null || data === undefined) return { frontMatter: empty, diagnostics };
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { frontMatter: empty, diagnostics: [{ span: documentSpan(source), severity: 'error', code: 'frontmatter/invalid', message: msg.frontmatterNotMapping() }] };
  }
  if (!validateFrontMatter(data)) {
    for (const error of validateFrontMatter.errors ?? []) {
      const path = pointerPath(error.instancePath);
      const key = path.map(String).join('.');
      const span = spanOfNode(source, nodeAt(source, path)) ?? documentSpan(source);
      let message: string;
      if (error.keyword === 'enum') message = msg.frontmatterEnum(key, (error.params.allowedValues as unknown[]).map(String));
      else if (error.keyword === 'pattern') message = msg.frontmatterDate(key);
      else if (error.keyword === 'type') message = msg.frontmatterType(key, [error.params.type].flat().map((t) => msg.typeName(String(t))).join(' / '));
      else message = `${key}: ${error.message ?? error.keyword}`;
      diagnostics.push({ span, severity: 'error', code: 'frontmatter/invalid', message });
    }
  }
  const record = data as Record<string, unknown>;
  if (typeof record.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(record.date) && !isRealDate(record.date)) {
    diagnostics.push({ span: spanOfNode(source, nodeAt(source, ['date']))!, severity: 'error', code: 'frontmatter/invalid', message: msg.frontmatterDate('date') });
  }
  const valueSpans = new Map<string, Span>();
  for (const key of Object.keys(record)) {
    const span = spanOfNode(source, nodeAt(source, [key]));
    if (span) valueSpans.set(key, span);
  }
  return { frontMatter: { data: record, valueSpans }, diagnostics };
}

function isRealDate(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
