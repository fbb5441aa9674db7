import type { Span } from '../text/range.js';
import type { Diagnostic } from '../checks/diagnostic.js';

/**
 * `#dimension/variation` as written. Its spans are relative to the start
 * of its annotation (`absolute()` gives offsets in the note).
 */
export interface CodeRef {
  /** The id as written, without `#`, normalised to Unicode NFC. */
  id: string;
  dimension: string;
  variation: string | undefined;
  /** `#` through the end of the id. */
  span: Span;
  idSpan: Span;
  dimensionSpan: Span;
  variationSpan: Span | undefined;
}

/** `key=value` in an annotation; spans relative to the annotation's start, like `CodeRef`'s. */
export interface Attribute {
  key: string;
  value: string;
  span: Span;
  keySpan: Span;
  /** The value without its quotes. */
  valueSpan: Span;
  quoted: boolean;
}

/**
 * What an annotation says. It does not depend on where the annotation
 * stands, so one object serves every place its block is moved to as the
 * note is edited, and what is derived from it (its resolution against the
 * codebook) can be kept by identity.
 */
export interface AnnotationBody {
  codes: CodeRef[];
  attributes: Attribute[];
}

/** The `{...}` part of a coded segment or a block code line. */
export interface Annotation {
  span: Span;
  body: AnnotationBody;
}

/** A span inside an annotation (of a code or attribute), as offsets in the note. */
export function absolute(annotation: Annotation, relative: Span): Span {
  return { start: annotation.span.start + relative.start, end: annotation.span.start + relative.end };
}

export type SegmentKind = 'inline' | 'block';

export interface Segment {
  kind: SegmentKind;
  /** From the opening `[` (or the block's first character) through the closing `}`. */
  span: Span;
  /** The coded words: between the brackets, or the whole block without its code line. */
  contentSpan: Span;
  /** The coded words as a reader sees them: annotation marks and line prefixes removed. */
  text: string;
  annotation: Annotation;
  /** Index in `ParsedNote.segments` of the segment this one is nested in. */
  parent: number | undefined;
  /** The speaker of the turn the segment starts in. */
  speaker: string | undefined;
}

export type CalloutKind = 'memo' | 'review';

export interface Callout {
  kind: CalloutKind;
  /** Text after the marker on its first line: the reviewer's name for a review. */
  title: string;
  span: Span;
  markerSpan: Span;
  titleSpan: Span;
  body: string;
}

export interface Turn {
  speaker: string;
  labelSpan: Span;
  /** From the label to the end of the turn's last paragraph. */
  span: Span;
}

export interface Placeholder {
  /** The placeholder's words, without brackets: `navn`, `kommune`. */
  text: string;
  span: Span;
}

export interface Heading {
  depth: number;
  text: string;
  span: Span;
}

export interface FrontMatterBlock {
  /** The whole block, fences included. */
  span: Span;
  /** The YAML between the fences. */
  valueSpan: Span;
}

/**
 * Everything the dialect recognises in one note. Produced by `NoteParser`;
 * equal, field for field, whether the note was parsed whole or block by block.
 */
export interface ParsedNote {
  text: string;
  frontMatter: FrontMatterBlock | undefined;
  segments: Segment[];
  callouts: Callout[];
  turns: Turn[];
  placeholders: Placeholder[];
  headings: Heading[];
  /** Problems found while reading the dialect itself (before any codebook). */
  diagnostics: Diagnostic[];
}
