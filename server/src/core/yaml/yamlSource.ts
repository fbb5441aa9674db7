import { isMap, isSeq, parseDocument, visit, type Document, type Node as YamlNode } from 'yaml';
import type { Span } from '../text/range.js';

/**
 * YAML read with source positions, for the codebook and for front matter.
 * `base` is where the YAML starts in the file, so spans are file offsets.
 */
export interface YamlSource {
  doc: Document.Parsed;
  base: number;
  errors: { span: Span; reason: string }[];
}

export function readYaml(text: string, base = 0): YamlSource {
  // The yaml library breaks lines at \n only; a lone \r (old Mac notes) becomes \n, same length, same offsets.
  const doc = parseDocument(text.replace(/\r(?!\n)/g, '\n'), { prettyErrors: false, uniqueKeys: true, strict: true });
  // An error found only at the end of the text (an unclosed bracket or quote) is shown on the last written character, not on an empty last line.
  const lastChar = Math.max(0, text.trimEnd().length - 1);
  const errors = doc.errors.map((e) => {
    const start = Math.min(e.pos[0], lastChar);
    return { span: { start: base + start, end: base + Math.max(Math.min(e.pos[1], text.length), start + 1) }, reason: firstSentence(e.message) };
  });
  return { doc, base, errors };
}

/** Values a YAML text may make through aliases (`*name`) before it is refused: the yaml package's own default. */
const MAX_ALIAS_COUNT = 100;

/**
 * The YAML as plain values, or, where its aliases would repeat an anchor
 * so often that the values could fill the memory (a "billion laughs"),
 * the place of its first alias, to report instead.
 */
export function yamlValue(source: YamlSource): { value: unknown } | { tooManyAliases: Span } {
  try {
    return { value: source.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    let at: Span = documentSpan(source);
    visit(source.doc, {
      Alias(_key, node) {
        if (node.range) at = { start: source.base + node.range[0], end: source.base + node.range[1] };
        return visit.BREAK;
      },
    });
    return { tooManyAliases: at };
  }
}

function firstSentence(message: string): string {
  const line = message.split('\n')[0]!.trim();
  return /[.!?:]$/.test(line) ? line : line + '.';
}

type PathPart = string | number;

/** Splits a JSON pointer (`/dimensions/0/id`) into keys and indexes. */
export function pointerPath(pointer: string): PathPart[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

export function nodeAt(source: YamlSource, path: PathPart[]): YamlNode | undefined {
  let node: unknown = source.doc.contents;
  for (const part of path) {
    if (isMap(node)) node = node.items.find((pair) => keyText(pair.key) === String(part))?.value;
    else if (isSeq(node) && typeof part === 'number') node = node.items[part];
    else return undefined;
  }
  return (node ?? undefined) as YamlNode | undefined;
}

function keyText(key: unknown): string | undefined {
  if (key && typeof key === 'object' && 'value' in key) return String((key as { value: unknown }).value);
  return undefined;
}

/** The span of a node's value, or of its first line when it is a map or list. */
export function spanOfNode(source: YamlSource, node: YamlNode | undefined): Span | undefined {
  if (!node?.range) return undefined;
  const [start, valueEnd] = node.range;
  if (isMap(node) || isSeq(node)) {
    const first = node.items[0] as unknown;
    const firstNode = isMap(node) ? (first as { key?: YamlNode } | undefined)?.key : (first as YamlNode | undefined);
    if (firstNode?.range) return { start: source.base + firstNode.range[0], end: source.base + firstNode.range[1] };
  }
  return { start: source.base + start, end: source.base + valueEnd };
}

/** The span of a key in the map at `path`. */
export function spanOfKey(source: YamlSource, path: PathPart[], key: string): Span | undefined {
  const map = nodeAt(source, path);
  if (!isMap(map)) return undefined;
  const pair = map.items.find((p) => keyText(p.key) === key);
  const range = (pair?.key as YamlNode | undefined)?.range;
  return range ? { start: source.base + range[0], end: source.base + range[1] } : undefined;
}

/** Where to point when nothing better is known: the whole YAML's first character. */
export function documentSpan(source: YamlSource): Span {
  const range = source.doc.contents?.range;
  return range ? { start: source.base + range[0], end: source.base + range[0] + 1 } : { start: source.base, end: source.base };
}
