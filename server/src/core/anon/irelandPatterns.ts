import type { AnonEvidence, AnonType } from './types.js';

/** How a scan reports what it found: `patterns.ts` makes the finding, with its score for the type. */
export type Report = (type: AnonType, start: number, end: number, evidence: AnonEvidence[]) => void;

/**
 * Identifiers as Ireland writes them, for the studies that compare with
 * Irish services: a PPS number (seven digits and a check letter, perhaps a
 * second letter: `7823419KA`), an Eircode (`P51 KX28`: a single address),
 * a Dublin postal district (`Dublin 22`) and a landline with its area code
 * in brackets (`(01) 462 9310`). Each is looked for only where the note
 * can hold it: cheap looks first, as most notes hold none.
 */
export function scanIreland(text: string, report: Report): void {
  if (PPS_HINT.test(text)) scanPps(text, report);
  if (EIRCODE_HINT.test(text)) scanEircodes(text, report);
  if (text.includes('Dublin ')) {
    for (const m of text.matchAll(DUBLIN_DISTRICT)) report('place', m.index, m.index + m[0].length, [{ kind: 'shape', cue: 'district' }]);
  }
  if (text.includes('(0')) {
    for (const m of text.matchAll(AREA_CODE_IN_BRACKETS)) report('phone', m.index, m.index + m[0].length, [{ kind: 'phone' }]);
  }
}

/** Seven digits and a capital right after them. */
const PPS_HINT = /\d{7}[A-W]/;
const PPS = /(?<![0-9A-Za-z])(\d{7})([A-W])([A-IW]?)(?![0-9A-Za-z])/g;
/** The words before a PPS number written with a wrong check letter. */
const PPS_CUE_BEFORE = /(?:PPS|PPSN|personal public service)[^.\n]{0,30}$/i;

function scanPps(text: string, report: Report): void {
  for (const m of text.matchAll(PPS)) {
    const valid = ppsCheckLetter(m[1]!, m[3]!) === m[2];
    if (valid || PPS_CUE_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index))) {
      report('idnum', m.index, m.index + m[0].length, [{ kind: 'idnum', dNumber: false, pps: true, mistyped: !valid || undefined }]);
    }
  }
}

/** The check letter of a PPS number: the digits weighted 8 to 2 and the second letter 9 (`W` as 0), modulo 23 (0 is `W`). */
export function ppsCheckLetter(digits: string, second: string): string {
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(digits[i]) * (8 - i);
  if (second && second !== 'W') sum += (second.charCodeAt(0) - 64) * 9;
  const check = sum % 23;
  return check === 0 ? 'W' : String.fromCharCode(64 + check);
}

/** An Eircode's routing key (a letter and two digits, or `D6W`), a space or none, and its four characters. */
const EIRCODE_HINT = /[AC-FHKNPRTV-Y]\d[\dW] ?[0-9AC-FHKNPRTV-Y]{4}/;
const EIRCODE = /(?<![0-9A-Za-z])(?:[AC-FHKNPRTV-Y]\d{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4}(?![0-9A-Za-z])/g;

function scanEircodes(text: string, report: Report): void {
  for (const m of text.matchAll(EIRCODE)) {
    // (The unique part holds a letter: `V12 2024` is a code and a year.)
    if (!/[A-Z]/.test(m[0].slice(-4))) continue;
    report('place', m.index, m.index + m[0].length, [{ kind: 'shape', cue: 'eircode' }]);
  }
}

const DUBLIN_DISTRICT = /(?<![\p{L}])Dublin \d{1,2}W?(?![\p{L}\p{N}])/gu;
const AREA_CODE_IN_BRACKETS = /\(0\d{1,3}\)[ \u00a0]?\d{3,4}[ \u00a0-]?\d{3,4}(?!\d)/g;
