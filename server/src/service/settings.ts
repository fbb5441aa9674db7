import picomatch from 'picomatch';
import { pathInFolder } from './uriPaths.js';
import type { Severity } from '../core/checks/diagnostic.js';
import type { SeverityOverrides } from './diagnostics.js';

/** The `fieldnotes` settings section, as editors send it (every key optional, values unchecked). */
export interface RawSettings {
  codebook?: unknown;
  diagnosticsDelay?: unknown;
  severity?: unknown;
  exclude?: unknown;
}

export interface Settings {
  /** A codebook for every note (a path, relative to the first workspace folder), instead of looking for one. */
  codebook: string | undefined;
  /** How long typing must pause before diagnostics are recomputed, in milliseconds. */
  diagnosticsDelay: number;
  severity: SeverityOverrides;
  /** Globs (relative to a workspace folder) of notes to leave out: templates, drafts, raw transcripts. */
  exclude: string[];
}

export const DEFAULT_SETTINGS: Settings = { codebook: undefined, diagnosticsDelay: 50, severity: {}, exclude: [] };

const SEVERITIES = new Set<Severity | 'off'>(['error', 'warning', 'information', 'hint', 'off']);

/** Settings from whatever the editor sent: wrong types fall back to the defaults rather than break the server. */
export function readSettings(raw: RawSettings | null | undefined): Settings {
  const severity: SeverityOverrides = {};
  if (raw?.severity && typeof raw.severity === 'object') {
    for (const [code, value] of Object.entries(raw.severity as Record<string, unknown>)) {
      if (typeof value === 'string' && SEVERITIES.has(value as Severity)) severity[code] = value as Severity | 'off';
    }
  }
  const delay = Number(raw?.diagnosticsDelay);
  return {
    codebook: typeof raw?.codebook === 'string' && raw.codebook.trim() ? raw.codebook.trim() : undefined,
    diagnosticsDelay: Number.isFinite(delay) && delay >= 0 && delay <= 5000 ? delay : DEFAULT_SETTINGS.diagnosticsDelay,
    severity,
    exclude: Array.isArray(raw?.exclude) ? raw.exclude.filter((g): g is string => typeof g === 'string' && g.trim() !== '').map((g) => g.trim()) : [],
  };
}

/**
 * Whether a file is excluded by the `exclude` globs, matched against its
 * path inside each workspace folder (`drafts/**`, `**\/mal-*.fn.md`).
 */
export function exclusion(globs: string[], folderUris: string[]): (uri: string) => boolean {
  if (!globs.length) return () => false;
  const matches = picomatch(globs, { dot: true });
  return (uri) =>
    folderUris.some((folder) => {
      const inside = pathInFolder(uri, folder);
      return !!inside && matches(inside);
    });
}
