import type { Locale } from '../i18n/messages.js';

/**
 * What the REFI-QDA import says, in English and Bokmål: per element, what
 * happened to it and, where the user can do something, what. `where` is a
 * place phrase from `where()`: `(line 12 of project.qde)`.
 */
export interface ImportCatalog {
  where(line: number, file: string): string;
  list(items: string[]): string;
  /** The codebook's first comment line. */
  importedFrom(file: string): string;
  /** The label of the dimension that holds top-level codes without children. */
  codesDimension: string;
  /** The title of the memo holding a source's or the project's Description. */
  descriptionTitle: string;
  countingUtf16: string;
  countingCrlfAsOne: string;

  // The file as a whole
  notZip(file: string): string;
  noProjectFile(file: string): string;
  severalProjectFiles(file: string, used: string, others: string[]): string;
  malformedXml(file: string, line: number, column: number, reason: string): string;
  wrongRoot(file: string, found: string, expected: string): string;

  // Elements left out
  unknownElement(element: string, where: string): string;
  foreignElement(element: string, ns: string, where: string): string;
  graphLeftOut(name: string, where: string): string;
  linksLeftOut(count: number, where: string): string;
  setLeftOut(name: string, where: string): string;
  mediaSourceLeftOut(element: string, name: string, where: string): string;
  pdfTextImported(name: string, where: string): string;
  caseReferencesLeftOut(name: string, count: number, where: string): string;
  noteCodingsLeftOut(name: string, where: string): string;

  // The codebook
  noCodes(file: string): string;
  codableParent(name: string, code: string, where: string): string;
  emptyDimension(name: string, where: string): string;
  invalidTagId(name: string, id: string, used: string, where: string): string;
  idTaken(name: string, id: string, used: string, where: string): string;
  codeMoved(name: string, tagged: string, code: string, where: string): string;
  poleAdded(name: string, pole: string, where: string): string;
  eitherWithoutPoles(name: string, where: string): string;
  severalPoles(name: string, poles: string[], where: string): string;
  poleReserved(name: string, where: string): string;
  poleInvalid(name: string, id: string, where: string): string;
  poleDuplicate(name: string, id: string, where: string): string;

  // Sources and their notes
  sourceNoText(name: string, where: string): string;
  sourceRichTextOnly(name: string, path: string, where: string): string;
  sourceFileMissing(element: string, name: string, path: string, where: string): string;
  severalCases(source: string, cases: string[], used: string): string;
  variableUnknown(guid: string, where: string): string;
  variableValueUnreadable(variable: string, value: string, where: string): string;
  frontMatterInvalid(key: string, value: string, source: string, where: string): string;
  frontMatterClash(key: string, source: string, where: string): string;
  userUnknown(guid: string, where: string): string;
  countingChanged(source: string, counting: string): string;

  // Selections and codings
  selectionPositions(source: string, guid: string, where: string): string;
  selectionOutOfRange(source: string, guid: string, where: string, start: number, end: number, length: number): string;
  selectionBlank(source: string, guid: string, where: string): string;
  selectionNotInProse(source: string, guid: string, where: string): string;
  selectionSplit(source: string, guid: string, where: string, reasons: { paragraphs: boolean; overlap: boolean }, pieces: number, file: string, lines: number[]): string;
  wholeSourceCoded(source: string, where: string): string;
  codeRefUnknown(guid: string, source: string, where: string): string;
  codeRefNotCodable(code: string, source: string, where: string): string;
  codeRefDimension(code: string, dimension: string, source: string, where: string): string;
  evidenceNotPole(value: string, source: string, where: string): string;
  evidenceContradicts(value: string, source: string, where: string): string;
  evidenceMissing(code: string, file: string, where: string): string;
  noteRefUnknown(guid: string, where: string): string;
  notesCollected(count: number, file: string): string;

  // Colours and attributes of codes and sets
  codeColourUnreadable(name: string, value: string, where: string): string;
  codeColourLeftOut(name: string, colour: string, where: string): string;
  attributeLeftOut(element: string, name: string, attribute: string, value: string, where: string): string;
  // The archive's sizes, file names, shared GUIDs (sizes in bytes)
  entryTooLarge(file: string, entry: string, size: number, limit: number): string;
  archiveTooLarge(file: string, entry: string, total: number, limit: number): string;
  entryLargerThanDeclared(file: string, entry: string, declared: number): string;
  entryUnreadable(file: string, entry: string): string;
  fileNameShortened(source: string, file: string, maxBytes: number, where: string): string;
  /** `places`: each element's name and place, as `where()` gives it. */
  duplicateGuid(element: string, guid: string, places: { name: string; where: string }[]): string;
}

const quote = (s: string) => `“${s}”`;
const code = (s: string) => '`' + s + '`';
const join = (items: string[], and: string) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`);
/** A size as people read it: `1.5 GiB`, `256 MiB`, `1,000 bytes`. */
const bytes = (n: number, locale: 'en' | 'nb', unit: string) => {
  const number = (x: number) => new Intl.NumberFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', { maximumFractionDigits: 1 }).format(x);
  for (const [prefix, power] of [['Gi', 30], ['Mi', 20], ['Ki', 10]] as const) if (n >= 2 ** power) return `${number(n / 2 ** power)} ${prefix}B`;
  return `${number(n)} ${unit}`;
};
const enBytes = (n: number) => bytes(n, 'en', n === 1 ? 'byte' : 'bytes');
const nbBytes = (n: number) => bytes(n, 'nb', 'byte');

const en: ImportCatalog = {
  where: (line, file) => `(line ${line} of ${file})`,
  list: (items) => join(items, 'and'),
  importedFrom: (file) => `Imported by Fieldnotes from ${file}. Check labels and evidence before coding on.`,
  codesDimension: 'Codes',
  descriptionTitle: 'Description',
  countingUtf16: 'UTF-16 code units (an emoji counts twice)',
  countingCrlfAsOne: 'characters with each \\r\\n line break counted once',

  notZip: (file) => `${file} is not a REFI-QDA project: it is not a zip archive (.qdpx), so nothing was imported. Export the project from your QDA program as a REFI-QDA project and import that file.`,
  noProjectFile: (file) => `${file} holds no project file (*.qde) at its top level, so nothing was imported. Export the project again as a REFI-QDA project (.qdpx).`,
  severalProjectFiles: (file, used, others) => `${file} holds several project files: ${used} was imported, ${join(others.map(code), 'and')} left out.`,
  malformedXml: (file, line, column, reason) => `${file} is not well-formed XML at line ${line}, column ${column} (${reason}), so nothing was imported. Export the project again, or repair the XML at that place.`,
  wrongRoot: (file, found, expected) => `${file} starts with <${found}>, not <${expected}>: it is not a REFI-QDA file of that kind, so nothing was imported.`,

  unknownElement: (element, where) => `<${element}> ${where} is not part of REFI-QDA 1.0 as Fieldnotes reads it: left out.`,
  foreignElement: (element, ns, where) => `<${element}> ${where} belongs to another format (${ns}): left out.`,
  graphLeftOut: (name, where) => `The graph ${quote(name)} ${where} was left out: Fieldnotes has no graphs.`,
  linksLeftOut: (count, where) => `${count === 1 ? 'One link' : `${count} links`} between codes, sources or notes ${where} ${count === 1 ? 'was' : 'were'} left out: Fieldnotes has no links. Write what a link says in a memo if the analysis needs it.`,
  setLeftOut: (name, where) => `The set ${quote(name)} ${where} was left out: it is not an evidence pole, and Fieldnotes has no sets (its codes are in the codebook all the same).`,
  mediaSourceLeftOut: (element, name, where) => `${element} ${quote(name)} ${where} was left out: Fieldnotes imports text sources only. Transcribe it, or import its transcript as text.`,
  pdfTextImported: (name, where) => `The PDF ${quote(name)} ${where} was left out, but its text (its Representation) was imported as a note; codings on the PDF's pages were not.`,
  caseReferencesLeftOut: (name, count, where) => `The case ${quote(name)} ${where} refers to ${count} codes or selections directly; Fieldnotes cases hold notes and attributes only, so those references were left out.`,
  noteCodingsLeftOut: (name, where) => `The note ${quote(name)} ${where} is coded; codings of memos are not imported (the memo's text is).`,

  noCodes: (file) => `${file} has no codes, so codebook.yaml has no dimensions yet: add them before coding.`,
  codableParent: (name, codeId, where) => `The code ${quote(name)} ${where} has codes under it and can be coded itself: it became a dimension, and its own codings went to the variation #${codeId}.`,
  emptyDimension: (name, where) => `The code ${quote(name)} ${where} has no codable codes under it: left out of the codebook.`,
  invalidTagId: (name, id, used, where) => `The code ${quote(name)} ${where} is tagged with ${code(id)}, which is not a valid Fieldnotes id: it became ${code(used)}.`,
  idTaken: (name, id, used, where) => `The code ${quote(name)} ${where} would have the id ${code(id)}, which another code has already: it became ${code(used)}.`,
  codeMoved: (name, tagged, codeId, where) => `The code ${quote(name)} ${where} is tagged #${tagged} but stands under another dimension: it became #${codeId}. Notes that use #${tagged} must be changed.`,
  poleAdded: (name, pole, where) => `The code ${quote(name)} ${where} supports the pole ${code(pole)}, which no set of the file declares: the pole was added to the codebook with its id as label.`,
  eitherWithoutPoles: (name, where) => `The code ${quote(name)} ${where} is read either way (evidence: either), but the file declares no poles: it was imported without evidence.`,
  severalPoles: (name, poles, where) => `The code ${quote(name)} ${where} is in the sets of several poles (${join(poles.map(code), 'and')}): it was imported without evidence. Set its evidence in codebook.yaml.`,
  poleReserved: (name, where) => `The set ${quote(name)} ${where} declares the pole ${code('either')}, a word Fieldnotes reserves for variations read either way: left out.`,
  poleInvalid: (name, id, where) => `The set ${quote(name)} ${where} declares the pole ${code(id)}, which is not a valid Fieldnotes id: left out.`,
  poleDuplicate: (name, id, where) => `The set ${quote(name)} ${where} declares the pole ${code(id)} a second time: left out.`,

  sourceNoText: (name, where) => `The text source ${quote(name)} ${where} has no text (neither PlainTextContent nor plainTextPath): left out.`,
  sourceRichTextOnly: (name, path, where) => `The text source ${quote(name)} ${where} has only rich text (${path}), which Fieldnotes cannot read: left out. Export the project with plain text.`,
  sourceFileMissing: (element, name, path, where) => `${element} ${quote(name)} ${where} keeps its text in ${path}, which is not in the archive: left out. Export the project again with its sources.`,
  severalCases: (source, cases, used) => `The source ${quote(source)} belongs to several cases (${join(cases.map(quote), 'and')}); a note has one, so it got ${quote(used)}.`,
  variableUnknown: (guid, where) => `A variable value ${where} refers to the variable ${guid}, which the project does not declare: left out.`,
  variableValueUnreadable: (variable, value, where) => `The value ${quote(value)} of the variable ${quote(variable)} ${where} does not fit its type: left out.`,
  frontMatterInvalid: (key, value, source, where) => `The variable ${code(key)} of ${quote(source)} ${where} has the value ${quote(value)}, which the front matter does not allow for ${code(key)}: left out.`,
  frontMatterClash: (key, source, where) => `The variable ${code(key)} of ${quote(source)} ${where} has the name of a front-matter key the import sets itself: left out.`,
  userUnknown: (guid, where) => `${where}: the user ${guid} is not among the project's users, so the GUID stands as the coder's name.`,
  countingChanged: (source, counting) => `The selections of ${quote(source)} fit its text only when positions count ${counting}, so they were read that way. Check the segments of this note.`,

  selectionPositions: (source, guid, where) => `The selection ${guid} in ${quote(source)} ${where} has no readable startPosition and endPosition: left out.`,
  selectionOutOfRange: (source, guid, where, start, end, length) =>
    `The selection ${guid} in ${quote(source)} ${where} runs from ${start} to ${end}, which is not a range inside the text of ${length} characters: left out.`,
  selectionBlank: (source, guid, where) => `The selection ${guid} in ${quote(source)} ${where} holds only white space: left out.`,
  selectionNotInProse: (source, guid, where) => `The selection ${guid} in ${quote(source)} ${where} lies where the dialect cannot code words (a code block, or between paragraphs): left out.`,
  selectionSplit: (source, guid, where, reasons, pieces, file, lines) =>
    `The selection ${guid} in ${quote(source)} ${where} ${join([reasons.paragraphs ? 'crosses a paragraph break' : '', reasons.overlap ? 'overlaps another selection without one holding the other' : ''].filter(Boolean), 'and')}: it was coded as ${pieces} segments with the same codes, on ${lines.length === 1 ? 'line' : 'lines'} ${join(lines.map(String), 'and')} of ${file}.`,
  wholeSourceCoded: (source, where) => `The source ${quote(source)} ${where} is coded as a whole: each of its paragraphs was coded instead.`,
  codeRefUnknown: (guid, source, where) => `A coding in ${quote(source)} ${where} refers to the code ${guid}, which the codebook lacks: that coding was left out.`,
  codeRefNotCodable: (codeName, source, where) => `A coding in ${quote(source)} ${where} refers to the code ${quote(codeName)}, which cannot be coded: that coding was left out.`,
  codeRefDimension: (codeName, dimension, source, where) =>
    `A coding in ${quote(source)} ${where} refers to ${quote(codeName)}, which is the dimension ${code(dimension)}; Fieldnotes codes variations only, so that coding was left out.`,
  evidenceNotPole: (value, source, where) => `A selection in ${quote(source)} ${where} says ${code('evidence=' + value)}, which names no pole of the codebook: it was kept in the segment's memo.`,
  evidenceContradicts: (value, source, where) => `A selection in ${quote(source)} ${where} says ${code('evidence=' + value)}, but its codes support another pole: the evidence was left out (the codebook decides).`,
  evidenceMissing: (codeId, file, where) => `A coding ${where} uses #${codeId}, which is read either way, without evidence: add ${code('evidence=')} to its segment in ${file}.`,
  noteRefUnknown: (guid, where) => `A note reference ${where} points to ${guid}, which is not among the project's notes: left out.`,
  notesCollected: (count, file) => `${count === 1 ? 'One memo is' : `${count} memos are`} attached to no text source: ${count === 1 ? 'it is' : 'they are'} in ${file}.`,

  codeColourUnreadable: (name, value, where) => `The code ${quote(name)} ${where} has the colour ${quote(value)}, which is not a colour codebook.yaml can hold (#rrggbb): left out. Give the code a ${code('color')} in codebook.yaml if it matters.`,
  codeColourLeftOut: (name, colour, where) => `The code ${quote(name)} ${where} has the colour ${colour}, but it groups codes below a dimension and became no code of codebook.yaml (its codes are named by its path): its colour was left out.`,
  attributeLeftOut: (element, name, attribute, value, where) => `The attribute ${code(`${attribute}="${value}"`)} of <${element}> ${quote(name)} ${where} has no place in codebook.yaml: left out.`,
  entryTooLarge: (file, entry, size, limit) =>
    `${code(entry)} in ${file} holds ${enBytes(size)} unpacked, more than Fieldnotes imports from one file (${enBytes(limit)}), so nothing was unpacked or imported. A text that long is more likely a damaged or deliberately inflated archive than a transcript: export the project again from your QDA program; if the text is real, split it there into smaller sources.`,
  archiveTooLarge: (file, entry, total, limit) =>
    `The files in ${file} that the project uses come to ${enBytes(total)} unpacked (with ${code(entry)}), more than Fieldnotes imports at once (${enBytes(limit)}), so nothing was unpacked or imported. Export the project in parts from your QDA program (some of its sources each time) and import each part into a folder of its own.`,
  entryLargerThanDeclared: (file, entry, declared) =>
    `${code(entry)} in ${file} unpacks to more than the ${enBytes(declared)} the archive declares for it: the archive is damaged (or made to fill the memory), so nothing was imported. Export the project again from your QDA program.`,
  entryUnreadable: (file, entry) =>
    `${code(entry)} in ${file} cannot be unpacked (its data is damaged, encrypted, or packed in a way zip readers rarely know), so nothing was imported. Export the project again from your QDA program.`,
  fileNameShortened: (source, file, maxBytes, where) => `The source ${quote(source)} ${where} has a name too long for a file name (${maxBytes} bytes at most), so its note was shortened to ${code(file)}.`,
  duplicateGuid: (element, guid, places) =>
    `${places.length} <${element}> elements share the GUID ${guid}: ${join(places.map((p) => `${quote(p.name)} ${p.where}`), 'and')}. The project points to a <${element}> by its GUID, so Fieldnotes cannot tell which one is meant, and imported nothing rather than merge them or guess. Export the project again from your QDA program; if the GUIDs are still shared, give all but one of them a new GUID in project.qde.`,
};

const nb: ImportCatalog = {
  where: (line, file) => `(linje ${line} i ${file})`,
  list: (items) => join(items, 'og'),
  importedFrom: (file) => `Importert av Fieldnotes fra ${file}. Sjekk etiketter og evidens før du koder videre.`,
  codesDimension: 'Koder',
  descriptionTitle: 'Beskrivelse',
  countingUtf16: 'UTF-16-enheter (en emoji teller to ganger)',
  countingCrlfAsOne: 'tegn der hvert \\r\\n-linjeskift teller én gang',

  notZip: (file) => `${file} er ikke et REFI-QDA-prosjekt: det er ikke et zip-arkiv (.qdpx), så ingenting ble importert. Eksporter prosjektet fra QDA-programmet som et REFI-QDA-prosjekt, og importer den filen.`,
  noProjectFile: (file) => `${file} har ingen prosjektfil (*.qde) på øverste nivå, så ingenting ble importert. Eksporter prosjektet på nytt som et REFI-QDA-prosjekt (.qdpx).`,
  severalProjectFiles: (file, used, others) => `${file} har flere prosjektfiler: ${used} ble importert, ${join(others.map(code), 'og')} ble utelatt.`,
  malformedXml: (file, line, column, reason) => `${file} er ikke velformet XML på linje ${line}, kolonne ${column} (${reason}), så ingenting ble importert. Eksporter prosjektet på nytt, eller rett XML-en på det stedet.`,
  wrongRoot: (file, found, expected) => `${file} begynner med <${found}>, ikke <${expected}>: det er ikke en REFI-QDA-fil av den typen, så ingenting ble importert.`,

  unknownElement: (element, where) => `<${element}> ${where} er ikke en del av REFI-QDA 1.0 slik Fieldnotes leser det: utelatt.`,
  foreignElement: (element, ns, where) => `<${element}> ${where} hører til et annet format (${ns}): utelatt.`,
  graphLeftOut: (name, where) => `Grafen ${quote(name)} ${where} ble utelatt: Fieldnotes har ikke grafer.`,
  linksLeftOut: (count, where) => `${count === 1 ? 'Én lenke' : `${count} lenker`} mellom koder, kilder eller notater ${where} ble utelatt: Fieldnotes har ikke lenker. Skriv det en lenke sier i et memo hvis analysen trenger det.`,
  setLeftOut: (name, where) => `Settet ${quote(name)} ${where} ble utelatt: det er ikke en evidenspol, og Fieldnotes har ikke sett (kodene er i kodeboken likevel).`,
  mediaSourceLeftOut: (element, name, where) => `${element} ${quote(name)} ${where} ble utelatt: Fieldnotes importerer bare tekstkilder. Transkriber den, eller importer transkripsjonen som tekst.`,
  pdfTextImported: (name, where) => `PDF-en ${quote(name)} ${where} ble utelatt, men teksten (Representation) ble importert som et notat; kodinger på PDF-ens sider ble ikke det.`,
  caseReferencesLeftOut: (name, count, where) => `Casen ${quote(name)} ${where} viser direkte til ${count} koder eller utvalg; i Fieldnotes har en case bare notater og attributter, så de henvisningene ble utelatt.`,
  noteCodingsLeftOut: (name, where) => `Notatet ${quote(name)} ${where} er kodet; kodinger av memoer importeres ikke (teksten gjør det).`,

  noCodes: (file) => `${file} har ingen koder, så codebook.yaml har ingen dimensjoner ennå: legg dem til før du koder.`,
  codableParent: (name, codeId, where) => `Koden ${quote(name)} ${where} har koder under seg og kan selv kodes: den ble en dimensjon, og dens egne kodinger gikk til variasjonen #${codeId}.`,
  emptyDimension: (name, where) => `Koden ${quote(name)} ${where} har ingen koder under seg som kan kodes: utelatt fra kodeboken.`,
  invalidTagId: (name, id, used, where) => `Koden ${quote(name)} ${where} er merket med ${code(id)}, som ikke er en gyldig id i Fieldnotes: den ble ${code(used)}.`,
  idTaken: (name, id, used, where) => `Koden ${quote(name)} ${where} ville fått id-en ${code(id)}, som en annen kode allerede har: den ble ${code(used)}.`,
  codeMoved: (name, tagged, codeId, where) => `Koden ${quote(name)} ${where} er merket #${tagged}, men står under en annen dimensjon: den ble #${codeId}. Notater som bruker #${tagged}, må endres.`,
  poleAdded: (name, pole, where) => `Koden ${quote(name)} ${where} støtter polen ${code(pole)}, som ikke noe sett i filen deklarerer: polen ble lagt til i kodeboken med id-en som etikett.`,
  eitherWithoutPoles: (name, where) => `Koden ${quote(name)} ${where} leses begge veier (evidence: either), men filen deklarerer ingen poler: den ble importert uten evidens.`,
  severalPoles: (name, poles, where) => `Koden ${quote(name)} ${where} er med i settene til flere poler (${join(poles.map(code), 'og')}): den ble importert uten evidens. Angi evidensen i codebook.yaml.`,
  poleReserved: (name, where) => `Settet ${quote(name)} ${where} deklarerer polen ${code('either')}, et ord Fieldnotes bruker om variasjoner som leses begge veier: utelatt.`,
  poleInvalid: (name, id, where) => `Settet ${quote(name)} ${where} deklarerer polen ${code(id)}, som ikke er en gyldig id i Fieldnotes: utelatt.`,
  poleDuplicate: (name, id, where) => `Settet ${quote(name)} ${where} deklarerer polen ${code(id)} for andre gang: utelatt.`,

  sourceNoText: (name, where) => `Tekstkilden ${quote(name)} ${where} har ingen tekst (verken PlainTextContent eller plainTextPath): utelatt.`,
  sourceRichTextOnly: (name, path, where) => `Tekstkilden ${quote(name)} ${where} har bare formatert tekst (${path}), som Fieldnotes ikke kan lese: utelatt. Eksporter prosjektet med ren tekst.`,
  sourceFileMissing: (element, name, path, where) => `${element} ${quote(name)} ${where} har teksten sin i ${path}, som ikke er i arkivet: utelatt. Eksporter prosjektet på nytt med kildene.`,
  severalCases: (source, cases, used) => `Kilden ${quote(source)} hører til flere caser (${join(cases.map(quote), 'og')}); et notat har én, så det fikk ${quote(used)}.`,
  variableUnknown: (guid, where) => `En variabelverdi ${where} viser til variabelen ${guid}, som prosjektet ikke deklarerer: utelatt.`,
  variableValueUnreadable: (variable, value, where) => `Verdien ${quote(value)} av variabelen ${quote(variable)} ${where} passer ikke typen: utelatt.`,
  frontMatterInvalid: (key, value, source, where) => `Variabelen ${code(key)} for ${quote(source)} ${where} har verdien ${quote(value)}, som front matter ikke tillater for ${code(key)}: utelatt.`,
  frontMatterClash: (key, source, where) => `Variabelen ${code(key)} for ${quote(source)} ${where} har navnet til en front matter-nøkkel importen setter selv: utelatt.`,
  userUnknown: (guid, where) => `${where}: brukeren ${guid} er ikke blant prosjektets brukere, så GUID-en står som koderens navn.`,
  countingChanged: (source, counting) => `Utvalgene i ${quote(source)} passer teksten bare når posisjonene teller ${counting}, så de ble lest slik. Sjekk segmentene i dette notatet.`,

  selectionPositions: (source, guid, where) => `Utvalget ${guid} i ${quote(source)} ${where} har ingen lesbar startPosition og endPosition: utelatt.`,
  selectionOutOfRange: (source, guid, where, start, end, length) =>
    `Utvalget ${guid} i ${quote(source)} ${where} går fra ${start} til ${end}, som ikke er et område i teksten på ${length} tegn: utelatt.`,
  selectionBlank: (source, guid, where) => `Utvalget ${guid} i ${quote(source)} ${where} har bare mellomrom: utelatt.`,
  selectionNotInProse: (source, guid, where) => `Utvalget ${guid} i ${quote(source)} ${where} ligger der dialekten ikke kan kode ord (en kodeblokk, eller mellom avsnitt): utelatt.`,
  selectionSplit: (source, guid, where, reasons, pieces, file, lines) =>
    `Utvalget ${guid} i ${quote(source)} ${where} ${join([reasons.paragraphs ? 'krysser et avsnittsskille' : '', reasons.overlap ? 'overlapper et annet utvalg uten at det ene rommer det andre' : ''].filter(Boolean), 'og')}: det ble kodet som ${pieces} segmenter med de samme kodene, på linje ${join(lines.map(String), 'og')} i ${file}.`,
  wholeSourceCoded: (source, where) => `Kilden ${quote(source)} ${where} er kodet som helhet: hvert avsnitt ble kodet i stedet.`,
  codeRefUnknown: (guid, source, where) => `En koding i ${quote(source)} ${where} viser til koden ${guid}, som kodeboken mangler: den kodingen ble utelatt.`,
  codeRefNotCodable: (codeName, source, where) => `En koding i ${quote(source)} ${where} viser til koden ${quote(codeName)}, som ikke kan kodes: den kodingen ble utelatt.`,
  codeRefDimension: (codeName, dimension, source, where) =>
    `En koding i ${quote(source)} ${where} viser til ${quote(codeName)}, som er dimensjonen ${code(dimension)}; Fieldnotes koder bare variasjoner, så den kodingen ble utelatt.`,
  evidenceNotPole: (value, source, where) => `Et utvalg i ${quote(source)} ${where} sier ${code('evidence=' + value)}, som ikke er en pol i kodeboken: det ble tatt vare på i segmentets memo.`,
  evidenceContradicts: (value, source, where) => `Et utvalg i ${quote(source)} ${where} sier ${code('evidence=' + value)}, men kodene støtter en annen pol: evidensen ble utelatt (kodeboken avgjør).`,
  evidenceMissing: (codeId, file, where) => `En koding ${where} bruker #${codeId}, som leses begge veier, uten evidens: legg til ${code('evidence=')} på segmentet i ${file}.`,
  noteRefUnknown: (guid, where) => `En notathenvisning ${where} peker på ${guid}, som ikke er blant prosjektets notater: utelatt.`,
  notesCollected: (count, file) => `${count === 1 ? 'Ett memo er' : `${count} memoer er`} ikke knyttet til noen tekstkilde: ${count === 1 ? 'det er' : 'de er'} i ${file}.`,

  codeColourUnreadable: (name, value, where) => `Koden ${quote(name)} ${where} har fargen ${quote(value)}, som ikke er en farge codebook.yaml kan ha (#rrggbb): utelatt. Gi koden en ${code('color')} i codebook.yaml hvis den betyr noe.`,
  codeColourLeftOut: (name, colour, where) => `Koden ${quote(name)} ${where} har fargen ${colour}, men den grupperer koder under en dimensjon og ble ingen kode i codebook.yaml (kodene under den er navngitt etter stien): fargen ble utelatt.`,
  attributeLeftOut: (element, name, attribute, value, where) => `Attributtet ${code(`${attribute}="${value}"`)} på <${element}> ${quote(name)} ${where} har ingen plass i codebook.yaml: utelatt.`,
  entryTooLarge: (file, entry, size, limit) =>
    `${code(entry)} i ${file} er ${nbBytes(size)} utpakket, mer enn Fieldnotes importerer fra én fil (${nbBytes(limit)}), så ingenting ble pakket ut eller importert. En så lang tekst er heller et skadet eller bevisst oppblåst arkiv enn en transkripsjon: eksporter prosjektet på nytt fra QDA-programmet; er teksten ekte, del den der i mindre kilder.`,
  archiveTooLarge: (file, entry, total, limit) =>
    `Filene i ${file} som prosjektet bruker, er til sammen ${nbBytes(total)} utpakket (med ${code(entry)}), mer enn Fieldnotes importerer på én gang (${nbBytes(limit)}), så ingenting ble pakket ut eller importert. Eksporter prosjektet i deler fra QDA-programmet (noen av kildene hver gang), og importer hver del til en egen mappe.`,
  entryLargerThanDeclared: (file, entry, declared) =>
    `${code(entry)} i ${file} pakkes ut til mer enn de ${nbBytes(declared)} arkivet oppgir for den: arkivet er skadet (eller laget for å fylle minnet), så ingenting ble importert. Eksporter prosjektet på nytt fra QDA-programmet.`,
  entryUnreadable: (file, entry) =>
    `${code(entry)} i ${file} kan ikke pakkes ut (dataene er skadet, kryptert eller pakket på en måte zip-lesere sjelden kjenner), så ingenting ble importert. Eksporter prosjektet på nytt fra QDA-programmet.`,
  fileNameShortened: (source, file, maxBytes, where) => `Kilden ${quote(source)} ${where} har et navn som er for langt for et filnavn (høyst ${maxBytes} byte), så notatet ble forkortet til ${code(file)}.`,
  duplicateGuid: (element, guid, places) =>
    `${places.length} <${element}>-elementer har samme GUID, ${guid}: ${join(places.map((p) => `${quote(p.name)} ${p.where}`), 'og')}. Prosjektet viser til et <${element}> med GUID-en, så Fieldnotes kan ikke vite hvilket som menes, og importerte ingenting i stedet for å slå dem sammen eller gjette. Eksporter prosjektet på nytt fra QDA-programmet; deler de fortsatt GUID, gi alle unntatt ett av dem en ny GUID i project.qde.`,
};

export function importCatalog(locale: Locale): ImportCatalog {
  return locale === 'nb' ? nb : en;
}
