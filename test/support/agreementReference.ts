import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './paths.js';

/**
 * Agreement figures from independent implementations (scikit-learn,
 * statsmodels, NLTK under Debian's Python), through
 * test/support/agreementReference.py. Never skipped: without the Python
 * modules the test fails and says what to install.
 */

const PYTHON = '/usr/bin/python3';
const SCRIPT = path.join(ROOT, 'test', 'support', 'agreementReference.py');
const INSTALL = 'apt-get install python3-sklearn python3-statsmodels python3-nltk';

/** A reliability matrix: per unit, each coder's value (null: missing). */
export interface ReferenceVariable {
  name: string;
  coders: string[];
  units: (string | null)[][];
}

export interface ReferencePair {
  a: string;
  b: string;
  units: number;
  percent: number | null;
  kappa: number | null;
  alpha: number | null;
}

export interface ReferenceFigures {
  name: string;
  pairs: ReferencePair[];
  all: { units: number; percent: number | null; alpha: number | null; fleiss: number | null; equal: boolean };
  labels: string[];
}

/** `pythonOptions` only for the test that Python without the modules fails as it should (`-S`: no site packages). */
export function referenceFigures(variables: ReferenceVariable[], pythonOptions: string[] = []): ReferenceFigures[] {
  const run = spawnSync(PYTHON, [...pythonOptions, SCRIPT], { input: JSON.stringify({ variables }), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw new Error(`${PYTHON} could not be run (${run.error.message}): the agreement tests compare with scikit-learn, statsmodels and NLTK under Debian's Python. Install them with: ${INSTALL}`);
  if (run.status !== 0) throw new Error(`The Python reference failed (exit ${run.status}): ${run.stderr.trim()}${run.status === 3 ? '' : `\nIf modules are missing: ${INSTALL}`}`);
  return (JSON.parse(run.stdout) as { variables: ReferenceFigures[] }).variables;
}
