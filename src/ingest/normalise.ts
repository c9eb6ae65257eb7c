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
  '\u2010': '-', '\u2011': '-',
  '\u2028': '\n', '\u2029': '\n',
};

// Soft hyphens, zero-width characters and byte-order marks carry no text.
const dropped = /[\u00AD\u200B\u200C\u200D\u2060\uFEFF]/;

/** Normalised text and, per character, its offset in the input. */
export interface NormalisedText {
  text: string;
  origins: Int32Array;
}

/** Normalises quotes, ligatures, spaces, bullets and line ends; keeps tabs and form feeds. */
export function normaliseText(input: string): NormalisedText {
  const builder = new TextBuilder();
  for (let index = 0; index < input.length; index++) {
    const char = input.charAt(index);
    const code = input.charCodeAt(index);
    if (char === '\r') {
      builder.insert('\n', index);
      if (input.charAt(index + 1) === '\n') index++;
      continue;
    }
    const replacement = replacements[char];
    if (replacement !== undefined) {
      builder.insert(replacement, index);
      continue;
    }
    if (dropped.test(char)) continue;
    // Other control characters (not tab, line feed or form feed) are noise from extraction.
    if (code < 32 && code !== 9 && code !== 10 && code !== 12) continue;
    builder.insert(char, index);
  }
  return builder.finish(input.length);
}
