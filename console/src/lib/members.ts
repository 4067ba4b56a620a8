import type { components } from '../api/generated/contract';

type Member = components['schemas']['Member'];
export type MemberStatus = components['schemas']['MemberStatus'];
export type PostRole = components['schemas']['PostRole'];

/** The development pipeline in order (申请人 → 积极分子 → 发展对象 → 预备党员 → 正式党员). */
export const PIPELINE: MemberStatus[] = ['APPLICANT', 'ACTIVIST', 'DEVELOPMENT_TARGET', 'PROBATIONARY', 'FULL'];
/** Exits a transition records; a transfer out goes through the transfers, not through a transition. */
export const EXITS: MemberStatus[] = ['DECEASED', 'REMOVED'];
export const STATUSES: MemberStatus[] = [...PIPELINE, 'TRANSFERRED_OUT', ...EXITS];
export const POST_ROLES: PostRole[] = [
  'SECRETARY', 'FIRST_SECRETARY', 'DEPUTY_SECRETARY', 'FULL_TIME_DEPUTY_SECRETARY', 'COMMITTEE_MEMBER', 'GROUP_LEADER', 'GRID_WORKER', 'BUILDING_LEADER',
];

/** A probation can be extended while it runs (延长预备期). */
export function canExtendProbation(member: Pick<Member, 'status'>): boolean {
  return member.status === 'PROBATIONARY';
}

/** The day in China, YYYY-MM-DD: the default date of a step. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export interface MemberFilters {
  q: string;
  statuses: MemberStatus[];
  role: PostRole | '';
  mobile: '' | 'true' | 'false';
  ageFrom: string;
  ageTo: string;
}

export const NO_FILTERS: MemberFilters = { q: '', statuses: [], role: '', mobile: '', ageFrom: '', ageTo: '' };

export interface MemberQuery {
  within?: string;
  q?: string;
  status?: MemberStatus[];
  role?: PostRole;
  mobile?: boolean;
  ageFrom?: number;
  ageTo?: number;
  page: number;
  size: number;
}

/** The query of GET /members for a form's filters: blank fields are left out, so the API's defaults apply. */
export function memberQuery(filters: MemberFilters, within: string | undefined, page: number, size: number): MemberQuery {
  const query: MemberQuery = { page, size };
  if (within) query.within = within;
  const q = filters.q.trim();
  if (q) query.q = q;
  if (filters.statuses.length) query.status = [...filters.statuses];
  if (filters.role) query.role = filters.role;
  if (filters.mobile) query.mobile = filters.mobile === 'true';
  const from = toAge(filters.ageFrom);
  const to = toAge(filters.ageTo);
  if (from !== undefined) query.ageFrom = from;
  if (to !== undefined) query.ageTo = to;
  return query;
}

function toAge(text: string): number | undefined {
  const trimmed = String(text ?? '').trim();
  if (!trimmed) return undefined;
  const n = Number(trimmed);
  // anything else goes to the API as typed, so its answer names the field (an age of -1 or 200 is a 400)
  return Number.isFinite(n) ? Math.trunc(n) : Number.NaN;
}
