import { Deflate, deflateSync, strToU8 } from 'fflate';

/**
 * Zip archives written byte by byte, so that a test can make what a
 * zip library refuses to: an entry that declares another size than it
 * unpacks to, damaged data, ZIP64 sizes past 4 GiB.
 */

export interface ZipInput {
  name: string;
  /** Stored compressed (deflate); its declared size is its length unless `size` says otherwise. */
  text?: string;
  bytes?: Uint8Array;
  /** Raw deflate data as it goes into the archive (`text` and `bytes` unused). */
  deflated?: Uint8Array;
  /** The uncompressed size the archive declares. */
  size?: number;
  /** Sizes in a ZIP64 extra field, with 0xFFFFFFFF in the 32-bit fields. */
  zip64?: boolean;
}

export function zipArchive(entries: ZipInput[]): Uint8Array {
  const local: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = strToU8(entry.name);
    const plain = entry.text !== undefined ? strToU8(entry.text) : entry.bytes;
    const data = entry.deflated ?? deflateSync(plain ?? new Uint8Array(0));
    const size = entry.size ?? plain?.length ?? 0;
    const crc = plain ? crc32(plain) : 0;
    const extra = entry.zip64 ? zip64Extra(size, data.length) : new Uint8Array(0);
    const size32 = entry.zip64 ? 0xffffffff : size;
    const compressed32 = entry.zip64 ? 0xffffffff : data.length;
    const header = new DataView(new ArrayBuffer(30));
    header.setUint32(0, 0x04034b50, true);
    header.setUint16(4, entry.zip64 ? 45 : 20, true);
    header.setUint16(6, 0x800, true);
    header.setUint16(8, 8, true);
    header.setUint32(14, crc, true);
    header.setUint32(18, compressed32, true);
    header.setUint32(22, size32, true);
    header.setUint16(26, name.length, true);
    header.setUint16(28, extra.length, true);
    local.push(new Uint8Array(header.buffer), name, extra, data);
    const record = new DataView(new ArrayBuffer(46));
    record.setUint32(0, 0x02014b50, true);
    record.setUint16(4, 45, true);
    record.setUint16(6, entry.zip64 ? 45 : 20, true);
    record.setUint16(8, 0x800, true);
    record.setUint16(10, 8, true);
    record.setUint32(16, crc, true);
    record.setUint32(20, compressed32, true);
    record.setUint32(24, size32, true);
    record.setUint16(28, name.length, true);
    record.setUint16(30, extra.length, true);
    record.setUint32(42, offset, true);
    central.push(new Uint8Array(record.buffer), name, extra);
    offset += 30 + name.length + extra.length + data.length;
  }
  const directorySize = central.reduce((n, part) => n + part.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, directorySize, true);
  end.setUint32(16, offset, true);
  return concat([...local, ...central, new Uint8Array(end.buffer)]);
}

/**
 * Raw deflate data of `mebibytes` MiB of zeros, about 1 KiB per MiB: one
 * MiB compressed once and repeated (each piece ends on a byte boundary and
 * refers only to itself), then a final empty block. A GiB takes no time.
 */
export function deflatedZeros(mebibytes: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const deflate = new Deflate({ level: 9 }, (chunk) => parts.push(chunk));
  deflate.push(new Uint8Array(2 ** 20), false);
  deflate.flush(true);
  const piece = concat(parts);
  const out = new Uint8Array(piece.length * mebibytes + 5);
  for (let i = 0; i < mebibytes; i++) out.set(piece, i * piece.length);
  // A stored block, final, empty.
  out.set([1, 0, 0, 0xff, 0xff], piece.length * mebibytes);
  return out;
}

/** Bytes no inflater reads: block type 3 does not exist. */
export const NOT_DEFLATE = Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);

function zip64Extra(size: number, compressed: number): Uint8Array {
  const extra = new DataView(new ArrayBuffer(20));
  extra.setUint16(0, 1, true);
  extra.setUint16(2, 16, true);
  extra.setBigUint64(4, BigInt(size), true);
  extra.setBigUint64(12, BigInt(compressed), true);
  return new Uint8Array(extra.buffer);
}

const CRC_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

function crc32(data: Uint8Array): number {
  let c = -1;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
