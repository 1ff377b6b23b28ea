/**
 * The fetch every client request goes through: a timeout over the whole
 * exchange (headers and body), an optional earlier cut-off (the call's
 * deadline), and counts of what was sent, for wait-ci's cost budget.
 */

/** The error a request times out with; the classifier treats it (name TimeoutError) as transient. */
export class RequestTimeoutError extends Error {
  override readonly name = 'TimeoutError'
}

/** Counts since the client was made. */
export interface FetchCounts {
  requests: number
  notModified: number
}

// Null-body statuses: the Response constructor refuses a body for these.
const NULL_BODY = new Set([101, 103, 204, 205, 304])

/**
 * fetch with a timeout that reads the body before returning: a body cut
 * mid-stream then throws (Octokit would resolve it as `data: ""`), and a
 * stalled body times out instead of hanging the action. `limitMs` gives the
 * time this one request may take (the request timeout, or less when the
 * call's deadline is nearer) and says why, for the error.
 */
export function timedFetch(base: typeof fetch, limitMs: () => { ms: number; why: string }, counts: FetchCounts): typeof fetch {
  return async (input, init) => {
    const limit = limitMs()
    const timeout = AbortSignal.timeout(Math.max(1, limit.ms))
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout
    counts.requests++
    try {
      const response = await base(input, { ...init, signal })
      if (response.status === 304) counts.notModified++
      const body = NULL_BODY.has(response.status) ? null : await response.arrayBuffer()
      const copy = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers })
      Object.defineProperty(copy, 'url', { value: response.url })
      return copy
    } catch (error) {
      if (timeout.aborted) throw new RequestTimeoutError(`no complete answer within ${Math.max(1, limit.ms)} ms (${limit.why})`, { cause: error })
      throw error
    }
  }
}
