/**
 * Text files from an archive. REFI-QDA asks for UTF-8, but Windows tools
 * write UTF-16 with a byte-order mark now and then; the mark says which.
 * The mark itself is not part of the text (positions do not count it).
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return new TextDecoder('utf-8').decode(bytes.subarray(start));
}

/** An XML file: as `decodeText`, unless its declaration names another encoding (`encoding="windows-1252"`) and no mark says otherwise. */
export function decodeXml(bytes: Uint8Array): string {
  const hasMark = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xef && bytes[1] === 0xbb);
  const declared = hasMark ? undefined : /^<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(String.fromCharCode(...bytes.subarray(0, 200)))?.[1];
  if (declared && !/^utf-?8$/i.test(declared)) {
    try {
      return new TextDecoder(declared.toLowerCase()).decode(bytes);
    } catch {
      // A label TextDecoder does not know: read it as UTF-8, the standard's encoding.
    }
  }
  return decodeText(bytes);
}
