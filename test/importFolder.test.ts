import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFilesAtomically } from '../server/src/core/workspace/writeFiles.js';
import { writeFolderAtomically } from '../server/src/core/workspace/writeFolder.js';
import { fieldnotes } from './support/cli.js';
import { SAMPLES } from './support/paths.js';
import { deflatedZeros, zipArchive } from './support/zipBuilder.js';
import { g, NS } from './support/refiFixtures.js';

/*
 * `fieldnotes import --qdpx` as a process: the folder it writes is complete
 * or not there, never a mix of an earlier import and this one; what
 * killed runs leave is cleaned by the next, and nothing of the user's is.
 */


const projectXml = (sources: string, codes = `<Code guid="${g(10)}" name="Tema" isCodable="true"/>`) =>
  `<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="${NS}" name="P"><CodeBook><Codes>${codes}</Codes></CodeBook><Sources>${sources}</Sources></Project>`;
const source = (n: number, name: string) =>
  `<TextSource guid="${g(n)}" name="${name}" plainTextPath="internal://${g(n)}.txt"><PlainTextSelection guid="${g(n + 1000)}" startPosition="0" endPosition="2"><Coding guid="${g(n + 2000)}"><CodeRef targetGUID="${g(10)}"/></Coding></PlainTextSelection></TextSource>`;

/** Every file and folder under `folder`, relative, sorted. */
function tree(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort();
}

/** A process id no process has: one that ran and ended. */
function deadPid(): number {
  const ended = spawnSync(process.execPath, ['-e', '']);
  return ended.pid!;
}

describe('fieldnotes import: what testers fed it (the CLI as a process)', () => {
  let tmp: string;
  beforeEach(() => (tmp = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-import-'))));
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('writes sources named by 300 characters, or by 130 æ, as notes with shortened names, and lists each', () => {
    const names = ['a'.repeat(300), 'æ'.repeat(130)];
    writeFileSync(
      path.join(tmp, 'long.qdpx'),
      zipArchive([{ name: 'project.qde', text: projectXml(names.map((name, i) => source(50 + i, name)).join('')) }, ...names.map((_, i) => ({ name: `sources/${g(50 + i)}.txt`, text: 'Vi går ut.' }))]),
    );
    // Was: exit 2, ENAMETOOLONG, and an empty folder left behind.
    const run = fieldnotes(['import', 'long.qdpx'], { cwd: tmp });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(tree(path.join(tmp, 'long')), ['a'.repeat(249) + '.fn.md', 'codebook.yaml', 'æ'.repeat(124) + '.fn.md'].sort());
    assert.equal(run.stderr.match(/has a name too long for a file name \(255 bytes at most\), so its note was shortened to/g)?.length, 2);
    assert.deepEqual(readdirSync(tmp).sort(), ['long', 'long.qdpx']);
  });

  it('refuses a text of 1 GiB packed into 1 MB without unpacking it, and writes nothing', () => {
    writeFileSync(path.join(tmp, 'bomb.qdpx'), zipArchive([{ name: 'project.qde', text: projectXml(source(50, 'Intervju')) }, { name: `sources/${g(50)}.txt`, deflated: deflatedZeros(1024), size: 2 ** 30 }]));
    const run = fieldnotes(['import', 'bomb.qdpx'], { cwd: tmp });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /^bomb\.qdpx: `sources\/.*\.txt` in bomb\.qdpx holds 1 GiB unpacked, more than Fieldnotes imports from one file \(256 MiB\)/m);
    assert.match(run.stderr, /Nothing could be imported from bomb\.qdpx; nothing was written\./);
    assert.deepEqual(readdirSync(tmp), ['bomb.qdpx']);
  });

  it('refuses a project where two codes share a GUID, and writes nothing', () => {
    const codes = `<Code guid="${g(10)}" name="Tillit" isCodable="true"/><Code guid="${g(10)}" name="Mistillit" isCodable="true"/>`;
    writeFileSync(path.join(tmp, 'shared.qdpx'), zipArchive([{ name: 'project.qde', text: projectXml(source(50, 'Intervju'), codes) }, { name: `sources/${g(50)}.txt`, text: 'Vi går ut.' }]));
    // Was: exit 0, with the coding moved to “Mistillit”.
    const run = fieldnotes(['import', 'shared.qdpx', '--lang', 'nb'], { cwd: tmp });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /^shared\.qdpx: 2 <Code>-elementer har samme GUID, .*: “Tillit” \(linje 2 i project\.qde\) og “Mistillit” \(linje 2 i project\.qde\)/m);
    assert.deepEqual(readdirSync(tmp), ['shared.qdpx']);
  });
});

describe('fieldnotes import: the folder, whole or not at all (the CLI as a process)', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-import-'));
    cpSync(path.join(SAMPLES, 'swot'), path.join(tmp, 'swot'), { recursive: true });
    assert.equal(fieldnotes(['export', '--qdpx', 'swot.qdpx', 'swot'], { cwd: tmp }).status, 0);
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('replaces an earlier import whole with --force, with what killed runs left inside it, and never a folder holding a note of the user’s', () => {
    assert.equal(fieldnotes(['import', 'swot.qdpx', '--out', 'study'], { cwd: tmp }).status, 0);
    const imported = tree(path.join(tmp, 'study'));
    // What killed runs of earlier versions left inside: temporary copies of transcripts.
    writeFileSync(path.join(tmp, 'study', '.intervju-samarbeid-01.fn.md.0123456789ab.tmp'), 'half');
    writeFileSync(path.join(tmp, 'study', '.DS_Store'), '');
    const forced = fieldnotes(['import', 'swot.qdpx', '--out', 'study', '--force'], { cwd: tmp });
    assert.equal(forced.status, 0, forced.stderr);
    assert.deepEqual(tree(path.join(tmp, 'study')), imported);
    writeFileSync(path.join(tmp, 'study', 'mine.fn.md'), '# My own memo\n');
    mkdirSync(path.join(tmp, 'study', 'bilder'));
    writeFileSync(path.join(tmp, 'study', 'bilder', 'kart.png'), 'png');
    const refused = fieldnotes(['import', 'swot.qdpx', '--out', 'study', '--force'], { cwd: tmp });
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /^Not written: study holds files this import does not write \(study\/bilder\/kart\.png, study\/mine\.fn\.md\)\./);
    assert.equal(readFileSync(path.join(tmp, 'study', 'mine.fn.md'), 'utf8'), '# My own memo\n');
    assert.deepEqual(readdirSync(tmp).filter((name) => name.startsWith('.')), [], 'no staging folder is left');
  });

  it('writes into an empty folder, but never replaces the folder it is run in', () => {
    mkdirSync(path.join(tmp, 'empty'));
    const inIt = fieldnotes(['import', '../swot.qdpx', '--out', '.'], { cwd: path.join(tmp, 'empty') });
    assert.equal(inIt.status, 1);
    assert.equal(inIt.stderr.trim(), `Not written: ${path.join(tmp, 'empty')} is the folder you are working in, and an import replaces its folder as a whole. Run the command from the folder above it, or import into a new folder with --out.`);
    assert.deepEqual(readdirSync(path.join(tmp, 'empty')), []);
    const run = fieldnotes(['import', 'swot.qdpx', '--out', 'empty'], { cwd: tmp });
    assert.equal(run.status, 0, run.stderr);
    assert.ok(existsSync(path.join(tmp, 'empty', 'codebook.yaml')));
    writeFileSync(path.join(tmp, 'file'), 'mine');
    const onFile = fieldnotes(['import', 'swot.qdpx', '--out', 'file', '--force'], { cwd: tmp });
    assert.equal(onFile.stderr.trim(), 'Not written: file is a file, not a folder. Name a folder for the import with --out.');
    assert.equal(readFileSync(path.join(tmp, 'file'), 'utf8'), 'mine');
  });

  it('puts back a folder a killed import had moved aside, and removes what ended runs left, never the user’s files or a running one’s', () => {
    const dead = deadPid();
    const old = path.join(tmp, `.study.fieldnotes-import-${dead}-0123456789ab`);
    // Killed between moving `study` aside and moving the new folder in.
    mkdirSync(path.join(old, 'old'), { recursive: true });
    mkdirSync(path.join(old, 'new'));
    writeFileSync(path.join(old, 'target'), 'study');
    writeFileSync(path.join(old, 'old', 'codebook.yaml'), 'dimensions: []\n');
    writeFileSync(path.join(old, 'new', 'half.fn.md'), 'half');
    // Killed while writing: nothing moved yet.
    const writing = path.join(tmp, `.other.fieldnotes-import-${dead}-abcdef012345`);
    mkdirSync(path.join(writing, 'new'), { recursive: true });
    writeFileSync(path.join(writing, 'target'), 'other');
    // A run still going (this process), and files of the user's that look a little like ours.
    const running = path.join(tmp, `.third.fieldnotes-import-${process.pid}-abcdef012345`);
    mkdirSync(running);
    const temporaries = [`.swot.qdpx.fieldnotes-${dead}-0123456789ab.tmp`, '.swot.qdpx.0123456789ab.tmp'];
    const users = ['.notes.tmp', 'swot.qdpx.0123456789ab.tmp', '.fieldnotes-import-1-0123456789ab', `.running.fieldnotes-${process.pid}-0123456789ab.tmp`];
    for (const name of [...temporaries, ...users]) writeFileSync(path.join(tmp, name), 'x');

    const run = fieldnotes(['import', 'swot.qdpx', '--out', 'imported'], { cwd: tmp });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, 'An earlier import into study was interrupted before it was done; study has been put back as it was before that import.\n');
    assert.deepEqual(tree(path.join(tmp, 'study')), ['codebook.yaml']);
    assert.deepEqual(
      readdirSync(tmp).sort(),
      ['imported', 'study', 'swot', 'swot.qdpx', path.basename(running), ...users].sort(),
    );
  });

  it('removes temporary files an ended export left beside its file, never the user’s', () => {
    const dead = deadPid();
    const temporaries = ['.segments.csv.0123456789ab.tmp', `.segments.csv.fieldnotes-${dead}-0123456789ab.tmp`, `.${'x'.repeat(200)}.fieldnotes-${dead}-0123456789ab.tmp`];
    const users = ['.segments.csv.tmp', 'segments.csv.0123456789ab.tmp', `.segments.csv.fieldnotes-${process.pid}-0123456789ab.tmp`];
    for (const name of [...temporaries, ...users]) writeFileSync(path.join(tmp, name), 'x');
    const run = fieldnotes(['export', '--csv', 'segments.csv', 'swot'], { cwd: tmp });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(readdirSync(tmp).sort(), ['segments.csv', 'swot', 'swot.qdpx', ...users].sort());
  });
});

describe('writing files and folders (core/workspace)', () => {
  let tmp: string;
  beforeEach(() => (tmp = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-write-'))));
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('removes what ended runs left in the folder it writes to, and leaves no file and no folder of its own when it fails', async () => {
    const dead = deadPid();
    writeFileSync(path.join(tmp, `.study.qdpx.fieldnotes-${dead}-0123456789ab.tmp`), 'x');
    writeFileSync(path.join(tmp, '.study.qdpx.0123456789ab.tmp'), 'x');
    writeFileSync(path.join(tmp, '.mine.tmp'), 'x');
    assert.deepEqual(await writeFilesAtomically([{ path: path.join(tmp, 'study.qdpx'), data: 'zip' }], { force: true }), { ok: true, restored: [] });
    assert.deepEqual(readdirSync(tmp).sort(), ['.mine.tmp', 'study.qdpx']);
    // A name too long for the file system, after one that fits: refused before either is in place.
    const files = [
      { path: path.join(tmp, 'new', 'folder', 'first.csv'), data: '1' },
      { path: path.join(tmp, 'new', 'folder', `${'x'.repeat(300)}.csv`), data: '2' },
    ];
    const failed = await writeFilesAtomically(files, { force: true });
    assert.equal(failed.ok, false);
    assert.match(!failed.ok && failed.reason === 'failed' ? failed.detail : '', /^ENAMETOOLONG/);
    assert.deepEqual(readdirSync(tmp).sort(), ['.mine.tmp', 'study.qdpx']);
  });

  it('leaves no folder, not even the folders above it, when writing a folder fails', async () => {
    const target = path.join(tmp, 'new', 'parent', 'study');
    const files = [
      { path: 'codebook.yaml', data: 'dimensions: []\n' },
      { path: `${'x'.repeat(300)}.fn.md`, data: 'too long a name' },
    ];
    const failed = await writeFolderAtomically(target, files, { force: false, workingFolder: tmp });
    assert.equal(failed.ok, false);
    assert.match(!failed.ok && failed.reason === 'failed' ? `${failed.file} ${failed.detail}` : '', new RegExp(`^${target}/x+\\.fn\\.md ENAMETOOLONG`));
    assert.deepEqual(readdirSync(tmp), []);
  });
});
