// The extension suite's runner (`npm run test:extension`): starts a VS Code
// that is already on the machine, FIELDNOTES_VSCODE, with this repository as
// the extension under development, on a temporary copy of samples/, and runs
// suite/*.suite.cts inside its extension host. It never downloads VS Code:
// without FIELDNOTES_VSCODE it says the suite was skipped and exits 0.
//
// FIELDNOTES_VSCODE is the Electron executable of a VS Code build, e.g.
//   Linux (.deb/.rpm): /usr/share/code/code   (not /usr/bin/code, a launcher script)
//   Linux (.tar.gz):   VSCode-linux-x64/code
//   macOS:             /Applications/Visual Studio Code.app/Contents/MacOS/Electron
//   Windows:           C:\...\Microsoft VS Code\Code.exe
// On Linux without a display, run it under `xvfb-run -a`.
import { runTests } from '@vscode/test-electron';
import { accessSync, constants, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The repository root (this file runs from out/test/extension/). */
const ROOT = path.resolve(__dirname, '../../..');
const SUITE_INDEX = path.join(__dirname, 'suite', 'index.cjs');

/** Why `file` cannot be started as VS Code, or undefined when it looks right. */
function problemWith(file: string): string | undefined {
  if (!path.isAbsolute(file)) return 'is not an absolute path';
  let stats;
  try {
    stats = statSync(file);
  } catch {
    return 'does not exist';
  }
  if (stats.isDirectory()) return 'is a folder; it must be the VS Code executable itself (on macOS, Visual Studio Code.app/Contents/MacOS/Electron)';
  try {
    accessSync(file, constants.X_OK);
  } catch {
    return 'is not executable';
  }
  return undefined;
}

async function main(): Promise<number> {
  const executable = process.env.FIELDNOTES_VSCODE;
  if (!executable) {
    console.log('Extension suite skipped: FIELDNOTES_VSCODE is not set (it must name a VS Code executable; this runner never downloads VS Code).');
    return 0;
  }
  const problem = problemWith(executable);
  if (problem) {
    console.error(`Extension suite not run: FIELDNOTES_VSCODE=${executable} ${problem}.`);
    return 1;
  }
  for (const built of [SUITE_INDEX, path.join(ROOT, 'dist', 'client.cjs'), path.join(ROOT, 'dist', 'fieldnotes.js')]) {
    if (!existsSync(built)) {
      console.error(`Extension suite not run: ${path.relative(ROOT, built)} is missing; run \`npm run build\` first (npm run test:extension does).`);
      return 1;
    }
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.warn('Extension suite: no DISPLAY is set; VS Code needs one (run under `xvfb-run -a npm run test:extension`).');
  }

  // Everything VS Code writes goes to a temporary folder: a copy of the
  // samples (the tests write notes into it), a user data folder and an
  // extensions folder of its own.
  const temp = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-vscode-'));
  const workspace = path.join(temp, 'samples');
  const userData = path.join(temp, 'user-data');
  const extensions = path.join(temp, 'extensions');
  cpSync(path.join(ROOT, 'samples'), workspace, { recursive: true });
  mkdirSync(path.join(userData, 'User'), { recursive: true });
  mkdirSync(extensions);
  const settings = {
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'workbench.startupEditor': 'none',
    'workbench.enableExperiments': false,
  };
  writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2) + '\n');

  try {
    await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: SUITE_INDEX,
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--user-data-dir',
        userData,
        '--extensions-dir',
        extensions,
        '--skip-welcome',
        '--skip-release-notes',
      ],
    });
  } catch (error) {
    console.error(`Extension suite failed: ${error instanceof Error ? error.message : String(error)}.`);
    console.error(`VS Code's workspace, settings and logs are kept in ${temp}`);
    return 1;
  }
  rmSync(temp, { recursive: true, force: true });
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error('Extension suite runner crashed:', error);
    process.exitCode = 1;
  },
);
