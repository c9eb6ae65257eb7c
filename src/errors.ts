/**
 * Typed errors. Codes are public API: match on `error.code`, never on the message.
 */

/** Every code a {@link PracticeThemesError} can carry. */
export const errorCodes = [
  'EMPTY_INPUT',
  'BINARY_INPUT',
  'UNSUPPORTED_INPUT',
  'ENCRYPTED_PDF',
  'IMAGE_ONLY_PDF',
  'TRUNCATED_PDF',
  'INVALID_OPTIONS',
  'INVALID_TAXONOMY',
  'INVALID_MODEL',
  'INVALID_GOLD',
  'INVALID_ARGUMENT',
  'FILE_NOT_FOUND',
] as const;

/** The `code` of a {@link PracticeThemesError}: one of {@link errorCodes}. */
export type PracticeThemesErrorCode = (typeof errorCodes)[number];

/** A validation problem, as reported by zod (path into the offending value and a message). */
export interface ValidationIssue {
  path: PropertyKey[];
  message: string;
}

// A global symbol, so that errors thrown by the ESM build are recognised by the CJS build too.
const brand = Symbol.for('practice-themes.PracticeThemesError');

/**
 * The one error class practice-themes throws. The message reads
 * "practice-themes: what happened — what to do".
 */
export class PracticeThemesError extends Error {
  readonly code: PracticeThemesErrorCode;
  readonly issues: ValidationIssue[] | undefined;

  /**
   * `instanceof` checks the brand, not the prototype: the ESM and CJS builds (and two installed
   * copies) each have their own class, and an error from one is still an instance of the other.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isPracticeThemesError(value);
  }

  constructor(
    code: PracticeThemesErrorCode,
    message: string,
    options: { cause?: unknown; issues?: ValidationIssue[] } = {},
  ) {
    super(`practice-themes: ${message}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PracticeThemesError';
    this.code = code;
    this.issues = options.issues;
    Object.defineProperty(this, brand, { value: true });
  }
}

/** True for any {@link PracticeThemesError}, even one thrown by another copy of the library. */
export function isPracticeThemesError(value: unknown): value is PracticeThemesError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
}

/** Builds a validation error from zod issues, naming the first problem, where it is and the value found there. */
export function validationError(
  code: PracticeThemesErrorCode,
  what: string,
  issues: readonly { path: PropertyKey[]; message: string }[],
  advice: string,
  value?: unknown,
): PracticeThemesError {
  const first = issues[0];
  const where = first && first.path.length > 0 ? `${what}.${first.path.map(String).join('.')}` : what;
  const found = first && value !== undefined ? describeValue(valueAt(value, first.path)) : undefined;
  const detail = first ? `${first.message}${found === undefined ? '' : ` (got ${found})`}` : 'invalid value';
  const more = issues.length > 1 ? `; and ${issues.length - 1} more issue${issues.length > 2 ? 's' : ''}` : '';
  return new PracticeThemesError(code, `${where} is invalid: ${detail}${more} — ${advice}`, {
    issues: issues.map((issue) => ({ path: [...issue.path], message: issue.message })),
  });
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describeValue(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  // Objects and arrays are named by the path and the message; printing them would only add noise.
  return undefined;
}
