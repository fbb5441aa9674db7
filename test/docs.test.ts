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

describe('README', () => {
  it('shows a coded note that checks without a problem', async () => {
    const { analyse } = await import('./support/analyse.js');
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const example = /```markdown\n([\s\S]*?)```/.exec(readme)?.[1];
    assert.ok(example, 'README has a ```markdown example');
    const model = analyse(example);
    assert.deepEqual(model.diagnostics, []);
    assert.equal(model.segments.length, 2);
    assert.equal(model.parsed.callouts.length, 1);
  });
});
