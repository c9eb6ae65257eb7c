/**
 * Property tests: whatever string arrives, tagText either returns a report whose spans hold
 * (tests/helpers/invariants.ts) or throws a PracticeThemesError — never another error, never a hang.
 * Inputs mix random Unicode (astral, lone surrogates, control characters) with the things real
 * reports are made of: huge white space, bare paragraph numbers, bullets, headings, Markdown marks,
 * and slices of the seed texts. Each property runs a fixed number of times; set PT_FUZZ_RUNS to run
 * every property that many times instead (e.g. PT_FUZZ_RUNS=5000 for a long search).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTagger, isPracticeThemesError, type Report } from 'practice-themes';
import { hasCorpus, readSeed, seedFiles } from '../helpers/corpus.js';
import { reportProblems, spanProblems } from '../helpers/invariants.js';

const tagger = createTagger();
/** How many inputs a property tries: `count`, unless PT_FUZZ_RUNS says otherwise. */
const runs = (count: number) => ({ numRuns: Number(process.env.PT_FUZZ_RUNS ?? count) });
const seeds = hasCorpus ? seedFiles.map((name) => readSeed(name.slice(0, 3))) : [];

/** Tags `input`; returns the report, or the code of a PracticeThemesError (any other error is rethrown). */
function tagOrCode(input: string): { report: Report } | { code: string } {
  const started = performance.now();
  try {
    return { report: tagger.tagText(input) };
  } catch (error) {
    if (!isPracticeThemesError(error)) throw error;
    return { code: error.code };
  } finally {
    // A slow input is a hang in waiting: the largest generated input is ~10k characters.
    expect(performance.now() - started).toBeLessThan(5_000);
  }
}

function holds(input: string): void {
  const outcome = tagOrCode(input);
  if ('code' in outcome) {
    // Text can only be refused as empty or binary; options and models are valid here.
    expect(['EMPTY_INPUT', 'BINARY_INPUT']).toContain(outcome.code);
    return;
  }
  expect(reportProblems(outcome.report, input)).toEqual([]);
}

const codeUnit = (min: number, max: number) => fc.integer({ min, max }).map((code) => String.fromCharCode(code));

const piece = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  codeUnit(0xd800, 0xdfff), // lone surrogates
  codeUnit(0, 31), // control characters
  fc.constantFrom('\u007f', '\u0085', '\u00ad', '\u200b', '\ufeff', '\ufffd', '\u2028', '\u2029', '\uFB01', '\u2019', '\u201c'),
  fc
    .tuple(fc.constantFrom(' ', '\n', '\t', '\r\n', '\r', '\f', '\u00a0', '\u2003', '\n\n'), fc.integer({ min: 1, max: 300 }))
    .map(([space, count]) => space.repeat(count)),
  fc.tuple(fc.integer({ min: 0, max: 999 }), fc.constantFrom('.', ',', '. ', '.\n', '', ')')).map(([number, mark]) => `\n${number}${mark}`),
  fc.constantFrom('• ', '\u25FC ', '\uF0B7 ', '▪', '- ', '* ', 'W ', 'm ', '(i) ', '(v)', '(ii)(iv) ', '\n- ', '\n• '),
  fc.constantFrom(
    '\nWhat needs to improve\n',
    '\nSummary\n',
    '\nJudgement Grade\n',
    '\nOverall effectiveness Good\n',
    '\nThe experiences and progress of children in care and care leavers: good\n',
    '\nInspection of Gateshead local authority children’s services\n',
    '\n12\n',
    '\n© Crown copyright 2019\n',
    '\nTITLE OF REPORT: Something\n',
    'REPORT OF: Someone\n',
    '## ',
    '## 16. ',
    '**',
    '---\n',
    '<https://example.org/>',
  ),
  fc.constantFrom(
    'Supervision is regular and reflective. ',
    'The quality of PEPs is variable. ',
    'Return home interviews are offered promptly. ',
    'Not all children have effective life-story work. ',
    'CAMHS waiting times are too long. ',
    'Most plans are clear, but some lack timescales. ',
    'well-\nembedded ',
  ),
);

const randomDocument = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(''));

describe('arbitrary input', () => {
  it('returns a report whose spans hold, or throws a PracticeThemesError', () => {
    fc.assert(fc.property(randomDocument, holds), runs(200));
  });

  it('holds for the same input pasted run-on (line breaks lost, long enough for the run-on repair)', () => {
    const runOn = randomDocument.map((text) => `${text} `.repeat(Math.ceil(2_100 / (text.length + 1))).replace(/\s*[\n\r\f\u2028\u2029\u0085]\s*/g, ' '));
    fc.assert(fc.property(runOn, holds), runs(100));
  });

  it('refuses any value that is not text or bytes as UNSUPPORTED_INPUT', () => {
    const notText = fc.anything().filter((value) => typeof value !== 'string' && !(value instanceof Uint8Array) && !(value instanceof ArrayBuffer) && !ArrayBuffer.isView(value));
    fc.assert(
      fc.property(notText, (value) => {
        expect(tagOrCode(value as string)).toEqual({ code: 'UNSUPPORTED_INPUT' });
      }),
      runs(100),
    );
  });

  it('reads random bytes, and random bytes behind a PDF signature, or refuses them with a PracticeThemesError', async () => {
    const encoder = new TextEncoder();
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 2_000 }),
      fc.string({ unit: 'binary', maxLength: 500 }).map((text) => encoder.encode(text)),
      fc.uint8Array({ maxLength: 2_000 }).map((tail) => new Uint8Array([...encoder.encode('%PDF-1.7\n'), ...tail])),
      // With an end marker too, so the bytes reach the PDF parser.
      fc.uint8Array({ maxLength: 2_000 }).map((body) => new Uint8Array([...encoder.encode('%PDF-1.7\n'), ...body, ...encoder.encode('\n%%EOF\n')])),
    );
    await fc.assert(
      fc.asyncProperty(bytes, async (input) => {
        try {
          const report = await tagger.tagReport(input);
          expect(spanProblems(report)).toEqual([]);
        } catch (error) {
          if (!isPracticeThemesError(error)) throw error;
          expect(['EMPTY_INPUT', 'BINARY_INPUT', 'TRUNCATED_PDF', 'IMAGE_ONLY_PDF', 'ENCRYPTED_PDF']).toContain(error.code);
        }
      }),
      runs(60),
    );
  });

  it('rejects strings with no text as EMPTY_INPUT', () => {
    const blank = fc.array(fc.constantFrom(' ', '\n', '\t', '\r\n', '\f', '\u00a0', '\u2003', '\u3000'), { minLength: 0, maxLength: 200 }).map((spaces) => spaces.join(''));
    fc.assert(
      fc.property(blank, (input) => {
        expect(tagOrCode(input)).toEqual({ code: 'EMPTY_INPUT' });
      }),
      runs(50),
    );
  });
});

describe.skipIf(!hasCorpus)('slices and splices of the seeds', () => {
  const slice = fc
    .tuple(fc.integer({ min: 0, max: Math.max(0, seeds.length - 1) }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 4_000 }))
    .map(([index, at, length]) => {
      const seed = seeds[index]!;
      const start = Math.floor(at * seed.length);
      return seed.slice(start, start + length);
    });

  it('holds for a random slice of a seed (cut anywhere, even inside a word or a surrogate pair)', () => {
    fc.assert(fc.property(slice, holds), runs(60));
  });

  it('holds for slices of different seeds spliced together, with or without a gap', () => {
    const splice = fc.tuple(fc.array(slice, { minLength: 2, maxLength: 4 }), fc.constantFrom('', '\n', '\n\n', ' ')).map(([parts, joint]) => parts.join(joint));
    fc.assert(fc.property(splice, holds), runs(40));
  });

  it('holds for the lines of a seed shuffled', () => {
    const lines = (seeds[0] ?? '').split('\n');
    const shuffled = fc.shuffledSubarray(lines, { minLength: 1, maxLength: 60 }).map((picked) => picked.join('\n'));
    fc.assert(fc.property(shuffled, holds), runs(30));
  });
});

describe('a megabyte of damaged text', () => {
  // Each took from 57 s to 7.5 minutes before the sentence stage bounded its work (quadratic in
  // the length of a token or of a sentence); now each takes well under a second. holds() fails
  // an input that takes over 5 s: a hang guard, not a speed target (`npm run bench` measures speed).
  const megabyte = (unit: string) => unit.repeat(Math.ceil(1_000_000 / unit.length));
  it.each([
    ['one token with no space', '1. ', 'x'],
    ['one word, over and over, with no sentence end', '1. ', 'supervision '],
    ['a clause per comma, with no sentence end', '1. ', 'supervision is good, '],
    ['a contrast every few words, with no sentence end', '1. ', 'supervision is good but plans are weak '],
    ['a negation every few words, with no sentence end', '1. ', 'not effective supervision '],
    // These two threw RangeError (push(...lines) of one 200 000-line block) and took 229 s (a
    // median of every earlier line of a block at every line).
    ['a short line, over and over, before any paragraph', '', 'Plans\n'],
    ['a Markdown heading, list, quote and table, over and over', '', '# H\n\n- **plans** are _good_\n\n> quote\n\n| a | b |\n|---|---|\n'],
    // Normalised to 500 000 empty lines, which the Markdown test read in time growing with their square.
    ['a zero-width space on each line', '', '\u200b\n'],
  ])('%s: tagged or refused, with spans that hold, in bounded time', (_, start, unit) => {
    holds(start + megabyte(unit));
  }, 60_000);
});
