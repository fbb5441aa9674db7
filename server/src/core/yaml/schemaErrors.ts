import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Diagnostic, DiagnosticCode } from '../checks/diagnostic.js';
import type { Messages } from '../i18n/messages.js';
import { suggest } from '../text/suggest.js';
import * as generated from './validators.generated.js';
import { documentSpan, nodeAt, pointerPath, spanOfKey, spanOfNode, type YamlSource } from './yamlSource.js';

/**
 * The schemas' validators, compiled ahead of time (`scripts/build-validators.mjs`):
 * compiling them at start-up cost every start 50 ms.
 */
export const validateCodebook = generated.validateCodebook as ValidateFunction;
export const validateFrontMatter = generated.validateFrontMatter as ValidateFunction;

/**
 * Turns JSON Schema errors into diagnostics at the YAML node they concern,
 * in plain words. `describe` names the place an instance path points to
 * ("the variation `x` of `y`").
 */
export function schemaDiagnostics(
  errors: ErrorObject[],
  source: YamlSource,
  code: DiagnosticCode,
  msg: Messages,
  describe: (path: (string | number)[]) => string,
  allowedKeys: (path: (string | number)[]) => string[],
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const path = pointerPath(error.instancePath);
    const where = describe(path);
    const nodeSpan = spanOfNode(source, nodeAt(source, path)) ?? documentSpan(source);
    let span = nodeSpan;
    let message: string;
    switch (error.keyword) {
      case 'required':
        message = msg.codebookRequired(where, String(error.params.missingProperty));
        break;
      case 'type':
        message = msg.codebookType(where, msg.typeName(String(error.params.type)));
        break;
      case 'enum':
        message = msg.codebookEnum(where, (error.params.allowedValues as unknown[]).map(String));
        break;
      case 'additionalProperties': {
        const key = String(error.params.additionalProperty);
        span = spanOfKey(source, path, key) ?? nodeSpan;
        const suggestions = suggest(key, allowedKeys(path));
        message = msg.codebookUnknownProperty(where, key) + msg.didYouMean(suggestions);
        break;
      }
      case 'pattern': {
        const value = String(nodeAt(source, path)?.toJSON?.() ?? '');
        // Ids and colours are the codebook's only patterns.
        message = path.at(-1) === 'color' ? msg.codebookColour(where, value) : msg.codebookIdPattern(value);
        break;
      }
      case 'propertyNames': {
        const key = String(error.params.propertyName);
        span = spanOfKey(source, path, key) ?? nodeSpan;
        message = msg.codebookIdPattern(key);
        break;
      }
      case 'minItems':
        message = msg.codebookEmptyList(where);
        break;
      default:
        message = `${where}: ${error.message ?? error.keyword}`;
    }
    const key = `${span.start}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push({ span, severity: 'error', code, message });
  }
  return diagnostics;
}
