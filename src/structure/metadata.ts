/**
 * Report metadata read from the front matter and the judgement table.
 */
import type { Structure } from './index.js';

export interface Judgement {
  /** The judgement area as printed, e.g. "The experiences and progress of children in care". */
  area: string;
  grade: string;
}

export type ReportKind = 'ilacs' | 'focused-visit' | 'single-inspection-framework' | 'council-report' | 'unknown';

export interface ReportMetadata {
  reportKind: ReportKind;
  title: string | null;
  localAuthority: string | null;
  inspectionDates: string | null;
  leadInspector: string | null;
  judgements: Judgement[];
}

const gradeWords = /(Requires improvement to be good|Requires improvement|Outstanding|Good|Inadequate)/g;

/** Reads what the report prints about itself; fields it does not print are null. */
export function readMetadata(structure: Structure): ReportMetadata {
  const front = structure.frontLines;
  const title = front.find((line) => /^(?:Inspection of|Focused visit to|TITLE OF REPORT)/i.test(line)) ?? null;
  const authority = /(?:Inspection of|Focused visit to)\s+(.+?)\s+(?:local authority|children'?s services|$)/i.exec(title ?? '')?.[1] ?? null;
  const dates = front.map((line) => /^Inspection dates?:\s*(.+)$/i.exec(line)?.[1]).find(Boolean) ?? null;
  const lead = front.map((line) => /^Lead inspector:\s*(.+)$/i.exec(line)?.[1]).find(Boolean) ?? null;
  const reportKind: ReportKind =
    structure.genre === 'council' ? 'council-report' : /focused visit/i.test(title ?? '') ? 'focused-visit' : structure.tableLines.length > 0 || structure.sections.some((section) => section.kind === 'judgement') ? 'ilacs' : 'unknown';
  return {
    reportKind,
    title: title?.replace(/^TITLE OF REPORT:\s*/i, '') ?? null,
    localAuthority: authority,
    inspectionDates: dates,
    leadInspector: lead?.replace(/,?\s*(?:His|Her) Majesty'?s Inspector.*$/i, '') ?? null,
    judgements: readJudgementTable(structure.tableLines),
  };
}

/** Pairs the table's area labels with its grades, in order (labels may wrap; grades may sit mid-label). */
function readJudgementTable(lines: readonly string[]): Judgement[] {
  const areas: string[] = [];
  const grades: string[] = [];
  let area = '';
  for (const line of lines) {
    if (/^judgements?\b/i.test(line) && /grade/i.test(line)) continue;
    if (/^(?:judgements?|grades?)$/i.test(line.trim())) continue;
    const withoutGrades = line.replace(gradeWords, '\t').split('\t').map((part) => part.trim()).filter(Boolean).join(' ');
    for (const grade of line.match(gradeWords) ?? []) grades.push(grade);
    if (!withoutGrades) continue;
    if (/^(?:The\s|Overall effectiveness)/.test(withoutGrades) && area) {
      areas.push(area);
      area = '';
    }
    area = area ? `${area} ${withoutGrades}` : withoutGrades;
  }
  if (area) areas.push(area);
  return areas.slice(0, grades.length).map((label, index) => ({ area: label, grade: grades[index]! }));
}
