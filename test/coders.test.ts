import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import os from 'node:os';
import path from 'node:path';
import { DidChangeWatchedFilesNotification, FileChangeType, HoverRequest, ReferencesRequest, type Diagnostic, type Hover, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { readFrontMatter } from '../server/src/core/checks/frontMatter.js';
import { NO_CODERS_SETTINGS } from '../server/src/core/coders/codersSettings.js';
import { assignCopies, copyCandidate, type CopyCandidate } from '../server/src/core/coders/copies.js';
import { NoteParser } from '../server/src/core/dialect/note.js';
import { en } from '../server/src/core/i18n/messages.js';
import { loadProject } from '../server/src/core/project/projectFile.js';
import { LineIndex } from '../server/src/core/text/lineIndex.js';
import { AnalysisPageRequest, type AnalysisPageResult } from '../server/src/protocol/requests.js';
import { fieldnotes } from './support/cli.js';
import { expandedEvidence } from './support/evidenceTree.js';
import { fileUri, serverForSuite } from './support/lspClient.js';
import { SAMPLES } from './support/paths.js';

const note = (frontMatter: string, body = '**NAV-leder 1:** [Vi drar ut]{#kontaktvei/tilgjengelig-på-arenaer} til skolen.') => `---\n${frontMatter}\n---\n\n${body}\n`;

/** How the copies rule sees a note written in memory. */
function candidate(name: string, text: string, primary: string[] = [], study = 'codebook.yaml'): CopyCandidate<string> {
  const parsed = new NoteParser(en).parse(text);
  const lines = new LineIndex(text);
  const settings = primary.length ? { primary } : NO_CODERS_SETTINGS;
  return copyCandidate(name, name, study, readFrontMatter(text, parsed.frontMatter, en).frontMatter, parsed, (offset) => lines.position(offset).line + 1, settings);
}

const codesOf = (diagnostics: { code: string }[]) => diagnostics.map((d) => d.code).sort();

describe('several coders: which copy of a transcript counts', () => {
  it('counts a note that has no other copy, and tells it nothing', () => {
    const copies = assignCopies([candidate('a.fn.md', note('id: t-1\ncoder: MT')), candidate('b.fn.md', note('id: t-2\ncoder: MT'))]);
    assert.deepEqual(copies.transcripts, []);
    assert.ok(copies.counts('a.fn.md') && copies.counts('b.fn.md'));
    assert.deepEqual(copies.diagnostics('a.fn.md', 'en'), []);
  });

  it('counts the primary coder’s copy; the other copy says whose copy counts and why', () => {
    const copies = assignCopies([candidate('t.AK.fn.md', note('id: t-1\ncoder: AK'), ['MT', 'AK']), candidate('t.fn.md', note('id: t-1\ncoder: MT'), ['MT', 'AK'])]);
    assert.equal(copies.transcripts.length, 1);
    assert.equal(copies.transcripts[0]!.counted.name, 't.fn.md');
    assert.equal(copies.transcripts[0]!.reason, 'primary');
    assert.deepEqual(copies.diagnostics('t.fn.md', 'en'), []);
    const [told] = copies.diagnostics('t.AK.fn.md', 'en');
    assert.equal(told!.code, 'coders/copy');
    assert.equal(told!.severity, 'information');
    assert.match(told!.message, /AK’s copy of the transcript `t-1`\. The analysis counts t\.fn\.md instead, because MT comes first among the primary coders/);
    // The message stands on the copy's `coder` value.
    const text = note('id: t-1\ncoder: AK');
    assert.equal(text.slice(told!.span.start, told!.span.end), 'AK');
    assert.ok(copies.inView('t.AK.fn.md', 'AK', 'AK') && !copies.inView('t.AK.fn.md', undefined, 'AK'));
  });

  it('prefers a consensus copy to a reviewed one, and a reviewed one to the primary coder’s', () => {
    const primary = ['MT'];
    const consensus = assignCopies([
      candidate('t.fn.md', note('id: t-1\ncoder: MT\nstatus: reviewed'), primary),
      candidate('t.felles.fn.md', note('id: t-1\ncoder: MT+AK\nconsensus: true'), primary),
    ]);
    assert.deepEqual([consensus.transcripts[0]!.counted.name, consensus.transcripts[0]!.reason], ['t.felles.fn.md', 'consensus']);
    const reviewed = assignCopies([candidate('t.fn.md', note('id: t-1\ncoder: MT'), primary), candidate('t.AK.fn.md', note('id: t-1\ncoder: AK\nstatus: reviewed'), primary)]);
    assert.deepEqual([reviewed.transcripts[0]!.counted.name, reviewed.transcripts[0]!.reason], ['t.AK.fn.md', 'reviewed']);
    // Two reviewed copies: the primary coder decides between them.
    const both = assignCopies([candidate('t.AK.fn.md', note('id: t-1\ncoder: AK\nstatus: reviewed'), primary), candidate('t.fn.md', note('id: t-1\ncoder: MT\nstatus: reviewed'), primary)]);
    assert.deepEqual([both.transcripts[0]!.counted.name, both.transcripts[0]!.reason], ['t.fn.md', 'primary']);
  });

  it('says so on every copy when nothing decides, and which copy it counts meanwhile', () => {
    const copies = assignCopies([candidate('t.MT.fn.md', note('id: t-1\ncoder: MT')), candidate('t.AK.fn.md', note('id: t-1\ncoder: AK'))]);
    assert.equal(copies.transcripts[0]!.reason, 'undecided');
    assert.equal(copies.transcripts[0]!.counted.name, 't.AK.fn.md', 'the first by name, so the choice does not change from run to run');
    for (const name of ['t.MT.fn.md', 't.AK.fn.md']) {
      const undecided = copies.diagnostics(name, 'en').find((d) => d.code === 'coders/undecided')!;
      assert.equal(undecided.severity, 'warning');
      assert.match(undecided.message, /t\.AK\.fn\.md \(AK\) and t\.MT\.fn\.md \(MT\), and nothing says which one the analysis should count; it counts t\.AK\.fn\.md for now\. Name the primary coders in fieldnotes\.yaml/);
    }
    const nb = copies.diagnostics('t.MT.fn.md', 'nb').find((d) => d.code === 'coders/undecided')!;
    assert.match(nb.message, /ingenting sier hvilken analysen skal telle/);
  });

  it('tells two copies by the same coder apart from two coders, and a copy without a coder', () => {
    const same = assignCopies([candidate('t.fn.md', note('id: t-1\ncoder: MT'), ['MT']), candidate('t-gammel.fn.md', note('id: t-1\ncoder: MT'), ['MT'])]);
    const message = same.diagnostics('t.fn.md', 'en').find((d) => d.code === 'coders/undecided')!.message;
    assert.match(message, /Two copies name the same coder: if one is an old copy, move it out of the study/);
    const anonymous = assignCopies([candidate('t.fn.md', note('id: t-1\ncoder: MT'), ['MT']), candidate('t.kopi.fn.md', note('id: t-1'), ['MT'])]);
    assert.equal(anonymous.transcripts[0]!.counted.name, 't.fn.md');
    const missing = anonymous.diagnostics('t.kopi.fn.md', 'en');
    assert.deepEqual(codesOf(missing), ['coders/copy', 'coders/no-coder']);
    assert.match(missing.find((d) => d.code === 'coders/no-coder')!.message, /t\.fn\.md has the id `t-1` too, and this note does not say who coded it\. .*add `coder:`/);
  });

  it('never takes notes of two studies, or without an id, for copies', () => {
    const copies = assignCopies([
      candidate('a/t.fn.md', note('id: t-1\ncoder: MT'), [], 'a/codebook.yaml'),
      candidate('b/t.fn.md', note('id: t-1\ncoder: AK'), [], 'b/codebook.yaml'),
      candidate('x.fn.md', note('coder: MT')),
      candidate('y.fn.md', note('coder: AK')),
    ]);
    assert.deepEqual(copies.transcripts, []);
  });

  it('points at the first word where a copy’s transcript differs from the counted copy’s', () => {
    const mine = note('id: t-1\ncoder: AK', '**NAV-leder 1:** [Vi dro ut]{#kontaktvei/tilgjengelig-på-arenaer} til skolen.');
    const copies = assignCopies([candidate('t.fn.md', note('id: t-1\ncoder: MT'), ['MT']), candidate('t.AK.fn.md', mine, ['MT'])]);
    const differ = copies.diagnostics('t.AK.fn.md', 'en').find((d) => d.code === 'coders/words-differ')!;
    assert.equal(mine.slice(differ.span.start, differ.span.end), 'dro');
    assert.match(differ.message, /word 4 is “dro” here \(line 6\) and “drar” there \(line 6\)/);
    assert.deepEqual(copies.diagnostics('t.fn.md', 'en'), [], 'the counted copy is not told');
  });
});

describe('several coders: fieldnotes.yaml names the primary coders', () => {
  it('reads one coder or a list, first choice first', () => {
    assert.deepEqual(loadProject('coders:\n  primary: MT\n', en).project.coders.primary, ['MT']);
    assert.deepEqual(loadProject('coders:\n  primary: [MT, AK]\n', en).project.coders.primary, ['MT', 'AK']);
    assert.deepEqual(loadProject('anonymization:\n  allow: [Bodø]\n', en).project.coders.primary, []);
  });

  it('reports a wrong section at its place, with what to write', () => {
    const text = 'coders:\n  primery: MT\n  primary: [MT, {navn: AK}]\n';
    const { diagnostics, project } = loadProject(text, en);
    assert.deepEqual(project.coders.primary, ['MT'], 'what can be read is used');
    const lines = new LineIndex(text);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, lines.position(d.span.start).line + 1, d.message]),
      [
        ['config/invalid', 2, '`primery` is not a setting under `coders` in fieldnotes.yaml; did you mean `primary`?'],
        ['config/invalid', 3, 'Each coder under `primary` in fieldnotes.yaml must be written as text: the initials the notes give as `coder`, like `primary: [MT, AK]`.'],
      ],
    );
    assert.match(loadProject('coders: [MT]\n', en).diagnostics[0]!.message, /must hold `key: value` lines/);
  });
});

/** A copy of samples/ to add coders' copies to. */
function sampleStudy(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-coders-'));
  cpSync(SAMPLES, path.join(root, 'samples'), { recursive: true });
  return root;
}

/** intervju-05 as coder XY would have it: the same words, with `recode` applied to the coding. */
function copyOf05(root: string, coder: string, recode: (text: string) => string = (t) => t): string {
  const original = readFileSync(path.join(root, 'samples', 'intervju-05.fn.md'), 'utf8');
  return recode(original.replace(/^coder: MT$/m, `coder: ${coder}`));
}

const reportJson = (root: string, ...extra: string[]) => {
  const run = fieldnotes(['report', 'samples', '--format', 'json', ...extra], { cwd: root });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as { cases: unknown[]; studies: (Record<string, unknown> & { copies: unknown[]; coder: string | null })[] };
};
/** The figures of a report, without the list of copies (which names the copy). */
const figures = (report: ReturnType<typeof reportJson>) => ({ cases: report.cases, studies: report.studies.map(({ copies: _copies, ...study }) => study) });

describe('several coders: the command line counts one copy of each transcript', () => {
  let root: string;
  beforeEach(() => (root = sampleStudy()));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('reports the same figures with an identical second copy, and shows the copy only in that coder’s view', () => {
    const before = reportJson(root);
    writeFileSync(path.join(root, 'samples', 'intervju-05.XY.fn.md'), copyOf05(root, 'XY'));
    const after = reportJson(root);
    assert.deepEqual(figures(after), figures(before));
    const study = after.studies[0]!;
    assert.deepEqual(
      (study.copies as { id: string; counted: string; copies: { note: string; coder: string }[] }[]).find((t) => t.id === 'intervju-05'),
      { id: 'intervju-05', counted: 'samples/intervju-05.fn.md', reason: 'primary', copies: [{ note: 'samples/intervju-05.fn.md', coder: 'MT' }, { note: 'samples/intervju-05.XY.fn.md', coder: 'XY' }] },
    );
    const xy = reportJson(root, '--coder', 'XY');
    assert.equal(xy.studies[0]!.coder, 'XY');
    assert.deepEqual(xy.cases.map((c) => (c as { case: string }).case), ['kommune-05']);
    assert.deepEqual((xy.cases[0] as { notes: string[] }).notes, ['samples/intervju-05.XY.fn.md']);
    // The Markdown report says which reading it is, and lists the copies.
    const md = fieldnotes(['report', 'samples'], { cwd: root }).stdout;
    assert.match(md, /## Transcripts coded by several coders[\s\S]*\| intervju-05 \| samples\/intervju-05\.fn\.md \| the first primary coder’s \(fieldnotes\.yaml\) \| samples\/intervju-05\.fn\.md \(MT\), samples\/intervju-05\.XY\.fn\.md \(XY\) \|/);
    assert.match(fieldnotes(['report', 'samples', '--coder', 'XY'], { cwd: root }).stdout, /The reading of coder XY: only the notes XY coded, copies included\./);
  });

  it('keeps the study’s verdicts when the copy codes differently, and shows that coder’s own verdicts', () => {
    const before = reportJson(root);
    // XY reads every reactive segment of the transcript as an arena where NAV goes out: the case would turn proactive.
    const recoded = copyOf05(root, 'XY', (t) => t.replace(/\{#[^}]+\}/g, '{#kontaktvei/tilgjengelig-på-arenaer}'));
    writeFileSync(path.join(root, 'samples', 'intervju-05.XY.fn.md'), recoded);
    assert.deepEqual(figures(reportJson(root)), figures(before));
    const xy = reportJson(root, '--coder', 'XY').cases[0] as { case: string; approach: string };
    assert.deepEqual([xy.case, xy.approach], ['kommune-05', 'proactive']);
    const counted = before.cases.find((c) => (c as { case: string }).case === 'kommune-05') as { approach: string };
    assert.notEqual(counted.approach, 'proactive');
  });

  it('counts a consensus copy instead of the coders’ own', () => {
    writeFileSync(path.join(root, 'samples', 'intervju-05.felles.fn.md'), copyOf05(root, 'MT+XY', (t) => t.replace(/^coder: .*$/m, '$&\nconsensus: true').replace(/\{#[^}]+\}/g, '{#kontaktvei/tilgjengelig-på-arenaer}')));
    const kommune05 = reportJson(root).cases.find((c) => (c as { case: string }).case === 'kommune-05') as { approach: string; notes: string[] };
    assert.deepEqual([kommune05.approach, kommune05.notes], ['proactive', ['samples/intervju-05.felles.fn.md']]);
  });

  it('warns on every copy when nothing decides, and on a copy that names no coder, without stopping', () => {
    writeFileSync(path.join(root, 'samples', 'fieldnotes.yaml'), '# no primary coders\n');
    writeFileSync(path.join(root, 'samples', 'intervju-05.XY.fn.md'), copyOf05(root, 'XY'));
    writeFileSync(path.join(root, 'samples', 'intervju-05.kopi.fn.md'), copyOf05(root, 'XY').replace(/^coder: XY\n/m, ''));
    const run = fieldnotes(['check', 'samples', '--format', 'json'], { cwd: root });
    assert.equal(run.status, 0, 'warnings, not errors: ' + run.stderr);
    const found = (JSON.parse(run.stdout) as { file: string; code: string; range: { start: { line: number } }; message: string }[]).filter((d) => d.code.startsWith('coders/'));
    const at = (file: string) => found.filter((d) => d.file === `samples/${file}`).map((d) => `${d.code}@${d.range.start.line + 1}`).sort();
    assert.deepEqual(at('intervju-05.fn.md'), ['coders/undecided@2']);
    assert.deepEqual(at('intervju-05.XY.fn.md'), ['coders/undecided@2']);
    assert.deepEqual(at('intervju-05.kopi.fn.md'), ['coders/no-coder@2', 'coders/undecided@2']);
    // The LH copies of samples/ are decided by samples' primary coders, which this fieldnotes.yaml no longer names.
    assert.ok(found.some((d) => d.file === 'samples/intervju-03.LH.fn.md' && d.code === 'coders/undecided'));
    const text = fieldnotes(['check', 'samples'], { cwd: root }).stdout;
    assert.match(text, /samples\/intervju-05\.kopi\.fn\.md:2:5 warning coders\/no-coder /);
    assert.ok(!/coders\/copy/.test(text), 'which copy counts is the report’s to say, not a problem');
  });

  it('exports a REFI-QDA project with one source per transcript carrying each coder’s codings, and says which copy could not join', () => {
    const out = path.join(root, 'studie.qdpx');
    const run = fieldnotes(['export', '--qdpx', 'studie.qdpx', 'samples', '--codebook', 'samples/codebook.yaml'], { cwd: root });
    assert.equal(run.status, 0, run.stderr);
    const xml = strFromU8(unzipSync(readFileSync(out))['project.qde']!);
    // --codebook takes swot/ in too, as notes of the same study.
    const notes = (readdirSync(path.join(root, 'samples'), { recursive: true }) as string[]).filter((f) => f.endsWith('.fn.md'));
    const sources = [...xml.matchAll(/<TextSource [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    assert.equal(sources.length, notes.length - 2, 'LH’s two copies are codings of their transcripts, not texts of their own');
    assert.ok(!sources.some((name) => name!.includes('.LH')));
    const users = new Map([...xml.matchAll(/<User guid="([^"]+)" name="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
    assert.deepEqual([...users.values()].sort(), ['AK', 'LH', 'MT']);
    const source = xml.slice(xml.indexOf('name="intervju-03"'), xml.indexOf('</TextSource>', xml.indexOf('name="intervju-03"')));
    const codersThere = new Set([...source.matchAll(/<Coding [^>]*creatingUser="([^"]+)"/g)].map((m) => users.get(m[1]!)));
    assert.deepEqual([...codersThere].sort(), ['LH', 'MT']);
    assert.match(run.stdout, new RegExp(`^Wrote studie\\.qdpx: ${sources.length} texts \\(2 of them coded by several coders\\), \\d+ coded segments\\.$`, 'm'));

    // A copy whose words differ is not laid over the counted copy's text: it stays a text of its own, and the export says why.
    writeFileSync(path.join(root, 'samples', 'intervju-05.XY.fn.md'), copyOf05(root, 'XY').replace('Det er den store', 'Det var den store'));
    const differs = fieldnotes(['export', '--qdpx', out, '--force', 'samples', '--codebook', 'samples/codebook.yaml'], { cwd: root });
    assert.equal(differs.status, 0, differs.stderr);
    assert.match(differs.stderr, /^samples\/intervju-05\.XY\.fn\.md was exported as a text of its own, not as another coder's coding of samples\/intervju-05\.fn\.md: the words are not the same \(“var” at line \d+ against “er” at line \d+ of samples\/intervju-05\.fn\.md\)\. Correct the transcript/m);
  });

  it('exports the counted copies’ segments as CSV, or one coder’s with --coder, and refuses an unknown coder', () => {
    writeFileSync(path.join(root, 'samples', 'intervju-05.XY.fn.md'), copyOf05(root, 'XY'));
    const rows = (extra: string[]) => {
      const out = path.join(root, `rows-${extra.join('')}.csv`);
      const run = fieldnotes(['export', '--csv', out, 'samples', ...extra], { cwd: root });
      assert.equal(run.status, 0, run.stderr);
      return readFileSync(out, 'utf8').trim().split('\r\n').slice(1);
    };
    const counted = rows([]);
    assert.ok(counted.length > 0 && counted.every((row) => !row.startsWith('samples/intervju-05.XY.fn.md') && !row.includes('.LH.fn.md')));
    const xy = rows(['--coder', 'XY']);
    assert.equal(xy.length, counted.filter((row) => row.startsWith('samples/intervju-05.fn.md')).length);
    assert.ok(xy.every((row) => row.startsWith('samples/intervju-05.XY.fn.md')));
    const unknown = fieldnotes(['report', 'samples', '--coder', 'ZZ'], { cwd: root });
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /No note here was coded by 'ZZ' \(front matter `coder`\)\. The coders are AK, LH, MT, XY\./);
  });
});

describe('several coders: the editor counts one copy of each transcript', () => {
  const server = serverForSuite('fieldnotes-coders-lsp-', (root) => {
    cpSync(SAMPLES, path.join(root, 'samples'), { recursive: true });
    return path.join(root, 'samples');
  });
  const file = (name: string) => path.join(server.folder, name);
  const uri = (name: string) => fileUri(file(name));

  /** Writes (or deletes) a file as another program would, tells the server, and waits until it has re-checked. */
  async function onDisk(name: string, text: string | undefined): Promise<void> {
    if (text === undefined) unlinkSync(file(name));
    else writeFileSync(file(name), text);
    const checked = server.client.nextNotification('fieldnotes/evidenceChanged');
    const type = text === undefined ? FileChangeType.Deleted : FileChangeType.Changed;
    await server.client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri(name), type }] });
    await checked;
  }

  /** What a supervisor reads: the Evidence view's counts, the analysis page's grid, a hover's count, the places of a code. */
  async function figures(coder?: string) {
    const tree = await expandedEvidence(server.client.connection, coder ? { coder } : {});
    const page = (await server.client.connection.sendRequest(AnalysisPageRequest.method, { nonce: 'n', cspSource: 'c', ...(coder ? { coder } : {}) })) as AnalysisPageResult;
    assert.ok('html' in page);
    const grids = JSON.parse(page.html.match(/<script type="application\/json" id="fieldnotes-data">([\s\S]*?)<\/script>/)![1]!).grids;
    const text = readFileSync(file('intervju-05.fn.md'), 'utf8');
    const position = new LineIndex(text).position(text.indexOf('#kontaktvei/egen-henvendelse') + 3);
    const hover = (await server.client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri('intervju-05.fn.md') }, position })) as Hover;
    const places = await server.client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: uri('intervju-05.fn.md') }, position, context: { includeDeclaration: false } });
    return {
      evidence: tree.poles.map((p) => [p.id, p.count, p.dimensions.map((d) => [d.id, d.variations.map((v) => [v.code, v.segments.map((s) => `${s.uri}:${s.range.start.line}`)])])]),
      grids,
      hover: /(\d+) segments? in the workspace/.exec((hover.contents as MarkupContent).value)![1]!,
      places: places!.map((l) => `${l.uri}:${l.range.start.line}`).sort(),
      uncounted: tree.uncountedCopies,
    };
  }

  it('shows the same Evidence view, analysis page, hover count and places with an identical copy, and the copy only in that coder’s view', async () => {
    await server.client.diagnostics(uri('intervju-05.fn.md'));
    const before = await figures();
    await onDisk('intervju-05.XY.fn.md', copyOf05(path.dirname(server.folder), 'XY'));
    const after = await figures();
    assert.deepEqual({ ...after, uncounted: 0 }, { ...before, uncounted: 0 });
    assert.equal(after.uncounted, before.uncounted + 1);
    const xy = await figures('XY');
    const xyUris = new Set(xy.evidence.flatMap(([, , dimensions]) => (dimensions as [string, [string, string[]][]][]).flatMap(([, variations]) => variations.flatMap(([, places]) => places.map((p) => p.replace(/:\d+$/, ''))))));
    assert.deepEqual([...xyUris], [uri('intervju-05.XY.fn.md')]);
    assert.deepEqual(xy.grids[0].cases, ['kommune-05']);
    // The copy says it is one, on its `coder` line.
    const told = await server.client.diagnostics(uri('intervju-05.XY.fn.md'), (d) => d.some((x) => x.code === 'coders/copy'));
    const copy = told.find((d) => d.code === 'coders/copy')!;
    assert.equal(copy.range.start.line, 6);
    assert.match(copy.message as string, /XY’s copy of the transcript `intervju-05`\. The analysis counts samples\/intervju-05\.fn\.md instead/);
  });

  it('keeps the study’s figures when the copy’s codes change', async () => {
    const before = await figures();
    await onDisk('intervju-05.XY.fn.md', copyOf05(path.dirname(server.folder), 'XY', (t) => t.replace(/\{#[^}]+\}/g, '{#kontaktvei/tilgjengelig-på-arenaer}')));
    assert.deepEqual(await figures(), before);
    const xy = await figures('XY');
    assert.deepEqual(xy.evidence.map(([pole]) => pole), ['proactive']);
  });

  it('tells every copy again when the project’s primary coders change', async () => {
    const undecided = (d: Diagnostic[]) => d.some((x) => x.code === 'coders/undecided');
    await onDisk('fieldnotes.yaml', 'coders:\n  primary: [AK]\n');
    // MT's and XY's copies of intervju-05: neither is a primary coder's.
    await server.client.diagnostics(uri('intervju-05.fn.md'), undecided);
    await server.client.diagnostics(uri('intervju-05.XY.fn.md'), undecided);
    await onDisk('fieldnotes.yaml', 'coders:\n  primary: [MT, AK]\n');
    await server.client.diagnostics(uri('intervju-05.fn.md'), (d) => !undecided(d));
    await server.client.diagnostics(uri('intervju-05.XY.fn.md'), (d) => !undecided(d) && d.some((x) => x.code === 'coders/copy'));
    await onDisk('intervju-05.XY.fn.md', undefined);
  });
});
