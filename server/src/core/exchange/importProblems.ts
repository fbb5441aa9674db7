import type { Locale } from '../i18n/messages.js';
import { importCatalog, type ImportCatalog } from './importMessages.js';
import type { XmlElement } from './xmlReader.js';

/**
 * Something the import could not carry over as it was: left out, or changed
 * to fit the dialect. Named by the REFI element it concerns and where that
 * element stands in the file, so the user can find it in the other tool.
 */
export interface ImportProblem {
  /** The REFI element's local name: `PlainTextSelection`, `Code`, `PictureSource`. */
  element: string;
  guid?: string;
  name?: string;
  /** 1-based line of the element in `project.qde` (or the `.qdc`). */
  line?: number;
  message: string;
}

export interface ImportOptions {
  /** The imported file's name as the user gave it, for messages and the codebook's first comment. */
  fileName: string;
  locale: Locale;
}

/** The problems of one import, with the catalog and the name of the XML file messages point into. */
export class ImportReport {
  readonly problems: ImportProblem[] = [];
  readonly say: ImportCatalog;

  /** `xmlFile`: where line numbers point (`project.qde`, or the `.qdc` itself). */
  constructor(
    locale: Locale,
    readonly xmlFile: string,
  ) {
    this.say = importCatalog(locale);
  }

  /** Where `element` stands, as messages say it: `(line 12 of project.qde)`. */
  where(element: XmlElement): string {
    return this.say.where(element.line, this.xmlFile);
  }

  /** A problem about `element`; its GUID and name are taken from its attributes. */
  about(element: XmlElement, message: string): void {
    this.problems.push(problemAbout(element, message));
  }

  /** Lists the children of `element` the import does not read: in another namespace, or not in the schema there. */
  unknownChildren(element: XmlElement, known: readonly string[]): void {
    for (const child of element.children) {
      if (child.ns !== element.ns) this.about(child, this.say.foreignElement(child.name, child.ns || '—', this.where(child)));
      else if (!known.includes(child.name)) this.about(child, this.say.unknownElement(child.name, this.where(child)));
    }
  }

  /** A problem about the file as a whole (not a zip, no project). */
  general(element: string, message: string, line?: number): void {
    this.problems.push(line === undefined ? { element, message } : { element, line, message });
  }
}

function problemAbout(element: XmlElement, message: string): ImportProblem {
  const problem: ImportProblem = { element: element.name, line: element.line, message };
  if (element.attrs.guid) problem.guid = element.attrs.guid;
  if (element.attrs.name) problem.name = element.attrs.name;
  return problem;
}
