import { SaxesParser, type SaxesTagNS } from 'saxes';

/**
 * XML read into a small tree for the REFI-QDA import. Every element keeps
 * its line and column, so a problem with a code, a source or a selection
 * can be reported where it stands in `project.qde`. Elements the import
 * does not know (another namespace, a newer schema) are kept like any
 * other; the importers list them as skipped.
 */
export interface XmlElement {
  /** Local name, without prefix. */
  name: string;
  /** Namespace URI; empty when none. */
  ns: string;
  /** Attributes without a prefix by their local name, others as `prefix:local`; namespace declarations left out. */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own character data (text and CDATA between its children), not its descendants'. */
  text: string;
  /** 1-based, of the element's `<`. */
  line: number;
  column: number;
}

export interface XmlError {
  /** The parser's reason, in English. */
  reason: string;
  /** 1-based. */
  line: number;
  column: number;
}

export type XmlReadResult = { ok: true; root: XmlElement } | { ok: false; error: XmlError };

const XMLNS_URI = 'http://www.w3.org/2000/xmlns/';

/** Parses `text`; malformed XML gives the first error with its place, never an exception. */
export function readXml(text: string): XmlReadResult {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let error: XmlError | undefined;

  parser.on('opentagstart', (tag) => {
    // The parser stands just past the name and the character that ended it.
    const column = Math.max(1, parser.column - [...tag.name].length - 1);
    const element: XmlElement = { name: localName(tag.name), ns: '', attrs: {}, children: [], text: '', line: parser.line, column };
    stack.at(-1)?.children.push(element);
    if (!root) root = element;
    stack.push(element);
  });
  parser.on('opentag', (tag) => {
    const element = stack.at(-1);
    if (element) fillElement(element, tag as SaxesTagNS);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const addText = (chunk: string) => {
    const element = stack.at(-1);
    if (element) element.text += chunk;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('error', (e) => {
    error ??= errorFrom(e.message, parser.line, parser.column);
  });

  try {
    parser.write(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).close();
  } catch (e) {
    error ??= errorFrom(e instanceof Error ? e.message : String(e), parser.line, parser.column);
  }
  if (error) return { ok: false, error };
  if (!root) return { ok: false, error: { reason: 'no root element', line: 1, column: 1 } };
  return { ok: true, root };
}

function fillElement(element: XmlElement, tag: SaxesTagNS): void {
  element.ns = tag.uri ?? '';
  for (const attribute of Object.values(tag.attributes)) {
    if (attribute.uri === XMLNS_URI || attribute.name === 'xmlns') continue;
    element.attrs[attribute.prefix ? `${attribute.prefix}:${attribute.local}` : attribute.local] = attribute.value;
  }
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

/** saxes prefixes its messages with `line:column: `; the place is kept apart, 1-based. */
function errorFrom(message: string, line: number, column: number): XmlError {
  const placed = /^(\d+):(\d+): (.*)$/s.exec(message);
  if (placed) return { reason: placed[3]!.trim(), line: Number(placed[1]), column: Number(placed[2]) + 1 };
  return { reason: message.trim(), line, column: column + 1 };
}

/** The children of `element` named `name` (local name, in `element`'s namespace). */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name && child.ns === element.ns);
}

export function childNamed(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((child) => child.name === name && child.ns === element.ns);
}

/** The text of the child named `name`, or undefined when there is none. */
export function childText(element: XmlElement, name: string): string | undefined {
  return childNamed(element, name)?.text;
}
