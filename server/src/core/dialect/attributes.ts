import type { Annotation, Attribute, CodeRef } from './model.js';
import type { Span } from '../text/range.js';
import type { Diagnostic } from '../checks/diagnostic.js';
import type { Messages } from '../i18n/messages.js';

/**
 * Reads the `{...}` of an annotation: `#codes`, `key=value` and
 * `key="quoted value"` separated by whitespace. Line breaks inside are
 * allowed; on a continuation line, container prefixes (`>`) count as space.
 *
 * Returns the annotation and the offset just past `}`; `end` is undefined
 * when the block is never closed before `limit`.
 */
export interface AttributeBlockResult {
  annotation: Annotation;
  end: number | undefined;
  diagnostics: Diagnostic[];
}

const CODE_CHAR = /[\p{L}\p{N}\p{M}_.\-/]/u;
const KEY_CHAR = /[\p{L}\p{N}_\-]/u;

export const KNOWN_ATTRIBUTES = ['evidence', 'memo'] as const;

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

/** After a line break inside a block, skip the container prefix of the next line. */
function skipSpaceAndPrefixes(text: string, i: number, limit: number): number {
  let atLineStart = false;
  while (i < limit) {
    const c = text[i];
    if (c === '\n' || c === '\r') {
      atLineStart = true;
      i++;
    } else if (c === ' ' || c === '\t') i++;
    else if (c === '>' && atLineStart) i++;
    else break;
  }
  return i;
}

export function parseAttributeBlock(text: string, open: number, limit: number, msg: Messages): AttributeBlockResult {
  const codes: CodeRef[] = [];
  const attributes: Attribute[] = [];
  const diagnostics: Diagnostic[] = [];
  let i = open + 1;
  for (;;) {
    i = skipSpaceAndPrefixes(text, i, limit);
    if (i >= limit) {
      diagnostics.push({ span: { start: open, end: open + 1 }, severity: 'error', code: 'syntax/unclosed-annotation', message: msg.unclosedAnnotation() });
      return { annotation: annotation(open, limit, codes, attributes), end: undefined, diagnostics };
    }
    const c = text[i]!;
    if (c === '}') {
      return { annotation: annotation(open, i + 1, codes, attributes), end: i + 1, diagnostics };
    }
    if (c === '#') {
      let j = i + 1;
      while (j < limit && CODE_CHAR.test(text[j]!)) j++;
      // A trailing `.` or `/` is punctuation, not part of the id.
      while (j > i + 1 && (text[j - 1] === '.' || text[j - 1] === '/')) j--;
      if (j === i + 1) {
        const end = tokenEnd(text, i, limit);
        diagnostics.push(invalid(text, i, end, msg));
        i = end;
        continue;
      }
      codes.push(codeRef(text, i, j));
      i = j;
      continue;
    }
    if (KEY_CHAR.test(c)) {
      let j = i;
      while (j < limit && KEY_CHAR.test(text[j]!)) j++;
      if (text[j] === '=') {
        const attribute = readValue(text, i, j, limit, msg, diagnostics);
        if (attribute) {
          attributes.push(attribute);
          i = attribute.span.end;
          continue;
        }
        // Unclosed quote: the rest of the block is unreadable.
        return { annotation: annotation(open, limit, codes, attributes), end: undefined, diagnostics };
      }
    }
    const end = tokenEnd(text, i, limit);
    diagnostics.push(invalid(text, i, end, msg));
    i = end;
  }
}

/** Codes and attributes are read at note offsets, then kept relative to the annotation (see `AnnotationBody`). */
function annotation(open: number, end: number, codes: CodeRef[], attributes: Attribute[]): Annotation {
  const rel = (x: Span): Span => ({ start: x.start - open, end: x.end - open });
  return {
    span: { start: open, end },
    body: {
      codes: codes.map((c) => ({ ...c, span: rel(c.span), idSpan: rel(c.idSpan), dimensionSpan: rel(c.dimensionSpan), variationSpan: c.variationSpan && rel(c.variationSpan) })),
      attributes: attributes.map((a) => ({ ...a, span: rel(a.span), keySpan: rel(a.keySpan), valueSpan: rel(a.valueSpan) })),
    },
  };
}

function tokenEnd(text: string, i: number, limit: number): number {
  let j = i + 1;
  while (j < limit && !isSpace(text[j]) && text[j] !== '}') j++;
  return j;
}

function invalid(text: string, start: number, end: number, msg: Messages): Diagnostic {
  return { span: { start, end }, severity: 'error', code: 'syntax/invalid-attribute', message: msg.invalidAttribute(text.slice(start, end)) };
}

function codeRef(text: string, hash: number, end: number): CodeRef {
  const raw = text.slice(hash + 1, end);
  const slash = raw.indexOf('/');
  const idSpan = { start: hash + 1, end };
  if (slash < 0) {
    return { id: raw.normalize('NFC'), dimension: raw.normalize('NFC'), variation: undefined, span: { start: hash, end }, idSpan, dimensionSpan: idSpan, variationSpan: undefined };
  }
  const dimension = raw.slice(0, slash).normalize('NFC');
  const variation = raw.slice(slash + 1).normalize('NFC');
  return {
    id: `${dimension}/${variation}`,
    dimension,
    variation,
    span: { start: hash, end },
    idSpan,
    dimensionSpan: { start: hash + 1, end: hash + 1 + slash },
    variationSpan: { start: hash + 2 + slash, end },
  };
}

function readValue(text: string, keyStart: number, eq: number, limit: number, msg: Messages, diagnostics: Diagnostic[]): Attribute | undefined {
  const key = text.slice(keyStart, eq);
  const keySpan = { start: keyStart, end: eq };
  let i = eq + 1;
  if (text[i] === '"') {
    let value = '';
    let j = i + 1;
    while (j < limit && text[j] !== '"') {
      if (text[j] === '\\' && (text[j + 1] === '"' || text[j + 1] === '\\')) {
        value += text[j + 1];
        j += 2;
      } else if (text[j] === '\n' || text[j] === '\r') {
        // A memo may wrap; the next line's container prefix is not part of it.
        const next = skipSpaceAndPrefixes(text, j, limit);
        value += ' ';
        j = next;
      } else {
        value += text[j];
        j++;
      }
    }
    if (j >= limit) {
      diagnostics.push({ span: { start: i, end: i + 1 }, severity: 'error', code: 'syntax/unclosed-annotation', message: msg.unclosedQuote() });
      return undefined;
    }
    return { key, value, span: { start: keyStart, end: j + 1 }, keySpan, valueSpan: { start: i + 1, end: j }, quoted: true };
  }
  let j = i;
  while (j < limit && !isSpace(text[j]) && text[j] !== '}') j++;
  return { key, value: text.slice(i, j).normalize('NFC'), span: { start: keyStart, end: j }, keySpan, valueSpan: { start: i, end: j }, quoted: false };
}
