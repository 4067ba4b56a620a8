import { api, unwrap } from '../api/client';
import type { components } from '../api/generated/contract';

type OrgUnit = components['schemas']['OrgUnit'];
type Topic = components['schemas']['Topic'];
type Resolution = components['schemas']['Resolution'];

/** The unit and what stands above it, top first (the directory is public to every signed-in caller). */
export async function chainOf(unitId: string): Promise<OrgUnit[]> {
  const chain = unwrap(await api.GET('/api/v1/org-units/{id}/ancestors', { params: { path: { id: unitId } } }));
  if (chain.some((u) => u.id === unitId)) return chain;
  const unit = unwrap(await api.GET('/api/v1/org-units/{id}', { params: { path: { id: unitId } } }));
  return [...chain, unit];
}

/** The community a unit lies in (the unit itself when it is one), and the compound, when it lies in one. */
export function placeOf(chain: OrgUnit[]): { community: OrgUnit | null; compound: OrgUnit | null } {
  return {
    community: chain.find((u) => u.level === 'COMMUNITY') ?? null,
    compound: [...chain].reverse().find((u) => u.level === 'COMPOUND') ?? null,
  };
}

/**
 * The published resolutions of a community (topics at or under it), newest first, each with its topic: the
 * community's topics in one request, and any topic not among them (an older one) read on its own.
 */
export async function publishedResolutions(communityId: string): Promise<{ topic: Topic; resolution: Resolution }[]> {
  const [resolutions, topics] = await Promise.all([
    api.GET('/api/v1/resolutions', { params: { query: { within: communityId, status: 'PUBLISHED', size: 50 } } }).then(unwrap),
    api.GET('/api/v1/topics', { params: { query: { within: communityId, size: 100 } } }).then(unwrap),
  ]);
  const byId = new Map(topics.items.map((topic) => [topic.id, topic]));
  const missing = [...new Set(resolutions.items.map((r) => r.topicId).filter((id) => !byId.has(id)))];
  await Promise.all(missing.map(async (id) => {
    byId.set(id, unwrap(await api.GET('/api/v1/topics/{id}', { params: { path: { id } } })));
  }));
  return resolutions.items
    .map((resolution) => ({ topic: byId.get(resolution.topicId)!, resolution }))
    .sort((a, b) => (b.resolution.publishedAt ?? '').localeCompare(a.resolution.publishedAt ?? ''));
}

/** Whether a notice period is running at `now`, and the days left (rounded up). */
export function noticeState(resolution: Pick<Resolution, 'inNotice' | 'noticeEndsAt'>, now: number = Date.now()): { open: boolean; daysLeft: number } {
  const ends = resolution.noticeEndsAt ? Date.parse(resolution.noticeEndsAt) : NaN;
  const open = resolution.inNotice && (Number.isNaN(ends) || ends > now);
  const daysLeft = open && !Number.isNaN(ends) ? Math.ceil((ends - now) / 86_400_000) : 0;
  return { open, daysLeft };
}
