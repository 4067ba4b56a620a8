// The fonts a PDF uses, read from its bytes with node's zlib only: font dictionaries may sit in compressed object
// streams (PDFBox 3 writes them so), so every FlateDecode stream is inflated and searched too.
import { inflateSync } from 'node:zlib';

/** Every readable part of the PDF: its plain bytes as latin1 text and each stream that inflates. */
function readableParts(bytes) {
  const buffer = Buffer.from(bytes);
  const text = buffer.toString('latin1');
  const parts = [text];
  const re = /stream\r?\n/g;
  let m;
  while ((m = re.exec(text)) !== null) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    try {
      parts.push(inflateSync(buffer.subarray(start, end)).toString('latin1'));
    } catch {
      // not a Flate stream (an image, or raw): nothing to read
    }
    re.lastIndex = end + 'endstream'.length;
  }
  return parts;
}

/**
 * { baseFonts: ['ABCDEF+WenQuanYiMicroHei', 'Helvetica'], type0: true, embeddedTrueType: true }:
 * a Type0 (CID) font with an embedded TrueType program is what prints Chinese; a PDF with only the standard
 * Type1 fonts (Helvetica…) prints Chinese as `?`.
 */
export function pdfFonts(bytes) {
  const all = readableParts(bytes).join('\n');
  const baseFonts = [...new Set([...all.matchAll(/\/BaseFont\s*\/([^\s/<>[\]()]+)/g)].map((x) => x[1]))];
  return {
    baseFonts,
    type0: /\/Subtype\s*\/Type0/.test(all),
    embeddedTrueType: /\/FontFile2\s/.test(all),
  };
}

/** Whether the PDF carries a font that draws Chinese (an embedded CID font), with the reason when not. */
export function cjkFontProblem(bytes) {
  const f = pdfFonts(bytes);
  if (!f.type0 || !f.embeddedTrueType) {
    return `the PDF embeds no CJK font (fonts: ${f.baseFonts.join(', ') || 'none'}): Chinese prints as "?"; install fonts-wqy-microhei or fonts-noto-cjk`;
  }
  return null;
}
