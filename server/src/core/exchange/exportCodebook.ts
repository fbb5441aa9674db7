import type { Codebook } from '../codebook/codebook.js';
import { CODEBOOK_NS, codeTag, evidenceColour, originOf, poleTag, stableGuid } from './refi.js';
import { children, element, serialize, type XmlElement } from './xmlWriter.js';

/** A code a note uses that its codebook lacks: exported all the same, so no coding is lost. */
export interface ExtraCode {
  dimension: string;
  variation: string | undefined;
}

export function codeGuid(code: string): string {
  return stableGuid('code', code);
}

export function dimensionGuid(dimension: string): string {
  return stableGuid('dimension', dimension);
}

/** Which schema the elements are for: the codebook file and the project differ in how a set names its members. */
type Target = 'qdc' | 'qdpx';

/**
 * The codebook as REFI codes: each dimension a parent code that cannot be
 * coded, each variation a codable child with its own colour or else its
 * pole's; every description ends with the line a coder types for the code.
 */
export function codesElement(codebook: Codebook, extra: ExtraCode[] = []): XmlElement {
  const dimensions = codebook.dimensions.map((dimension) =>
    element('Code', { guid: dimensionGuid(dimension.id), name: dimension.label, isCodable: false, color: dimension.color }, [
      description(dimension.description, codeTag(dimension.id, undefined)),
      ...dimension.variations.map((variation) =>
        element(
          'Code',
          {
            guid: codeGuid(variation.code),
            name: variation.label,
            isCodable: true,
            color: variation.color ?? evidenceColour(variation.evidence, codebook.poles),
          },
          [description(variation.description, codeTag(variation.code, variation.evidence))],
        ),
      ),
      ...extra.filter((code) => code.dimension === dimension.id && code.variation !== undefined).map(extraCode),
    ]),
  );
  const extraDimensions = [...new Set(extra.map((code) => code.dimension))].filter((id) => !codebook.dimensionsById.has(id));
  for (const id of extraDimensions) {
    const variations = extra.filter((code) => code.dimension === id && code.variation !== undefined).map(extraCode);
    const codableItself = extra.some((code) => code.dimension === id && code.variation === undefined);
    dimensions.push(element('Code', { guid: codableItself ? codeGuid(id) : dimensionGuid(id), name: id, isCodable: codableItself }, [description(undefined, codeTag(id, undefined)), ...variations]));
  }
  return element('Codes', {}, dimensions);
}

function extraCode(code: ExtraCode): XmlElement {
  const id = `${code.dimension}/${code.variation}`;
  return element('Code', { guid: codeGuid(id), name: code.variation!, isCodable: true }, [description(undefined, codeTag(id, undefined))]);
}

function description(text: string | undefined, tag: string): XmlElement {
  return element('Description', {}, text ? `${text}\n\n${tag}` : tag);
}

/** One set per pole, holding the variations that support it; the set's description ends with `{pole=id}`. */
export function poleSets(codebook: Codebook, target: Target): XmlElement | undefined {
  const sets = codebook.poles.map((pole) => {
    const members = codebook.dimensions.flatMap((d) => d.variations).filter((v) => v.evidence === pole.id);
    return element('Set', { guid: stableGuid('pole', pole.id), name: pole.label }, [
      description(pole.description, poleTag(pole.id)),
      ...members.map((v) => element('MemberCode', target === 'qdc' ? { guid: codeGuid(v.code) } : { targetGUID: codeGuid(v.code) })),
    ]);
  });
  return sets.length ? element('Sets', {}, sets) : undefined;
}

/** The codebook as a REFI-QDA codebook file (`.qdc`). */
export function exportCodebook(codebook: Codebook, version: string): string {
  return serialize(element('CodeBook', { xmlns: CODEBOOK_NS, origin: originOf(version) }, children(codesElement(codebook), poleSets(codebook, 'qdc'))));
}
