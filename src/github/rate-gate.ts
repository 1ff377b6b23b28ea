/**
 * One rate-limit window for the whole client. GitHub asks a client to send
 * nothing until `retry-after` has passed after a secondary limit, and nothing
 * until `x-ratelimit-reset` once `x-ratelimit-remaining` reads 0; requests
 * sent inside the window are refused and can extend it. So every request, in
 * flight retry, parallel sibling or new call, waits here first. See
 * docs/decisions.md, "One rate-limit gate for the whole client".
 */
import { formatWaitSeconds } from '../core/durations.js'

/** A wait the gate will not make: longer than max-rate-limit-wait, or past the call's deadline. */
export class RateLimitWaitError extends Error {
  override readonly name = 'RateLimitWaitError'
  constructor(
    message: string,
    /** When GitHub allows requests again, on the client's clock. */
    readonly until: number
  ) {
    super(message)
  }
}

export interface RateLimitGate {
  /** Holds every request until `until` (ms on the client's clock); a later hold wins. */
  hold(until: number, why: string): void
  /**
   * Resolves when no window is open; throws RateLimitWaitError when the wait would be too long.
   * `announced`: the caller already logged and counted this wait (its own answer opened the window).
   */
  pass(label: string, deadline: number | undefined, announced?: boolean): Promise<void>
  /** The end of the open window, if any. */
  openUntil(): number | undefined
}

export interface GateOptions {
  readonly now: () => number
  readonly sleep: (ms: number) => Promise<void>
  readonly maxWaitMs: number
  readonly log: (message: string) => void
  /** Told about each wait (the client counts them). */
  readonly onWait?: () => void
}

/** A gate on the injected clock and sleep. */
export function createRateLimitGate(options: GateOptions): RateLimitGate {
  let until = 0
  let why = ''
  return {
    hold(next, reason) {
      if (next <= until) return
      until = next
      why = reason
    },
    openUntil: () => (until > options.now() ? until : undefined),
    async pass(label, deadline, announced = false) {
      // A loop: a sibling's answer may extend the window while this request waits.
      for (let now = options.now(); until > now; now = options.now()) {
        const wait = until - now
        if (wait > options.maxWaitMs) {
          throw new RateLimitWaitError(`${label}: ${why} asks for a ${formatWaitSeconds(wait)} wait, longer than max-rate-limit-wait (${formatWaitSeconds(options.maxWaitMs)}): not waiting`, until)
        }
        if (deadline !== undefined && until > deadline) {
          throw new RateLimitWaitError(`${label}: ${why} asks for a ${formatWaitSeconds(wait)} wait, past the deadline (timeout-seconds): not waiting`, until)
        }
        if (!announced) {
          options.onWait?.()
          options.log(`${label}: ${why}; sending nothing for ${formatWaitSeconds(wait)} as GitHub asked`)
        }
        announced = false
        await options.sleep(wait)
      }
    }
  }
}
