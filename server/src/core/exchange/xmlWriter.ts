/**
 * Writing XML for the REFI-QDA files. The files are small trees written
 * once, so a builder of strings is enough; what matters is that every
 * value survives: attribute line breaks are written as character
 * references (a parser would turn a raw one into a space), and characters
 * XML 1.0 cannot hold become U+FFFD, one code point for one, so positions
 * counted in code points do not move.
 */

export type XmlAttributes = Record<string, string | number | boolean | undefined>;

export interface XmlElement {
  name: string;
  attributes: XmlAttributes;
  /** Child elements, or the element's text. */
  content: XmlElement[] | string;
}

export function element(name: string, attributes: XmlAttributes = {}, content: XmlElement[] | string = []): XmlElement {
  return { name, attributes, content };
}

/** `xs:sequence` with optional parts: leaves out what is undefined. */
export function children(...items: (XmlElement | XmlElement[] | undefined | false)[]): XmlElement[] {
  return items.flatMap((item) => (item === undefined || item === false ? [] : Array.isArray(item) ? item : [item]));
}

export function serialize(root: XmlElement): string {
  const out: string[] = ['<?xml version="1.0" encoding="utf-8"?>\n'];
  write(root, 0, out);
  return out.join('');
}

function write(node: XmlElement, depth: number, out: string[]): void {
  const indent = '  '.repeat(depth);
  const attributes = Object.entries(node.attributes)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ` ${key}="${escapeAttribute(String(value))}"`)
    .join('');
  if (typeof node.content === 'string') {
    out.push(`${indent}<${node.name}${attributes}>${escapeText(node.content)}</${node.name}>\n`);
  } else if (node.content.length === 0) {
    out.push(`${indent}<${node.name}${attributes}/>\n`);
  } else {
    out.push(`${indent}<${node.name}${attributes}>\n`);
    for (const child of node.content) write(child, depth + 1, out);
    out.push(`${indent}</${node.name}>\n`);
  }
}

// Tab, line feed and carriage return are allowed; other C0 controls, lone surrogates and U+FFFE/U+FFFF are not.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '\uFFFD');
}

function escapeText(text: string): string {
  // `\r` as a reference: a parser turns a raw one into `\n`.
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

function escapeAttribute(text: string): string {
  return xmlSafe(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}
