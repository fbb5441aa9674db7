import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * A file read where asked instead of whole: a project archive may hold
 * gigabytes of audio and video the import never reads, and more than
 * Node reads into one buffer.
 */
export interface RandomAccessFile {
  readonly size: number;
  /** `length` bytes from `position`; fewer only at the end. Throws what the system says when the disk fails. */
  read(position: number, length: number): Uint8Array;
  close(): void;
}

/** Opens `file` for reading; throws (`EISDIR` for a folder) when it cannot. */
export function openRandomAccess(file: string): RandomAccessFile {
  const fd = openSync(file, 'r');
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${file}'`), { code: 'EISDIR' });
    const size = stat.size;
    return {
      size,
      read(position, length) {
        const wanted = Math.max(0, Math.min(length, size - position));
        const buffer = new Uint8Array(wanted);
        let done = 0;
        while (done < wanted) {
          const got = readSync(fd, buffer, done, wanted - done, position + done);
          if (!got) break;
          done += got;
        }
        return buffer.subarray(0, done);
      },
      close: () => closeSync(fd),
    };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}
