/**
 * Fieldnotes' own LSP requests, written once and imported by both the
 * server and the VS Code client: each method name bound to its parameter
 * and result types. No runtime import, so the client and the server may
 * use different versions of the LSP libraries.
 */
import type { Range, TextEdit } from 'vscode-languageserver-types';

export interface Request<Params, Result> {
  method: string;
  /** Carries the types only; never set. */
  types?: [Params, Result];
}

/** A code the user can pick in "Code selection". */
export interface PickableCode {
  code: string;
  label: string;
  dimension: string;
  dimensionLabel: string;
  description: string | undefined;
  /** The pole's label, or undefined for an `either` variation (the user is asked). */
  poleLabel: string | undefined;
  /** True when the coder must give `evidence=` for this code. */
  needsReading: boolean;
}

export interface PoleChoice {
  id: string;
  label: string;
}

export const CodesRequest: Request<CodesParams, CodesResult> = { method: 'fieldnotes/codes' };
export interface CodesParams {
  uri: string;
}
export interface CodesResult {
  codes: PickableCode[];
  poles: PoleChoice[];
}

export const CodeSelectionRequest: Request<CodeSelectionParams, CodeSelectionResult> = { method: 'fieldnotes/codeSelection' };
export interface CodeSelectionParams {
  uri: string;
  range: Range;
  code: string;
  /** The coder's reading, for a code that needs one. */
  evidence?: string;
}
/** The edits to make, or a message saying why the selection cannot be coded. */
export type CodeSelectionResult = { edits: TextEdit[] } | { message: string };
