import { Inflate } from 'fflate';

/**
 * A zip archive read entry by entry: the central directory first, then only
 * the entries asked for, each inflated no further than the size the
 * directory declares for it. An archive can hold gigabytes the import never
 * needs (a project's videos) or declare less than it unpacks to (a zip
 * bomb); neither may cost more memory than the entries read are allowed.
 */

/** The archive's bytes, read where asked: from memory, or from a file the workspace opened. */
export interface ArchiveBytes {
  readonly size: number;
  /** `length` bytes from `position`; fewer only at the end. */
  read(position: number, length: number): Uint8Array;
}

export function bytesOf(bytes: Uint8Array): ArchiveBytes {
  return { size: bytes.length, read: (position, length) => bytes.subarray(position, position + length) };
}

export interface ZipEntry {
  /** As stored, with `\` as `/` and without leading `./`. */
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** The uncompressed size the central directory declares. */
  size: number;
  localHeader: number;
}

export type EntryRead = { ok: true; data: Uint8Array } | { ok: false; reason: 'larger-than-declared' | 'unreadable' };

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** The end record (22 bytes) and the longest comment after it. */
const TAIL = 22 + 0xffff;
/** Compressed bytes handed to the inflater at a time: deflate unpacks at most ~1032 times that, so one step never holds more than ~16 MiB. */
const STEP = 16 * 1024;

/**
 * The archive's files (folders left out) by name, the later of two
 * entries with one name winning, as in fflate's `unzipSync`; undefined
 * when the bytes hold no readable central directory.
 */
export function readZipDirectory(archive: ArchiveBytes): Map<string, ZipEntry> | undefined {
  const directory = centralDirectory(archive);
  if (!directory) return undefined;
  const { bytes, count } = directory;
  const entries = new Map<string, ZipEntry>();
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL) return undefined;
    const flags = u16(bytes, at + 8);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const next = at + 46 + nameLength + extraLength + u16(bytes, at + 32);
    if (next > bytes.length) return undefined;
    const rawName = bytes.subarray(at + 46, at + 46 + nameLength);
    const sizes = zip64Sizes(bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), u32(bytes, at + 24), u32(bytes, at + 20), u32(bytes, at + 42));
    // Bit 11 says UTF-8; without it fflate reads names as Latin-1, and so does this, so that paths match as they always did.
    const name = (flags & 0x800 ? new TextDecoder().decode(rawName) : String.fromCharCode(...rawName)).replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');
    if (!name.endsWith('/')) entries.set(name, { name, method: u16(bytes, at + 10), flags, ...sizes });
    at = next;
  }
  return entries;
}

/**
 * The entry's bytes, inflated no further than its declared size plus one
 * step's output: an entry that unpacks to more is refused, not truncated.
 */
export function readZipEntry(archive: ArchiveBytes, entry: ZipEntry): EntryRead {
  // Bit 0: encrypted, which the standard's archives never are.
  if (entry.flags & 1 || (entry.method !== 0 && entry.method !== 8)) return { ok: false, reason: 'unreadable' };
  const header = archive.read(entry.localHeader, 30);
  if (header.length < 30 || u32(header, 0) !== LOCAL) return { ok: false, reason: 'unreadable' };
  const start = entry.localHeader + 30 + u16(header, 26) + u16(header, 28);
  if (start + entry.compressedSize > archive.size) return { ok: false, reason: 'unreadable' };
  if (entry.method === 0) {
    if (entry.compressedSize > entry.size) return { ok: false, reason: 'larger-than-declared' };
    return { ok: true, data: archive.read(start, entry.compressedSize).slice() };
  }
  // Written into one buffer as it comes (many small pieces kept alive cost more in collection than the unpacking): sized from the compressed data, grown up to the declared size, never past it.
  let out = new Uint8Array(Math.min(entry.size, Math.max(64 * 1024, entry.compressedSize * 4)));
  let total = 0;
  const inflater = new Inflate((chunk) => {
    if (total + chunk.length > entry.size) throw new LargerThanDeclared();
    if (total + chunk.length > out.length) {
      const grown = new Uint8Array(Math.min(entry.size, Math.max(out.length * 2, total + chunk.length)));
      grown.set(out.subarray(0, total));
      out = grown;
    }
    out.set(chunk, total);
    total += chunk.length;
  });
  try {
    // The last push says so: data that stops before the deflate stream ends is damaged, and the inflater throws.
    for (let at = 0; at < entry.compressedSize; at += STEP) {
      const length = Math.min(STEP, entry.compressedSize - at);
      inflater.push(archive.read(start + at, length), at + length >= entry.compressedSize);
    }
  } catch (error) {
    return { ok: false, reason: error instanceof LargerThanDeclared ? 'larger-than-declared' : 'unreadable' };
  }
  return { ok: true, data: out.subarray(0, total) };
}

class LargerThanDeclared extends Error {}

/** The central directory's bytes and entry count, from the end record (ZIP64's where the archive has one). */
function centralDirectory(archive: ArchiveBytes): { bytes: Uint8Array; count: number } | undefined {
  if (archive.size < 22) return undefined;
  const tailStart = Math.max(0, archive.size - TAIL);
  const tail = archive.read(tailStart, archive.size - tailStart);
  let end = tail.length - 22;
  while (end >= 0 && u32(tail, end) !== EOCD) end--;
  if (end < 0) return undefined;
  let count = u16(tail, end + 10);
  let size = u32(tail, end + 12);
  let offset = u32(tail, end + 16);
  const locatorAt = tailStart + end - 20;
  if (locatorAt >= 0) {
    const locator = archive.read(locatorAt, 20);
    if (u32(locator, 0) === EOCD64_LOCATOR) {
      const record = archive.read(u64(locator, 8), 56);
      if (record.length === 56 && u32(record, 0) === EOCD64) {
        count = u64(record, 32);
        size = u64(record, 40);
        offset = u64(record, 48);
      }
    }
  }
  // A directory claiming more than the archive holds is damaged (or made to make a reader allocate it).
  if (offset + size > archive.size || count * 46 > size) return undefined;
  const bytes = archive.read(offset, size);
  return bytes.length === size ? { bytes, count } : undefined;
}

/** The sizes and offset, from the ZIP64 extra field (id 1) where the 32-bit fields hold 0xFFFFFFFF. */
function zip64Sizes(extra: Uint8Array, size: number, compressedSize: number, localHeader: number): Pick<ZipEntry, 'size' | 'compressedSize' | 'localHeader'> {
  const sizes = { size, compressedSize, localHeader };
  if (size !== 0xffffffff && compressedSize !== 0xffffffff && localHeader !== 0xffffffff) return sizes;
  for (let at = 0; at + 4 <= extra.length; at += 4 + u16(extra, at + 2)) {
    if (u16(extra, at) !== 1) continue;
    let field = at + 4;
    const take = () => {
      const value = field + 8 <= extra.length ? u64(extra, field) : 0xffffffff;
      field += 8;
      return value;
    };
    // The standard's order: uncompressed size, compressed size, offset, each only where its field overflowed.
    if (size === 0xffffffff) sizes.size = take();
    if (compressedSize === 0xffffffff) sizes.compressedSize = take();
    if (localHeader === 0xffffffff) sizes.localHeader = take();
    break;
  }
  return sizes;
}

const u16 = (b: Uint8Array, at: number) => (at + 2 <= b.length ? b[at]! | (b[at + 1]! << 8) : 0);
const u32 = (b: Uint8Array, at: number) => (at + 4 <= b.length ? (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0 : 0);
/** Exact up to 2^53, far past any archive a disk holds. */
const u64 = (b: Uint8Array, at: number) => u32(b, at) + u32(b, at + 4) * 2 ** 32;
