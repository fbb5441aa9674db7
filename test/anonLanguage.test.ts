import assert from 'node:assert/strict';
import { frontMatterLanguage, languageOf } from '../server/src/core/anon/language.js';
import { NoteParser } from '../server/src/core/dialect/note.js';
import { en } from '../server/src/core/i18n/messages.js';

/** Which language the anonymization check reads a note or a paragraph in. */
describe('anonymization check: the language of a note', () => {
  const note = (text: string) => frontMatterLanguage(new NoteParser(en).parse(text));

  it('tells English from Norwegian (Bokmål and Nynorsk) by their small words', () => {
    assert.equal(languageOf('She said that the office had not called her about it.'), 'en');
    assert.equal(languageOf('Hun sa at kontoret ikke hadde ringt henne om det.'), 'no');
    assert.equal(languageOf('Ho sa at kontoret ikkje hadde ringt henne om det, og eg trur det.'), 'no');
  });

  it('says nothing when the words are too few or mixed', () => {
    assert.equal(languageOf('## Målgruppe'), undefined);
    assert.equal(languageOf('Ahmed, Sara, Jonas'), undefined);
    assert.equal(languageOf('Hun sa: «the office is closed».'), undefined);
  });

  it('takes a note’s language from its front matter, in any of the usual spellings', () => {
    const english = 'She said that the office had not called her about it.';
    assert.equal(note(`---\nlanguage: nb\n---\n${english}`), 'no');
    assert.equal(note(`---\nlang: English\n---\nHun sa at kontoret ikke ringte.`), 'en');
    assert.equal(note(`---\nspråk: nynorsk\n---\n${english}`), 'no');
    assert.equal(note(`---\nlanguage: klingon\n---\n${english}`), undefined);
    assert.equal(note(english), undefined);
  });
});
