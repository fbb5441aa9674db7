// The codebooks are found by the workspace engine (`service/workspace.ts`); the name lives with the notes' in `discover.ts`.
// Kept for `service/workspace.ts`'s import until that file can import it from `discover.ts`; then delete this file.
export { CODEBOOK_FILE } from './discover.js';
