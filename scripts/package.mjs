#!/usr/bin/env node
// Packages the built extension (run `npm run build` first) into a .vsix:
//
//   node scripts/package.mjs [--out FILE]     (default: dist/fieldnotes.vsix)
//
// `npm run package` builds and runs this; test/package.test.ts runs it too,
// into a temporary folder, so both package with the options below.
//
// Why not plain `vsce package`:
//  - package.json's `files` is the npm package's list (the command line), and
//    vsce refuses to package when both `files` and a .vscodeignore exist. So
//    the folders and files .vscodeignore lets in are copied into a temporary
//    folder with the manifest minus `files`, and vsce packages from there,
//    with the same .vscodeignore. The repository is never written to, except
//    for the .vsix.
//  - vsce lists every file under the folder it packages before it applies
//    .vscodeignore; in the repository that would include .vscode-test/ (an
//    editor with its own node_modules, for the editor tests) and take many
//    seconds. The copy holds only what .vscodeignore names.
//  - vsce's command line asks the npm registry for its own latest version
//    when run in a terminal; its API, used here, does not. Packaging makes
//    no network request.
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vsce from '@vscode/vsce';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * vsce's options; as command-line flags:
 * `vsce package --no-dependencies --no-rewrite-relative-links --allow-missing-repository`.
 */
const VSCE_OPTIONS = {
  // The bundles in dist/ hold every dependency: no node_modules in the package.
  dependencies: false,
  // The README's links to docs/ and samples/ are relative, and the project has
  // no public repository URL yet to make them absolute with. Left as written.
  rewriteRelativeLinks: false,
  // No repository URL yet: vsce would otherwise ask whether to go on.
  allowMissingRepository: true,
};

function parseArgs(argv) {
  let out = path.join(ROOT, 'dist', 'fieldnotes.vsix');
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out' && argv[i + 1]) out = path.resolve(argv[++i]);
    else {
      console.error(`Usage: node scripts/package.mjs [--out FILE]\nUnknown argument: ${argv[i]}`);
      process.exit(2);
    }
  }
  return { out };
}

/**
 * The top-level files and folders that .vscodeignore lets in (the first part
 * of each `!path` line), or, if a pattern there starts with a wildcard, all
 * but those that are never part of the extension.
 */
function entriesToStage(ignoreFile) {
  const firsts = readFileSync(ignoreFile, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.startsWith('!'))
    .map((line) => line.slice(1).replace(/^\//, '').split('/')[0]);
  if (firsts.some((first) => /[*?[{]/.test(first))) {
    return readdirSync(ROOT).filter((name) => !['node_modules', '.git', '.vscode-test'].includes(name));
  }
  // vsce always packages the manifest and the README.
  return [...new Set(['package.json', 'README.md', ...firsts])].filter((name) => existsSync(path.join(ROOT, name)));
}

const { out } = parseArgs(process.argv.slice(2));
const ignoreFile = path.join(ROOT, '.vscodeignore');
const stage = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-vsix-'));
try {
  for (const name of entriesToStage(ignoreFile)) {
    if (name === 'package.json') {
      const { files: _npmFiles, ...manifest } = JSON.parse(readFileSync(path.join(ROOT, name), 'utf8'));
      writeFileSync(path.join(stage, name), JSON.stringify(manifest, null, 2) + '\n');
    } else {
      cpSync(path.join(ROOT, name), path.join(stage, name), { recursive: true });
    }
  }
  copyFileSync(ignoreFile, path.join(stage, '.vscodeignore'));
  mkdirSync(path.dirname(out), { recursive: true });
  await vsce.createVSIX({ ...VSCE_OPTIONS, cwd: stage, packagePath: out });
} catch (error) {
  console.error(`Packaging failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  rmSync(stage, { recursive: true, force: true });
}
