import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { ROOT } from './support/paths.js';

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

/** The entries of a zip file, from its central directory (a .vsix is a zip). */
function zipEntries(zip: Buffer): ZipEntry[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'no end-of-central-directory record: not a zip file');
  const entries: ZipEntry[] = [];
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0, count = zip.readUInt16LE(end + 10); i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, `central directory entry ${i} is damaged`);
    const nameLength = zip.readUInt16LE(at + 28);
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      localOffset: zip.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** One entry's contents: stored, or deflated (the only methods vsce writes). */
function zipRead(zip: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localOffset;
  assert.equal(zip.readUInt32LE(at), 0x04034b50, `${entry.name}: local header is damaged`);
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  assert.ok(entry.method === 0 || entry.method === 8, `${entry.name}: compression method ${entry.method}`);
  return entry.method === 0 ? data : inflateRawSync(data);
}

describe('the packaged extension (.vsix)', () => {
  let tmp: string;
  let vsix: string;
  let zip: Buffer;
  let names: string[];
  let log: string;
  const read = (name: string) => {
    const entry = zipEntries(zip).find((e) => e.name === name);
    assert.ok(entry, `${name} is not in the package`);
    return zipRead(zip, entry);
  };

  before(() => {
    // The same script, and so the same vsce options, as `npm run package`;
    // into a temporary folder, so that the test leaves dist/ alone.
    tmp = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-vsix-test-'));
    vsix = path.join(tmp, 'x.vsix');
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'package.mjs'), '--out', vsix], { cwd: ROOT, encoding: 'utf8', timeout: 100_000 });
    log = `${run.stdout}${run.stderr}`;
    assert.equal(run.status, 0, `packaging failed:\n${log}`);
    zip = readFileSync(vsix);
    names = zipEntries(zip).map((e) => e.name);
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('packages without a warning from vsce', () => {
    assert.doesNotMatch(log, /\bWARNING\b|\bERROR\b/, log);
  });

  it('holds what the extension needs to run', () => {
    for (const name of [
      'extension/package.json',
      'extension/package.nls.json',
      'extension/package.nls.nb.json',
      'extension/dist/client.cjs',
      'extension/dist/fieldnotes.js',
      'extension/dist/readWorker.js',
      'extension/dist/vendor/plot.umd.min.js',
      'extension/dist/vendor/d3.min.js',
      'extension/syntaxes/fieldnotes.injection.tmLanguage.json',
      'extension/client/media/preview.css',
      'extension/server/schemas/codebook.schema.json',
      'extension/media/icon.png',
      'extension/readme.md',
      'extension/changelog.md',
      'extension/LICENSE.txt',
      'extension/ThirdPartyNotices.txt',
    ]) {
      assert.ok(names.includes(name), `${name} is missing from the package:\n${names.join('\n')}`);
    }
    // Every chart library the build puts beside the server, which reads them at run time.
    for (const file of readdirSync(path.join(ROOT, 'dist', 'vendor'))) {
      assert.ok(names.includes(`extension/dist/vendor/${file}`), `dist/vendor/${file} is missing from the package`);
    }
  });

  it('leaves out source maps, node_modules, sources, tests, samples and docs', () => {
    const unwanted = names.filter(
      (name) =>
        /\.map$|(^|\/)node_modules\/|\.ts$/.test(name) ||
        /^extension\/(out|test|samples|docs|bench|scripts|\.vscode|\.ci|client\/src|server\/src)\//.test(name),
    );
    assert.deepEqual(unwanted, []);
    // Nothing beyond what .vscodeignore lets in.
    const tops = new Set(names.filter((n) => n.startsWith('extension/')).map((n) => n.split('/')[1]));
    const allowed = ['package.json', 'package.nls.json', 'package.nls.nb.json', 'readme.md', 'changelog.md', 'LICENSE.txt', 'ThirdPartyNotices.txt', 'dist', 'syntaxes', 'client', 'server', 'media'];
    assert.deepEqual([...tops].filter((t) => !allowed.includes(t!)), []);
  });

  it('holds every file its manifest refers to', () => {
    const manifest = JSON.parse(read('extension/package.json').toString('utf8')) as Record<string, unknown> & { contributes: unknown };
    // Paths in contributes are written ./like/this; codicons ($(graph)), when clauses and globs are not paths.
    const paths: string[] = [];
    const walk = (value: unknown): void => {
      if (typeof value === 'string' && /^\.\.?\//.test(value)) paths.push(value);
      else if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') Object.values(value).forEach(walk);
    };
    walk(manifest.contributes);
    const contributed = paths.map((p) => path.posix.normalize(p));
    for (const expected of ['syntaxes/fieldnotes.injection.tmLanguage.json', 'client/media/preview.css', 'server/schemas/codebook.schema.json']) {
      assert.ok(contributed.includes(expected), `contributes no longer refers to ${expected}: the walk above misses it (${contributed.join(', ')})`);
    }
    for (const file of [manifest.main, manifest.icon, ...contributed]) {
      assert.equal(typeof file, 'string');
      const name = `extension/${path.posix.normalize(file as string)}`;
      assert.ok(names.includes(name), `the manifest refers to ${file as string}, which is not in the package`);
    }
    // Every %key% of the manifest has its English title in the package.
    const nls = JSON.parse(read('extension/package.nls.json').toString('utf8')) as Record<string, string>;
    const keys = [...JSON.stringify(manifest).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!);
    assert.deepEqual(keys.filter((k) => !(k in nls)), []);
  });

  it('ships the manifest as in the repository, without npm\'s file list', () => {
    const shipped = JSON.parse(read('extension/package.json').toString('utf8')) as Record<string, unknown>;
    const { files: _npmFiles, ...expected } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
    assert.deepEqual(shipped, expected);
  });

  it('has a 128 × 128 PNG icon, declared for the Marketplace', () => {
    const icon = read('extension/media/icon.png');
    assert.deepEqual([...icon.subarray(1, 4)], [...Buffer.from('PNG')]);
    assert.deepEqual([icon.readUInt32BE(16), icon.readUInt32BE(20)], [128, 128]);
    const vsixManifest = read('extension.vsixmanifest').toString('utf8');
    assert.match(vsixManifest, /<Icon>extension\/media\/icon\.png<\/Icon>/);
    assert.match(vsixManifest, /Microsoft\.VisualStudio\.Services\.Branding\.Color/);
  });

  it('stays small', () => {
    const size = statSync(vsix).size;
    assert.ok(size < 2 * 1024 * 1024, `the .vsix is ${(size / 1024 / 1024).toFixed(2)} MB`);
  });
});
