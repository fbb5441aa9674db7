/** REFI-QDA attribute values as the schema types them, read leniently (tools differ in case and braces). */

/** A GUID as a key: without braces, lower-case (`{ABC-...}` and `abc-...` are the same GUID). */
export function guidKey(value: string | undefined): string | undefined {
  const trimmed = value?.trim().replace(/^\{(.*)\}$/, '$1').toLowerCase();
  return trimmed ? trimmed : undefined;
}

/** xsd:boolean; anything unreadable counts as `fallback`. */
export function readBoolean(value: string | undefined, fallback: boolean): boolean {
  const v = value?.trim().toLowerCase();
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  return fallback;
}

/** xsd:integer, or undefined when it is not one. */
export function readInteger(value: string | undefined): number | undefined {
  const v = value?.trim();
  if (!v || !/^[+-]?\d+$/.test(v)) return undefined;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : undefined;
}

/**
 * A REFI colour (`RGBType`: `#rrggbb` or `#rgb`) as the codebook writes it,
 * `#rrggbb` lower-cased; other forms give undefined.
 */
export function codebookColour(value: string | undefined): string | undefined {
  const v = value?.trim().toLowerCase();
  if (v && /^#[0-9a-f]{6}$/.test(v)) return v;
  if (v && /^#[0-9a-f]{3}$/.test(v)) return `#${[...v.slice(1)].map((digit) => digit + digit).join('')}`;
  return undefined;
}
