import { EITHER, isCodebookId } from '../codebook/codebook.js';
import { Document } from 'yaml';
import type { Locale } from '../i18n/messages.js';
import { ImportReport, type ImportOptions, type ImportProblem } from './importProblems.js';
import { CODE_TAG, evidenceColour, POLE_TAG, withoutTag } from './refi.js';
import { codebookColour, guidKey, readBoolean } from './refiValues.js';
import { IdScope, slugify } from './slug.js';
import { childNamed, childrenNamed, childText, readXml, type XmlElement } from './xmlReader.js';

/** A codebook as plain data, in the shape and key order of `codebook.yaml`. */
export interface CodebookData {
  title?: string;
  poles?: Record<string, PoleData>;
  dimensions: DimensionData[];
}

export interface PoleData {
  label: string;
  description?: string;
  color?: string;
}

export interface DimensionData {
  id: string;
  label: string;
  description?: string;
  color?: string;
  variations: VariationData[];
}

export interface VariationData {
  id: string;
  label: string;
  description?: string;
  evidence?: string;
  color?: string;
}

/** What a REFI code became: a variation codings can use, or something a coding cannot point to. */
export type CodeTarget =
  | { kind: 'variation'; code: string; name: string; evidence: string | undefined }
  | { kind: 'dimension'; dimension: string; name: string }
  | { kind: 'not-codable'; name: string };

export interface ImportedCodebook {
  codebook: CodebookData;
  /** By code GUID (`guidKey`). */
  codes: Map<string, CodeTarget>;
}

export interface CodebookImport {
  /** `codebook.yaml`; empty when the file could not be read at all. */
  yaml: string;
  codebook: CodebookData;
  problems: ImportProblem[];
}


/** Imports a REFI-QDA codebook file (`.qdc`); a project file (`.qde`) gives its codebook too. */
export function importCodebook(xml: string, options: ImportOptions): CodebookImport {
  const report = new ImportReport(options.locale, options.fileName);
  const read = readXml(xml);
  if (!read.ok) {
    const { line, column, reason } = read.error;
    report.general('CodeBook', report.say.malformedXml(options.fileName, line, column, reason), line);
    return { yaml: '', codebook: { dimensions: [] }, problems: report.problems };
  }
  const root = read.root;
  if (root.name !== 'CodeBook' && root.name !== 'Project') {
    report.general(root.name, report.say.wrongRoot(options.fileName, root.name, 'CodeBook'), root.line);
    return { yaml: '', codebook: { dimensions: [] }, problems: report.problems };
  }
  const codes = root.name === 'CodeBook' ? childNamed(root, 'Codes') : childNamed(childNamed(root, 'CodeBook') ?? root, 'Codes');
  if (root.name === 'CodeBook') report.unknownChildren(root, ['Codes', 'Sets']);
  const { codebook } = codebookFromElements(codes, childNamed(root, 'Sets'), report);
  return { yaml: codebookYaml(codebook, options.fileName, options.locale), codebook, problems: report.problems };
}

/**
 * The codebook from REFI `Codes` and `Sets` (of a `.qdc` or a project).
 * Fieldnotes' own export is read back by the tags at the end of each
 * description (`{#dimension/variation evidence=pole}`, `{pole=id}`); any
 * other tool's tree becomes dimensions (top-level codes with children) and
 * variations (the codes below them, named by their path).
 */
export function codebookFromElements(codesElement: XmlElement | undefined, setsElement: XmlElement | undefined, report: ImportReport): ImportedCodebook {
  const tree = codesElement ? childrenNamed(codesElement, 'Code').map((element) => readCode(element, report)) : [];
  if (codesElement) report.unknownChildren(codesElement, ['Code']);
  const byGuid = new Map<string, RawCode>();
  const index = (code: RawCode) => {
    if (code.guid) byGuid.set(code.guid, code);
    code.children.forEach(index);
  };
  tree.forEach(index);

  const poles = readPoles(setsElement, byGuid, report);
  const builder = new CodebookBuilder(poles, new IdScope(tree.filter((c) => c.children.length).flatMap((c) => taggedId(c, 'dimension') ?? [])), report);
  for (const code of tree) builder.addTopLevel(code);
  const codebook = builder.finish();
  if (!codebook.dimensions.length) report.general('Codes', report.say.noCodes(report.xmlFile), codesElement?.line);
  return { codebook, codes: builder.targets };
}

/** The codebook as YAML, with a first comment saying where it came from. */
export function codebookYaml(codebook: CodebookData, fileName: string, locale: Locale): string {
  const doc = new Document(codebook);
  doc.commentBefore = ` ${new ImportReport(locale, fileName).say.importedFrom(fileName)}`;
  return doc.toString({ lineWidth: 0 });
}

interface RawCode {
  element: XmlElement;
  guid: string | undefined;
  name: string;
  codable: boolean;
  color: string | undefined;
  /** The description without its Fieldnotes tag; undefined when empty. */
  description: string | undefined;
  /** From a Fieldnotes tag: `dimension` or `dimension/variation`. */
  tagged: string | undefined;
  taggedEvidence: string | undefined;
  children: RawCode[];
}

function readCode(element: XmlElement, report: ImportReport): RawCode {
  report.unknownChildren(element, ['Description', 'Code', 'NoteRef']);
  const full = childText(element, 'Description') ?? '';
  const tag = CODE_TAG.exec(full);
  const description = withoutTag(full, CODE_TAG) || undefined;
  const guid = guidKey(element.attrs.guid);
  const name = element.attrs.name?.trim() || guid || '?';
  unknownAttributes(element, name, CODE_ATTRIBUTES, report);
  const color = codebookColour(element.attrs.color);
  if (color === undefined && element.attrs.color !== undefined) report.about(element, report.say.codeColourUnreadable(name, element.attrs.color, report.where(element)));
  return {
    element,
    guid,
    name,
    codable: readBoolean(element.attrs.isCodable, true),
    color,
    description,
    tagged: tag?.[1]?.normalize('NFC'),
    taggedEvidence: tag?.[2]?.normalize('NFC'),
    children: childrenNamed(element, 'Code').map((child) => readCode(child, report)),
  };
}

/** The attributes REFI-QDA gives a `Code` and a `Set` (in either schema); any other is listed as left out. */
const CODE_ATTRIBUTES = ['guid', 'name', 'isCodable', 'color'];
const SET_ATTRIBUTES = ['guid', 'name'];

/** Lists the attributes of `element` the import has no place for (an `xsi:` hint to a schema is no content). */
function unknownAttributes(element: XmlElement, name: string, known: readonly string[], report: ImportReport): void {
  for (const [attribute, value] of Object.entries(element.attrs)) {
    if (known.includes(attribute) || attribute.startsWith('xsi:')) continue;
    report.about(element, report.say.attributeLeftOut(element.name, name, attribute, value, report.where(element)));
  }
}

interface PoleSet {
  id: string;
  data: PoleData;
  members: Set<string>;
}

/** Sets whose description ends with `{pole=id}` are poles; any other set is reported and left out. */
function readPoles(setsElement: XmlElement | undefined, codes: Map<string, RawCode>, report: ImportReport): PoleSet[] {
  if (!setsElement) return [];
  report.unknownChildren(setsElement, ['Set']);
  const poles: PoleSet[] = [];
  for (const set of childrenNamed(setsElement, 'Set')) {
    const name = set.attrs.name?.trim() || set.attrs.guid || '?';
    unknownAttributes(set, name, SET_ATTRIBUTES, report);
    const full = childText(set, 'Description') ?? '';
    const tag = POLE_TAG.exec(full);
    if (!tag) {
      report.about(set, report.say.setLeftOut(name, report.where(set)));
      continue;
    }
    const id = tag[1]!.normalize('NFC');
    if (id === EITHER) report.about(set, report.say.poleReserved(name, report.where(set)));
    else if (!isCodebookId(id)) report.about(set, report.say.poleInvalid(name, id, report.where(set)));
    else if (poles.some((p) => p.id === id)) report.about(set, report.say.poleDuplicate(name, id, report.where(set)));
    else {
      // A .qdc names a member by `guid`, a project by `targetGUID`.
      const members = new Set(childrenNamed(set, 'MemberCode').flatMap((m) => guidKey(m.attrs.targetGUID ?? m.attrs.guid) ?? []));
      const data: PoleData = { label: name };
      const description = withoutTag(full, POLE_TAG);
      if (description) data.description = description;
      const color = sharedColour([...members].map((guid) => codes.get(guid)?.color));
      if (color) data.color = color;
      poles.push({ id, data, members });
    }
  }
  return poles;
}

/**
 * The colour most of the coloured members share (a code added to the set
 * later may have none; one recoloured in another tool keeps its colour as
 * its own); undefined when no colour has more members than every other.
 */
function sharedColour(colours: (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const colour of colours) if (colour !== undefined) counts.set(colour, (counts.get(colour) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  return ranked.length && (ranked.length === 1 || ranked[0]![1] > ranked[1]![1]) ? ranked[0]![0] : undefined;
}

/** A valid id from a code's Fieldnotes tag: a dimension's (`{#d}`) or a variation's (`{#d/v}`, the `v`). */
function taggedId(code: RawCode, kind: 'dimension' | 'variation'): string | undefined {
  if (code.tagged === undefined || code.tagged.includes('/') !== (kind === 'variation')) return undefined;
  const id = kind === 'variation' ? splitCode(code.tagged)[1] : code.tagged;
  return isCodebookId(id) ? id : undefined;
}

function descendants(code: RawCode): RawCode[] {
  return code.children.flatMap((child) => [child, ...descendants(child)]);
}

interface DimensionBuilder {
  data: DimensionData;
  ids: IdScope;
}

/** Builds dimensions and variations code by code, with unique ids, and remembers what each GUID became. */
class CodebookBuilder {
  readonly targets = new Map<string, CodeTarget>();
  private readonly dimensions: DimensionBuilder[] = [];
  /** Top-level codes without children, gathered into one dimension at the end. */
  private readonly loose: RawCode[] = [];
  private readonly poles: Map<string, PoleData>;

  constructor(
    private readonly poleSets: PoleSet[],
    private readonly dimensionIds: IdScope,
    private readonly report: ImportReport,
  ) {
    this.poles = new Map(poleSets.map((p) => [p.id, p.data]));
  }

  addTopLevel(code: RawCode): void {
    if (!code.children.length) {
      this.addLoose(code);
      return;
    }
    const dimensionTag = code.tagged !== undefined && !code.tagged.includes('/') ? code.tagged : undefined;
    const id = this.takeId(this.dimensionIds, code, dimensionTag, slugify(code.name, 'code'));
    const tagged = descendants(code).filter((c) => c.codable).flatMap((c) => taggedId(c, 'variation') ?? []);
    const dimension = this.addDimension(id, code.name, code.description, tagged, code.color);
    if (code.codable) {
      const variation = this.addVariation(dimension, code, this.takeId(dimension.ids, code, undefined, slugify(code.name, 'code')), code.name, undefined);
      this.report.about(code.element, this.report.say.codableParent(code.name, variation, this.report.where(code.element)));
    } else if (code.guid) this.targets.set(code.guid, { kind: 'dimension', dimension: id, name: code.name });
    for (const child of code.children) this.addBelow(child, [], dimension);
    if (!dimension.data.variations.length) {
      this.report.about(code.element, this.report.say.emptyDimension(code.name, this.report.where(code.element)));
      this.dimensions.splice(this.dimensions.indexOf(dimension), 1);
    }
  }

  /** A code under a dimension: a variation when codable, named by its path below the dimension unless Fieldnotes tagged it. */
  private addBelow(code: RawCode, path: string[], dimension: DimensionBuilder): void {
    const names = [...path, code.name];
    if (!code.codable) {
      if (code.guid) this.targets.set(code.guid, { kind: 'not-codable', name: code.name });
      this.colourLeftOut(code);
    } else if (code.tagged?.includes('/')) {
      const [taggedDimension, taggedVariation] = splitCode(code.tagged);
      const id = this.takeId(dimension.ids, code, taggedVariation, slugify(code.name, 'code'));
      const written = this.addVariation(dimension, code, id, code.name, code.taggedEvidence);
      if (taggedDimension !== dimension.data.id) this.report.about(code.element, this.report.say.codeMoved(code.name, code.tagged, written, this.report.where(code.element)));
    } else {
      this.addVariation(dimension, code, this.takeId(dimension.ids, code, undefined, slugify(names.join(' '), 'code')), names.join(' › '), undefined);
    }
    for (const child of code.children) this.addBelow(child, names, dimension);
  }

  private addLoose(code: RawCode): void {
    if (code.tagged !== undefined && !code.tagged.includes('/')) {
      // Fieldnotes exports a dimension coded on its own (`#dimension`, a mistake in a note) this way.
      if (code.guid) this.targets.set(code.guid, { kind: 'dimension', dimension: code.tagged, name: code.name });
      this.colourLeftOut(code);
      return;
    }
    if (!code.codable) {
      if (code.guid) this.targets.set(code.guid, { kind: 'not-codable', name: code.name });
      this.colourLeftOut(code);
      return;
    }
    this.loose.push(code);
  }

  /** A code that becomes no dimension or variation takes its colour with it: said, since the colour was set on purpose. */
  private colourLeftOut(code: RawCode): void {
    if (code.color !== undefined) this.report.about(code.element, this.report.say.codeColourLeftOut(code.name, code.color, this.report.where(code.element)));
  }

  finish(): CodebookData {
    this.placeLoose();
    const dimensions = this.dimensions.map((d) => d.data);
    // Keys in the order a codebook is written: poles before dimensions.
    return this.poles.size ? { poles: Object.fromEntries(this.poles), dimensions } : { dimensions };
  }

  /** Loose codes tagged `{#dimension/variation}` join that dimension; the rest go to one dimension, `codes`. */
  private placeLoose(): void {
    let shared: DimensionBuilder | undefined;
    for (const code of this.loose) {
      if (code.tagged?.includes('/')) {
        const [dimensionId, variationId] = splitCode(code.tagged);
        const dimension = this.dimensions.find((d) => d.data.id === dimensionId) ?? this.addDimension(this.takeId(this.dimensionIds, code, dimensionId, 'code'), dimensionId, undefined);
        this.addVariation(dimension, code, this.takeId(dimension.ids, code, variationId, slugify(code.name, 'code')), code.name, code.taggedEvidence);
        continue;
      }
      shared ??= this.addDimension(this.dimensionIds.take('codes'), this.report.say.codesDimension, undefined);
      this.addVariation(shared, code, this.takeId(shared.ids, code, undefined, slugify(code.name, 'code')), code.name, undefined);
    }
  }

  private addDimension(id: string, label: string, description: string | undefined, taggedVariations: string[] = [], color?: string): DimensionBuilder {
    // Keys in the order a codebook is written: description and colour before variations.
    const data: DimensionData = { id, label, ...(description ? { description } : {}), ...(color ? { color } : {}), variations: [] };
    const dimension = { data, ids: new IdScope(taggedVariations) };
    this.dimensions.push(dimension);
    return dimension;
  }

  /** Adds the variation and returns its code, `dimension/variation`. */
  private addVariation(dimension: DimensionBuilder, code: RawCode, id: string, label: string, taggedEvidence: string | undefined): string {
    const data: VariationData = { id, label };
    if (code.description) data.description = code.description;
    const evidence = this.evidenceOf(code, taggedEvidence);
    if (evidence) data.evidence = evidence;
    // A colour the export would give the code anyway (its pole's) stays the pole's, so recolouring the pole recolours it.
    const poles = [...this.poles].map(([id, pole]) => ({ id, color: pole.color }));
    if (code.color !== undefined && code.color !== evidenceColour(evidence, poles)) data.color = code.color;
    dimension.data.variations.push(data);
    const written = `${dimension.data.id}/${id}`;
    if (code.guid) this.targets.set(code.guid, { kind: 'variation', code: written, name: code.name, evidence });
    return written;
  }

  /**
   * A tagged code's evidence, or else the one pole whose set holds it; a
   * pole a tag names but no set declares is added, so no reading is lost.
   */
  private evidenceOf(code: RawCode, tagged: string | undefined): string | undefined {
    const where = this.report.where(code.element);
    if (tagged === EITHER) {
      if (this.poles.size) return EITHER;
      this.report.about(code.element, this.report.say.eitherWithoutPoles(code.name, where));
      return undefined;
    }
    if (tagged !== undefined && isCodebookId(tagged)) {
      if (!this.poles.has(tagged)) {
        this.poles.set(tagged, { label: tagged });
        this.report.about(code.element, this.report.say.poleAdded(code.name, tagged, where));
      }
      return tagged;
    }
    const holding = this.poleSets.filter((p) => code.guid !== undefined && p.members.has(code.guid)).map((p) => p.id);
    if (holding.length > 1) this.report.about(code.element, this.report.say.severalPoles(code.name, holding, where));
    return holding.length === 1 ? holding[0] : undefined;
  }

  /** A unique id: the tag's when valid, else `fallback`; a change from the tag is reported (a slug is new either way). */
  private takeId(ids: IdScope, code: RawCode, tagged: string | undefined, fallback: string): string {
    const where = this.report.where(code.element);
    if (tagged === undefined) return ids.take(fallback);
    if (!isCodebookId(tagged)) {
      const used = ids.take(fallback);
      this.report.about(code.element, this.report.say.invalidTagId(code.name, tagged, used, where));
      return used;
    }
    const used = ids.claim(tagged);
    if (used !== tagged) this.report.about(code.element, this.report.say.idTaken(code.name, tagged, used, where));
    return used;
  }
}

function splitCode(code: string): [string, string] {
  const slash = code.indexOf('/');
  return [code.slice(0, slash), code.slice(slash + 1)];
}
