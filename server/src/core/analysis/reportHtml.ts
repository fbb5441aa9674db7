/// <reference lib="dom" />
// The page's own script (drawPage) runs in a browser, so this module alone sees the DOM's types.
import type { Locale } from '../i18n/messages.js';
import { poleColour } from '../codebook/poleColours.js';
import { pageWords, shownTables, type Report, type ShownTable } from './reportFormats.js';

export interface PageOptions {
  /** The charting library's sources (d3, then Observable Plot), inlined so the page works offline and can be shared as one file. */
  libraries: string[];
  /**
   * In the editor's webview: scripts carry this nonce (its content security
   * policy), clicking a segment asks the editor to open it, and a choice of
   * reading (the study, or one of `coders`) asks the editor for that page.
   */
  webview?: { nonce: string; cspSource: string; coders?: string[] };
  /** Where each note is, for the editor to open (by the note's name in the report). */
  noteUris?: Record<string, string>;
}

/** The colours of leans that are not a pole. */
const MIXED = '#9e9e9e';

/**
 * The analysis as one HTML page: a grid of cases × dimensions coloured by
 * lean with counts (drawn with Observable Plot), the tables, and what was
 * left out. The same page is `fieldnotes report --format html` and the
 * editor's "Show analysis" view; it follows the editor's theme there and
 * the system's light or dark scheme elsewhere.
 */
export function toHtml(report: Report, locale: Locale, options: PageOptions): string {
  const words = pageWords(locale);
  const shown = shownTables(report, locale);
  const grids = report.studies.map((study) => ({
    codebook: study.codebook,
    dimensions: study.dimensions,
    cases: study.cases.map((c) => c.case),
    approaches: Object.fromEntries(study.cases.map((c) => [c.case, study.poles.find((p) => p.id === c.approach)?.label ?? (c.approach === 'hybrid' ? words.hybrid : words.uncoded)])),
    cells: study.cases.flatMap((c) =>
      study.dimensions.map((d) => {
        const verdict = c.dimensions[d.id]!;
        const index = study.poles.findIndex((p) => p.id === verdict.lean);
        const pole = study.poles[index];
        const counts = study.poles.map((p) => verdict.counts[p.id] ?? 0);
        return {
          case: c.case,
          dimension: d.label,
          lean: verdict.lean,
          leanLabel: pole?.label ?? (verdict.lean === 'mixed' ? words.mixed : words.none),
          color: pole ? poleColour(pole.color, index) : verdict.lean === 'mixed' ? MIXED : 'transparent',
          label: verdict.lean === 'none' ? '' : counts.filter((n) => n > 0).join('/'),
          evidence: verdict.evidence.map((e) => ({ note: e.note, line: e.line, text: e.text, code: e.code, pole: e.pole, uri: options.noteUris?.[e.note] })),
        };
      }),
    ),
    poles: study.poles,
  }));
  const nonce = options.webview ? ` nonce="${options.webview.nonce}"` : '';
  const csp = options.webview
    ? `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${options.webview.cspSource} data:; style-src 'unsafe-inline'; script-src 'nonce-${options.webview.nonce}';">`
    : `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline';">`;
  const data = JSON.stringify({ grids, words, webview: !!options.webview }).replace(/</g, '\\u003c');
  const body = [
    `<h1>${escape(words.title)}</h1>`,
    ...(options.webview?.coders?.length ? [readingChoice(options.webview.coders, report.studies[0]?.coder, words)] : []),
    ...(shown.empty ? [`<p>${escape(shown.empty)}</p>`] : []),
    ...shown.studies.map(
      (study, i) =>
        `<section class="study"><h2>${escape(study.codebook)}</h2>${study.note ? `<p class="view">${escape(study.note)}</p>` : ''}${legend(grids[i]!.poles, words)}<div class="grid" id="grid-${i}"></div><p class="hint">${escape(words.clickCell)}</p><div class="segments" id="segments-${i}" aria-live="polite"></div>${study.tables.map(tableHtml).join('')}</section>`,
    ),
    shown.leftOut ? `<section>${tableHtml(shown.leftOut)}</section>` : `<section><h2>${escape(words.leftOutTitle)}</h2><p>${escape(shown.nothingLeftOut)}</p></section>`,
  ].join('\n');
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
${csp}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(words.title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
<script type="application/json" id="fieldnotes-data">${data}</script>
${options.libraries.map((source) => `<script${nonce}>${source.replace(/<\/script/gi, '<\\/script')}</script>`).join('\n')}
<script${nonce}>(${drawPage.toString()})();</script>
</body>
</html>
`;
}

/** The editor's choice of reading: the study as it counts, or one coder's notes. */
function readingChoice(coders: string[], chosen: string | undefined, words: { reading: string; studyReading: string }): string {
  const option = (value: string, label: string, selected: boolean) => `<option value="${escape(value)}"${selected ? ' selected' : ''}>${escape(label)}</option>`;
  return `<p class="reading"><label>${escape(words.reading)} <select id="reading">${[option('', words.studyReading, chosen === undefined), ...coders.map((c) => option(c, c, chosen === c))].join('')}</select></label></p>`;
}

/** What the grid's colours mean: each pole, mixed, and no evidence. */
function legend(poles: { id: string; label: string; color: string | undefined }[], words: { mixed: string; none: string }): string {
  const swatch = (colour: string, label: string) => `<span class="swatch"><span style="background:${colour}"></span>${escape(label)}</span>`;
  return `<p class="legend">${[...poles.map((p, i) => swatch(poleColour(p.color, i), p.label)), swatch(MIXED, words.mixed), swatch('transparent', words.none)].join('')}</p>`;
}

function tableHtml({ heading, head, rows }: ShownTable): string {
  return `<h3>${escape(heading)}</h3><div class="table"><table><thead><tr>${head.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table></div>`;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** In the editor, its theme's colours; elsewhere, the system's light or dark scheme. */
const STYLE = `
:root { color-scheme: light dark; }
body { font-family: var(--vscode-font-family, system-ui, sans-serif); font-size: var(--vscode-font-size, 14px); color: var(--vscode-foreground, CanvasText); background: var(--vscode-editor-background, Canvas); margin: 1.5em; max-width: 70em; }
h1 { font-size: 1.5em; } h2 { font-size: 1.25em; margin-top: 2em; } h3 { font-size: 1.05em; margin-top: 1.5em; }
.table { overflow-x: auto; }
table { border-collapse: collapse; margin: 0.5em 0; }
th, td { border: 1px solid var(--vscode-panel-border, color-mix(in srgb, currentColor 25%, transparent)); padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
th { background: color-mix(in srgb, currentColor 8%, transparent); }
.grid svg { overflow: visible; font-size: 12px; }
.grid rect { cursor: pointer; stroke: color-mix(in srgb, currentColor 30%, transparent); }
.grid g[aria-label="text"] { pointer-events: none; }
.grid rect:hover { stroke: currentColor; stroke-width: 2; }
.hint { opacity: 0.75; font-size: 0.9em; }
.view { font-style: italic; }
.legend { display: flex; gap: 1.2em; flex-wrap: wrap; }
.swatch span { display: inline-block; width: 1em; height: 1em; margin-right: 0.35em; vertical-align: -0.15em; border: 1px solid color-mix(in srgb, currentColor 30%, transparent); }
.segments ul { padding-left: 1.2em; } .segments li { margin: 0.3em 0; }
.segments a { color: var(--vscode-textLink-foreground, LinkText); cursor: pointer; }
.segments code { opacity: 0.8; }
`;

/**
 * The page's own script, run in the browser or the webview (serialised
 * with `toString`, so it must use nothing from this module): draws each
 * study's grid with Observable Plot and lists a cell's segments on click.
 */
function drawPage(): void {
  type Cell = { case: string; dimension: string; lean: string; leanLabel: string; color: string; label: string; evidence: { note: string; line: number; text: string; code: string; pole: string; uri?: string }[] };
  type Grid = { codebook: string; dimensions: { id: string; label: string }[]; cases: string[]; approaches: Record<string, string>; cells: Cell[] };
  const page = JSON.parse(document.getElementById('fieldnotes-data')!.textContent!) as { grids: Grid[]; words: { segment: string; segments: string }; webview: boolean };
  const Plot = (globalThis as unknown as { Plot: { plot(o: object): SVGElement; cell(d: Cell[], o: object): unknown; text(d: Cell[], o: object): unknown; axisX(o: object): unknown } }).Plot;
  const vscode = page.webview ? (globalThis as unknown as { acquireVsCodeApi(): { postMessage(m: unknown): void } }).acquireVsCodeApi() : undefined;
  const reading = document.getElementById('reading') as HTMLSelectElement | null;
  reading?.addEventListener('change', () => vscode?.postMessage({ type: 'reading', coder: reading.value || undefined }));
  page.grids.forEach((grid, i) => {
    const figure = Plot.plot({
      padding: 0.05,
      marginLeft: 190,
      marginTop: 56,
      marginBottom: 10,
      width: Math.max(480, 140 * grid.dimensions.length + 160),
      height: 40 + 36 * grid.cases.length,
      x: { domain: grid.dimensions.map((d) => d.label), axis: null },
      // Each case with its approach.
      y: { domain: grid.cases, label: null, tickSize: 0, tickFormat: (c: string) => `${c} · ${grid.approaches[c]}` },
      color: { type: 'identity' },
      marks: [
        // Long dimension names wrap instead of running into each other.
        Plot.axisX({ anchor: 'top', label: null, tickSize: 0, lineWidth: 11 }),
        Plot.cell(grid.cells, { x: 'dimension', y: 'case', fill: 'color', title: (c: Cell) => `${c.case} · ${c.dimension}: ${c.leanLabel}` }),
        Plot.text(grid.cells, { x: 'dimension', y: 'case', text: 'label', fill: (c: Cell) => (c.color === 'transparent' ? 'currentColor' : 'white'), fontWeight: 'bold' }),
      ],
    });
    const host = document.getElementById(`grid-${i}`)!;
    host.append(figure);
    const list = document.getElementById(`segments-${i}`)!;
    host.querySelectorAll('g[aria-label="cell"] rect').forEach((rect, index) => {
      const cell = grid.cells[index]!;
      rect.setAttribute('data-case', cell.case);
      rect.setAttribute('data-lean', cell.lean);
      rect.addEventListener('click', () => {
        list.replaceChildren();
        const heading = document.createElement('h3');
        heading.textContent = `${cell.case} · ${cell.dimension}: ${cell.leanLabel} (${cell.evidence.length} ${cell.evidence.length === 1 ? page.words.segment : page.words.segments})`;
        const items = document.createElement('ul');
        for (const e of cell.evidence) {
          const item = document.createElement('li');
          const where = document.createElement(vscode && e.uri ? 'a' : 'span');
          where.textContent = `${e.note}:${e.line}`;
          if (vscode && e.uri) where.addEventListener('click', () => vscode.postMessage({ type: 'open', uri: e.uri, line: e.line }));
          const code = document.createElement('code');
          code.textContent = ` #${e.code} `;
          item.append(where, code, document.createTextNode(`«${e.text}»`));
          items.append(item);
        }
        list.append(heading, items);
      });
    });
  });
}
