import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { FIXTURES } from './paths.js';

export const REFI_SCHEMAS = path.join(FIXTURES, 'refi-qda');

/**
 * Validates XML against one of the REFI-QDA schemas with Debian's xmllint:
 * the reference validator the standard's README names. Returns xmllint's
 * complaints, empty when the file is valid.
 */
export function schemaErrors(xml: string, schema: 'Project.xsd' | 'Codebook.xsd'): string[] {
  const run = spawnSync('xmllint', ['--noout', '--schema', path.join(REFI_SCHEMAS, schema), '-'], { input: xml, encoding: 'utf8' });
  if (run.error) throw new Error(`xmllint could not run (${run.error.message}). Install it: apt-get install libxml2-utils (.ci/run does).`);
  if (run.status === 0) return [];
  return run.stderr.split('\n').filter((line) => line && !/fails to validate$/.test(line));
}
