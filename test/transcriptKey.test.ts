import assert from 'node:assert/strict';
import { codedWords } from '../server/src/core/agreement/agreement.js';
import { transcriptKey } from '../server/src/core/agreement/words.js';
import { NoteParser } from '../server/src/core/dialect/note.js';
import { en } from '../server/src/core/i18n/messages.js';
import { random } from './support/generateNotes.js';
import { realisticStudy } from './support/realisticNotes.js';

/*
 * `transcriptKey` lets the copies check skip the word-by-word comparison:
 * it must never call two copies the same when their words differ. Checked
 * against `codedWords` itself on generated second coders' copies and on
 * copies coded at random places, in scripts written with and without
 * spaces.
 */

const parse = (text: string) => new NoteParser(en).parse(text);
const wordsOf = (text: string) => codedWords(parse(text)).map((w) => w.text);
const keyOf = (text: string) => transcriptKey(parse(text));

/** Every pair of texts: equal keys must mean equal words. Returns how many pairs had equal keys. */
function assertKeyImpliesWords(texts: string[]): number {
  const read = texts.map((text) => ({ text, key: keyOf(text), words: wordsOf(text) }));
  let equalKeys = 0;
  for (let i = 0; i < read.length; i++) {
    for (let j = i + 1; j < read.length; j++) {
      if (read[i]!.key !== read[j]!.key) continue;
      equalKeys++;
      assert.deepEqual(read[i]!.words, read[j]!.words, `same key, different words:\n${read[i]!.text}\n---\n${read[j]!.text}`);
    }
  }
  return equalKeys;
}

/** The text with a segment, a bare annotation or a comment put in at random places (each kept well-formed). */
function codedAtRandom(text: string, rand: () => number): string {
  const at = () => Math.floor(rand() * (text.length + 1));
  let out = text;
  for (let n = 1 + Math.floor(rand() * 3); n > 0; n--) {
    const kind = rand();
    const a = Math.floor(rand() * (out.length + 1));
    if (kind < 0.6) {
      const b = a + Math.floor(rand() * Math.min(12, out.length - a + 1));
      const inner = out.slice(a, b);
      if (/[[\]{}\n<>]/.test(inner)) continue;
      out = `${out.slice(0, a)}[${inner}]{#målgruppe/ungdom}${out.slice(b)}`;
    } else if (kind < 0.8) {
      if (/[[\]{}<>]/.test(out.slice(Math.max(0, a - 1), a + 1))) continue;
      out = `${out.slice(0, a)}<!-- ${at()} -->${out.slice(a)}`;
    } else {
      if (/[[\]{}<>]/.test(out.slice(Math.max(0, a - 1), a + 1))) continue;
      out = `${out.slice(0, a)}[${out.slice(a)}]{#kontaktvei/oppsøkende}`;
      out = out.includes('\n') ? text : out;
    }
  }
  return out;
}

describe('transcriptKey (the copies check without the words)', () => {
  it('calls no two copies of a generated study the same unless their words are, and calls most second coders\u2019 copies the same', () => {
    const study = realisticStudy(60, 7, { secondCoder: true });
    const notes = study.filter((f) => f.name.endsWith('.fn.md'));
    const byId = new Map<string, string[]>();
    for (const note of notes) {
      const id = /^id: (.*)$/m.exec(note.text)?.[1];
      if (id) byId.set(id, [...(byId.get(id) ?? []), note.text]);
    }
    const pairs = [...byId.values()].filter((copies) => copies.length > 1);
    assert.ok(pairs.length >= 3, 'the study has second coders\u2019 copies');
    let same = 0;
    for (const copies of pairs) same += assertKeyImpliesWords(copies);
    assert.ok(same > 0, 'some copies are told apart by the key alone');
  });

  for (const [name, sentence] of [
    ['Norwegian', 'Ungdommen – «Tiril» – kom inn på kontoret i Molde, og veileder\u2019s kollega ringte Per-Arne tilbake.'],
    ['English', "The youth's case-worker didn't call; we rang St. Olav's instead (twice!)."],
    ['Chinese', '青年人来到办公室，我们给他打了电话。'],
    ['Japanese', '若者が事務所に来ました。担当者は電話しました。'],
  ] as const) {
    it(`never calls randomly coded copies of a ${name} transcript the same when their words differ`, () => {
      const rand = random(name.length * 101);
      const base = `---\nid: t1\n---\n\n${sentence}\n`;
      const copies = [base];
      for (let i = 0; i < 150; i++) copies.push(codedAtRandom(base, rand));
      assertKeyImpliesWords(copies);
    });
  }

  it('tells apart copies where markup splits a word from copies where it does not', () => {
    const split = '---\nid: t\n---\n\nabc[def]{#a} og [mer]{#b}\n';
    const whole = '---\nid: t\n---\n\nabcdef og mer\n';
    assert.notDeepEqual(wordsOf(split), wordsOf(whole));
    assert.notEqual(keyOf(split), keyOf(whole));
    const spaced = '---\nid: t\n---\n\n[abcdef]{#a} og [mer]{#b}\n';
    assert.deepEqual(wordsOf(spaced), wordsOf(whole));
    assert.equal(keyOf(spaced), keyOf(whole));
  });
});
