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

/** A colour the codebook accepts (`#rrggbb`), lower-cased; other forms give undefined. */
export function codebookColour(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v && /^#[0-9a-fA-F]{6}$/.test(v) ? v.toLowerCase() : undefined;
}
