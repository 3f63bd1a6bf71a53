/**
 * Times as the network reads them: UK local time (Europe/London), whatever the server's
 * zone. Forms use <input type="datetime-local">, which carries no zone.
 */
export const ZONE = 'Europe/London';

const parts = new Intl.DateTimeFormat('en-GB', {
	timeZone: ZONE,
	hourCycle: 'h23',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit'
});

/** The wall-clock reading in London at instant `ms`, as if it were UTC (to measure the offset). */
function wallClock(ms: number): number {
	const p = Object.fromEntries(parts.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
	return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
}

/** "2026-12-01T09:30" read as London time → an ISO instant; null for empty or unreadable input. */
export function londonToIso(local: string): string | null {
	const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local.trim());
	if (!m) return null;
	const asUtc = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
	if (Number.isNaN(asUtc)) return null;
	let ms = asUtc - (wallClock(asUtc) - asUtc);
	ms = asUtc - (wallClock(ms) - ms); // once more, in case the guess crossed a clock change
	return new Date(ms).toISOString();
}

/** An ISO instant as a London datetime-local value ("2026-12-01T09:30"). */
export function isoToLondon(iso: string | null): string {
	if (!iso) return '';
	return new Date(wallClock(Date.parse(iso))).toISOString().slice(0, 16);
}

/** An ISO instant in words, London time: "1 December 2026, 09:30". */
export function londonWords(iso: string | null): string {
	if (!iso) return '';
	return new Date(iso).toLocaleString('en-GB', { timeZone: ZONE, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}
