/**
 * What each role may do in its network. Every route asks `authorize` with the network of
 * the thing it touches; a member of one network can do nothing in another.
 */
import type { ROLES } from '../../schema/tables';
import { Forbidden, Unauthenticated } from '../errors';

/** A role in a network. */
export type Role = (typeof ROLES)[number];

/** Something a route does. */
export type Capability =
  | 'network:view'
  | 'results:read'
  /** Read respondents' free text as written, and approve, redact or reject it. */
  | 'texts:review'
  | 'surveys:edit'
  | 'responses:enter'
  /** Download every complete response as given, free text included (editors and admins, never reviewers). */
  | 'responses:export'
  | 'members:manage'
  | 'organisations:manage'
  | 'audit:read'
  /** Read the charter standards, actions, evidence, self-assessments and reports. */
  | 'evidence:read'
  /** Record next-step actions, indicators, evidence and self-assessments. */
  | 'evidence:manage'
  /** Edit the wording of charter standards and add sectors (reference data). */
  | 'standards:manage';

const GRANTS: Record<Role, readonly Capability[]> = {
  admin: [
    'network:view',
    'results:read',
    'texts:review',
    'surveys:edit',
    'responses:enter',
    'responses:export',
    'members:manage',
    'organisations:manage',
    'audit:read',
    'evidence:read',
    'evidence:manage',
    'standards:manage'
  ],
  editor: ['network:view', 'results:read', 'texts:review', 'surveys:edit', 'responses:enter', 'responses:export', 'evidence:read', 'evidence:manage'],
  reviewer: ['network:view', 'results:read', 'evidence:read'],
  'data-entry': ['network:view', 'responses:enter']
};

/** A signed-in person's role in one network. */
export type Membership = { networkId: string; networkSlug: string; networkName: string; role: Role };

/** Whether a role includes a capability. */
export function roleCan(role: Role, capability: Capability): boolean {
  return GRANTS[role].includes(capability);
}

/** Whether the memberships allow a capability in a network. */
export function can(memberships: readonly Membership[] | null | undefined, networkId: string, capability: Capability): boolean {
  return !!memberships?.some((m) => m.networkId === networkId && roleCan(m.role, capability));
}

/** Throw Unauthenticated (no one signed in) or Forbidden (no such right in this network). */
export function authorize(memberships: readonly Membership[] | null | undefined, networkId: string, capability: Capability): void {
  if (!memberships) throw new Unauthenticated();
  if (!can(memberships, networkId, capability)) throw new Forbidden();
}
