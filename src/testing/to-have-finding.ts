/**
 * `expect(report).toHaveFinding({ theme, polarity, paragraph, sentence })`: the report has at
 * least one finding matching every field given.
 */
import type { Finding } from '../findings/aggregate.js';
import { themeId } from '../schemas/taxonomy.js';
import type { Polarity } from '../themes/polarity.js';
import { asReport, describeFindings } from './describe-finding.js';

/** The fields a finding must match; a field left out matches anything. */
export interface FindingPattern {
  /** Theme id, e.g. "peps". */
  theme?: string;
  polarity?: Polarity;
  /** Citation id of the paragraph, e.g. "28", "summary:2", "improve:3". */
  paragraph?: string;
  /** Text the cited sentence contains (a string), or a pattern it matches. */
  sentence?: string | RegExp;
}

/** True when `finding` matches every field of `pattern`. */
export function matchesFinding(finding: Finding, pattern: FindingPattern): boolean {
  if (pattern.theme !== undefined && finding.theme !== pattern.theme) return false;
  if (pattern.polarity !== undefined && finding.polarity !== pattern.polarity) return false;
  if (pattern.paragraph !== undefined && finding.paragraph !== pattern.paragraph) return false;
  if (typeof pattern.sentence === 'string' && !finding.sentence.includes(pattern.sentence)) return false;
  if (pattern.sentence instanceof RegExp) {
    pattern.sentence.lastIndex = 0;
    if (!pattern.sentence.test(finding.sentence)) return false;
  }
  return true;
}

const patternKeys = new Set(['theme', 'polarity', 'paragraph', 'sentence']);
const polarities = new Set(['strength', 'weakness', 'neutral']);

/**
 * Refuses a pattern that could only match nothing or everything: a misspelt key is ignored by the
 * match (so `.toHaveFinding` would pass on any finding), and a wrongly typed value never matches
 * (so `.not.toHaveFinding` would pass whatever the report says).
 */
function checkPattern(pattern: unknown): asserts pattern is FindingPattern {
  const example = 'a pattern such as { theme: "peps", polarity: "weakness", paragraph: "28" }';
  if (typeof pattern !== 'object' || pattern === null || Array.isArray(pattern)) throw new TypeError(`practice-themes: toHaveFinding() expects ${example}`);
  const fields = pattern as Record<string, unknown>;
  const unknown = Object.keys(fields).filter((key) => !patternKeys.has(key));
  if (unknown.length > 0) throw new TypeError(`practice-themes: toHaveFinding() does not know ${unknown.map((key) => `"${key}"`).join(', ')} — a pattern has theme, polarity, paragraph and sentence`);
  if (fields.theme !== undefined && !themeId.safeParse(fields.theme).success) {
    throw new TypeError(`practice-themes: toHaveFinding() theme ${JSON.stringify(fields.theme)} is not a theme id — ids are lower_snake_case, e.g. "peps", "life_story_work"`);
  }
  if (fields.polarity !== undefined && !polarities.has(fields.polarity as string)) {
    throw new TypeError(`practice-themes: toHaveFinding() polarity ${JSON.stringify(fields.polarity)} is not one of "strength", "weakness", "neutral"`);
  }
  if (fields.paragraph !== undefined && typeof fields.paragraph !== 'string') {
    throw new TypeError(`practice-themes: toHaveFinding() paragraph must be a citation id string such as "28" or "summary:2", got ${typeof fields.paragraph} ${String(fields.paragraph)}`);
  }
  if (fields.sentence !== undefined && typeof fields.sentence !== 'string' && !(fields.sentence instanceof RegExp)) {
    throw new TypeError(`practice-themes: toHaveFinding() sentence must be a string or a RegExp, got ${typeof fields.sentence}`);
  }
  if (fields.sentence === '') throw new TypeError('practice-themes: toHaveFinding() sentence is empty, which every sentence contains — give some of its words');
}

function describePattern(pattern: FindingPattern): string {
  const fields = Object.entries(pattern).map(([key, value]) => `${key}: ${value instanceof RegExp ? String(value) : JSON.stringify(value)}`);
  return `{ ${fields.join(', ')} }`;
}

/**
 * The matcher. On failure the message lists the report's findings for the paragraph asked
 * about (or, without a paragraph, for the theme), so the near misses are in view.
 *
 * @example
 * expect(report).toHaveFinding({ theme: 'peps', polarity: 'weakness', paragraph: '28' });
 * expect(report).not.toHaveFinding({ theme: 'camhs', paragraph: '1' });
 */
export function toHaveFinding(this: { isNot: boolean }, received: unknown, pattern: FindingPattern): { pass: boolean; message: () => string } {
  const report = asReport(received, 'toHaveFinding');
  checkPattern(pattern);
  // A paragraph the report does not have can hold no finding: ".not" would pass whatever the report says.
  if (pattern.paragraph !== undefined && !report.paragraphs.some((paragraph) => paragraph.id === pattern.paragraph)) {
    const sample = report.paragraphs.slice(0, 3).map((paragraph) => `"${paragraph.id}"`).join(', ');
    throw new TypeError(`practice-themes: toHaveFinding() paragraph ${JSON.stringify(pattern.paragraph)} is not a paragraph of this report — its citation ids look like ${sample}`);
  }
  const matches = report.findings.filter((finding) => matchesFinding(finding, pattern));
  const pass = matches.length > 0;
  return {
    pass,
    message: () => {
      if (pass) return `expected the report not to have a finding matching ${describePattern(pattern)}, but it has:\n${describeFindings(matches)}`;
      const scope =
        pattern.paragraph !== undefined
          ? { label: `paragraph ${pattern.paragraph}`, findings: report.findings.filter((finding) => finding.paragraph === pattern.paragraph) }
          : pattern.theme !== undefined
            ? { label: `theme ${pattern.theme}`, findings: report.findings.filter((finding) => finding.theme === pattern.theme) }
            : { label: 'the report', findings: report.findings };
      return `expected the report to have a finding matching ${describePattern(pattern)}; findings for ${scope.label}:\n${describeFindings(scope.findings)}`;
    },
  };
}
