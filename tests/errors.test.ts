/**
 * Every error code, produced by a real bad input (STYLE.md §3). Codes are API; the snapshots pin
 * the message too: "practice-themes: what happened — what to do".
 */
import { describe, expect, it } from 'vitest';
import { createTagger, errorCodes, isPracticeThemesError, PracticeThemesError, tagReport, tagText, type TagOptions } from 'practice-themes';
import { loadGold } from 'practice-themes/testing';
import { hasCorpus, readFixture, readPdf } from './helpers/corpus.js';

const seen = new Set<string>();

/** The PracticeThemesError that `run` throws or rejects with, as { name, code, message }. */
async function failure(run: () => unknown): Promise<{ name: string; code: string; message: string }> {
  let error: unknown;
  try {
    await run();
  } catch (caught) {
    error = caught;
  }
  if (error === undefined) throw new Error('expected a PracticeThemesError, but nothing was thrown');
  if (!isPracticeThemesError(error)) throw error;
  expect(error).toBeInstanceOf(PracticeThemesError);
  seen.add(error.code);
  return { name: error.name, code: error.code, message: error.message };
}

/** The issues of the validation error `run` throws. */
function issues(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    if (isPracticeThemesError(error)) return error.issues;
    throw error;
  }
  throw new Error('expected a PracticeThemesError');
}

const validTheme = { id: 'family_time', label: 'Family time', terms: ['family time'] };
const taxonomy = (themes: unknown[], format: unknown = 1) => ({ format, name: 'test', version: '0.0.1', themes });

describe('EMPTY_INPUT', () => {
  it('for an empty string', async () => {
    expect(await failure(() => tagText(''))).toMatchInlineSnapshot(`
      {
        "code": "EMPTY_INPUT",
        "message": "practice-themes: the input has no text (it is empty or only white space) — pass the text of a report",
        "name": "PracticeThemesError",
      }
    `);
  });

  it('for white space only', async () => {
    expect(await failure(() => tagText(' \n\t\r\n\u00a0  \n'))).toMatchInlineSnapshot(`
      {
        "code": "EMPTY_INPUT",
        "message": "practice-themes: the input has no text (it is empty or only white space) — pass the text of a report",
        "name": "PracticeThemesError",
      }
    `);
  });

  it('for empty bytes', async () => {
    expect((await failure(() => tagReport(new Uint8Array()))).code).toBe('EMPTY_INPUT');
  });
});

describe('BINARY_INPUT', () => {
  it('for a string holding NUL characters', async () => {
    expect(await failure(() => tagText('Supervision is regular.\u0000\u0000\u0001'))).toMatchInlineSnapshot(`
      {
        "code": "BINARY_INPUT",
        "message": "practice-themes: the input string holds 3 control or replacement characters, so it looks like binary data read as text — pass the report's text, or the PDF's bytes",
        "name": "PracticeThemesError",
      }
    `);
  });

  it('for bytes that are not valid UTF-8', async () => {
    expect(await failure(() => tagReport(new Uint8Array([0x53, 0x75, 0x70, 0xff, 0xfe, 0xc3, 0x28])))).toMatchInlineSnapshot(`
      {
        "code": "BINARY_INPUT",
        "message": "practice-themes: input bytes are not valid UTF-8 text and not a PDF — pass a PDF, or UTF-8 text",
        "name": "PracticeThemesError",
      }
    `);
  });

  it('for bytes holding NUL bytes', async () => {
    expect(await failure(() => tagReport(new Uint8Array([0x41, 0x00, 0x42])))).toMatchInlineSnapshot(`
      {
        "code": "BINARY_INPUT",
        "message": "practice-themes: input bytes contain NUL bytes, so they are not text — pass a PDF, or UTF-8 text",
        "name": "PracticeThemesError",
      }
    `);
  });

  it('for bytes that are valid UTF-8 but hold control characters, naming them bytes, not a string', async () => {
    const bytes = new TextEncoder().encode('PK\u0003\u0004word/document.xml\u0001\u0002');
    expect((await failure(() => tagReport(bytes))).message).toBe(
      'practice-themes: the input bytes are not a PDF, and read as text they hold 4 control or replacement characters (a Word document, a spreadsheet or an image?) — pass a PDF, or the report\'s text',
    );
  });
});

describe('UNSUPPORTED_INPUT', () => {
  it('for a number', async () => {
    expect(await failure(() => tagReport(42 as never))).toMatchInlineSnapshot(`
      {
        "code": "UNSUPPORTED_INPUT",
        "message": "practice-themes: expected a string, a Uint8Array, a Buffer or an ArrayBuffer, but got number — pass the report's text, or the bytes of its PDF",
        "name": "PracticeThemesError",
      }
    `);
  });

  it('for null', async () => {
    expect(await failure(() => tagText(null as never))).toMatchInlineSnapshot(`
      {
        "code": "UNSUPPORTED_INPUT",
        "message": "practice-themes: expected a string, a Uint8Array, a Buffer or an ArrayBuffer, but got null — pass the report's text, or the bytes of its PDF",
        "name": "PracticeThemesError",
      }
    `);
  });

  it('for a plain object', async () => {
    expect(await failure(() => tagReport({ text: 'Supervision is regular.' } as never))).toMatchInlineSnapshot(`
      {
        "code": "UNSUPPORTED_INPUT",
        "message": "practice-themes: expected a string, a Uint8Array, a Buffer or an ArrayBuffer, but got object — pass the report's text, or the bytes of its PDF",
        "name": "PracticeThemesError",
      }
    `);
  });

  it.skipIf(!hasCorpus)('for PDF bytes given to the synchronous tagText', async () => {
    expect(await failure(() => tagText(readPdf('gateshead-2019.pdf') as never))).toMatchInlineSnapshot(`
      {
        "code": "UNSUPPORTED_INPUT",
        "message": "practice-themes: tagText() got PDF bytes, and PDF reading is asynchronous — use \`await tagReport(bytes)\` instead",
        "name": "PracticeThemesError",
      }
    `);
  });
});

describe('INVALID_OPTIONS', () => {
  it('for an unknown option key', async () => {
    expect(await failure(() => tagText('Supervision is regular.', { colour: 'red' } as TagOptions))).toMatchInlineSnapshot(`
      {
        "code": "INVALID_OPTIONS",
        "message": "practice-themes: options is invalid: Unrecognized key: "colour" — see the TagOptions type for the accepted options",
        "name": "PracticeThemesError",
      }
    `);
    expect(issues(() => createTagger({ colour: 'red' } as TagOptions))).toEqual([{ path: [], message: 'Unrecognized key: "colour"' }]);
  });

  it('for minConfidence above 1', async () => {
    expect(await failure(() => createTagger({ minConfidence: 2 }))).toMatchInlineSnapshot(`
      {
        "code": "INVALID_OPTIONS",
        "message": "practice-themes: options.minConfidence is invalid: Too big: expected number to be <=1 (got 2) — see the TagOptions type for the accepted options",
        "name": "PracticeThemesError",
      }
    `);
    expect(issues(() => createTagger({ minConfidence: 2 }))).toEqual([{ path: ['minConfidence'], message: expect.stringContaining('<=1') }]);
  });

  it('for an unknown theme id in themes', async () => {
    const { name, code, message } = await failure(() => createTagger({ themes: ['peps', 'pep'] }));
    expect({ name, code, message: message.slice(0, message.indexOf(' — ') + 40) }).toMatchInlineSnapshot(`
      {
        "code": "INVALID_OPTIONS",
        "message": "practice-themes: options.themes is invalid: unknown theme id "pep" — use ids of the taxonomy: supervision,",
        "name": "PracticeThemesError",
      }
    `);
    expect(issues(() => createTagger({ themes: ['pep'] }))).toEqual([{ path: ['themes'], message: 'unknown theme id "pep"' }]);
  });

  it('for themes that select no theme, and for two extra themes with one id', () => {
    expect(issues(() => createTagger({ themes: [] }))).toEqual([{ path: ['themes'], message: expect.stringContaining('selects no theme') }]);
    const twice = [
      { id: 'family_time', label: 'Family time', terms: ['family time'] },
      { id: 'family_time', label: 'Contact', terms: ['contact'] },
    ];
    expect(issues(() => createTagger({ extraThemes: twice }))).toEqual([{ path: ['extraThemes', 1, 'id'], message: 'duplicate theme id "family_time"' }]);
  });

  it('for a classifier that is neither "model" nor "rules"', async () => {
    expect((await failure(() => createTagger({ classifier: 'bayes' as never }))).code).toBe('INVALID_OPTIONS');
  });
});

describe('INVALID_TAXONOMY', () => {
  it('for duplicate theme ids', async () => {
    const duplicate = taxonomy([validTheme, { ...validTheme, terms: ['contact'] }]);
    expect(await failure(() => createTagger({ taxonomy: duplicate, classifier: 'rules' }))).toMatchInlineSnapshot(`
      {
        "code": "INVALID_TAXONOMY",
        "message": "practice-themes: taxonomy.themes.1.id is invalid: duplicate theme id "family_time" (got "family_time") — see models/taxonomy.json in the package for the expected shape",
        "name": "PracticeThemesError",
      }
    `);
    expect(issues(() => createTagger({ taxonomy: duplicate, classifier: 'rules' }))).toEqual([{ path: ['themes', 1, 'id'], message: 'duplicate theme id "family_time"' }]);
  });

  it('for a theme with no terms', async () => {
    expect(await failure(() => createTagger({ taxonomy: taxonomy([{ id: 'family_time', label: 'Family time' }]), classifier: 'rules' }))).toMatchInlineSnapshot(`
      {
        "code": "INVALID_TAXONOMY",
        "message": "practice-themes: taxonomy.themes.0 is invalid: theme "family_time" has no terms, acronyms or near patterns, so it can never match — see models/taxonomy.json in the package for the expected shape",
        "name": "PracticeThemesError",
      }
    `);
  });

  it('for a term or acronym the matcher could never find (its first word is not letters, digits and apostrophes)', () => {
    const unmatchable = taxonomy([{ ...validTheme, terms: ['C++ training', 'S.47 enquir*', '   '], acronyms: ['(CIN)'] }]);
    expect((issues(() => createTagger({ taxonomy: unmatchable, classifier: 'rules' })) as { path: unknown }[]).map((issue) => issue.path)).toEqual([
      ['themes', 0, 'terms', 0],
      ['themes', 0, 'terms', 1],
      ['themes', 0, 'terms', 2],
      ['themes', 0, 'acronyms', 0],
    ]);
    // What can be matched still can: hyphens, apostrophes, a wildcard, a comma after the first word.
    const matchable = taxonomy([{ ...validTheme, terms: ['child-in-need', "children's plans", 'key worker*', 'education, employment or training'], acronyms: ['CIN', "PEP's"] }]);
    expect(() => createTagger({ taxonomy: matchable, classifier: 'rules' })).not.toThrow();
  });

  it('for an exclusion found inside its own term, which would hide the term everywhere', async () => {
    const slips = [
      { terms: ['kinship care'], exclude: ['kinship care'] },
      { terms: ['kinship care'], exclude: ['care'] },
      { terms: ['pathway plan*'], exclude: ['plan*'] },
    ];
    for (const slip of slips) {
      const { code, message } = await failure(() => createTagger({ extraThemes: [{ id: 'kinship', label: 'Kinship care', ...slip }] }));
      expect(code).toBe('INVALID_TAXONOMY');
      expect(message).toContain(`exclusion "${slip.exclude[0]}" is found inside its own term "${slip.terms[0]}"`);
    }
    // Exclusions that leave some occurrences of the term to be found are fine.
    for (const fine of [{ terms: ['pathway plan*'], exclude: ['plan'] }, { terms: ['care plan'], exclude: ['care plan review'] }]) {
      expect(() => createTagger({ extraThemes: [{ id: 'kinship', label: 'Kinship care', ...fine }] })).not.toThrow();
    }
  });

  it('for an extra theme with no terms', async () => {
    expect((await failure(() => createTagger({ extraThemes: [{ id: 'family_time', label: 'Family time' }] }))).code).toBe('INVALID_TAXONOMY');
  });

  it('for the wrong format version', async () => {
    expect(await failure(() => createTagger({ taxonomy: taxonomy([validTheme], 2), classifier: 'rules' }))).toMatchInlineSnapshot(`
      {
        "code": "INVALID_TAXONOMY",
        "message": "practice-themes: taxonomy.format is invalid: Invalid input: expected 1 (got 2) — see models/taxonomy.json in the package for the expected shape",
        "name": "PracticeThemesError",
      }
    `);
    expect(issues(() => createTagger({ taxonomy: taxonomy([validTheme], 2) }))).toEqual([{ path: ['format'], message: expect.any(String) }]);
  });
});

describe('INVALID_MODEL', () => {
  it('for a polarity model of the wrong shape', async () => {
    expect(await failure(() => createTagger({ polarityModel: { format: 1, name: 'empty', version: '0' } }))).toMatchInlineSnapshot(`
      {
        "code": "INVALID_MODEL",
        "message": "practice-themes: polarity model.negators is invalid: Invalid input: expected array, received undefined; and 8 more issues — see models/polarity.json in the package for the expected shape",
        "name": "PracticeThemesError",
      }
    `);
  });

  it('for a classifier model of the wrong shape', async () => {
    expect(await failure(() => createTagger({ classifierModel: { format: 1, name: 'empty', version: '0', heads: ['present', 'strength', 'weakness'], weights: { bias: [1, 2] } } }))).toMatchInlineSnapshot(`
      {
        "code": "INVALID_MODEL",
        "message": "practice-themes: classifier model.weights.bias is invalid: Too small: expected array to have >=3 items; and 1 more issue — see models/classifier.json in the package for the expected shape, or run \`npm run train\`",
        "name": "PracticeThemesError",
      }
    `);
    expect(issues(() => createTagger({ classifierModel: { format: 1, name: 'x', version: '0', heads: ['present', 'strength', 'weakness'], weights: {}, thresholds: { present: 2, polarity: 0.5, fallback: 0.5 } } }))).toEqual([
      { path: ['thresholds', 'present'], message: expect.stringContaining('<=1') },
    ]);
  });
});

describe('PDF errors', () => {
  it('ENCRYPTED_PDF for a password-protected PDF', async () => {
    expect(await failure(() => tagReport(readFixture('pdf/encrypted.pdf')))).toMatchInlineSnapshot(`
      {
        "code": "ENCRYPTED_PDF",
        "message": "practice-themes: the PDF is password-protected, so its text cannot be read — remove the password (for example with \`qpdf --decrypt\`), or pass the text instead",
        "name": "PracticeThemesError",
      }
    `);
  });

  it('IMAGE_ONLY_PDF for a PDF with no text', async () => {
    expect(await failure(() => tagReport(readFixture('pdf/image-only.pdf')))).toMatchInlineSnapshot(`
      {
        "code": "IMAGE_ONLY_PDF",
        "message": "practice-themes: the PDF has 1 page but almost no text (0 characters), so it is probably scanned images — run OCR on it first, or pass the text instead",
        "name": "PracticeThemesError",
      }
    `);
  });

  it.skipIf(!hasCorpus)('TRUNCATED_PDF for a real report cut in half', async () => {
    const bytes = readPdf('gateshead-2019.pdf');
    expect(await failure(() => tagReport(bytes.slice(0, Math.floor(bytes.length / 2))))).toMatchInlineSnapshot(`
      {
        "code": "TRUNCATED_PDF",
        "message": "practice-themes: the PDF could not be read (it has no %%EOF marker at its end), so the file is probably truncated or damaged — download the report again, or pass its text instead",
        "name": "PracticeThemesError",
      }
    `);
  });
});

describe('gold files (practice-themes/testing)', () => {
  it('FILE_NOT_FOUND for a gold file that is not there', async () => {
    const { name, code, message } = await failure(() => loadGold('/nonexistent/gold.json'));
    expect({ name, code, message: message.replace(/\(relative paths.*\)/, '(…)') }).toMatchInlineSnapshot(`
      {
        "code": "FILE_NOT_FOUND",
        "message": "practice-themes: no gold file at "/nonexistent/gold.json" — check the path (…)",
        "name": "PracticeThemesError",
      }
    `);
  });

  it('INVALID_GOLD for a gold file without paragraphs', async () => {
    const { scoreAgainstGold } = await import('practice-themes/testing');
    expect(await failure(() => scoreAgainstGold({ findings: [], paragraphs: [] }, { report: 'x' } as never))).toMatchInlineSnapshot(`
      {
        "code": "INVALID_GOLD",
        "message": "practice-themes: gold file #1.paragraphs is invalid: Invalid input: expected record, received undefined — gold files look like { "report": "...", "paragraphs": { "27": [["peps", "weakness"]] } }",
        "name": "PracticeThemesError",
      }
    `);
  });
});

describe('evaluate() (the main entry)', () => {
  it('INVALID_ARGUMENT for a report passed without the id of its gold', async () => {
    const { evaluate } = await import('practice-themes');
    expect(await failure(() => evaluate([{ findings: [] }] as never, [{ report: 'x', paragraphs: {} }]))).toMatchInlineSnapshot(`
      {
        "code": "INVALID_ARGUMENT",
        "message": "practice-themes: documents[0].report is invalid: a document needs "report", the id of its gold file — each document is { report: gold.report, findings: report.findings, paragraphs: report.paragraphs }",
        "name": "PracticeThemesError",
      }
    `);
  });
});

describe('the error class', () => {
  it('is recognised by its brand, by isPracticeThemesError and by instanceof alike', () => {
    const error = new PracticeThemesError('EMPTY_INPUT', 'test');
    const lookalike = Object.assign(new Error('practice-themes: x'), { code: 'EMPTY_INPUT', name: 'PracticeThemesError' });
    const branded = { [Symbol.for('practice-themes.PracticeThemesError')]: true };
    expect([error, lookalike, branded].map(isPracticeThemesError)).toEqual([true, false, true]);
    expect([error, lookalike, branded].map((value) => value instanceof PracticeThemesError)).toEqual([true, false, true]);
    expect([null, undefined, 'EMPTY_INPUT', 42].map(isPracticeThemesError)).toEqual([false, false, false, false]);
    expect([null, undefined, 'EMPTY_INPUT', 42].map((value: unknown) => (value as object) instanceof PracticeThemesError)).toEqual([false, false, false, false]);
  });

  it('keeps the cause of a PDF failure', async () => {
    const bytes = readFixture('pdf/encrypted.pdf');
    const error = await tagReport(bytes).catch((caught: unknown) => caught);
    expect(isPracticeThemesError(error) && error.cause).toBeDefined();
  });
});

// Runs last: every code the library declares was produced by a test above.
it.skipIf(!hasCorpus)('produces every declared error code', () => {
  expect([...seen].sort()).toEqual([...errorCodes].sort());
});
