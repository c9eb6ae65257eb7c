/**
 * Inputs a user may really pass that damage the structure: a report pasted twice into one file, a
 * paragraph whose final full stop was lost so the next paragraph's number reads as wrapped text.
 * The structure stage must keep what it can and say what went wrong, never lose text silently.
 */
import { describe, expect, it } from 'vitest';
import { tagText } from 'practice-themes';
import { hasCorpus, readSeed } from '../helpers/corpus.js';

describe.skipIf(!hasCorpus)('damaged seed text (Gateshead 2019, seed 000)', () => {
  it('a report pasted twice keeps the first copy, paragraph for paragraph, and warns about the rest', () => {
    const seed = readSeed('000');
    const once = tagText(seed);
    const twice = tagText(`${seed}\n\n${seed}`);
    expect(twice.paragraphs.map((paragraph) => [paragraph.id, paragraph.text])).toEqual(once.paragraphs.map((paragraph) => [paragraph.id, paragraph.text]));
    expect(once.messages.filter((message) => message.ruleId === 'furniture-heavy')).toEqual([]);
    expect(twice.messages.filter((message) => message.ruleId === 'furniture-heavy')).toHaveLength(1);
  });

  it('a paragraph number it cannot recognise is reported where the numbering jumps, not merged silently', () => {
    const seed = readSeed('000');
    // Paragraph 19 ends "making a difference." just before "20. Children benefit ..."; without its
    // full stop, "20." reads as a number inside a wrapped sentence.
    const damaged = seed.replace('making a difference.\n20. Children benefit', 'making a difference\n20. Children benefit');
    expect(damaged).not.toBe(seed);
    const report = tagText(damaged);
    expect(report.paragraphs.map((paragraph) => paragraph.id)).not.toContain('20');
    const skipped = report.messages.filter((message) => message.ruleId === 'paragraph-number-skipped');
    expect(skipped.map((message) => [message.level, message.expected, message.actual])).toEqual([['warning', '20', '21']]);
    expect(report.text.slice(skipped[0]!.place.start, skipped[0]!.place.end)).toMatch(/^21\. /);
  });

  it('a double-spaced paste (a blank line after every line, paragraph gaps doubled) gives the same paragraphs and findings', () => {
    const seed = readSeed('000');
    const once = tagText(seed);
    const doubled = tagText(seed.replace(/\n/g, '\n\n'));
    expect(doubled.paragraphs.map((paragraph) => [paragraph.id, paragraph.text])).toEqual(once.paragraphs.map((paragraph) => [paragraph.id, paragraph.text]));
    expect(doubled.findings.map((finding) => [finding.paragraph, finding.theme, finding.polarity])).toEqual(once.findings.map((finding) => [finding.paragraph, finding.theme, finding.polarity]));
    expect(doubled.messages.map((message) => message.ruleId)).toEqual(['double-spaced']);
  });

  it('a one-per-paragraph text (seed 004: long lines between blank lines) is not mistaken for a double-spaced paste', () => {
    expect(tagText(readSeed('004')).messages.map((message) => message.ruleId)).not.toContain('double-spaced');
  });

  it('text whose line breaks were all lost still yields its numbered paragraphs, with a warning', () => {
    const seed = readSeed('000');
    const once = tagText(seed);
    const runOn = tagText(seed.replace(/\s*\n\s*/g, ' '));
    expect(runOn.messages.map((message) => message.ruleId)).toContain('run-on-text');
    // Paragraphs whose number follows a sentence end are found with the same start; the rest are
    // reported as skipped numbers, never dropped without a word.
    const found = runOn.paragraphs.filter((paragraph) => paragraph.number !== null).map((paragraph) => paragraph.id);
    expect(found.length).toBeGreaterThanOrEqual(35);
    for (const id of found) expect(runOn.paragraphs.find((paragraph) => paragraph.id === id)!.text.slice(0, 60)).toBe(once.paragraphs.find((paragraph) => paragraph.id === id)!.text.slice(0, 60));
    const skipped = runOn.messages.filter((message) => message.ruleId === 'paragraph-number-skipped').map((message) => Number(message.expected));
    expect(skipped.length + found.length).toBe(42);
    // The closing boilerplate stays out of the last paragraph.
    expect(runOn.paragraphs.find((paragraph) => paragraph.id === '42')!.text).toBe(once.paragraphs.find((paragraph) => paragraph.id === '42')!.text);
  });

  it('text with no report paragraph at all says so', () => {
    const report = tagText('Inspection of Gateshead local authority children’s services');
    expect(report.paragraphs).toEqual([]);
    expect(report.messages.map((message) => message.ruleId)).toEqual(['no-paragraphs']);
  });
});

