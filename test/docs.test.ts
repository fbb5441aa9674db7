import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DIAGNOSTIC_CODES } from '../server/src/core/checks/diagnostic.js';
import { ROOT } from './support/paths.js';

describe('documentation', () => {
  it('documents every diagnostic code, and no code that does not exist', () => {
    const doc = readFileSync(path.join(ROOT, 'docs', 'diagnostics.md'), 'utf8');
    const documented = [...doc.matchAll(/^\| `([a-z]+\/[a-z-]+)` \|/gm)].map((m) => m[1]);
    assert.deepEqual([...documented].sort(), [...DIAGNOSTIC_CODES].sort());
  });
});
