/**
 * "Did you mean" for code ids and keywords. Comparison ignores case and
 * diacritics, and reads æ, ø and å as the letters people type when their
 * keyboard lacks them (ae, o, a), so `malgruppe` finds `målgruppe`.
 */
export function fold(s: string): string {
  return s
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

/** Optimal string alignment distance (Levenshtein plus adjacent swaps). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => {
    const row = new Array<number>(cols).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j < cols; j++) d[0]![j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * Up to `limit` candidates close to `word`, best first. A candidate is close
 * when its folded form equals the word's, contains it as a prefix, or lies
 * within an edit distance of about a third of its length.
 */
export function suggest(word: string, candidates: Iterable<string>, limit = 3): string[] {
  const target = fold(word);
  const scored: { candidate: string; score: number }[] = [];
  for (const candidate of candidates) {
    const folded = fold(candidate);
    let score: number;
    if (folded === target) score = 0;
    else if (target.length >= 3 && folded.startsWith(target)) score = 1;
    else {
      const distance = editDistance(target, folded);
      if (distance > Math.max(1, Math.floor(Math.max(target.length, folded.length) / 3))) continue;
      score = 1 + distance;
    }
    scored.push({ candidate, score });
  }
  scored.sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate));
  return scored.slice(0, limit).map((s) => s.candidate);
}
