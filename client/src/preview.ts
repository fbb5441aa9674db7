import type { MarkdownIt, StateCore, StateInline } from 'markdown-it';
import { parseAttributeBlock } from '../../server/src/core/dialect/attributes.js';
import type { AnnotationBody } from '../../server/src/core/dialect/model.js';
import { en } from '../../server/src/core/i18n/messages.js';

/** What the preview needs to know of a note's codebook: each code's label and pole, each pole's label and colour. */
export interface PreviewCodebook {
  codes: Map<string, { label: string; pole: string | undefined }>;
  poles: Map<string, { label: string; color: string }>;
}

/** The codebook of the note being rendered (markdown-it's `env`), when known. */
export type CodebookLookup = (env: unknown) => PreviewCodebook | undefined;

const SEGMENT = 'fieldnotes_segment';
const CALLOUT = /^\[!(MEMO|REVIEW)\][+-]?[ \t]*(.*)$/i;

/**
 * Renders the dialect in a markdown-it preview (VS Code's built-in one, or
 * any other): `[words]{#codes}` becomes a span tinted by its evidence pole
 * with its codes after it, a block code line tints its paragraph, and
 * memo and review callouts get a title. The annotation's `{...}` is read by
 * the core's own reader, so the preview and the checker agree on what a
 * code is.
 */
export function previewPlugin(md: MarkdownIt, lookup: CodebookLookup): MarkdownIt {
  md.inline.ruler.before('link', SEGMENT, segmentRule);
  md.core.ruler.after('block', 'fieldnotes_block_code', blockCodeRule);
  md.core.ruler.after('block', 'fieldnotes_callout', calloutRule);

  md.renderer.rules[SEGMENT + '_open'] = (tokens, i, _options, env) => `<span ${segmentAttributes(tokens[i]!.meta?.fieldnotes as AnnotationBody, lookup(env))}>`;
  md.renderer.rules[SEGMENT + '_close'] = (tokens, i, _options, env) => `</span>${codeChips(tokens[i]!.meta?.fieldnotes as AnnotationBody, lookup(env), md)}`;

  const paragraphOpen = md.renderer.rules.paragraph_open ?? ((tokens, i, options, _env, self) => self.renderToken(tokens, i, options));
  md.renderer.rules.paragraph_open = (tokens, i, options, env, self) => {
    const body = tokens[i]!.meta?.fieldnotes as AnnotationBody | undefined;
    if (!body) return paragraphOpen(tokens, i, options, env, self);
    return paragraphOpen(tokens, i, options, env, self).replace(/^<p/, `<p ${segmentAttributes(body, lookup(env), 'fn-block')}`);
  };
  const paragraphClose = md.renderer.rules.paragraph_close ?? ((tokens, i, options, _env, self) => self.renderToken(tokens, i, options));
  md.renderer.rules.paragraph_close = (tokens, i, options, env, self) => {
    const open = tokens.slice(0, i).findLast((t) => t.type === 'paragraph_open' && t.level === tokens[i]!.level);
    const body = open?.meta?.fieldnotes as AnnotationBody | undefined;
    const close = paragraphClose(tokens, i, options, env, self);
    return body ? close.replace(/^<\/p>/, `${codeChips(body, lookup(env), md)}</p>`) : close;
  };
  return md;
}

/** `[words]{...}`: the words as a span, parsed as Markdown themselves (they may hold emphasis and other segments). */
function segmentRule(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  if (state.src.charCodeAt(start) !== 0x5b /* [ */) return false;
  const labelEnd = state.md.helpers.parseLinkLabel(state, start, true);
  if (labelEnd < 0 || state.src.charCodeAt(labelEnd + 1) !== 0x7b /* { */) return false;
  const read = parseAttributeBlock(state.src, labelEnd + 1, state.posMax, en);
  if (read.end === undefined || !read.annotation.body.codes.length) return false;
  if (!silent) {
    const open = state.push(SEGMENT + '_open', 'span', 1);
    open.meta = { fieldnotes: read.annotation.body };
    const max = state.posMax;
    state.pos = start + 1;
    state.posMax = labelEnd;
    state.md.inline.tokenize(state);
    state.posMax = max;
    const close = state.push(SEGMENT + '_close', 'span', -1);
    close.meta = { fieldnotes: read.annotation.body };
  }
  state.pos = read.end;
  return true;
}

/** A last line holding only `{...}` codes its paragraph: it is taken out of the text and shown as codes. */
function blockCodeRule(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i]!.type !== 'paragraph_open' || tokens[i + 1]!.type !== 'inline') continue;
    const inline = tokens[i + 1]!;
    const lineStart = inline.content.lastIndexOf('\n') + 1;
    if (lineStart === 0) continue;
    const line = inline.content.slice(lineStart);
    const open = line.search(/\S/);
    if (line[open] !== '{') continue;
    const read = parseAttributeBlock(line, open, line.length, en);
    if (read.end === undefined || line.slice(read.end).trim() || !read.annotation.body.codes.length) continue;
    inline.content = inline.content.slice(0, lineStart - 1);
    tokens[i]!.meta = { ...tokens[i]!.meta, fieldnotes: read.annotation.body };
  }
}

/** `> [!MEMO]` and `> [!REVIEW] name`: a titled box instead of a plain quote. */
function calloutRule(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (tokens[i]!.type !== 'blockquote_open' || tokens[i + 1]!.type !== 'paragraph_open' || tokens[i + 2]!.type !== 'inline') continue;
    const inline = tokens[i + 2]!;
    const firstLine = inline.content.split('\n', 1)[0]!;
    const match = CALLOUT.exec(firstLine);
    if (!match) continue;
    const kind = match[1]!.toLowerCase();
    tokens[i]!.attrJoin('class', `fn-callout fn-${kind}`);
    const title = new state.Token('html_block', '', 0);
    const name = kind === 'memo' ? 'Memo' : 'Review';
    title.content = `<p class="fn-callout-title">${state.md.utils.escapeHtml(match[2] ? `${name}: ${match[2]}` : name)}</p>\n`;
    inline.content = inline.content.slice(firstLine.length + 1);
    tokens.splice(i + 1, 0, title);
  }
}

/** The pole a set of codes gives: the one pole they agree on, or none. */
function poleOf(body: AnnotationBody, codebook: PreviewCodebook | undefined): string | undefined {
  const evidence = body.attributes.find((a) => a.key === 'evidence')?.value;
  const poles = new Set(body.codes.map((code) => codebook?.codes.get(code.id)?.pole ?? (codebook?.codes.has(code.id) ? evidence : undefined)));
  const [only] = poles;
  return poles.size === 1 && only && codebook?.poles.has(only) ? only : undefined;
}

function segmentAttributes(body: AnnotationBody, codebook: PreviewCodebook | undefined, extraClass = 'fn-segment'): string {
  const pole = poleOf(body, codebook);
  const colour = pole && codebook!.poles.get(pole)!.color;
  const memo = body.attributes.find((a) => a.key === 'memo')?.value;
  const title = [pole && codebook!.poles.get(pole)!.label, memo].filter(Boolean).join(' — ');
  return [
    `class="${extraClass}${pole ? ` fn-pole-${escapeAttribute(pole)}` : ''}"`,
    `data-codes="${escapeAttribute(body.codes.map((c) => c.id).join(' '))}"`,
    colour && /^#[0-9a-f]{6}$/i.test(colour) ? `style="--fn-pole: ${colour}"` : '',
    title ? `title="${escapeAttribute(title)}"` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

function codeChips(body: AnnotationBody, codebook: PreviewCodebook | undefined, md: MarkdownIt): string {
  const chips = body.codes.map((code) => {
    const label = codebook?.codes.get(code.id)?.label;
    return `<span class="fn-code"${label ? ` title="${escapeAttribute(label)}"` : ''}>#${md.utils.escapeHtml(code.id)}</span>`;
  });
  return `<sup class="fn-codes">${chips.join(' ')}</sup>`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
