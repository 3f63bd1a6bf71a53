/**
 * QR codes for links, posters and cards, made in the Worker: the matrix from `uqr`, drawn
 * as SVG (crisp at any size, for screens and printing from the browser) or PNG (for print
 * shops) with `fast-png`. Error correction M survives a scuffed poster or a crease in a
 * card; the quiet zone is the four modules the standard asks for.
 */
import { encode as encodePng } from 'fast-png';
import { encode } from 'uqr';

const QUIET_ZONE = 4;

function matrix(text: string): boolean[][] {
  return encode(text, { ecc: 'M', border: QUIET_ZONE }).data;
}

/** A QR code as one SVG path of unit squares (runs merged per row) in a size × size box, quiet zone included. */
export function qrPath(text: string): { size: number; d: string } {
  const data = matrix(text);
  const n = data.length;
  let d = '';
  data.forEach((row, y) => {
    for (let x = 0; x < n; ) {
      if (!row[x]) {
        x++;
        continue;
      }
      let end = x;
      while (end < n && row[end]) end++;
      d += `M${x} ${y}h${end - x}v1h${x - end}z`;
      x = end;
    }
  });
  return { size: n, d };
}

/**
 * An SVG QR code on a white square, so it prints in black and white and scales without
 * blurring. `label` becomes its accessible name.
 */
export function qrSvg(text: string, label: string): string {
  const { size: n, d } = qrPath(text);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n} ${n}" shape-rendering="crispEdges" role="img" aria-label="${escapeXml(label)}">` +
    `<rect width="${n}" height="${n}" fill="#fff"/><path fill="#000" d="${d}"/></svg>`
  );
}

/** A PNG QR code, `scale` pixels per module (greyscale, 8-bit). */
export function qrPng(text: string, scale = 10): Uint8Array {
  const data = matrix(text);
  const n = data.length;
  const size = n * scale;
  const pixels = new Uint8Array(size * size).fill(255);
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++) {
      if (!data[y][x]) continue;
      for (let dy = 0; dy < scale; dy++) pixels.fill(0, (y * scale + dy) * size + x * scale, (y * scale + dy) * size + (x + 1) * scale);
    }
  return encodePng({ width: size, height: size, data: pixels, channels: 1, depth: 8 });
}

function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
