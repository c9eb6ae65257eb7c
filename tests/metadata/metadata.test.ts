/**
 * Report metadata on every shared PDF, field by field, against a fixture verified by reading the
 * PDFs (tests/fixtures/metadata/expected.json), and every disagreement with the peer tool's CSV
 * (../shared/corpus/pdfs/metadata.csv) listed with the reason the PDF shows
 * (tests/fixtures/metadata/csv-disagreements.json).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tagReport, type ReportMetadata } from '../../src/index.js';

const pdfFolder = join(__dirname, '../../../shared/corpus/pdfs');
const fixtures = join(__dirname, '../fixtures/metadata');
const expected = JSON.parse(readFileSync(join(fixtures, 'expected.json'), 'utf8')) as Record<string, ReportMetadata>;
const disagreementsFixture = JSON.parse(readFileSync(join(fixtures, 'csv-disagreements.json'), 'utf8')) as {
  disagreements: { file: string; field: string; csv: string; pdf: string | null; kind: string; reason: string }[];
  notPrinted: { file: string; field: string; csv: string; reason: string }[];
};

const haveCorpus = existsSync(pdfFolder);
const pdfs = haveCorpus ? readdirSync(pdfFolder).filter((name) => name.endsWith('.pdf')).sort() : [];
const fields = ['reportKind', 'inspectionType', 'title', 'localAuthority', 'localAuthorityAsPrinted', 'inspectionDates', 'inspectionStart', 'inspectionEnd', 'publicationDate', 'publishedOn', 'leadInspector', 'judgements'] as const;

// Tag each PDF once; the tests below read the results.
const metadataOf = new Map<string, Promise<ReportMetadata>>();
const readMetadataOf = (name: string): Promise<ReportMetadata> => {
  let pending = metadataOf.get(name);
  if (!pending) {
    pending = tagReport(new Uint8Array(readFileSync(join(pdfFolder, name)))).then((report) => report.metadata);
    metadataOf.set(name, pending);
  }
  return pending;
};

describe.skipIf(!haveCorpus)('metadata of the shared PDFs', () => {
  it('has an expected fixture for every shared PDF, and no other', () => {
    expect(Object.keys(expected).sort()).toEqual(pdfs);
    expect(pdfs).toHaveLength(18);
  });

  describe.each(pdfs)('%s', (name) => {
    it.each(fields)('reads %s as printed', async (field) => {
      const metadata = await readMetadataOf(name);
      expect(metadata[field]).toEqual(expected[name]![field]);
    });
  });
});

// --- The peer tool's CSV -------------------------------------------------------------------

const csvColumns = ['overall_effectiveness', 'impact_of_leaders', 'help_and_protection', 'children_in_care', 'care_leavers'] as const;
// SIF areas standing in for the ILACS columns of the CSV.
const sifColumn: Record<(typeof csvColumns)[number], string> = {
  overall_effectiveness: 'overall_effectiveness',
  impact_of_leaders: 'sif_leadership_management_governance',
  help_and_protection: 'sif_help_and_protection',
  children_in_care: 'sif_looked_after_and_permanence',
  care_leavers: 'sif_care_leavers',
};

function readCsv(path: string): Record<string, string>[] {
  const [header, ...rows] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  // The file has no quoted fields; a quote would need a real CSV parser.
  expect(readFileSync(path, 'utf8')).not.toContain('"');
  const names = header!.split(',');
  return rows.map((row) => Object.fromEntries(row.split(',').map((value, index) => [names[index]!, value])));
}

const dayMonthYear = (iso: string | null, digits: 2 | 4): string | null => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(4 - digits, 4)}` : null);
const gradeWords = (key: string | null | undefined): string | null => (key ? key.replace('_', ' ') : null);

/** The value the PDF prints for a CSV column, in the CSV's form. */
function pdfValue(metadata: ReportMetadata, column: string): string | null {
  const sif = metadata.reportKind === 'single-inspection-framework';
  const grade = (key: string): string | null => gradeWords(metadata.judgements.find((judgement) => judgement.areaKey === key)?.gradeKey);
  switch (column) {
    case 'local_authority':
      return metadata.localAuthority?.toLowerCase() ?? null;
    case 'publication_date':
      return dayMonthYear(metadata.publishedOn, 2);
    case 'inspection_framework':
      return sif ? 'single-inspection-framework' : metadata.inspectionType;
    case 'lead_inspector':
      return metadata.leadInspector;
    case 'inspection_start_date':
      return dayMonthYear(metadata.inspectionStart, 4);
    case 'inspection_end_date':
      return dayMonthYear(metadata.inspectionEnd, 4);
    default: {
      const name = column as (typeof csvColumns)[number];
      if (sif) return grade(sifColumn[name]);
      // Until 2023 one judgement covered children in care and care leavers.
      if ((name === 'children_in_care' || name === 'care_leavers') && metadata.judgements.some((judgement) => judgement.areaKey === 'children_in_care_and_care_leavers')) {
        return grade('children_in_care_and_care_leavers');
      }
      return grade(name);
    }
  }
}

// CSV placeholders that agree with a PDF that prints no such judgement.
const agreesWithAbsence = new Set(['not_reported_post_reform']);

describe.skipIf(!haveCorpus)('disagreements with the peer CSV', () => {
  it('lists every disagreement, each with the reason the PDF shows', async () => {
    const rows = readCsv(join(pdfFolder, 'metadata.csv'));
    expect(rows.map((row) => row.file).sort()).toEqual(pdfs);
    const found: { file: string; field: string; csv: string; pdf: string | null }[] = [];
    for (const row of rows) {
      const metadata = await readMetadataOf(row.file!);
      for (const [field, csv] of Object.entries(row)) {
        if (field === 'file') continue;
        const pdf = pdfValue(metadata, field);
        if (pdf === null && (csv === '' || agreesWithAbsence.has(csv))) continue;
        // Values the PDF does not print cannot disagree with it (listed under notPrinted).
        if (pdf === null || csv === pdf) continue;
        found.push({ file: row.file!, field, csv, pdf: field === 'local_authority' ? metadata.localAuthority : pdf });
      }
    }
    const listed = disagreementsFixture.disagreements.map(({ file, field, csv, pdf }) => ({ file, field, csv, pdf }));
    expect(found).toEqual(listed);
    for (const entry of disagreementsFixture.disagreements) expect(entry.reason.length).toBeGreaterThan(20);
  });

  it('lists the CSV values the PDFs do not print', async () => {
    for (const entry of disagreementsFixture.notPrinted) {
      const metadata = await readMetadataOf(entry.file);
      if (entry.field === 'publication_date') expect(metadata.publicationDate).toBeNull();
      // inspection_framework: not printed, but consistent with the type inferred from the dates.
      if (entry.field === 'inspection_framework') expect(metadata.inspectionType).toBe(entry.csv);
    }
  });
});
