import { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { Messages } from '../i18n/messages.js';

/** What a project says about anonymization: words it allows, and how its pseudonyms look. */
export interface AnonProject {
  /** Words and names never flagged, exactly as written (`Sametinget`, `Erna Solberg`). */
  allow: ReadonlySet<string>;
  /** The study's pseudonyms, as whole-match regular expressions (`Informant [A-Z]`, `Elev \d+`). */
  pseudonyms: RegExp[];
}

export const NO_ANON_SETTINGS: AnonProject = { allow: new Set(), pseudonyms: [] };

/** A problem in `fieldnotes.yaml`, at the node it concerns. */
export interface SettingsProblem {
  node: YamlNode | undefined;
  message: string;
}

/**
 * Reads the `anonymization` section of `fieldnotes.yaml`:
 *
 *     anonymization:
 *       allow: [Sametinget, Erna Solberg]
 *       pseudonyms: ['Informant [A-Z]', 'Elev \d+']
 */
export function readAnonSettings(section: YamlNode | undefined, msg: Messages, problems: SettingsProblem[]): AnonProject {
  const allow = new Set<string>();
  const pseudonyms: RegExp[] = [];
  if (section === undefined) return { allow, pseudonyms };
  if (!isMap(section)) {
    problems.push({ node: section, message: msg.projectNotMapping('anonymization') });
    return { allow, pseudonyms };
  }
  for (const [key, into] of [
    ['allow', (value: string) => allow.add(value.normalize('NFC'))],
    ['pseudonyms', (value: string, node: YamlNode) => {
      try {
        pseudonyms.push(new RegExp(`^(?:${value})$`, 'u'));
      } catch (error) {
        problems.push({ node, message: msg.projectPattern(value, (error as Error).message) });
      }
    }],
  ] as const) {
    const list = section.get(key, true) as YamlNode | undefined;
    if (list === undefined) continue;
    if (!isSeq(list)) {
      problems.push({ node: list, message: msg.projectNotList(key) });
      continue;
    }
    for (const item of list.items as YamlNode[]) {
      if (isScalar(item) && (typeof item.value === 'string' || typeof item.value === 'number')) into(String(item.value), item);
      else problems.push({ node: item, message: msg.projectNotText(key) });
    }
  }
  return { allow, pseudonyms };
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
