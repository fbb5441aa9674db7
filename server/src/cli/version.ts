import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package's version, read from its package.json: the nearest one above
 * this module, whether it runs from the bundle (dist/) or from tsc output.
 */
function readVersion(): string {
  for (let folder = path.dirname(fileURLToPath(import.meta.url)); ; folder = path.dirname(folder)) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'fieldnotes' && pkg.version) return pkg.version;
    } catch {
      /* no package.json here; look further up */
    }
    if (path.dirname(folder) === folder) return 'unknown';
  }
}

export const VERSION = readVersion();
