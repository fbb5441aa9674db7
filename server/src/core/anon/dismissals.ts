/**
 * Per-occurrence dismissal: `<!-- anon-ok -->` written right after words
 * says that these words, here, identify no one (`Storm<!-- anon-ok -->`,
 * the weather; `Storm` elsewhere is still checked). An HTML comment, so
 * that a rendered note shows nothing of it; the project-wide allow-list in
 * `fieldnotes.yaml` is for words that are never names.
 */
export const DISMISS_MARKER = '<!-- anon-ok -->';

/** The marker as the reader may space it, with the spaces between it and the words it follows. */
const MARKER = /[ \t]*<!--[ \t]*anon-ok[ \t]*-->/gu;

/** Where each marker stands (from the spaces before it to its end). */
export function dismissalMarkers(text: string): { start: number; end: number }[] {
  // (`<` is rare in prose, `a` is not: looking for the marker's opening first is ten times quicker.)
  if (!text.includes('<!--') || !text.includes('anon-ok')) return [];
  return [...text.matchAll(MARKER)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** The offsets at which a finding ending there is dismissed: where a marker's spaces start. */
export function dismissedEnds(text: string): ReadonlySet<number> {
  return new Set(dismissalMarkers(text).map((m) => m.start));
}
