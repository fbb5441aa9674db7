import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadCodebook } from '../server/src/core/codebook/codebook.js';
import { suggest } from '../server/src/core/text/suggest.js';
import { en, nb } from '../server/src/core/i18n/messages.js';
import { located } from './support/analyse.js';
import { ROOT, SAMPLE_CODEBOOK } from './support/paths.js';

const load = (text: string, msg = en) => loadCodebook(text, 'codebook.yaml', msg);

const minimal = (body: string) =>
  ['poles:', '  proactive: { label: Proaktiv }', '  reactive: { label: Reaktiv }', 'dimensions:', body].join('\n') + '\n';

describe('codebook', () => {
  it('reads the study codebook: poles, dimensions, variations and their evidence', () => {
    const text = readFileSync(SAMPLE_CODEBOOK, 'utf8');
    const { codebook, diagnostics } = load(text);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(codebook.poles.map((p) => [p.id, p.label]), [
      ['proactive', 'Proaktiv'],
      ['reactive', 'Reaktiv'],
    ]);
    assert.deepEqual(codebook.dimensions.map((d) => [d.id, d.variations.length]), [
      ['målgruppe', 3],
      ['kontaktvei', 4],
      ['ansvar', 3],
      ['forebygging', 4],
    ]);
    const either = codebook.codes.get('kontaktvei/via-samarbeidspartnere')!;
    assert.equal(either.evidence, 'either');
    assert.equal(either.label, 'Via samarbeidspartnere');
    assert.equal(codebook.codes.get('målgruppe/over-18')!.evidence, 'reactive');
    assert.equal(text.slice(either.span.start, either.span.end), 'via-samarbeidspartnere');
  });

  it('is the same file as the study reference', function () {
    const reference = path.join(ROOT, '..', 'shared', 'reference', 'codebook.yaml');
    // The reference lives beside the repository, not in it: a clone elsewhere has nothing to compare with.
    if (!existsSync(reference)) this.skip();
    assert.equal(readFileSync(SAMPLE_CODEBOOK, 'utf8'), readFileSync(reference, 'utf8'));
  });

  const problems: [string, string, string[], RegExp][] = [
    ['broken YAML', minimal('  - id: a\n    label: [A\n'), ['codebook/invalid@6:13'], /not valid YAML/],
    [
      'a variation without a label',
      minimal('  - id: a\n    label: A\n    variations:\n      - id: x\n        evidence: proactive\n'),
      ['codebook/invalid@8:9'],
      /variation `x` of `a` has no `label`/,
    ],
    [
      'a misspelt key',
      minimal('  - id: a\n    lable: A\n    label: A\n    variations:\n      - { id: x, label: X }\n'),
      ['codebook/invalid@6:5'],
      /`lable`.*Did you mean `label`/,
    ],
    ['an id with a space', minimal('  - id: kontakt vei\n    label: A\n    variations:\n      - { id: x, label: X }\n'), ['codebook/invalid@5:9'], /cannot be an id/],
    [
      'a dimension declared twice',
      minimal('  - id: a\n    label: A\n    variations: [{ id: x, label: X }]\n  - id: a\n    label: B\n    variations: [{ id: y, label: Y }]\n'),
      ['codebook/duplicate-id@8:9'],
      /declared twice \(first on line 5\)/,
    ],
    [
      'a variation declared twice',
      minimal('  - id: a\n    label: A\n    variations:\n      - { id: x, label: X }\n      - { id: x, label: Y }\n'),
      ['codebook/duplicate-id@9:15'],
      /variation `x` is declared twice in `a`/,
    ],
    [
      'an undeclared pole',
      minimal('  - id: a\n    label: A\n    variations:\n      - { id: x, label: X, evidence: proaktiv }\n'),
      ['codebook/unknown-pole@8:38'],
      /`proaktiv` is not a declared pole: use `proactive`, `reactive` or `either`/,
    ],
    ['a dimension without variations', minimal('  - id: a\n    label: A\n    variations: []\n'), ['codebook/invalid@7:17'], /variations` in the dimension `a` is empty/],
    ['`either` as a pole', 'poles:\n  either: { label: Begge }\ndimensions:\n  - { id: a, label: A, variations: [{ id: x, label: X }] }\n', ['codebook/invalid@2:3'], /cannot be a pole/],
    ['no dimensions at all', 'title: Tom\n', ['codebook/invalid@1:1'], /has no `dimensions`/],
  ];
  for (const [what, text, where, message] of problems) {
    it(`reports ${what} at its line`, () => {
      const result = load(text);
      assert.deepEqual(located(text, result), where);
      assert.match(result.diagnostics[0]!.message, message);
    });
  }

  it('still offers what it could read when the codebook has errors', () => {
    const text = minimal('  - id: a\n    label: A\n    variations:\n      - { id: x, label: X, evidence: proactive }\n      - { id: y }\n');
    const { codebook, diagnostics } = load(text);
    assert.equal(diagnostics.length, 1);
    assert.deepEqual([...codebook.codes.keys()], ['a/x', 'a/y']);
  });

  it('speaks Bokmål when asked', () => {
    const text = minimal('  - id: a\n    label: A\n    variations:\n      - { id: x }\n');
    assert.match(load(text, nb).diagnostics[0]!.message, /Variasjonen `x` i `a` mangler `label`: legg det til\./);
  });

  it('ships a JSON Schema that editors can use', () => {
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'server', 'schemas', 'codebook.schema.json'), 'utf8')) as { $schema: string; required: string[] };
    assert.match(schema.$schema, /json-schema\.org/);
    assert.deepEqual(schema.required, ['dimensions']);
  });
});

describe('did-you-mean', () => {
  it('ignores case and diacritics, and reads å as a', () => {
    assert.deepEqual(suggest('malgruppe', ['målgruppe', 'kontaktvei']), ['målgruppe']);
    assert.deepEqual(suggest('KONTAKTVEI', ['målgruppe', 'kontaktvei']), ['kontaktvei']);
  });
  it('finds swapped and missing letters, and nothing far away', () => {
    assert.deepEqual(suggest('evidecne', ['evidence', 'memo']), ['evidence']);
    assert.deepEqual(suggest('forebyging', ['forebygging']), ['forebygging']);
    assert.deepEqual(suggest('xyz', ['forebygging', 'ansvar']), []);
  });
});
