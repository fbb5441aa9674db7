import assert from 'node:assert/strict';
import { wordsOf } from '../server/src/core/anon/prose.js';

const words = (text: string) => wordsOf(text, { mask: new Uint8Array(text.length), starts: [] }).map((w) => w.text);

/** The words the anonymization check reads: letters and marks, joined by `-`, `'` or `’` when a letter follows. */
describe('anonymization: the words of a text', () => {
  const cases: [string, string[]][] = [
    ['Kari Nordmann bor i Bodø.', ['Kari', 'Nordmann', 'bor', 'i', 'Bodø']],
    ['Nord-Gudbrandsdalen og Anne-Marit', ['Nord-Gudbrandsdalen', 'og', 'Anne-Marit']],
    ["O'Brien og Ingrid’s mor", ["O'Brien", 'og', 'Ingrid’s', 'mor']],
    ['ord- og setning-', ['ord', 'og', 'setning']],
    ['e\u0301e\u0301 (combining marks stay in the word)', ['e\u0301e\u0301', 'combining', 'marks', 'stay', 'in', 'the', 'word']],
    ['\u0301alene', ['alene']],
    ['Åse, Øystein, Ævar; ªº µ', ['Åse', 'Øystein', 'Ævar', 'ªº', 'µ']],
    ['Ahmed أحمد Ланa 田中', ['Ahmed', 'أحمد', 'Ланa', '田中']],
    ['𝐀bc 𠀋x and a plain word', ['𝐀bc', '𠀋x', 'and', 'a', 'plain', 'word']],
    ['12 3-4 _x_ *y*', ['x', 'y']],
  ];
  for (const [text, expected] of cases) {
    it(`reads ${JSON.stringify(text)}`, () => assert.deepEqual(words(text), expected));
  }

  it('gives each word its place in the text', () => {
    const text = 'Hei, Ola-Per! Kom.';
    for (const word of wordsOf(text, { mask: new Uint8Array(text.length), starts: [] })) assert.equal(text.slice(word.start, word.end), word.text);
  });
});
