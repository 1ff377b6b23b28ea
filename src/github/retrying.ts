/**
 * The one retry loop of a GitHub request, as an Octokit `request` hook.
 * The failure classifier decides (transient, rate-limited, permanent), the
 * shared backoff schedule says how long, and the injected sleep waits; one
 * rate-limit gate holds every request of the client while GitHub asked for
 * quiet; the call's deadline stops any retry or wait that would end past it.
 *
 * A request made while another is being sent (the App's installation lookup
 * and token mint, made by the auth hook inside the call) is sent once: the
 * call's own loop retries the whole, so a call costs at most `retries + 1`
 * attempts however it fails, minting included (docs/decisions.md, "Retries
 * happen in one place").
 *
 * Never retried here: 405 and 409 (the merge logic owns them, see
 * docs/decisions.md, "The merge call runs without client retries"), calls
 * with `request: { retries: 0 }`, 304 answers, permanent failures.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { nextDelay, type BackoffPolicy } from '../core/backoff.js'
import { formatWaitSeconds } from '../core/durations.js'
import { classifyFailure, explainFailure, TOKEN_INVALID_ADVICE, type FailureClass, type FailureKind } from '../core/transient.js'
import type { RateLimitGate } from './rate-gate.js'

export interface RetryingOptions {
  /** Retries after the first attempt; a call overrides it with `request: { retries }`. */
  readonly retries: number
  readonly backoff: BackoffPolicy
  readonly maxRateLimitWaitMs: number
  /** Minimum time between the starts of two writes (POST/PUT/PATCH/DELETE, GraphQL mutations). */
  readonly writeSpacingMs: number
  readonly now: () => number
  readonly sleep: (ms: number) => Promise<void>
  readonly random: () => number
  readonly log: (message: string) => void
  /** The absolute time (client clock) after which no retry or wait starts. */
  readonly deadline: () => number | undefined
  readonly gate: RateLimitGate
  readonly baseUrl: string
  /** A static token's 401 gets advice appended; an App re-mints instead. */
  readonly isApp: boolean
  /** Told about each retry or rate-limit wait (the client counts them). */
  readonly onRetry: (kind: FailureKind) => void
}

/** Octokit's endpoint options as the hook sees them (loosely typed: @octokit/types is not a direct dependency). */
export interface HookOptions {
  method?: string
  url?: string
  query?: unknown
  request?: { retries?: number }
  [key: string]: unknown
}

interface ResponseLike {
  status: number
  headers: Record<string, unknown>
}

interface ErrorLike {
  status?: number
  message?: string
  request?: { method?: string; url?: string }
  response?: { headers?: Record<string, unknown> }
}

const ATTEMPTS = Symbol.for('purple.github.attempts')

/** How many attempts the client made before it gave up on this error; undefined if the client did not handle it. */
export function clientAttempts(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const n = (error as { [ATTEMPTS]?: unknown })[ATTEMPTS]
  return typeof n === 'number' ? n : undefined
}

// Set while a call is being sent: requests made inside it (App auth) are part of it.
const insideCall = new AsyncLocalStorage<true>()

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

function routeLabel(method: string | undefined, url: string | undefined, baseUrl: string): string {
  const full = url ?? ''
  const path = full.startsWith(baseUrl) ? full.slice(baseUrl.length) : full
  return `${method ?? 'GET'} ${path.split('?')[0]}`
}

function header(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = headers?.[name]
  return value === undefined || value === null ? undefined : String(value)
}

function limitName(error: ErrorLike): string {
  if (header(error.response?.headers, 'x-ratelimit-remaining') === '0') return 'primary rate limit used up'
  return /secondary rate/i.test(error.message ?? '') || header(error.response?.headers, 'retry-after') !== undefined
    ? 'secondary rate limit'
    : `rate limited (${error.status})`
}

function plural(n: number): string {
  return n === 1 ? '1 attempt' : `${n} attempts`
}

/**
 * Marks an error as handled by the client (withRetry then does not retry it) and, for a network
 * failure (whose message is all a reader sees), says what failed, how many attempts were made and why they stopped.
 */
function giveUp(error: unknown, attempts: number, verdict: FailureClass, why?: string): unknown {
  if (typeof error !== 'object' || error === null) return error
  Object.defineProperty(error, ATTEMPTS, { value: attempts, configurable: true })
  const e = error as ErrorLike
  const network = e.response === undefined && e.request !== undefined
  if (network && typeof e.message === 'string') {
    // "fetch failed" alone does not say what failed: the classifier reads the cause's code (ECONNREFUSED, ENOTFOUND, a timeout).
    const what = verdict.reason.replace(/^network: /, '')
    e.message = `${e.message}: ${what} (gave up after ${plural(attempts)}${why ? `: ${why}` : ''})`
  }
  return error
}

/** The `request` hook: wrap it with `octokit.hook.wrap('request', createRetryingHook(...))`. */
export function createRetryingHook(options: RetryingOptions, parse: (route: HookOptions) => { method?: string; url?: string }) {
  const classify = { maxRateLimitWaitMs: options.maxRateLimitWaitMs }
  let nextWriteAt = Number.NEGATIVE_INFINITY

  const label = (route: HookOptions): string => {
    try {
      const parsed = parse(route)
      return routeLabel(parsed.method, parsed.url, options.baseUrl)
    } catch {
      return routeLabel(route.method, route.url, options.baseUrl)
    }
  }

  // GitHub asks for at least a second between writes; reads and GraphQL queries are not spaced.
  const spaceWrites = async (route: HookOptions): Promise<void> => {
    const method = (route.method ?? 'GET').toUpperCase()
    const query = typeof route.query === 'string' ? route.query : ''
    const isWrite = WRITE_METHODS.has(method) && !(route.url === '/graphql' && !/^\s*mutation\b/.test(query))
    if (!isWrite || options.writeSpacingMs <= 0) return
    const now = options.now()
    const at = Math.max(now, nextWriteAt)
    nextWriteAt = at + options.writeSpacingMs
    if (at > now) await options.sleep(at - now)
  }

  // Any answer can open the window: a 403/429 that asks for a wait, or x-ratelimit-remaining 0 on any status.
  const noteLimits = (status: number | undefined, headers: Record<string, unknown> | undefined, error?: ErrorLike): void => {
    const now = options.now()
    if (error !== undefined && (status === 403 || status === 429)) {
      const verdict = classifyFailure(error, { now, maxRateLimitWaitMs: Number.MAX_SAFE_INTEGER })
      if (verdict.kind === 'rate-limited' && verdict.retryAfterMs !== undefined) options.gate.hold(now + verdict.retryAfterMs, limitName(error))
      return
    }
    const reset = Number(header(headers, 'x-ratelimit-reset'))
    if (header(headers, 'x-ratelimit-remaining') === '0' && Number.isFinite(reset) && reset > 0) {
      // One second past the reset, as GitHub's docs advise.
      options.gate.hold(reset * 1000 + 1000, 'primary rate limit used up until x-ratelimit-reset')
    }
  }

  const sendOnce = async (request: (route: HookOptions) => Promise<ResponseLike>, route: HookOptions, announced: boolean): Promise<ResponseLike> => {
    await options.gate.pass(label(route), options.deadline(), announced)
    await spaceWrites(route)
    try {
      const response = await request(route)
      noteLimits(response.status, response.headers)
      return response
    } catch (error) {
      const e = error as ErrorLike
      noteLimits(e.status, e.response?.headers, e)
      throw error
    }
  }

  const loop = async (request: (route: HookOptions) => Promise<ResponseLike>, route: HookOptions): Promise<ResponseLike> => {
    const retries = typeof route.request?.retries === 'number' ? route.request.retries : options.retries
    let announced = false
    for (let attempt = 1; ; attempt++) {
      try {
        return await sendOnce(request, route, announced)
      } catch (error) {
        const { verdict, next: delay } = decide(error as ErrorLike, attempt, retries)
        if (delay === undefined) throw giveUp(error, attempt, verdict)
        if (typeof delay === 'string') throw giveUp(error, attempt, verdict, delay)
        announced = delay.rateLimited
        if (!delay.rateLimited) await options.sleep(delay.ms)
      }
    }
  }

  /** The verdict on attempt `attempt`'s failure and what to do next: undefined = stop, a string = stop for that reason, else wait. */
  const decide = (error: ErrorLike, attempt: number, retries: number): { verdict: FailureClass; next: { ms: number; rateLimited: boolean } | string | undefined } => {
    const now = options.now()
    // Described now, before a 401's message gains the advice below (a 401 is permanent: never described here).
    const { verdict, description } = explainFailure(error, { ...classify, now })
    if (error.status === 401 && !options.isApp && !(error.message ?? '').includes(TOKEN_INVALID_ADVICE)) {
      // Whoever prints this error (runAction, a caller's log) shows what to do, not just "Bad credentials".
      error.message = `${error.message ?? 'Bad credentials'}: ${TOKEN_INVALID_ADVICE}`
    }
    // No request object: raised before anything was sent (configuration, App auth, a refused gate wait).
    if (error.request === undefined || error.status === 304 || error.status === 405 || error.status === 409 || verdict.kind === 'permanent') return { verdict, next: undefined }
    const where = routeLabel(error.request.method, error.request.url, options.baseUrl)
    if (verdict.waitCapped === true) {
      const asked = options.gate.openUntil()
      const wait = asked === undefined ? '' : ` asks for a ${formatWaitSeconds(asked - now)} wait,`
      options.log(`${where}: ${limitName(error)}${wait} longer than max-rate-limit-wait (${formatWaitSeconds(options.maxRateLimitWaitMs)}): not waiting`)
      return { verdict, next: undefined }
    }
    if (attempt > retries) {
      if (retries > 0) options.log(`${where}: attempt ${attempt} of ${retries + 1} failed, giving up: ${description}`)
      return { verdict, next: undefined }
    }
    const rateLimited = verdict.kind === 'rate-limited'
    const ms = rateLimited ? Math.max(0, (options.gate.openUntil() ?? now) - now) : nextDelay(attempt, options.backoff, undefined, options.random)
    const deadline = options.deadline()
    if (deadline !== undefined && now + ms > deadline) {
      options.log(`${where}: attempt ${attempt} of ${retries + 1} failed: ${description}; no retry: the deadline (timeout-seconds) comes first`)
      return { verdict, next: 'the deadline (timeout-seconds) came first' }
    }
    options.onRetry(verdict.kind)
    options.log(
      rateLimited
        ? `${where}: ${limitName(error)}, attempt ${attempt} of ${retries + 1}; waiting ${formatWaitSeconds(ms)} as GitHub asked`
        : `${where}: attempt ${attempt} of ${retries + 1} failed: ${description}; retrying in ${ms} ms`
    )
    return { verdict, next: { ms, rateLimited } }
  }

  return async (request: (route: HookOptions) => Promise<ResponseLike>, route: HookOptions): Promise<ResponseLike> => {
    // Inside a call (App auth): sent once; the call's loop retries the whole.
    if (insideCall.getStore() === true) return sendOnce(request, route, false)
    return insideCall.run(true, () => loop(request, route))
  }
}
