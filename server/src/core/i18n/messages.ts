/**
 * Every user-facing sentence the core produces, in English and Norwegian
 * Bokmål. Both catalogs implement one interface, so a message missing in
 * one language is a compile error rather than a blank in the Problems panel.
 */
export type Locale = 'en' | 'nb';

export interface Messages {
  locale: Locale;
  list(items: string[]): string;
  didYouMean(suggestions: string[]): string;

  unclosedAnnotation(): string;
  unopenedAnnotation(): string;
  unclosedQuote(): string;
  invalidAttribute(text: string): string;
  unknownAttribute(key: string): string;
  duplicateAttribute(key: string): string;
  strayCode(): string;
  orphanBlockCode(): string;

  unknownCode(id: string, codebook: string): string;
  dimensionOnly(dimension: string, variations: string[]): string;
  missingEvidence(id: string, poles: string[]): string;
  invalidEvidence(value: string, poles: string[]): string;
  evidenceConflict(value: string, id: string, pole: string): string;
  redundantEvidence(id: string, pole: string): string;
  emptySegment(): string;
  noCode(): string;
  duplicateCode(id: string): string;
  unknownCallout(type: string): string;
  /** `lines` right under a memo or review comment, without its `>`, that Markdown reads as part of it. */
  calloutLazyContinuation(kind: 'memo' | 'review', lines: number): string;
  fixLazyBlankLine(kind: 'memo' | 'review', lines: number): string;
  fixLazyIntoCallout(kind: 'memo' | 'review', lines: number): string;
  /** A line that opens block quotes and lists inside each other far deeper than Markdown is read. */
  nestedTooDeep(columns: number, lines: number): string;

  frontmatterUnclosed(): string;
  frontmatterYaml(reason: string): string;
  /** The reason given when a YAML text's aliases would repeat its anchors without end. */
  yamlTooManyAliases(): string;
  frontmatterNotMapping(): string;
  frontmatterType(key: string, expected: string): string;
  frontmatterEnum(key: string, allowed: string[]): string;
  frontmatterDate(key: string): string;
  frontmatterCodebookMissing(path: string): string;

  codebookNotFound(): string;
  /** The editor's progress bar while every note is checked. */
  progressChecking(): string;
  projectYaml(reason: string): string;
  chartLibraryMissing(): string;
  notReviewed(status: string | undefined): string;
  reviewOpen(reviewer: string, text: string): string;
  compareWordsDiffer(other: string, index: number, mine: string, theirs: string): string;
  compareNotFound(other: string): string;
  fixResolveReview(): string;
  projectNotMapping(key: string): string;
  projectNotList(key: string): string;
  projectNotText(key: string): string;
  projectPattern(pattern: string, reason: string): string;
  settingsCodebookMissing(path: string): string;
  codebookYaml(reason: string): string;
  codebookRequired(where: string, property: string): string;
  codebookType(where: string, expected: string): string;
  codebookEnum(where: string, allowed: string[]): string;
  codebookUnknownProperty(where: string, property: string): string;
  codebookIdPattern(value: string): string;
  /** `where` is the place's field phrase (`the field \`color\` of …`). */
  codebookColour(where: string, value: string): string;
  codebookEmptyList(where: string): string;
  codebookDuplicateDimension(id: string, line: number): string;
  codebookDuplicateVariation(id: string, dimension: string, line: number): string;
  codebookUnknownPole(value: string, poles: string[]): string;
  codebookNoPoles(value: string): string;
  codebookReservedPole(): string;

  /** `code` is the system's error code (ENOENT, EACCES, ...). */
  fileUnreadable(code: string): string;
  fileNotText(): string;
  fileNotUtf8(line: number): string;
  fileTooLarge(sizeMb: string, limitMb: string): string;

  typeName(type: string): string;
  hoverUnknown(id: string): string;
  renameTaken(id: string): string;
  outlineWithoutReading(): string;
  selectionAlreadyCoded(code: string): string;
  selectionEmpty(): string;
  selectionAcrossParagraphs(): string;
  selectionCutsSegment(): string;
  fixReplace(text: string): string;
  fixAddEvidence(pole: string, label: string): string;
  fixPlaceholder(words: string, placeholder: string): string;
  fixPseudonymEverywhere(words: string, pseudonym: string, keyFile: string): string;
  fixAllow(words: string, projectFile: string): string;
  fixDismissHere(words: string, marker: string): string;
  keyWritten(keyFile: string, gitignore: boolean): string;
  fixAddToCodebook(code: string): string;
  hoverPole(pole: string): string;
  hoverEither(reading: string | undefined): string;
  hoverCount(count: number): string;
  hoverCountedCount(count: number): string;
  hoverCoderCount(coder: string, count: number): string;
  whereCodebook(): string;
  wherePole(id: string): string;
  whereDimension(id: string): string;
  whereVariation(id: string, dimension: string): string;
  whereField(key: string, where: string): string;
  whereItem(position: number, where: string): string;
}

/** Capitalises the first letter, for a sentence that starts with a `where` phrase. */
export function sentence(s: string): string {
  return s.charAt(0) === '`' ? s : s.charAt(0).toUpperCase() + s.slice(1);
}

const quote = (s: string) => '`' + s + '`';

export const en: Messages = {
  locale: 'en',
  list: (items) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`),
  didYouMean: (s) => (s.length ? ` Did you mean ${en.list(s.map(quote))}?` : ''),

  unclosedAnnotation: () => 'This code annotation is never closed: add `}` after its last code.',
  unopenedAnnotation: () => 'These codes close a segment that was never opened: put `[` before the first word you code.',
  unclosedQuote: () => 'This quoted value is never closed: add `"` at its end.',
  invalidAttribute: (text) =>
    `${quote(text)} is neither a code nor an attribute: write codes as \`#dimension/variation\` and attributes as \`name=value\`.`,
  unknownAttribute: (key) => `${quote(key)} is not an attribute of the dialect, which knows \`evidence\` and \`memo\`.`,
  duplicateAttribute: (key) => `${quote(key)} is given twice in this annotation: keep one.`,
  strayCode: () =>
    'These codes are not attached to any words: put the words in square brackets right before them, like `[words]{#code}`, or move the codes to their own line directly under the block they code.',
  orphanBlockCode: () =>
    'This code line codes nothing: put it on the line directly under the paragraph, block quote or list item it codes, with no blank line between.',

  unknownCode: (id, codebook) => `Unknown code ${quote('#' + id)}: it is not in the codebook ${codebook}. Fix the spelling or add the code to the codebook.`,
  dimensionOnly: (dimension, variations) =>
    `${quote('#' + dimension)} is a dimension, not a code: code with one of its variations, ${en.list(variations.map((v) => quote('#' + dimension + '/' + v)))}.`,
  missingEvidence: (id, poles) =>
    `${quote('#' + id)} can count either way: add ${en.list(poles.map((p) => quote('evidence=' + p)))} to say how this segment counts.`,
  invalidEvidence: (value, poles) =>
    poles.length
      ? `${quote('evidence=' + value)} is not a pole of the codebook: use ${en.list(poles.map(quote))}.`
      : `${quote('evidence=' + value)} has no meaning here: the codebook declares no poles, so remove it.`,
  evidenceConflict: (value, id, pole) =>
    `${quote('evidence=' + value)} contradicts ${quote('#' + id)}, which the codebook counts as ${pole}: remove \`evidence=\` or choose another code.`,
  redundantEvidence: (id, pole) => `\`evidence=\` is not needed: the codebook already counts ${quote('#' + id)} as ${pole}.`,
  emptySegment: () => 'This coded segment holds no words: put the words you code between the brackets.',
  noCode: () => 'This annotation has no code: add one, like `#dimension/variation`.',
  duplicateCode: (id) => `${quote('#' + id)} is given twice in this annotation: remove one.`,
  unknownCallout: (type) => `${quote('[!' + type + ']')} is not a callout the dialect knows: use \`[!MEMO]\` or \`[!REVIEW]\`.`,
  calloutLazyContinuation: (kind, lines) => {
    const what = kind === 'memo' ? 'the memo above' : 'the review comment above';
    return lines === 1
      ? `This line has no \`>\`, yet Markdown reads it as part of ${what} (lazy continuation: a line right under a paragraph continues it), so a speaker label or code on it belongs to the ${kind === 'memo' ? 'memo' : 'comment'}, not to the transcript. If it is transcript, put a blank line before it; if it belongs to the ${kind === 'memo' ? 'memo' : 'comment'}, start it with \`>\`.`
      : `These ${lines} lines have no \`>\`, yet Markdown reads them as part of ${what} (lazy continuation: a line right under a paragraph continues it), so speaker labels and codes on them belong to the ${kind === 'memo' ? 'memo' : 'comment'}, not to the transcript. If they are transcript, put a blank line before them; if they belong to the ${kind === 'memo' ? 'memo' : 'comment'}, start each with \`>\`.`;
  },
  fixLazyBlankLine: (kind, lines) =>
    `Insert a blank line before ${lines === 1 ? 'this line (it is' : 'these lines (they are'} not part of the ${kind === 'memo' ? 'memo' : 'review comment'})`,
  fixLazyIntoCallout: (kind, lines) => `Make ${lines === 1 ? 'this line' : `these ${lines} lines`} part of the ${kind === 'memo' ? 'memo' : 'review comment'} (\`> \`)`,
  nestedTooDeep: (columns, lines) =>
    `${lines === 1 ? 'This line opens' : `This line and the ${lines - 1} after it open`} block quotes or lists inside each other more than ${columns} characters deep, so Fieldnotes reads the rest of ${lines === 1 ? 'its' : 'their'} \`>\` and list markers as plain text (reading them all would take minutes). If the nesting is not meant, remove the extra \`>\`, \`-\` or numbers; codes on ${lines === 1 ? 'this line' : 'these lines'} are still read.`,

  frontmatterUnclosed: () => 'The front matter is never closed: add a line `---` after its last entry.',
  frontmatterYaml: (reason) => `The front matter is not valid YAML: ${reason}`,
  yamlTooManyAliases: () =>
    'its aliases (`*name`) repeat its anchors (`&name`) so many times that reading it could fill the memory. Write the values out instead of repeating them through aliases.',
  frontmatterNotMapping: () => 'The front matter must be a list of `key: value` lines.',
  frontmatterType: (key, expected) => `${quote(key)} in the front matter must be ${expected}.`,
  frontmatterEnum: (key, allowed) => `${quote(key)} in the front matter must be ${en.list(allowed.map(quote))}.`,
  frontmatterDate: (key) => `${quote(key)} in the front matter must be a date written YYYY-MM-DD, like 2021-04-12.`,
  frontmatterCodebookMissing: (path) => `The codebook ${quote(path)} named in the front matter does not exist: fix the path or remove the line.`,

  projectYaml: (reason) => `fieldnotes.yaml is not valid YAML: ${reason}`,
  compareWordsDiffer: (other, index, mine, theirs) =>
    `${other} does not have the same words as this note, so the codings cannot be compared: word ${index} is “${mine}” here but “${theirs}” there. Make the transcripts the same first.`,
  compareNotFound: (other) => `${other} could not be read as a note.`,
  reviewOpen: (reviewer, text) => `Review comment${reviewer ? ` from ${reviewer}` : ''}: “${text}” Answer it, then mark it resolved.`,
  fixResolveReview: () => 'Mark this review comment resolved',
  notReviewed: (status) =>
    status === undefined
      ? 'This note has no `status`, so it has not been reviewed: when your supervisor has reviewed it, add `status: reviewed` to its front matter.'
      : `This note's status is \`${status}\`, not \`reviewed\`: when your supervisor has reviewed it, set \`status: reviewed\`.`,
  chartLibraryMissing: () => 'The analysis cannot be drawn: its chart library is missing beside the language server (dist/vendor). Reinstall the extension, or run npm run build in the clone.',
  projectNotMapping: (key) => `${quote(key)} in fieldnotes.yaml must hold \`key: value\` lines, like \`allow:\` and \`pseudonyms:\`.`,
  projectNotList: (key) => `${quote(key)} in fieldnotes.yaml must be a list, like \`${key}: [Sametinget, Bodø]\`.`,
  projectNotText: (key) => `Each entry of ${quote(key)} in fieldnotes.yaml must be text: write it as a word or in quotes.`,
  projectPattern: (pattern, reason) => `The pseudonym pattern ${quote(pattern)} is not a valid regular expression (${reason}): fix it, or quote special characters with \\.`,
  progressChecking: () => 'Fieldnotes: checking the notes',
  codebookNotFound: () =>
    'No codebook found for this note: put `codebook.yaml` in its folder or a folder above it, or name one in the front matter (`codebook: path`). Codes are not checked until then.',
  settingsCodebookMissing: (path) => `The codebook ${quote(path)} set in the settings (fieldnotes.codebook) cannot be read: fix the setting or the file.`,
  codebookYaml: (reason) => `The codebook is not valid YAML: ${reason}`,
  codebookRequired: (where, property) => `${sentence(where)} has no ${quote(property)}: add it.`,
  codebookType: (where, expected) => `${sentence(where)} must be ${expected}.`,
  codebookEnum: (where, allowed) => `${sentence(where)} must be ${en.list(allowed.map(quote))}.`,
  codebookUnknownProperty: (where, property) => `${sentence(where)} has ${quote(property)}, which a codebook does not use: check the spelling or remove it.`,
  codebookIdPattern: (value) =>
    `${quote(value)} cannot be an id: ids hold letters, digits, \`-\`, \`_\` and \`.\` only (no spaces, \`/\` or \`#\`).`,
  codebookColour: (where, value) => `${sentence(where)} is ${quote(value)}, which is not a colour: write it as \`#\` and six hexadecimal digits, like \`#2e7d32\`.`,
  codebookEmptyList: (where) => `${sentence(where)} is empty: add at least one entry.`,
  codebookDuplicateDimension: (id, line) => `The dimension ${quote(id)} is declared twice (first on line ${line}): give each dimension its own id.`,
  codebookDuplicateVariation: (id, dimension, line) =>
    `The variation ${quote(id)} is declared twice in ${quote(dimension)} (first on line ${line}): give each variation its own id.`,
  codebookUnknownPole: (value, poles) => `${quote(value)} is not a declared pole: use ${en.list([...poles, 'either'].map(quote))}, or declare it under \`poles\`.`,
  codebookNoPoles: (value) => `${quote('evidence: ' + value)} needs a pole, but the codebook declares none: add a \`poles\` section.`,
  codebookReservedPole: () => '`either` cannot be a pole: it is the word for a variation the coder reads per segment.',

  fileUnreadable: (code) =>
    `This file cannot be read: ${({ ENOENT: 'it does not exist, or is a broken link', EACCES: 'permission denied', EPERM: 'permission denied', EISDIR: 'it is a folder', ENOTFILE: 'it is a device or pipe, not a file', ELOOP: 'a link points to itself' } as Record<string, string>)[code] ?? code}. Check the path and its permissions.`,
  fileNotText: () => 'This is not a text file: notes must be plain text (UTF-8).',
  fileNotUtf8: (line) => `This file is not UTF-8 text (first bad byte on line ${line}): save it as UTF-8 and check again.`,
  fileTooLarge: (size, limit) => `This file is ${size} MB, more than the ${limit} MB a note may be: split it into several notes.`,

  typeName: (type) =>
    ({ string: 'text', object: 'a list of `key: value` entries', array: 'a list', number: 'a number', integer: 'a whole number', boolean: 'true or false' })[type] ?? type,
  hoverUnknown: (id) => `${quote('#' + id)} is not in the codebook.`,
  renameTaken: (id) => `${quote(id)} is already in the codebook: choose another name.`,
  fixReplace: (text) => `Change to ${quote(text)}`,
  outlineWithoutReading: () => 'Without an evidence reading',
  selectionAlreadyCoded: (code) => `This segment already has ${quote('#' + code)}.`,
  selectionEmpty: () => 'Select the words you want to code first.',
  selectionAcrossParagraphs: () => 'A coded segment stays within one paragraph: select words in one paragraph, or put a block code under the block.',
  selectionCutsSegment: () => 'The selection cuts through a coded segment: select all of it, or words inside it.',
  fixAddEvidence: (pole, label) => `Add evidence=${pole} (${label})`,
  fixPlaceholder: (words, placeholder) => `Replace ${quote(words)} with ${placeholder}`,
  fixPseudonymEverywhere: (words, pseudonym, keyFile) => `Replace ${quote(words)} with ${pseudonym} in every note (the key goes in ${keyFile})`,
  fixAllow: (words, projectFile) => `Allow ${quote(words)}: it identifies no one (adds it to ${projectFile})`,
  fixDismissHere: (words, marker) => `Keep ${quote(words)} here only: it identifies no one in this place (adds ${marker} after it)`,
  keyWritten: (keyFile, gitignore) =>
    `The real names behind the pseudonyms are kept in ${keyFile}${gitignore ? ', and .gitignore now keeps it out of Git' : ''}. Never share it or put it in a shared folder or an archive: it undoes the anonymization.`,
  fixAddToCodebook: (code) => `Add ${quote(code)} to the codebook`,
  hoverPole: (pole) => `Evidence: **${pole}**`,
  hoverEither: (reading) => (reading ? `Evidence: either way; here read as **${reading}**` : 'Evidence: either way; give `evidence=` for this segment'),
  hoverCount: (count) => (count === 1 ? '1 segment in the workspace has this code' : `${count} segments in the workspace have this code`),
  hoverCountedCount: (count) => `${count === 1 ? '1 segment in the workspace has' : `${count} segments in the workspace have`} this code, counting one copy of each transcript that several coders coded`,
  hoverCoderCount: (coder, count) => `In ${coder}’s notes, this copy’s coder: ${count === 1 ? '1 segment' : `${count} segments`}`,
  whereCodebook: () => 'the codebook',
  wherePole: (id) => `the pole ${quote(id)}`,
  whereDimension: (id) => `the dimension ${quote(id)}`,
  whereVariation: (id, dimension) => `the variation ${quote(id)} of ${quote(dimension)}`,
  whereField: (key, where) => `${quote(key)} in ${where}`,
  whereItem: (position, where) => `entry ${position} in ${where}`,
};

export const nb: Messages = {
  locale: 'nb',
  list: (items) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} eller ${items.at(-1)}`),
  didYouMean: (s) => (s.length ? ` Mente du ${nb.list(s.map(quote))}?` : ''),

  unclosedAnnotation: () => 'Denne kodeannotasjonen lukkes aldri: legg til `}` etter den siste koden.',
  unopenedAnnotation: () => 'Disse kodene lukker et segment som aldri ble åpnet: sett `[` foran det første ordet du koder.',
  unclosedQuote: () => 'Denne verdien i anførselstegn lukkes aldri: legg til `"` på slutten.',
  invalidAttribute: (text) =>
    `${quote(text)} er verken en kode eller et attributt: skriv koder som \`#dimensjon/variasjon\` og attributter som \`navn=verdi\`.`,
  unknownAttribute: (key) => `${quote(key)} er ikke et attributt i dialekten, som kjenner \`evidence\` og \`memo\`.`,
  duplicateAttribute: (key) => `${quote(key)} står to ganger i denne annotasjonen: behold én.`,
  strayCode: () =>
    'Disse kodene er ikke knyttet til noen ord: sett ordene i hakeparentes rett foran, som `[ord]{#kode}`, eller flytt kodene til en egen linje rett under blokken de koder.',
  orphanBlockCode: () =>
    'Denne kodelinjen koder ingenting: sett den på linjen rett under avsnittet, sitatblokken eller listepunktet den koder, uten tom linje imellom.',

  unknownCode: (id, codebook) => `Ukjent kode ${quote('#' + id)}: den finnes ikke i kodeboken ${codebook}. Rett skrivemåten eller legg koden til i kodeboken.`,
  dimensionOnly: (dimension, variations) =>
    `${quote('#' + dimension)} er en dimensjon, ikke en kode: kod med en av variasjonene, ${nb.list(variations.map((v) => quote('#' + dimension + '/' + v)))}.`,
  missingEvidence: (id, poles) =>
    `${quote('#' + id)} kan telle begge veier: legg til ${nb.list(poles.map((p) => quote('evidence=' + p)))} for å si hvordan dette segmentet teller.`,
  invalidEvidence: (value, poles) =>
    poles.length
      ? `${quote('evidence=' + value)} er ikke en pol i kodeboken: bruk ${nb.list(poles.map(quote))}.`
      : `${quote('evidence=' + value)} betyr ingenting her: kodeboken har ingen poler, så fjern det.`,
  evidenceConflict: (value, id, pole) =>
    `${quote('evidence=' + value)} strider mot ${quote('#' + id)}, som kodeboken regner som ${pole}: fjern \`evidence=\` eller velg en annen kode.`,
  redundantEvidence: (id, pole) => `\`evidence=\` trengs ikke: kodeboken regner allerede ${quote('#' + id)} som ${pole}.`,
  emptySegment: () => 'Dette kodede segmentet har ingen ord: sett ordene du koder mellom hakeparentesene.',
  noCode: () => 'Denne annotasjonen har ingen kode: legg til en, som `#dimensjon/variasjon`.',
  duplicateCode: (id) => `${quote('#' + id)} står to ganger i denne annotasjonen: fjern den ene.`,
  unknownCallout: (type) => `${quote('[!' + type + ']')} er ikke en merknadstype dialekten kjenner: bruk \`[!MEMO]\` eller \`[!REVIEW]\`.`,
  calloutLazyContinuation: (kind, lines) => {
    const what = kind === 'memo' ? 'memoet' : 'kommentaren';
    return lines === 1
      ? `Denne linjen har ingen \`>\`, men Markdown leser den likevel som en del av ${what} over («lazy continuation»: en linje rett under et avsnitt hører til avsnittet), så et talernavn eller en kode på linjen hører til ${what}, ikke til transkripsjonen. Er linjen transkripsjon, sett inn en tom linje foran den; hører den til ${what}, begynn den med \`>\`.`
      : `Disse ${lines} linjene har ingen \`>\`, men Markdown leser dem likevel som en del av ${what} over («lazy continuation»: en linje rett under et avsnitt hører til avsnittet), så talernavn og koder på dem hører til ${what}, ikke til transkripsjonen. Er de transkripsjon, sett inn en tom linje foran dem; hører de til ${what}, begynn hver av dem med \`>\`.`;
  },
  fixLazyBlankLine: (kind, lines) =>
    `Sett inn en tom linje foran ${lines === 1 ? 'denne linjen (den' : 'disse linjene (de'} hører ikke til ${kind === 'memo' ? 'memoet' : 'kommentaren'})`,
  fixLazyIntoCallout: (kind, lines) => `Gjør ${lines === 1 ? 'denne linjen' : `disse ${lines} linjene`} til en del av ${kind === 'memo' ? 'memoet' : 'kommentaren'} (\`> \`)`,
  nestedTooDeep: (columns, lines) =>
    `${lines === 1 ? 'Denne linjen åpner' : `Denne linjen og de ${lines - 1} neste åpner`} sitatblokker eller lister inni hverandre mer enn ${columns} tegn dypt, så Fieldnotes leser resten av \`>\`- og listemerkene som vanlig tekst (å lese alle ville ta minutter). Er nestingen ikke ment, fjern de ekstra \`>\`, \`-\` eller tallene; koder på ${lines === 1 ? 'linjen' : 'disse linjene'} leses fortsatt.`,

  frontmatterUnclosed: () => 'Forsiden (front matter) lukkes aldri: legg til en linje `---` etter siste oppføring.',
  frontmatterYaml: (reason) => `Forsiden (front matter) er ikke gyldig YAML: ${reason}`,
  yamlTooManyAliases: () =>
    'aliasene (`*navn`) gjentar ankrene (`&navn`) så mange ganger at lesingen kunne fylle minnet. Skriv verdiene ut i stedet for å gjenta dem med aliaser.',
  frontmatterNotMapping: () => 'Forsiden (front matter) må bestå av linjer på formen `nøkkel: verdi`.',
  frontmatterType: (key, expected) => `${quote(key)} i forsiden må være ${expected}.`,
  frontmatterEnum: (key, allowed) => `${quote(key)} i forsiden må være ${nb.list(allowed.map(quote))}.`,
  frontmatterDate: (key) => `${quote(key)} i forsiden må være en dato på formen ÅÅÅÅ-MM-DD, som 2021-04-12.`,
  frontmatterCodebookMissing: (path) => `Kodeboken ${quote(path)} som forsiden viser til, finnes ikke: rett stien eller fjern linjen.`,

  projectYaml: (reason) => `fieldnotes.yaml er ikke gyldig YAML: ${reason}`,
  compareWordsDiffer: (other, index, mine, theirs) =>
    `${other} har ikke de samme ordene som dette notatet, så kodingen kan ikke sammenlignes: ord ${index} er «${mine}» her, men «${theirs}» der. Gjør transkripsjonene like først.`,
  compareNotFound: (other) => `${other} kunne ikke leses som et notat.`,
  reviewOpen: (reviewer, text) => `Kommentar fra gjennomgang${reviewer ? ` (${reviewer})` : ''}: «${text}» Svar på den, og merk den som løst.`,
  fixResolveReview: () => 'Merk kommentaren som løst',
  notReviewed: (status) =>
    status === undefined
      ? 'Notatet har ingen `status`, så det er ikke gjennomgått: når veilederen har gått gjennom det, legg til `status: reviewed` i front matter.'
      : `Notatets status er \`${status}\`, ikke \`reviewed\`: når veilederen har gått gjennom det, sett \`status: reviewed\`.`,
  chartLibraryMissing: () => 'Analysen kan ikke tegnes: diagrambiblioteket mangler ved siden av språktjeneren (dist/vendor). Installer utvidelsen på nytt, eller kjør npm run build i klonen.',
  projectNotMapping: (key) => `${quote(key)} i fieldnotes.yaml må ha \`nøkkel: verdi\`-linjer, som \`allow:\` og \`pseudonyms:\`.`,
  projectNotList: (key) => `${quote(key)} i fieldnotes.yaml må være en liste, som \`${key}: [Sametinget, Bodø]\`.`,
  projectNotText: (key) => `Hver oppføring i ${quote(key)} i fieldnotes.yaml må være tekst: skriv den som et ord eller i anførselstegn.`,
  projectPattern: (pattern, reason) => `Pseudonym-mønsteret ${quote(pattern)} er ikke et gyldig regulært uttrykk (${reason}): rett det, eller sett \\ foran spesialtegn.`,
  progressChecking: () => 'Fieldnotes: sjekker notatene',
  codebookNotFound: () =>
    'Fant ingen kodebok for dette notatet: legg `codebook.yaml` i mappen eller en mappe over, eller oppgi en i forsiden (`codebook: sti`). Kodene sjekkes ikke før det.',
  settingsCodebookMissing: (path) => `Kodeboken ${quote(path)} som er satt i innstillingene (fieldnotes.codebook), kan ikke leses: rett innstillingen eller filen.`,
  codebookYaml: (reason) => `Kodeboken er ikke gyldig YAML: ${reason}`,
  codebookRequired: (where, property) => `${sentence(where)} mangler ${quote(property)}: legg det til.`,
  codebookType: (where, expected) => `${sentence(where)} må være ${expected}.`,
  codebookEnum: (where, allowed) => `${sentence(where)} må være ${nb.list(allowed.map(quote))}.`,
  codebookUnknownProperty: (where, property) => `${sentence(where)} har ${quote(property)}, som en kodebok ikke bruker: sjekk skrivemåten eller fjern det.`,
  codebookIdPattern: (value) =>
    `${quote(value)} kan ikke være en id: id-er kan bare ha bokstaver, sifre, \`-\`, \`_\` og \`.\` (ikke mellomrom, \`/\` eller \`#\`).`,
  codebookColour: (where, value) => `${sentence(where)} er ${quote(value)}, som ikke er en farge: skriv den som \`#\` og seks heksadesimale sifre, som \`#2e7d32\`.`,
  codebookEmptyList: (where) => `${sentence(where)} er tom: legg til minst én oppføring.`,
  codebookDuplicateDimension: (id, line) => `Dimensjonen ${quote(id)} er oppgitt to ganger (første gang på linje ${line}): gi hver dimensjon sin egen id.`,
  codebookDuplicateVariation: (id, dimension, line) =>
    `Variasjonen ${quote(id)} er oppgitt to ganger i ${quote(dimension)} (første gang på linje ${line}): gi hver variasjon sin egen id.`,
  codebookUnknownPole: (value, poles) => `${quote(value)} er ikke en oppgitt pol: bruk ${nb.list([...poles, 'either'].map(quote))}, eller oppgi den under \`poles\`.`,
  codebookNoPoles: (value) => `${quote('evidence: ' + value)} krever en pol, men kodeboken har ingen: legg til en \`poles\`-del.`,
  codebookReservedPole: () => '`either` kan ikke være en pol: ordet brukes om variasjoner som koderen vurderer for hvert segment.',

  fileUnreadable: (code) =>
    `Filen kan ikke leses: ${({ ENOENT: 'den finnes ikke, eller er en brutt lenke', EACCES: 'mangler tilgang', EPERM: 'mangler tilgang', EISDIR: 'det er en mappe', ENOTFILE: 'det er en enhet eller et rør, ikke en fil', ELOOP: 'en lenke peker til seg selv' } as Record<string, string>)[code] ?? code}. Sjekk stien og tilgangen.`,
  fileNotText: () => 'Dette er ikke en tekstfil: notater må være ren tekst (UTF-8).',
  fileNotUtf8: (line) => `Filen er ikke UTF-8-tekst (første ugyldige byte på linje ${line}): lagre den som UTF-8 og sjekk igjen.`,
  fileTooLarge: (size, limit) => `Filen er ${size} MB, mer enn de ${limit} MB et notat kan være: del den opp i flere notater.`,

  typeName: (type) =>
    ({ string: 'tekst', object: 'en liste med `nøkkel: verdi`', array: 'en liste', number: 'et tall', integer: 'et heltall', boolean: 'true eller false' })[type] ?? type,
  hoverUnknown: (id) => `${quote('#' + id)} finnes ikke i kodeboken.`,
  renameTaken: (id) => `${quote(id)} finnes allerede i kodeboken: velg et annet navn.`,
  fixReplace: (text) => `Endre til ${quote(text)}`,
  outlineWithoutReading: () => 'Uten evidenslesning',
  selectionAlreadyCoded: (code) => `Dette segmentet har allerede ${quote('#' + code)}.`,
  selectionEmpty: () => 'Merk først ordene du vil kode.',
  selectionAcrossParagraphs: () => 'Et kodet segment holder seg innenfor ett avsnitt: merk ord i ett avsnitt, eller sett en blokkode under blokken.',
  selectionCutsSegment: () => 'Markeringen skjærer gjennom et kodet segment: merk hele segmentet, eller ord inni det.',
  fixAddEvidence: (pole, label) => `Legg til evidence=${pole} (${label})`,
  fixPlaceholder: (words, placeholder) => `Bytt ${quote(words)} med ${placeholder}`,
  fixPseudonymEverywhere: (words, pseudonym, keyFile) => `Bytt ${quote(words)} med ${pseudonym} i alle notater (nøkkelen lagres i ${keyFile})`,
  fixAllow: (words, projectFile) => `Tillat ${quote(words)}: det identifiserer ingen (legges i ${projectFile})`,
  fixDismissHere: (words, marker) => `Behold ${quote(words)} bare her: det identifiserer ingen på dette stedet (legger ${marker} etter)`,
  keyWritten: (keyFile, gitignore) =>
    `De virkelige navnene bak pseudonymene ligger i ${keyFile}${gitignore ? ', og .gitignore holder den nå utenfor Git' : ''}. Del den aldri, og legg den aldri i en delt mappe eller et arkiv: den opphever anonymiseringen.`,
  fixAddToCodebook: (code) => `Legg ${quote(code)} til i kodeboken`,
  hoverPole: (pole) => `Evidens: **${pole}**`,
  hoverEither: (reading) => (reading ? `Evidens: begge veier; her lest som **${reading}**` : 'Evidens: begge veier; oppgi `evidence=` for dette segmentet'),
  hoverCount: (count) => (count === 1 ? '1 segment i arbeidsområdet har denne koden' : `${count} segmenter i arbeidsområdet har denne koden`),
  hoverCountedCount: (count) => `${count === 1 ? '1 segment i arbeidsområdet har' : `${count} segmenter i arbeidsområdet har`} denne koden, når én kopi telles for hver transkripsjon flere kodere har kodet`,
  hoverCoderCount: (coder, count) => `I notatene til ${coder}, koderen av denne kopien: ${count === 1 ? '1 segment' : `${count} segmenter`}`,
  whereCodebook: () => 'kodeboken',
  wherePole: (id) => `polen ${quote(id)}`,
  whereDimension: (id) => `dimensjonen ${quote(id)}`,
  whereVariation: (id, dimension) => `variasjonen ${quote(id)} i ${quote(dimension)}`,
  whereField: (key, where) => `${quote(key)} i ${where}`,
  whereItem: (position, where) => `oppføring ${position} i ${where}`,
};

export function messagesFor(locale: Locale): Messages {
  return locale === 'nb' ? nb : en;
}

/** Bokmål for nb, nn and no locales (Nynorsk users read Bokmål better than English); English otherwise. */
export function localeFromTag(tag: string | undefined): Locale {
  return tag && /^(nb|nn|no)([-_.@]|$)/i.test(tag) ? 'nb' : 'en';
}

export function localeFromEnv(env: NodeJS.ProcessEnv): Locale {
  return localeFromTag(env.FIELDNOTES_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG);
}
