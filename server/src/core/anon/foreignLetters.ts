/**
 * Whether a word is spelled with a Latin letter that Norwegian and English
 * words are not (`Á`, `ễ`, `ł`, `ş`, `ö`): in notes in those languages,
 * such a word is a name. The accents of common loanwords (`café`, `à`,
 * `fôr`) and Norwegian's own letters do not count.
 */
export function hasForeignLetters(word: string): boolean {
  // Most words are letters of the two languages' alphabets: told by their codes, without an expression.
  let plain = true;
  for (let i = 0; i < word.length && plain; i++) {
    const c = word.charCodeAt(i);
    plain = c < 0x80 || c === 0xe6 || c === 0xf8 || c === 0xe5 || c === 0xc6 || c === 0xd8 || c === 0xc5 || c === 0x2019;
  }
  // Other alphabets' letters and accents (`й` is `и` with a breve) say nothing of the kind.
  if (plain || /[^\p{Script=Latin}\p{M}'’-]/u.test(word)) return false;
  for (const c of word.normalize('NFD').replace(HOME_ACCENTS, '')) {
    const code = c.charCodeAt(0);
    if ((code >= 0x300 && code <= 0x36f) || FOREIGN_LETTERS.has(c)) return true;
  }
  return false;
}

/** Accents of common loanwords and Norwegian letters, decomposed: `é`, `è`, `ê`, `ô`, `à`, `å`. */
const HOME_ACCENTS = /(?<=[eE])[\u0301\u0300\u0302]|(?<=[oO])\u0302|(?<=[aA])[\u0300\u030a]/gu;
/** Latin letters that do not decompose into a letter and an accent. */
const FOREIGN_LETTERS = new Set([...'łŁđĐŋŊŧŦıßðÐþÞħĦ']);

/**
 * Whether a word is spelled the way no Norwegian word is, in letters both
 * languages have (`Nhung`, `Tharsika`, `Abdiqani`, `Niillas`, `Callum`,
 * `Sarah`): how a name from elsewhere shows at a sentence start, where its
 * capital says nothing. English words are spelled so too (`Thanks`,
 * `Could`); the caller leaves those to the English word list.
 */
export function hasForeignSpelling(word: string): boolean {
  // Norwegian's own letters make a word Norwegian, a name or not (`Thøgersen`).
  if (word.length < 3 || !/^\p{Lu}\p{Ll}+$/u.test(word) || /[æøå]/u.test(word)) return false;
  // A compound's parts meet at any letters (`Ungdomshuset`, `Rådhus`): inside a long word, only letters and pairs no
  // Norwegian word has at all count.
  const lower = word.toLowerCase().replace(/het/g, '-');
  return (
    FOREIGN_START.test(word) ||
    FOREIGN_ANYWHERE.test(lower) ||
    (word.length <= 8 && FOREIGN_C.test(lower)) ||
    (word.length <= 7 && FOREIGN_INSIDE_SHORT.test(lower)) ||
    FOREIGN_END.test(lower)
  );
}

/** Beginnings no Norwegian word has (`Ng`, `Th`, `Kw`, `Z`). */
const FOREIGN_START = /^(?:Nh|Ng|Mb|Nd|Nk|Ts|Tz|Dz|Zh|Kh|Gh|Dh|Th|Sh|Ch|Ph|Wh|Bh|Jh|Kw|Gw|Mw|Q|X|Z|W|C(?![ae]|i[rt]))/u;
/**
 * Letters and pairs no Norwegian word has anywhere (`q`, `w`, `z`, `aa`, `oo`, `ou`), but for the borrowed `ko-o`
 * (`Koordinatoren`) and `journal` (`Journalutdrag`, `Journalføring`, as case files are named).
 */
const FOREIGN_ANYWHERE = /[qwxz]|aa|ii|(?<!^k)oo|uu|yy|(?<!^j)ou(?!rnal)|^jou(?!rnal)/u;
/** A `c` of its own, which Norwegian borrows only in compounds with English words (`Gruppechatten`). */
const FOREIGN_C = /c(?!k)/u;
/** Pairs a short Norwegian word does not have, though a compound may (`Ayesha`, `Rasha`, `Mukhtar`). */
const FOREIGN_INSIDE_SHORT = /[aeiouy](?:sh|kh|th|ph|zh)/u;
/** Endings no Norwegian word has (`Sarah`, `Abdullah`). */
const FOREIGN_END = /.{2}[aeiou]h$/u;
