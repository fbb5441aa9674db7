// The extension suite (test/extension/suite) in a real VS Code on this
// machine: code-server (VS Code's own server and workbench, from the npm
// registry), driven by Debian's headless Chromium through playwright-core.
// The packaged .vsix is installed into it and its installed folder is the
// extension under test, so what runs is what users install. The workbench
// takes the development and test paths in its `payload` URL parameter, as
// VS Code's own browser tests do, runs the suite in its Node extension
// host, and reports the exit code through `codeAutomationExit`.
//
// Usage: npm run test:editor   (builds, packages, installs code-server once
// into .vscode-test/; needs Debian's chromium and the packages
// scripts/install-code-server.sh installs).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const EDITOR = path.join(ROOT, '.vscode-test', 'code-server');
const CODE_SERVER = path.join(EDITOR, 'node_modules', '.bin', 'code-server');
const VSIX = path.join(ROOT, 'dist', 'fieldnotes.vsix');
const CHROMIUM = process.env.FIELDNOTES_CHROMIUM ?? '/usr/bin/chromium';
const SUITE = path.join(ROOT, 'out', 'test', 'extension', 'suite', 'index.cjs');
const DEADLINE_MS = 10 * 60_000;

function fail(message) {
  console.error(`Editor tests not run: ${message}`);
  process.exit(1);
}

if (!existsSync(VSIX)) fail(`${path.relative(ROOT, VSIX)} is missing: run npm run package first.`);
if (!existsSync(SUITE)) fail(`${path.relative(ROOT, SUITE)} is missing: run npm run build first.`);
if (!existsSync(CHROMIUM)) fail(`Chromium is not at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) or set FIELDNOTES_CHROMIUM.`);
const install = spawnSync('bash', [path.join(ROOT, 'scripts', 'install-code-server.sh'), EDITOR], { stdio: 'inherit' });
if (install.status !== 0) fail('code-server could not be installed (see the lines above).');

const temp = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-editor-'));
const workspace = path.join(temp, 'samples');
const userData = path.join(temp, 'user-data');
const extensions = path.join(temp, 'extensions');
cpSync(path.join(ROOT, 'samples'), workspace, { recursive: true });
mkdirSync(path.join(userData, 'User'), { recursive: true });
writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ 'telemetry.telemetryLevel': 'off', 'workbench.startupEditor': 'none', 'update.mode': 'none' }));

const installed = spawnSync(CODE_SERVER, ['--user-data-dir', userData, '--extensions-dir', extensions, '--install-extension', VSIX, '--force'], { encoding: 'utf8' });
if (installed.status !== 0) fail(`the .vsix did not install:\n${installed.stdout}${installed.stderr}`);
const folder = readdirSync(extensions).find((name) => name.startsWith('fieldnotes.fieldnotes-'));
if (!folder) fail(`the .vsix installed, but no fieldnotes folder is in ${extensions}.`);
const extension = path.join(extensions, folder);
console.log(`Installed ${path.basename(VSIX)} as ${folder}`);

const server = spawn(CODE_SERVER, ['--auth', 'none', '--bind-addr', '127.0.0.1:0', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--user-data-dir', userData, '--extensions-dir', extensions, workspace], {
  stdio: ['ignore', 'pipe', 'pipe'],
  env: { ...process.env, XDG_CONFIG_HOME: path.join(temp, 'config') },
});
let serverLog = '';
server.stderr.on('data', (chunk) => (serverLog += chunk));
const address = await new Promise((resolve, reject) => {
  server.stdout.on('data', (chunk) => {
    serverLog += chunk;
    const listening = /HTTP server listening on (http:\/\/[\d.]+:\d+)/.exec(String(chunk));
    if (listening) resolve(listening[1]);
  });
  server.on('exit', (code) => reject(new Error(`code-server exited ${code}:\n${serverLog}`)));
});

let exitCode = 1;
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error('[page error]', error.message));
  const finished = new Promise((resolve) => {
    void page.exposeFunction('codeAutomationLog', (type, args) => {
      // The suite's own reporter lines; the workbench's info chatter is left out.
      const line = args.map(String).join(' ');
      if (/passed, \d+ failed|✔|\d+\) |Error|failing|passing/.test(line) || type === 'error') console.log(line.replace(/%[sdc]/g, '').replace(/color: #\w+/g, '').trim());
    });
    void page.exposeFunction('codeAutomationExit', (code) => resolve(code));
  });
  const host = new URL(address).host;
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://${host}${extension}`],
    ['extensionTestsPath', `vscode-remote://${host}${SUITE}`],
    ['skipWelcome', 'true'],
  ];
  await page.goto(`${address}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  let timer;
  exitCode = await Promise.race([finished, new Promise((resolve) => (timer = setTimeout(() => resolve('deadline'), DEADLINE_MS)))]);
  clearTimeout(timer);
  if (exitCode === 'deadline') {
    console.error(`The extension suite did not finish within ${DEADLINE_MS / 60_000} minutes. code-server said:\n${serverLog}`);
    exitCode = 1;
  }
} finally {
  await browser.close();
  server.kill();
  if (exitCode === 0) rmSync(temp, { recursive: true, force: true });
  else console.error(`Kept for inspection: ${temp}`);
}
process.exit(exitCode);
