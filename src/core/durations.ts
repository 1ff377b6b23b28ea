/**
 * How Purple writes a duration for people. Two forms, one place:
 * - `formatMs` ("45s", "12m 5s", "1h 0m") for how long something took or
 *   waited: a wait, a check's run time, the queue's time so far;
 * - `formatSeconds` ("90 s", "1.5 s") for an amount compared with a setting
 *   given in seconds (a budget, a wait GitHub asked for, a retry delay), so the
 *   number reads exactly as it is written in `timeout-seconds` or `retry-after`.
 */

/** Renders a duration for messages: `45s`, `12m 5s`, `1h 0m` (under a second: `250ms`). */
export function formatMs(ms: number): string {
  const s = Math.round(ms / 1000)
  if (ms < 1000) return `${Math.round(ms)}ms`
  if (s < 60) return `${s}s`
  const m = Math.floor(s / 60)
  if (m < 60) return `${m}m ${s % 60}s`
  return `${Math.floor(m / 60)}h ${m % 60}m`
}

/** Renders milliseconds as seconds to three significant digits: "90 s", "1.5 s", "0.01 s". */
export function formatSeconds(ms: number): string {
  const s = ms / 1000
  return `${Number.isInteger(s) ? s : Number(s.toPrecision(3))} s`
}

/** `formatSeconds` of a wait rounded up to whole seconds ("60 s"): a wait told to a person is never shorter than the real one. */
export function formatWaitSeconds(ms: number): string {
  return formatSeconds(Math.ceil(ms / 1000) * 1000)
}
