import { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { Diagnostic } from '../checks/diagnostic.js';
import type { Messages } from '../i18n/messages.js';
import { readYaml, spanOfNode, type YamlSource } from '../yaml/yamlSource.js';

/** The project's own file, beside the notes (in their folder or a folder above). */
export const PROJECT_FILE = 'fieldnotes.yaml';

/** What a project says about anonymization: words it allows, and how its pseudonyms look. */
export interface AnonProject {
  /** Words and names never flagged, exactly as written (`Sametinget`, `Erna Solberg`). */
  allow: ReadonlySet<string>;
  /** The study's pseudonyms, as whole-match regular expressions (`Informant [A-Z]`, `Elev \d+`). */
  pseudonyms: RegExp[];
}

export const NO_PROJECT: AnonProject = { allow: new Set(), pseudonyms: [] };

export interface LoadedProject {
  project: AnonProject;
  /** Problems in the file, at their place in it; what could be read is still used. */
  diagnostics: Diagnostic[];
}

/**
 * Reads `fieldnotes.yaml`:
 *
 *     anonymization:
 *       allow: [Sametinget, Erna Solberg]
 *       pseudonyms: ['Informant [A-Z]', 'Elev \d+']
 */
export function loadProject(text: string, msg: Messages): LoadedProject {
  const source = readYaml(text);
  const diagnostics: Diagnostic[] = source.errors.map((e) => ({ span: e.span, severity: 'error', code: 'config/invalid', message: msg.projectYaml(e.reason) }));
  const allow = new Set<string>();
  const pseudonyms: RegExp[] = [];
  const root = source.doc.contents;
  const anonymization = isMap(root) ? (root.get('anonymization', true) as YamlNode | undefined) : undefined;
  if (anonymization !== undefined && !isMap(anonymization)) diagnostics.push(problem(source, anonymization, msg.projectNotMapping('anonymization')));
  if (isMap(anonymization)) {
    for (const [key, into] of [
      ['allow', (value: string) => allow.add(value.normalize('NFC'))],
      ['pseudonyms', (value: string, node: YamlNode) => {
        try {
          pseudonyms.push(new RegExp(`^(?:${value})$`, 'u'));
        } catch (error) {
          diagnostics.push(problem(source, node, msg.projectPattern(value, (error as Error).message)));
        }
      }],
    ] as const) {
      const list = anonymization.get(key, true) as YamlNode | undefined;
      if (list === undefined) continue;
      if (!isSeq(list)) {
        diagnostics.push(problem(source, list, msg.projectNotList(key)));
        continue;
      }
      for (const item of list.items as YamlNode[]) {
        if (isScalar(item) && (typeof item.value === 'string' || typeof item.value === 'number')) into(String(item.value), item);
        else diagnostics.push(problem(source, item, msg.projectNotText(key)));
      }
    }
  }
  return { project: { allow, pseudonyms }, diagnostics };
}

function problem(source: YamlSource, node: YamlNode | undefined, message: string): Diagnostic {
  return { span: spanOfNode(source, node) ?? { start: 0, end: 0 }, severity: 'error', code: 'config/invalid', message };
}

/** Whether the project allows these words: listed, or a pseudonym that starts here and covers them. */
export function allowedByProject(project: AnonProject, text: string, start: number, end: number): boolean {
  const words = text.slice(start, end).normalize('NFC');
  if (project.allow.has(words)) return true;
  if (!project.pseudonyms.length) return false;
  // A pseudonym may reach past the finding (`Informant B` when only `Informant` was flagged); try the rest of the line.
  const line = text.slice(start, Math.min(text.length, start + 80)).split(/\r?\n/, 1)[0]!;
  for (const pattern of project.pseudonyms) {
    for (let length = line.length; length >= end - start; length--) {
      if (pattern.test(line.slice(0, length))) return true;
    }
  }
  return false;
}
