/**
 * Exchange benchmark (`npm run bench:exchange`, part of `npm run bench`):
 * a study of 200 generated transcripts (about 10 MB) exported as a
 * REFI-QDA project and imported back, in process, with bare remark-parse
 * on the same texts side by side as the baseline; then the whole
 * `fieldnotes export --qdpx` and `fieldnotes import` processes.
 * Measured, never asserted.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { loadCodebook } from '../server/src/core/codebook/codebook.js';
import { buildNoteModel } from '../server/src/core/checks/noteModel.js';
import { NoteParser } from '../server/src/core/dialect/note.js';
import { en } from '../server/src/core/i18n/messages.js';
import { exportProject } from '../server/src/core/exchange/exportProject.js';
import { importQdpx } from '../server/src/core/exchange/importProject.js';
import { generateNote } from '../test/support/generateNotes.js';
import { median, ms, processTime, time } from './measure.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'dist', 'fieldnotes.js');
const NOTES = 200;
const RUNS = 7;

const tmp = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-bench-exchange-'));
try {
  console.log(`Exchange benchmark on ${os.cpus()[0]?.model} (${os.cpus().length} cores), Node ${process.version}\n`);
  const codebookText = readFileSync(path.join(ROOT, 'samples', 'codebook.yaml'), 'utf8');
  const codebook = loadCodebook(codebookText, 'codebook.yaml', en).codebook;
  const texts = Array.from({ length: NOTES }, (_, i) => generateNote('transcript', 50_000, i + 1));
  const size = texts.reduce((n, t) => n + t.length, 0);
  const models = () => texts.map((text, i) => ({ name: `intervju-${i + 1}`, model: buildNoteModel(new NoteParser(en).parse(text), codebook, en) }));
  const notes = models();
  const segments = notes.reduce((n, note) => n + note.model.segments.length, 0);

  let archive: Uint8Array = new Uint8Array();
  const exports = Array.from({ length: RUNS }, () => time(() => (archive = exportProject(codebook, notes, { version: 'bench' }).archive)));
  const parseAndExport = Array.from({ length: RUNS }, () => time(() => exportProject(codebook, models(), { version: 'bench' })));
  let imported = 0;
  const imports = Array.from({ length: RUNS }, () => time(() => (imported = importQdpx(archive, { fileName: 'bench.qdpx', locale: 'en' }).files.length)));
  const bare = Array.from({ length: RUNS }, () => time(() => texts.forEach((text) => unified().use(remarkParse).parse(text))));

  console.log(`${NOTES} notes, ${(size / 1e6).toFixed(1)} M characters, ${segments} coded segments; the .qdpx is ${(archive.length / 1e6).toFixed(1)} MB`);
  console.log(`   bare remark-parse of the texts (baseline)   median ${ms(median(bare))}`);
  console.log(`   export, from parsed notes                   median ${ms(median(exports))}; ratio to baseline ${(median(exports) / median(bare)).toFixed(2)}`);
  console.log(`   parse, check and export                     median ${ms(median(parseAndExport))}; ratio ${(median(parseAndExport) / median(bare)).toFixed(2)}`);
  console.log(`   import of that .qdpx (${imported} files)        median ${ms(median(imports))}; ratio ${(median(imports) / median(bare)).toFixed(2)}`);

  const folder = path.join(tmp, 'study');
  writeFileSync(path.join(tmp, 'codebook.yaml'), codebookText);
  mkdirSync(folder);
  texts.forEach((text, i) => writeFileSync(path.join(folder, `intervju-${i + 1}.fn.md`), text));
  const target = path.join(tmp, 'study.qdpx');
  const exportCli = Array.from({ length: 5 }, () => processTime([CLI, 'export', '--force', '--qdpx', target, folder, '--codebook', path.join(tmp, 'codebook.yaml')]));
  const importCli = Array.from({ length: 5 }, () => processTime([CLI, 'import', '--force', '--qdpx', target, '--out', path.join(tmp, 'back')]));
  console.log(`   fieldnotes export --qdpx, whole process     median ${ms(median(exportCli))}`);
  console.log(`   fieldnotes import --qdpx, whole process     median ${ms(median(importCli))}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
