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
        .filter((spec) => /^vscode($|-languageserver($|\/)|-languageclient|-jsonrpc)/.test(spec) || spec.includes('/lsp/') || spec.includes('/cli/') || spec.includes('/parallel/'))
        .map((spec) => `${path.relative(ROOT, file)} imports ${spec}`),
    );
    assert.deepEqual(offenders, []);
  });

  it('never lets the core import the CLI', () => {
    const offenders = sources(core).flatMap((file) => importsOf(file).filter((spec) => spec.includes('/cli/')).map((spec) => `${path.relative(ROOT, file)} imports ${spec}`));
    assert.deepEqual(offenders, []);
  });

  it('keeps the client thin: from the server it takes only protocol types and, for the preview, the pure core', () => {
    const client = path.join(ROOT, 'client', 'src');
    const offenders = sources(client).flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.includes('/server/') && !/\/server\/src\/(protocol|core)\//.test(spec))
        .concat(importsOf(file).filter((spec) => spec.includes('/server/src/core/') && path.basename(file) !== 'preview.ts'))
        .map((spec) => `${path.relative(ROOT, file)} imports ${spec}`),
    );
    assert.deepEqual(offenders, []);
    // The preview runs inside VS Code's Markdown extension as well as in tests: no vscode there.
    assert.ok(!importsOf(path.join(client, 'preview.ts')).some((spec) => spec === 'vscode'));
  });

  it('imports the shared protocol by type only on the server side, so no LSP library is loaded twice', () => {
    const protocol = path.join(ROOT, 'server', 'src', 'protocol');
    const runtime = sources(protocol).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/^import\s+(?!type\b)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => `${path.relative(ROOT, file)} imports ${m[1]}`),
    );
    assert.deepEqual(runtime, []);
  });
});
