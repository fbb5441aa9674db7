import { promises as fs } from 'node:fs';

/**
 * The analysis page's charting library (d3 and Observable Plot), which the
 * build copies beside the bundle (`dist/vendor`): read by the CLI and the
 * language server, both of which are that bundle. Undefined when missing.
 */
export async function chartLibraries(): Promise<string[] | undefined> {
  try {
    return await Promise.all(['d3.min.js', 'plot.umd.min.js'].map((name) => fs.readFile(new URL(`./vendor/${name}`, import.meta.url), 'utf8')));
  } catch {
    return undefined;
  }
}
