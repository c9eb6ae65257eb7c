/**
 * Citation ids. Printed numbers are kept exactly; numbers OCR lost are inferred from the
 * sequence between the surviving anchors and flagged `numberInferred`.
 */
import type { Block, Genre } from './blocks.js';

export interface NumberedBlock {
  block: Block;
  id: string;
  number: number | null;
  numberInferred: boolean;
}

export interface NumberingProblem {
  block: Block;
  ruleId: 'paragraph-number-recovered' | 'paragraph-number-conflict' | 'paragraph-number-repeated' | 'paragraph-number-skipped';
  reason: string;
  expected?: string;
  actual?: string;
}

/** Gives every paragraph block its citation id; returns the problems worth a message. */
export function assignCitationIds(blocks: Block[], genre: Genre): { numbered: NumberedBlock[]; problems: NumberingProblem[] } {
  const problems: NumberingProblem[] = [];
  const paragraphs = blocks.filter((block) => block.kind === 'paragraph' || block.kind === 'bullet');
  const numbers = genre === 'ofsted' ? inferOfstedNumbers(paragraphs, problems) : new Map<Block, { value: number; inferred: boolean }>();
  const numbered: NumberedBlock[] = [];
  const seen = new Map<string, number>();
  let summary = 0;
  let improve = 0;
  let anchor: string | undefined;
  let child = 0;
  for (const block of paragraphs) {
    let id: string;
    let number: number | null = null;
    let inferred = false;
    if (block.zone === 'improve') id = `improve:${++improve}`;
    else if (block.zone === 'summary' && block.printedNumber === undefined) id = `summary:${++summary}`;
    else if (genre === 'ofsted') {
      const assigned = numbers.get(block)!;
      number = assigned.value;
      inferred = assigned.inferred;
      id = String(number);
    } else if (block.printedNumber !== undefined) {
      number = block.printedNumber;
      id = String(number);
      child = 0;
    } else {
      id = anchor ? `${anchor}.${++child}` : `summary:${++summary}`;
    }
    // A number printed twice (council paper seed 001's "15.", Lambeth 2026's "57.") keeps its printed
    // number, with "(2)" to keep the citation unique.
    const count = (seen.get(id) ?? 0) + 1;
    seen.set(id, count);
    if (count > 1) {
      problems.push({ block, ruleId: 'paragraph-number-repeated', reason: `paragraph number ${id} is printed ${count} times; this one is cited as ${id}(${count})`, actual: id });
      id = `${id}(${count})`;
    }
    if (block.printedNumber !== undefined || (genre === 'council' && number !== null)) anchor = id;
    numbered.push({ block, id, number, numberInferred: inferred });
  }
  return { numbered, problems };
}

/**
 * Body paragraphs of an Ofsted report run 1..N. Between two printed anchors the gap is
 * filled in order; a run that does not fit its anchors is numbered on and reported.
 */
function inferOfstedNumbers(paragraphs: Block[], problems: NumberingProblem[]): Map<Block, { value: number; inferred: boolean }> {
  const body = paragraphs.filter((block) => block.zone === 'body');
  const result = new Map<Block, { value: number; inferred: boolean }>();
  const anchors = body.map((block, index) => ({ index, value: block.printedNumber })).filter((entry) => entry.value !== undefined) as { index: number; value: number }[];
  let previous = { index: -1, value: 0 };
  // Before the first anchor, count back from it (or from 1 when none survived).
  const first = anchors[0];
  if (first && first.value - first.index >= 1) previous = { index: -1, value: first.value - first.index - 1 };
  for (let index = 0; index < body.length; index++) {
    const block = body[index]!;
    if (block.printedNumber !== undefined) {
      result.set(block, { value: block.printedNumber, inferred: false });
      // Printed numbers that jump (16 then 18, or a body opening at 2) mean a paragraph's number
      // was not recognised, so its text sits inside the paragraph before: say so, it cites wrongly.
      const expected = index === 0 ? 1 : previous.value + (index - previous.index);
      if (block.printedNumber > expected) {
        const missing = expected === block.printedNumber - 1 ? `${expected}` : `${expected}–${block.printedNumber - 1}`;
        problems.push({
          block,
          ruleId: 'paragraph-number-skipped',
          reason: `paragraph numbers jump to ${block.printedNumber} where ${expected} was expected; the text of paragraph ${missing} is probably inside the paragraph before (a number the structure stage did not recognise)`,
          expected: String(expected),
          actual: String(block.printedNumber),
        });
      }
      previous = { index, value: block.printedNumber };
      continue;
    }
    const value = previous.value + (index - previous.index);
    result.set(block, { value, inferred: true });
    const nextAnchor = anchors.find((anchor) => anchor.index > index);
    const fits = !nextAnchor || nextAnchor.value - previous.value === nextAnchor.index - previous.index;
    problems.push(
      fits
        ? { block, ruleId: 'paragraph-number-recovered', reason: `paragraph number ${value} is not printed (lost in extraction); inferred from its neighbours`, expected: String(value) }
        : {
            block,
            ruleId: 'paragraph-number-conflict',
            reason: `paragraph number ${value} was inferred, but the paragraphs between printed numbers ${previous.value} and ${nextAnchor!.value} do not add up; check the paragraph breaks`,
            expected: String(value),
          },
    );
  }
  return result;
}
