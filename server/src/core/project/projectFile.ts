import { isMap, type Node as YamlNode } from 'yaml';
import { NO_ANON_SETTINGS, readAnonSettings, type AnonProject, type SettingsProblem } from '../anon/anonSettings.js';
import type { Diagnostic } from '../checks/diagnostic.js';
import { NO_CODERS_SETTINGS, readCodersSettings, type CodersSettings } from '../coders/codersSettings.js';
import type { Messages } from '../i18n/messages.js';
import { readYaml, spanOfNode } from '../yaml/yamlSource.js';

/** The project's own file, beside the notes (in their folder or a folder above). */
export const PROJECT_FILE = 'fieldnotes.yaml';

/** What `fieldnotes.yaml` says, section by section; each section's meaning lives with the module it concerns. */
export interface Project {
  anonymization: AnonProject;
  coders: CodersSettings;
}

export const NO_PROJECT: Project = { anonymization: NO_ANON_SETTINGS, coders: NO_CODERS_SETTINGS };

export interface LoadedProject {
  project: Project;
  /** Problems in the file, at their place in it; what could be read is still used. */
  diagnostics: Diagnostic[];
}

/** Reads `fieldnotes.yaml` (see docs/anonymization.md and docs/coders.md for its sections). */
export function loadProject(text: string, msg: Messages): LoadedProject {
  const source = readYaml(text);
  const diagnostics: Diagnostic[] = source.errors.map((e) => ({ span: e.span, severity: 'error', code: 'config/invalid', message: msg.projectYaml(e.reason) }));
  const problems: SettingsProblem[] = [];
  const root = source.doc.contents;
  const section = (key: string) => (isMap(root) ? (root.get(key, true) as YamlNode | undefined) : undefined);
  const project = {
    anonymization: readAnonSettings(section('anonymization'), msg, problems),
    coders: readCodersSettings(section('coders'), msg.locale, problems),
  };
  for (const { node, message } of problems) diagnostics.push({ span: spanOfNode(source, node) ?? { start: 0, end: 0 }, severity: 'error', code: 'config/invalid', message });
  return { project, diagnostics };
}
