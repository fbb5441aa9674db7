import schema from '../../../schemas/frontmatter.schema.json' with { type: 'json' };
import type { FrontMatterBlock } from '../dialect/model.js';
import type { Messages } from '../i18n/messages.js';
import { nodeAt, pointerPath, readYaml, spanOfNode, documentSpan } from '../yaml/yamlSource.js';
import { validatorFor } from '../yaml/schemaErrors.js';
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
  const empty: FrontMatter = { data: {}, valueSpans: new Map() };
  if (!block) return { frontMatter: empty, diagnostics: [] };
  const source = readYaml(text.slice(block.valueSpan.start, block.valueSpan.end), block.valueSpan.start);
  const diagnostics: Diagnostic[] = source.errors.map((e) => ({ span: e.span, severity: 'error', code: 'frontmatter/invalid', message: msg.frontmatterYaml(e.reason) }));
  if (diagnostics.length) return { frontMatter: empty, diagnostics };
  const data: unknown = source.doc.toJS();
  if (data === null || data === undefined) return { frontMatter: empty, diagnostics };
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { frontMatter: empty, diagnostics: [{ span: documentSpan(source), severity: 'error', code: 'frontmatter/invalid', message: msg.frontmatterNotMapping() }] };
  }
  const validate = validatorFor(schema);
  if (!validate(data)) {
    for (const error of validate.errors ?? []) {
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
