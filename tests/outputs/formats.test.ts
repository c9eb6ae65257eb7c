/**
 * The CLI's table formats on text that a report (or a pasted document) may hold: Markdown and
 * HTML must show as written, and a spreadsheet must not run a cited sentence as a formula.
 */
import { describe, expect, it } from 'vitest';
import { formatCsvRows } from '../../src/outputs/csv.js';
import { formatMarkdownSection } from '../../src/outputs/markdown.js';
import type { OutputResult } from '../../src/outputs/result.js';

const withSentence = (sentence: string): OutputResult =>
  ({
    file: 'reports/a|b.pdf',
    report: { metadata: { localAuthority: 'Anytown', judgements: [] }, findings: [{ paragraph: '1', theme: 'life_story_work', polarity: 'weakness', confidence: 0.9, sentence, page: null }] },
  }) as unknown as OutputResult;

describe('Markdown cells', () => {
  it('escape Markdown and HTML so that the sentence shows as written, keeping underscores inside words', () => {
    const table = formatMarkdownSection(withSentence('Supervision is <b>not</b> regular, *often* late_ and [see](http://x) a | b & c.'));
    expect(table).toContain('## reports/a\\|b.pdf');
    expect(table).toContain('| 1 | life_story_work | weakness | 0.90 | Supervision is \\<b\\>not\\</b\\> regular, \\*often\\* late\\_ and \\[see\\](http://x) a \\| b \\& c. |');
  });
});

describe('CSV cells', () => {
  it('prefix a cell that a spreadsheet would run as a formula with a quote, and leave others as they are', () => {
    expect(formatCsvRows(withSentence('=HYPERLINK("http://x") Supervision is weak.'))).toBe('reports/a|b.pdf,Anytown,1,life_story_work,weakness,0.900,"\'=HYPERLINK(""http://x"") Supervision is weak.",\n');
    expect(formatCsvRows(withSentence('Supervision is weak, often.'))).toBe('reports/a|b.pdf,Anytown,1,life_story_work,weakness,0.900,"Supervision is weak, often.",\n');
  });
});
