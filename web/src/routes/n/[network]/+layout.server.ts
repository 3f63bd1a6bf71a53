import { networkAccess } from '$server/accounts/access';
import { can } from '$server/accounts/authz';
import { guard } from '$lib/server/errors';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
	const { locals, params } = event;
	const network = await networkAccess(locals.db, locals.auth, params.network, 'network:view').catch(guard(event));
	const memberships = locals.auth!.memberships;
	return {
		user: locals.auth!.user,
		network: { id: network.id, slug: network.slug, name: network.name, isDemo: network.isDemo, admin: can(memberships, network.id, 'members:manage') },
		role: memberships.find((m) => m.networkId === network.id)!.role
	};
};
