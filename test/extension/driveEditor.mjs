// Fieldnotes in a real VS Code, driven like a user: code-server with the
// packaged .vsix installed, a normal workbench session (no test payload) on
// a temp copy of samples/, and Debian's headless Chromium pressing keys
// through playwright-core. Each step waits on what the workbench shows and
// saves a screenshot to test-output/editor/NN-name.png.
//
// Usage: npm run test:ui   (builds, packages, installs code-server once
// into .vscode-test/; needs Debian's chromium). Exit 0 only if every step
// passed; otherwise the failing step, its reason and failure.png.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkPrerequisites, cleanUp, extensionErrors, launchChromium, prepareWorkspace, ROOT, startCodeServer } from './codeServer.mjs';

const WHAT = 'Editor UI steps';
const SHOTS = path.join(ROOT, 'test-output', 'editor');
const NOTE = 'e2e.fn.md';
const TIMEOUT = 60_000;
const PHRASE = 'Vi tar imot dem som kommer innom';
// A memo that swallows the speaker's next line: no blank line under it (as after an undo).
const LAZY_NOTE = 'lat.fn.md';
const LAZY_LINE = '**NAV-leder 3:** [Vi ringer dem]{#kontaktvei/tilgjengelig-på-arenaer} når de faller ut.';
const LAZY_TEXT = ['**I:** Hvordan når dere ungdommene?', '', '> [!MEMO]', '> Typisk proaktivt.', LAZY_LINE, ''].join('\n');
const BLANK_LINE_FIX = 'Insert a blank line before this line (it is not part of the memo)';

checkPrerequisites(WHAT);
// Deterministic typing: no brackets closed behind the cursor.
const ctx = prepareWorkspace(WHAT, { 'editor.autoClosingBrackets': 'never', 'workbench.tips.enabled': false });

// Step 1, before the server starts: a note with an unknown code, identifying details and a known code.
writeFileSync(
  path.join(ctx.workspace, NOTE),
  [
    '---',
    'case: kommune-99',
    '---',
    '',
    '# E2E',
    '',
    `Her er et [ord]{#kontaktvei/finnes-ikke} i teksten. Ring meg på 41 52 73 84. Gutten heter Kibrom. ${PHRASE}.`,
    '',
    '[Vi står på standen på utdanningsmessa hvert år]{#kontaktvei/tilgjengelig-på-arenaer}.',
    '',
    '',
  ].join('\n'),
);

writeFileSync(path.join(ctx.workspace, LAZY_NOTE), LAZY_TEXT);

rmSync(SHOTS, { recursive: true, force: true });
mkdirSync(SHOTS, { recursive: true });

const codeServer = await startCodeServer(ctx);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
page.on('pageerror', (error) => console.error('[page error]', error.message));

let shot = 0;
async function screenshot(name) {
  const file = path.join(SHOTS, `${String(++shot).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file });
  console.log(`    screenshot ${path.relative(ROOT, file)}`);
}

/** Polls `probe` (expect.poll-style) until it returns a truthy value; fails with `what` and the last value seen. */
async function poll(what, probe, timeout = TIMEOUT) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await probe();
      if (last && last.ok !== false) return last;
    } catch (error) {
      last = error.message;
    }
    if (Date.now() > end) throw new Error(`${what} (waited ${timeout / 1000}s; last seen: ${JSON.stringify(last?.seen ?? last)?.slice(0, 1500)})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Waits until the element's text contains every needle. */
async function textContains(locator, needles, what) {
  await locator.first().waitFor({ timeout: TIMEOUT });
  return poll(what, async () => {
    const seen = (await locator.first().innerText()).replace(/\u00a0/g, ' ');
    return { ok: needles.every((n) => seen.includes(n)), seen };
  });
}

/** The active editor's rendered lines, in the order they are shown. */
function editorText() {
  return page.evaluate(() => {
    const lines = [...document.querySelectorAll('.editor-group-container.active .monaco-editor .view-lines .view-line')];
    lines.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
    return lines.map((line) => line.textContent.replace(/\u00a0/g, ' ')).join('\n');
  });
}

const quickInput = page.locator('.quick-input-widget');
const quickInputBox = quickInput.locator('.quick-input-box input');

/** Opens a file of the workspace by its name with Quick Open (Ctrl+P), as a user does, and waits for its tab. */
async function openFile(name) {
  await page.keyboard.press('Control+P');
  await quickInputBox.waitFor({ timeout: TIMEOUT });
  await quickInputBox.fill(name);
  await poll(`quick open lists ${name}`, async () => {
    const focused = await quickInput.locator('.monaco-list-row.focused').first().getAttribute('aria-label', { timeout: 1000 });
    // The row's label starts with the file's name: `intervju-03.fn.md` is not `intervju-03.LH.fn.md`.
    return { ok: focused?.startsWith(name), seen: focused };
  });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: TIMEOUT });
}

/** Runs a command from the palette (F1) by its title. */
async function runCommand(title) {
  await page.keyboard.press('F1');
  await quickInputBox.waitFor({ timeout: TIMEOUT });
  await quickInputBox.fill('>' + title);
  await poll(`the command palette offers "${title}"`, async () => {
    const focused = await quickInput.locator('.monaco-list-row.focused').first().getAttribute('aria-label', { timeout: 1000 });
    return { ok: focused?.includes(title), seen: focused };
  });
  await page.keyboard.press('Enter');
}

const steps = [
  [
    'open the note, Problems lists unknown code and identifying details',
    async () => {
      await page.goto(`${codeServer.address}/?folder=${encodeURIComponent(ctx.workspace)}`);
      await page.locator('.monaco-workbench .part.editor').waitFor({ timeout: TIMEOUT });
      // The extension is up when its Evidence view is in the Explorer.
      await page.locator('.pane-header', { hasText: 'Evidence' }).first().waitFor({ timeout: TIMEOUT });
      await openFile(NOTE);
      await poll('the editor shows the note', async () => {
        const seen = await editorText();
        return { ok: seen.includes('case: kommune-99') && seen.includes('Kibrom'), seen };
      });
      await page.keyboard.press('Control+Shift+M');
      await textContains(page.locator('.markers-panel'), ['code/unknown', 'anon/phone', 'anon/person'], 'the Problems panel lists code/unknown, anon/phone and anon/person');
      await screenshot('problems');
    },
  ],
  [
    'completion after {# lists the dimensions',
    async () => {
      await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type('[nytt]{#');
      const widget = page.locator('.editor-widget.suggest-widget.visible');
      await widget.waitFor({ timeout: TIMEOUT });
      await textContains(widget, ['kontaktvei', 'målgruppe'], 'the suggest widget lists kontaktvei and målgruppe');
      await screenshot('completion');
      await page.keyboard.press('Escape');
      await widget.waitFor({ state: 'hidden', timeout: TIMEOUT });
      for (let i = 0; i < '[nytt]{#'.length; i++) await page.keyboard.press('Backspace');
      await poll('the typed text is gone again', async () => {
        const seen = await editorText();
        return { ok: !seen.includes('[nytt]'), seen };
      });
    },
  ],
  [
    'Code selection turns the selected words into a coded segment',
    async () => {
      await page.keyboard.press('Control+F');
      const find = page.locator('.find-widget.visible');
      await find.waitFor({ timeout: TIMEOUT });
      await page.keyboard.type(PHRASE);
      await poll('find selects the phrase', async () => {
        const seen = await find.locator('.matchesCount').innerText({ timeout: 1000 });
        return { ok: /^1 of 1$/.test(seen.trim()), seen };
      });
      await page.keyboard.press('Escape');
      await find.waitFor({ state: 'hidden', timeout: TIMEOUT });
      await runCommand('Fieldnotes: Code selection');
      await poll('the code quick pick opens', async () => {
        const seen = await quickInput.locator('.quick-input-title').innerText({ timeout: 1000 });
        return { ok: (await quickInput.isVisible()) && seen.trim().length > 0, seen };
      });
      await page.keyboard.type('egen');
      await poll('the quick pick offers "Etter ungdommenes egen henvendelse"', async () => {
        const focused = await quickInput.locator('.monaco-list-row.focused').first().getAttribute('aria-label', { timeout: 1000 });
        return { ok: focused?.includes('Etter ungdommenes egen henvendelse'), seen: focused };
      });
      await screenshot('code-selection-pick');
      await page.keyboard.press('Enter');
      await quickInput.waitFor({ state: 'hidden', timeout: TIMEOUT });
      // Markdown wraps long lines in the view: compare without whitespace; the saved file is compared exactly below.
      const squeeze = (text) => text.replace(/\s+/g, '');
      await poll('the editor has the coded segment', async () => {
        const seen = await editorText();
        return { ok: squeeze(seen).includes(squeeze(`[${PHRASE}]{#kontaktvei/egen-henvendelse}`)), seen };
      });
      await page.keyboard.press('Control+S');
      await poll('the saved note has the coded segment', async () => {
        const seen = readFileSync(path.join(ctx.workspace, NOTE), 'utf8');
        return { ok: seen.includes(`[${PHRASE}]{#kontaktvei/egen-henvendelse}`), seen };
      });
      await screenshot('code-selection');
    },
  ],
  [
    'Outline groups the segments by pole',
    async () => {
      // The folder's section takes the Explorer's height; collapsed, the Outline has room to show every group.
      const folder = page.locator('.pane-header', { hasText: /^samples$/i }).first();
      if ((await folder.getAttribute('aria-expanded')) === 'true') await folder.click();
      await page.locator('.pane-header[aria-expanded="false"]', { hasText: /^samples$/i }).first().waitFor({ timeout: TIMEOUT });
      await runCommand('Focus on Outline View');
      const outline = page.locator('.pane:has(.pane-header[aria-label^="Outline"]) .pane-body');
      await textContains(outline, ['Proaktiv', 'Reaktiv', 'Without an evidence reading'], 'the Outline shows Proaktiv, Reaktiv and Without an evidence reading');
      await screenshot('outline');
    },
  ],
  [
    'Export coded segments: the save dialog, the file, the message that names it',
    async () => {
      await runCommand('Fieldnotes: Export coded segments for R, pandas, spreadsheets (CSV)');
      // code-server's save dialog is a quick input holding the proposed path.
      await poll('the save dialog proposes segments.csv', async () => {
        const seen = await quickInputBox.inputValue();
        return { ok: seen.endsWith('/segments.csv'), seen };
      });
      const target = path.join(ctx.workspace, 'eksport.csv');
      await quickInputBox.fill(target);
      await page.keyboard.press('Enter');
      const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'eksport.csv' });
      await textContains(toast, ['Exported eksport.csv', 'one per code on a segment', 'Show in folder'], 'a message names the file and offers to show it');
      const written = readFileSync(target, 'utf8');
      if (!written.startsWith('file,line,case,coder,speaker,code,dimension,variation,pole,text,memo\r\n')) throw new Error(`eksport.csv starts with ${JSON.stringify(written.slice(0, 80))}`);
      if (!written.includes(`${NOTE},`)) throw new Error(`eksport.csv has no row of ${NOTE}`);
      // The toast fades in; photograph it once it has.
      await page.locator('.notifications-toasts .notification-toast.notification-fade-in-done', { hasText: 'Exported eksport.csv' }).waitFor({ timeout: TIMEOUT });
      await screenshot('export-csv');
    },
  ],
  [
    'a memo that swallows the next line: Problems warns, the quick fix (Ctrl+.) puts a blank line before it',
    async () => {
      await openFile(LAZY_NOTE);
      await poll('the editor shows the memo and the line under it', async () => {
        const seen = await editorText();
        return { ok: seen.includes('[!MEMO]') && seen.includes('NAV-leder 3'), seen };
      });
      await page.keyboard.press('Control+Shift+M');
      // The Problems list shows only the rows that fit: filter it to this note, as a user with many problems would.
      const filter = page.locator('.part.panel .viewpane-filter input').first();
      await filter.waitFor({ timeout: TIMEOUT });
      await filter.fill(LAZY_NOTE);
      await textContains(page.locator('.markers-panel'), ['callout/lazy-continuation', 'yet Markdown reads it as part of the memo above'], 'the Problems panel lists callout/lazy-continuation');
      // Back to the editor, on the swallowed line (line 5), and ask for its quick fixes as a user does.
      await page.keyboard.press('Control+1');
      await page.keyboard.press('Control+G');
      await quickInputBox.waitFor({ timeout: TIMEOUT });
      await quickInputBox.fill(':5');
      await page.keyboard.press('Enter');
      await quickInput.waitFor({ state: 'hidden', timeout: TIMEOUT });
      await page.keyboard.press('Control+.');
      const menu = page.locator('.action-widget');
      await textContains(menu, [BLANK_LINE_FIX, 'Make this line part of the memo (`> `)'], 'the quick fix menu offers both fixes');
      await poll(`"${BLANK_LINE_FIX}" is focused`, async () => {
        const focused = (await menu.locator('.monaco-list-row.focused').first().innerText({ timeout: 1000 })).trim();
        if (!focused.includes(BLANK_LINE_FIX)) await page.keyboard.press('ArrowDown');
        return { ok: focused.includes(BLANK_LINE_FIX), seen: focused };
      });
      await screenshot('lazy-continuation-quick-fix');
      await page.keyboard.press('Enter');
      await menu.waitFor({ state: 'hidden', timeout: TIMEOUT });
      await page.keyboard.press('Control+S');
      const fixed = ['**I:** Hvordan når dere ungdommene?', '', '> [!MEMO]', '> Typisk proaktivt.', '', LAZY_LINE, ''].join('\n');
      await poll(`the saved ${LAZY_NOTE} has a blank line under the memo, and nothing else changed`, async () => {
        const seen = readFileSync(path.join(ctx.workspace, LAZY_NOTE), 'utf8');
        return { ok: seen === fixed, seen };
      });
      await poll('the Problems panel no longer lists callout/lazy-continuation', async () => {
        const seen = (await page.locator('.markers-panel').first().innerText()).replace(/\u00a0/g, ' ');
        return { ok: !seen.includes('callout/lazy-continuation'), seen };
      });
      await screenshot('lazy-continuation-fixed');
      await filter.fill('');
    },
  ],
  [
    'Show analysis opens the grid in a webview',
    async () => {
      await runCommand('Fieldnotes: Show analysis across cases');
      await page.locator('.tabs-container .tab', { hasText: 'Fieldnotes: analysis' }).waitFor({ timeout: TIMEOUT });
      const frame = await poll('a webview frame holds #grid-0', async () => {
        for (const frame of page.frames()) {
          if ((await frame.locator('#grid-0').count().catch(() => 0)) > 0) return frame;
        }
        return { ok: false, seen: page.frames().map((f) => f.url().slice(0, 80)) };
      });
      const cells = await poll('the grid has cells', async () => {
        const n = await frame.locator('g[aria-label="cell"] rect').count();
        return n > 0 ? n : { ok: false, seen: n };
      });
      console.log(`    the grid has ${cells} cells`);
      await screenshot('analysis');
      // One coder's reading: choosing LH on the page asks the server for LH's notes alone, LH's copies of two transcripts.
      await frame.locator('#reading').selectOption('LH');
      const reading = await poll('the page shows LH’s reading: two cases', async () => {
        for (const candidate of page.frames()) {
          const select = candidate.locator('#reading');
          if ((await select.count().catch(() => 0)) === 0 || (await select.inputValue().catch(() => '')) !== 'LH') continue;
          const rows = await candidate.locator('g[aria-label="cell"] rect').evaluateAll((rects) => [...new Set(rects.map((r) => r.getAttribute('data-case')))]);
          const note = await candidate.locator('.view').first().innerText().catch(() => '');
          return { ok: rows.length === 2 && note.includes('LH'), seen: { rows, note }, rows };
        }
        return { ok: false, seen: 'no frame with the reading chosen' };
      });
      console.log(`    LH's reading: ${reading.rows.join(', ')}`);
      await screenshot('analysis-coder');
    },
  ],
  [
    'Compare with another coder: the LH copy offered first, the Coder comparison view with the figures and the runs, a click selects the words',
    async () => {
      // What to expect, from the command line on the same two files (self-contained: its own import).
      const { spawnSync } = await import('node:child_process');
      const [mine, theirs] = ['intervju-03.fn.md', 'intervju-03.LH.fn.md'];
      const agree = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'fieldnotes.js'), 'agree', mine, theirs, '--format', 'json'], { cwd: ctx.workspace, encoding: 'utf8' });
      if (agree.status !== 0) throw new Error(`fieldnotes agree failed: ${agree.stderr}`);
      const pair = JSON.parse(agree.stdout).transcripts[0];
      const figure = (value) => (value === null ? 'n/a' : value.toFixed(3));
      const overall = pair.overall.pairs[0];
      const readings = pair.readings.pooled.pairs[0];
      const byReading = (side, reading) => side.codes.some((c) => c.code === 'kontaktvei/via-samarbeidspartnere' && c.reading === reading);
      const run = pair.disagreements[0].runs.find((r) => byReading(r.a, 'proactive') && byReading(r.b, 'reactive'));
      if (!run) throw new Error('fieldnotes agree lists no run where MT and LH read #kontaktvei/via-samarbeidspartnere differently');

      await openFile(mine);
      await poll('the editor shows intervju-03', async () => {
        const seen = await editorText();
        return { ok: seen.includes('coder: MT'), seen };
      });

      await runCommand('Fieldnotes: Compare with another coder');
      await poll("the picker offers LH's copy first", async () => {
        const focused = await quickInput.locator('.monaco-list-row.focused').first().getAttribute('aria-label', { timeout: 1000 });
        const first = await quickInput.locator('.monaco-list-row').first().getAttribute('aria-label', { timeout: 1000 });
        return { ok: focused === first && focused?.includes(theirs) && focused.includes('coded by LH'), seen: { focused, first } };
      });
      await screenshot('compare-pick');
      await page.keyboard.press('Enter');
      await quickInput.waitFor({ state: 'hidden', timeout: TIMEOUT });

      // Room for the view: the Outline collapsed, the panel hidden, the side bar wider.
      const outlineHeader = page.locator('.pane-header[aria-label^="Outline"]').first();
      if ((await outlineHeader.count()) && (await outlineHeader.getAttribute('aria-expanded')) === 'true') await outlineHeader.click();
      if (await page.locator('.part.panel').first().isVisible()) await runCommand('View: Hide Panel');
      const sidebar = await page.locator('.part.sidebar').first().boundingBox();
      if (sidebar) {
        await page.mouse.move(sidebar.x + sidebar.width, sidebar.y + sidebar.height / 2);
        await page.mouse.down();
        await page.mouse.move(sidebar.x + sidebar.width + 400, sidebar.y + sidebar.height / 2, { steps: 8 });
        await page.mouse.up();
      }
      const view = page.locator('.pane:has(.pane-header[aria-label^="Coder comparison"])');
      const expected = [`${pair.words} words`, figure(overall.percent), figure(overall.kappa), figure(overall.alpha), figure(readings.percent), figure(readings.kappa), figure(readings.alpha), run.text];
      await textContains(view.locator('.pane-body'), expected, 'the Coder comparison view shows the figures and the run');
      const row = view.locator('.monaco-list-row', { hasText: run.text }).first();
      await textContains(row, ['MT: #kontaktvei/via-samarbeidspartnere (proactive)', 'LH: #kontaktvei/via-samarbeidspartnere (reactive)'], "the run says what each coder gave");
      await row.click();
      // The status bar gives the cursor, at the end of the selection.
      const before = readFileSync(path.join(ctx.workspace, mine), 'utf8').slice(0, run.a.end).split('\n');
      const selection = `Ln ${before.length}, Col ${before.at(-1).length + 1} (${run.a.end - run.a.start} selected)`;
      await textContains(page.locator('[id="status.editor.selection"]'), [selection], `the editor selects the run's words (${selection})`);
      await screenshot('compare-coder');
    },
  ],
];

let failed;
try {
  for (const [index, [name, run]] of steps.entries()) {
    const label = `step ${index + 2}: ${name}`;
    try {
      await run();
      console.log(`✔ ${label}`);
    } catch (error) {
      failed = `${label}\n  ${error.message.split('\n').slice(0, 6).join('\n  ')}`;
      break;
    }
  }
  if (failed) {
    console.error(`✘ ${failed}`);
    await page.screenshot({ path: path.join(SHOTS, 'failure.png') }).catch(() => {});
    console.error(`    screenshot ${path.relative(ROOT, path.join(SHOTS, 'failure.png'))}`);
  }
} catch (error) {
  failed = error.message;
  console.error(error);
} finally {
  await browser.close().catch(() => {});
  codeServer.server.kill();
  // The packaged extension must have activated and run with no error in the editor's logs.
  const logged = extensionErrors(ctx.userData);
  if (!logged.files.length) failed ||= 'the editor wrote no log files to check';
  else if (logged.errors.length) failed ||= `the editor logged errors about Fieldnotes:\n${logged.errors.join('\n')}`;
  else console.log(`✔ no error about Fieldnotes in ${logged.files.length} log files (${logged.files.filter((f) => /exthost|Fieldnotes/i.test(f)).join(', ')})`);
  cleanUp(ctx.temp, !failed);
}
console.log(failed ? 'Editor UI steps: FAILED' : `Editor UI steps: all ${steps.length + 1} passed (screenshots in ${path.relative(ROOT, SHOTS)})`);
process.exit(failed ? 1 : 0);
