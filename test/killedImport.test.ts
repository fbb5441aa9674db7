import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { unzipSync } from 'fflate';
import { fieldnotes } from './support/cli.js';
import { CLI, SAMPLES } from './support/paths.js';
import { zipArchive } from './support/zipBuilder.js';
import { g, NS } from './support/refiFixtures.js';

/*
 * Real processes, really killed (SIGKILL: no handler, no `finally`), at
 * moments spread over the whole run and, for half the runs, just after
 * the run's staging folder or temporary file appears, when files are being
 * written and renamed. After every kill the target is the old one, the
 * new one complete, or (only between the two renames of a replacement)
 * missing with the old one kept for the next run; the next run finishes
 * and leaves nothing of ours behind. No assertion depends on timing: the
 * delays only choose where the kill lands.
 */

const SOURCES = 60;
const IMPORT_KILLS = 30;
const EXPORT_KILLS = 16;

/** A project of many sources, their words depending on `edition`, so that two editions give the same file names with other contents. */
function project(edition: string): Uint8Array {
  const texts = Array.from({ length: SOURCES }, (_, i) => `Intervju ${i}, utgave ${edition}. ${'Vi møter ungdommene på skolen hver uke, og foreldrene kommer ofte. '.repeat(150)}`);
  const sources = texts
    .map((_, i) => `<TextSource guid="${g(100 + i)}" name="Intervju ${i}" plainTextPath="internal://${g(100 + i)}.txt"><PlainTextSelection guid="${g(1000 + i)}" startPosition="0" endPosition="8"><Coding guid="${g(2000 + i)}"><CodeRef targetGUID="${g(10)}"/></Coding></PlainTextSelection></TextSource>`)
    .join('\n');
  const xml = `<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="${NS}" name="Utgave ${edition}"><CodeBook><Codes><Code guid="${g(10)}" name="Tema" isCodable="true"/></Codes></CodeBook><Sources>\n${sources}\n</Sources></Project>`;
  return zipArchive([{ name: 'project.qde', text: xml }, ...texts.map((text, i) => ({ name: `sources/${g(100 + i)}.txt`, text }))]);
}

/** A folder's files and their contents, by relative path. */
function snapshot(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort()) {
    const full = path.join(folder, name);
    if (statSync(full).isFile()) files.set(name, readFileSync(full, 'utf8'));
  }
  return files;
}

const same = (a: Map<string, string>, b: Map<string, string>) => a.size === b.size && [...a].every(([name, text]) => b.get(name) === text);

/** A small generator of numbers in [0, 1), seeded, so that a failing run can be repeated. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Starts the CLI and kills it: after `delay` ms, or, with `when`, once
 * `when()` holds (checked between events) and `delay` ms more. Resolves
 * with how the process ended.
 */
async function killed(args: string[], cwd: string, delay: number, when?: () => boolean): Promise<{ signal: string | null; code: number | null }> {
  const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: 'ignore', env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', FIELDNOTES_LANG: '' } });
  const ended = new Promise<{ signal: string | null; code: number | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let done = false;
  void ended.then(() => (done = true));
  if (when) while (!done && !when()) await yieldToEvents();
  if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
  child.kill('SIGKILL');
  return ended;
}

/** Names in `folder` that only a run writes before its files are in place: hidden temporary files and staging folders. */
const ours = (folder: string) => readdirSync(folder).filter((name) => name.startsWith('.') && (name.endsWith('.tmp') || name.includes('.fieldnotes-')));

describe('fieldnotes import and export, killed at random moments (the CLI as a process)', function () {
  this.timeout(60 * 60 * 1000);
  let tmp: string;
  before(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-killed-'));
    writeFileSync(path.join(tmp, 'old.qdpx'), project('A'));
    writeFileSync(path.join(tmp, 'new.qdpx'), project('B'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('leaves the earlier import or the whole new one, never a mix, never an empty folder, and the next run leaves nothing of ours', async () => {
    const pristine = path.join(tmp, 'pristine');
    for (const [edition, out] of [['old', 'pristine'], ['new', 'expected']] as const) {
      const run = fieldnotes(['import', `${edition}.qdpx`, '--out', out], { cwd: tmp });
      assert.equal(run.status, 0, run.stderr);
    }
    const before = snapshot(pristine);
    const after = snapshot(path.join(tmp, 'expected'));
    assert.equal(after.size, SOURCES + 1);
    assert.ok(!same(before, after));
    const started = Date.now();
    assert.equal(fieldnotes(['import', 'new.qdpx', '--out', 'expected', '--force'], { cwd: tmp }).status, 0);
    const runTime = Date.now() - started;

    const next = random(20_240_518);
    const seen = { old: 0, new: 0, missing: 0 };
    for (let i = 0; i < IMPORT_KILLS; i++) {
      const target = path.join(tmp, 'study');
      rmSync(target, { recursive: true, force: true });
      cpSync(pristine, target, { recursive: true });
      // Even runs: anywhere in the run; odd runs: once the run writes beside or into the folder (its staging folder, or temporary files), while files are written and renamed.
      const staged = () => {
        try {
          return ours(tmp).length > 0 || ours(target).length > 0;
        } catch {
          return true; // The folder is being moved.
        }
      };
      const how = i % 2 ? await killed(['import', 'new.qdpx', '--out', 'study', '--force'], tmp, Math.floor(next() * 150), staged) : await killed(['import', 'new.qdpx', '--out', 'study', '--force'], tmp, Math.floor(next() * runTime));
      const place = `kill ${i} (${JSON.stringify(how)})`;
      if (existsSync(target)) {
        const now = snapshot(target);
        assert.ok(now.size > 0, `${place}: the folder is never empty`);
        assert.ok(same(now, before) || same(now, after), `${place}: the folder is the old import or the whole new one, not a mix`);
        seen[same(now, before) ? 'old' : 'new']++;
      } else {
        // Only between moving the old folder aside and the new one in: the old one waits in the staging folder.
        const waiting = ours(tmp).map((name) => path.join(tmp, name, 'old')).filter((old) => existsSync(old));
        assert.equal(waiting.length, 1, `${place}: a missing folder is kept aside for the next run`);
        assert.ok(same(snapshot(waiting[0]!), before), place);
        seen.missing++;
      }
      const again = fieldnotes(['import', 'new.qdpx', '--out', 'study', '--force'], { cwd: tmp });
      assert.equal(again.status, 0, `${place}: ${again.stderr}`);
      assert.ok(same(snapshot(target), after), `${place}: the next run writes the new import`);
      assert.deepEqual(ours(tmp), [], `${place}: nothing of ours is left`);
      assert.deepEqual(readdirSync(target, { recursive: true, encoding: 'utf8' }).filter((name) => path.basename(name).startsWith('.')), [], place);
    }
    // How the kills fell (not asserted: where a kill lands is up to the machine).
    console.log(`      ${IMPORT_KILLS} kills: the old folder ${seen.old} times, the new one ${seen.new}, kept aside ${seen.missing}`);
  });

  it('leaves the earlier export or the whole new one, and the next export removes the temporary files killed runs left', async () => {
    cpSync(path.join(SAMPLES, 'swot'), path.join(tmp, 'swot'), { recursive: true });
    const started = Date.now();
    assert.equal(fieldnotes(['export', '--qdpx', 'study.qdpx', 'swot'], { cwd: tmp }).status, 0);
    const runTime = Date.now() - started;
    const expected = readFileSync(path.join(tmp, 'study.qdpx'));
    const next = random(7);
    let leftBehind = 0;
    for (let i = 0; i < EXPORT_KILLS; i++) {
      writeFileSync(path.join(tmp, 'study.qdpx'), 'the old export');
      const writing = () => readdirSync(tmp).some((name) => name.startsWith('.study.qdpx.'));
      const args = ['export', '--qdpx', 'study.qdpx', 'swot', '--force'];
      const how = i % 2 ? await killed(args, tmp, Math.floor(next() * 20), writing) : await killed(args, tmp, Math.floor(next() * runTime));
      const place = `kill ${i} (${JSON.stringify(how)})`;
      const now = readFileSync(path.join(tmp, 'study.qdpx'));
      assert.ok(now.toString() === 'the old export' || Buffer.compare(now, expected) === 0, `${place}: never a torn file`);
      if (now.toString() !== 'the old export') assert.ok(unzipSync(now)['project.qde']);
      leftBehind += ours(tmp).length;
      const again = fieldnotes(args, { cwd: tmp });
      assert.equal(again.status, 0, `${place}: ${again.stderr}`);
      assert.deepEqual(ours(tmp), [], `${place}: the next run removed what the killed one left`);
    }
    console.log(`      ${EXPORT_KILLS} kills left ${leftBehind} temporary files, each removed by the next run`);
  });
});
