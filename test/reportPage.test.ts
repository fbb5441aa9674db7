import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { PNG } from 'pngjs';
import { fieldnotes } from './support/cli.js';
import { SMALL_CODEBOOK } from './support/smallCodebook.js';

/** Debian's Chromium (`.ci/run` installs it); the test says plainly when it is missing rather than pass. */
const CHROMIUM = process.env.FIELDNOTES_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const CODEBOOK = SMALL_CODEBOOK;

/** The HTML report in a real headless browser: the grid drawn by the chart library, coloured by lean, and a click listing a cell's segments. */
describe('the analysis page in a browser (report --format html)', function () {
  let folder: string;
  let browser: Browser;

  before(async function () {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not at ${CHROMIUM}: install Debian's chromium (apt-get install chromium), as .ci/run does, or set FIELDNOTES_CHROMIUM.`);
    folder = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-page-'));
    mkdirSync(path.join(folder, 'notater'));
    writeFileSync(path.join(folder, 'codebook.yaml'), CODEBOOK);
    writeFileSync(path.join(folder, 'notater', 'a.fn.md'), '---\ncase: k-1\n---\n\n[Vi drar ut]{#kontakt/oppsøkende} og [tar alt]{#ansvar/bredt}.\n');
    writeFileSync(path.join(folder, 'notater', 'b.fn.md'), '---\ncase: k-2\n---\n\n[Vi venter]{#kontakt/venter} og [bare vårt]{#ansvar/smalt}.\n');
    writeFileSync(path.join(folder, 'notater', 'c.fn.md'), '---\ncase: k-3\n---\n\n[Vi drar ut]{#kontakt/oppsøkende}, men [vi venter]{#kontakt/venter}.\n');
    const run = fieldnotes(['report', '--format', 'html', 'notater'], { cwd: folder });
    assert.equal(run.status, 0, run.stderr);
    writeFileSync(path.join(folder, 'report.html'), run.stdout);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  });

  after(async () => {
    await browser?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('draws one cell per case and dimension, coloured by lean, and lists a cell’s segments when clicked', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto('file://' + path.join(folder, 'report.html'));
    const cells = page.locator('#grid-0 g[aria-label="cell"] rect');
    await cells.first().waitFor();
    assert.equal(await cells.count(), 3 * 2);
    const fills = await cells.evaluateAll((rects) => rects.map((r) => `${r.getAttribute('data-case')}:${r.getAttribute('data-lean')}:${r.getAttribute('fill')}`));
    assert.deepEqual(fills, ['k-1:proactive:#2e7d32', 'k-1:proactive:#2e7d32', 'k-2:reactive:#c62828', 'k-2:reactive:#c62828', 'k-3:mixed:#9e9e9e', 'k-3:none:transparent']);

    // What a person sees: the picture holds the poles' colours.
    const shot = PNG.sync.read(await page.locator('#grid-0').screenshot());
    const share = (r: number, g: number, b: number) => {
      let n = 0;
      for (let i = 0; i < shot.data.length; i += 4) if (Math.abs(shot.data[i]! - r) + Math.abs(shot.data[i + 1]! - g) + Math.abs(shot.data[i + 2]! - b) < 24) n++;
      return n / (shot.width * shot.height);
    };
    assert.ok(share(0x2e, 0x7d, 0x32) > 0.02, 'proactive green is drawn');
    assert.ok(share(0xc6, 0x28, 0x28) > 0.02, 'reactive red is drawn');
    assert.ok(share(0x9e, 0x9e, 0x9e) > 0.01, 'mixed grey is drawn');

    await cells.nth(4).click();
    const listed = await page.locator('#segments-0').innerText();
    assert.match(listed, /k-3 · Kontaktvei: mixed \(2 segments\)/);
    assert.match(listed, /notater\/c\.fn\.md:5 #kontakt\/oppsøkende «Vi drar ut»/);
    assert.match(listed, /notater\/c\.fn\.md:5 #kontakt\/venter «vi venter»/);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
