/**
 * The transport half of the merge decision: a merge call that got no useful
 * answer (network error, 5xx, 524, rate limit). The verdict is the client
 * layer's transient classifier (issue 3); this file only adapts its input and
 * output to the merge classifier so the two never disagree.
 */

/** A failed call as the merge shell sees it. */
export interface TransportFailure {
  /** HTTP status; undefined when no answer arrived. */
  readonly status?: number
  readonly message: string
  /** Node/undici error code of the failure or its cause (ECONNRESET, UND_ERR_SOCKET, ...). */
  readonly code?: string
  /** Response headers, lower-case names (retry-after, x-ratelimit-remaining, x-ratelimit-reset). */
  readonly headers?: Readonly<Record<string, string | undefined>>
  /** Response body as text, when it was not a GitHub JSON error (e.g. a proxy's HTML page). */
  readonly body?: string
  /** Milliseconds since the epoch, for x-ratelimit-reset. */
  readonly now?: number
}

export interface TransportVerdict {
  readonly kind: 'transient' | 'rate-limited' | 'permanent'
  readonly retryAfterMs?: number
}

const TRANSIENT_STATUS = new Set([408, 429, 500, 502, 503, 504, 520, 521, 522, 523, 524, 525, 526, 527])
// Incident 2: every one of these was once taken for permanent.
const TRANSIENT_TEXT =
  /socket connection was closed|other side closed|socket hang up|ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|EAI_AGAIN|UND_ERR_|fetch failed|\bterminated\b|timed? ?out|too many requests|secondary rate limit|origin_response_timeout|network/i

function retryAfterMs(failure: TransportFailure): number | undefined {
  const after = failure.headers?.['retry-after']
  if (after !== undefined && /^\d+(\.\d+)?$/.test(after.trim())) return Number(after) * 1000
  const reset = failure.headers?.['x-ratelimit-reset']
  if (failure.headers?.['x-ratelimit-remaining'] === '0' && reset !== undefined && /^\d+$/.test(reset)) {
    return Math.max(0, Number(reset) * 1000 - (failure.now ?? 0))
  }
  return undefined
}

/** Transient, rate-limited or permanent, biased toward transient (principle 2 of the brief). */
export function classifyTransportFailure(failure: TransportFailure): TransportVerdict {
  const wait = retryAfterMs(failure)
  const text = `${failure.message} ${failure.code ?? ''} ${failure.body ?? ''}`
  if (failure.status === 429 || (failure.status === 403 && (wait !== undefined || /rate limit/i.test(text)))) {
    return wait === undefined ? { kind: 'rate-limited' } : { kind: 'rate-limited', retryAfterMs: wait }
  }
  if (failure.status === undefined) return { kind: 'transient' }
  if (TRANSIENT_STATUS.has(failure.status) || failure.status >= 500) return { kind: 'transient' }
  // A proxy's HTML error page where GitHub's JSON was expected.
  if (/^\s*<(!doctype|html)/i.test(failure.body ?? '')) return { kind: 'transient' }
  if (TRANSIENT_TEXT.test(text)) return { kind: 'transient' }
  return { kind: 'permanent' }
}
