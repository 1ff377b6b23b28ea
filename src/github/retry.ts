/**
 * The retry loop the actions put around a whole call, for what no HTTP layer
 * can see: a 200 whose body is not the shape the action relies on (a cut body
 * resolves as `data: ""`). An HTTP or network failure the client already
 * retried is not retried again (the client marks it), so retries never
 * multiply (see docs/decisions.md, "Retries happen in one place"). Decisions
 * come from classifyFailure, waits from the shared backoff; sleep and clock
 * are injected.
 */
import { nextDelay, type BackoffPolicy } from '../core/backoff.js'
import { explainFailure, toFailureData, type FailureClass } from '../core/transient.js'
import { isConfigurationError } from './configuration.js'
import { clientAttempts } from './retrying.js'

export interface RetryPolicy {
  /** Retries after the first attempt (0 = try once). */
  readonly retries: number
  readonly backoff: BackoffPolicy
  /** A rate-limit wait longer than this is not waited for. */
  readonly maxRateLimitWaitMs: number
  readonly sleep: (ms: number) => Promise<void>
  readonly random?: () => number
  readonly now?: () => number
  readonly log?: (message: string) => void
  /** Told about each retry (the client counts them). */
  readonly onRetry?: (kind: FailureClass['kind']) => void
}

/**
 * A call that failed for good: GitHub's answer and Purple's verdict in one
 * message. Keeps `status` and `response` of the original error so callers can
 * still inspect them; the original is the `cause`.
 */
export class GitHubCallError extends Error {
  override readonly name = 'GitHubCallError'
  readonly status?: number
  readonly response?: unknown
  constructor(
    message: string,
    readonly verdict: FailureClass,
    readonly attempts: number,
    cause: unknown
  ) {
    super(message, { cause })
    const data = toFailureData(cause)
    if (data.status !== undefined) this.status = data.status
    if (typeof cause === 'object' && cause !== null && 'response' in cause) this.response = (cause as { response: unknown }).response
  }
}

const PERMANENT_CONFIGURATION: FailureClass = { kind: 'permanent', reason: 'a configuration error: fix the input it names' }

/**
 * Runs `fn` until it succeeds, a failure is permanent or already retried by
 * the client, or the retries are spent; throws GitHubCallError naming
 * `label`, the attempts and the reason.
 */
export async function withRetry<T>(label: string, fn: (attempt: number) => Promise<T>, policy: RetryPolicy): Promise<T> {
  const now = policy.now ?? Date.now
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt)
    } catch (error) {
      const options = { maxRateLimitWaitMs: policy.maxRateLimitWaitMs, now: now() }
      const { verdict, description: described } = isConfigurationError(error)
        ? { verdict: PERMANENT_CONFIGURATION, description: error.message }
        : explainFailure(error, options)
      // The client made its own attempts at this failure: they are this call's budget.
      const handled = clientAttempts(error)
      const spent = handled !== undefined || attempt > policy.retries
      if (verdict.kind === 'permanent' || spent || verdict.waitCapped === true) {
        const attempts = handled ?? attempt
        const why =
          verdict.kind === 'permanent' ? '' : verdict.waitCapped === true ? ' (rate-limit wait too long)' : described.includes(`after ${attempts} attempt`) ? '' : ` after ${attempts} attempt${attempts === 1 ? '' : 's'}`
        throw new GitHubCallError(`${label} failed${why}: ${described}`, verdict, attempts, error)
      }
      const delay = nextDelay(attempt, policy.backoff, verdict.retryAfterMs, policy.random)
      policy.onRetry?.(verdict.kind)
      policy.log?.(`${label}: attempt ${attempt} of ${policy.retries + 1} failed: ${described}; retrying in ${delay} ms`)
      await policy.sleep(delay)
    }
  }
}
