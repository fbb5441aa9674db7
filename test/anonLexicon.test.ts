import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lexicon, normaliseName } from '../server/src/core/anon/lexicon.js';
import { ROOT } from './support/paths.js';

const DATA = path.join(ROOT, 'server', 'src', 'core', 'anon', 'data');
const SCRIPT = path.join(ROOT, 'scripts', 'build-anon-data.mjs');
const NAMES = path.join(ROOT, '..', 'shared', 'data', 'norwegian-names');
const FILES = ['countries.json', 'english.json', 'firstNames.json', 'places.json', 'surnames.json'];

const read = (file: string) => JSON.parse(readFileSync(path.join(DATA, file), 'utf8')) as Record<string, unknown>;
const collator = new Intl.Collator('nb');

describe('anonymization lexicon', () => {
  const lex = lexicon();

  it('has lists of a plausible size', () => {
    const places = read('places.json') as { municipalities: string[] };
    assert.ok(lex.firstNames.size >= 1500, `${lex.firstNames.size} first names`);
    assert.ok(lex.surnames.size >= 3000, `${lex.surnames.size} surnames`);
    assert.ok(places.municipalities.length >= 300, `${places.municipalities.length} municipalities`);
    assert.ok(lex.places.size >= 1000, `${lex.places.size} places`);
    assert.ok(lex.counties.size >= 15, `${lex.counties.size} counties`);
    assert.ok(lex.countries.size >= 200, `${lex.countries.size} countries`);
  });

  it('knows names and places, with æ, ø and å spelled right', () => {
    for (const place of ['Molde', 'Kristiansund', 'Steinkjer', 'Snåsa', 'Tromsø', 'Bærum', 'Ålesund', 'Mo i Rana', 'Kristiansand S', 'Ny-Ålesund', 'Herøy', 'Kautokeino', 'Guovdageaidnu']) {
      assert.ok(lex.places.has(place), place);
    }
    for (const county of ['Møre og Romsdal', 'Trøndelag', 'Viken', 'Valdres']) assert.ok(lex.counties.has(county), county);
    for (const country of ['Grønland', 'Færøyene', 'Østerrike', 'Sør-Afrika', 'Norge']) assert.ok(lex.countries.has(country), country);
    for (const name of ['Eli', 'Ida', 'Jørgen', 'Tobias', 'Bjørn', 'Håvard', 'Ståle', 'Ole-Jørgen']) assert.ok(lex.firstNames.has(name), name);
    for (const name of ['Hansen', 'Nygaard', 'Kristoffersen', 'Ødegaard', 'Ødegård']) assert.ok(lex.surnames.has(name), name);
    // Not as the damaged source had them.
    assert.ok(!lex.countries.has('Statsløs') && !lex.places.has('Uoppgitt'));
    assert.ok(!lex.surnames.has('ødegaard'));
  });

  it('keeps a first name count, boys and girls added up', () => {
    assert.equal(lex.firstNames.get('Jørgen'), 10963);
    assert.equal(lex.firstNameCount('Kim'), 8649, 'Kim is in both lists');
    assert.ok(lex.firstNameCount('Ida') > lex.firstNameCount('Tønnes'));
    assert.equal(lex.firstNameCount('Molde'), 0);
    assert.ok(!lex.firstNames.has('X'), 'a single letter is a placeholder, not a name');
  });

  it('knows English first names, surnames and common words, and no proper noun as a word', () => {
    for (const name of ['Grace', 'Bill', 'Hope', 'Jennifer']) assert.ok(lex.isFirstName(name), name);
    assert.ok(lex.isSurname('Smith'));
    for (const word of ['labour', 'welfare', 'families', 'inclusion', 'placement', 'cork', 'storm']) assert.ok(lex.isEnglishWord(word), word);
    for (const word of ['london', 'tharshan', 'Labour', 'norway']) assert.ok(!lex.isEnglishWord(word), word);
    const { words } = read('english.json') as { words: string };
    const list = words.split('\n');
    assert.ok(list.length > 40_000, `${list.length} English words`);
    assert.deepEqual(list, [...new Set(list)].sort(), 'sorted and distinct');
    assert.ok(list.every((w) => /^[a-zà-ÿ]+$/u.test(w)), 'lower-case letters only');
  });

  it('looks words up as written or in capitals, never in lower case', () => {
    assert.equal(normaliseName('EVA-MARIE'), 'Eva-Marie');
    assert.equal(normaliseName('ålesund'), 'Ålesund');
    assert.equal(normaliseName('A\u030Asa'), 'Åsa', 'NFC');
    assert.ok(lex.isFirstName('Eli') && lex.isFirstName('ELI') && !lex.isFirstName('eli'));
    assert.ok(lex.isFirstName('OLE-JØRGEN'));
    assert.ok(lex.isPlace('TROMSØ') && lex.isPlace('Ålesund'.normalize('NFD')));
    assert.ok(!lex.isSurname('by') && !lex.isPlace('molde'));
    assert.ok(lex.isCounty('Nordland') && lex.isCountry('Grønland') && !lex.isCountry('Molde'));
  });

  it('holds only clean, sorted, distinct entries', () => {
    for (const file of FILES) {
      const data = read(file);
      assert.equal(typeof data.source, 'string', `${file} source`);
      for (const [key, value] of Object.entries(data)) {
        if (!Array.isArray(value)) continue;
        const names = value.map((v: unknown) => (Array.isArray(v) ? v[0] : v) as string);
        const where = `${file} ${key}`;
        assert.ok(names.length > 0, where);
        for (const name of names) {
          assert.equal(typeof name, 'string', where);
          assert.ok(!/[\uFFFD?]/.test(name), `${where}: ${name}`);
          assert.equal(name, name.normalize('NFC'), `${where}: ${name}`);
          assert.equal(name, name.trim().replace(/\s+/g, ' '), `${where}: ${JSON.stringify(name)}`);
        }
        assert.equal(new Set(names).size, names.length, `${where} has duplicates`);
        assert.deepEqual(names, [...names].sort((a, b) => collator.compare(a, b) || (a < b ? -1 : 1)), `${where} sorted`);
      }
    }
    assert.deepEqual(readdirSync(DATA).filter((f) => f.endsWith('.json')).sort(), FILES);
  });

  it('is what scripts/build-anon-data.mjs builds from the sources now', function () {
    // The SSB lists live beside the repository, not in it: a clone elsewhere has nothing to build from.
    if (!existsSync(NAMES)) this.skip();
    const out = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-anon-data-'));
    try {
      const run = spawnSync(process.execPath, [SCRIPT, out, '--names', NAMES], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      for (const file of FILES) {
        assert.ok(readFileSync(path.join(out, file), 'utf8') === readFileSync(path.join(DATA, file), 'utf8'), `${file} differs from what the script builds: run node scripts/build-anon-data.mjs`);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
