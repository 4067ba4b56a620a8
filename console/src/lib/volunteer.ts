/** Star levels, check-in links and times of the volunteer pages. */

/** ★★★☆☆ for three of five stars (the API's starLevel is 0 to 5). */
export function stars(level: number): string {
  const n = Math.max(0, Math.min(5, Math.round(level)));
  return '★'.repeat(n) + '☆'.repeat(5 - n);
}

/**
 * What the QR code at an activity holds: the activity's page in the console with the code filled in, so a phone
 * that scans it lands on the check-in form (after signing in) with nothing to type.
 */
export function checkInLink(origin: string, activityId: string, code: string): string {
  return `${origin}/console/activities/${encodeURIComponent(activityId)}?code=${encodeURIComponent(code)}`;
}

/** A 6-digit code from a scanned link's query, or '' when it is not one. */
export function codeFromQuery(value: unknown): string {
  const text = Array.isArray(value) ? value[0] : value;
  return typeof text === 'string' && /^\d{6}$/.test(text) ? text : '';
}

/**
 * The value of an `<input type="datetime-local">` (wall-clock time in China, e.g. `2026-12-03T19:30`) as the API's
 * RFC 3339 time with the Asia/Shanghai offset; '' stays '' so the API names the missing field.
 */
export function shanghaiTime(local: string): string {
  if (!local) return '';
  const withSeconds = /T\d{2}:\d{2}$/.test(local) ? `${local}:00` : local;
  return `${withSeconds}+08:00`;
}

/** Now plus some minutes as a datetime-local value in Shanghai time (the form's defaults). */
export function shanghaiLocalInput(now: Date, plusMinutes = 0): string {
  const shifted = new Date(now.getTime() + plusMinutes * 60_000 + 8 * 3_600_000);
  return shifted.toISOString().slice(0, 16);
}

/** Hours shown with at most one decimal. */
export function hours(minutes: number | null | undefined): number {
  return minutes == null ? 0 : Math.round((minutes / 60) * 10) / 10;
}
