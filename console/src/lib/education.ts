import type { components } from '../api/generated/contract';
import { shanghaiTime } from './volunteer';

type ProgramInput = components['schemas']['ProgramInput'];
type SessionInput = components['schemas']['SessionInput'];
type CourseFormat = components['schemas']['CourseFormat'];
type Venue = components['schemas']['Venue'];
type Trainee = components['schemas']['Trainee'];
type Attendance = components['schemas']['Attendance'];

export interface ProgramForm {
  name: string;
  description: string;
  startsOn: string;
  endsOn: string;
  requiredCredits: string;
}

/** The program as typed; blank or not-a-number credits go as null (JSON of NaN), so the API names the field. */
export function programBody(unitId: string, form: ProgramForm): ProgramInput {
  const credits = form.requiredCredits.trim();
  return {
    unitId,
    name: form.name,
    startsOn: form.startsOn,
    endsOn: form.endsOn,
    requiredCredits: credits === '' ? Number.NaN : Number(credits),
    ...(form.description.trim() ? { description: form.description.trim() } : {}),
  };
}

export interface SessionForm {
  courseId: string;
  startsAt: string;
  endsAt: string;
  venueIds: string[];
}

/** The session's times typed in China time (datetime-local), sent with the Asia/Shanghai offset. */
export function sessionBody(form: SessionForm): SessionInput {
  return { startsAt: shanghaiTime(form.startsAt), endsAt: shanghaiTime(form.endsAt), venueIds: [...form.venueIds] };
}

/**
 * The venues a session of a course may use: an in-person course its classrooms, a video course the main classroom
 * and the sub-classrooms, an online one none.
 */
export function venuesFor(format: CourseFormat | undefined, venues: Venue[]): Venue[] {
  if (format === 'IN_PERSON') return venues.filter((v) => v.kind === 'CLASSROOM');
  if (format === 'VIDEO') return venues.filter((v) => v.kind !== 'CLASSROOM');
  return [];
}

/** The enrolled trainees not yet recorded at the session: those a clerk may still mark present. */
export function stillExpected(trainees: Trainee[], attendance: Attendance[]): Trainee[] {
  const present = new Set(attendance.map((a) => a.memberId));
  return trainees.filter((t) => !present.has(t.memberId));
}

/** YYYY-MM of a day in China: the month of the rankings shown first. */
export function chinaMonth(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
}

/** A completion rate (0 to 1) as a whole percent, or — when nobody is enrolled. */
export function percent(rate: number | null | undefined): string {
  return rate == null ? '—' : `${Math.round(rate * 100)}%`;
}
