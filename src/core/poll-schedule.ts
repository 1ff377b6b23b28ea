/**
 * When wait-ci polls next: two polls per base interval, start to start, while
 * the answers are free (304 Not Modified) or carry news, so a change waits a
 * quarter of the interval on average and never more than half of it (plus the
 * poll's own time); growing from the base interval only while unchanged answers
 * still cost counted requests; never before a rate-limit wait ends; the gate
 * re-read now and then; and a final poll at the deadline rather than a silent overrun.
 * See docs/decisions.md, "wait-ci polls at a fixed rate while answers are free"
 * and "wait-ci polls twice per interval while answers are free".
 */
import { formatMs } from './durations.js'

export interface PollPolicy {
  /** Base interval (the `interval-seconds` input). */
  readonly intervalMs: number
  /** Start-to-start gap while the answers are free or something changed: half the base interval. */
  readonly freeIntervalMs: number
  /** Backoff cap while nothing changes. */
  readonly maxIntervalMs: number
  /** Growth of the interval per unchanged poll. */
  readonly backoffFactor: number
  /** How often the gate definition is re-read during a long wait (rules can change). */
  readonly gateRefreshMs: number
  /** The whole wait (the `timeout-seconds` input). */
  readonly timeoutMs: number
}

/** Production defaults for a given base interval and timeout. */
export function defaultPollPolicy(intervalMs: number, timeoutMs: number): PollPolicy {
  return {
    intervalMs,
    freeIntervalMs: intervalMs / 2,
    // Reached only while unchanged answers still cost counted requests (no ETag support on the way).
    maxIntervalMs: intervalMs * 2,
    backoffFactor: 1.5,
    gateRefreshMs: Math.max(intervalMs, 5 * 60_000),
    timeoutMs
  }
}

export interface PollClock {
  /** When the wait began (ms since the epoch). */
  readonly startedAt: number
  readonly now: number
  /** When the poll that just ended began: polls are spaced start to start. */
  readonly pollStartedAt?: number
  /** Did the poll that just ended see anything change (a check state, the required set)? */
  readonly changed: boolean
  /** Requests of that poll that counted against the rate limit (304s do not). */
  readonly counted?: number
  /** Unchanged polls in a row before this one. */
  readonly unchangedStreak: number
  readonly lastGateReadAt: number
  /** A rate limit said: not before this instant (from `retry-after` or `x-ratelimit-reset`). */
  readonly notBefore?: number
}

export type PollPlan =
  | { readonly action: 'poll'; readonly delayMs: number; readonly unchangedStreak: number; readonly refreshGate: boolean }
  | { readonly action: 'timeout'; readonly reason: string }

/** Plans the next poll, or says the wait is over. */
export function planNextPoll(policy: PollPolicy, clock: PollClock): PollPlan {
  const deadline = clock.startedAt + policy.timeoutMs
  if (clock.now >= deadline) return { action: 'timeout', reason: `no verdict after ${formatMs(policy.timeoutMs)}` }
  // Free answers (all 304s) cost nothing to repeat, so only a poll that spent counted requests backs off.
  const streak = clock.changed || clock.counted === 0 ? 0 : clock.unchangedStreak + 1
  const interval =
    streak === 0 ? policy.freeIntervalMs : Math.min(policy.intervalMs * policy.backoffFactor ** streak, Math.max(policy.maxIntervalMs, policy.intervalMs))
  // Start to start: the time the poll took is not added to the gap, so a change waits half a gap on average.
  let delay = Math.max(0, (clock.pollStartedAt ?? clock.now) + interval - clock.now)
  if (clock.notBefore !== undefined) {
    if (clock.notBefore > deadline) {
      return { action: 'timeout', reason: `rate limited until after the deadline (${formatMs(policy.timeoutMs)})` }
    }
    delay = Math.max(delay, clock.notBefore - clock.now)
  }
  // The last poll happens at the deadline itself, so a check that went green just before it still counts.
  delay = Math.max(0, Math.min(delay, deadline - clock.now))
  const pollAt = clock.now + delay
  return {
    action: 'poll',
    delayMs: Math.round(delay),
    unchangedStreak: streak,
    refreshGate: pollAt - clock.lastGateReadAt >= policy.gateRefreshMs
  }
}
