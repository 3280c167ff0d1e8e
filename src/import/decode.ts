/**
 * Bytes to text for DfE/GIAS downloads: UTF-8 with or without a byte-order mark, UTF-16 with a
 * BOM, and Windows-1252 (older DfE files, e.g. school_details_2018_cp1252.csv). Strict UTF-8 is
 * tried first; bytes that are not valid UTF-8 mean the file is Windows-1252.
 */
export type Encoding =
  'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'utf-8 and windows-1252';

export interface DecodedText {
  text: string;
  encoding: Encoding;
  /** Line numbers (1-based) read as Windows-1252 in a file otherwise UTF-8. */
  windows1252Lines?: number[];
}

export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return decodeByLine(bytes);
  }
}

/**
 * Not valid UTF-8 as a whole: each line is read as UTF-8 when it is valid, else as
 * Windows-1252, so a file pasted together from both ("Sch\u00f6ol" in one row, a cp1252 byte in
 * another) reads right everywhere and the lines that were not UTF-8 can be named.
 */
function decodeByLine(bytes: Uint8Array): DecodedText {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const parts: string[] = [];
  const cp1252: number[] = [];
  let utf8NonAscii = 0;
  let line = 1;
  for (let start = 0; start < bytes.length; line++) {
    let end = bytes.indexOf(0x0a, start);
    end = end < 0 ? bytes.length : end + 1;
    const chunk = bytes.subarray(start, end);
    try {
      parts.push(utf8.decode(chunk));
      if (chunk.some((b) => b >= 0x80)) utf8NonAscii++;
    } catch {
      parts.push(decodeWindows1252(chunk));
      cp1252.push(line);
    }
    start = end;
  }
  const text = parts.join('');
  // Only Windows-1252 lines (and plain ASCII): the file is Windows-1252, as older DfE files are.
  return utf8NonAscii === 0
    ? { text, encoding: 'windows-1252' }
    : { text, encoding: 'utf-8 and windows-1252', windows1252Lines: cp1252 };
}

// Bytes 0x80-0x9F of Windows-1252 (curly quotes, dashes, euro...). Node's TextDecoder decodes
// "windows-1252" as Latin-1 and gets these wrong (0x92 becomes U+0092, not ’), so we map them.
const HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
  0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
  0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(
      ...Array.from(chunk, (b) => (b >= 0x80 && b < 0xa0 ? (HIGH[b - 0x80] as number) : b)),
    );
  }
  return out;
}
