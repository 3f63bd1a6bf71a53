/** Small helpers for the server-drawn SVG charts (SVG text does not wrap by itself). */

/** Break text into at most `lines` lines of about `width` characters, at spaces; the last ends with "…" if cut. */
export function wrap(text: string, width: number, lines: number): string[] {
	const words = text.split(/\s+/).filter(Boolean);
	const out: string[] = [];
	let current = '';
	for (const word of words) {
		if (current && (current + ' ' + word).length > width) {
			out.push(current);
			current = word;
		} else current = current ? `${current} ${word}` : word;
	}
	if (current) out.push(current);
	if (out.length <= lines) return out.map((l) => (l.length > width ? `${l.slice(0, width - 1)}…` : l));
	const kept = out.slice(0, lines);
	const last = kept[lines - 1];
	kept[lines - 1] = `${last.length > width - 1 ? last.slice(0, width - 1) : last}…`;
	return kept;
}

/**
 * Fills for the parts of a stacked bar, dark to light, far enough apart in lightness to
 * tell apart in greyscale print; each part also carries its share as text.
 */
export const SHADES = ['#2b1a4a', '#4b2e83', '#7a5fb0', '#a994d0', '#d5cbe8', '#f1edf8'];
/** Text on a shade: white on the dark ones. */
export const inkOn = (i: number, of: number) => (shadeIndex(i, of) < 3 ? '#fff' : '#1a1a1a');
/** Spread `of` parts over the shades, first darkest. */
export function shadeIndex(i: number, of: number): number {
	if (of <= 1) return 1;
	return Math.round((i * (SHADES.length - 1)) / (of - 1));
}
