import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyse, located } from './support/analyse.js';
import { ROOT } from './support/paths.js';

/**
 * Runs every example of docs/dialect.md and checks what the comment under
 * it says Fieldnotes must read. Only the keys an expectation names are
 * compared; for lists, the count must match too.
 */
interface SegmentExpectation {
  text?: string;
  codes?: string[];
  kind?: string;
  speaker?: string | null;
  poles?: (string | null)[];
  memo?: string;
  parent?: number;
}
interface Expectation {
  segments?: SegmentExpectation[];
  diagnostics?: string[];
  callouts?: { kind?: string; title?: string; body?: string }[];
  placeholders?: string[];
  turns?: string[];
  frontMatter?: Record<string, unknown>;
}

const spec = readFileSync(path.join(ROOT, 'docs', 'dialect.md'), 'utf8');
const EXAMPLE = /```markdown example\n([\s\S]*?)\n```\n(?:<!-- expect (.*?) -->)?/g;
const examples = [...spec.matchAll(EXAMPLE)].map((m) => ({
  source: m[1]! + '\n',
  expect: m[2],
  line: spec.slice(0, m.index).split('\n').length,
}));

describe('docs/dialect.md examples', () => {
  it('has examples to run', () => {
    assert.ok(examples.length >= 10, `found ${examples.length} examples`);
  });

  for (const example of examples) {
    it(`example at docs/dialect.md:${example.line}`, () => {
      assert.ok(example.expect, 'every example needs an <!-- expect {...} --> comment under it');
      const expected = JSON.parse(example.expect!) as Expectation;
      const model = analyse(example.source);
      const { parsed } = model;
      if (expected.diagnostics) assert.deepEqual(located(example.source, model), expected.diagnostics);
      if (expected.turns) assert.deepEqual(parsed.turns.map((t) => t.speaker), expected.turns);
      if (expected.placeholders) assert.deepEqual(parsed.placeholders.map((p) => p.text), expected.placeholders);
      if (expected.frontMatter) {
        for (const [key, value] of Object.entries(expected.frontMatter)) assert.deepEqual(model.frontMatter.data[key], value, `front matter ${key}`);
      }
      if (expected.callouts) {
        assert.equal(parsed.callouts.length, expected.callouts.length, 'number of callouts');
        expected.callouts.forEach((want, i) => {
          const got = parsed.callouts[i]!;
          for (const key of Object.keys(want) as (keyof typeof want)[]) assert.equal(got[key], want[key], `callout ${i} ${key}`);
        });
      }
      if (expected.segments) {
        assert.equal(model.segments.length, expected.segments.length, 'number of segments');
        expected.segments.forEach((want, i) => {
          const got = model.segments[i]!;
          if (want.text !== undefined) assert.equal(got.segment.text, want.text, `segment ${i} text`);
          if (want.kind !== undefined) assert.equal(got.segment.kind, want.kind, `segment ${i} kind`);
          if (want.codes) assert.deepEqual(got.codes.map((c) => c.ref.id), want.codes, `segment ${i} codes`);
          if (want.poles) assert.deepEqual(got.codes.map((c) => c.pole ?? null), want.poles, `segment ${i} poles`);
          if (want.speaker !== undefined) assert.equal(got.segment.speaker ?? null, want.speaker, `segment ${i} speaker`);
          if (want.memo !== undefined) assert.equal(got.memo, want.memo, `segment ${i} memo`);
          if (want.parent !== undefined) assert.equal(got.segment.parent, want.parent, `segment ${i} parent`);
        });
      }
    });
  }
});
