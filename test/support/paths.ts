import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (tests run from out/test/..., two levels below it). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const SAMPLES = path.join(ROOT, 'samples');
export const SAMPLE_CODEBOOK = path.join(SAMPLES, 'codebook.yaml');
export const CLI = path.join(ROOT, 'dist', 'fieldnotes.js');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');
