// One bundle per side (as vscode-eslint does): the command line, which is
// also the language server, and the VS Code client. Each starts fast (one
// module to load instead of a few hundred) and runs without node_modules,
// which is what lets the packaged extension leave node_modules out.
import { build } from 'esbuild';
import { chmod, copyFile, mkdir } from 'node:fs/promises';

// Node 20 reads every regular expression the code writes, but esbuild's table of what Node supports leaves out Unicode
// property escapes (`\p{Lu}`) and lookbehind, and then turns each such literal into `new RegExp(...)`, which runs (and
// is looked up in V8's cache) every time the expression does, not once: a third of the anonymization check's time.
const supported = { 'regexp-unicode-property-escapes': true, 'regexp-lookbehind-assertions': true, 'regexp-match-indices': true, 'regexp-named-capture-groups': true };
const common = { bundle: true, platform: 'node', target: 'node20', supported, sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({
    ...common,
    entryPoints: ['server/src/cli/bin.ts'],
    outfile: 'dist/fieldnotes.js',
    format: 'esm',
    // yaml and ajv are CommonJS and require Node built-ins; an ES module bundle
    // has no `require` of its own, so it gets one.
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
  }),
  // The thread that reads closed notes beside the main one (server/src/parallel): its own small bundle, loaded by path.
  build({
    ...common,
    entryPoints: ['server/src/parallel/readWorker.ts'],
    outfile: 'dist/readWorker.js',
    format: 'esm',
    banner: { js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
  }),
  build({
    ...common,
    entryPoints: ['client/src/extension.ts'],
    outfile: 'dist/client.cjs',
    // VS Code loads extensions with require(), and provides `vscode` itself.
    format: 'cjs',
    external: ['vscode'],
  }),
]);
await chmod('dist/fieldnotes.js', 0o755);

// The analysis page's charting library (Observable Plot on d3), inlined into
// `report --format html` and the editor's analysis view: the page works offline.
await mkdir('dist/vendor', { recursive: true });
await copyFile('node_modules/d3/dist/d3.min.js', 'dist/vendor/d3.min.js');
await copyFile('node_modules/@observablehq/plot/dist/plot.umd.min.js', 'dist/vendor/plot.umd.min.js');
