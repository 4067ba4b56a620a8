import { api, unwrap } from '../api/client';
import type { components } from '../api/generated/contract';
import { session } from './session';

type Volunteer = components['schemas']['Volunteer'];

let cached: { subject: string; profile: Promise<Volunteer | null> } | null = null;

/** The caller's own volunteer profile (linked by the token's `sub`), or null before they register; read once a session. */
export function myVolunteer(): Promise<Volunteer | null> {
  const subject = session.value?.subject ?? '';
  if (!cached || cached.subject !== subject) {
    // hours and stars grow without a new version (the ETag): read past the browser's cache
    const profile = api.GET('/api/v1/volunteers/me', { cache: 'no-store' }).then((r) => (r.response.status === 404 ? null : unwrap(r)));
    cached = { subject, profile };
    profile.catch(() => { cached = null; });
  }
  return cached.profile;
}

/** Forget the cached profile (after signing out, or in tests). */
export function forgetMe(): void {
  cached = null;
}
