// What the scripts that run Fieldnotes in a real VS Code share: code-server
// (VS Code's own server and workbench, installed from the npm registry into
// .vscode-test/), the packaged .vsix installed into a fresh extensions
// folder, a temp copy of samples/ as the workspace, and Debian's headless
// Chromium driven through playwright-core.
//
// Used by runInCodeServer.mjs (the extension suite, through the
// workbench's test payload) and driveEditor.mjs (the UI, like a user).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const EDITOR = path.join(ROOT, '.vscode-test', 'code-server');
export const CODE_SERVER = path.join(EDITOR, 'node_modules', '.bin', 'code-server');
export const VSIX = path.join(ROOT, 'dist', 'fieldnotes.vsix');
export const CHROMIUM = process.env.FIELDNOTES_CHROMIUM ?? '/usr/bin/chromium';

/** Prints why nothing ran and exits 1. */
export function notRun(what, message) {
  console.error(`${what} not run: ${message}`);
  process.exit(1);
}

/** Checks that the .vsix and Chromium are there and that code-server is installed (installs it once). */
export function checkPrerequisites(what) {
  if (!existsSync(VSIX)) notRun(what, `${path.relative(ROOT, VSIX)} is missing: run npm run package first.`);
  if (!existsSync(CHROMIUM)) notRun(what, `Chromium is not at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) or set FIELDNOTES_CHROMIUM.`);
  const install = spawnSync('bash', [path.join(ROOT, 'scripts', 'install-code-server.sh'), EDITOR], { stdio: 'inherit' });
  if (install.status !== 0) notRun(what, 'code-server could not be installed (see the lines above).');
}

/**
 * A temp folder with a copy of samples/ (the workspace), user data with
 * `settings` (on top of quiet defaults), and the .vsix installed into its
 * own extensions folder. Returns the paths and the installed extension's folder.
 */
export function prepareWorkspace(what, settings = {}) {
  const temp = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-editor-'));
  const workspace = path.join(temp, 'samples');
  const userData = path.join(temp, 'user-data');
  const extensions = path.join(temp, 'extensions');
  cpSync(path.join(ROOT, 'samples'), workspace, { recursive: true });
  mkdirSync(path.join(userData, 'User'), { recursive: true });
  writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ 'telemetry.telemetryLevel': 'off', 'workbench.startupEditor': 'none', 'update.mode': 'none', ...settings }, null, 2));

  const installed = spawnSync(CODE_SERVER, ['--user-data-dir', userData, '--extensions-dir', extensions, '--install-extension', VSIX, '--force'], { encoding: 'utf8' });
  if (installed.status !== 0) notRun(what, `the .vsix did not install:\n${installed.stdout}${installed.stderr}`);
  const folder = readdirSync(extensions).find((name) => name.startsWith('fieldnotes.fieldnotes-'));
  if (!folder) notRun(what, `the .vsix installed, but no fieldnotes folder is in ${extensions}.`);
  console.log(`Installed ${path.basename(VSIX)} as ${folder}`);
  return { temp, workspace, userData, extensions, extension: path.join(extensions, folder) };
}

/** Starts code-server on a free port of 127.0.0.1 with the workspace; resolves when it listens. */
export async function startCodeServer({ temp, workspace, userData, extensions }) {
  const server = spawn(CODE_SERVER, ['--auth', 'none', '--bind-addr', '127.0.0.1:0', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--user-data-dir', userData, '--extensions-dir', extensions, workspace], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, XDG_CONFIG_HOME: path.join(temp, 'config') },
  });
  const state = { server, log: '' };
  server.stderr.on('data', (chunk) => (state.log += chunk));
  state.address = await new Promise((resolve, reject) => {
    server.stdout.on('data', (chunk) => {
      state.log += chunk;
      const listening = /HTTP server listening on (http:\/\/[\d.]+:\d+)/.exec(String(chunk));
      if (listening) resolve(listening[1]);
    });
    server.on('exit', (code) => reject(new Error(`code-server exited ${code}:\n${state.log}`)));
  });
  return state;
}

/** Debian's Chromium, headless, without the calls home. */
export function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Errors the editor logged about the extension (its activation, its
 * language client, its output channel): every log file under the user data
 * folder, lines marked `[error]` that mention Fieldnotes.
 */
export function extensionErrors(userData) {
  const logs = path.join(userData, 'logs');
  const files = [];
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.log')) files.push(full);
    }
  };
  if (existsSync(logs)) walk(logs);
  const errors = files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => /\[error\]/i.test(line) && (/fieldnotes/i.test(line) || /Fieldnotes\.log$/.test(file)))
      .map((line) => `${path.relative(logs, file)}: ${line.trim()}`),
  );
  return { files: files.map((file) => path.relative(logs, file)), errors };
}

/** Removes the temp folder when all went well; otherwise keeps it and says where. */
export function cleanUp(temp, ok) {
  if (ok) rmSync(temp, { recursive: true, force: true });
  else console.error(`Kept for inspection: ${temp}`);
}
