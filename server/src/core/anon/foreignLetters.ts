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
