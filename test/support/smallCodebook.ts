/** A small codebook of two dimensions, with a fixed-pole variation of each pole and one read either way, for hand-made cases. */
export const SMALL_CODEBOOK = `poles:
  proactive: { label: Proaktiv, color: "#2e7d32" }
  reactive: { label: Reaktiv, color: "#c62828" }
dimensions:
  - id: kontakt
    label: Kontaktvei
    variations:
      - { id: oppsøkende, label: Oppsøkende, evidence: proactive }
      - { id: venter, label: Venter, evidence: reactive }
      - { id: samarbeid, label: Via samarbeid, evidence: either }
  - id: ansvar
    label: Ansvar
    variations:
      - { id: bredt, label: Bredt, evidence: proactive }
      - { id: smalt, label: Smalt, evidence: reactive }
`;
