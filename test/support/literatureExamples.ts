/**
 * Worked examples from the literature on agreement, as data: the same
 * figures check our formulas (test/agreement.test.ts) and the Python
 * references (test/agreementReference.test.ts).
 */

const _ = undefined;

/** Krippendorff (2011): four observers' nominal values on twelve units, missing where undefined; alpha 0.743. */
export const KRIPPENDORFF_2011: (number | undefined)[][] = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];

/** Fleiss (1971), as worked on Wikipedia: per subject, how many of fourteen raters chose each of five categories; kappa 0.210. */
export const FLEISS_1971: number[][] = [
  [0, 0, 0, 0, 14],
  [0, 2, 6, 4, 2],
  [0, 0, 3, 5, 6],
  [0, 3, 9, 2, 0],
  [2, 2, 8, 1, 1],
  [7, 7, 0, 0, 0],
  [3, 2, 6, 3, 0],
  [2, 5, 3, 2, 2],
  [6, 5, 2, 1, 0],
  [0, 2, 2, 3, 7],
];
