import { positionTable, type Counting } from './positions.js';

/**
 * Which counting a tool used for one source's positions. The standard
 * counts code points, but some tools count UTF-16 units or take `\r\n` as
 * one character. NVivo and ATLAS.ti put the selected words in a
 * selection's `name`, so the counting under which most names match the
 * text at their positions is the one the tool used; code points win ties.
 */
export interface NamedRange {
  name: string | undefined;
  start: number;
  end: number;
}

export function chooseCounting(raw: string, selections: NamedRange[]): Counting {
  const named = selections.filter((s) => s.name && comparable(s.name).length > 0 && s.start >= 0 && s.end > s.start);
  if (!named.length) return 'code-points';
  const candidates: Counting[] = ['code-points'];
  if (/[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(raw)) candidates.push('utf16');
  if (raw.includes('\r\n')) candidates.push('crlf-as-one');
  let best: Counting = 'code-points';
  let bestScore = -1;
  for (const counting of candidates) {
    const table = positionTable(raw, counting);
    const score = named.filter((s) => s.end < table.length && nameMatches(s.name!, raw.slice(table[s.start]!, table[s.end]!))).length;
    if (score > bestScore) {
      best = counting;
      bestScore = score;
    }
    if (score === named.length) break;
  }
  return best;
}

function comparable(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The name is the selected words, maybe cut short with an ellipsis (tools shorten long names). */
export function nameMatches(name: string, selected: string): boolean {
  const wanted = comparable(name);
  const actual = comparable(selected);
  if (wanted === actual) return true;
  const shortened = /^(.*?)(?:…|\.\.\.)$/su.exec(wanted);
  if (shortened && shortened[1]!.trim().length >= 3) return actual.startsWith(shortened[1]!.trim());
  return wanted.length >= 20 && actual.startsWith(wanted);
}
