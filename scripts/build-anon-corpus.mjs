// Builds an anonymization corpus (notes, gold.json, traps.json, in the
// format of ../shared/corpus/anon-dev) from notes written with their spans
// marked inline, so that nobody counts offsets by hand:
//
//   ⟦Ahmed Nur|person⟧     a gold span: the words, then its type
//   ⟪Monday|weekday, not identifying⟫   a trap: the words, then why they must not be flagged
//
// `<folder>/src/NAME.marked.md` becomes `<folder>/NAME.fn.md` with the marks
// taken out; offsets are 0-based UTF-16, end exclusive, into that text, as
// Node reads it. Marks do not nest, and the words hold neither `|` nor a
// mark's brackets. Files are written to a temporary name and renamed.
//
//   node scripts/build-anon-corpus.mjs <folder>          build
//   node scripts/build-anon-corpus.mjs <folder> --check  exit 1 if the built files are not what src makes
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const TYPES = ['person', 'place', 'org', 'idnum', 'phone', 'email', 'dob'];
const MARK = /⟦([^⟦⟧⟪⟫|]*)\|([^⟦⟧⟪⟫|]*)⟧|⟪([^⟦⟧⟪⟫|]*)\|([^⟦⟧⟪⟫|]*)⟫/g;
const STRAY = /[⟦⟧⟪⟫]/;

/** One marked note: its text without marks, its gold spans and traps, or the problems found, each with its line. */
export function readMarked(file, marked) {
  const problems = [];
  const gold = [];
  const traps = [];
  let text = '';
  let last = 0;
  const lineOf = (at) => marked.slice(0, at).split('\n').length;
  for (const m of marked.matchAll(MARK)) {
    const between = marked.slice(last, m.index);
    if (STRAY.test(between)) problems.push(`${file}:${lineOf(last + between.search(STRAY))}: a mark is not closed, or marks are nested`);
    text += between;
    const words = m[1] ?? m[3];
    const label = (m[2] ?? m[4]).trim();
    const start = text.length;
    text += words;
    if (!words.trim()) problems.push(`${file}:${lineOf(m.index)}: a mark with no words`);
    else if (words !== words.trim()) problems.push(`${file}:${lineOf(m.index)}: “${words}” starts or ends with a space: mark the words only`);
    if (m[1] !== undefined) {
      if (!TYPES.includes(label)) problems.push(`${file}:${lineOf(m.index)}: “${label}” is not a type (${TYPES.join(', ')})`);
      gold.push({ file, start, end: text.length, text: words, type: label });
    } else {
      if (!label) problems.push(`${file}:${lineOf(m.index)}: the trap “${words}” says not why`);
      traps.push({ file, start, end: text.length, text: words, why: label });
    }
    last = m.index + m[0].length;
  }
  const rest = marked.slice(last);
  if (STRAY.test(rest)) problems.push(`${file}:${lineOf(last + rest.search(STRAY))}: a mark is not closed, or marks are nested`);
  text += rest;
  return { text, gold, traps, problems };
}

/** The corpus src/ makes: file name → text (notes, gold.json, traps.json), or the problems. */
export function buildCorpus(folder) {
  const src = path.join(folder, 'src');
  const names = readdirSync(src).filter((name) => name.endsWith('.marked.md')).sort();
  const files = new Map();
  const gold = [];
  const traps = [];
  const problems = [];
  if (!names.length) problems.push(`${src}: no *.marked.md notes`);
  for (const name of names) {
    const file = name.replace(/\.marked\.md$/, '.fn.md');
    const read = readMarked(file, readFileSync(path.join(src, name), 'utf8'));
    problems.push(...read.problems.map((p) => `src/${name.replace(/\.fn\.md$/, '')}${p.slice(file.length)}`));
    files.set(file, read.text);
    gold.push(...read.gold);
    traps.push(...read.traps);
  }
  files.set('gold.json', JSON.stringify(gold, null, 1) + '\n');
  files.set('traps.json', JSON.stringify(traps, null, 1) + '\n');
  return { files, problems, counts: { notes: names.length, gold: gold.length, traps: traps.length } };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const folder = process.argv[2];
  if (!folder) {
    console.error('Usage: node scripts/build-anon-corpus.mjs <folder> [--check]');
    process.exit(2);
  }
  const { files, problems, counts } = buildCorpus(path.resolve(folder));
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  const stale = [...files].filter(([name, text]) => {
    try {
      return readFileSync(path.join(folder, name), 'utf8') !== text;
    } catch {
      return true;
    }
  });
  if (process.argv.includes('--check')) {
    if (stale.length) {
      console.error(`Not what ${folder}/src makes: ${stale.map(([name]) => name).join(', ')}. Run node scripts/build-anon-corpus.mjs ${folder}`);
      process.exit(1);
    }
  } else {
    for (const [name, text] of stale) {
      writeFileSync(path.join(folder, `${name}.tmp`), text);
      renameSync(path.join(folder, `${name}.tmp`), path.join(folder, name));
    }
  }
  console.log(`${counts.notes} notes, ${counts.gold} gold spans, ${counts.traps} traps${stale.length && !process.argv.includes('--check') ? ` (wrote ${stale.length} files)` : ''}`);
}
