import type { ImportReport } from './importProblems.js';
import { CALLOUT_NOTE_NAME, SEGMENT_MEMO_NOTE_NAME, type CalloutFold } from './refi.js';
import { guidKey, readBoolean, readInteger } from './refiValues.js';
import { childNamed, childrenNamed, type XmlElement } from './xmlReader.js';

/**
 * The parts of a REFI project that sources refer to by GUID: users,
 * variables, cases and notes, read once before the sources.
 */

export type AttributeValue = string | number | boolean;

/** A project's `plainTextPath` resolved to text, or undefined when the file is not there. */
export type SourceTextReader = (plainTextPath: string) => string | undefined;

/** Coder names by user GUID: the name, else the id, else the GUID itself. */
export function readUsers(project: XmlElement, report: ImportReport): Map<string, string> {
  const users = new Map<string, string>();
  for (const user of listed(project, 'Users', 'User', report)) {
    const guid = guidKey(user.attrs.guid);
    if (guid) users.set(guid, user.attrs.name?.trim() || user.attrs.id?.trim() || user.attrs.guid!.trim());
  }
  return users;
}

export interface Variable {
  name: string;
  type: string;
}

export function readVariables(project: XmlElement, report: ImportReport): Map<string, Variable> {
  const variables = new Map<string, Variable>();
  for (const variable of listed(project, 'Variables', 'Variable', report)) {
    const guid = guidKey(variable.attrs.guid);
    if (guid) variables.set(guid, { name: variable.attrs.name?.trim() || guid, type: variable.attrs.typeOfVariable ?? 'Text' });
  }
  return variables;
}

/** The `VariableValue`s of a case or source as `name: value`, in document order; what cannot be read is reported. */
export function readVariableValues(owner: XmlElement, variables: Map<string, Variable>, report: ImportReport): { name: string; value: AttributeValue; element: XmlElement }[] {
  const values: { name: string; value: AttributeValue; element: XmlElement }[] = [];
  for (const element of childrenNamed(owner, 'VariableValue')) {
    const target = childNamed(element, 'VariableRef')?.attrs.targetGUID;
    const variable = variables.get(guidKey(target) ?? '');
    if (!variable) {
      report.about(element, report.say.variableUnknown(target ?? '—', report.where(element)));
      continue;
    }
    const valueElement = element.children.find((child) => child.ns === element.ns && child.name.endsWith('Value'));
    if (!valueElement) continue;
    const value = typedValue(valueElement);
    if (value === undefined) report.about(element, report.say.variableValueUnreadable(variable.name, valueElement.text.trim(), report.where(element)));
    else values.push({ name: variable.name, value, element });
  }
  return values;
}

/** A value by its element: numbers and booleans as such, dates as `YYYY-MM-DD`, anything else as text. */
function typedValue(element: XmlElement): AttributeValue | undefined {
  const raw = element.text.trim();
  switch (element.name) {
    case 'BooleanValue': {
      // Read with both fallbacks: the same answer means the value was readable.
      const value = readBoolean(raw, true);
      return value === readBoolean(raw, false) ? value : undefined;
    }
    case 'IntegerValue':
      return readInteger(raw);
    case 'FloatValue': {
      const value = raw ? Number(raw) : NaN;
      return Number.isFinite(value) ? value : undefined;
    }
    case 'DateValue':
      return /^\d{4}-\d{2}-\d{2}/.test(raw) ? raw.slice(0, 10) : undefined;
    default:
      return raw;
  }
}

export interface CaseInfo {
  name: string;
  /** A map, not an object: a variable may be called `constructor` or `__proto__`. */
  attributes: Map<string, AttributeValue>;
}

/** The cases each source belongs to, by source GUID, in document order. */
export function readCases(project: XmlElement, variables: Map<string, Variable>, report: ImportReport): Map<string, CaseInfo[]> {
  const bySource = new Map<string, CaseInfo[]>();
  for (const element of listed(project, 'Cases', 'Case', report)) {
    report.unknownChildren(element, ['Description', 'CodeRef', 'VariableValue', 'SourceRef', 'SelectionRef']);
    const name = element.attrs.name?.trim() || element.attrs.guid || '?';
    const attributes = new Map<string, AttributeValue>();
    for (const { name: key, value } of readVariableValues(element, variables, report)) if (!attributes.has(key)) attributes.set(key, value);
    const info: CaseInfo = { name, attributes };
    for (const ref of childrenNamed(element, 'SourceRef')) {
      const guid = guidKey(ref.attrs.targetGUID);
      if (guid) bySource.set(guid, [...(bySource.get(guid) ?? []), info]);
    }
    const references = childrenNamed(element, 'CodeRef').length + childrenNamed(element, 'SelectionRef').length;
    if (references) report.about(element, report.say.caseReferencesLeftOut(name, references, report.where(element)));
  }
  return bySource;
}

export interface ProjectNote {
  element: XmlElement;
  name: string;
  /** Undefined when its text file is missing (reported). */
  text: string | undefined;
}

/** Notes by GUID, with their text (inline, or from the archive). */
export function readNotes(project: XmlElement, sourceText: SourceTextReader, report: ImportReport): Map<string, ProjectNote> {
  const notes = new Map<string, ProjectNote>();
  for (const element of listed(project, 'Notes', 'Note', report)) {
    const guid = guidKey(element.attrs.guid);
    if (!guid) continue;
    const name = element.attrs.name?.trim() ?? '';
    const text = textOfSource(element, sourceText);
    if (text.kind === 'missing') report.about(element, report.say.sourceFileMissing('Note', name, text.path, report.where(element)));
    if (childrenNamed(element, 'PlainTextSelection').length || childrenNamed(element, 'Coding').length) report.about(element, report.say.noteCodingsLeftOut(name, report.where(element)));
    notes.set(guid, { element, name, text: text.kind === 'text' ? text.text : text.kind === 'missing' ? undefined : '' });
  }
  return notes;
}

export type SourceTextResult = { kind: 'text'; text: string } | { kind: 'missing'; path: string } | { kind: 'rich-only'; path: string } | { kind: 'none' };

/** The plain text of a TextSource or Note: `PlainTextContent`, or the file `plainTextPath` names. */
export function textOfSource(element: XmlElement, sourceText: SourceTextReader): SourceTextResult {
  const inline = childNamed(element, 'PlainTextContent');
  if (inline) return { kind: 'text', text: inline.text };
  const path = element.attrs.plainTextPath?.trim();
  if (path) {
    const text = sourceText(path);
    return text === undefined ? { kind: 'missing', path } : { kind: 'text', text };
  }
  const rich = element.attrs.richTextPath?.trim();
  return rich ? { kind: 'rich-only', path: rich } : { kind: 'none' };
}

/**
 * What kind of callout a note becomes: Fieldnotes' own marker when its
 * name is one, else a memo titled by its name. A segment's memo whose
 * segment lost its codes in another tool (named `memo`) gets no title.
 */
export function calloutOfNote(name: string): { kind: 'memo' | 'review'; title: string; fold: CalloutFold } {
  const marker = CALLOUT_NOTE_NAME.exec(name.trim());
  if (marker) return { kind: marker[1] === 'REVIEW' ? 'review' : 'memo', fold: marker[2] as CalloutFold, title: (marker[3] ?? '').trim() };
  return { kind: 'memo', fold: '', title: name.trim() === SEGMENT_MEMO_NOTE_NAME ? '' : name.trim() };
}

/**
 * Every `plainTextPath` the project names where the text is not inline,
 * read as `textOfSource` reads them, anywhere in the tree: the texts an
 * import may unpack (a superset, so that checking their sizes first never
 * misses one).
 */
export function textFilesNamed(project: XmlElement): string[] {
  const paths: string[] = [];
  const visit = (element: XmlElement) => {
    const path = element.attrs.plainTextPath?.trim();
    if (path && !childNamed(element, 'PlainTextContent')) paths.push(path);
    element.children.forEach(visit);
  };
  visit(project);
  return paths;
}

/**
 * Reports each GUID that several of the parts the import finds by GUID
 * share (users, variables, sources, notes, codes; `{ABC}` and `abc` are one
 * GUID), naming every element that has it. Returns how many GUIDs were
 * shared: any makes the project ambiguous, since a reference cannot say
 * which of the elements it means.
 */
export function duplicateGuids(project: XmlElement, report: ImportReport): number {
  const codes = (element: XmlElement): XmlElement[] => childrenNamed(element, 'Code').flatMap((code) => [code, ...codes(code)]);
  const codebook = childNamed(project, 'CodeBook');
  const codeList = codebook && childNamed(codebook, 'Codes');
  const sources = childNamed(project, 'Sources');
  const groups = [
    listedQuietly(project, 'Users', 'User'),
    listedQuietly(project, 'Variables', 'Variable'),
    sources ? sources.children.filter((child) => child.ns === sources.ns) : [],
    listedQuietly(project, 'Notes', 'Note'),
    codeList ? codes(codeList) : [],
  ];
  let shared = 0;
  for (const elements of groups) {
    const byGuid = new Map<string, XmlElement[]>();
    for (const element of elements) {
      const guid = guidKey(element.attrs.guid);
      if (!guid) continue;
      const same = byGuid.get(guid);
      if (same) same.push(element);
      else byGuid.set(guid, [element]);
    }
    for (const same of byGuid.values()) {
      if (same.length < 2) continue;
      shared++;
      const places = same.map((element) => ({ name: element.attrs.name?.trim() || element.attrs.id?.trim() || '?', where: report.where(element) }));
      // A TextSource and a PDFSource may share one too: both kinds are named.
      const kinds = [...new Set(same.map((element) => element.name))].join('/');
      report.about(same[1]!, report.say.duplicateGuid(kinds, same[0]!.attrs.guid!.trim(), places));
    }
  }
  return shared;
}

function listedQuietly(project: XmlElement, container: string, item: string): XmlElement[] {
  const list = childNamed(project, container);
  return list ? childrenNamed(list, item) : [];
}

/** The items of one of the project's lists (`Users` → each `User`), reporting any other element found in the list. */
function listed(project: XmlElement, container: string, item: string, report: ImportReport): XmlElement[] {
  const list = childNamed(project, container);
  if (!list) return [];
  report.unknownChildren(list, [item]);
  return childrenNamed(list, item);
}
