import type { components } from '../api/generated/contract';
import type { Problem } from '../api/problem';

type MinutesInput = components['schemas']['MinutesInput'];
type Registration = components['schemas']['Registration'];
export type Party = components['schemas']['Party'];

export const PARTIES: Party[] = [
  'PARTY_ORGANIZATION', 'RESIDENTS_COMMITTEE', 'OWNERS_COMMITTEE', 'PROPERTY_COMPANY', 'RESIDENT_UNIT', 'SOCIAL_ORGANIZATION',
  'RESIDENT_REPRESENTATIVE', 'RESIDENT',
];

export interface OpinionRow { party: Party; speaker: string; topicId: string; opinion: string }
export interface FollowUpRow { description: string; owner: string; dueOn: string }
export interface MinutesDraft { summary: string; recordedBy: string; opinions: OpinionRow[]; followUps: FollowUpRow[] }

export function blankOpinion(topicId = ''): OpinionRow {
  return { party: 'RESIDENT', speaker: '', topicId, opinion: '' };
}

export function blankFollowUp(): FollowUpRow {
  return { description: '', owner: '', dueOn: '' };
}

export function opinionKept(o: OpinionRow): boolean {
  return !!(o.speaker.trim() || o.opinion.trim());
}

export function followUpKept(f: FollowUpRow): boolean {
  return !!(f.description.trim() || f.owner.trim() || f.dueOn);
}

/**
 * The body of POST /meetings/{id}/minutes from the form: rows left entirely blank are dropped (the form always
 * offers one), blank optional fields are left out; anything else goes as typed, so the API names what is wrong.
 */
export function minutesBody(draft: MinutesDraft): MinutesInput {
  const opinions = draft.opinions
    .filter(opinionKept)
    .map((o) => ({
      party: o.party,
      opinion: o.opinion,
      ...(o.speaker.trim() ? { speaker: o.speaker.trim() } : {}),
      ...(o.topicId ? { topicId: o.topicId } : {}),
    }));
  const followUps = draft.followUps
    .filter(followUpKept)
    .map((f) => ({ description: f.description, owner: f.owner, ...(f.dueOn ? { dueOn: f.dueOn } : {}) }));
  return { summary: draft.summary, recordedBy: draft.recordedBy, opinions, followUps };
}

/**
 * The errors of one list's rows, by row and field: `opinions[1].opinion` (or `minutes.opinions[1].opinion`) is
 * row 1's `opinion`. Rows are counted as sent, i.e. after minutesBody dropped the blank ones.
 */
export function rowErrors(problem: Problem | null | undefined, list: string): Record<number, Record<string, string>> {
  const rows: Record<number, Record<string, string>> = {};
  const pattern = new RegExp(`(?:^|\\.)${list}\\[(\\d+)\\]\\.(\\w+)$`);
  for (const e of problem?.errors ?? []) {
    const match = e.field && e.message ? pattern.exec(e.field) : null;
    if (!match) continue;
    const row = (rows[Number(match[1])] ??= {});
    const name = match[2] as string;
    row[name] = row[name] ? `${row[name]};${e.message}` : (e.message as string);
  }
  return rows;
}

/** Who is still expected (registered, not there yet) first, then who came, each by name. */
export function byAttendance(registrations: Registration[]): Registration[] {
  return [...registrations].sort((a, b) => Number(!!a.attendedAt) - Number(!!b.attendedAt) || a.personName.localeCompare(b.personName, 'zh'));
}

/** rowErrors by the form's rows: the API counts the rows sent, the form also has the blank ones it left out. */
export function errorsByFormRow<T>(
  problem: Problem | null | undefined, list: string, rows: T[], kept: (row: T) => boolean,
): Record<number, Record<string, string>> {
  const sent = rowErrors(problem, list);
  const byForm: Record<number, Record<string, string>> = {};
  let n = 0;
  rows.forEach((row, i) => {
    if (!kept(row)) return;
    if (sent[n]) byForm[i] = sent[n] as Record<string, string>;
    n += 1;
  });
  return byForm;
}
