import { computed, ref } from 'vue';
import type { components } from '../api/generated/contract';

type TokenResponse = components['schemas']['TokenResponse'];

export interface Session {
  accessToken: string;
  /** epoch milliseconds */
  expiresAt: number;
  subject: string;
  name: string;
  roles: string[];
  orgUnits: string[];
  /** Signed in at an OIDC provider: the ID token, sent back as the hint when signing out there. */
  idToken?: string;
  /** Signed in at an OIDC provider: renews the access token before it expires. */
  refreshToken?: string;
}

const STORAGE_KEY = 'console.session';

function load(): Session | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

/** The signed-in caller, kept in this tab's sessionStorage (gone when the tab closes). */
export const session = ref<Session | null>(load());

export const signedIn = computed(() => session.value !== null && session.value.expiresAt > Date.now());

/** Signed in with the built-in issuer's token. */
export function startSession(token: TokenResponse, now: number = Date.now()): Session {
  return keepSession({
    accessToken: token.accessToken,
    expiresAt: now + token.expiresIn * 1000,
    subject: token.subject,
    name: token.name,
    roles: [...token.roles],
    orgUnits: [...token.orgUnits],
  });
}

/** The session of this tab from now on (a new sign-in, or renewed tokens). */
export function keepSession(s: Session): Session {
  session.value = s;
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(s));
  return s;
}

export function endSession(): void {
  session.value = null;
  sessionStorage.removeItem(STORAGE_KEY);
}

export function hasRole(...roles: string[]): boolean {
  return session.value?.roles.some((r) => roles.includes(r)) ?? false;
}

/** Staff who manage the party chain and consultation (everyone but volunteers and residents). */
export function isStaff(): boolean {
  return hasRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'STREET_ADMIN', 'COMMUNITY_SECRETARY', 'GRID_WORKER');
}
