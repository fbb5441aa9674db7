import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync, rmSync, copyFileSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fieldnotes } from './support/cli.js';
import { ROOT, SAMPLES, SAMPLE_CODEBOOK } from './support/paths.js';

/** `file:line:col severity code` of each text-output line, without the message. */
const where = (stdout: string) =>
  stdout
    .split('\n')
    .filter((l) => /^\S+:\d+:\d+ /.test(l))
    .map((l) => l.split(' ').slice(0, 3).join(' '));

describe('fieldnotes check (the CLI as a process)', () => {
  let tmp: string;
  before(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-cli-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('finds nothing wrong in the samples and exits 0, mentioning only their open review comments', () => {
    const run = fieldnotes(['check', 'samples']);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /\(0 errors, 0 warnings, \d+ notes\) in \d+ files\.$/m);
    const items = JSON.parse(fieldnotes(['check', 'samples', '--format', 'json']).stdout) as { code: string; severity: string }[];
    assert.ok(items.length > 0, 'the samples hold open review comments');
    assert.deepEqual(new Set(items.map((d) => `${d.severity} ${d.code}`)), new Set(['information review/open']));
  });

  it('checks every sample note, not just some', () => {
    // Both sample studies: the NAV study's notes and those in its subfolder swot/.
    const notes = (readdirSync(SAMPLES, { recursive: true }) as string[]).filter((f) => f.endsWith('.fn.md'));
    assert.ok(notes.length >= 4, `samples hold ${notes.length} notes`);
    assert.match(fieldnotes(['check', 'samples']).stdout, new RegExp(` in ${notes.length} files\\.$`, 'm'));
  });

  it('reports each kind of mistake at its line and column, and exits 1', () => {
    const run = fieldnotes(['check', 'test/fixtures/mistakes', '--codebook', 'samples/codebook.yaml']);
    assert.equal(run.status, 1);
    const file = 'test/fixtures/mistakes/mistakes.fn.md';
    assert.deepEqual(where(run.stdout), [
      `${file}:3:7 error frontmatter/invalid`,
      `${file}:4:7 error frontmatter/invalid`,
      `${file}:9:44 error code/unknown`,
      `${file}:10:21 warning code/missing-evidence`,
      `${file}:12:60 error code/invalid-evidence`,
      `${file}:12:73 warning code/empty-segment`,
      `${file}:14:22 error syntax/unclosed-annotation`,
      `${file}:18:38 error syntax/unopened-annotation`,
      `${file}:19:46 error syntax/invalid-attribute`,
      `${file}:19:85 warning code/duplicate`,
      `${file}:20:32 warning syntax/unknown-attribute`,
      `${file}:20:57 warning code/no-code`,
      `${file}:20:82 error syntax/stray-code`,
      `${file}:24:1 warning syntax/orphan-block-code`,
      `${file}:26:3 warning callout/unknown`,
    ]);
    assert.match(run.stdout, /Did you mean `#kontaktvei\/egen-henvendelse`\?/);
    assert.match(run.stdout, /^15 problems \(8 errors, 7 warnings\) in 1 file\.$/m);
  });

  it('prints the documented JSON: 0-based UTF-16 ranges, severity words, stable codes', () => {
    const run = fieldnotes(['check', 'test/fixtures/mistakes/mistakes.fn.md', '--codebook', 'samples/codebook.yaml', '--format', 'json']);
    assert.equal(run.status, 1);
    const items = JSON.parse(run.stdout) as Record<string, unknown>[];
    assert.equal(items.length, 15);
    for (const item of items) assert.deepEqual(Object.keys(item), ['file', 'range', 'severity', 'code', 'message']);
    const unknown = items.find((d) => d.code === 'code/unknown')!;
    assert.deepEqual(unknown, {
      file: 'test/fixtures/mistakes/mistakes.fn.md',
      range: { start: { line: 8, character: 43 }, end: { line: 8, character: 70 } },
      severity: 'error',
      code: 'code/unknown',
      message: unknown.message,
    });
    assert.ok(items.every((d) => ['error', 'warning', 'information', 'hint'].includes(d.severity as string)));
  });

  it('reports codebook errors at their line in the codebook, once', () => {
    const run = fieldnotes(['check', 'test/fixtures/broken-codebook']);
    assert.equal(run.status, 1);
    assert.deepEqual(where(run.stdout), ['test/fixtures/broken-codebook/codebook.yaml:27:19 error codebook/unknown-pole']);
  });

  it('checks a codebook named on the command line', () => {
    const run = fieldnotes(['check', 'test/fixtures/broken-codebook/codebook.yaml']);
    assert.equal(run.status, 1);
    assert.deepEqual(where(run.stdout), ['test/fixtures/broken-codebook/codebook.yaml:27:19 error codebook/unknown-pole']);
  });

  it('warns when a note has no codebook, and exits 0', () => {
    const run = fieldnotes(['check', 'test/fixtures/no-codebook']);
    assert.equal(run.status, 0);
    assert.deepEqual(where(run.stdout), ['test/fixtures/no-codebook/lonely.fn.md:1:1 warning codebook/not-found']);
  });

  it('finds the codebook named in front matter, relative to the note', () => {
    const folder = path.join(tmp, 'declared');
    mkdirSync(path.join(folder, 'notes'), { recursive: true });
    copyFileSync(SAMPLE_CODEBOOK, path.join(folder, 'study.yaml'));
    writeFileSync(path.join(folder, 'notes', 'a.fn.md'), '---\ncodebook: ../study.yaml\n---\n\n[ord]{#målgruppe/over-18}\n');
    writeFileSync(path.join(folder, 'notes', 'b.fn.md'), '---\ncodebook: ../mangler.yaml\n---\n');
    const run = fieldnotes(['check', '.'], { cwd: folder });
    assert.equal(run.status, 1);
    assert.deepEqual(where(run.stdout), ['notes/b.fn.md:2:11 error frontmatter/invalid']);
  });

  it('speaks Bokmål with --lang nb or a Norwegian LANG', () => {
    const args = ['check', 'test/fixtures/mistakes', '--codebook', 'samples/codebook.yaml'];
    assert.match(fieldnotes([...args, '--lang', 'nb']).stdout, /Ukjent kode `#kontaktvei\/egen-henvendlse`/);
    assert.match(fieldnotes(args, { env: { LANG: 'nb_NO.UTF-8' } }).stdout, /15 problemer \(8 feil, 7 advarsler\) i 1 fil\./);
  });

  it('exits 2 with a plain message on bad usage', () => {
    const cases: [string[], RegExp][] = [
      [['check', 'finnes-ikke'], /finnes-ikke: no such file or folder/],
      [['check', 'samples', '--format', 'xml'], /--format must be text or json, not 'xml'/],
      [['check', 'samples', '--colour'], /Unknown option '--colour'/],
      [['lint'], /Unknown command 'lint'/],
      [['check', 'samples', '--codebook', 'nei.yaml'], /--codebook nei\.yaml: no such file/],
      [['check', 'samples', '--lang', 'de'], /--lang must be en or nb/],
      [[], /Usage: fieldnotes/],
    ];
    for (const [args, message] of cases) {
      const run = fieldnotes(args);
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, message);
      assert.equal(run.stdout, '');
    }
  });

  it('prints help and version', () => {
    assert.match(fieldnotes(['--help']).stdout, /fieldnotes <command>/);
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(fieldnotes(['--version']).stdout.trim(), pkg.version);
  });

  it('reports binary, non-UTF-8, huge and unreadable files by name instead of crashing', () => {
    const folder = path.join(tmp, 'bad');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'binary.fn.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]));
    writeFileSync(path.join(folder, 'latin1.fn.md'), Buffer.concat([Buffer.from('Linje en\nBl'), Buffer.from([0xe5]), Buffer.from('b\xe6r\n', 'latin1')]));
    writeFileSync(path.join(folder, 'huge.fn.md'), '');
    truncateSync(path.join(folder, 'huge.fn.md'), 65 * 1024 * 1024);
    symlinkSync(path.join(folder, 'gone.txt'), path.join(folder, 'gone.fn.md'));
    const run = fieldnotes(['check', '.', '--codebook', SAMPLE_CODEBOOK], { cwd: folder });
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(where(run.stdout).sort(), [
      'binary.fn.md:1:1 error file/not-text',
      'gone.fn.md:1:1 error file/unreadable',
      'huge.fn.md:1:1 error file/too-large',
      'latin1.fn.md:1:1 error file/not-text',
    ]);
    assert.match(run.stdout, /latin1\.fn\.md.*first bad byte on line 2/);
    assert.match(run.stdout, /gone\.fn\.md.*cannot be read: it does not exist, or is a broken link/);
    assert.equal(run.stderr, '');
  });

  it('reports a pipe named as a note, or linked from the folder, instead of waiting for it forever', () => {
    const folder = path.join(tmp, 'pipes');
    mkdirSync(folder);
    execFileSync('mkfifo', [path.join(folder, 'pipe.fn.md')]);
    symlinkSync(path.join(folder, 'pipe.fn.md'), path.join(folder, 'linked.fn.md'));
    const run = fieldnotes(['check', '.', 'pipe.fn.md', '--codebook', SAMPLE_CODEBOOK], { cwd: folder });
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(where(run.stdout).sort(), ['linked.fn.md:1:1 error file/unreadable', 'pipe.fn.md:1:1 error file/unreadable']);
    assert.match(run.stdout, /pipe\.fn\.md.*cannot be read: it is a device or pipe, not a file/);
  });

  it('handles CRLF notes with a byte-order mark, positions as an editor shows them', () => {
    const file = path.join(tmp, 'crlf.fn.md');
    writeFileSync(file, '\uFEFF---\r\nid: x\r\n---\r\n\r\n[ord]{#målgruppe/over-19}\r\n');
    const run = fieldnotes(['check', file, '--codebook', SAMPLE_CODEBOOK, '--format', 'json']);
    const [item] = JSON.parse(run.stdout) as { range: { start: unknown } }[];
    assert.deepEqual(item!.range.start, { line: 4, character: 6 });
  });

  it('reports a transcript line a memo swallows, in text, JSON and Bokmål, where it used to say "No problems"', () => {
    const folder = path.join(tmp, 'lazy');
    mkdirSync(folder, { recursive: true });
    copyFileSync(SAMPLE_CODEBOOK, path.join(folder, 'codebook.yaml'));
    const transcript = '**NAV-leder 3:** [Vi ringer dem]{#kontaktvei/tilgjengelig-på-arenaer} når de faller ut.';
    writeFileSync(path.join(folder, 'intervju.fn.md'), ['**I:** Hvordan når dere dem?', '', '> [!MEMO]', '> Oppsøkende arbeid.', transcript, ''].join('\r\n'));
    const run = fieldnotes(['check', '.'], { cwd: folder });
    assert.equal(run.status, 0, 'a warning, not an error');
    assert.deepEqual(where(run.stdout), ['intervju.fn.md:5:1 warning callout/lazy-continuation']);
    assert.match(run.stdout, /^intervju\.fn\.md:5:1 warning callout\/lazy-continuation This line has no `>`, yet Markdown reads it as part of the memo above .* put a blank line before it; .* start it with `>`\.$/m);
    assert.match(run.stdout, /^1 problem \(0 errors, 1 warning\) in 1 file\.$/m);
    const [item] = JSON.parse(fieldnotes(['check', '.', '--format', 'json'], { cwd: folder }).stdout) as { range: unknown; code: string }[];
    assert.deepEqual([item!.code, item!.range], ['callout/lazy-continuation', { start: { line: 4, character: 0 }, end: { line: 4, character: transcript.length } }]);
    assert.match(fieldnotes(['check', '.', '--lang', 'nb'], { cwd: folder }).stdout, /^intervju\.fn\.md:5:1 warning callout\/lazy-continuation Denne linjen har ingen `>`/m);
  });

  it('changes no file it reads', () => {
    const snapshot = () =>
      (readdirSync(SAMPLES, { recursive: true }) as string[])
        .filter((f) => statSync(path.join(SAMPLES, f)).isFile())
        .sort()
        .map((f) => {
          const full = path.join(SAMPLES, f);
          return [f, statSync(full).mtimeMs, createHash('sha256').update(readFileSync(full)).digest('hex')];
        });
    const before = snapshot();
    fieldnotes(['check', 'samples']);
    fieldnotes(['check', 'samples', '--format', 'json']);
    assert.deepEqual(snapshot(), before);
  });
});
