/**
 * When to try again: an exponential schedule with a cap and a jitter fraction.
 * Pure: the random source is a parameter, so a test pins it. The client's
 * retry loop and `withRetry` use this one schedule (DEFAULT_BACKOFF unless
 * the client is given other delays).
 */

export interface BackoffPolicy {
  /** Delay before the first retry, in ms. */
  readonly baseMs: number
  /** No delay is ever longer than this, in ms. */
  readonly maxMs: number
  /** Growth per attempt; 2 doubles the delay each time. */
  readonly factor: number
  /**
   * Fraction of each delay that is random, 0..1: the delay lies in
   * [(1 - jitter) * d, d]. Jitter keeps parallel pipelines that failed together
   * from retrying together.
   */
  readonly jitter: number
}

/** Production defaults: 1 s, 2 s, 4 s ... capped at 30 s, up to a quarter shaved off at random. */
export const DEFAULT_BACKOFF: BackoffPolicy = Object.freeze({ baseMs: 1000, maxMs: 30_000, factor: 2, jitter: 0.25 })

/** The delay before retry number `attempt` (1 = first retry), in whole ms. */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const n = Math.max(1, Math.floor(attempt))
  const base = Math.max(0, policy.baseMs)
  const cap = Math.max(0, policy.maxMs)
  const factor = Math.max(1, policy.factor)
  const jitter = Math.min(1, Math.max(0, policy.jitter))
  // Exponent clamped so a long run (attempt 2000) cannot overflow to Infinity * 0 = NaN.
  const raw = Math.min(cap, base * Math.pow(factor, Math.min(n - 1, 64)))
  const r = Math.min(1, Math.max(0, random()))
  return Math.round(raw * (1 - jitter * r))
}

/**
 * The wait before the next try: the backoff, but never shorter than what the
 * server asked for (retry-after / x-ratelimit-reset), so a rate limit is not re-polled early.
 */
export function nextDelay(
  attempt: number,
  policy: BackoffPolicy,
  serverAskedMs: number | undefined,
  random: () => number = Math.random
): number {
  const backoff = backoffDelay(attempt, policy, random)
  return serverAskedMs === undefined ? backoff : Math.max(backoff, Math.ceil(serverAskedMs))
}
