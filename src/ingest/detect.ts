/**
 * What kind of input the caller passed: PDF bytes, text bytes, or a string (plain or Markdown).
 */
import { PracticeThemesError } from '../errors.js';

/** Everything `tagReport` accepts: a string of text or Markdown, or the bytes of a PDF or text file. */
export type ReportInput = string | Uint8Array | ArrayBuffer;

/** The kinds of document the pipeline distinguishes. */
export type InputKind = 'text' | 'markdown' | 'pdf';

/** True when the bytes start with the PDF signature. */
export function isPdfBytes(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d;
}

/** Converts accepted byte inputs to a Uint8Array view; rejects anything else with a typed error. */
export function toBytes(input: unknown): Uint8Array {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  throw unsupported(input);
}

/** The typed error for a value that is neither a string nor bytes. */
export function unsupported(input: unknown): PracticeThemesError {
  const found = input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input;
  return new PracticeThemesError(
    'UNSUPPORTED_INPUT',
    `expected a string, a Uint8Array, a Buffer or an ArrayBuffer, but got ${found} — pass the report's text, or the bytes of its PDF`,
  );
}

/** Decodes text bytes as UTF-8, rejecting binary data (NUL bytes or invalid UTF-8). */
export function decodeTextBytes(bytes: Uint8Array): string {
  if (bytes.includes(0)) {
    throw new PracticeThemesError('BINARY_INPUT', 'input bytes contain NUL bytes, so they are not text — pass a PDF, or UTF-8 text');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new PracticeThemesError('BINARY_INPUT', 'input bytes are not valid UTF-8 text and not a PDF — pass a PDF, or UTF-8 text', { cause });
  }
}

/**
 * Rejects strings that are empty or look like binary data decoded as text. `from` says what the
 * caller passed, so that the message names it: a string, or bytes that were not a PDF.
 */
export function assertTextual(text: string, from: 'string' | 'bytes' = 'string'): void {
  if (text.trim().length === 0) {
    throw new PracticeThemesError('EMPTY_INPUT', 'the input has no text (it is empty or only white space) — pass the text of a report');
  }
  let control = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0 || code === 0xfffd || (code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12)) control++;
  }
  if (control > 0 && (text.includes('\u0000') || control / text.length > 0.01)) {
    throw new PracticeThemesError(
      'BINARY_INPUT',
      from === 'string'
        ? `the input string holds ${control} control or replacement characters, so it looks like binary data read as text — pass the report's text, or the PDF's bytes`
        : `the input bytes are not a PDF, and read as text they hold ${control} control or replacement characters (a Word document, a spreadsheet or an image?) — pass a PDF, or the report's text`,
    );
  }
}

// Markdown council papers mark headings with '#', emphasis with '**' and rules with '---'.
// Space within a line only ([ \t], not \s): \s* at a line start would run on over every blank
// line below it, at every line start (100 000 lines of a zero-width space took 5 s, growing
// with the square of the count).
const markdownSignals = [/^#{1,6}\s/m, /\*\*[^*\n]+\*\*/, /^-{3,}[ \t]*$/m, /^[ \t]*[-*][ \t]+\S/m];

/** Detects Markdown by its block and emphasis markers (two different signals are needed). */
export function looksLikeMarkdown(text: string): boolean {
  return markdownSignals.filter((signal) => signal.test(text)).length >= 2 && /^#{1,6}\s|\*\*/m.test(text);
}
