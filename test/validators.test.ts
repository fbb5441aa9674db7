import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { validateCodebook, validateFrontMatter } from '../server/src/core/yaml/schemaErrors.js';
import { ROOT, SAMPLE_CODEBOOK } from './support/paths.js';

/*
 * The validators are compiled ahead of time (scripts/build-validators.mjs).
 * They must be what the schemas make now, and say what Ajv compiling the
 * schemas at run time says, error for error.
 */

const schema = (name: string) => JSON.parse(readFileSync(path.join(ROOT, 'server', 'schemas', name), 'utf8')) as object;
const runtime = new Ajv({ allErrors: true, strict: false });
const atRunTime = { codebook: runtime.compile(schema('codebook.schema.json')), frontMatter: runtime.compile(schema('frontmatter.schema.json')) };

function sameVerdict(name: string, precompiled: typeof validateCodebook, compiled: typeof validateCodebook, data: unknown, valid: boolean): void {
  const ok = precompiled(data);
  assert.equal(ok, valid, name);
  assert.equal(compiled(data), valid, name);
  assert.deepEqual(precompiled.errors ?? null, compiled.errors ?? null, name);
}

describe('the validators compiled ahead of time', () => {
  it('are what the schemas make now (run node scripts/build-validators.mjs after changing a schema)', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-validators.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
  });

  it('judge codebooks as Ajv compiling the schema at run time does, error for error', () => {
    const good = parse(readFileSync(SAMPLE_CODEBOOK, 'utf8')) as Record<string, unknown>;
    const dimensions = good.dimensions as Record<string, unknown>[];
    const cases: [string, unknown][] = [
      ['the sample codebook', good],
      ['not a mapping', ['a', 'b']],
      ['no dimensions', { title: 'x' }],
      ['an unknown key', { ...good, colour: 'blue' }],
      ['a dimension without id', { ...good, dimensions: [{ ...dimensions[0], id: undefined }] }],
      ['an id with a space', { ...good, dimensions: [{ ...dimensions[0], id: 'to ord' }] }],
      ['a number for a label', { ...good, dimensions: [{ ...dimensions[0], label: 7 }] }],
      ['variations not a list', { ...good, dimensions: [{ ...dimensions[0], variations: 'many' }] }],
    ];
    for (const [name, data] of cases) sameVerdict(name, validateCodebook, atRunTime.codebook, JSON.parse(JSON.stringify(data ?? null)), name === 'the sample codebook');
  });

  it('judge front matter as Ajv compiling the schema at run time does, error for error', () => {
    const cases: [string, unknown][] = [
      ['an interview', { id: 'intervju-01', kind: 'interview', date: '2024-03-01', coder: 'MT', case: 'kommune-a', status: 'coded', consensus: true }],
      ['a date that is a number', { id: 'x', date: 20240301 }],
      ['an unknown kind', { id: 'x', kind: 'poem' }],
      ['a list for an id', { id: ['a', 'b'] }],
      ['consensus as text', { id: 'x', consensus: 'yes' }],
      ['an unknown status and attributes as a list', { id: 'x', status: 'done', attributes: ['a'] }],
      ['nothing', {}],
    ];
    for (const [name, data] of cases) sameVerdict(name, validateFrontMatter, atRunTime.frontMatter, data, name === 'an interview' || name === 'nothing');
  });
});
