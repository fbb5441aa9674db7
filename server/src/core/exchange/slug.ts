/** Ids and file names from what other tools call things. */

/**
 * Lower-case letters (any script: æøå stay), marks and digits, every run of
 * anything else one `-`. A slug never starts with a mark, so it is always
 * a valid codebook id and a safe file name.
 */
export function slugify(name: string, fallback: string): string {
  const slug = name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^[-\p{M}]+|-+$/gu, '');
  return slug || fallback;
}

/**
 * A name that was a file name before (a Fieldnotes note's, `intervju-03.LH`,
 * or a coder's `LH`), kept as it was: its case, and `.` and `_` between
 * its words; any other character that is no letter, mark or digit becomes
 * `-`. It never starts with `.` or ends with one, so it is never `..` nor
 * hidden.
 */
export function fileNamePart(name: string, fallback: string): string {
  const part = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}._-]+/gu, '-')
    .replace(/^[-._\p{M}]+|[-._]+$/gu, '');
  return part || fallback;
}

/**
 * Hands out names unique within one scope: the second `x` becomes `x-2`,
 * the third `x-3`. File names are unique whatever their case, as the
 * file systems of macOS and Windows see them (`ignoreCase`).
 */
export class UniqueNames {
  private readonly taken = new Set<string>();

  constructor(
    reserved: Iterable<string> = [],
    private readonly options: { ignoreCase?: boolean } = {},
  ) {
    for (const name of reserved) this.taken.add(this.key(name));
  }

  has(name: string): boolean {
    return this.taken.has(this.key(name));
  }

  take(wanted: string): string {
    const base = wanted.normalize('NFC');
    let name = base;
    for (let n = 2; this.has(name); n++) name = `${base}-${n}`;
    this.taken.add(this.key(name));
    return name;
  }

  private key(name: string): string {
    const normal = name.normalize('NFC');
    return this.options.ignoreCase ? normal.toLowerCase() : normal;
  }
}

/**
 * Ids of one scope (the dimensions, or one dimension's variations) where an
 * id a Fieldnotes tag asks for wins over an id made from a name, whatever
 * comes first: notes written before the export use the tagged ids.
 */
export class IdScope {
  private readonly claimable: Set<string>;
  private readonly names: UniqueNames;

  constructor(tagged: Iterable<string>) {
    this.claimable = new Set([...tagged].map((id) => id.normalize('NFC')));
    this.names = new UniqueNames(this.claimable);
  }

  /** The tagged id, unless another tag claimed it first: then a unique variant. */
  claim(tagged: string): string {
    const id = tagged.normalize('NFC');
    return this.claimable.delete(id) ? id : this.names.take(id);
  }

  take(wanted: string): string {
    return this.names.take(wanted);
  }
}
