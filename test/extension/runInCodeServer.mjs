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
import { existsSync } from 'node:fs';
import path from 'node:path';
import { checkPrerequisites, cleanUp, launchChromium, notRun, prepareWorkspace, ROOT, startCodeServer } from './codeServer.mjs';

const WHAT = 'Editor tests';
const SUITE = path.join(ROOT, 'out', 'test', 'extension', 'suite', 'index.cjs');
const DEADLINE_MS = 10 * 60_000;

if (!existsSync(SUITE)) notRun(WHAT, `${path.relative(ROOT, SUITE)} is missing: run npm run build first.`);
checkPrerequisites(WHAT);
const { temp, workspace, userData, extensions, extension } = prepareWorkspace(WHAT);
const codeServer = await startCodeServer({ temp, workspace, userData, extensions });
const address = codeServer.address;

let exitCode = 1;
const browser = await launchChromium();
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
    console.error(`The extension suite did not finish within ${DEADLINE_MS / 60_000} minutes. code-server said:\n${codeServer.log}`);
    exitCode = 1;
  }
} finally {
  await browser.close();
  codeServer.server.kill();
  cleanUp(temp, exitCode === 0);
}
process.exit(exitCode);
