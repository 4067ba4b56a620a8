import { api, unwrap } from '../api/client';
import type { components } from '../api/generated/contract';

type OrgUnit = components['schemas']['OrgUnit'];
type Topic = components['schemas']['Topic'];
type Resolution = components['schemas']['Resolution'];
type Stage = components['schemas']['TopicStage'];

/** Stages at which a topic may carry a published resolution. */
export const RESOLVED_STAGES: Stage[] = ['RESOLUTION', 'IMPLEMENTATION', 'EVALUATION', 'CLOSED'];

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
 * The published resolutions of a community's topics, newest first: the topics of the community that reached a
 * resolution (public from public deliberation on), then each topic's resolutions.
 */
export async function publishedResolutions(communityId: string): Promise<{ topic: Topic; resolution: Resolution }[]> {
  const topics = unwrap(await api.GET('/api/v1/topics', { params: { query: { within: communityId, size: 100 } } }))
    .items.filter((tp) => RESOLVED_STAGES.includes(tp.stage));
  const lists = await Promise.all(topics.map(async (topic) => {
    const r = unwrap(await api.GET('/api/v1/resolutions', { params: { query: { topicId: topic.id, size: 20 } } }));
    return r.items.filter((res) => res.status === 'PUBLISHED').map((resolution) => ({ topic, resolution }));
  }));
  return lists.flat().sort((a, b) => (b.resolution.publishedAt ?? '').localeCompare(a.resolution.publishedAt ?? ''));
}

/** Whether a notice period is running at `now`, and the days left (rounded up). */
export function noticeState(resolution: Pick<Resolution, 'inNotice' | 'noticeEndsAt'>, now: number = Date.now()): { open: boolean; daysLeft: number } {
  const ends = resolution.noticeEndsAt ? Date.parse(resolution.noticeEndsAt) : NaN;
  const open = resolution.inNotice && (Number.isNaN(ends) || ends > now);
  const daysLeft = open && !Number.isNaN(ends) ? Math.ceil((ends - now) / 86_400_000) : 0;
  return { open, daysLeft };
}
