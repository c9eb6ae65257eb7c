/**
 * practice-themes/testing: vitest matchers and gold-scoring helpers for your own test suites.
 *
 * Importing this module registers the matchers with vitest's `expect`:
 *
 * ```ts
 * import 'practice-themes/testing';
 * expect(report).toHaveFinding({ theme: 'peps', polarity: 'weakness', paragraph: '28' });
 * expect(report).toCiteExactly();
 * ```
 *
 * It reads files (loadGold), so it is for Node; the main entry does not import it.
 */
import { expect } from 'vitest';
import { toCiteExactly } from './testing/to-cite-exactly.js';
import { toHaveFinding, type FindingPattern } from './testing/to-have-finding.js';

expect.extend({ toHaveFinding, toCiteExactly });

export { loadGold } from './testing/load-gold.js';
export { scoreAgainstGold } from './testing/score-against-gold.js';
export type { GoldScore } from './testing/score-against-gold.js';
export { assertFloors } from './testing/assert-floors.js';
export type { FindingPattern } from './testing/to-have-finding.js';
export type { Gold } from './schemas/gold.js';
export type { Evaluation, PrecisionRecall } from './evaluate/score.js';

/** The matchers this module adds to vitest's `expect`. */
export interface PracticeThemesMatchers<R = unknown> {
  /**
   * Passes when the report has a finding matching every field given (a `sentence` string must be
   * contained in the cited sentence; a RegExp must match it).
   */
  toHaveFinding(pattern: FindingPattern): R;
  /** Passes when every paragraph, sentence and finding slices back from `report.text` verbatim. */
  toCiteExactly(): R;
}

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-explicit-any
  interface Assertion<T = any> extends PracticeThemesMatchers<void> {}
  // As asymmetric matchers: expect({ report }).toEqual({ report: expect.toHaveFinding({ ... }) }).
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AsymmetricMatchersContaining extends PracticeThemesMatchers {}
}
