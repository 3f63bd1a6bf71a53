import { can } from '$server/accounts/authz';
import { networkFor } from '$lib/server/access';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
	const { locals } = event;
	const { network } = await networkFor(event, 'network:view');
	const memberships = locals.auth!.memberships;
	return {
		user: locals.auth!.user,
		network: { id: network.id, slug: network.slug, name: network.name, isDemo: network.isDemo, admin: can(memberships, network.id, 'members:manage'), evidence: can(memberships, network.id, 'evidence:read') },
		role: memberships.find((m) => m.networkId === network.id)!.role
	};
};
