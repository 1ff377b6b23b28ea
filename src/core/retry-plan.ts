/**
 * `purple retry`'s decision after a failed attempt: stop (and with which exit
 * code) or wait how long and try again. Pure: the verdict, the clock and the
 * random source come in as data, so the whole schedule is testable.
 *
 * See docs/decisions.md, "Failure rules: permanent first, unknown retried".
 */
import { backoffDelay } from './backoff.js'
import type { TextVerdict } from './failure-engine.js'

/** Exit code when every attempt failed transiently (sysexits EX_TEMPFAIL). */
export const EXIT_TRANSIENT_EXHAUSTED = 75

export interface RetryPolicy {
  /** Attempts in all, the first included (>= 1). */
  readonly attempts: number
  /** Overall budget from the first start, ms; undefined = none. */
  readonly deadlineMs?: number
  /** Floor of every wait, and the base of the exponential ceiling, ms. */
  readonly minDelayMs: number
  /** Ceiling of the backoff, ms (a rate limit's own hint may be longer). */
  readonly maxDelayMs: number
  /** What a failure no rule knows means: retry it (default) or stop. */
  readonly unknown: 'retry' | 'fail'
}

/** What one failed attempt left behind. */
export interface FailedAttempt {
  /** 1 for the first attempt. */
  readonly attempt: number
  /** The command's exit code; undefined when it died on a signal or did not start. */
  readonly exitCode?: number
  readonly verdict: TextVerdict
  /** The wait the output asked for (retry-after, "try again in", a reset time), ms. */
  readonly hintMs?: number
}

export type RetryDecision =
  | { readonly action: 'retry'; readonly delayMs: number; readonly why: string }
  | { readonly action: 'stop'; readonly exitCode: number; readonly why: string }

/**
 * Full jitter above a floor: retry n waits uniformly in [0, min(max, min x 2^n)],
 * never less than min-delay, and never less than the server's hint.
 */
export function backoffWaitMs(retry: number, policy: RetryPolicy, random: () => number): number {
  const jittered = backoffDelay(retry, { baseMs: policy.minDelayMs * 2, maxMs: policy.maxDelayMs, factor: 2, jitter: 1 }, random)
  return Math.max(policy.minDelayMs, jittered)
}

/** Stop or retry after a failed attempt; `elapsedMs` counts from the first start. */
export function decideAfterFailure(failure: FailedAttempt, policy: RetryPolicy, elapsedMs: number, random: () => number): RetryDecision {
  const { verdict } = failure
  const own = failure.exitCode !== undefined && failure.exitCode !== 0 ? failure.exitCode : 1
  const rule = verdict.rule !== undefined ? `${verdict.class}, rule ${verdict.rule.id}` : 'no rule matched'
  if (verdict.class === 'permanent' || verdict.class === 'auth') {
    return { action: 'stop', exitCode: own, why: `${rule}: a retry would fail the same way` }
  }
  if (verdict.class === 'unknown' && policy.unknown === 'fail') {
    return { action: 'stop', exitCode: own, why: `${rule} and --unknown fail` }
  }
  if (failure.attempt >= policy.attempts) {
    return { action: 'stop', exitCode: EXIT_TRANSIENT_EXHAUSTED, why: `${rule}; all ${policy.attempts} attempts used` }
  }
  const backoff = backoffWaitMs(failure.attempt, policy, random)
  const delayMs = failure.hintMs !== undefined && failure.hintMs > backoff ? failure.hintMs : backoff
  if (policy.deadlineMs !== undefined && elapsedMs + delayMs >= policy.deadlineMs) {
    return { action: 'stop', exitCode: EXIT_TRANSIENT_EXHAUSTED, why: `${rule}; waiting ${delayMs} ms would pass the deadline` }
  }
  const hinted = delayMs === failure.hintMs ? ' (the wait the output asked for)' : ''
  return { action: 'retry', delayMs, why: `${rule}; next attempt in ${delayMs} ms${hinted}` }
}
