import type { Blockquote, Heading as MdHeading, Nodes, Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { Diagnostic } from '../checks/diagnostic.js';
import type { Messages } from '../i18n/messages.js';
import type { Span } from '../text/range.js';
import { parseAttributeBlock } from './attributes.js';
import { lazyContinuations } from './lazyContinuation.js';
import { readBlocks } from './blocks.js';
import { parseMarkdown } from './markdown.js';
import { deepLines, MAX_PREFIX_COLUMNS } from './nesting.js';
import type { Annotation, Callout, FrontMatterBlock, Heading, Placeholder, Segment } from './model.js';
import { lineEndOf, lineStartOf, nextLineStart, readerText, spansWithin } from './source.js';
import { MULTILINE_HTML } from './units.js';
import { suggest } from '../text/suggest.js';

/**
 * A top-level block, as far as speaker turns care: a labelled paragraph
 * starts a turn, a heading or rule ends it, a callout is the coder's voice
 * and interrupts it, anything else continues it.
 */
export type TopBlock =
  | { kind: 'turn'; span: Span; speaker: string; labelSpan: Span }
  | { kind: 'plain' | 'break' | 'callout'; span: Span };

/**
 * What one parse unit (a run of whole top-level blocks) holds, with spans
 * relative to the unit's first character. Units are cached by their text,
 * so nothing here may depend on what comes before or after the unit.
 */
export interface UnitResult {
  frontMatter: FrontMatterBlock | undefined;
  segments: Segment[];
  callouts: Callout[];
  placeholders: Placeholder[];
  headings: Heading[];
  blocks: TopBlock[];
  diagnostics: Diagnostic[];
  /**
   * The unit ends inside a fenced code block or a multi-line HTML block,
   * so it was cut in the wrong place and must be joined with the next.
   */
  openAtEnd: boolean;
}

const KNOWN_CALLOUTS = { memo: 'memo', review: 'review' } as const;
/** GitHub's alert types: valid Markdown, not ours, not an error. */
const GITHUB_ALERTS = new Set(['note', 'tip', 'important', 'warning', 'caution']);
const CALLOUT_MARKER = /^\[!([\p{L}]+)\]([+-]?)[ \t]*([^\r\n]*)/u;
/** A placeholder's words: a letter first, or a username's `@` or a hashtag's `#` before it (`[@venn1]`, `[#sted]`). */
const PLACEHOLDER = /^[@#]?\p{L}[\p{L}\p{M}\p{N} .,'’\-\/_]*$/u;
const ASCII_PUNCTUATION = /[!-\/:-@\[-`{-~]/;

interface PendingSegment {
  segment: Segment;
  /** A list item's text starts after its marker. */
  stripListMarker: boolean;
}

export function analyseUnit(text: string, atDocumentStart: boolean, msg: Messages): UnitResult {
  return analyseBlocks(text, readBlocks(text, atDocumentStart), atDocumentStart, msg);
}

/**
 * The reading `analyseUnit` must equal: the same analysis over remark-parse's
 * tree of the whole text. Kept for the tests that hold the two together.
 */
export function analyseUnitByRemark(text: string, atDocumentStart: boolean, msg: Messages): UnitResult {
  return analyseBlocks(text, parseMarkdown(text, atDocumentStart).children, atDocumentStart, msg);
}

function analyseBlocks(text: string, topBlocks: RootContent[], atDocumentStart: boolean, msg: Messages): UnitResult {
  const pending: PendingSegment[] = [];
  const marks: Span[] = [];
  const callouts: Callout[] = [];
  const placeholders: Placeholder[] = [];
  const headings: Heading[] = [];
  const blocks: TopBlock[] = [];
  const diagnostics: Diagnostic[] = [];
  /** Where each callout's body is; read once all annotation marks are known. */
  const bodyOf = new Map<number, Span>();
  let frontMatter: FrontMatterBlock | undefined;

  const start = (n: Nodes) => n.position!.start.offset!;
  const end = (n: Nodes) => n.position!.end.offset!;

  function opaqueSpans(node: Paragraph | MdHeading): Span[] {
    const spans: Span[] = [];
    // A stack, not recursion: emphasis and links may nest as deep as the text allows.
    const stack: PhrasingContent[] = [...node.children].reverse();
    while (stack.length) {
      const child = stack.pop()!;
      if (child.type === 'inlineCode' || child.type === 'html') spans.push({ start: start(child), end: end(child) });
      else if (child.type === 'link') {
        if (text[start(child)] === '<') spans.push({ start: start(child), end: end(child) });
        else {
          const last = child.children.at(-1);
          const close = text.indexOf('](', last ? end(last) : start(child) + 1);
          if (close >= 0 && close < end(child)) spans.push({ start: close + 1, end: end(child) });
          for (let i = child.children.length - 1; i >= 0; i--) stack.push(child.children[i]!);
        }
      } else if (child.type === 'image') {
        const close = text.indexOf('](', start(child));
        if (close >= 0 && close < end(child)) spans.push({ start: close + 1, end: end(child) });
      } else if ('children' in child) {
        const children = child.children as PhrasingContent[];
        for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
      }
    }
    return spans.sort((a, b) => a.start - b.start);
  }

  /** Finds coded segments, placeholders and stray codes in [from, to). */
  function scanInline(from: number, to: number, opaque: Span[], taskMarkerAt: number | undefined): void {
    const stack: number[] = [];
    let o = 0;
    for (let i = from; i < to; i++) {
      const code = text.charCodeAt(i);
      // Most characters are none of the four this scanner acts on: passed over by their code alone.
      if (code !== 92 && code !== 91 && code !== 93 && code !== 123) continue;
      while (o < opaque.length && opaque[o]!.end <= i) o++;
      if (o < opaque.length && opaque[o]!.start <= i) {
        i = opaque[o]!.end - 1;
        continue;
      }
      const c = text[i];
      if (c === '\\') {
        if (ASCII_PUNCTUATION.test(text[i + 1] ?? '')) i++;
      } else if (c === '[') {
        stack.push(i);
      } else if (c === ']') {
        const next = text[i + 1];
        if (next === '{') {
          const block = parseAttributeBlock(text, i + 1, to, msg);
          diagnostics.push(...block.diagnostics);
          if (block.end === undefined) return;
          const open = stack.pop();
          if (open === undefined) {
            diagnostics.push({ span: { start: i, end: block.end }, severity: 'error', code: 'syntax/unopened-annotation', message: msg.unopenedAnnotation() });
          } else {
            marks.push({ start: open, end: open + 1 }, { start: i, end: block.end });
            const contentSpan = { start: open + 1, end: i };
            pending.push({
              segment: { kind: 'inline', span: { start: open, end: block.end }, contentSpan, text: '', annotation: block.annotation, parent: undefined, speaker: undefined },
              stripListMarker: false,
            });
          }
          i = block.end - 1;
        } else {
          const open = stack.pop();
          // Not a placeholder: a link `[..](`, a reference `[..][..]` or `[..]:`, an image `![..]`.
          if (open !== undefined && next !== '(' && next !== '[' && next !== ':' && text[open - 1] !== '!' && text[open - 1] !== ']') {
            const words = text.slice(open + 1, i);
            const isTaskMarker = open === taskMarkerAt && /^[ xX]$/.test(words);
            if (!isTaskMarker && words.length <= 60 && PLACEHOLDER.test(words)) placeholders.push({ text: words, span: { start: open, end: i + 1 } });
          }
        }
      } else if (c === '{' && text[i + 1] === '#' && /\p{L}/u.test(text[i + 2] ?? '')) {
        const block = parseAttributeBlock(text, i, to, msg);
        const stop = block.end ?? lineEndOf(text, i);
        diagnostics.push({ span: { start: i, end: Math.min(stop, to) }, severity: 'error', code: 'syntax/stray-code', message: msg.strayCode() });
        i = stop - 1;
      }
    }
  }

  /**
   * A paragraph whose last line is only `{...}` carries a block code for
   * `target` (the paragraph, or the list item or block quote around it).
   */
  function paragraph(node: Paragraph, target: Nodes, taskMarkerAt: number | undefined, labelEnd: number | undefined): void {
    const pStart = start(node);
    const pEnd = end(node);
    const lastLine = lineStartOf(text, pEnd);
    let scanEnd = pEnd;
    const prefix = /^[ \t]*(?:>[ \t]?)*[ \t]*/.exec(text.slice(Math.max(lastLine, pStart), pEnd))![0].length;
    const brace = Math.max(lastLine, pStart) + prefix;
    if (text[brace] === '{' && text.slice(brace, pEnd).trimEnd().endsWith('}')) {
      const block = parseAttributeBlock(text, brace, pEnd, msg);
      if (block.end !== undefined && text.slice(block.end, pEnd).trim() === '') {
        diagnostics.push(...block.diagnostics);
        if (lastLine <= pStart) {
          diagnostics.push({ span: { start: brace, end: block.end }, severity: 'warning', code: 'syntax/orphan-block-code', message: msg.orphanBlockCode() });
          return;
        }
        scanEnd = lastLine;
        addBlockSegment(target, block.annotation, lastLine, pEnd, labelEnd);
      }
    }
    scanInline(pStart, scanEnd, opaqueSpans(node), taskMarkerAt);
  }

  function addBlockSegment(target: Nodes, annotation: Annotation, codeLineStart: number, codeLineEnd: number, labelEnd: number | undefined): void {
    const tStart = start(target);
    let contentEnd = codeLineStart;
    while (contentEnd > tStart && /\s/.test(text[contentEnd - 1]!)) contentEnd--;
    const firstLinePrefix = /^[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+)?/.exec(text.slice(tStart, lineEndOf(text, tStart)))![0].length;
    const contentStart = Math.min(contentEnd, target.type === 'paragraph' && labelEnd !== undefined ? labelEnd : tStart + (target.type === 'paragraph' ? 0 : firstLinePrefix));
    marks.push({ start: codeLineStart, end: codeLineEnd });
    const contentSpan = { start: contentStart, end: contentEnd };
    pending.push({
      segment: { kind: 'block', span: { start: tStart, end: codeLineEnd }, contentSpan, text: '', annotation, parent: undefined, speaker: undefined },
      stripListMarker: target.type === 'listItem',
    });
  }

  function callout(node: Blockquote): boolean {
    const first = node.children[0];
    if (!first || first.type !== 'paragraph') return false;
    const at = start(first);
    const match = CALLOUT_MARKER.exec(text.slice(at, lineEndOf(text, at)));
    if (!match) return false;
    const type = match[1]!;
    const kind = KNOWN_CALLOUTS[type.toLowerCase() as keyof typeof KNOWN_CALLOUTS];
    const markerSpan = { start: at, end: at + type.length + 3 };
    if (!kind) {
      if (!GITHUB_ALERTS.has(type.toLowerCase())) {
        const suggestions = suggest(type.toUpperCase(), ['MEMO', 'REVIEW']);
        diagnostics.push({
          span: markerSpan,
          severity: 'warning',
          code: 'callout/unknown',
          message: msg.unknownCallout(type) + msg.didYouMean(suggestions.map((s) => `[!${s}]`)),
          data: { suggestions: suggestions.map((s) => `[!${s}]`) },
        });
      }
      return false;
    }
    const titleStart = at + match[0].length - match[3]!.length;
    const title = match[3]!.trim();
    const bodyStart = lineEndOf(text, at);
    callouts.push({
      kind,
      title,
      span: { start: start(node), end: end(node) },
      markerSpan,
      titleSpan: { start: titleStart, end: titleStart + title.length },
      body: '',
    });
    bodyOf.set(callouts.length - 1, { start: bodyStart, end: end(node) });
    return true;
  }

  /** `**Speaker:**` or `**Speaker**:` at the start of a top-level paragraph. */
  function turnLabel(node: Paragraph): { speaker: string; labelSpan: Span } | undefined {
    const strong = node.children[0];
    if (!strong || strong.type !== 'strong' || start(strong) !== start(node)) return undefined;
    const inner = readerText(text, { start: start(strong) + 2, end: end(strong) - 2 }, []);
    if (inner.endsWith(':')) {
      const speaker = inner.slice(0, -1).trim();
      return speaker && speaker.length <= 80 && !speaker.includes('\n') ? { speaker, labelSpan: { start: start(strong), end: end(strong) } } : undefined;
    }
    if (text[end(strong)] === ':' && inner && inner.length <= 80 && !inner.includes('\n')) {
      return { speaker: inner, labelSpan: { start: start(strong), end: end(strong) + 1 } };
    }
    return undefined;
  }

  /**
   * Reads a block and what it contains, in document order; true when it is a
   * memo or review callout. A stack, not recursion: containers may nest as
   * deep as a note's lines allow (see `nesting.ts`).
   */
  function flow(block: RootContent): boolean {
    let isCallout = false;
    const stack: [node: RootContent, container: Nodes | undefined, listItemStart: number | undefined][] = [[block, undefined, undefined]];
    const pushChildren = (children: readonly RootContent[], container: Nodes, firstStart: boolean) => {
      for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, container, firstStart && i === 0 ? start(children[0]!) : undefined]);
    };
    while (stack.length) {
      const [node, container, listItemStart] = stack.pop()!;
      switch (node.type) {
        case 'paragraph':
          paragraph(node, container ?? node, listItemStart === start(node) ? start(node) : undefined, undefined);
          break;
        case 'heading': {
          scanInline(start(node), end(node), opaqueSpans(node), undefined);
          const first = node.children[0];
          const last = node.children.at(-1);
          headings.push({
            depth: node.depth,
            text: first && last ? readerText(text, { start: start(first), end: end(last) }, []) : '',
            span: { start: start(node), end: end(node) },
          });
          break;
        }
        case 'blockquote': {
          const opened = callout(node);
          if (node === block) isCallout = opened;
          pushChildren(node.children, node, false);
          break;
        }
        case 'list':
          for (let i = node.children.length - 1; i >= 0; i--) stack.push([node.children[i]!, container, undefined]);
          break;
        case 'listItem':
          pushChildren(node.children, node, true);
          break;
        default:
          break;
      }
    }
    return isCallout;
  }

  for (const node of topBlocks) {
    const span = { start: start(node), end: end(node) };
    if (node.type === 'yaml') {
      const valueStart = Math.min(span.end, nextLineStart(text, span.start));
      frontMatter = { span, valueSpan: { start: valueStart, end: Math.max(valueStart, lineStartOf(text, span.end)) } };
      continue;
    }
    const label = node.type === 'paragraph' ? turnLabel(node) : undefined;
    if (label) {
      blocks.push({ kind: 'turn', span, ...label });
      paragraph(node as Paragraph, node, undefined, skipSpace(label.labelSpan.end));
      continue;
    }
    const isCallout = flow(node);
    blocks.push({ kind: node.type === 'heading' || node.type === 'thematicBreak' ? 'break' : isCallout ? 'callout' : 'plain', span });
  }

  function skipSpace(i: number): number {
    while (text[i] === ' ' || text[i] === '\t') i++;
    return i;
  }

  if (atDocumentStart && !frontMatter && /^---[ \t]*(?:\r\n|\r|\n)[\p{L}_][\p{L}\p{N}_\- ]*:/u.test(text)) {
    diagnostics.push({ span: { start: 0, end: 3 }, severity: 'error', code: 'frontmatter/invalid', message: msg.frontmatterUnclosed() });
  }

  // Once per run of such lines: a pasted block of them is one mistake.
  const deep = deepLines(text);
  for (let i = 0; i < deep.length; ) {
    let j = i + 1;
    while (j < deep.length && nextLineStart(text, deep[j - 1]!.end) === deep[j]!.start) j++;
    const first = deep[i]!;
    diagnostics.push({ span: { start: first.cut, end: first.end }, severity: 'warning', code: 'block/too-deep', message: msg.nestedTooDeep(MAX_PREFIX_COLUMNS, j - i) });
    i = j;
  }

  marks.sort((a, b) => a.start - b.start);
  pending.sort((a, b) => a.segment.span.start - b.segment.span.start || b.segment.span.end - a.segment.span.end);
  const segments = pending.map(({ segment, stripListMarker }) => {
    segment.text = readerText(text, segment.contentSpan, spansWithin(marks, segment.contentSpan), stripListMarker);
    return segment;
  });
  assignParents(segments);
  callouts.forEach((c, index) => {
    const body = bodyOf.get(index)!;
    c.body = readerText(text, body, spansWithin(marks, body));
  });
  // From the unit's text and its own callouts only, so a cached unit reports the same wherever it stands.
  for (const run of lazyContinuations(text, callouts)) {
    diagnostics.push({ span: run.lines[0]!.span, severity: 'warning', code: 'callout/lazy-continuation', message: msg.calloutLazyContinuation(run.kind, run.lines.length) });
  }
  placeholders.sort((a, b) => a.span.start - b.span.start);

  return { frontMatter, segments, callouts, placeholders, headings, blocks, diagnostics, openAtEnd: endsOpen(text, topBlocks.at(-1)) };
}

/** Nesting by containment; `segments` is sorted by start, outer first. */
function assignParents(segments: Segment[]): void {
  const stack: number[] = [];
  segments.forEach((segment, index) => {
    while (stack.length && segments[stack.at(-1)!]!.span.end <= segment.span.start) stack.pop();
    segment.parent = stack.at(-1);
    stack.push(index);
  });
}

/** True when `last` is a fenced code or HTML block still open at the end of the unit. */
function endsOpen(text: string, last: RootContent | undefined): boolean {
  if (!last || (last.type !== 'code' && last.type !== 'html')) return false;
  const source = text.slice(last.position!.start.offset!, last.position!.end.offset!);
  const lines = source.split(/\r\n|\r|\n/);
  const first = lines[0]!.trimStart();
  if (last.type === 'code') {
    const fence = /^(`{3,}|~{3,})/.exec(first);
    if (!fence) return false;
    if (lines.length < 2) return true;
    const close = /^(`{3,}|~{3,})[ \t]*$/.exec(lines.at(-1)!.trimStart());
    return !(close && close[1]![0] === fence[1]![0] && close[1]!.length >= fence[1]!.length);
  }
  for (const [open, close] of MULTILINE_HTML) {
    const m = open.exec(first);
    if (m) return !close.test(source.slice(source.indexOf(first) + m[0].length));
  }
  return false;
}
