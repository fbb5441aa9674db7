import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The repository root (this file runs from out/test/extension/suite/). */
export const ROOT = path.resolve(__dirname, '../../../..');

/** The extension's id as VS Code knows it: `publisher.name` from package.json. */
export const EXTENSION_ID = (() => {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { publisher: string; name: string };
  return `${manifest.publisher}.${manifest.name}`;
})();
