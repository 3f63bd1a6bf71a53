/** Words for roles, shown to members. */
export const ROLE_LABELS = {
	admin: { name: 'Admin', does: 'members, organisations, settings' },
	editor: { name: 'Survey lead', does: 'surveys, links, free-text review' },
	reviewer: { name: 'Reviewer', does: 'results, approved quotes, evidence' },
	'data-entry': { name: 'Data entry', does: 'keys in paper and assisted responses' }
} as const;
