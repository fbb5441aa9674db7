// The baseline: bare remark-parse on a file, as a whole process.
import { readFileSync } from 'node:fs';
import { unified } from 'unified';
import remarkParse from 'remark-parse';

const tree = unified().use(remarkParse).parse(readFileSync(process.argv[2]!, 'utf8'));
process.stdout.write(`${tree.children.length}\n`);
