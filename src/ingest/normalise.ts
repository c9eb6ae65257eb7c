/**
 * Unicode normalisation of the caller's text. Every output character remembers the input
 * offset it came from, so a citation can be mapped back to the caller's own string.
 */
import { TextBuilder } from '../_internal/offset-map.js';

const replacements: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"',
  '\uFB00': 'ff', '\uFB01': 'fi', '\uFB02': 'fl', '\uFB03': 'ffi', '\uFB04': 'ffl', '\uFB05': 'st', '\uFB06': 'st',
  '\u00A0': ' ', '\u2002': ' ', '\u2003': ' ', '\u2007': ' ', '\u2009': ' ', '\u200A': ' ', '\u202F': ' ', '\u3000': ' ',
  // Bullet glyphs of every shape the reports use become one bullet, so structure tests one character.
  '\u25FC': '•', '\u25A0': '•', '\u25AA': '•', '\u25CF': '•', '\u25E6': '•', '\u2023': '•', '\u2043': '•',
  '\u2219': '•', '\u25FE': '•', '\uF0B7': '•', '\uF0A7': '•', '\uF06E': '•', '\uF02D': '•', '\uF0D8': '•', '\uF076': '•', '\u27A2': '•', '\u2022': '•',
  '\u2010': '-', '\u2011': '-', '\u2026': '...',
  '\u2028': '\n', '\u2029': '\n',
};

// Soft hyphens, zero-width characters and byte-order marks carry no text.
const dropped = /[\u00AD\u200B\u200C\u200D\u2060\uFEFF]/;

/** Normalised text and, per character, its offset in the input. */
export interface NormalisedText {
  text: string;
  origins: Int32Array;
}

// Every character normalisation touches; runs of other characters are copied as they are.
const special = new RegExp(`[\r\u0000-\u0008\u000B\u000E-\u001F\u00AD\u200B\u200C\u200D\u2060\uFEFF${Object.keys(replacements).join('')}]`, 'g');

/** Normalises quotes, ligatures, spaces, bullets and line ends; keeps tabs and form feeds. */
export function normaliseText(input: string): NormalisedText {
  const builder = new TextBuilder();
  let cursor = 0;
  special.lastIndex = 0;
  for (const match of input.matchAll(special)) {
    const index = match.index ?? 0;
    if (index < cursor) continue;
    builder.copy(input, cursor, index);
    cursor = index + 1;
    const char = match[0];
    if (char === '\r') {
      builder.insert('\n', index);
      if (input.charAt(index + 1) === '\n') cursor++;
      continue;
    }
    const replacement = replacements[char];
    // Dropped: soft hyphens, zero-width characters, byte-order marks, control characters.
    if (replacement !== undefined) builder.insert(replacement, index);
    else if (dropped.test(char) || char.charCodeAt(0) < 32) continue;
  }
  builder.copy(input, cursor, input.length);
  return builder.finish(input.length);
}
