import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { qrPng, qrSvg } from '../../worker/links/qr';

/** Decode a PNG the way a phone camera would read a flat, clean print. */
function decodePng(bytes: Uint8Array): string | null {
  const png = PNG.sync.read(Buffer.from(bytes));
  return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data ?? null;
}

describe('QR codes', () => {
  const url = 'https://surveys.example.org/l/AB23CD';

  it('PNG decodes back to the exact URL', () => {
    expect(decodePng(qrPng(url))).toBe(url);
    expect(decodePng(qrPng(`${url}?x=${'y'.repeat(120)}`, 4))).toBe(`${url}?x=${'y'.repeat(120)}`);
  });

  it('SVG is one escaped, labelled image with a white background', () => {
    const svg = qrSvg(url, 'QR code for "Hall of Memory" <poster>');
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-label="QR code for &#34;Hall of Memory&#34; &#60;poster&#62;"/);
    expect(svg).toContain('<rect');
    expect(svg.match(/<path /g)).toHaveLength(1);
    expect(svg).not.toMatch(/<script|on\w+=/i);
  });
});
