// The try-out (`npm run try`): builds and packages the extension, installs
// a real VS Code (code-server, from the npm registry) into .vscode-test/,
// installs the packaged extension into it, and serves it on loopback with a
// copy of the sample study open. Prints the address; Ctrl+C stops it.
// Nothing is sent anywhere: telemetry and update checks are off, and the
// editor listens on 127.0.0.1 only.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HOME = path.join(ROOT, '.vscode-test');
const EDITOR = path.join(HOME, 'code-server');
const TRY = path.join(HOME, 'try');
const PORT = Number(process.env.FIELDNOTES_PORT ?? 8080);
const VSIX = path.join(ROOT, 'dist', 'fieldnotes.vsix');

function step(what, command, args, options = {}) {
  console.log(`\n== ${what}`);
  const run = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
  if (run.status !== 0) {
    console.error(`\nThe try-out stopped: ${what} failed (${command} ${args.join(' ')} exited ${run.status ?? run.signal}).`);
    process.exit(1);
  }
}

step('Building and packaging the extension', 'npm', ['run', '-s', 'package']);
step('Installing the editor (code-server) into .vscode-test/code-server', 'bash', [path.join(ROOT, 'scripts', 'install-code-server.sh'), EDITOR]);

const codeServer = path.join(EDITOR, 'node_modules', '.bin', 'code-server');
const userData = path.join(TRY, 'user-data');
const extensions = path.join(TRY, 'extensions');
const samples = path.join(TRY, 'samples');
// A fresh copy each time: trying things out never changes the repository's samples.
rmSync(samples, { recursive: true, force: true });
cpSync(path.join(ROOT, 'samples'), samples, { recursive: true });
mkdirSync(path.join(userData, 'User'), { recursive: true });
writeFileSync(
  path.join(userData, 'User', 'settings.json'),
  JSON.stringify({ 'telemetry.telemetryLevel': 'off', 'update.mode': 'none', 'extensions.autoCheckUpdates': false, 'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false }, null, 2),
);
step('Installing the packaged extension into the editor', codeServer, ['--user-data-dir', userData, '--extensions-dir', extensions, '--install-extension', VSIX, '--force']);

const args = ['--auth', 'none', '--bind-addr', `127.0.0.1:${PORT}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--user-data-dir', userData, '--extensions-dir', extensions, samples];
console.log('\n== Starting the editor');
const server = spawn(codeServer, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
let announced = false;
server.stdout.on('data', (chunk) => {
  if (!announced && String(chunk).includes('HTTP server listening')) {
    announced = true;
    console.log(`\nFieldnotes is ready. Open this address in your browser:\n\n    http://127.0.0.1:${PORT}/?folder=${encodeURIComponent(samples)}\n\nOpen a note (*.fn.md), select words and press Ctrl+Alt+C to code them.\nCtrl+C here stops the editor. The notes are a copy in ${path.relative(ROOT, samples)}.`);
  }
});
server.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
if (!existsSync(codeServer)) console.error('code-server is missing after its install step.');
