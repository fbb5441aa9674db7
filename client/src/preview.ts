import type { MarkdownIt, RendererRule, StateCore, StateInline, Token } from 'markdown-it';
import { parseAttributeBlock } from '../../server/src/core/dialect/attributes.js';
import type { AnnotationBody } from '../../server/src/core/dialect/model.js';
import { en } from '../../server/src/core/i18n/messages.js';

/** What the preview needs to know of a note's codebook: each code's label and pole, each pole's label and colour. */
export interface PreviewCodebook {
  codes: Map<string, { label: string; pole: string | undefined }>;
  poles: Map<string, { label: string; color: string }>;
}

/** A note being rendered, with its codebook once that is known. */
export interface PreviewNote {
  codebook: PreviewCodebook | undefined;
}

/**
 * Which note markdown-it is rendering (from its `env`). Undefined for any
 * other Markdown, which is then rendered as if the plugin were not there:
 * a README's Pandoc-style `[text]{#id}` stays as it was.
 */
export type NoteLookup = (env: unknown) => PreviewNote | undefined;

const SEGMENT = 'fieldnotes_segment';
const CALLOUT_TITLE = 'fieldnotes_callout_title';
const CALLOUT = /^\[!(MEMO|REVIEW)\][+-]?[ \t]*(.*)$/i;

/** What the parse rules leave on a token, for the renderer. */
interface SegmentMeta {
  body: AnnotationBody;
  /** The annotation as written (`{#code ...}`), to give back when the document is not a note. */
  source: string;
}
interface CalloutMeta {
  kind: 'memo' | 'review';
  title: string;
  /** The marker line as written (`[!MEMO] title`). */
  source: string;
}

/**
 * Renders the dialect in a markdown-it preview (VS Code's built-in one, or
 * any other): `[words]{#codes}` becomes a span tinted by its evidence pole
 * with its codes after it, a block code line tints its paragraph, and
 * memo and review callouts get a title. The annotation's `{...}` is read by
 * the core's own reader, so the preview and the checker agree on what a
 * code is.
 *
 * Whether a document is a note is decided when it is rendered, not parsed:
 * VS Code parses without saying which document (and caches the tokens per
 * document), and names it only to the renderer. So the parse rules mark
 * what they find, and the render rules either show it or give back the
 * text as written.
 */
export function previewPlugin(md: MarkdownIt, lookup: NoteLookup): MarkdownIt {
  md.inline.ruler.before('link', SEGMENT, segmentRule);
  md.core.ruler.after('block', 'fieldnotes_block_code', blockCodeRule);
  md.core.ruler.after('block', 'fieldnotes_callout', calloutRule);
  const escape = md.utils.escapeHtml;

  md.renderer.rules[SEGMENT + '_open'] = (tokens, i, _options, env) => {
    const note = lookup(env);
    if (!note) return '[';
    return `<span ${segmentAttributes(segmentOf(tokens[i]!)!.body, note.codebook)}>`;
  };
  md.renderer.rules[SEGMENT + '_close'] = (tokens, i, _options, env) => {
    const note = lookup(env);
    const meta = segmentOf(tokens[i]!)!;
    if (!note) return ']' + escape(meta.source);
    return `</span>${codeChips(meta.body, note.codebook, md)}`;
  };

  md.renderer.rules[CALLOUT_TITLE] = (tokens, i, _options, env) => {
    const meta = calloutOf(tokens[i]!)!;
    if (!lookup(env)) return '';
    const name = meta.kind === 'memo' ? 'Memo' : 'Review';
    return `<p class="fn-callout-title">${escape(meta.title ? `${name}: ${meta.title}` : name)}</p>\n`;
  };
  const blockquoteOpen = md.renderer.rules.blockquote_open ?? defaultRender;
  md.renderer.rules.blockquote_open = (tokens, i, options, env, self) => {
    const meta = calloutOf(tokens[i]!);
    if (!meta || !lookup(env)) return blockquoteOpen(tokens, i, options, env, self);
    return withAttributes(tokens[i]!, [['class', `fn-callout fn-${meta.kind}`]], () => blockquoteOpen(tokens, i, options, env, self));
  };

  const paragraphOpen = md.renderer.rules.paragraph_open ?? defaultRender;
  md.renderer.rules.paragraph_open = (tokens, i, options, env, self) => {
    const token = tokens[i]!;
    const note = lookup(env);
    const callout = calloutOf(token);
    // Not a note: the callout's marker line goes back where it was.
    if (callout && !note) return paragraphOpen(tokens, i, options, env, self) + escape(callout.source) + (tokens[i + 1]?.content ? '\n' : '');
    const block = segmentOf(token);
    if (!block || !note) return paragraphOpen(tokens, i, options, env, self);
    return withAttributes(token, segmentAttributeList(block.body, note.codebook, 'fn-block'), () => paragraphOpen(tokens, i, options, env, self));
  };
  const paragraphClose = md.renderer.rules.paragraph_close ?? defaultRender;
  md.renderer.rules.paragraph_close = (tokens, i, options, env, self) => {
    const token = tokens[i]!;
    const block = segmentOf(token);
    const close = paragraphClose(tokens, i, options, env, self);
    if (!block) return close;
    const note = lookup(env);
    // Not a note: the code line goes back as text; in a note, the codes are shown.
    const tail = note ? codeChips(block.body, note.codebook, md) : '\n' + escape(block.source);
    // A tight list's paragraph renders no <p>: the tail goes at the end of its text.
    return token.hidden ? tail + close : close.replace(/^<\/p>/, `${tail}</p>`);
  };
  return md;
}

const segmentOf = (token: Token) => token.meta?.fieldnotes as SegmentMeta | undefined;
const calloutOf = (token: Token) => token.meta?.fieldnotesCallout as CalloutMeta | undefined;

const defaultRender: RendererRule = (tokens, i, options, _env, self) => self.renderToken(tokens, i, options);

/**
 * Renders a token with attributes added to its own (VS Code puts
 * class="code-line" and data-line there), then puts them back: VS Code
 * renders its cached tokens again, for other documents too.
 */
function withAttributes(token: Token, extra: [string, string][], render: () => string): string {
  const attrs = token.attrs;
  token.attrs = attrs && attrs.map(([name, value]) => [name, value]);
  for (const [name, value] of extra) {
    if (name === 'class') token.attrJoin(name, value);
    else token.attrSet(name, value);
  }
  try {
    return render();
  } finally {
    token.attrs = attrs;
  }
}

/** `[words]{...}`: the words as a span, parsed as Markdown themselves (they may hold emphasis and other segments). */
function segmentRule(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  if (state.src.charCodeAt(start) !== 0x5b /* [ */) return false;
  // Nested: the words may hold other segments and links.
  const labelEnd = state.md.helpers.parseLinkLabel(state, start, false);
  if (labelEnd < 0 || state.src.charCodeAt(labelEnd + 1) !== 0x7b /* { */) return false;
  const read = parseAttributeBlock(state.src, labelEnd + 1, state.posMax, en);
  if (read.end === undefined || !read.annotation.body.codes.length) return false;
  if (!silent) {
    const meta: SegmentMeta = { body: read.annotation.body, source: state.src.slice(labelEnd + 1, read.end) };
    state.push(SEGMENT + '_open', 'span', 1).meta = { fieldnotes: meta };
    const max = state.posMax;
    state.pos = start + 1;
    state.posMax = labelEnd;
    state.md.inline.tokenize(state);
    state.posMax = max;
    state.push(SEGMENT + '_close', 'span', -1).meta = { fieldnotes: meta };
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
    const meta: SegmentMeta = { body: read.annotation.body, source: line.trim() };
    // Both ends carry the codes: the opening tag is tinted, the chips go before the closing one.
    for (const end of [tokens[i]!, tokens[i + 2]]) if (end) end.meta = { ...end.meta, fieldnotes: meta };
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
    const meta: CalloutMeta = { kind: match[1]!.toLowerCase() as CalloutMeta['kind'], title: match[2] ?? '', source: firstLine };
    tokens[i]!.meta = { ...tokens[i]!.meta, fieldnotesCallout: meta };
    tokens[i + 1]!.meta = { ...tokens[i + 1]!.meta, fieldnotesCallout: meta };
    inline.content = inline.content.slice(firstLine.length + 1);
    const title = new state.Token(CALLOUT_TITLE, '', 0);
    title.block = true;
    title.meta = { fieldnotesCallout: meta };
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

function segmentAttributes(body: AnnotationBody, codebook: PreviewCodebook | undefined): string {
  return segmentAttributeList(body, codebook, 'fn-segment')
    .map(([name, value]) => `${name}="${escapeAttribute(value)}"`)
    .join(' ');
}

/** The attributes of a coded span or paragraph, unescaped. */
function segmentAttributeList(body: AnnotationBody, codebook: PreviewCodebook | undefined, extraClass: string): [string, string][] {
  const pole = poleOf(body, codebook);
  const colour = pole && codebook!.poles.get(pole)!.color;
  const memo = body.attributes.find((a) => a.key === 'memo')?.value;
  const title = [pole && codebook!.poles.get(pole)!.label, memo].filter(Boolean).join(' — ');
  const list: [string, string][] = [
    ['class', `${extraClass}${pole ? ` fn-pole-${pole}` : ''}`],
    ['data-codes', body.codes.map((c) => c.id).join(' ')],
  ];
  if (colour && /^#[0-9a-f]{6}$/i.test(colour)) list.push(['style', `--fn-pole: ${colour}`]);
  if (title) list.push(['title', title]);
  return list;
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
