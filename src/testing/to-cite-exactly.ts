/**
 * `expect(report).toCiteExactly()`: every paragraph, sentence and finding of the report slices
 * back from `report.text` verbatim, and every finding's sentence lies inside the paragraph it cites.
 */
import type { Report } from '../pipeline.js';
import { asReport } from './describe-finding.js';

const excerpt = (text: string): string => JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);

/** The citations of a report that do not slice back, one line each (empty when all do). */
export function citationProblems(report: Report): string[] {
  const problems: string[] = [];
  const { text } = report;
  const paragraphs = new Map(report.paragraphs.map((paragraph) => [paragraph.id, paragraph]));
  for (const paragraph of report.paragraphs) {
    const sliced = text.slice(paragraph.start, paragraph.end);
    if (sliced !== paragraph.text) problems.push(`paragraph ${paragraph.id} (${paragraph.start}-${paragraph.end}) slices to ${excerpt(sliced)}, not ${excerpt(paragraph.text)}`);
  }
  for (const sentence of report.sentences) {
    const sliced = text.slice(sentence.start, sentence.end);
    if (sliced !== sentence.text) problems.push(`sentence ${sentence.start}-${sentence.end} of paragraph ${sentence.paragraph} slices to ${excerpt(sliced)}, not ${excerpt(sentence.text)}`);
  }
  for (const finding of report.findings) {
    const where = `finding ¶${finding.paragraph} ${finding.theme}/${finding.polarity} (${finding.start}-${finding.end})`;
    const sliced = text.slice(finding.start, finding.end);
    if (sliced !== finding.sentence) problems.push(`${where} slices to ${excerpt(sliced)}, not ${excerpt(finding.sentence)}`);
    const paragraph = paragraphs.get(finding.paragraph);
    if (!paragraph) problems.push(`${where} cites paragraph "${finding.paragraph}", which the report does not have`);
    else if (finding.start < paragraph.start || finding.end > paragraph.end) problems.push(`${where} lies outside paragraph ${paragraph.id} (${paragraph.start}-${paragraph.end})`);
  }
  return problems;
}

/**
 * The matcher.
 *
 * @example
 * expect(await tagReport(pdfBytes)).toCiteExactly();
 */
export function toCiteExactly(this: { isNot: boolean }, received: unknown): { pass: boolean; message: () => string } {
  const report = asReport(received, 'toCiteExactly');
  const problems = citationProblems(report);
  const count = report.paragraphs.length + report.sentences.length + report.findings.length;
  return {
    pass: problems.length === 0,
    message: () =>
      problems.length === 0
        ? `expected some citation not to slice back from report.text, but all ${count} do`
        : `expected every citation to slice back from report.text, but ${problems.length} of ${count} do not:\n${problems
            .slice(0, 20)
            .map((problem) => `  ${problem}`)
            .join('\n')}${problems.length > 20 ? `\n  … and ${problems.length - 20} more` : ''}`,
  };
}
