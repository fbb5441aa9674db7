import type { Locale } from '../i18n/messages.js';
import type { SeparateCopy } from './coderCopies.js';

/**
 * Why a coder's copy of a transcript went into a REFI-QDA project as a
 * text of its own, and what to do: the same sentence for the command line
 * and the editor. `shown` names a copy by its source name as the user
 * sees the file.
 */
export function separateCopyMessage(copy: SeparateCopy, shown: (sourceName: string) => string, locale: Locale): string {
  const [mine, theirs] = [shown(copy.name), shown(copy.counted)];
  const word = (w: string | undefined, nb: boolean) => (w === undefined ? (nb ? 'slutten' : 'the end') : `“${w}”`);
  if (locale === 'nb') {
    const head = `${mine} ble eksportert som en egen tekst, ikke som en annen koders koding av ${theirs}`;
    switch (copy.reason) {
      case 'words-differ':
        return `${head}: ordene er ikke de samme (${word(copy.at.copyWord, true)} på linje ${copy.at.copyLine} mot ${word(copy.at.countedWord, true)} på linje ${copy.at.countedLine} i ${theirs}). Rett transkripsjonen i begge kopiene, eller gi det andre intervjuet sin egen id.`;
      case 'coded-callout':
        return `${head}: den koder ord i et memo eller en kommentar (linje ${copy.line}), og teksten er ikke lik. Flytt kodingen til transkripsjonen, eller gjør kopiene like.`;
      case 'no-coder':
        return `${head}: den sier ikke hvem som kodet den. Legg til \`coder:\` i front matter.`;
      case 'same-coder':
        return `${head}: den har samme koder (${copy.coder}) som en annen kopi. Fjern den gamle kopien, eller gi den riktig \`coder\`.`;
    }
  }
  const head = `${mine} was exported as a text of its own, not as another coder's coding of ${theirs}`;
  switch (copy.reason) {
    case 'words-differ':
      return `${head}: the words are not the same (${word(copy.at.copyWord, false)} at line ${copy.at.copyLine} against ${word(copy.at.countedWord, false)} at line ${copy.at.countedLine} of ${theirs}). Correct the transcript in both copies, or give the other interview its own id.`;
    case 'coded-callout':
      return `${head}: it codes words inside a memo or review comment (line ${copy.line}) and its text differs. Move that coding into the transcript, or make the copies the same.`;
    case 'no-coder':
      return `${head}: it does not say who coded it. Add \`coder:\` to its front matter.`;
    case 'same-coder':
      return `${head}: it has the same coder (${copy.coder}) as another copy. Remove the old copy, or give it its right \`coder\`.`;
  }
}
