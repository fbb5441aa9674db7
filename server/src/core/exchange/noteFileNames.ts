import { MAX_NAME_BYTES, utf8Length } from '../text/utf8.js';
import { UniqueNames } from './slug.js';

/**
 * The file names of an import's notes: unique whatever their case, and
 * short enough for the file systems people keep notes on. A name component
 * may have 255 bytes on ext4, APFS, NTFS and most others (counted in UTF-8:
 * `æ` takes two), and another tool's source name may be longer: such a name
 * is cut by bytes, between characters as people see them (an `e` and its
 * accent stay together), keeping the coder's part and `.fn.md`.
 */

const ENDING = '.fn.md';
/**
 * A note's path inside the folder: folders of long names, deep, would pass
 * what a whole path may hold (4096 bytes on Linux, the folder's own path
 * included), so a note whose folders take more is written flat.
 */
const MAX_PATH_BYTES = 1024;
/** What a coder's part keeps when a name is cut: enough to tell coders apart. */
const MAX_CODER_BYTES = 64;

export interface NoteFileName {
  /** Relative POSIX path, `.fn.md` included. */
  path: string;
  /** The name (or a folder on its way) was cut or flattened to fit. */
  shortened: boolean;
}

export class NoteFileNames {
  private readonly names: UniqueNames;
  /** Folders by the path their names were asked with, as written. */
  private readonly folders = new Map<string, string>();
  /** Written folder paths (lower case) by the path asked for: a cut folder never shares another's folder. */
  private readonly folderOwners = new Map<string, string>();

  /** `reserved`: stems taken already (`notes`). */
  constructor(reserved: Iterable<string>) {
    this.names = new UniqueNames(reserved, { ignoreCase: true });
  }

  /**
   * A unique path for a note: `parts` are its folders and its name (each
   * a safe file name already), `coder` the part that tells coders' copies
   * apart (`intervju-03.LH`). A name that is taken gets `-2`, `-3`.
   */
  take(parts: string[], coder?: string): NoteFileName {
    const asked = parts.map((part) => part.normalize('NFC'));
    let name = asked.at(-1)!;
    let folders = this.folderPath(asked.slice(0, -1));
    let shortened = folders.shortened;
    if (utf8Length(folders.path) + MAX_NAME_BYTES + 1 > MAX_PATH_BYTES) {
      name = asked.join('-');
      folders = { path: '', shortened: true };
      shortened = true;
    }
    const prefix = folders.path ? `${folders.path}/` : '';
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? '' : `-${n}`;
      const fitted = fit(name, coder?.normalize('NFC'), MAX_NAME_BYTES - utf8Length(ENDING + suffix));
      const stem = `${prefix}${fitted.name}${suffix}`;
      if (!this.names.has(stem)) {
        this.names.take(stem);
        return { path: `${stem}${ENDING}`, shortened: shortened || fitted.cut };
      }
    }
  }

  /** The written path of a note's folders, each folder name cut to fit and, when cut, unique among its siblings. */
  private folderPath(asked: string[]): { path: string; shortened: boolean } {
    let path = '';
    let shortened = false;
    for (let i = 0; i < asked.length; i++) {
      const key = asked.slice(0, i + 1).join('/');
      let written = this.folders.get(key);
      if (written === undefined) {
        const part = asked[i]!;
        const prefix = path ? `${path}/` : '';
        for (let n = 1; ; n++) {
          const suffix = n === 1 ? '' : `-${n}`;
          const candidate = `${prefix}${utf8Length(part) <= MAX_NAME_BYTES ? part : cutToBytes(part, MAX_NAME_BYTES - utf8Length(suffix))}${suffix}`;
          const owner = this.folderOwners.get(candidate.toLowerCase());
          if (owner === undefined || owner === key || candidate === `${prefix}${part}`) {
            written = candidate;
            break;
          }
        }
        this.folders.set(key, written);
        this.folderOwners.set(written.toLowerCase(), key);
      }
      if (written !== `${path ? `${path}/` : ''}${asked[i]}`) shortened = true;
      path = written;
    }
    return { path, shortened };
  }
}

/** `name.coder` within `budget` bytes: the coder's part cut to a few dozen bytes first, then the name. */
function fit(name: string, coder: string | undefined, budget: number): { name: string; cut: boolean } {
  const whole = coder === undefined ? name : `${name}.${coder}`;
  if (utf8Length(whole) <= budget) return { name: whole, cut: false };
  if (coder === undefined) return { name: cutToBytes(name, budget) || 'source', cut: true };
  const coderPart = cutToBytes(coder, Math.min(MAX_CODER_BYTES, budget >> 1)) || 'coder';
  return { name: `${cutToBytes(name, budget - utf8Length(coderPart) - 1) || 'source'}.${coderPart}`, cut: true };
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * The longest start of `text` that takes at most `maxBytes` in UTF-8, cut
 * between grapheme clusters (between code points only inside a cluster
 * longer than the budget), without the `-`, `.`, `_` or space a file name
 * must not end with.
 */
export function cutToBytes(text: string, maxBytes: number): string {
  if (utf8Length(text) <= maxBytes) return text;
  let cut = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const size = utf8Length(segment);
    if (used + size > maxBytes) break;
    cut += segment;
    used += size;
  }
  if (!cut) {
    for (const character of text) {
      const size = utf8Length(character);
      if (used + size > maxBytes) break;
      cut += character;
      used += size;
    }
  }
  return cut.replace(/[-._\s]+$/u, '');
}
