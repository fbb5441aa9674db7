import assert from 'node:assert/strict';
import { LineIndex } from '../server/src/core/text/lineIndex.js';

/** Positions worked out the slow, obvious way: the text split at each of the LSP's three line breaks. */
function reference(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length - 1, character: before.at(-1)!.length };
}

describe('LineIndex', () => {
  const texts = ['', 'one line', 'a\nb\n', '\n\n\nx', 'a\r\nb\r\nc', 'a\rb\rc\r', 'mixed\nlines\r\nand\rbreaks\n', 'æøå 🙂\nneste linje\n'];
  for (const text of texts) {
    it(`gives every offset's line and character as the LSP counts them: ${JSON.stringify(text)}`, () => {
      const lines = new LineIndex(text);
      for (let offset = 0; offset <= text.length; offset++) {
        // An offset between \r and \n is inside a line break: no position names it, and none is compared.
        if (text[offset - 1] === '\r' && text[offset] === '\n') continue;
        const position = lines.position(offset);
        assert.deepEqual(position, reference(text, offset), `offset ${offset}`);
        assert.equal(lines.offset(position), offset, `back from ${JSON.stringify(position)}`);
      }
    });
  }
});
