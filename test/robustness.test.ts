import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CompletionRequest, DidOpenTextDocumentNotification, DocumentSymbolRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import { ResponseError } from 'vscode-jsonrpc';
import { NoteParser, parseWhole } from '../server/src/core/dialect/note.js';
import { deepLines, MAX_PREFIX_COLUMNS } from '../server/src/core/dialect/nesting.js';
import { analyseUnit, analyseUnitByRemark } from '../server/src/core/dialect/unit.js';
import { en } from '../server/src/core/i18n/messages.js';
import { CodesRequest, CodeSelectionRequest, EvidenceTreeRequest } from '../server/src/protocol/requests.js';
import { fieldnotes } from './support/cli.js';
import { fileUri, LspClient } from './support/lspClient.js';
import { SAMPLE_CODEBOOK } from './support/paths.js';

/*
 * Hostile and pathological input (issue 18): nothing crashes, nothing
 * hangs, the rest of the study is still checked. Slow cases run as real
 * processes under mocha's generous timeout; nothing here measures time.
 */

const FRONT = '---\ntitle: Dyp\n---\n\n';
/** Nesting that took remark-parse 0.4–61 s and, with the recursive walk it fed, ended the process. */
const DEEP: Record<string, string> = {
  'quotes.fn.md': FRONT + '> '.repeat(10_000) + 'hei [ord]{#kontaktvei/egen-henvendelse}\n',
  'ordered.fn.md': FRONT + '1. '.repeat(10_000) + 'hei\n',
  'quoted-lists.fn.md': FRONT + '> - '.repeat(5_000) + 'hei\n',
  'bullets.fn.md': FRONT + '- '.repeat(10_000) + 'hei\n',
};
/** A YAML "billion laughs": nine aliases of nine aliases, five deep. */
const ALIAS_BOMB = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcde'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill('*' + 'abcd'[i]).join(', ')}]`), `f: [${Array(9).fill('*e').join(', ')}]`].join('\n') + '\n';

function sameAsWhole(text: string): void {
  assert.deepStrictEqual(analyseUnit(text, true, en), analyseUnitByRemark(text, true, en));
  assert.deepStrictEqual(new NoteParser(en).parse(text), parseWhole(text, en));
}

describe('hostile input', function () {
  this.timeout(600_000);

  describe('containers nested beyond reason', () => {
    for (const [name, text] of Object.entries(DEEP)) {
      it(`${name}: read without recursion, the deep part as text, with one warning where it starts`, () => {
        const note = parseWhole(text, en);
        const warnings = note.diagnostics.filter((d) => d.code === 'block/too-deep');
        assert.equal(warnings.length, 1);
        const line = deepLines(text)[0]!;
        assert.deepEqual(warnings[0]!.span, { start: line.cut, end: line.end });
        assert.match(warnings[0]!.message, new RegExp(`more than ${MAX_PREFIX_COLUMNS} characters deep`));
        sameAsWhole(text);
      });
    }

    it('still reads the codes on a line nested too deep', () => {
      const note = parseWhole(DEEP['quotes.fn.md']!, en);
      assert.deepEqual(
        note.segments.map((s) => [s.text, s.annotation.body.codes.map((c) => c.id)]),
        [['ord', ['kontaktvei/egen-henvendelse']]],
      );
    });

    it('leaves nesting as deep as people write alone, and a long thematic break too', () => {
      const ordinary = FRONT + '> > > - 1. - [ord]{#kontaktvei/egen-henvendelse} i en liste\n\n' + '- '.repeat(200) + '\n\n' + '  '.repeat(20) + '- innrykket\n';
      assert.deepEqual(deepLines(ordinary), []);
      assert.equal(parseWhole(ordinary, en).diagnostics.filter((d) => d.code === 'block/too-deep').length, 0);
      sameAsWhole(ordinary);
    });

    it('warns once for a run of such lines, and again after an ordinary line', () => {
      const deepLine = '> '.repeat(100) + 'x\n';
      const text = FRONT + deepLine.repeat(3) + 'vanlig\n' + deepLine;
      const warnings = parseWhole(text, en).diagnostics.filter((d) => d.code === 'block/too-deep');
      assert.equal(warnings.length, 2);
      assert.match(warnings[0]!.message, /the 2 after it/);
      sameAsWhole(text);
    });

    it('a list nested by indentation, two more spaces a line, is cut where its prefix passes the limit', () => {
      let text = FRONT;
      for (let i = 0; i < 400; i++) text += ' '.repeat(2 * i) + `- punkt ${i}\n`;
      const lines = deepLines(text);
      assert.equal(lines.length, 400 - Math.floor(MAX_PREFIX_COLUMNS / 2));
      sameAsWhole(text);
    });
  });

  describe('emphasis marks by the thousand', () => {
    it('a paragraph of 20,000 openers and closers is read, its code and its speaker\'s label too', () => {
      const text = FRONT + '**Informant:** ' + '*a '.repeat(20_000) + '[ord]{#kontaktvei/egen-henvendelse} ' + '*'.repeat(20_000) + '\n';
      const note = parseWhole(text, en);
      assert.deepEqual(note.segments.map((s) => s.annotation.body.codes.map((c) => c.id)), [['kontaktvei/egen-henvendelse']]);
      assert.deepEqual(note.segments.map((s) => s.speaker), ['Informant']);
      sameAsWhole(text);
    });

    it('reads labels, list markers and thematic breaks in such a stretch as it reads them anywhere', () => {
      const many = ' _x_ *y* @ola_nordmann'.repeat(30);
      const text = FRONT + `**I:** spørsmål${many}\n- punkt${many}\n* stjerne\n***\n**Ola**: svar\n\n**I:** neste\n`;
      const note = parseWhole(text, en);
      assert.deepEqual(note.turns.map((t) => t.speaker), ['I', 'Ola', 'I']);
      sameAsWhole(text);
    });
  });

  describe('the CLI goes on past them', () => {
    let folder: string;
    before(() => {
      folder = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-hostile-'));
      copyFileSync(SAMPLE_CODEBOOK, path.join(folder, 'codebook.yaml'));
      for (const [name, text] of Object.entries(DEEP)) writeFileSync(path.join(folder, name), text);
      writeFileSync(path.join(folder, 'aliases.fn.md'), '---\ntitle: Alias\n' + ALIAS_BOMB + '---\n\nTekst.\n');
      writeFileSync(path.join(folder, 'ordinary.fn.md'), FRONT + 'Vi ringer [dem]{#kontaktvei/feil}.\n');
    });
    after(() => rmSync(folder, { recursive: true, force: true }));

    it('checks every note: each deep one warned, the alias bomb at its line, the ordinary note\'s mistake found', () => {
      const run = fieldnotes(['check', '--format', 'json', folder]);
      assert.equal(run.status, 1, run.stderr);
      assert.equal(run.stderr, '');
      const found = JSON.parse(run.stdout) as { file: string; code: string; range: { start: { line: number } } }[];
      const codesIn = (name: string) => found.filter((d) => d.file.endsWith(name)).map((d) => d.code);
      for (const name of Object.keys(DEEP)) assert.ok(codesIn(name).includes('block/too-deep'), name);
      const alias = found.find((d) => d.file.endsWith('aliases.fn.md') && d.code === 'frontmatter/invalid')!;
      assert.equal(alias.range.start.line, 3, 'the first alias is on the fourth line');
      assert.ok(codesIn('ordinary.fn.md').includes('code/unknown'));
    });

    it('reports a codebook\'s alias bomb at its first alias, as a plain error', () => {
      const study = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-aliases-'));
      try {
        writeFileSync(path.join(study, 'codebook.yaml'), 'version: 1\n' + ALIAS_BOMB);
        writeFileSync(path.join(study, 'a.fn.md'), FRONT + 'Vi ringer [dem]{#kontaktvei/egen-henvendelse}.\n');
        const run = fieldnotes(['check', study]);
        assert.equal(run.status, 1, run.stderr);
        assert.equal(run.stderr, '');
        assert.match(run.stdout, /codebook\.yaml:3:\d+ error codebook\/invalid The codebook is not valid YAML: its aliases/);
      } finally {
        rmSync(study, { recursive: true, force: true });
      }
    });
  });

  describe('the language server keeps answering', () => {
    let folder: string;
    let client: LspClient;
    before(async () => {
      folder = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-hostile-lsp-'));
      copyFileSync(SAMPLE_CODEBOOK, path.join(folder, 'codebook.yaml'));
      writeFileSync(path.join(folder, 'ordinary.fn.md'), FRONT + 'Vi ringer [dem]{#kontaktvei/egen-henvendelse}.\n');
      client = new LspClient();
      await client.initialize(folder);
    });
    after(async () => {
      assert.equal(await client.stop(), 0, client.stderr);
      rmSync(folder, { recursive: true, force: true });
    });

    const open = async (name: string, text: string) => {
      const uri = fileUri(path.join(folder, name));
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      return uri;
    };
    const ordinarySymbols = () => client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: fileUri(path.join(folder, 'ordinary.fn.md')) } });

    it('on a note nested 10,000 deep and one with an alias bomb in its front matter', async () => {
      const deep = await open('deep.fn.md', DEEP['quotes.fn.md']!);
      const aliases = await open('aliases.fn.md', '---\ntitle: Alias\n' + ALIAS_BOMB + '---\n\nTekst.\n');
      assert.ok((await client.diagnostics(deep, (d) => d.length > 0)).some((d) => d.code === 'block/too-deep'));
      assert.ok((await client.diagnostics(aliases, (d) => d.length > 0)).some((d) => d.code === 'frontmatter/invalid'));
      const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: deep }, position: { line: 4, character: 20_015 } });
      assert.match(JSON.stringify(hover), /egen-henvendelse/i);
      assert.ok(Array.isArray(await ordinarySymbols()));
    });

    const invalid: [string, unknown][] = [
      [HoverRequest.method, {}],
      [HoverRequest.method, { textDocument: { uri: 42 }, position: { line: 0, character: 0 } }],
      [CompletionRequest.method, { textDocument: 'x', position: null }],
      [DocumentSymbolRequest.method, []],
      ['textDocument/rename', { textDocument: { uri: 'file:///x.fn.md' }, position: { line: -1, character: 0 }, newName: 'y' }],
      ['textDocument/codeAction', { textDocument: { uri: 'file:///x.fn.md' }, range: {}, context: {} }],
      ['workspace/symbol', { query: 7 }],
      [CodesRequest.method, 'file:///x.fn.md'],
      [CodeSelectionRequest.method, { uri: 'file:///x.fn.md', range: { start: { line: 0, character: 0 } }, code: 'a' }],
      [EvidenceTreeRequest.method, { parent: 'kontaktvei' }],
    ];
    for (const [method, params] of invalid) {
      it(`answers ${method} with ${JSON.stringify(params)} as invalid params, and goes on`, async () => {
        const error = await client.connection.sendRequest(method, params).then(
          () => undefined,
          (e: unknown) => e,
        );
        assert.ok(error instanceof ResponseError, `${method} was answered`);
        assert.equal(error.code, -32602, error.message);
        // Parameters given by position are refused by the JSON-RPC layer itself, in its own words.
        if (!Array.isArray(params)) assert.match(error.message, new RegExp(`^${method.replace(/\//g, '\\/')} takes \\{`));
        assert.ok(Array.isArray(await ordinarySymbols()));
      });
    }
  });
});
