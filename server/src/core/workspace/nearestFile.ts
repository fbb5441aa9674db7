import path from 'node:path';

/**
 * The nearest file named `name` in `folder` or a folder above it, as
 * `isThere` judges each candidate: how notes find their `codebook.yaml`
 * and `fieldnotes.yaml`.
 */
export async function nearestFileAbove(folder: string, name: string, isThere: (candidate: string) => Promise<boolean>): Promise<string | undefined> {
  for (let current = folder; ; current = path.dirname(current)) {
    const candidate = path.join(current, name);
    if (await isThere(candidate)) return candidate;
    if (path.dirname(current) === current) return undefined;
  }
}
