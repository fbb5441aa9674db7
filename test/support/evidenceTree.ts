import assert from 'node:assert/strict';
import type { ProtocolConnection } from 'vscode-languageserver-protocol/node';
import {
  EvidenceTreeRequest,
  type EvidenceDimension,
  type EvidencePole,
  type EvidenceSegment,
  type EvidenceTree,
  type EvidenceTreeParams,
  type EvidenceVariation,
} from '../../server/src/protocol/requests.js';

type Filter = Omit<EvidenceTreeParams, 'parent'>;

/** The top of the Evidence tree: poles, dimensions and variations with their counts. */
export async function evidenceTop(connection: ProtocolConnection, filter: Filter = {}): Promise<EvidenceTree> {
  return (await connection.sendRequest(EvidenceTreeRequest.method, filter)) as EvidenceTree;
}

/** One variation's segments, as the editor asks when the user expands it. */
export async function evidenceSegments(connection: ProtocolConnection, filter: Filter, pole: EvidencePole, dimension: EvidenceDimension, variation: EvidenceVariation): Promise<EvidenceSegment[]> {
  const parent = { ...(pole.id === undefined ? {} : { pole: pole.id }), dimension: dimension.id, code: variation.code };
  return (await connection.sendRequest(EvidenceTreeRequest.method, { ...filter, parent })) as EvidenceSegment[];
}

export type ExpandedVariation = EvidenceVariation & { segments: EvidenceSegment[] };
export type ExpandedTree = Omit<EvidenceTree, 'poles'> & {
  poles: (Omit<EvidencePole, 'dimensions'> & { dimensions: (Omit<EvidenceDimension, 'variations'> & { variations: ExpandedVariation[] })[] })[];
};

/**
 * The whole Evidence tree as a user who expands every variation sees it:
 * the top, then each variation's segments. Each variation must give as
 * many segments as the top counted for it.
 */
export async function expandedEvidence(connection: ProtocolConnection, filter: Filter = {}): Promise<ExpandedTree> {
  const top = await evidenceTop(connection, filter);
  const poles = [];
  for (const pole of top.poles) {
    const dimensions = [];
    for (const dimension of pole.dimensions) {
      const variations = [];
      for (const variation of dimension.variations) {
        const segments = await evidenceSegments(connection, filter, pole, dimension, variation);
        assert.equal(segments.length, variation.count, `the count beside ${variation.code} under ${pole.label} is the number of its segments`);
        variations.push({ ...variation, segments });
      }
      dimensions.push({ ...dimension, variations });
    }
    poles.push({ ...pole, dimensions });
  }
  return { ...top, poles };
}
