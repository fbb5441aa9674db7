// What VS Code's extension host runs (--extensionTestsPath): mocha, on every
// *.suite.cjs beside this file. The promise rejects when any test fails (or
// mocha itself throws), so VS Code exits non-zero and the runner fails.
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths.cjs';

export async function run(): Promise<void> {
  // The same reporter as `npm test`: mocha's spec, then "N passed, N failed".
  const reporter = require(path.join(ROOT, 'test', 'reporter.cjs')) as typeof Mocha.reporters.Base;
  const mocha = new Mocha({ ui: 'bdd', reporter, timeout: 120_000 });
  const files = readdirSync(__dirname)
    .filter((name) => name.endsWith('.suite.cjs'))
    .sort();
  if (!files.length) throw new Error(`No *.suite.cjs files in ${__dirname}`);
  for (const file of files) mocha.addFile(path.join(__dirname, file));

  await new Promise<void>((resolve, reject) => {
    try {
      mocha.run((failures) => (failures ? reject(new Error(`${failures} extension test${failures === 1 ? '' : 's'} failed`)) : resolve()));
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
