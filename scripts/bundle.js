// Bundles the command line into one file, so that it starts fast (one
// module to load instead of a few hundred) and runs without node_modules.
import { build } from 'esbuild';
import { chmod } from 'node:fs/promises';

await build({
  entryPoints: ['server/src/cli/bin.ts'],
  outfile: 'dist/fieldnotes.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  logLevel: 'warning',
  // yaml and ajv are CommonJS and require Node built-ins; an ES module bundle
  // has no `require` of its own, so it gets one.
  banner: { js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
});
await chmod('dist/fieldnotes.js', 0o755);
