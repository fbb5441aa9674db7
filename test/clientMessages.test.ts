import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { clientLocale, clientMessages } from '../client/src/clientMessages.js';
import { ROOT } from './support/paths.js';

const readJson = (name: string) => JSON.parse(readFileSync(path.join(ROOT, name), 'utf8')) as Record<string, unknown>;

describe('extension messages in English and Bokmål', () => {
  it('reads Bokmål for Norwegian display languages and English otherwise', () => {
    for (const tag of ['nb', 'nb-NO', 'no', 'nn', 'nn-NO', 'NB', 'nb_NO.UTF-8']) assert.equal(clientLocale(tag), 'nb', tag);
    for (const tag of ['en', 'en-US', 'de', 'sv', 'nbx', '', undefined]) assert.equal(clientLocale(tag), 'en', String(tag));
  });

  it('says every message in both languages, none empty', () => {
    const en = clientMessages('en');
    const nb = clientMessages('nb');
    assert.deepEqual(Object.keys(nb).sort(), Object.keys(en).sort());
    // Messages that take arguments are called with sample ones; the filter line only joins the user's own choices.
    const codes = [{ code: 'kontaktvei/via-samarbeidspartnere', reading: 'proactive' }];
    const figures = { units: 66, percent: 0.667, kappa: 0, alpha: null };
    const samples: Record<string, unknown[]> = {
      filterShown: [['kommune-03', 'MT']],
      codings: [[]],
      theirCodes: ['LH', []],
      disagreement: ['MT', codes, 'LH', []],
      copyDetail: ['LH', true],
      compareFigures: [{ words: 455, decisions: { ...figures, inflated: false }, readings: figures, codes: [] }],
    };
    const sameInEveryLanguage = new Set(['filterShown']);
    for (const [key, value] of Object.entries(en)) {
      const other = nb[key as keyof typeof nb];
      assert.equal(typeof other, typeof value, key);
      const say = (message: unknown) => (typeof message === 'function' ? message(...(samples[key] ?? ['x', 'y', 2, 3])) : message);
      assert.ok(String(say(value)).trim(), `en ${key}`);
      assert.ok(String(say(other)).trim(), `nb ${key}`);
      if (!sameInEveryLanguage.has(key)) assert.notEqual(say(other), say(value), `${key} is not translated`);
    }
  });

  it('counts in the singular and plural', () => {
    const en = clientMessages('en');
    const nb = clientMessages('nb');
    assert.equal(en.codeCount(1), '1 code');
    assert.equal(en.codeCount(14), '14 codes');
    assert.equal(nb.codeCount(1), '1 kode');
    assert.equal(nb.segments(2), '2 segmenter');
  });

  it('names each coder\'s codes with their readings, and figures as `fieldnotes agree` prints them, n/a where undefined', () => {
    const en = clientMessages('en');
    const nb = clientMessages('nb');
    const code = 'kontaktvei/via-samarbeidspartnere';
    assert.equal(en.disagreement('MT', [{ code, reading: 'proactive' }], 'LH', [{ code, reading: 'reactive' }]), `MT: #${code} (proactive) · LH: #${code} (reactive)`);
    assert.equal(en.disagreement('MT', [{ code: 'målgruppe/over-18', reading: '' }], 'LH', []), 'MT: #målgruppe/over-18 · LH: no code');
    assert.equal(nb.codings([]), 'ingen kode');
    const figures = { words: 13, decisions: { units: 26, percent: 0.8846, kappa: 0.75, alpha: 0.7509, inflated: false }, readings: { units: 0, percent: null, kappa: null, alpha: null }, codes: [] };
    assert.equal(
      en.compareFigures(figures),
      "13 words · all codes: agreement 0.885, Cohen's kappa 0.750, Krippendorff's alpha 0.751 · readings where both coded (0 units): agreement n/a, kappa n/a, alpha n/a",
    );
  });

  it('has a title in both languages for every %key% in the manifest', () => {
    const manifest = readFileSync(path.join(ROOT, 'package.json'), 'utf8');
    const keys = new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!));
    assert.ok(keys.size > 10);
    const en = readJson('package.nls.json');
    const nb = readJson('package.nls.nb.json');
    assert.deepEqual(Object.keys(nb).sort(), Object.keys(en).sort());
    for (const key of keys) {
      assert.ok(typeof en[key] === 'string' && en[key], `package.nls.json lacks ${key}`);
      assert.ok(typeof nb[key] === 'string' && nb[key], `package.nls.nb.json lacks ${key}`);
    }
  });
});
