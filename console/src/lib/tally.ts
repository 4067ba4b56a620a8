import type { components } from '../api/generated/contract';

type TallyCheck = components['schemas']['TallyCheck'];

/** "2/3" → 0.6667, "1/2" → 0.5, "0.75" → 0.75; null for anything else. */
export function thresholdFraction(threshold: string): number | null {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(threshold);
  if (m) {
    const den = Number(m[2]);
    return den > 0 ? Number(m[1]) / den : null;
  }
  const n = Number(threshold);
  return Number.isFinite(n) && n >= 0 && n <= 1 ? n : null;
}

/** How full a check's bar is (0…1): value / base, 0 while nothing is counted. */
export function checkFraction(check: TallyCheck): number {
  if (check.base == null || check.value == null || check.base <= 0) return 0;
  return Math.min(1, Math.max(0, check.value / check.base));
}

export function percent(fraction: number): string {
  return `${(Math.round(fraction * 1000) / 10).toFixed(1)}%`;
}

/** The approval line of a rule under art. 278: 3/4 for the major matters, 1/2 otherwise. */
export function approvalShare(rule: components['schemas']['VoteRule']): string {
  return rule === 'OWNERS_MAJOR' ? '3/4' : '1/2';
}

export type CheckGroup = 'participation' | 'approval';

export function groupOf(check: TallyCheck): CheckGroup {
  return check.name.startsWith('PARTICIPATION') ? 'participation' : 'approval';
}
