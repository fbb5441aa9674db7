import { unzipSync } from 'fflate';
import { codebookFromElements, codebookYaml } from './importCodebook.js';
import { ImportReport, type ImportOptions, type ImportProblem } from './importProblems.js';
import { writeNote } from './noteWriter.js';
import { readCases, readNotes, readUsers, readVariables, type SourceTextReader } from './projectParts.js';
import { isFieldnotesOrigin } from './refi.js';
import { guidKey } from './refiValues.js';
import { UniqueNames } from './slug.js';
import { importSource, noteCallout, type ImportedFile, type ProjectContext } from './sourceImport.js';
import { decodeText, decodeXml } from './textBytes.js';
import { childNamed, childrenNamed, readXml, type XmlElement } from './xmlReader.js';

export type { ImportedFile } from './sourceImport.js';

export interface ProjectImport {
  /** Relative POSIX paths: `codebook.yaml`, then one `*.fn.md` per note. Empty when nothing could be read. */
  files: ImportedFile[];
  problems: ImportProblem[];
}

const PROJECT_CHILDREN = ['Users', 'CodeBook', 'Variables', 'Cases', 'Sources', 'Notes', 'Links', 'Sets', 'Graphs', 'Description', 'NoteRef'];
const SOURCE_KINDS = ['TextSource', 'PDFSource', 'PictureSource', 'AudioSource', 'VideoSource'];
const NOTES_FILE = 'notes';

/**
 * Imports a REFI-QDA project archive (`.qdpx`): the codebook, one note per
 * text source and coder, memos. Never throws: what cannot be imported is
 * listed in `problems`, by element.
 */
export function importQdpx(bytes: Uint8Array, options: ImportOptions): ProjectImport {
  const report = new ImportReport(options.locale, options.fileName);
  const entries = unzip(bytes);
  if (!entries) {
    report.general('Project', report.say.notZip(options.fileName));
    return { files: [], problems: report.problems };
  }
  const projectFiles = [...entries.keys()].filter((path) => !path.includes('/') && path.toLowerCase().endsWith('.qde')).sort();
  if (!projectFiles.length) {
    report.general('Project', report.say.noProjectFile(options.fileName));
    return { files: [], problems: report.problems };
  }
  const used = projectFiles.find((path) => path.toLowerCase() === 'project.qde') ?? projectFiles[0]!;
  if (projectFiles.length > 1) report.general('Project', report.say.severalProjectFiles(options.fileName, used, projectFiles.filter((p) => p !== used)));
  const imported = importProjectXml(decodeXml(entries.get(used)!), (path) => archivedText(entries, path), { ...options, xmlFile: used });
  return { files: imported.files, problems: [...report.problems, ...imported.problems] };
}

/** The archive's files by normalised path, or undefined when the bytes are not a zip. */
function unzip(bytes: Uint8Array): Map<string, Uint8Array> | undefined {
  try {
    const entries = new Map<string, Uint8Array>();
    for (const [path, data] of Object.entries(unzipSync(bytes))) {
      if (!path.endsWith('/')) entries.set(path.replace(/\\/g, '/').replace(/^(?:\.\/)+/, ''), data);
    }
    return entries;
  } catch {
    return undefined;
  }
}

/** The text a `plainTextPath` names: `internal://x.txt` is `sources/x.txt`, whatever the case of `sources`. */
function archivedText(entries: Map<string, Uint8Array>, plainTextPath: string): string | undefined {
  const name = plainTextPath.replace(/^[a-z]+:\/\//i, '').replace(/\\/g, '/');
  const candidates = [...entries.keys()];
  const found =
    candidates.find((path) => path === name) ??
    candidates.find((path) => /^sources\//i.test(path) && path.slice('sources/'.length) === name) ??
    candidates.find((path) => /^sources\//i.test(path) && path.slice('sources/'.length).toLowerCase() === name.toLowerCase());
  return found === undefined ? undefined : decodeText(entries.get(found)!);
}

/** Imports `project.qde` with its source texts from `sourceText` (given each `plainTextPath` as written). */
export function importProjectXml(xml: string, sourceText: SourceTextReader, options: ImportOptions & { xmlFile?: string }): ProjectImport {
  const xmlFile = options.xmlFile ?? 'project.qde';
  const report = new ImportReport(options.locale, xmlFile);
  const read = readXml(xml);
  if (!read.ok) {
    const { line, column, reason } = read.error;
    report.general('Project', report.say.malformedXml(xmlFile, line, column, reason), line);
    return { files: [], problems: report.problems };
  }
  const project = read.root;
  if (project.name !== 'Project') {
    report.general(project.name, report.say.wrongRoot(xmlFile, project.name, 'Project'), project.line);
    return { files: [], problems: report.problems };
  }
  report.unknownChildren(project, PROJECT_CHILDREN);

  const codeBookElement = childNamed(project, 'CodeBook');
  if (codeBookElement) report.unknownChildren(codeBookElement, ['Codes']);
  const imported = codebookFromElements(codeBookElement && childNamed(codeBookElement, 'Codes'), childNamed(project, 'Sets'), report);
  const title = project.attrs.name?.trim();
  const codebook = title ? { title, ...imported.codebook } : imported.codebook;
  const variables = readVariables(project, report);
  const context: ProjectContext = {
    report,
    markdownSources: isFieldnotesOrigin(project.attrs.origin),
    users: readUsers(project, report),
    codes: imported.codes,
    poles: new Set(Object.keys(codebook.poles ?? {})),
    variables,
    casesBySource: readCases(project, variables, report),
    notes: readNotes(project, sourceText, report),
    usedNotes: new Set(),
    sourceText,
    fileNames: new UniqueNames([NOTES_FILE], { ignoreCase: true }),
    reportedUsers: new Set(),
  };

  const files: ImportedFile[] = [{ path: 'codebook.yaml', text: codebookYaml(codebook, options.fileName, options.locale) }];
  const sources = childNamed(project, 'Sources');
  if (sources) {
    report.unknownChildren(sources, SOURCE_KINDS);
    for (const source of sources.children.filter((child) => child.ns === sources.ns)) files.push(...importSourceElement(source, context));
  }
  reportLinksAndGraphs(project, report);
  const notesFile = leftoverNotes(project, context);
  if (notesFile) files.push(notesFile);
  return { files, problems: report.problems };
}

function importSourceElement(source: XmlElement, context: ProjectContext): ImportedFile[] {
  const { report } = context;
  const name = source.attrs.name?.trim() || source.attrs.guid || '?';
  switch (source.name) {
    case 'TextSource':
      return importSource(source, context);
    case 'PDFSource': {
      const representation = childNamed(source, 'Representation');
      if (!representation) break;
      report.about(source, report.say.pdfTextImported(name, report.where(source)));
      return importSource(representation, context, { name, owner: source });
    }
    case 'PictureSource':
    case 'AudioSource':
    case 'VideoSource':
      break;
    default:
      return [];
  }
  report.about(source, report.say.mediaSourceLeftOut(source.name, name, report.where(source)));
  return [];
}

function reportLinksAndGraphs(project: XmlElement, report: ImportReport): void {
  const links = childNamed(project, 'Links');
  if (links) report.about(links, report.say.linksLeftOut(childrenNamed(links, 'Link').length, report.where(links)));
  const graphs = childNamed(project, 'Graphs');
  for (const graph of graphs ? childrenNamed(graphs, 'Graph') : []) report.about(graph, report.say.graphLeftOut(graph.attrs.name?.trim() || graph.attrs.guid || '?', report.where(graph)));
}

/**
 * `notes.fn.md`: the project's description and every note no text source
 * refers to (memos on codes, on the project, or on nothing), as memos.
 */
function leftoverNotes(project: XmlElement, context: ProjectContext): ImportedFile | undefined {
  const { report } = context;
  for (const ref of childrenNamed(project, 'NoteRef')) {
    if (!context.notes.has(guidKey(ref.attrs.targetGUID) ?? '')) report.about(ref, report.say.noteRefUnknown(ref.attrs.targetGUID ?? '—', report.where(ref)));
  }
  const leftover = [...context.notes].filter(([guid]) => !context.usedNotes.has(guid)).map(([, note]) => note);
  const description = childNamed(project, 'Description')?.text.trim();
  if (!leftover.length && !description) return undefined;
  const callouts = leftover.map((note) => noteCallout(note, context));
  if (description) callouts.unshift(noteCallout({ element: project, name: report.say.descriptionTitle, text: description }, context));
  const path = `${NOTES_FILE}.fn.md`;
  if (leftover.length) report.general('Notes', report.say.notesCollected(leftover.length, path), childNamed(project, 'Notes')?.line);
  const title = project.attrs.name?.trim();
  const frontMatter: Record<string, unknown> = { id: NOTES_FILE, kind: 'memo' };
  if (title) frontMatter.title = title;
  return { path, text: writeNote({ frontMatter, head: callouts, body: '', segments: [], callouts: [] }).text };
}
