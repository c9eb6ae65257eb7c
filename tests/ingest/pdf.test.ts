import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { isPracticeThemesError, type PracticeThemesErrorCode } from '../../src/errors.js';
import { extractPdfText, type PdfText } from '../../src/ingest/pdf.js';

const corpusDir = fileURLToPath(new URL('../../../shared/corpus/pdfs/', import.meta.url));
const fixtureDir = fileURLToPath(new URL('../fixtures/pdf/', import.meta.url));
const hasCorpus = existsSync(corpusDir);
const corpusNames = hasCorpus
  ? readdirSync(corpusDir)
      .filter((name) => name.endsWith('.pdf'))
      .map((name) => name.slice(0, -'.pdf'.length))
      .sort()
  : [];

function readPdf(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}

const encoder = new TextEncoder();

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Deterministic pseudo-random bytes. */
function noise(length: number, seed = 7): Uint8Array {
  const out = new Uint8Array(length);
  let state = seed;
  for (let index = 0; index < length; index++) {
    state = (state * 1103515245 + 12345) >>> 0;
    out[index] = state >>> 24;
  }
  return out;
}

async function failure(bytes: Uint8Array): Promise<{ code: PracticeThemesErrorCode; message: string; cause: unknown }> {
  const started = performance.now();
  try {
    await extractPdfText(bytes);
  } catch (error) {
    expect(performance.now() - started).toBeLessThan(5_000);
    if (!isPracticeThemesError(error)) throw error;
    return { code: error.code, message: error.message, cause: error.cause };
  }
  throw new Error('expected extractPdfText to throw');
}

/** Paragraph numbers at the start of lines, written "N. text". */
function paragraphNumbers(text: string): number[] {
  return [...text.matchAll(/^(\d{1,3})\. \S/gm)].map((match) => Number(match[1]));
}

/** The length of the run 1, 2, 3, ... found in order (other numbers may come in between). */
function numberedRun(numbers: number[]): number {
  let next = 1;
  for (const number of numbers) if (number === next) next++;
  return next - 1;
}

describe.skipIf(!hasCorpus)('extractPdfText on the shared corpus', () => {
  const results = new Map<string, PdfText>();

  beforeAll(async () => {
    for (const name of corpusNames) results.set(name, await extractPdfText(readPdf(`${corpusDir}${name}.pdf`)));
  }, 60_000);

  it('finds the 18 reports', () => {
    expect(corpusNames).toHaveLength(18);
  });

  describe.each(corpusNames)('%s', (name) => {
    it('has numbered paragraphs "N. text" from 1 upwards, in order', () => {
      const { text } = results.get(name)!;
      expect(text).toMatch(/^1\. \S/m);
      expect(numberedRun(paragraphNumbers(text))).toBeGreaterThanOrEqual(40);
      // A paragraph number is never left alone on its line, nor glued to its text.
      expect(text).not.toMatch(/^\d{1,3}\.$/m);
      expect(text).not.toMatch(/^\d{1,3}\.[A-Za-z]/m);
    });

    it('has page ranges that cover the text in order, joined by form feeds', () => {
      const { text, pages } = results.get(name)!;
      expect(pages.length).toBeGreaterThan(5);
      expect(pages[0]!.start).toBe(0);
      expect(pages.at(-1)!.end).toBe(text.length);
      pages.forEach((page, index) => {
        expect(page.number).toBe(index + 1);
        expect(page.end).toBeGreaterThan(page.start);
        expect(text.slice(page.start, page.end)).not.toContain('\f');
        const next = pages[index + 1];
        if (next) expect(text.slice(page.end, next.start)).toBe('\n\f\n');
      });
      expect(text.split('\f')).toHaveLength(pages.length);
    });

    it('separates paragraphs with blank lines and words with single spaces', () => {
      const { text } = results.get(name)!;
      // Most numbered paragraphs start after a blank line (or at the top of a page).
      const starts = [...text.matchAll(/(^|\n)(\n|\f\n)?\d{1,3}\. \S/g)];
      const afterGap = starts.filter((match) => match[1] === '' || match[2] !== undefined);
      expect(afterGap.length / starts.length).toBeGreaterThan(0.95);
      expect(text).not.toMatch(/ {2,}/);
      expect(text).not.toMatch(/[ \t]$/m);
      expect(text).not.toMatch(/\n{3,}/);
    });

    it('reads the judgement table as label and grade', () => {
      const { text } = results.get(name)!;
      // The older single inspection framework reports have a table without a header row.
      if (!['birmingham-2016', 'norfolk-2018'].includes(name)) expect(text).toContain('Judgement\tGrade\n');
      const grades = text.match(/^\S[^\t\n]*\t(?:Outstanding|Good|Requires improvement(?: to be good)?|Inadequate)$/gm) ?? [];
      expect(grades.length).toBeGreaterThanOrEqual(4);
    });
  });

  it('reads gateshead-2019 in order, with its table, gaps and numbers', () => {
    const { text } = results.get('gateshead-2019')!;
    expect(text).toContain('42. Corporate parenting is strong');
    expect(text).toContain(
      [
        'Judgement\tGrade',
        '',
        'The impact of leaders on social work practice with children',
        'and families\tGood',
        '',
        'The experiences and progress of children who need help and',
        'protection\tGood',
        '',
        'The experiences and progress of children in care and care',
        'leavers\tGood',
        '',
        'Overall effectiveness\tGood',
      ].join('\n'),
    );
    expect(text).toContain('help and support.\n\n2. The local authority has recently restructured its front door, supporting an\neffective response to referrals.');
    expect(text).toContain('◼ Managers’ and independent reviewing officers’ challenge to the quality of social\nwork practice');
    expect(paragraphNumbers(text)).toEqual(Array.from({ length: 42 }, (_, index) => index + 1));
    // The running page number stays, on its own line, at the foot of its page.
    const page3 = results.get('gateshead-2019')!.pages[2]!;
    expect(text.slice(page3.start, page3.end).split('\n').at(-1)).toBe('3');
  });

  it('reads a table whose grade sits beside the first line of its label (leeds-2025)', () => {
    const { text } = results.get('leeds-2025')!;
    expect(text).toContain('The impact of leaders on social work\npractice with children and families\tOutstanding\n');
    expect(text).toContain('The experiences and progress of\nchildren who need help and protection\tGood\n');
  });

  it('reads the older single-inspection-framework reports', () => {
    const birmingham = results.get('birmingham-2016')!.text;
    expect(birmingham).toContain('1. Children who need help and protection\tInadequate');
    expect(birmingham).toContain('2.1 Adoption performance\tRequires improvement');
    expect(numberedRun(paragraphNumbers(birmingham))).toBe(124);
    const norfolk = results.get('norfolk-2018')!.text;
    expect(norfolk).toContain('2. Children looked after and achieving\npermanence\tRequires improvement');
    expect(norfolk).toContain('The experiences and progress of\tRequires\nchildren who need help and protection\timprovement');
    expect(numberedRun(paragraphNumbers(norfolk))).toBe(64);
  });

  it('leaves the caller’s bytes intact and accepts a Node Buffer', async () => {
    const buffer = readFileSync(`${corpusDir}gateshead-2019.pdf`);
    const before = buffer.byteLength;
    const result = await extractPdfText(buffer);
    expect(buffer.byteLength).toBe(before);
    expect(result.text).toBe(results.get('gateshead-2019')!.text);
  });

  it('rejects a 64 KB prefix of a real report as TRUNCATED_PDF', async () => {
    const bytes = readPdf(`${corpusDir}gateshead-2019.pdf`).slice(0, 64 * 1024);
    expect((await failure(bytes)).code).toBe('TRUNCATED_PDF');
    // Even with an end-of-file marker added, pdf.js cannot parse it.
    const patched = concat(bytes, encoder.encode('\n%%EOF\n'));
    const error = await failure(patched);
    expect(error.code).toBe('TRUNCATED_PDF');
    expect(error.cause).toBeInstanceOf(Error);
  });
});

describe('extractPdfText on bad input', () => {
  it('rejects bytes that are not a PDF as UNSUPPORTED_INPUT', async () => {
    for (const bytes of [encoder.encode('The local authority is good.'), new Uint8Array(), encoder.encode('%PDF'), encoder.encode(' %PDF-1.7')]) {
      const error = await failure(bytes);
      expect(error.code).toBe('UNSUPPORTED_INPUT');
      expect(error.message).toMatch(/does not start with %PDF-\) — pass/);
    }
  });

  it('rejects random bytes after a PDF header as TRUNCATED_PDF, quickly', async () => {
    const header = encoder.encode('%PDF-1.7\n');
    expect((await failure(concat(header, noise(100_000)))).code).toBe('TRUNCATED_PDF');
    expect((await failure(concat(header, noise(100_000), encoder.encode('\n%%EOF\n')))).code).toBe('TRUNCATED_PDF');
    expect((await failure(encoder.encode('%PDF-1.4\n%%EOF\n'))).code).toBe('TRUNCATED_PDF');
  });

  it('rejects a cut-short PDF as TRUNCATED_PDF', async () => {
    const bytes = readPdf(`${fixtureDir}text.pdf`);
    const error = await failure(bytes.slice(0, bytes.length >> 1));
    expect(error.code).toBe('TRUNCATED_PDF');
    expect(error.message).toMatch(/truncated or damaged — /);
  });

  it('rejects a password-protected PDF as ENCRYPTED_PDF', async () => {
    const error = await failure(readPdf(`${fixtureDir}encrypted.pdf`));
    expect(error.code).toBe('ENCRYPTED_PDF');
    expect(error.message).toMatch(/password-protected.* — /);
    expect((error.cause as { name?: string }).name).toBe('PasswordException');
  });

  it('rejects a PDF of images with no text as IMAGE_ONLY_PDF', async () => {
    const error = await failure(readPdf(`${fixtureDir}image-only.pdf`));
    expect(error.code).toBe('IMAGE_ONLY_PDF');
    expect(error.message).toMatch(/almost no text.* — /);
  });

  it('reads the unencrypted original of the encrypted fixture', async () => {
    const result = await extractPdfText(readPdf(`${fixtureDir}text.pdf`));
    expect(result.text).toBe('This page of text is only readable with the password.\nThe user password is "secret".');
    expect(result.pages).toEqual([{ number: 1, start: 0, end: result.text.length }]);
  });
});

/** A one-page PDF (Helvetica) whose content stream is `content`, on a page `width` points wide. */
function pdfWithContent(content: string, width = 612): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>`,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((object, index) => {
    const offset = pdf.length;
    pdf += `${index + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return encoder.encode(pdf);
}

describe('extractPdfText on a damaged layout', () => {
  it('reads a line of 60 000 separate items in bounded time, every item kept', async () => {
    // Took 7.3 s for 16 000 items (each item compared with every item of its line, twice) and
    // would overflow the stack near 120 000; the bound is a hang guard, not a speed target.
    const items = 60_000;
    const line = `BT /F1 1 Tf 10 700 Td ${'(a) Tj 3 0 Td '.repeat(items)}ET`;
    const paragraph = 'BT /F1 12 Tf 72 600 Td (1. Supervision is regular and reflective.) Tj ET';
    const started = performance.now();
    const { text } = await extractPdfText(pdfWithContent(`${line}\n${paragraph}`, 200_000));
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(text.split('\n')[0]).toBe(Array(items).fill('a').join('\t'));
    expect(text).toContain('1. Supervision is regular and reflective.');
  }, 60_000);
});
