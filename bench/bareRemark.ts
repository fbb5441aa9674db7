// The baseline: bare remark-parse as a whole process, on files or on every *.fn.md in folders.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';

function notes(target: string): string[] {
  if (!statSync(target).isDirectory()) return [target];
  return readdirSync(target, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.fn.md'))
    .sort()
    .map((name) => path.join(target, name));
}

const processor = unified().use(remarkParse);
let blocks = 0;
for (const file of process.argv.slice(2).flatMap(notes)) blocks += processor.parse(readFileSync(file, 'utf8')).children.length;
process.stdout.write(`${blocks}\n`);
