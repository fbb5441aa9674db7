import { run, SERVING } from './main.js';

// A reader that stops early (`fieldnotes check | head`) closes the pipe; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// The exit status is set, not forced, so that piped output is flushed first.
const status = await run(process.argv.slice(2), {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text + '\n'),
  cwd: process.cwd(),
  env: process.env,
});
if (status !== SERVING) process.exitCode = status;
