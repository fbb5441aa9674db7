import { v5 as uuidv5 } from 'uuid';
import { EITHER } from '../codebook/codebook.js';
import { poleColour } from '../codebook/poleColours.js';

/**
 * What Fieldnotes writes into REFI-QDA files beyond the standard's own
 * elements, written once for the export and the import, so that a
 * Fieldnotes project read back becomes the notes it came from. Every
 * convention is plain text another tool shows as it is.
 */

export const PROJECT_NS = 'urn:QDA-XML:project:1.0';
export const CODEBOOK_NS = 'urn:QDA-XML:codebook:1.0';

/** The `origin` attribute's first word on files Fieldnotes writes; the import treats such sources as Markdown. */
export const ORIGIN_PREFIX = 'Fieldnotes';

export function originOf(version: string): string {
  return `${ORIGIN_PREFIX} ${version}`;
}

export function isFieldnotesOrigin(origin: string | undefined): boolean {
  return origin !== undefined && (origin === ORIGIN_PREFIX || origin.startsWith(ORIGIN_PREFIX + ' '));
}

/**
 * The namespace of every GUID Fieldnotes derives. GUIDs are UUID v5 of a
 * kind and a key (`code:målgruppe/over-18`), so exporting the same study
 * twice gives the same GUIDs and another tool can match a re-import to
 * what it already has.
 */
const NAMESPACE = '6f1c2b52-95d4-4d5e-9f0c-2a6b3f1e8d47';

export type GuidKind = 'code' | 'dimension' | 'pole' | 'user' | 'case' | 'variable' | 'source' | 'selection' | 'coding' | 'note' | 'project';

export function stableGuid(kind: GuidKind, key: string): string {
  return uuidv5(`${kind}:${key.normalize('NFC')}`, NAMESPACE);
}

/**
 * A code's description ends with the line a coder types for it, so the
 * import recovers ids and evidence that the standard has no place for:
 * `{#målgruppe/over-18 evidence=reactive}` for a variation, `{#målgruppe}`
 * for a dimension.
 */
export function codeTag(code: string, evidence: string | undefined): string {
  return `{#${code}${evidence ? ` evidence=${evidence}` : ''}}`;
}

export const CODE_TAG = /(?:^|\n)\{#([^\s{}]+)(?: evidence=([^\s{}]+))?\}\s*$/u;

/** The description of a pole's set of codes ends with `{pole=proactive}`. */
export function poleTag(pole: string): string {
  return `{pole=${pole}}`;
}

export const POLE_TAG = /(?:^|\n)\{pole=([^\s{}]+)\}\s*$/u;

/** A description without its trailing tag line (the readable part another tool shows). */
export function withoutTag(description: string, tag: RegExp): string {
  return description.replace(tag, '').trim();
}

/** Codes of `either` variations: a neutral grey, since their pole is read per segment. */
export const EITHER_COLOUR = '#9e9e9e';

/**
 * The colour a variation's code gets without a `color` of its own: its
 * pole's (the codebook's, else the editor's colour for it), grey for
 * `either`, none without evidence. The import keeps a code's colour only
 * where it differs from this, so a codebook read back is the one exported.
 */
export function evidenceColour(evidence: string | undefined, poles: readonly { id: string; color?: string | undefined }[]): string | undefined {
  if (evidence === EITHER) return EITHER_COLOUR;
  const index = poles.findIndex((pole) => pole.id === evidence);
  return index < 0 ? undefined : poleColour(poles[index]!.color, index);
}

/** Obsidian's fold marker after a callout's type: `+` open, `-` folded (a resolved review). */
export type CalloutFold = '' | '+' | '-';

/**
 * A memo or review comment becomes a REFI `Note` named by its callout's
 * marker line, `[!MEMO] title` or `[!REVIEW]- veileder (resolved)`; a
 * segment's `memo="..."` becomes a note named `memo`.
 */
export function calloutNoteName(kind: 'memo' | 'review', title: string, fold: CalloutFold = ''): string {
  return `[!${kind.toUpperCase()}]${fold}${title ? ` ${title}` : ''}`;
}

/** Groups: the type, the fold marker, the title. */
export const CALLOUT_NOTE_NAME = /^\[!(MEMO|REVIEW)\]([+-]?)(?:[ \t]+(.*))?$/u;

export const SEGMENT_MEMO_NOTE_NAME = 'memo';

/**
 * A selection's `Description` holds what the dialect says of the segment
 * beyond its codes and memo, as space-separated words: the coder's
 * `evidence=proactive`, and `block` for a block code (`{#code}` on the
 * line under a paragraph, quote or list item), so that the import writes
 * the segment back as the coder did. The standard has no place for either.
 */
export function selectionDescription(evidence: string | undefined, block: boolean): string | undefined {
  const words = [...(evidence !== undefined ? [`evidence=${evidence}`] : []), ...(block ? ['block'] : [])];
  return words.length ? words.join(' ') : undefined;
}

/** The words of `selectionDescription`, or undefined when the description is anything else (another tool's comment). */
export function readSelectionDescription(description: string): { evidence: string | undefined; block: boolean } | undefined {
  let evidence: string | undefined;
  let block = false;
  for (const word of description.trim().split(/\s+/)) {
    if (word === 'block' && !block) block = true;
    else if (word.startsWith('evidence=') && word.length > 9 && evidence === undefined) evidence = word.slice(9);
    else return undefined;
  }
  return evidence !== undefined || block ? { evidence, block } : undefined;
}

/** Front-matter keys the schema knows that are stored as variables on a note's source; any other key of the note's own goes there too. */
export const SOURCE_FRONT_MATTER_KEYS = ['id', 'kind', 'informant', 'date', 'title', 'language', 'status'] as const;

/** Front-matter keys that are not the note's variables: they become users, cases and their attributes, or mean nothing elsewhere (`codebook`). */
export const NOT_SOURCE_VARIABLES = ['case', 'coder', 'attributes', 'codebook'] as const;

/**
 * Front-matter keys that tell of one coder's copy of a transcript rather
 * than of the transcript: a source holds the counted copy's, so the import
 * writes them into that copy's note only, not into the other coders'.
 */
export const COPY_FRONT_MATTER_KEYS = ['status', 'consensus'] as const;
