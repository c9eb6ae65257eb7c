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
});
