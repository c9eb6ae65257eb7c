/**
 * Span invariants on real reports (STYLE.md §2): every paragraph, sentence and finding slices
 * back from `report.text`, sits inside its paragraph, is ordered, survives JSON, and (for text
 * input) maps back to the caller's string through `report.origins`.
 * Each seed and each shared PDF is tagged once, in beforeAll.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tagReport, tagText, type Report } from 'practice-themes';
import { hasCorpus, pdfFiles, readPdf, readSeed, seedFiles } from '../helpers/corpus.js';
import { jsonProblems, originProblems, spanProblems } from '../helpers/invariants.js';

interface Tagged {
  name: string;
  input?: string;
  report: Report;
}

const documents = new Map<string, Tagged>();

beforeAll(async () => {
  if (!hasCorpus) return;
  for (const name of seedFiles) {
    const input = readSeed(name.slice(0, 3));
    documents.set(name, { name, input, report: tagText(input) });
  }
  for (const name of pdfFiles) documents.set(name, { name, report: await tagReport(readPdf(name)) });
});

describe.skipIf(!hasCorpus)('span invariants on the shared corpus', () => {
  it('tags five seeds and eighteen PDFs', () => {
    expect(seedFiles).toHaveLength(5);
    expect(pdfFiles).toHaveLength(18);
  });

  // The checks every report must pass, seed or PDF.
  const checkReport = (name: string) => {
    const tagged = () => documents.get(name)!;

    it('has paragraphs, sentences and findings', () => {
      const { report } = tagged();
      expect(report.paragraphs.length).toBeGreaterThan(10);
      expect(report.sentences.length).toBeGreaterThan(report.paragraphs.length);
      expect(report.findings.length).toBeGreaterThan(0);
    });

    it('cites spans that slice back from report.text, in order and inside their paragraph', () => {
      expect(spanProblems(tagged().report)).toEqual([]);
    });

    it('survives a JSON round trip unchanged', () => {
      const { report } = tagged();
      expect(jsonProblems(report)).toEqual([]);
      expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    });
  };

  describe.each(seedFiles)('seed %s', (name) => {
    checkReport(name);

    it('maps paragraph and citation starts back to the same characters of the input', () => {
      const { report, input } = documents.get(name)!;
      expect(originProblems(report, input!)).toEqual([]);
    });
  });

  describe.each(pdfFiles)('%s', (name) => {
    checkReport(name);
  });
});

describe.skipIf(!hasCorpus)('the invariant checkers themselves', () => {
  // Guards against checks that pass vacuously: each broken copy must be caught.
  const broken = (change: (report: Report) => void): Report => {
    const copy = structuredClone(documents.get(seedFiles[0]!)!.report);
    change(copy);
    return copy;
  };

  it('catch a shifted span, a missing paragraph id, a duplicate id and findings out of order', () => {
    expect(spanProblems(broken((report) => void report.paragraphs[3]!.start++))).toContainEqual(expect.stringMatching(/^paragraph improve:2: text\.slice/));
    expect(spanProblems(broken((report) => void (report.findings[0]!.paragraph = 'nowhere')))).toEqual([expect.stringContaining('no paragraph has id "nowhere"')]);
    expect(spanProblems(broken((report) => void (report.paragraphs[1]!.id = report.paragraphs[0]!.id))).join('\n')).toContain('is used twice');
    expect(spanProblems(broken((report) => void report.findings.reverse())).join('\n')).toContain('out of order');
    expect(spanProblems(broken((report) => void (report.sentences[5]!.paragraph = report.paragraphs[40]!.id))).join('\n')).toContain('not inside its paragraph');
  });

  it('catch a value JSON cannot carry', () => {
    expect(jsonProblems(broken((report) => void (report.findings[0]!.confidence = Number.NaN)))).toEqual([expect.stringContaining('findings')]);
  });

  it('catch an origin that points elsewhere in the input', () => {
    const { input } = documents.get(seedFiles[0]!)!;
    const shifted = broken((report) => void (report.origins = report.origins.map(([start, origin, length]) => [start, origin + 1, length])));
    expect(originProblems(shifted, input!).length).toBeGreaterThan(40);
  });
});

describe('originOf outside the report text', () => {
  it('refuses an offset that is not a position in the text rather than clamping it', async () => {
    const { originOf, isPracticeThemesError } = await import('practice-themes');
    const report = tagText('1. Supervision is regular.\n\n2. Plans are  clear.');
    const length = report.text.length;
    expect(originOf(report.origins, 0)).toBe(0);
    expect(originOf(report.origins, length)).toBe(originOf(report.origins, length - 1) + 1);
    for (const offset of [-1, length + 1, 1.5, Number.NaN]) {
      let error: unknown;
      try {
        originOf(report.origins, offset);
      } catch (caught) {
        error = caught;
      }
      expect(isPracticeThemesError(error) && error.code, String(offset)).toBe('INVALID_ARGUMENT');
    }
  });
});
