import { describe, expect, it } from 'vitest';
import { isoToLondon, londonToIso } from '../../web/src/lib/time';

describe('London times in forms', () => {
  it('reads winter (GMT) and summer (BST) wall-clock times', () => {
    expect(londonToIso('2026-12-01T09:30')).toBe('2026-12-01T09:30:00.000Z');
    expect(londonToIso('2026-07-01T09:30')).toBe('2026-07-01T08:30:00.000Z');
  });
  it('round-trips, including the days the clocks change', () => {
    for (const local of ['2026-03-29T00:30', '2026-03-29T03:00', '2026-10-25T00:30', '2026-10-25T03:00', '2027-01-01T00:00'])
      expect(isoToLondon(londonToIso(local))).toBe(local);
  });
  it('refuses what is not a datetime-local value', () => {
    for (const bad of ['', '2026-12-01', 'tomorrow', '2026-13-01T09:30x']) expect(londonToIso(bad)).toBeNull();
  });
});
