import { ErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';

/*
 * What each request's parameters must hold before the service is asked.
 * A client may send anything; a request whose parameters do not fit is
 * answered "invalid params" (-32602) with what it takes, instead of
 * failing inside the service as an internal error (-32603).
 */

type Check = (params: unknown) => boolean;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string';
const isOptionalText = (value: unknown) => value === undefined || isText(value);
const isUri = (value: unknown) => isText(value) && value.length > 0;
const isCount = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;
const isPosition = (value: unknown) => isObject(value) && isCount(value.line) && isCount(value.character);
const isRange = (value: unknown) => isObject(value) && isPosition(value.start) && isPosition(value.end);

const hasDocument: Check = (p) => isObject(p) && isObject(p.textDocument) && isUri(p.textDocument.uri);
const atPosition: Check = (p) => hasDocument(p) && isPosition((p as { position?: unknown }).position);
const hasUri: Check = (p) => isObject(p) && isUri(p.uri);

/** Each request's check, and what its parameters hold, for the error's message. */
export const PARAMS = {
  position: { check: atPosition, takes: '{ textDocument: { uri }, position: { line, character } }' },
  references: {
    check: (p: unknown) => atPosition(p) && isObject((p as { context?: unknown }).context) && typeof (p as { context: { includeDeclaration?: unknown } }).context.includeDeclaration === 'boolean',
    takes: '{ textDocument: { uri }, position: { line, character }, context: { includeDeclaration } }',
  },
  rename: { check: (p: unknown) => atPosition(p) && isText((p as { newName?: unknown }).newName), takes: '{ textDocument: { uri }, position: { line, character }, newName }' },
  codeAction: {
    check: (p: unknown) => hasDocument(p) && isRange((p as { range?: unknown }).range) && isObject((p as { context?: unknown }).context) && Array.isArray((p as { context: { diagnostics?: unknown } }).context.diagnostics) && (p as { context: { diagnostics: unknown[] } }).context.diagnostics.every(isObject),
    takes: '{ textDocument: { uri }, range, context: { diagnostics: [...] } }',
  },
  document: { check: hasDocument, takes: '{ textDocument: { uri } }' },
  workspaceSymbol: { check: (p: unknown) => isObject(p) && isText(p.query), takes: '{ query }' },
  executeCommand: { check: (p: unknown) => isObject(p) && isText(p.command) && (p.arguments === undefined || Array.isArray(p.arguments)), takes: '{ command, arguments? }' },
  uri: { check: hasUri, takes: '{ uri }' },
  codeSelection: {
    check: (p: unknown) => hasUri(p) && isRange((p as { range?: unknown }).range) && isText((p as { code?: unknown }).code) && isOptionalText((p as { evidence?: unknown }).evidence),
    takes: '{ uri, range, code, evidence? }',
  },
  compareCoder: { check: (p: unknown) => hasUri(p) && isUri((p as { otherUri?: unknown }).otherUri), takes: '{ uri, otherUri }' },
  analysisPage: {
    check: (p: unknown) => isObject(p) && isText(p.nonce) && isText(p.cspSource) && isOptionalText(p.coder),
    takes: '{ nonce, cspSource, coder? }',
  },
  evidenceTree: {
    check: (p: unknown) =>
      p === undefined || p === null || (isObject(p) && isOptionalText(p.case) && isOptionalText(p.coder) && (p.parent === undefined || (isObject(p.parent) && isText(p.parent.dimension) && isText(p.parent.code) && isOptionalText(p.parent.pole)))),
    takes: '{ case?, coder?, parent?: { dimension, code, pole? } }',
  },
} satisfies Record<string, { check: Check; takes: string }>;

/** A handler that first checks its parameters and answers -32602 when they do not fit. */
export function checked<P, R>(
  method: string,
  params: { check: Check; takes: string },
  handler: (params: P, token: CancellationToken) => R,
): (params: P, token: CancellationToken) => R | ResponseError<void> {
  return (given, token) => (params.check(given) ? handler(given, token) : new ResponseError<void>(ErrorCodes.InvalidParams, `${method} takes ${params.takes}`));
}
