/// <reference types="node" />
import { describe, expect, it } from 'vitest';
import { deflateSync } from 'node:zlib';
import { checkInLink, codeFromQuery, hours, shanghaiLocalInput, shanghaiTime, stars } from './volunteer';
import { qrSvg } from './qr';
import { cjkFontProblem, pdfFonts } from '../../e2e/pdf-fonts.mjs';

describe('volunteer helpers', () => {
  it('draws star levels out of five', () => {
    expect(stars(0)).toBe('☆☆☆☆☆');
    expect(stars(3)).toBe('★★★☆☆');
    expect(stars(7)).toBe('★★★★★');
  });

  it('puts the activity and its code in the check-in link, and reads back only a 6-digit code', () => {
    const link = checkInLink('https://suite.example', 'a-1', '042917');
    expect(link).toBe('https://suite.example/console/activities/a-1?code=042917');
    expect(codeFromQuery(new URL(link).searchParams.get('code'))).toBe('042917');
    expect(codeFromQuery('12345')).toBe('');
    expect(codeFromQuery(['123456'])).toBe('123456');
    expect(codeFromQuery(undefined)).toBe('');
  });

  it('sends wall-clock times in China with the +08:00 offset', () => {
    expect(shanghaiTime('2026-12-03T19:30')).toBe('2026-12-03T19:30:00+08:00');
    expect(shanghaiTime('')).toBe('');
    // 11:30 UTC is 19:30 in Shanghai
    expect(shanghaiLocalInput(new Date('2026-12-03T11:30:00Z'), 15)).toBe('2026-12-03T19:45');
    expect(hours(90)).toBe(1.5);
    expect(hours(null)).toBe(0);
  });

  it('draws the check-in link as a QR code', async () => {
    const svg = await qrSvg('https://suite.example/console/activities/a-1?code=042917');
    expect(svg).toMatch(/^<svg[^>]*viewBox="0 0 \d+ \d+"/);
    expect(svg).toContain('<path');
    // a longer text needs more modules
    const bigger = await qrSvg('x'.repeat(200));
    const side = (s: string) => Number(/viewBox="0 0 (\d+)/.exec(s)?.[1]);
    expect(side(bigger)).toBeGreaterThan(side(svg));
  });
});

describe('the certificate PDF check', () => {
  const pdf = (...objects: string[]) => new TextEncoder().encode(`%PDF-1.7\n${objects.join('\n')}\n%%EOF`);

  it('fails a PDF with only the standard Type1 fonts (Chinese printed as ?)', () => {
    const bytes = pdf('1 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj', 'BT (??? 2026) Tj ET');
    expect(pdfFonts(bytes)).toEqual({ baseFonts: ['Helvetica'], type0: false, embeddedTrueType: false });
    expect(cjkFontProblem(bytes)).toContain('embeds no CJK font');
  });

  it('passes an embedded CID font, also inside a compressed object stream', () => {
    const inner = '<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+WenQuanYiMicroHei /DescendantFonts [5 0 R] >> '
      + '<< /Type /FontDescriptor /FontName /ABCDEF+WenQuanYiMicroHei /FontFile2 7 0 R >>';
    const packed = Buffer.from(deflateSync(Buffer.from(inner, 'latin1')));
    // a font program's stream first, as PDFBox writes it: the object stream after it must be read too
    const program = Buffer.concat([
      Buffer.from('%PDF-1.6\n10 0 obj << /Length1 26804 /Filter /FlateDecode >> stream\n', 'latin1'),
      Buffer.from(deflateSync(Buffer.from('glyphs', 'latin1'))),
      Buffer.from('\nendstream\nendobj\n', 'latin1'),
    ]);
    const head = Buffer.from('3 0 obj << /Type /ObjStm /Filter /FlateDecode >> stream\n', 'latin1');
    const tail = Buffer.from('\nendstream endobj\n%%EOF', 'latin1');
    const bytes = new Uint8Array(Buffer.concat([program, head, packed, tail]));
    expect(pdfFonts(bytes).baseFonts).toEqual(['ABCDEF+WenQuanYiMicroHei']);
    expect(cjkFontProblem(bytes)).toBeNull();
  });
});
