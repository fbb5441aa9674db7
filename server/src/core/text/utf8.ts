/**
 * Bytes a name component may hold on ext4, APFS, NTFS and most other file
 * systems; names are counted in UTF-8 (`æ` takes two).
 */
export const MAX_NAME_BYTES = 255;

/** The length of `text` in UTF-8, without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const character of text) {
    const point = character.codePointAt(0)!;
    bytes += point < 0x80 ? 1 : point < 0x800 ? 2 : point < 0x10000 ? 3 : 4;
  }
  return bytes;
}
