/**
 * Positions. Every offset in practice-themes is a half-open, 0-based UTF-16 range into
 * `report.text`, so `report.text.slice(span.start, span.end)` is always the quoted text.
 */

/** A half-open range `[start, end)` of UTF-16 code units. */
export interface Span {
  start: number;
  end: number;
}

/** The text a span covers. */
export function sliceSpan(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

/** True when `outer` contains `inner` entirely. */
export function containsSpan(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** Sort order for spans: by start, then by end. */
export function compareSpans(a: Span, b: Span): number {
  return a.start - b.start || a.end - b.end;
}

/** 1-based line and column of an offset, computed on demand (never stored). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset && index < text.length; index++) {
    if (text.charCodeAt(index) === 10) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
