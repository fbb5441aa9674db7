import assert from 'node:assert/strict';
import { birthDatesAgain, birthDatesAnswered, findPatterns, idNumbersOfBirthDates, isIdNumber } from '../server/src/core/anon/patterns.js';
import { ppsCheckLetter } from '../server/src/core/anon/irelandPatterns.js';
import { nhsCheckDigit } from '../server/src/core/anon/ukUsPatterns.js';
import { luhn } from '../server/src/core/anon/nordicIds.js';
import type { AnonFinding, AnonType } from '../server/src/core/anon/types.js';

/** Every finding as `type:text`, after checking that its span is exactly its text. */
function found(text: string, type?: AnonType): string[] {
  return checked(text)
    .filter((f) => type === undefined || f.type === type)
    .map((f) => `${f.type}:${f.text}`);
}

function checked(text: string): AnonFinding[] {
  const findings = findPatterns(text);
  for (const f of findings) {
    assert.ok(f.span.start >= 0 && f.span.start < f.span.end && f.span.end <= text.length, JSON.stringify(f.span));
    assert.equal(text.slice(f.span.start, f.span.end), f.text);
    assert.ok(f.score > 0 && f.score <= 1);
  }
  return findings;
}

/** The one finding in `text`, which must be `expected` at its first occurrence. */
function only(text: string, type: AnonType, expected: string): AnonFinding {
  const findings = checked(text);
  assert.deepEqual(
    findings.map((f) => `${f.type}:${f.text}`),
    [`${type}:${expected}`],
    text,
  );
  const f = findings[0]!;
  assert.deepEqual(f.span, { start: text.indexOf(expected), end: text.indexOf(expected) + expected.length });
  return f;
}

// Fødselsnummer check digits, computed here independently of the code under test.
const K1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
function control(digits: number[], weights: number[]): number {
  const k = 11 - (weights.reduce((sum, w, i) => sum + w * digits[i]!, 0) % 11);
  return k === 11 ? 0 : k; // 10 means no valid number
}
/** The nine digits with their two check digits, or undefined where none exist. */
function withChecks(nine: string): string | undefined {
  const d = [...nine].map(Number);
  const k1 = control(d, K1);
  if (k1 === 10) return undefined;
  const k2 = control([...d, k1], K2);
  if (k2 === 10) return undefined;
  return `${nine}${k1}${k2}`;
}
/** The first valid number for `ddmmyy` with an individnummer from `from` up. */
function validId(ddmmyy: string, from = 0): string {
  for (let i = from; i < 1000; i++) {
    const id = withChecks(ddmmyy + String(i).padStart(3, '0'));
    if (id) return id;
  }
  throw new Error(`no valid number for ${ddmmyy}`);
}
/** The same number with its last digit changed: a wrong check digit. */
const broken = (id: string) => id.slice(0, 10) + String((Number(id[10]) + 1) % 10);

describe('anonymisation patterns: fødselsnummer', () => {
  it('accepts the two known numbers, a fødselsnummer and a D-number', () => {
    assert.ok(isIdNumber('30090851221'));
    assert.ok(isIdNumber('51040256990'));
    assert.deepEqual(only('Fnr. 30090851221 i journalen.', 'idnum', '30090851221').evidence, [{ kind: 'idnum', dNumber: false }]);
    const d = only('D-nummeret hans er 51040256990.', 'idnum', '51040256990');
    assert.deepEqual(d.evidence, [{ kind: 'idnum', dNumber: true }]);
    assert.equal(d.score, 0.95);
  });

  it('finds generated numbers with correct check digits, and only those, unless the word before says what a mistyped one is', () => {
    for (const ddmmyy of ['010190', '311299', '150675', '280205', '300908', '010101', '290204']) {
      const id = validId(ddmmyy);
      assert.ok(isIdNumber(id), id);
      only(`Personnummer: ${id}, sa hun.`, 'idnum', id);
      assert.deepEqual(found(`Saksnummer ${broken(id)}, sa hun.`), [], broken(id));
      // A mistyped number still identifies someone: after `personnummer` it is found, its check digits notwithstanding.
      only(`Personnummer: ${broken(id)}, sa hun.`, 'idnum', broken(id));
    }
  });

  it('finds a birthday after the age in words it brings, and a date the words after call a birthday', () => {
    assert.deepEqual(found('Jeg fyller nitten 12. november. She wrote 03.07.06, her birthday. Møtet er 3. mars.', 'dob'), ['dob:12. november', 'dob:03.07.06']);
    assert.deepEqual(found('Tuva fyller tjue rett etter 17. mai neste år.', 'dob'), []);
  });

  it('finds a birthday written the American way after bday, and the same date again with slashes read month first', () => {
    assert.deepEqual(found('bday is oct 2 2005 if she needs it. The form says 10/2/05, NAV wants 02.10.05. Meeting March 3, 2024.', 'dob'), [
      'dob:oct 2 2005',
      'dob:10/2/05',
      'dob:02.10.05',
    ]);
    // (Right after its cue, a date read month first where day first is none: `DOB 03/14/2006`.)
    assert.deepEqual(found('M4 (DOB 03/14/2006 per the intake form). The meeting was 03/14/2024.', 'dob'), ['dob:03/14/2006']);
  });

  it('finds foreign numbers written with brackets, and a mistyped id number in two groups where a message before asks for it', () => {
    assert.deepEqual(found('Ring (+1) 613-555-0147, +233 (0)24 455 0192 eller +1 (613) 555-0147. Saksnr (2024) 12.', 'phone'), [
      'phone:(+1) 613-555-0147',
      'phone:+233 (0)24 455 0192',
      'phone:+1 (613) 555-0147',
    ]);
    assert.deepEqual(found('Har du fnr? Finner ham ikke\n> 14.03.2024, 08:55 - Stein: 220507 84338', 'idnum'), ['idnum:220507 84338']);
    assert.deepEqual(found('Møtet 14.03 kl 10:00, saksnummer 220507 84338.', 'idnum'), []);
    assert.deepEqual(found('Zhang Bo, f.nr 0207069 8547, bor med mor. Mor hadde D-nr 52059929878 før. Saksnr 0207069 8547.', 'idnum'), ['idnum:0207069 8547', 'idnum:52059929878']);
    assert.deepEqual(found('She read out his PESEL number, 06231946391, as if. Order 06231946391.', 'idnum'), ['idnum:06231946391']);
    assert.deepEqual(found('Fnr: 010100 00000 (eksempel i skjemaet). Fnr 01010000000.', 'idnum'), []);
  });

  it('finds a date of birth after D.O.B., an NHS number a little further from its name, and an id number found once written again without its cue', () => {
    assert.deepEqual(found('| Name | Aoife Byrne |\n|---|---|\n| D.O.B. | 2 Feb 2006 |', 'dob'), ['dob:2 Feb 2006']);
    assert.deepEqual(found('NHS number on the discharge letter reads 854 040 6968.', 'idnum'), ['idnum:854 040 6968']);
  });

  it('finds another country’s number after the international prefix 00 where a phone’s word stands before it, not a case number', () => {
    assert.deepEqual(found('Sasha noterer tlf 0037061234567 (litauisk nr). Saksnummer 00123456789012 er intern.', 'phone'), ['phone:0037061234567']);
    // Grouped as phone numbers are, it is one without a cue; one run of digits is not.
    assert.deepEqual(found('Fra: 0048 603 118 472\nRef 00123456789012 og 0048-603-118-472.', 'phone'), ['phone:0048 603 118 472', 'phone:0048-603-118-472']);
  });

  it('finds a mobile number with another country’s trunk 0, and a date of birth after b.', () => {
    assert.deepEqual(found('Contact 0491 570 156 or 087 914 2236. Signed (she is 18, b. 26/07/05). Year 2019 2020 2021.'), [
      'phone:0491 570 156',
      'phone:087 914 2236',
      'dob:26/07/05',
    ]);
  });

  it('finds eleven digits that start with a date of birth the note gives, mistyped or not', () => {
    const text = 'Consent signed (b. 26/07/05).\n\nThe form says 26070562313, or 260705 62313. Case 12345678901.';
    const births = findPatterns(text.slice(0, text.indexOf('\n')));
    assert.deepEqual(idNumbersOfBirthDates(text, births).map((f) => f.text), ['26070562313', '260705 62313']);
  });

  it('finds a date of birth given as the answer to a question about it, in the next turn only', () => {
    const answer = '**I:** May I check your date of birth?\n\n**Youth 15:** 2nd of February 2004. Same on the form.';
    const at = answer.indexOf('2nd');
    assert.deepEqual(birthDatesAnswered(answer).map((f) => [f.text, f.span.start]), [['2nd of February 2004', at]]);
    assert.deepEqual(birthDatesAnswered('I: Når er du født?\nIP: 14. mars 2006, hvorfor?').map((f) => f.text), ['14. mars 2006']);
    assert.deepEqual(birthDatesAnswered('Did you get her date of birth? We met 3. mars 2024.\n\nBirthday?\n\nI: yes, I met her 3. mars 2024'), []);
  });

  it('finds a date of birth with the day in words, answered after a timed turn, and a month and year after a cue', () => {
    const said = "Interviewer: Just for the sheet, when's your birthday?\n\nP3: Second of September 2005. So I turned eighteen.";
    assert.deepEqual(birthDatesAnswered(said).map((f) => f.text), ['Second of September 2005']);
    const timed = '[00:00:31] **Int.:** And your date of birth, just for the form?\n\n[00:00:34] **IP:** 14th of February 2004. Valentine’s.';
    assert.deepEqual(birthDatesAnswered(timed).map((f) => f.text), ['14th of February 2004']);
    assert.deepEqual(found('M.Y.F., b. Feb 2003, and the twenty-first of May 2004 was born Tom.', 'dob'), ['dob:Feb 2003']);
    assert.deepEqual(found('Born on the thirty-first of March 2004. The March 2020 meeting was long.', 'dob'), ['dob:thirty-first of March 2004']);
  });

  it('finds a date of birth of one paragraph again in another', () => {
    const text = 'Correct is (born 8 Nov 2006).\n\nIt does not match 08.11.06 at all, nor 09.11.06.';
    const births = findPatterns(text.slice(0, text.indexOf('\n')));
    assert.deepEqual(birthDatesAgain(text, births).map((f) => [f.text, f.span.start]), [['08.11.06', text.indexOf('08.11.06')]]);
  });

  it('finds a mistyped number that starts with a date where the sentence before names it, not a case number', () => {
    only('Hun leste opp fødselsnummeret sitt. Jeg noterte 14020515748, men det gikk ikke gjennom.', 'idnum', '14020515748');
    assert.deepEqual(found('Hun leste opp fødselsnummeret sitt. Saksnummer 2024, og så 14020515748.'), []);
  });

  it('never accepts a number whose first check digit would be 10 (remainder 1)', () => {
    let tried = 0;
    for (let i = 0; i < 1000 && tried < 3; i++) {
      const nine = `150675${String(i).padStart(3, '0')}`;
      const d = [...nine].map(Number);
      if (control(d, K1) !== 10) continue;
      tried++;
      for (let k = 0; k < 100; k++) {
        const id = nine + String(k).padStart(2, '0');
        assert.ok(!isIdNumber(id), id);
        assert.deepEqual(found(`Nr ${id} her`, 'idnum'), []);
      }
    }
    assert.equal(tried, 3);
  });

  it('reads the one-space form DDMMYY NNNNN, but not other splits', () => {
    const id = validId('300908');
    const spaced = `${id.slice(0, 6)} ${id.slice(6)}`;
    only(`Fødselsnummeret er ${spaced}.`, 'idnum', spaced);
    only(`Fødselsnummeret er ${id.slice(0, 6)}\u00a0${id.slice(6)}.`, 'idnum', `${id.slice(0, 6)}\u00a0${id.slice(6)}`);
    assert.deepEqual(found(`Nummeret er ${id.slice(0, 6)}  ${id.slice(6)}.`), []);
    assert.deepEqual(found(`Nummeret er ${id.slice(0, 6)}-${id.slice(6)}.`), []);
    assert.deepEqual(found(`Nummeret er ${id.slice(0, 4)} ${id.slice(4)}.`), []);
  });

  it('marks D-numbers (day + 40) and accepts H-numbers (month + 40)', () => {
    const dNumber = validId('410170'); // 1 January 1970
    assert.deepEqual(only(`D-nr ${dNumber}`, 'idnum', dNumber).evidence, [{ kind: 'idnum', dNumber: true }]);
    const last = validId('711270'); // 31 December
    assert.deepEqual(only(`D-nr ${last}`, 'idnum', last).evidence, [{ kind: 'idnum', dNumber: true }]);
    const hNumber = validId('155075'); // 15 October (10 + 40)
    assert.deepEqual(only(`H-nummer ${hNumber}`, 'idnum', hNumber).evidence, [{ kind: 'idnum', dNumber: false }]);
  });

  it('rejects implausible dates even with correct check digits', () => {
    for (const ddmmyy of ['320190', '001290', '011390', '310490', '300290', '290203', '720170', '011370', '010090']) {
      const id = validId(ddmmyy);
      assert.ok(!isIdNumber(id), id);
      assert.deepEqual(found(`Nr ${id} her`, 'idnum'), [], id);
    }
    // 29 February: 1904 and 2000 were leap years, 1900 was not (the individnummer gives the century).
    assert.ok(isIdNumber(validId('290204', 0)));
    assert.ok(!isIdNumber(validId('290200', 0)));
    assert.ok(isIdNumber(validId('290200', 500)));
  });

  it('is never part of a longer digit run, a word, a URL or an e-mail address, nor a phone number', () => {
    const id = validId('150675');
    for (const text of [`1${id}`, `${id}0`, `${id}1 ok`, `ab${id}`, `${id}ab`, `https://example.no/sak/${id}`, `www.example.no/${id}`, `${id}@nav.no`, `1.${id}`, `3,${id}`, `${id},5`, `${id.slice(0, 6)}.${id.slice(6)}`]) {
      assert.deepEqual(found(text, 'idnum'), [], text);
      assert.deepEqual(found(text, 'phone'), [], text);
    }
    assert.deepEqual(found(`Nr. ${id}`, 'phone'), []);
  });

  it('reads an 11-digit run set off by spaces from other numbers', () => {
    const id = validId('150675');
    only(`side 12 ${id} i saken`, 'idnum', id);
    only(`fnr.${id}`, 'idnum', id);
  });
});

describe('anonymisation patterns: phone numbers', () => {
  it('finds every usual grouping', () => {
    for (const phone of ['41527384', '415 27 384', '482 19 560', '71 25 80 00', '4152 7384', '415-27-384', '71.25.80.00', '415\u00a027\u00a0384', '22334455', '99887766', '800 12 345']) {
      const f = only(`Du når henne på ${phone} hver dag.`, 'phone', phone);
      assert.equal(f.score, 0.85);
      assert.deepEqual(f.evidence, [{ kind: 'phone' }]);
    }
  });

  it('takes the +47 or 0047 prefix into the span', () => {
    for (const phone of ['+47 71 58 90 12', '+4741527384', '0047 41527384', '004741527384', '+47 415 27 384', '+47-415-27-384', '(+47) 415 27 384', '+47\u00a041527384']) {
      only(`Kontakt: ${phone}.`, 'phone', phone);
    }
  });

  it('raises the score with a cue word before, and names the cue', () => {
    const cases: [string, string, string][] = [
      ['Ring meg på 415 27 384.', '415 27 384', 'ring'],
      ['tlf. 41527384', '41527384', 'tlf'],
      ['Telefon: +47 71 58 90 12', '+47 71 58 90 12', 'telefon'],
      ['Mobilen hennes er 482 19 560', '482 19 560', 'mobilen'],
      ['Nummeret er 71 25 80 00', '71 25 80 00', 'nummeret'],
      ['Hun ringte fra 4152 7384 i går', '4152 7384', 'ringte'],
      ['Mobilnr: 41527384', '41527384', 'mobilnr'],
    ];
    for (const [text, phone, cue] of cases) {
      const f = only(text, 'phone', phone);
      assert.equal(f.score, 0.95, text);
      assert.deepEqual(f.evidence, [{ kind: 'phone' }, { kind: 'context', cue }], text);
    }
    // A cue further back than about 30 characters does not count.
    assert.equal(only('Ring meg, sa hun, og så skrev hun ned 41527384', 'phone', '41527384').score, 0.85);
  });

  it('rejects amounts, years, year ranges, dates, clock times, sections and list numbers', () => {
    for (const text of [
      'Det kostet kr 41 527 384 i fjor.',
      'Det kostet 41 527 384 kroner.',
      'Budsjettet var kr 41527384.',
      'Budsjettet var NOK 41527384.',
      'Budsjettet var 41527384 kroner.',
      'Budsjettet var 41527384,-.',
      'Det var 20 000 000 i potten.',
      'I 2020–2021 gikk hun på skolen.',
      'I 2020-2021 gikk hun på skolen.',
      'Mellom 2019 2020 skjedde det.',
      'I 2005 flyttet de.',
      'Møtet var 28.02.2005.',
      'Møtet var 28022005.',
      'Møtet var 20050228.',
      'Vi møttes kl. 12.30-14.00.',
      'Vi møttes 2200-2330.',
      'Vi møttes kl 22 30 23 00.',
      'Se § 12 i loven.',
      'Se § 41527384 i loven.',
      '41527384. Første punkt\n',
      'Liste:\n41527384) Første punkt\n',
      '> 41527384. Sitert punkt\n',
      'Det gjaldt 41527384 prosent.',
      'Organisasjonsnummer 912 345 678.',
      'Kontonummer 1234.56.78903.',
      'Et nummer som 12345678 starter med 1.',
      'Et nummer som 01234567 starter med 0.',
    ]) {
      assert.deepEqual(found(text, 'phone'), [], text);
    }
  });

  it('finds another country’s number by its country code, and leaves public services’ numbers alone', () => {
    only('Det svenske nummeret er +46 70 123 45 67 nå.', 'phone', '+46 70 123 45 67');
    only('Hun har et polsk nummer, +48 601 233 418.', 'phone', '+48 601 233 418');
    assert.deepEqual(found('Ring NAV på 55 55 33 33 eller Kirkens SOS på 22 40 00 40.', 'phone'), []);
  });

  it('finds a British number written at home, with its trunk 0, in the groups Britons use; not an 11-digit run', () => {
    assert.deepEqual(found('Her Nan rings on 0114 496 0872, or from her mobile, 07700 900316; the office is 020 7946 0958.', 'phone'), ['phone:0114 496 0872', 'phone:07700 900316', 'phone:020 7946 0958']);
    assert.deepEqual(found('Nummeret 07070512345 ble avvist.', 'phone'), []);
  });

  it('finds a British postcode as a place, and leaves paper sizes and Norwegian postcodes alone', () => {
    assert.deepEqual(found('She lives in Sheffield S8 0GT, near SW1A 1AA.', 'place'), ['place:S8 0GT', 'place:SW1A 1AA']);
    assert.deepEqual(found('Skriv ut på A4 ark og send til 2315 Hamar.', 'place'), []);
  });

  it('rejects numbers in longer digit runs, inside words, e-mail addresses and URLs', () => {
    for (const text of [
      'Kode 415273845 her.',
      'Kode 14152738 her.',
      'Kode 4152738 her.',
      'Kode 415 27 3845 her.',
      'Kode 1 415 27 384 her.',
      'Kode 41 52 73 84 12 her.',
      'Kode abc41527384 her.',
      'Kode 41527384abc her.',
      'Kode ID-41527384 her.',
      'Kode snake_41527384 her.',
      'Verdien 3,41527384 her.',
      'Verdien 41527384,50 her.',
      'Verdien 41527384% her.',
      'Skriv til 41527384@sms.nav.no.',
      'Skriv til eli.41527384@nav.no.',
      'Se https://example.no/sak/41527384 nå.',
      'Se [saken](https://example.no/sak/41527384).',
      'Se www.example.no/41527384 nå.',
      'Utenlandsk +41527384 nummer.',
      'Mixed 415 27-384 her.',
    ]) {
      assert.deepEqual(found(text, 'phone'), [], text);
    }
  });

  it('keeps a phone number in Markdown emphasis, code, links and tables', () => {
    only('Ring **415 27 384** nå', 'phone', '415 27 384');
    only('Ring `41527384` nå', 'phone', '41527384');
    only('Ring _41527384_ nå', 'phone', '41527384');
    only('[Ring henne](tel:+4741527384)', 'phone', '+4741527384');
    only('| Eli | 415 27 384 |', 'phone', '415 27 384');
    only('Ring 41527384-nummeret', 'phone', '41527384');
  });
});

describe('anonymisation patterns: e-mail addresses', () => {
  it('finds addresses, with Norwegian letters, without trailing punctuation', () => {
    for (const [text, email] of [
      ['Skriv til eli.sunde@nav.no.', 'eli.sunde@nav.no'],
      ['Skriv til eli.sunde@nav.no, takk', 'eli.sunde@nav.no'],
      ['(eva-marie.pettersen@osloskolen.no)', 'eva-marie.pettersen@osloskolen.no'],
      ['Adresse: jørn.ås@kommune.no!', 'jørn.ås@kommune.no'],
      ['<tiril_b+skole@elev.bergen.kommune.no>', 'tiril_b+skole@elev.bergen.kommune.no'],
      ['[mail](mailto:kari99@gmail.com)', 'kari99@gmail.com'],
      ['E-post: Kari.Nordmann@Firma-Ås.NO?', 'Kari.Nordmann@Firma-Ås.NO'],
      ['Send til eli@nav.no-adressen', 'eli@nav.no'],
    ]) {
      const f = only(text!, 'email', email!);
      assert.equal(f.score, 0.95);
      assert.deepEqual(f.evidence, [{ kind: 'email' }]);
    }
  });

  it('rejects what only looks like an address', () => {
    for (const text of ['Hei @eli, se her', 'x@y uten domene', 'eli.@nav.no', 'eli@nav', 'eli@nav.n', 'eli@.no', 'a @ b.no', 'eli@nav.no2']) {
      assert.deepEqual(found(text, 'email'), [], text);
    }
  });
});

describe('anonymisation patterns: dates of birth', () => {
  it('finds a date of birth a colon, a bracket or a quote points at further from its cue, and after the plural cue', () => {
    assert.deepEqual(found('Her birthday came up when we talked about the SUSI cut-off: "3rd of May 2001, so I just miss it".', 'dob'), ['dob:3rd of May 2001']);
    assert.deepEqual(found('Fødselsdatoen hans er lett å lese ut av nummeret også (27.09.05), så det må ut.', 'dob'), ['dob:27.09.05']);
    assert.deepEqual(found('Birth dates: she gave one on the form (14.03.05).', 'dob'), ['dob:14.03.05']);
  });

  it('takes no date in a table’s header row for a birth, where the header names a column of births beside another', () => {
    assert.deepEqual(found('| # | name | born | status Dec 2024 |\n|---|---|---|---|\n| 1 | Kari Holm | 12.03.2005 | ok |\n', 'dob'), ['dob:12.03.2005']);
  });

  it('finds a second date of birth said against the first, and every dated name on a labelled line; not a later date of something else', () => {
    assert.deepEqual(found('«Han er født 23.11.2007, men papirene fra UDI sier 1.1.2007.»', 'dob'), ['dob:23.11.2007', 'dob:1.1.2007']);
    assert.deepEqual(found('Han var registrert som født 01.01.2006 men han sier selv 12. mars 2007. Det betyr noe.', 'dob'), ['dob:01.01.2006', 'dob:12. mars 2007']);
    assert.deepEqual(found('Date of birth for consent form: the father is registered 01.01.1974 (the usual 1 January), Yousef 2005-06-19.', 'dob'), ['dob:01.01.1974', 'dob:2005-06-19']);
    assert.deepEqual(found('Hun er født 03.04.2005 og begynte på skolen 15.08.2013. Født 3.4.2005. Møtet var 12.05.2023, men referatet kom 14.05.2023.', 'dob'), ['dob:03.04.2005', 'dob:3.4.2005']);
  });

  it('finds written dates after a word about birth, the date alone in the span', () => {
    const cases: [string, string, string][] = [
      ['Hun er født 28. februar 2005 i Bergen.', '28. februar 2005', 'født'],
      ['Han er født 2. januar 2006.', '2. januar 2006', 'født'],
      ['Ho er fødd 30. september 2008.', '30. september 2008', 'fødd'],
      ['Født 28.02.2005 på Haukeland.', '28.02.2005', 'født'],
      ['Hun er født 28/2-2005.', '28/2-2005', 'født'],
      ['Hun er født den 28. februar 2005.', '28. februar 2005', 'født'],
      ['Kari Nordmann, f. 28.02.2005, bor her.', '28.02.2005', 'f.'],
      ['Fødselsdato: 3.11.1987', '3.11.1987', 'fødselsdato'],
      ['Fødselsdagen hans er 14. okt. 1990.', '14. okt. 1990', 'fødselsdagen'],
      ['Hun har bursdag 3. mars.', '3. mars', 'bursdag'],
      ['Født 2005-02-28.', '2005-02-28', 'født'],
      ['Født 28.02.05.', '28.02.05', 'født'],
      ['født 28022005', '28022005', 'født'],
      ['Hun er født i Bergen 5. des. 2001', '5. des. 2001', 'født'],
    ];
    for (const [text, date, cue] of cases) {
      const f = only(text, 'dob', date);
      assert.equal(f.score, 0.9);
      assert.deepEqual(f.evidence, [{ kind: 'dob', cue }], text);
    }
  });

  it('finds a date followed by `har ... bursdag`', () => {
    only('Den 30. september har hun bursdag.', 'dob', '30. september');
    only('28. februar 2005 har jeg bursdag, sa hun.', 'dob', '28. februar 2005');
  });

  it('takes every month name and abbreviation', () => {
    const months = ['januar', 'jan.', 'februar', 'feb.', 'febr.', 'mars', 'mar.', 'april', 'apr.', 'mai', 'juni', 'jun.', 'juli', 'jul.', 'august', 'aug.', 'september', 'sep.', 'sept.', 'oktober', 'okt.', 'november', 'nov.', 'desember', 'des.'];
    for (const month of months) only(`Født 9. ${month} 1999 i Oslo.`, 'dob', `9. ${month} 1999`);
    only('Født 9. Mars 1999', 'dob', '9. Mars 1999');
  });

  it('finds a year of birth alone after the cue, and not the date of another clause', () => {
    only('Født i 1985 og flyttet 3. mars 2020.', 'dob', '1985');
    only('Hun er født i 2005.', 'dob', '2005');
    only('Født 2005, oppvokst i Bergen.', 'dob', '2005');
    only('Jon-Erik (f. 1999, altså over grensen) kom.', 'dob', '1999');
  });

  it('does not flag a date without a birth cue, or a year alone without one', () => {
    for (const text of [
      'Møtet var mandag 3. mars.',
      'Vi møttes 28. februar 2005 på kontoret.',
      'Intervjuet ble gjort 28.02.2005.',
      'Hun begynte i 2005.',
      'I 2005 ble 2005 barn født.',
      'Hun er født i Bergen. Møtet var 3. mars 2020.',
      'Hun er født i Bergen, og 3. mars 2020 flyttet hun.',
      'Hun er født og oppvokst i en liten bygd langt mot nord der 3. mars 2020 var kaldt.',
      'Vi bruker f.eks. 28.02.2005 som frist.',
      'Den 31. februar 2005 er hun født.',
      'Hun er født 31. februar 2005.',
      'Hun er født 32. mars 2005.',
      'Nyfødt 3. mars 2020.',
    ]) {
      assert.deepEqual(found(text, 'dob'), [], text);
    }
  });

  it('finds a date of birth written again in another form, and leaves other dates alone', () => {
    assert.deepEqual(found('Chloe (born 17 June 2005) moved here. Her form says 17/06/2005, the school wrote 170605. We met 17.06.2023.', 'dob'), [
      'dob:17 June 2005',
      'dob:17/06/2005',
      'dob:170605',
    ]);
    assert.deepEqual(found('Møtet var 17.06.2005 og 3. mars 2006.', 'dob'), []);
  });
});

describe('anonymisation patterns: texts as they come', () => {
  it('finds everything in one note, ordered, with exact spans', () => {
    const id = validId('280205', 500);
    const text = [
      '---',
      'informant: I-03',
      '---',
      '',
      '**I:** Hva er nummeret ditt?',
      '',
      `**R:** Det er 415 27 384, og e-post eli.sunde@nav.no. Jeg er født 28. februar 2005, fnr ${id}.`,
      '',
      '1. Møtet var 3. mars 2024 kl. 12.30.',
      '2. Det kostet kr 41 527 384.',
      '',
    ].join('\n');
    assert.deepEqual(found(text), ['phone:415 27 384', 'email:eli.sunde@nav.no', 'dob:28. februar 2005', `idnum:${id}`]);
  });

  it('gives the same spans with CRLF line ends', () => {
    const lines = ['Ring meg:', '415 27 384', 'eller skriv til eli@nav.no.', 'Jeg er født', '28. februar 2005.', '', 'Født', '', '3. mars 2020 var møtet.', ''];
    const lf = checked(lines.join('\n'));
    const text = lines.join('\r\n');
    const crlf = checked(text);
    assert.deepEqual(
      crlf.map((f) => `${f.type}:${f.text}`),
      ['phone:415 27 384', 'email:eli@nav.no', 'dob:28. februar 2005'],
    );
    crlf.forEach((f, i) => assert.equal(f.span.start, lf[i]!.span.start + text.slice(0, f.span.start).split('\r\n').length - 1));
    assert.deepEqual(crlf.map((f) => f.evidence), lf.map((f) => f.evidence));
  });

  it('counts offsets in UTF-16 code units after emoji', () => {
    const id = validId('010190');
    const text = `😀👍🏽 Ring 41527384 🙂 eli@nav.no 🎉 født 2. januar 2006 🇳🇴 ${id}`;
    const findings = checked(text);
    assert.deepEqual(
      findings.map((f) => [f.type, f.span.start, f.span.end]),
      [
        ['phone', text.indexOf('41527384'), text.indexOf('41527384') + 8],
        ['email', text.indexOf('eli@'), text.indexOf('eli@') + 10],
        ['dob', text.indexOf('2. januar'), text.indexOf('2. januar') + 14],
        ['idnum', text.length - 11, text.length],
      ],
    );
    assert.equal(findings[0]!.span.start, 12); // 😀 👍 🏽 are two units each
  });

  it('reads an emoji right next to a number as a boundary, not a letter', () => {
    only('Ring😀41527384😀', 'phone', '41527384');
    only('😀eli@nav.no😀', 'email', 'eli@nav.no');
  });

  it('finds only the right things in about 1 MB of prose with a few details', () => {
    const prose =
      'Jeg ringte til skolen i 2019, og rektor sa at 12 av 30 elever hadde fått tilbud. ' +
      'Møtet var mandag 3. mars kl. 12.30, og det kostet kr 41 527 384 i 2020–2021. ' +
      'Vi snakket om fødselsdager, telefonnummer og e-post, men ingen ga oss noe. ' +
      'Hun sa at hun var født i Bergen. Se § 12 og https://example.no/41527384 for mer.\n\n';
    const planted = ['Ring meg på 482 19 560.', 'Skriv til eva-marie.pettersen@osloskolen.no.', 'Han er født 30. september 2008.', `Fnr ${validId('150675')} ble nevnt.`];
    const parts: string[] = [];
    let length = 0;
    for (let i = 0; length < 1_000_000; i++) {
      const k = Math.floor(i / 700);
      const part = i % 700 === 350 && k < planted.length ? `${planted[k]!} ${prose}` : prose;
      parts.push(part);
      length += part.length;
    }
    const text = parts.join('');
    assert.ok(text.length >= 1_000_000);
    assert.deepEqual(found(text), ['phone:482 19 560', 'email:eva-marie.pettersen@osloskolen.no', 'dob:30. september 2008', `idnum:${validId('150675')}`]);
  });

  it('finds the one match at the end of a 10 MB text', () => {
    const text = 'Dette er bare prosa uten noe som identifiserer noen. '.repeat(200_000) + 'Tlf: 415 27 384';
    assert.ok(text.length > 10_000_000);
    const f = only(text, 'phone', '415 27 384');
    assert.equal(f.span.end, text.length);
  });

  it('copes with very long runs of digits, letters and at-signs', () => {
    assert.deepEqual(found('4'.repeat(100_000)), []);
    assert.deepEqual(found('41 '.repeat(50_000)), []);
    assert.deepEqual(found('a'.repeat(200_000) + ' 41527384'), ['phone:41527384']);
    assert.deepEqual(found('a@'.repeat(50_000)), []);
    assert.deepEqual(found('x@' + 'a.'.repeat(50_000)), []);
  });
});

describe('anonymisation patterns: Irish identifiers', () => {
  /** A PPS number with its check letter computed as Revenue does (digits weighted 8 to 2, a second letter 9). */
  const pps = (digits: string, second = '') => `${digits}${ppsCheckLetter(digits, second)}${second}`;

  it('finds a PPS number whose check letter adds up, and one that does not only after the word for it', () => {
    const valid = pps('1234567');
    assert.equal(valid, '1234567T');
    assert.deepEqual(found(`Her number is ${valid} and ${pps('8812047', 'A')}.`, 'idnum'), [`idnum:${valid}`, `idnum:${pps('8812047', 'A')}`]);
    assert.deepEqual(found('Order 1234567B shipped.', 'idnum'), []);
    assert.deepEqual(found('PPS: 1234567B (a typo)', 'idnum'), ['idnum:1234567B']);
  });

  it('finds an Eircode with a letter in its unique part, a Dublin postal district, and landlines with their area code', () => {
    assert.deepEqual(found('Eircode P51 KX28, not V12 2024; she lives in Dublin 22.', 'place'), ['place:P51 KX28', 'place:Dublin 22']);
    assert.deepEqual(found('Ring 061 412 778 or 022 21456 or (01) 462 9310.', 'phone'), ['phone:061 412 778', 'phone:022 21456', 'phone:(01) 462 9310']);
  });
});

describe('anonymisation patterns: British and American identifiers', () => {
  /** Nine digits with the NHS check digit computed (weights 10 to 2, modulo 11). */
  const nhs = (nine: string) => `${nine}${nhsCheckDigit(nine)}`;

  it('finds a National Insurance number, spaced or not, but not one with a prefix never given', () => {
    assert.deepEqual(found('Her NI number was JT 48 27 91 B, his AB123456C; not GB 12 34 56 A.', 'idnum'), ['idnum:JT 48 27 91 B', 'idnum:AB123456C']);
  });

  it('finds an NHS number only after its name, and says when its check digit does not add up', () => {
    const number = nhs('562337191');
    assert.equal(number, '5623371914');
    assert.deepEqual(found(`NHS number on the letter: ${number.slice(0, 3)} ${number.slice(3, 6)} ${number.slice(6)}. Order 5623371914 came.`, 'idnum'), ['idnum:562 337 1914']);
    const wrong = checked('Her NHS no. 562 337 1915.').find((f) => f.type === 'idnum');
    assert.deepEqual(wrong?.evidence, [{ kind: 'idnum', dNumber: false, scheme: 'nhs', mistyped: true }]);
  });

  it('finds a Scottish CHI number after its name, not ten digits after a word that holds chi', () => {
    const number = nhs('170706382');
    assert.deepEqual(found(`Re: DOB 17/07/2006, CHI ${number}. Chinese takeaway ${number}.`, 'idnum'), [`idnum:${number}`]);
    assert.equal(checked(`CHI: ${number}`).find((f) => f.type === 'idnum')?.evidence[0]?.kind, 'idnum');
  });

  it('finds American phone numbers and ZIP codes after their name or a state', () => {
    assert.deepEqual(found('Call (206) 555-0147 or 410-555-0162; page 206-555 of 2024.', 'phone'), ['phone:(206) 555-0147', 'phone:410-555-0162']);
    assert.deepEqual(found('ZIP 98118; ZIP codes (21217, 21223 mostly); Baltimore, MD 21217; room 21217.', 'place'), ['place:98118', 'place:21217', 'place:21223', 'place:21217']);
    assert.deepEqual(found('Her number (612-555-0164) is locked. Call 612.555.0148. Version 123.456.7890.5 is not one.', 'phone'), ['phone:612-555-0164', 'phone:612.555.0148']);
  });

  it('finds a Canadian postal code, and a SIN or an SSN after its name, a SIN’s check digit asked', () => {
    assert.deepEqual(found('Dufferin St, Toronto M6H 4C2, and K1A0B1. Not D1F 2G3.', 'place'), ['place:M6H 4C2', 'place:K1A0B1']);
    assert.deepEqual(found('He gave his SIN as 527 319 040; SSN 078-05-1120; case 527 319 040.', 'idnum'), ['idnum:527 319 040', 'idnum:078-05-1120']);
    assert.equal(luhn('527319040'), true);
    assert.equal(checked('SIN: 527 319 041').find((f) => f.type === 'idnum')?.evidence.some((e) => e.kind === 'idnum' && e.mistyped === true), true);
  });
});

describe('anonymisation patterns: Danish and Swedish id numbers', () => {
  it('finds a CPR number or a personnummer written with its hyphen, and without it only after its name; a Swedish number’s check digit is asked', () => {
    assert.equal(luhn('0204197669'), true);
    assert.deepEqual(found('CPR 210203-5103; pnr 20020419-7669; case 2102035103; CPR 2102035103.', 'idnum'), ['idnum:210203-5103', 'idnum:20020419-7669', 'idnum:2102035103']);
    assert.deepEqual(found('Saksnummer 123456-7890 og 2024-1234.', 'idnum'), []);
  });
});

describe('anonymisation patterns: mailboxes', () => {
  it('leaves a function’s mailbox at a public body or a university alone, and finds a person’s there and a small employer’s', () => {
    assert.deepEqual(found('Skriv til personvernombud@uit.no, ungnav-prosjekt@hvl.no, yt-compare@bristol.ac.uk, kari.holm@uit.no eller post@kvaenangenlaks.no.', 'email'), ['email:kari.holm@uit.no', 'email:post@kvaenangenlaks.no']);
    assert.deepEqual(found('Kopi til rek-sorost@medisin.uio.no og personverntjenester@sikt.no, ikke til khansen@uio.no.', 'email'), ['email:khansen@uio.no']);
  });
});
