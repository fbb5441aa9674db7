/**
 * Deterministic generator of notes in the dialect, for the differential
 * test (block-wise parse = whole parse) and the benchmarks. Same kind,
 * size and seed give the same text.
 */

export type NoteKind = 'transcript' | 'listHeavy' | 'tricky';

export interface GeneratorCode {
  code: string;
  either: boolean;
}

/** The study codebook's codes, so generated notes check cleanly against samples/codebook.yaml. */
export const STUDY_CODES: GeneratorCode[] = [
  ['målgruppe/fra-ungdomsskolen', false],
  ['målgruppe/fra-16-vgs', true],
  ['målgruppe/over-18', false],
  ['kontaktvei/tilgjengelig-på-arenaer', false],
  ['kontaktvei/egen-henvendelse', false],
  ['kontaktvei/via-samarbeidspartnere', true],
  ['kontaktvei/via-foreldre', true],
  ['ansvar/bredt-ansvar-tett-samarbeid', false],
  ['ansvar/avgrenset-ansvar', false],
  ['ansvar/ansvar-i-sammenheng', true],
  ['forebygging/hindre-at-unge-kommer-til-nav', false],
  ['forebygging/generell-veiledning', false],
  ['forebygging/ikke-prioritert', false],
  ['forebygging/barn-i-familier', true],
].map(([code, either]) => ({ code: code as string, either: either as boolean }));

const WORDS = (
  'vi har jobbet med ungdommene lenge og det er mange som trenger hjelp tidlig skolen ringer oss når noen faller fra ' +
  'oppfølgingstjenesten barnevernet veilederen kontoret samarbeid møte foreldrene tiltak sommerjobb arbeidsgiver ' +
  'egentlig ganske ofte kanskje aldri alltid tett forebygging ansvar målgruppe henvendelse arenaer ungdomsskolen ' +
  'videregående økonomi bolig helse fritid klubben trygd aktivitet søknad avklaring ønsker prøver følger opp'
).split(' ');

/** mulberry32: small, fast, good enough for test data. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Seeded choices, for the generators' writers. */
export class Dice {
  readonly rand: () => number;
  constructor(seed: number) {
    this.rand = random(seed);
  }
  int(n: number): number {
    return Math.floor(this.rand() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  chance(p: number): boolean {
    return this.rand() < p;
  }
}

class Writer extends Dice {
  constructor(
    seed: number,
    readonly codes: GeneratorCode[],
  ) {
    super(seed);
  }
  words(min: number, max: number): string {
    const n = min + this.int(max - min + 1);
    return Array.from({ length: n }, () => this.pick(WORDS)).join(' ');
  }
  sentence(): string {
    const s = this.words(4, 14);
    return s.charAt(0).toUpperCase() + s.slice(1) + this.pick(['.', '.', '.', '?', '!']);
  }
  annotation(): string {
    const count = this.chance(0.2) ? 2 : 1;
    const codes = Array.from({ length: count }, () => this.pick(this.codes));
    const parts = codes.map((c) => '#' + c.code);
    if (codes.some((c) => c.either)) parts.push('evidence=' + this.pick(['proactive', 'reactive']));
    if (this.chance(0.15)) parts.push(`memo="${this.words(3, 8)}"`);
    return `{${parts.join(' ')}}`;
  }
  segment(): string {
    if (this.chance(0.1)) return `[${this.words(2, 4)} [${this.words(2, 4)}]${this.annotation()} ${this.words(1, 3)}]${this.annotation()}`;
    return `[${this.words(3, 12)}]${this.annotation()}`;
  }
  /** A paragraph of sentences, some coded, some with placeholders, wrapped over lines. */
  paragraph(): string {
    const parts: string[] = [];
    const n = 1 + this.int(5);
    for (let i = 0; i < n; i++) {
      const r = this.rand();
      if (r < 0.3) parts.push(this.segment() + '.');
      else if (r < 0.36) parts.push(`${this.sentence()} [${this.pick(['navn', 'skole', 'kommune', 'arbeidsgiver'])}] ${this.words(2, 5)}.`);
      else if (r < 0.4) parts.push(`Se \`[kode]{#x}\` og *${this.words(1, 3)}* her.`);
      else parts.push(this.sentence());
    }
    return parts.join(this.chance(0.3) ? '\n' : ' ');
  }
  frontMatter(n: number): string {
    return ['---', `id: generert-${n}`, 'kind: interview', `case: kommune-${n}`, `informant: NAV-leder ${n}`, 'attributes: { bakgrunn: Sosionom, ansatte: 25 }', 'coder: MT', 'date: 2021-04-12', '---', ''].join('\n');
  }
}

function transcriptBlock(w: Writer, speaker: number): string {
  const r = w.rand();
  if (r < 0.35) return `**I:** ${w.sentence()}`;
  if (r < 0.75) {
    const body = `**NAV-leder ${speaker}:** ${w.paragraph()}`;
    return w.chance(0.2) ? `${body}\n${w.annotation()}` : body;
  }
  if (r < 0.82) return w.paragraph();
  if (r < 0.88) return `> [!${w.pick(['MEMO', 'REVIEW] veileder'])}\n> ${w.sentence()} ${w.chance(0.5) ? w.segment() : ''}`;
  if (r < 0.93) return `> ${w.sentence()}\n> ${w.sentence()}\n${w.annotation()}`;
  if (r < 0.97) return `## ${w.words(2, 4)}`;
  return `- ${w.words(3, 8)}\n  ${w.annotation()}\n- ${w.words(3, 8)}`;
}

/**
 * Short bullet lists between one-sentence paragraphs, blank lines between:
 * the shape on which bare remark-parse grows faster than linearly
 * (about 0.25 s for 25 KB and 0.8 s for 100 KB on our machines).
 */
function listHeavyBlock(w: Writer): string {
  const items = 2 + w.int(3);
  const list = Array.from({ length: items }, () => `- ${w.chance(0.15) ? w.segment() : w.words(2, 4)}`).join('\n');
  return `${list}\n\n${w.chance(0.2) ? w.segment() + '.' : w.sentence()}`;
}

/** Constructs that stress where a note may be cut: fences, HTML, lists, lazy lines, odd line endings. */
function trickyBlock(w: Writer): string {
  switch (w.int(18)) {
    case 0:
      return '```\n' + `${w.segment()}\n\nUten innrykk ${w.words(2, 4)}\n\n${w.words(2, 4)}\n` + '```';
    case 1:
      return '~~~~ tekst\n' + `~~~\n\n${w.segment()}\n` + '~~~~~';
    case 2:
      return `- ${w.words(2, 5)}\n\n  \`\`\`\n  ${w.words(2, 4)}\n\n  ${w.segment()}\n  \`\`\``;
    case 3:
      return `<!--\n${w.words(3, 6)}\n\n${w.segment()}\n\n-->`;
    case 4:
      return `<pre>\n\n${w.segment()}\n\n</pre>`;
    case 5:
      return `    ${w.segment()}\n\n    ${w.words(2, 5)}`;
    case 6:
      return `> ${w.words(3, 6)}\n${w.words(2, 5)} ${w.segment()}\n> ${w.words(2, 4)}\n${w.annotation()}`;
    case 7:
      return `- ${w.words(2, 5)}\n  - ${w.segment()}\n    ${w.words(2, 4)}\n    ${w.annotation()}\n- ${w.words(2, 4)}`;
    case 8:
      return `[${w.pick(['navn', 'ref', 'kilde'])}]: http://example.org/${w.int(100)}\n\nSe [${w.pick(['navn', 'ref', 'kilde'])}] og ${w.segment()}`;
    case 9:
      return `${w.words(3, 6)}\n${w.pick(['===', '---'])}`;
    case 10:
      return `---\n\n${w.paragraph()}`;
    case 11:
      return `😀 Blåbær ${w.segment()} ${w.pick(['[ord]{#kontaktvei/egen-henvendelse', 'ord]{#ansvar/avgrenset-ansvar}', '{#målgruppe/over-18} her', '[ord]{#feil/kode}'])}`;
    case 12:
      return `\t${w.words(2, 4)}\n\n${w.words(2, 4)}\t${w.segment()}`;
    case 13:
      return `1. ${w.words(2, 4)}\n\n   ${w.segment()}\n\n2) ${w.words(2, 4)}`;
    case 14:
      return `<div>\n${w.segment()}\n</div>`;
    case 15:
      // A memo that swallows the next line (lazy continuation), at the top level or in a list item.
      return `> [!${w.pick(['MEMO', 'REVIEW] veileder'])}\n> ${w.sentence()}\n**NAV-leder 7:** ${w.segment()}\n${w.words(2, 5)}`;
    case 16:
      return `- ${w.words(2, 4)}\n\n  > [!MEMO]\n  > ${w.sentence()}\n  ${w.words(2, 5)} ${w.segment()}\n- ${w.words(2, 4)}`;
    default:
      return transcriptBlock(w, 7);
  }
}

/** A note of about `size` characters. */
export function generateNote(kind: NoteKind, size: number, seed: number, codes: GeneratorCode[] = STUDY_CODES): string {
  const w = new Writer(seed, codes);
  const blocks: string[] = [w.frontMatter(seed % 100)];
  let length = blocks[0]!.length;
  while (length < size) {
    const block = kind === 'transcript' ? transcriptBlock(w, seed % 100) : kind === 'listHeavy' ? listHeavyBlock(w) : trickyBlock(w);
    blocks.push(block);
    length += block.length + 2;
  }
  let text = blocks.join('\n\n') + '\n';
  if (kind === 'tricky' && seed % 3 === 1) text = text.replace(/\n/g, '\r\n');
  if (kind === 'tricky' && seed % 7 === 2) text = text.replace(/\n/g, '\r');
  return text;
}

const EDIT_INSERTS = ['e', ' ', '\n', '\n\n', '[', ']', '{', '}', '#', '```\n', '<!--\n', '-->', '> ', '- ', '    ', '---\n', '**I:** '];

/** One small edit at a random place: insert, delete or replace a character, or insert a structural piece. */
export function randomEdit(text: string, seed: number): string {
  const w = new Writer(seed, STUDY_CODES);
  const at = w.int(text.length + 1);
  switch (w.int(4)) {
    case 0:
      return text.slice(0, at) + text.slice(at + 1);
    case 1:
      return text.slice(0, at) + w.pick(WORDS).charAt(0) + text.slice(at + 1);
    case 2:
      return text.slice(0, at) + w.pick(EDIT_INSERTS) + text.slice(at);
    default: {
      // Type inside an annotation, where edits matter most.
      const brace = text.indexOf(']{', at);
      const place = brace < 0 ? at : brace + 2 + w.int(6);
      return text.slice(0, place) + w.pick(['x', '#', ' ', '}', '"']) + text.slice(place);
    }
  }
}
