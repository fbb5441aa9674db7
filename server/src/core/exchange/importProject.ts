import { codebookFromElements, codebookYaml } from './importCodebook.js';
import { ImportReport, type ImportOptions, type ImportProblem } from './importProblems.js';
import { writeNote } from './noteWriter.js';
import { NoteFileNames } from './noteFileNames.js';
import { ArchiveRefusal, ProjectArchive } from './projectArchive.js';
import { duplicateGuids, readCases, readNotes, readUsers, readVariables, textFilesNamed, type SourceTextReader } from './projectParts.js';
import { isFieldnotesOrigin } from './refi.js';
import { guidKey } from './refiValues.js';
import { importSource, noteCallout, type ImportedFile, type ProjectContext } from './sourceImport.js';
import { decodeXml } from './textBytes.js';
import { childNamed, childrenNamed, readXml, type XmlElement } from './xmlReader.js';
import { bytesOf, type ArchiveBytes } from './zipArchive.js';

export type { ImportedFile } from './sourceImport.js';
export type { ArchiveBytes } from './zipArchive.js';

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
 * text source and coder, memos. Only the project file and the texts it
 * names are unpacked, within the limits of `projectArchive.ts`. Never
 * throws on what the archive holds: what cannot be imported is listed in
 * `problems`, by element (only an archive read from a file that fails to
 * read, `archive.read`, can throw).
 */
export function importQdpx(archive: Uint8Array | ArchiveBytes, options: ImportOptions): ProjectImport {
  const report = new ImportReport(options.locale, options.fileName);
  const zip = ProjectArchive.open(archive instanceof Uint8Array ? bytesOf(archive) : archive, options.fileName, report.say);
  if (!zip) {
    report.general('Project', report.say.notZip(options.fileName));
    return { files: [], problems: report.problems };
  }
  const projectFiles = zip.projectFiles();
  if (!projectFiles.length) {
    report.general('Project', report.say.noProjectFile(options.fileName));
    return { files: [], problems: report.problems };
  }
  const used = projectFiles.find((path) => path.toLowerCase() === 'project.qde') ?? projectFiles[0]!;
  if (projectFiles.length > 1) report.general('Project', report.say.severalProjectFiles(options.fileName, used, projectFiles.filter((p) => p !== used)));
  const refuse = (message: string) => {
    report.general('Project', message);
    return { files: [], problems: report.problems };
  };
  try {
    const qdeRefusal = zip.sizeRefusal([used]);
    if (qdeRefusal) return refuse(qdeRefusal);
    const projectReport = new ImportReport(options.locale, used);
    const project = projectElement(decodeXml(zip.bytesOf(used)), projectReport);
    if (!project) return { files: [], problems: [...report.problems, ...projectReport.problems] };
    // Every text the project names, checked together before one is unpacked.
    const texts = textFilesNamed(project).flatMap((path) => zip.entryFor(path) ?? []);
    const refusal = zip.sizeRefusal([used, ...texts]);
    if (refusal) return refuse(refusal);
    const imported = importProject(project, (path) => zip.text(path), options, projectReport);
    return { files: imported.files, problems: [...report.problems, ...imported.problems] };
  } catch (error) {
    if (error instanceof ArchiveRefusal) return refuse(error.message);
    throw error;
  }
}

/** Imports `project.qde` with its source texts from `sourceText` (given each `plainTextPath` as written). */
export function importProjectXml(xml: string, sourceText: SourceTextReader, options: ImportOptions & { xmlFile?: string }): ProjectImport {
  const report = new ImportReport(options.locale, options.xmlFile ?? 'project.qde');
  const project = projectElement(xml, report);
  return project ? importProject(project, sourceText, options, report) : { files: [], problems: report.problems };
}

/** The `<Project>` element, or undefined (reported) when the XML is malformed or holds something else. */
function projectElement(xml: string, report: ImportReport): XmlElement | undefined {
  const read = readXml(xml);
  if (!read.ok) {
    const { line, column, reason } = read.error;
    report.general('Project', report.say.malformedXml(report.xmlFile, line, column, reason), line);
    return undefined;
  }
  if (read.root.name !== 'Project') {
    report.general(read.root.name, report.say.wrongRoot(report.xmlFile, read.root.name, 'Project'), read.root.line);
    return undefined;
  }
  return read.root;
}

function importProject(project: XmlElement, sourceText: SourceTextReader, options: ImportOptions, report: ImportReport): ProjectImport {
  report.unknownChildren(project, PROJECT_CHILDREN);
  // Parts are found by GUID: two with one GUID would be merged or one of them guessed, so the project is refused.
  if (duplicateGuids(project, report)) return { files: [], problems: report.problems };

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
    fileNames: new NoteFileNames([NOTES_FILE]),
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
