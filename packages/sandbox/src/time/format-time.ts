function pad(value: number, width = 2): string {
  return String(value).padStart(width, "0");
}

function offsetText(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * Formats an instant as ISO 8601 with a numeric offset, to the second, the way the provider
 * writes `response-time`, `paymentCreateTime` and similar fields: `2026-01-01T08:00:00+08:00`.
 * With `milliseconds: true` it adds `.SSS` (the provider's notification `request-time` form).
 *
 * @example
 * formatTime(Date.UTC(2026, 0, 1), 480); // "2026-01-01T08:00:00+08:00"
 */
export function formatTime(
  ms: number,
  offsetMinutes = 0,
  options?: { milliseconds?: boolean },
): string {
  if (!Number.isInteger(offsetMinutes) || Math.abs(offsetMinutes) > 18 * 60) {
    throw new TypeError(`offsetMinutes must be an integer within ±1080; got ${offsetMinutes}`);
  }
  const local = new Date(ms + offsetMinutes * 60_000);
  const date = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  const fraction = options?.milliseconds === true ? `.${pad(local.getUTCMilliseconds(), 3)}` : "";
  return `${date}T${time}${fraction}${offsetText(offsetMinutes)}`;
}
