/**
 * Names in Cyrillic written again in Latin letters, or the other way
 * round (`Богдан` and `Bohdan`, `Олена` and `Olena`): a note about a
 * Ukrainian or Russian family quotes their messages in their own script
 * and names them in Latin letters, and the message's name sits at a
 * sentence start, where its capital says nothing.
 *
 * Both spellings come down to one loose key, forgiving the ways Ukrainian,
 * Russian and English transliterate (`г` as `h` or `g`, `и` as `y` or `i`,
 * `Yuliia` and `Yulia`): good enough to say that a word is a name the note
 * already confirms, never to find a name on its own.
 */
export function looseLatinKey(word: string): string {
  return collapse(
    word
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/shch|sch/g, 's')
      .replace(/kh|zh|ts|tch|ch|sh/g, (pair) => LATIN_PAIRS[pair]!)
      .replace(/[gyjwxq]/g, (letter) => LATIN_LETTERS[letter]!),
  );
}

/** The key of a word in Cyrillic letters; undefined for any other word. */
export function looseCyrillicKey(word: string): string | undefined {
  let key = '';
  for (const letter of word.toLowerCase()) {
    const latin = CYRILLIC[letter];
    if (latin === undefined) return undefined;
    key += latin;
  }
  return collapse(key);
}

/** Whether a word starts with a Cyrillic letter. */
export const isCyrillic = (word: string): boolean => {
  const code = word.charCodeAt(0);
  return code >= 0x400 && code <= 0x4ff;
};

/** The keys of a Cyrillic word as a name and declined (`Богдана`, `Богданові`): its key and that key less up to three letters. */
export function cyrillicNameKeys(word: string): string[] {
  const key = looseCyrillicKey(word);
  if (!key || key.length < 3) return [];
  const keys = [key];
  for (let cut = 1; cut <= 3 && key.length - cut >= 4; cut++) keys.push(key.slice(0, -cut));
  return keys;
}

const collapse = (key: string) => key.replace(/(.)\1+/g, '$1');

const LATIN_PAIRS: Record<string, string> = { kh: 'h', zh: 'z', ts: 'c', tch: 'c', ch: 'c', sh: 's' };
const LATIN_LETTERS: Record<string, string> = { g: 'h', y: 'i', j: 'i', w: 'v', x: 'ks', q: 'k' };

/** Ukrainian and Russian letters, each as the loose key's letters. */
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'h', д: 'd', е: 'e', є: 'ie', ж: 'z', з: 'z', и: 'i', і: 'i', ї: 'i', й: 'i', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'c', ч: 'c', ш: 's', щ: 's', ь: '', ъ: '',
  ю: 'iu', я: 'ia', ы: 'i', э: 'e', ё: 'io', "'": '', '’': '', '-': '-',
};
