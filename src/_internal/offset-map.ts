/**
 * Offset maps: for each code unit of a derived text, the offset of the code unit of the
 * text it came from. Stored per character while building, compressed to runs for output.
 */

import { PracticeThemesError } from '../errors.js';

/** A run of `length` code units at `start` in the derived text that came from `origin` onwards. */
export type OffsetRun = [start: number, origin: number, length: number];

/** Builds a derived text piece by piece, remembering where each character came from. */
export class TextBuilder {
  private readonly parts: string[] = [];
  private origins = new Int32Array(1024);
  private size = 0;

  get length(): number {
    return this.size;
  }

  private reserve(extra: number): void {
    if (this.size + extra + 1 <= this.origins.length) return;
    let capacity = this.origins.length * 2;
    while (capacity < this.size + extra + 1) capacity *= 2;
    const grown = new Int32Array(capacity);
    grown.set(this.origins.subarray(0, this.size));
    this.origins = grown;
  }

  /** Copies `source.slice(start, end)`; `sourceOrigins` maps the source to its own origin. */
  copy(source: string, start: number, end: number, sourceOrigins?: Int32Array): void {
    if (end <= start) return;
    this.reserve(end - start);
    this.parts.push(source.slice(start, end));
    if (sourceOrigins) this.origins.set(sourceOrigins.subarray(start, end), this.size);
    else for (let index = start; index < end; index++) this.origins[this.size + index - start] = index;
    this.size += end - start;
  }

  /** Inserts text that has no source of its own (a joining space); it points at `origin`. */
  insert(text: string, origin: number): void {
    this.reserve(text.length);
    this.parts.push(text);
    this.origins.fill(origin, this.size, this.size + text.length);
    this.size += text.length;
  }

  finish(endOrigin: number): { text: string; origins: Int32Array } {
    const origins = new Int32Array(this.size + 1);
    origins.set(this.origins.subarray(0, this.size));
    origins[this.size] = endOrigin;
    return { text: this.parts.join(''), origins };
  }
}

/** Compresses a per-character origin array into runs where origins advance one by one. */
export function compressOrigins(origins: ArrayLike<number>, length: number): OffsetRun[] {
  const runs: OffsetRun[] = [];
  let runStart = 0;
  for (let index = 1; index <= length; index++) {
    const continues = index < length && origins[index] === (origins[index - 1] ?? 0) + 1;
    if (!continues) {
      runs.push([runStart, origins[runStart] ?? 0, index - runStart]);
      runStart = index;
    }
  }
  return runs;
}

/**
 * Maps an offset of the derived text back to its origin using compressed runs. For the end of a
 * half-open range use `originOf(runs, end - 1) + 1`: `end` itself is the next character's offset,
 * which can lie past source text that was left out.
 */
export function originOf(runs: readonly OffsetRun[], offset: number): number {
  const last = runs[runs.length - 1];
  const length = last ? last[0] + last[2] : 0;
  // A clamped answer for an offset outside the text would be a citation that looks checkable but is not.
  if (!Number.isInteger(offset) || offset < 0 || offset > length) {
    throw new PracticeThemesError('INVALID_ARGUMENT', `originOf: offset ${String(offset)} is not a position in the report text (0 to ${length}) — pass a start or end from the report`);
  }
  let low = 0;
  let high = runs.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const run = runs[middle]!;
    if (offset < run[0]) high = middle - 1;
    else if (offset >= run[0] + run[2]) low = middle + 1;
    else return run[1] + (offset - run[0]);
  }
  return last ? last[1] + last[2] : offset;
}
