/**
 * Colours for poles whose codebook gives none, in pole order. Mid-tone
 * hues, so that a translucent background of each reads on light and dark
 * themes alike; the first two follow the study's convention (proactive
 * green, reactive red).
 */
const PALETTE = ['#2e7d32', '#c62828', '#1565c0', '#ef6c00', '#6a1b9a', '#00838f', '#ad1457', '#5d4037'];

/** A pole's colour: the codebook's when it is a valid `#rrggbb` (a half-edited codebook may hold anything), else the palette's. */
export function poleColour(color: string | undefined, index: number): string {
  return color && /^#[0-9a-f]{6}$/i.test(color) ? color : PALETTE[index % PALETTE.length]!;
}
