import { api, unwrap } from '../api/client';
import type { components } from '../api/generated/contract';
import { hasRole, session } from './session';
import { myVolunteer } from './me';

type Team = components['schemas']['Team'];

/** Activity and team categories of the seeds and the volunteer service (names in messages as `category.*`). */
export const CATEGORIES = ['ELDER_CARE', 'CHILD_CARE', 'ENVIRONMENT', 'PATROL', 'CULTURE', 'MEDIATION', 'REPAIR', 'LEGAL_AID', 'FIRST_AID', 'TUTORING'] as const;

/**
 * The teams the caller runs: a team leader's teams where they are leader or deputy; for admins the active teams
 * of their scope (up to 200, the API's page size).
 */
export async function teamsIRun(): Promise<Team[]> {
  if (hasRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'STREET_ADMIN', 'COMMUNITY_SECRETARY')) {
    const orgUnitId = session.value?.orgUnits[0];
    const r = unwrap(await api.GET('/api/v1/teams', { params: { query: { orgUnitId, status: 'ACTIVE', size: 200 } } }));
    return r.items;
  }
  const me = await myVolunteer();
  if (!me) return [];
  const memberships = unwrap(await api.GET('/api/v1/volunteers/{id}/teams', { params: { path: { id: me.id } } }));
  const led = memberships.filter((m) => m.role !== 'MEMBER' && m.status === 'ACTIVE');
  return Promise.all(led.map((m) => api.GET('/api/v1/teams/{id}', { params: { path: { id: m.teamId } } }).then(unwrap)));
}

/** The leader or deputy a review is made in the name of: the caller when they lead the team, else its leader. */
export async function reviewerFor(team: Team): Promise<string> {
  const me = await myVolunteer().catch(() => null);
  if (me && (team.leaderId === me.id || team.deputyIds.includes(me.id))) return me.id;
  return team.leaderId ?? '';
}
