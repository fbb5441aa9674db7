import { EITHER, type Codebook, type Variation } from '../codebook/codebook.js';
import { fold, suggest } from '../text/suggest.js';
import { KNOWN_ATTRIBUTES } from '../dialect/attributes.js';
import type { AnnotationBody, Attribute, CodeRef, ParsedNote, Segment } from '../dialect/model.js';
import type { Messages } from '../i18n/messages.js';
import { compareDiagnostics, type Diagnostic } from './diagnostic.js';
import { readFrontMatter, type FrontMatter } from './frontMatter.js';

export interface ResolvedCode {
  /** The code as written; its spans are relative to the segment's annotation (see `absolute`). */
  ref: CodeRef;
  /** Undefined when the code is not in the codebook. */
  variation: Variation | undefined;
  /** The pole this code gives the segment: the variation's own, or the coder's `evidence=` for an `either` variation. */
  pole: string | undefined;
}

export interface CodedSegment {
  segment: Segment;
  codes: ResolvedCode[];
  memo: string | undefined;
  /** The coder's reading (`evidence=`), when valid. */
  evidence: string | undefined;
}

/** A note read against its codebook: what every segment means, and what is wrong. */
export interface NoteModel {
  parsed: ParsedNote;
  frontMatter: FrontMatter;
  codebook: Codebook | undefined;
  segments: CodedSegment[];
  diagnostics: Diagnostic[];
}

export interface ModelOptions {
  /** How messages name the codebook (a path relative to the user's folder). */
  codebookName?: string;
  /** The front matter, when the caller has read it already (to find the codebook). */
  frontMatter?: ReturnType<typeof readFrontMatter>;
}

export function buildNoteModel(parsed: ParsedNote, codebook: Codebook | undefined, msg: Messages, options: ModelOptions = {}): NoteModel {
  const { frontMatter, diagnostics: frontMatterDiagnostics } = options.frontMatter ?? readFrontMatter(parsed.text, parsed.frontMatter, msg);
  const diagnostics: Diagnostic[] = [...parsed.diagnostics, ...frontMatterDiagnostics];
  const codebookName = '`' + (options.codebookName ?? codebook?.path ?? 'codebook.yaml') + '`';
  const segments = parsed.segments.map((segment): CodedSegment => {
    const resolution = resolve(segment, codebook, msg, codebookName);
    const at = segment.annotation.span.start;
    for (const d of resolution.diagnostics) diagnostics.push({ ...d, span: { start: d.span.start + at, end: d.span.end + at } });
    return { segment, codes: resolution.codes, memo: resolution.memo, evidence: resolution.evidence };
  });
  diagnostics.sort(compareDiagnostics);
  return { parsed, frontMatter, codebook, segments, diagnostics };
}

/** What a segment's annotation means against a codebook; diagnostic spans are relative to the annotation. */
interface Resolution {
  codebook: Codebook | undefined;
  msg: Messages;
  codebookName: string;
  codes: ResolvedCode[];
  memo: string | undefined;
  evidence: string | undefined;
  diagnostics: Diagnostic[];
}

/**
 * Resolutions by annotation body. A body is the same object wherever the
 * parser moves its block as the note is edited, and resolving it again
 * against the same codebook gives the same answer, so typing resolves only
 * the segments it touched.
 */
const resolutions = new WeakMap<AnnotationBody, Resolution>();

function resolve(segment: Segment, codebook: Codebook | undefined, msg: Messages, codebookName: string): Resolution {
  const body = segment.annotation.body;
  const known = resolutions.get(body);
  if (known && known.codebook === codebook && known.msg === msg && known.codebookName === codebookName) return known;
  const resolution = resolveSegment(segment, codebook, msg, codebookName);
  resolutions.set(body, resolution);
  return resolution;
}

function resolveSegment(segment: Segment, codebook: Codebook | undefined, msg: Messages, codebookName: string): Resolution {
  const { span, body } = segment.annotation;
  const out: Diagnostic[] = [];
  if (!segment.text.trim()) {
    out.push({ span: { start: segment.span.start - span.start, end: segment.span.end - span.start }, severity: 'warning', code: 'code/empty-segment', message: msg.emptySegment() });
  }
  if (!body.codes.length) out.push({ span: { start: 0, end: span.end - span.start }, severity: 'warning', code: 'code/no-code', message: msg.noCode() });

  const attributes = checkAttributes(body.attributes, msg, out);
  const seen = new Set<string>();
  for (const ref of body.codes) {
    if (seen.has(ref.id)) out.push({ span: ref.span, severity: 'warning', code: 'code/duplicate', message: msg.duplicateCode(ref.id) });
    seen.add(ref.id);
  }

  const evidenceAttr = attributes.get('evidence');
  const evidence = codebook && evidenceAttr ? checkEvidenceValue(evidenceAttr, codebook, msg, out) : undefined;
  const codes = body.codes.map((ref): ResolvedCode => {
    if (!codebook) return { ref, variation: undefined, pole: undefined };
    const variation = codebook.codes.get(ref.id);
    if (!variation) {
      out.push(unknownCode(ref, codebook, msg, codebookName));
      return { ref, variation, pole: undefined };
    }
    if (variation.evidence === EITHER) {
      if (!evidence && !evidenceAttr && codebook.poles.length) {
        out.push({ span: ref.span, severity: 'warning', code: 'code/missing-evidence', message: msg.missingEvidence(ref.id, codebook.poles.map((p) => p.id)) });
      }
      return { ref, variation, pole: evidence };
    }
    return { ref, variation, pole: variation.evidence };
  });

  if (evidence && evidenceAttr && codes.length && !codes.some((c) => c.variation?.evidence === EITHER)) {
    const fixed = codes.find((c) => c.variation?.evidence && c.variation.evidence !== evidence);
    if (fixed) {
      const label = codebook!.poles.find((p) => p.id === fixed.variation!.evidence)?.label ?? fixed.variation!.evidence!;
      out.push({ span: evidenceAttr.span, severity: 'warning', code: 'code/invalid-evidence', message: msg.evidenceConflict(evidence, fixed.ref.id, label) });
    } else if (codes.every((c) => c.variation)) {
      const first = codes[0]!;
      const label = codebook!.poles.find((p) => p.id === evidence)?.label ?? evidence;
      out.push({ span: evidenceAttr.span, severity: 'hint', code: 'code/redundant-evidence', message: msg.redundantEvidence(first.ref.id, label) });
    }
  }
  return { codebook, msg, codebookName, codes, memo: attributes.get('memo')?.value, evidence, diagnostics: out };
}

function checkAttributes(attributes: Attribute[], msg: Messages, out: Diagnostic[]): Map<string, Attribute> {
  const byKey = new Map<string, Attribute>();
  for (const attribute of attributes) {
    if (!(KNOWN_ATTRIBUTES as readonly string[]).includes(attribute.key)) {
      const suggestions = suggest(attribute.key, KNOWN_ATTRIBUTES);
      out.push({
        span: attribute.keySpan,
        severity: 'warning',
        code: 'syntax/unknown-attribute',
        message: msg.unknownAttribute(attribute.key) + msg.didYouMean(suggestions),
        data: { suggestions },
      });
      continue;
    }
    if (byKey.has(attribute.key)) {
      out.push({ span: attribute.span, severity: 'error', code: 'syntax/duplicate-attribute', message: msg.duplicateAttribute(attribute.key) });
      continue;
    }
    byKey.set(attribute.key, attribute);
  }
  return byKey;
}

/** A valid pole id, or a diagnostic (suggesting the id when a label was typed: `proaktiv` → `proactive`). */
function checkEvidenceValue(attribute: Attribute, codebook: Codebook, msg: Messages, out: Diagnostic[]): string | undefined {
  const poleIds = codebook.poles.map((p) => p.id);
  if (poleIds.includes(attribute.value)) return attribute.value;
  const byLabel = codebook.poles.filter((p) => fold(p.label) === fold(attribute.value) || fold(p.id) === fold(attribute.value)).map((p) => p.id);
  const suggestions = [...new Set([...byLabel, ...suggest(attribute.value, poleIds)])].slice(0, 3);
  out.push({
    span: attribute.valueSpan.start === attribute.valueSpan.end ? attribute.span : attribute.valueSpan,
    severity: 'error',
    code: 'code/invalid-evidence',
    message: msg.invalidEvidence(attribute.value, poleIds) + msg.didYouMean(suggestions),
    data: { suggestions },
  });
  return undefined;
}

function unknownCode(ref: CodeRef, codebook: Codebook, msg: Messages, codebookName: string): Diagnostic {
  const dimension = codebook.dimensionsById.get(ref.dimension);
  if (dimension && ref.variation === undefined) {
    const suggestions = dimension.variations.map((v) => v.code);
    return { span: ref.span, severity: 'error', code: 'code/unknown', message: msg.dimensionOnly(dimension.id, dimension.variations.map((v) => v.id)), data: { suggestions } };
  }
  const suggestions = suggestCodes(ref, codebook);
  return {
    span: ref.span,
    severity: 'error',
    code: 'code/unknown',
    message: msg.unknownCode(ref.id, codebookName) + msg.didYouMean(suggestions.map((s) => '#' + s)),
    data: { suggestions },
  };
}

/** Suggestions per codebook and misspelt id: a broken code is re-checked on every keystroke. */
const suggestionCache = new WeakMap<Codebook, Map<string, string[]>>();

function suggestCodes(ref: CodeRef, codebook: Codebook): string[] {
  let cache = suggestionCache.get(codebook);
  if (!cache) suggestionCache.set(codebook, (cache = new Map()));
  let suggestions = cache.get(ref.id);
  if (!suggestions) cache.set(ref.id, (suggestions = computeSuggestions(ref, codebook)));
  return suggestions;
}

/**
 * Close codes: by the whole id, and by the variation alone, so that a
 * variation filed under the wrong dimension is found too.
 */
function computeSuggestions(ref: CodeRef, codebook: Codebook): string[] {
  const all = [...codebook.codes.keys()];
  const whole = suggest(ref.id, all);
  const byVariation = ref.variation ? suggest(ref.variation, [...codebook.codes.values()].map((v) => v.id)) : [];
  const moved = all.filter((code) => byVariation.includes(codebook.codes.get(code)!.id));
  return [...new Set([...whole, ...moved])].slice(0, 3);
}
