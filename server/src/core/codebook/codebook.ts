import schema from '../../../schemas/codebook.schema.json' with { type: 'json' };
import type { Diagnostic } from '../checks/diagnostic.js';
import type { Messages } from '../i18n/messages.js';
import { LineIndex } from '../text/lineIndex.js';
import type { Span } from '../text/range.js';
import { schemaDiagnostics, validateCodebook } from '../yaml/schemaErrors.js';
import { nodeAt, readYaml, spanOfKey, spanOfNode, yamlValue, type YamlSource } from '../yaml/yamlSource.js';

const CODEBOOK_ID = new RegExp(schema.definitions.id.pattern, 'u');

/** Whether `id` may be a dimension, variation or pole id: the schema's own pattern (letters of any script, digits, `-`, `_`, `.`). */
export function isCodebookId(id: string): boolean {
  return CODEBOOK_ID.test(id);
}

/** A variation's evidence: a declared pole, `either` (the coder reads each segment), or none. */
export const EITHER = 'either';

export interface Pole {
  id: string;
  label: string;
  description: string | undefined;
  color: string | undefined;
  span: Span;
}

export interface Variation {
  id: string;
  /** `dimension/variation`, as written after `#`. */
  code: string;
  label: string;
  description: string | undefined;
  evidence: string | undefined;
  /** The code's own colour for other QDA tools (`#rrggbb`); undefined: its pole's. */
  color: string | undefined;
  dimension: Dimension;
  span: Span;
}

export interface Dimension {
  id: string;
  label: string;
  description: string | undefined;
  /** The colour of the dimension's parent code in other QDA tools (`#rrggbb`). */
  color: string | undefined;
  variations: Variation[];
  span: Span;
}

export interface Codebook {
  path: string;
  text: string;
  title: string | undefined;
  language: string | undefined;
  poles: Pole[];
  dimensions: Dimension[];
  /** By `dimension/variation`, NFC. */
  codes: Map<string, Variation>;
  dimensionsById: Map<string, Dimension>;
}

export interface LoadedCodebook {
  codebook: Codebook;
  diagnostics: Diagnostic[];
}

const str = (v: unknown) => (typeof v === 'string' ? v.normalize('NFC') : undefined);
const COLOUR = new RegExp(schema.definitions.color.pattern);
/** A colour the schema accepts, else undefined (the schema's diagnostic says why). */
const colour = (v: unknown) => (typeof v === 'string' && COLOUR.test(v) ? v : undefined);

/**
 * Reads a codebook. Problems become diagnostics at their line in the
 * codebook; what could be read is still returned, so notes go on being
 * checked against it while the codebook is half-edited.
 */
export function loadCodebook(text: string, path: string, msg: Messages): LoadedCodebook {
  const source = readYaml(text);
  const diagnostics: Diagnostic[] = source.errors.map((e) => ({ span: e.span, severity: 'error', code: 'codebook/invalid', message: msg.codebookYaml(e.reason) }));
  let data: unknown;
  if (source.errors.length) data = safeToJs(source);
  else {
    const read = yamlValue(source);
    if ('tooManyAliases' in read) diagnostics.push({ span: read.tooManyAliases, severity: 'error', code: 'codebook/invalid', message: msg.codebookYaml(msg.yamlTooManyAliases()) });
    else data = read.value;
  }
  if (diagnostics.length === 0) {
    if (!validateCodebook(data)) diagnostics.push(...schemaDiagnostics(validateCodebook.errors ?? [], source, 'codebook/invalid', msg, (p) => describe(p, data, msg), (p) => allowedKeys(p)));
  }
  const codebook = build(data, source, path, text, msg, diagnostics);
  return { codebook, diagnostics };
}

/** What a codebook with YAML errors still holds, for notes to be checked against while it is half-edited; nothing where it cannot be read. */
function safeToJs(source: YamlSource): unknown {
  try {
    const read = yamlValue(source);
    return 'value' in read ? read.value : undefined;
  } catch {
    return undefined;
  }
}

function describe(path: (string | number)[], data: unknown, msg: Messages): string {
  const root = data as { dimensions?: { id?: unknown; variations?: { id?: unknown }[] }[] } | undefined;
  if (path[0] === 'poles' && typeof path[1] === 'string') {
    const pole = msg.wherePole(path[1]);
    return path.length > 2 ? msg.whereField(String(path[2]), pole) : pole;
  }
  if (path[0] === 'dimensions' && typeof path[1] === 'number') {
    const dimension = root?.dimensions?.[path[1]];
    const dimensionName = typeof dimension?.id === 'string' ? dimension.id : `#${path[1] + 1}`;
    if (path[2] === 'variations' && typeof path[3] === 'number') {
      const variation = dimension?.variations?.[path[3]];
      const variationName = typeof variation?.id === 'string' ? variation.id : `#${path[3] + 1}`;
      const where = msg.whereVariation(variationName, dimensionName);
      return path.length > 4 ? msg.whereField(String(path[4]), where) : where;
    }
    const where = msg.whereDimension(dimensionName);
    return path.length > 2 ? msg.whereField(String(path[2]), where) : where;
  }
  return path.length ? msg.whereField(String(path[0]), msg.whereCodebook()) : msg.whereCodebook();
}

function allowedKeys(path: (string | number)[]): string[] {
  const defs = schema.definitions;
  if (path.length === 0) return Object.keys(schema.properties);
  if (path[0] === 'poles' && path.length === 2) return Object.keys(defs.pole.properties);
  if (path[0] === 'dimensions' && path.length === 2) return Object.keys(defs.dimension.properties);
  if (path[0] === 'dimensions' && path.length === 4) return Object.keys(defs.variation.properties);
  return [];
}

function build(data: unknown, source: YamlSource, path: string, text: string, msg: Messages, diagnostics: Diagnostic[]): Codebook {
  const root = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
  const lines = new LineIndex(text);
  const spanAt = (p: (string | number)[]) => spanOfNode(source, nodeAt(source, p)) ?? { start: 0, end: 0 };
  const poles: Pole[] = [];
  const rawPoles = root.poles && typeof root.poles === 'object' && !Array.isArray(root.poles) ? (root.poles as Record<string, unknown>) : {};
  for (const [id, value] of Object.entries(rawPoles)) {
    const pole = (value ?? {}) as Record<string, unknown>;
    const span = spanOfKey(source, ['poles'], id) ?? spanAt(['poles']);
    if (id === 'either') {
      diagnostics.push({ span, severity: 'error', code: 'codebook/invalid', message: msg.codebookReservedPole() });
      continue;
    }
    poles.push({ id: id.normalize('NFC'), label: str(pole.label) ?? id, description: str(pole.description), color: str(pole.color), span });
  }
  const poleIds = poles.map((p) => p.id);
  const dimensions: Dimension[] = [];
  const codes = new Map<string, Variation>();
  const dimensionsById = new Map<string, Dimension>();
  const rawDimensions = Array.isArray(root.dimensions) ? root.dimensions : [];
  rawDimensions.forEach((rawDimension: unknown, d) => {
    const dim = (rawDimension ?? {}) as Record<string, unknown>;
    const id = str(dim.id);
    if (!id) return;
    const span = spanAt(['dimensions', d, 'id']);
    const existing = dimensionsById.get(id);
    if (existing) {
      diagnostics.push({ span, severity: 'error', code: 'codebook/duplicate-id', message: msg.codebookDuplicateDimension(id, lines.position(existing.span.start).line + 1) });
      return;
    }
    const dimension: Dimension = { id, label: str(dim.label) ?? id, description: str(dim.description), color: colour(dim.color), variations: [], span };
    dimensions.push(dimension);
    dimensionsById.set(id, dimension);
    const rawVariations = Array.isArray(dim.variations) ? dim.variations : [];
    rawVariations.forEach((rawVariation: unknown, v) => {
      const variation = (rawVariation ?? {}) as Record<string, unknown>;
      const vid = str(variation.id);
      if (!vid) return;
      const vspan = spanAt(['dimensions', d, 'variations', v, 'id']);
      const code = `${id}/${vid}`;
      const twin = codes.get(code);
      if (twin) {
        diagnostics.push({ span: vspan, severity: 'error', code: 'codebook/duplicate-id', message: msg.codebookDuplicateVariation(vid, id, lines.position(twin.span.start).line + 1) });
        return;
      }
      let evidence = str(variation.evidence);
      if (evidence !== undefined && evidence !== EITHER && !poleIds.includes(evidence)) {
        const espan = spanAt(['dimensions', d, 'variations', v, 'evidence']);
        diagnostics.push({
          span: espan,
          severity: 'error',
          code: 'codebook/unknown-pole',
          message: poleIds.length ? msg.codebookUnknownPole(evidence, poleIds) : msg.codebookNoPoles(evidence),
        });
        evidence = undefined;
      }
      const entry: Variation = { id: vid, code, label: str(variation.label) ?? vid, description: str(variation.description), evidence, color: colour(variation.color), dimension, span: vspan };
      dimension.variations.push(entry);
      codes.set(code, entry);
    });
  });
  return {
    path,
    text,
    title: str(root.title),
    language: str(root.language),
    poles,
    dimensions,
    codes,
    dimensionsById,
  };
}
