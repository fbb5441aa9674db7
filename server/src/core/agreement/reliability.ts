/**
 * Agreement on one nominal variable: units (word, or word × code), each
 * coder's value on a unit (a category, or missing), and the figures over
 * them: percentage agreement, Cohen's kappa for each pair of coders,
 * Krippendorff's alpha (nominal, missing values allowed) and Fleiss' kappa
 * over all coders. Units are added one at a time or, when many are alike
 * (a stretch of words nobody coded), as one unit with a weight; all sums
 * are additive, so variables are pooled by merging them. Formulas and
 * references in docs/agreement.md.
 */

/** The category "nothing coded". A variable in which no value is anything else has no figures (n/a), never 1. */
export const NONE = '';

type Counts = Map<string, Map<string, number>>;

function bump(counts: Counts, row: string, column: string, by: number): void {
  let cells = counts.get(row);
  if (!cells) counts.set(row, (cells = new Map()));
  cells.set(column, (cells.get(column) ?? 0) + by);
}

function mergeCounts(into: Counts, from: Counts, transpose = false): void {
  for (const [row, cells] of from) for (const [column, n] of cells) (transpose ? bump(into, column, row, n) : bump(into, row, column, n));
}

/** Categories in a stable order: nothing coded first, then by code point. */
export function orderCategories(categories: Iterable<string>): string[] {
  return [...new Set(categories)].sort((a, b) => (a === b ? 0 : a === NONE ? -1 : b === NONE ? 1 : a < b ? -1 : 1));
}

/** A confusion table: rows are the first coder's categories, columns the second's. */
export interface Confusion {
  categories: string[];
  counts: number[][];
}

export interface PairFigures {
  /** Units both coders gave a value. */
  units: number;
  percent: number | undefined;
  /** Cohen's kappa. */
  kappa: number | undefined;
  /** Krippendorff's alpha over the two coders. */
  alpha: number | undefined;
  confusion: Confusion;
}

export interface AllFigures {
  /** Units with values from at least two coders. */
  units: number;
  /** The share of agreeing pairs among all pairs of values given to the same unit. */
  percent: number | undefined;
  /** Krippendorff's alpha over every coder, missing values allowed. */
  alpha: number | undefined;
  /** Fleiss' kappa: only when every unit has the same number of values. */
  fleiss: number | undefined;
  /** Fleiss' kappa is not given because units have different numbers of values. */
  fleissUnequal: boolean;
}

class PairTable {
  counts: Counts = new Map();
  coded = false;
}

export class Reliability {
  private readonly pairs: PairTable[] = [];
  /** Krippendorff's coincidences o_ck. */
  private readonly coincidences: Counts = new Map();
  /** Units by how many values they have, for Fleiss' kappa. */
  private readonly valuesPerUnit = new Map<number, number>();
  /** Σ over units of the share of agreeing pairs (Fleiss' P_i), and of each category's values. */
  private fleissAgreement = 0;
  private readonly fleissTotals = new Map<string, number>();
  private units = 0;
  private agreeingPairs = 0;
  private allPairs = 0;
  private coded = false;

  constructor(readonly coders: number) {
    for (let i = 0; i < (coders * (coders - 1)) / 2; i++) this.pairs.push(new PairTable());
  }

  private pairIndex(i: number, j: number): number {
    // Pairs (i < j) in order (0,1), (0,2), …, (1,2), …
    return i * this.coders - (i * (i + 1)) / 2 + (j - i - 1);
  }

  /** One unit (or `weight` alike units): each coder's value, undefined where the coder gave none. */
  add(values: readonly (string | undefined)[], weight = 1): void {
    if (weight <= 0) return;
    const present: number[] = [];
    const byCategory = new Map<string, number>();
    for (let k = 0; k < values.length; k++) {
      const value = values[k];
      if (value === undefined) continue;
      present.push(k);
      byCategory.set(value, (byCategory.get(value) ?? 0) + 1);
    }
    const m = present.length;
    if (m < 2) return;
    const anyCoded = byCategory.size > 1 || !byCategory.has(NONE);
    if (anyCoded) this.coded = true;
    for (let x = 0; x < m; x++) {
      for (let y = x + 1; y < m; y++) {
        const i = present[x]!;
        const j = present[y]!;
        const table = this.pairs[this.pairIndex(i, j)]!;
        bump(table.counts, values[i]!, values[j]!, weight);
        if (values[i] !== NONE || values[j] !== NONE) table.coded = true;
      }
    }
    let squares = 0;
    for (const [c, nc] of byCategory) {
      squares += nc * nc;
      for (const [k, nk] of byCategory) bump(this.coincidences, c, k, ((c === k ? nc * (nc - 1) : nc * nk) * weight) / (m - 1));
      this.fleissTotals.set(c, (this.fleissTotals.get(c) ?? 0) + nc * weight);
      this.agreeingPairs += ((nc * (nc - 1)) / 2) * weight;
    }
    this.allPairs += ((m * (m - 1)) / 2) * weight;
    this.fleissAgreement += ((squares - m) / (m * (m - 1))) * weight;
    this.valuesPerUnit.set(m, (this.valuesPerUnit.get(m) ?? 0) + weight);
    this.units += weight;
  }

  /**
   * Adds another variable's units, its coders numbered by `coderMap` here
   * (increasing, so pairs keep their order).
   */
  merge(other: Reliability, coderMap: readonly number[] = [...Array(other.coders).keys()]): void {
    for (let i = 0; i < other.coders; i++) {
      for (let j = i + 1; j < other.coders; j++) {
        const from = other.pairs[other.pairIndex(i, j)]!;
        const [a, b] = [coderMap[i]!, coderMap[j]!];
        const into = this.pairs[this.pairIndex(Math.min(a, b), Math.max(a, b))]!;
        mergeCounts(into.counts, from.counts, a > b);
        into.coded ||= from.coded;
      }
    }
    mergeCounts(this.coincidences, other.coincidences);
    for (const [m, n] of other.valuesPerUnit) this.valuesPerUnit.set(m, (this.valuesPerUnit.get(m) ?? 0) + n);
    for (const [c, n] of other.fleissTotals) this.fleissTotals.set(c, (this.fleissTotals.get(c) ?? 0) + n);
    this.fleissAgreement += other.fleissAgreement;
    this.units += other.units;
    this.agreeingPairs += other.agreeingPairs;
    this.allPairs += other.allPairs;
    this.coded ||= other.coded;
  }

  /** Percentage agreement, Cohen's kappa and Krippendorff's alpha of coders `i` < `j`, over the units both gave a value. */
  pair(i: number, j: number): PairFigures {
    const table = this.pairs[this.pairIndex(i, j)]!;
    const categories = orderCategories([...table.counts.keys(), ...[...table.counts.values()].flatMap((cells) => [...cells.keys()])]);
    const counts = categories.map((row) => categories.map((column) => table.counts.get(row)?.get(column) ?? 0));
    const confusion = { categories, counts };
    let units = 0;
    let diagonal = 0;
    const rows = counts.map((r) => r.reduce((s, n) => s + n, 0));
    const columns = categories.map((_, c) => counts.reduce((s, r) => s + r[c]!, 0));
    counts.forEach((r, c) => {
      units += rows[c]!;
      diagonal += r[c]!;
    });
    if (!units || !table.coded) return { units, percent: undefined, kappa: undefined, alpha: undefined, confusion };
    // Cohen: p_o = diagonal / N, p_e = Σ row_c column_c / N²; kappa = (N·diagonal − Σ row·column) / (N² − Σ row·column).
    const chance = rows.reduce((s, r, c) => s + r * columns[c]!, 0);
    const kappa = units * units === chance ? undefined : (units * diagonal - chance) / (units * units - chance);
    // Krippendorff, two coders: n = 2N values, n_c = row_c + column_c; each disagreeing unit adds a coincidence each way.
    const n = 2 * units;
    const expected = n * n - rows.reduce((s, r, c) => s + (r + columns[c]!) ** 2, 0);
    const alpha = expected === 0 ? undefined : 1 - ((n - 1) * 2 * (units - diagonal)) / expected;
    return { units, percent: diagonal / units, kappa, alpha, confusion };
  }

  /** Percentage agreement, Krippendorff's alpha and Fleiss' kappa over every coder. */
  all(): AllFigures {
    const unequal = this.valuesPerUnit.size > 1;
    if (!this.units || !this.coded) return { units: this.units, percent: undefined, alpha: undefined, fleiss: undefined, fleissUnequal: unequal };
    // Krippendorff: n = Σ n_c; alpha = 1 − (n − 1) Σ_{c≠k} o_ck / Σ_{c≠k} n_c n_k.
    let n = 0;
    let squares = 0;
    let disagreements = 0;
    for (const [c, cells] of this.coincidences) {
      let nc = 0;
      for (const [k, o] of cells) {
        nc += o;
        if (c !== k) disagreements += o;
      }
      n += nc;
      squares += nc * nc;
    }
    const expected = n * n - squares;
    const alpha = expected <= 0 ? undefined : 1 - ((n - 1) * disagreements) / expected;
    let fleiss: number | undefined;
    if (!unequal) {
      // Fleiss: P̄ = mean of P_i; P̄e = Σ p_j², p_j the share of all values in category j.
      const m = [...this.valuesPerUnit.keys()][0]!;
      const observed = this.fleissAgreement / this.units;
      let byChance = 0;
      for (const total of this.fleissTotals.values()) byChance += (total / (this.units * m)) ** 2;
      fleiss = byChance >= 1 ? undefined : (observed - byChance) / (1 - byChance);
    }
    return { units: this.units, percent: this.agreeingPairs / this.allPairs, alpha, fleiss, fleissUnequal: unequal };
  }
}
