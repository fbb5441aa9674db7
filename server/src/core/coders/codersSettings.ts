import { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { SettingsProblem } from '../anon/anonSettings.js';
import type { Locale } from '../i18n/messages.js';
import { suggest } from '../text/suggest.js';
import { codersMessagesFor } from './codersMessages.js';

/** What a project says about its coders: whose copy of a transcript counts when several coders coded it. */
export interface CodersSettings {
  /** Coders whose copy counts, first choice first (`fieldnotes.yaml`: `coders: { primary: [MT, AK] }`). */
  primary: readonly string[];
}

export const NO_CODERS_SETTINGS: CodersSettings = { primary: [] };

const KEYS = ['primary'] as const;

/**
 * Reads the `coders` section of `fieldnotes.yaml`:
 *
 *     coders:
 *       primary: [MT, AK]     # or one coder: primary: MT
 */
export function readCodersSettings(section: YamlNode | undefined, locale: Locale, problems: SettingsProblem[]): CodersSettings {
  const say = codersMessagesFor(locale);
  if (section === undefined || (isScalar(section) && section.value === null)) return NO_CODERS_SETTINGS;
  if (!isMap(section)) {
    problems.push({ node: section, message: say.settingsNotMapping });
    return NO_CODERS_SETTINGS;
  }
  for (const pair of section.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key !== undefined && !(KEYS as readonly string[]).includes(key)) problems.push({ node: pair.key as YamlNode, message: say.unknownSetting(key, suggest(key, KEYS)) });
  }
  const node = section.get('primary', true) as YamlNode | undefined;
  if (node === undefined || (isScalar(node) && node.value === null)) return NO_CODERS_SETTINGS;
  const items = isSeq(node) ? (node.items as YamlNode[]) : [node];
  const primary: string[] = [];
  for (const item of items) {
    if (isScalar(item) && (typeof item.value === 'string' || typeof item.value === 'number') && String(item.value).trim()) primary.push(String(item.value).trim());
    else problems.push({ node: item, message: say.primaryNotText });
  }
  return { primary };
}
