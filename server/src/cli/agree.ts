import path from 'node:path';
import { codedWords, compareCodings, firstDifference, type CodedWord } from '../core/agreement/agreement.js';
import { agreementJson, agreementMarkdown, agreementText } from '../core/agreement/agreementFormats.js';
import { frontMatterText, readFrontMatter } from '../core/checks/frontMatter.js';
import { NoteParser } from '../core/dialect/note.js';
import { messagesFor, type Locale } from '../core/i18n/messages.js';
import { LineIndex } from '../core/text/lineIndex.js';
import { displayPathFrom } from '../core/workspace/checkFiles.js';
import { discoverNotes } from '../core/workspace/discover.js';
import { isFolder } from '../core/workspace/fileKind.js';
import { readTextFile } from '../core/workspace/readText.js';
import type { CliMessages } from './cliMessages.js';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE, type Io } from './main.js';

interface ReadNote {
  name: string;
  lines: LineIndex;
  words: CodedWord[];
  id: string | undefined;
  coder: string | undefined;
}

/**
 * `fieldnotes agree A B`: agreement between two coders of the same
 * transcript. `fieldnotes agree folder...`: every pair of notes that share
 * a front-matter `id` and have different `coder`s.
 */
export async function agree(paths: string[], format: string, locale: Locale, io: Io, cli: CliMessages): Promise<number> {
  const chosen = format === 'text' || format === 'json' || format === 'md' ? format : undefined;
  if (!chosen) {
    io.err(cli.badAgreeFormat(format));
    return EXIT_USAGE;
  }
  const folders = await Promise.all(paths.map((p) => isFolder(path.resolve(io.cwd, p))));
  if (!paths.length || (!folders.some(Boolean) && paths.length !== 2)) {
    io.err(cli.agreeTwoNotes);
    return EXIT_USAGE;
  }
  const msg = messagesFor(locale);
  const shown = displayPathFrom(io.cwd);
  const files = folders.some(Boolean) ? (await discoverNotes(paths, io.cwd)).notes : paths.map((p) => path.resolve(io.cwd, p));
  const notes: ReadNote[] = [];
  for (const file of files) {
    const read = await readTextFile(file, msg);
    if (!read.ok) {
      io.err(`${shown(file)}: ${read.diagnostic.message}`);
      return EXIT_USAGE;
    }
    const parsed = new NoteParser(msg).parse(read.text);
    const data = readFrontMatter(read.text, parsed.frontMatter, msg).frontMatter.data;
    notes.push({ name: shown(file), lines: new LineIndex(read.text), words: codedWords(parsed), id: frontMatterText(data.id), coder: frontMatterText(data.coder) });
  }

  // Two notes named: compare them. Folders: pair the notes by id, one coder with another.
  const pairs: [ReadNote, ReadNote][] = [];
  const unpaired: ReadNote[] = [];
  if (!folders.some(Boolean)) pairs.push([notes[0]!, notes[1]!]);
  else {
    const byId = new Map<string, ReadNote[]>();
    for (const note of notes) {
      if (note.id === undefined || note.coder === undefined) unpaired.push(note);
      else byId.set(note.id, [...(byId.get(note.id) ?? []), note]);
    }
    for (const group of byId.values()) {
      const coders = [...group].sort((x, y) => x.coder!.localeCompare(y.coder!));
      let paired = false;
      for (let i = 0; i < coders.length; i++) {
        for (let j = i + 1; j < coders.length; j++) {
          if (coders[i]!.coder === coders[j]!.coder) continue;
          pairs.push([coders[i]!, coders[j]!]);
          paired = true;
        }
      }
      if (!paired) unpaired.push(...group);
    }
    if (!pairs.length) {
      io.err(cli.agreeNoPairs);
      return EXIT_USAGE;
    }
  }

  let differed = false;
  const out: string[] = [];
  const json: unknown[] = [];
  for (const [a, b] of pairs) {
    const at = firstDifference(a.words, b.words);
    if (at !== undefined) {
      differed = true;
      const where = (note: ReadNote) => {
        const word = note.words[at];
        return word ? { place: `${note.name}:${note.lines.position(word.start).line + 1}`, word: word.text } : { place: `${note.name} (end)`, word: '' };
      };
      const message = cli.wordsDiffer(at + 1, where(a), where(b));
      if (chosen === 'json') json.push({ a: a.name, b: b.name, error: message });
      else io.err(message);
      continue;
    }
    const report = compareCodings(a.words, b.words);
    if (chosen === 'json') json.push(JSON.parse(agreementJson(report, a.name, b.name)));
    else out.push(chosen === 'md' ? agreementMarkdown(report, a.name, b.name, locale) : agreementText(report, a.name, b.name, locale));
  }
  if (chosen === 'json') io.out(JSON.stringify(pairs.length === 1 && !folders.some(Boolean) ? json[0] : { pairs: json, unpaired: unpaired.map((n) => n.name) }, null, 2));
  else {
    if (out.length) io.out(out.join('\n\n'));
    if (unpaired.length) io.out(`\n${cli.agreeUnpaired(unpaired.map((n) => n.name))}`);
  }
  return differed ? EXIT_ERRORS : EXIT_OK;
}

