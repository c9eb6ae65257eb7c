/**
 * Markdown output: per file, a heading, what the report prints about itself, and a table of
 * findings (paragraph, page for a PDF, theme, polarity, confidence, cited sentence).
 */
import type { OutputResult } from './result.js';

// Text from a report shows as written: Markdown and HTML in it (a "<b>", a "[link](…)", "*", a
// "_" that starts or ends a word, "&amp;") is escaped so that it is not rendered, and table cells
// cannot hold pipes or line breaks. Underscores inside words ("life_story_work") render as written.
function cell(value: string): string {
  return value
    .replace(/[\\`*[\]<>|~&]/g, '\\$&')
    .replace(/(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, '\\_')
    .replace(/\s*\n\s*/g, ' ');
}

/**
 * Formats one result as a Markdown section: `## file`, a metadata line, the judgements, and a
 * findings table. A failed file gets its error instead.
 *
 * @returns the section, ending with a blank line.
 */
export function formatMarkdownSection(result: OutputResult): string {
  const lines = [`## ${cell(result.file)}`, ''];
  if (!result.report) {
    lines.push(`**Error:** ${cell(result.error.message)}`, '');
    return `${lines.join('\n')}\n`;
  }
  const { metadata, findings } = result.report;
  const facts = [metadata.localAuthority, metadata.title, metadata.inspectionDates && `inspection dates: ${metadata.inspectionDates}`].filter((fact): fact is string => Boolean(fact));
  if (facts.length > 0) lines.push(facts.map(cell).join(' · '), '');
  if (metadata.judgements.length > 0) {
    for (const judgement of metadata.judgements) lines.push(`- ${cell(judgement.area)}: **${cell(judgement.grade)}**`);
    lines.push('');
  }
  if (findings.length === 0) {
    lines.push('_No findings._', '');
    return `${lines.join('\n')}\n`;
  }
  // A page column only for PDFs, whose citations can be checked page by page.
  const paged = findings.some((finding) => finding.page !== null);
  lines.push(`| Paragraph |${paged ? ' Page |' : ''} Theme | Polarity | Confidence | Sentence |`, `| --- |${paged ? ' ---: |' : ''} --- | --- | ---: | --- |`);
  for (const finding of findings) {
    lines.push(`| ${cell(finding.paragraph)} |${paged ? ` ${finding.page ?? ''} |` : ''} ${cell(finding.theme)} | ${finding.polarity} | ${finding.confidence.toFixed(2)} | ${cell(finding.sentence)} |`);
  }
  lines.push('');
  return `${lines.join('\n')}\n`;
}

/**
 * Formats results as one Markdown document, a section per file.
 *
 * @example
 * writeFileSync('findings.md', formatMarkdown(results));
 */
export function formatMarkdown(results: readonly OutputResult[]): string {
  return results.map(formatMarkdownSection).join('');
}
