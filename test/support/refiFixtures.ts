/*
 * Hand-written REFI-QDA fixtures, shared by the import suites.
 */

export const NS = 'urn:QDA-XML:project:1.0';

/** A GUID from a small number, so fixtures stay readable. */
export const g = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A project with one code, `Tema` (GUID `g(10)`), around the given sources. */
export const project = (sources: string, rest = '') => `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="${NS}" name="P">
  <CodeBook><Codes><Code guid="${g(10)}" name="Tema" isCodable="true"/></Codes></CodeBook>
  <Sources>
${sources}
  </Sources>${rest}
</Project>`;
