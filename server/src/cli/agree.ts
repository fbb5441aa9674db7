import path from 'node:path';
import {
  codedNote,
  compareTranscript,
  firstDifference,
  StudyTotals,
  type AgreementReport,
  type CodedNote,
  type LeftOutNote,
  type Refusal,
  type ReportedTranscript,
  type TranscriptVariables,
  type WordPlace,
} from '../core/agreement/agreement.js';
import { agreementJson, agreementMarkdown, agreementText } from '../core/agreement/agreementFormats.js';
import { readFrontMatter } from '../core/checks/frontMatter.js';
import { copyFields } from '../core/coders/copies.js';
import { NoteParser } from '../core/dialect/note.js';
import { frontMatterEnd } from '../core/dialect/units.js';
import { messagesFor, type Locale, type Messages } from '../core/i18n/messages.js';
import { LineIndex } from '../core/text/lineIndex.js';
import { displayPathFrom } from './format.js';
import { discoverNotes } from '../core/workspace/discover.js';
import { isFile, isFolder } from '../core/workspace/fileKind.js';
import type { WorkspaceIndex } from '../service/workspace.js';
import { openWorkspace } from './cliWorkspace.js';
import type { CliMessages } from './cliMessages.js';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE, type Io } from './main.js';

/** A note as first read: its text and who coded which transcript. Its words are read only when its transcript is compared. */
interface ReadNote {
  uri: string;
  name: string;
  text: string;
  id: string | undefined;
  coder: string | undefined;
  consensus: boolean;
}

/** The coders' copies of one transcript, each with the name the tables give its coder. */
interface Group {
  id: string | undefined;
  copies: { note: ReadNote; coder: string }[];
}

/** Who coded what, from the front matter alone (the whole note is parsed when its transcript is compared). */
function readHeader(text: string, msg: Messages): { id: string | undefined; coder: string | undefined; consensus: boolean } {
  const head = text.slice(0, frontMatterEnd(text));
  if (!head) return { id: undefined, coder: undefined, consensus: false };
  const parsed = new NoteParser(msg).parse(head);
  return copyFields(readFrontMatter(head, parsed.frontMatter, msg).frontMatter.data);
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * `fieldnotes agree A B [C...]`: agreement between coders of one
 * transcript, each in their own copy. `fieldnotes agree folder...`: the
 * notes grouped by front-matter `id`, one copy per `coder`, each
 * transcript scored and totals over all of them.
 */
export async function agree(paths: string[], format: string, locale: Locale, io: Io, cli: CliMessages, codebook?: string): Promise<number> {
  const chosen = format === 'text' || format === 'json' || format === 'md' ? format : undefined;
  if (!chosen) {
    io.err(cli.badAgreeFormat(format));
    return EXIT_USAGE;
  }
  const folders = await Promise.all(paths.map((p) => isFolder(path.resolve(io.cwd, p))));
  const folderMode = folders.some(Boolean);
  if (!paths.length || (!folderMode && paths.length < 2)) {
    io.err(cli.agreeTwoNotes);
    return EXIT_USAGE;
  }
  const codebookPath = codebook === undefined ? undefined : path.resolve(io.cwd, codebook);
  if (codebookPath && !(await isFile(codebookPath))) {
    io.err(cli.codebookMissing(codebook!));
    return EXIT_USAGE;
  }
  const msg = messagesFor(locale);
  const shown = displayPathFrom(io.cwd);
  const discovery = folderMode ? await discoverNotes(paths, io.cwd) : { notes: paths.map((p) => path.resolve(io.cwd, p)), missing: [] };
  if (discovery.missing.length) {
    for (const missing of discovery.missing) io.err(cli.missingPath(missing));
    return EXIT_USAGE;
  }

  const notCompared: LeftOutNote[] = [];
  let failed = false;
  // The notes are read here, in the engine `check` uses; each is parsed whole only when its transcript is compared.
  const workspace = await openWorkspace(discovery.notes, { msg, codebook: codebookPath, displayPath: shown });
  for (const { path: file, diagnostic } of workspace.unreadable) {
    io.err(cli.agreeUnreadable(shown(file), diagnostic.message));
    // Named on the command line, a note that cannot be read leaves nothing to compare it with.
    if (!folderMode) return EXIT_USAGE;
    notCompared.push({ file: shown(file), reason: 'unreadable', message: cli.agreeUnreadable(shown(file), diagnostic.message) });
    failed = true;
  }
  const notes: ReadNote[] = workspace.notes.map((note) => ({ uri: note.uri, name: shown(note.path), text: note.text, ...readHeader(note.text, msg) }));

  const groups = folderMode ? groupById(notes, notCompared, cli) : [namedCopies(notes)];
  if (!groups.length) {
    io.err(cli.agreeNoPairs);
    for (const left of notCompared) if (left.reason !== 'unreadable') io.err(left.message);
    return EXIT_USAGE;
  }

  const { index } = workspace.engine;
  const transcripts: ReportedTranscript[] = [];
  const refused: Refusal[] = [];
  const scored: { variables: TranscriptVariables; coders: string[] }[] = [];
  for (const group of groups) {
    const copies = await Promise.all(group.copies.map(async ({ note, coder }) => ({ note, coder, coded: await readCoded(note, index) })));
    // Copies whose words differ cannot be scored: keep the largest set of copies with the same words, refuse the others, saying where.
    const classes: (typeof copies)[] = [];
    for (const copy of copies) {
      const same = classes.find((c) => firstDifference(c[0]!.coded.words, copy.coded.words) === undefined);
      if (same) same.push(copy);
      else classes.push([copy]);
    }
    const kept = classes.reduce((best, c) => (c.length > best.length ? c : best));
    const reference = kept[0]!;
    for (const copy of copies) {
      if (kept.includes(copy)) continue;
      const at = firstDifference(reference.coded.words, copy.coded.words)!;
      const a = wordPlace(reference.note, reference.coded, at);
      const b = wordPlace(copy.note, copy.coded, at);
      const placeOf = (p: WordPlace) => (p.line === undefined ? `${p.file} (end)` : `${p.file}:${p.line}:${p.column}`);
      const message = cli.wordsDiffer(at + 1, { place: placeOf(a), word: a.word }, { place: placeOf(b), word: b.word });
      refused.push({ id: group.id, word: at + 1, a, b, message });
      failed = true;
    }
    if (kept.length < 2) continue;
    const names = kept.map((c) => c.coder);
    const { agreement, variables } = compareTranscript(
      kept.map((c) => c.coded),
      names,
    );
    transcripts.push({ ...agreement, id: group.id, files: kept.map((c) => c.note.name) });
    scored.push({ variables, coders: names });
  }

  let study;
  if (scored.length) {
    const totals = new StudyTotals([...new Set(scored.flatMap((s) => s.coders))].sort(byCodePoint));
    for (const { variables, coders } of scored) totals.add(variables, coders);
    study = totals.result();
  }
  const report: AgreementReport = { transcripts, refused, notCompared, study };
  if (chosen === 'json') io.out(agreementJson(report));
  else {
    // Refusals and unreadable notes are errors, on stderr; the tables and the notes left out, on stdout.
    for (const refusal of refused) io.err(refusal.message);
    const shownReport = { ...report, refused: [], notCompared: notCompared.filter((n) => n.reason !== 'unreadable') };
    if (transcripts.length || shownReport.notCompared.length) io.out(chosen === 'md' ? agreementMarkdown(shownReport, locale) : agreementText(shownReport, locale));
  }
  return failed ? EXIT_ERRORS : EXIT_OK;
}

/**
 * Notes named on the command line: copies of one transcript, in the order
 * given (the first is coder A), each coder named by `coder`, else (or when
 * two copies say the same coder) by its file.
 */
function namedCopies(notes: ReadNote[]): Group {
  const counts = new Map<string, number>();
  for (const note of notes) if (note.coder !== undefined) counts.set(note.coder, (counts.get(note.coder) ?? 0) + 1);
  const taken = new Set<string>();
  const copies = notes.map((note) => {
    let coder = note.coder !== undefined && counts.get(note.coder) === 1 ? note.coder : note.name;
    // The same file named twice: still two names, so that the tables can tell the columns apart.
    for (let n = 2; taken.has(coder); n++) coder = `${note.name} (${n})`;
    taken.add(coder);
    return { note, coder };
  });
  return { id: notes.find((n) => n.id !== undefined)?.id, copies };
}

/** Notes in folders: grouped by `id`, one copy per `coder`; what cannot be compared is said, with what to do. */
function groupById(notes: ReadNote[], notCompared: LeftOutNote[], cli: CliMessages): Group[] {
  const byId = new Map<string, ReadNote[]>();
  for (const note of notes) {
    if (note.id === undefined) notCompared.push({ file: note.name, reason: 'no-id', message: cli.agreeNoId(note.name) });
    else byId.set(note.id, [...(byId.get(note.id) ?? []), note]);
  }
  const groups: Group[] = [];
  for (const [id, members] of byId) {
    const coders = new Map<string, ReadNote>();
    for (const note of members) {
      if (note.consensus) notCompared.push({ file: note.name, reason: 'consensus', message: cli.agreeConsensus(note.name) });
      else if (note.coder === undefined) {
        if (members.length > 1) notCompared.push({ file: note.name, reason: 'no-coder', message: cli.agreeNoCoder(note.name, id, members.filter((m) => m !== note).map((m) => m.name)) });
        else notCompared.push({ file: note.name, reason: 'alone', message: cli.agreeAlone(note.name, id) });
      } else if (coders.has(note.coder)) {
        const kept = coders.get(note.coder)!;
        notCompared.push({ file: note.name, reason: 'same-coder', message: cli.agreeSameCoder(note.name, note.coder, kept.name) });
      } else coders.set(note.coder, note);
    }
    if (coders.size < 2) {
      for (const note of coders.values()) notCompared.push({ file: note.name, reason: 'alone', message: cli.agreeAlone(note.name, id) });
      continue;
    }
    const copies = [...coders.entries()].map(([coder, note]) => ({ note, coder })).sort((x, y) => byCodePoint(x.coder, y.coder));
    groups.push({ id, copies });
  }
  return groups;
}

/** A copy's words with each coder's decisions, the readings resolved with the note's codebook as `fieldnotes check` finds it (the engine's). */
async function readCoded(note: ReadNote, index: WorkspaceIndex): Promise<CodedNote> {
  await index.loadCodebooksFor(note.uri);
  const view = index.view(note.uri)!;
  return codedNote(view.model.parsed, view.model.codebook ? view.model : undefined);
}

function wordPlace(note: ReadNote, coded: CodedNote, at: number): WordPlace {
  const word = coded.words[at];
  if (!word) return { file: note.name, line: undefined, column: undefined, word: '' };
  const position = new LineIndex(note.text).position(word.start);
  return { file: note.name, line: position.line + 1, column: position.character + 1, word: word.text };
}
