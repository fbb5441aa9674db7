/**
 * The first index in [0, length) at which `reached` holds, or `length`
 * when it never does; `reached` must be false and then true along the
 * range (a sorted list asked "is this one at or past what I look for?").
 */
export function firstIndex(length: number, reached: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (reached(mid)) high = mid;
    else low = mid + 1;
  }
  return low;
}
