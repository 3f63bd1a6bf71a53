/** Words for the evidence pages' stored codes. */
export const STATUS: Record<string, string> = { not_started: 'Not started', planned: 'Planned', in_progress: 'In progress', done: 'Done' };
export const PARTICIPATION: Record<string, string> = { done_to: 'Done to the community', done_with: 'Done with the community', done_by: 'Done by the community' };
export const dateOnly = (iso: string) => new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
export const when = (iso: string) =>
	new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
