import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './support/paths.js';

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? sources(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);

describe('architecture rules (ARCHITECTURE.md)', () => {
  const core = path.join(ROOT, 'server', 'src', 'core');

  it('keeps the core free of VS Code and LSP libraries', () => {
    const offenders = sources(core).flatMap((file) =>
      importsOf(file)
        .filter((spec) => /^vscode($|-languageserver|-languageclient|-jsonrpc)/.test(spec))
        .map((spec) => `${path.relative(ROOT, file)} imports ${spec}`),
    );
    assert.deepEqual(offenders, []);
  });

  it('lets only the workspace layer touch the file system', () => {
    const offenders = sources(core)
      .filter((file) => !file.includes(`${path.sep}workspace${path.sep}`))
      .flatMap((file) => importsOf(file).filter((spec) => /^(node:)?fs(\/promises)?$/.test(spec)).map((spec) => `${path.relative(ROOT, file)} imports ${spec}`));
    assert.deepEqual(offenders, []);
  });

  it('lets the language service use LSP types only, never a connection or VS Code', () => {
    const service = path.join(ROOT, 'server', 'src', 'service');
    const offenders = sources(service).flatMap((file) =>
      importsOf(file)
        .filter((spec) => /^vscode($|-languageserver($|\/)|-languageclient|-jsonrpc)/.test(spec) || spec.includes('/lsp/') || spec.includes('/cli/'))
        .map((spec) => `${path.relative(ROOT, file)} imports ${spec}`),
    );
    assert.deepEqual(offenders, []);
  });

  it('never lets the core import the CLI', () => {
    const offenders = sources(core).flatMap((file) => importsOf(file).filter((spec) => spec.includes('/cli/')).map((spec) => `${path.relative(ROOT, file)} imports ${spec}`));
    assert.deepEqual(offenders, []);
  });
});
