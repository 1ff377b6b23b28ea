/**
 * The GitHub client every API action uses: @actions/github's Octokit with
 * plugin-retry and plugin-throttling, where Purple's classifier (not the
 * plugin's status list) decides what is retried, every request has a
 * timeout, and counts of requests are kept for wait-ci's cost budget.
 *
 * Who retries what:
 * - transient HTTP/network failures: plugin-retry, told by `classifyFailure`
 *   (a hook that runs inside the plugin) whether and when to retry;
 * - rate limits GitHub labels (secondary-limit message, x-ratelimit-remaining 0):
 *   plugin-throttling, which waits retry-after / x-ratelimit-reset, capped here;
 * - 405/409: never retried here. The merge logic owns them (TOOLCHAIN.md: the
 *   plugin's default retries turned a merge that happened into a reported failure);
 * - malformed 200 bodies: the caller's `withRetry` (src/github/retry.ts), as
 *   no plugin can see inside a body it parsed fine.
 */
import { GitHub, defaults as actionsDefaults, getUserAgentWithOrchestrationId } from '@actions/github/lib/utils'
import * as core from '@actions/core'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import Bottleneck from 'bottleneck/light.js'
import { nextDelay, type BackoffPolicy } from '../core/backoff.js'
import { classifyFailure, describeFailure, DEFAULT_MAX_RATE_LIMIT_WAIT_MS, TOKEN_INVALID_ADVICE } from '../core/transient.js'
import { createAppAuthStrategy, maskSecret, TOKEN_REFRESH_MARGIN_MS, type AuthConfig } from './auth.js'
import type { RetryPolicy } from './retry.js'

/** Production defaults of the tuning options. */
export const CLIENT_DEFAULTS = Object.freeze({
  retries: 4,
  retryBaseDelayMs: 1000,
  retryMaxDelayMs: 30_000,
  jitter: 0.25,
  requestTimeoutMs: 30_000,
  maxRateLimitWaitMs: DEFAULT_MAX_RATE_LIMIT_WAIT_MS,
  writeSpacingMs: 1000
})

export interface GitHubClientOptions {
  /** A token, or a GitHub App (see auth.ts). */
  readonly auth: AuthConfig
  /** API root; default GITHUB_API_URL, else https://api.github.com. */
  readonly baseUrl?: string
  /** Retries of one request after a transient failure (0 = none). Per call: `request: { retries: 0 }`. */
  readonly retries?: number
  /** First retry delay; it doubles up to `retryMaxDelayMs`. */
  readonly retryBaseDelayMs?: number
  readonly retryMaxDelayMs?: number
  /** Random fraction shaved off each delay, 0..1. */
  readonly jitter?: number
  /** A request (headers and whole body) that takes longer fails as transient. */
  readonly requestTimeoutMs?: number
  /** Longest rate-limit wait honoured; a longer ask fails the call with the reason. */
  readonly maxRateLimitWaitMs?: number
  /** Minimum time between two writes (POST/PUT/PATCH/DELETE), GitHub's advice against secondary limits. */
  readonly writeSpacingMs?: number
  /** Receives one line per retry or wait (core.info in actions). Never receives a token. */
  readonly log?: (message: string) => void
  /** Masks a secret in the log; default core.setSecret. */
  readonly setSecret?: (secret: string) => void
  /** Clock for App token expiry; default Date.now. */
  readonly now?: () => number
  /** Refresh an App token once less than this remains; default 5 min. */
  readonly tokenRefreshMarginMs?: number
  /** Waits between attempts of `withRetry` and before an App re-mint; default setTimeout. */
  readonly sleep?: (ms: number) => Promise<void>
  /** Random source for jitter; default Math.random. */
  readonly random?: () => number
  /** fetch to use; default @actions/github's (proxy-aware) fetch. */
  readonly fetch?: typeof fetch
  /** Extra user-agent prefix. */
  readonly userAgent?: string
}

/** Counts since the client was made, for wait-ci's rate-limit budget. */
export interface RequestStats {
  /** Every HTTP request sent, including retries and 304s. */
  readonly requests: number
  /** Requests that count against the primary rate limit (all but 304 Not Modified). */
  readonly counted: number
  /** 304 Not Modified answers to conditional requests (free). */
  readonly notModified: number
  /** Retries after a transient failure (plugin-retry and withRetry). */
  readonly retries: number
  /** Waits for a rate limit (plugin-throttling and withRetry). */
  readonly rateLimitWaits: number
}

export type GitHubOctokit = InstanceType<typeof GitHub> & {
  retry: { retryRequest: (error: unknown, retries: number, retryAfter: number) => unknown }
}

export interface GitHubClient {
  readonly octokit: GitHubOctokit
  /** The resolved API root. */
  readonly baseUrl: string
  /** True when authenticated as a GitHub App (tokens refresh themselves). */
  readonly isApp: boolean
  /** A snapshot of the request counts. */
  stats(): RequestStats
  /** The retry policy for `withRetry`, built from the same options, counting into the same stats. */
  readonly retryPolicy: RetryPolicy
  /** The log callback the client writes to. */
  readonly log: (message: string) => void
}

interface MutableStats {
  requests: number
  notModified: number
  retries: number
  rateLimitWaits: number
}

/** The error a request times out with; the classifier treats it (name TimeoutError) as transient. */
export class RequestTimeoutError extends Error {
  override readonly name = 'TimeoutError'
}

const sleepReal = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

// Null-body statuses: the Response constructor refuses a body for these.
const NULL_BODY = new Set([101, 103, 204, 205, 304])

/**
 * fetch with a timeout over the whole exchange, that reads the body before
 * returning: a body cut mid-stream then throws (Octokit would resolve it as
 * `data: ""`), and a stalled body times out instead of hanging the action.
 */
function timedFetch(base: typeof fetch, timeoutMs: number, stats: MutableStats): typeof fetch {
  return async (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs)
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout
    stats.requests++
    try {
      const response = await base(input, { ...init, signal })
      if (response.status === 304) stats.notModified++
      const body = NULL_BODY.has(response.status) ? null : await response.arrayBuffer()
      const copy = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers })
      Object.defineProperty(copy, 'url', { value: response.url })
      return copy
    } catch (error) {
      if (timeout.aborted) {
        throw new RequestTimeoutError(`no complete answer within ${timeoutMs} ms (request-timeout-seconds)`, { cause: error })
      }
      throw error
    }
  }
}

function routeLabel(method: string | undefined, url: string | undefined, baseUrl: string): string {
  const path = url === undefined ? '' : url.startsWith(baseUrl) ? url.slice(baseUrl.length) : url
  return `${method ?? 'GET'} ${path}`
}

// plugin-throttling only acts on these; anything else rate-limited is retried by the classifier hook.
function throttlingHandles(error: { status?: number; message?: string; response?: { headers?: Record<string, unknown> } }): boolean {
  if (error.status !== 403 && error.status !== 429) return false
  return /\bsecondary rate\b/i.test(error.message ?? '') || error.response?.headers?.['x-ratelimit-remaining'] === '0'
}

/** Builds the client: auth, timeouts, classifier-driven retries, rate-limit waits and request counts. */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const settings = { ...CLIENT_DEFAULTS, ...definedOnly(options) }
  const baseUrl = (options.baseUrl ?? process.env['GITHUB_API_URL'] ?? 'https://api.github.com').replace(/\/+$/, '')
  const log = options.log ?? ((message: string) => core.info(message))
  const setSecret = options.setSecret ?? ((secret: string) => core.setSecret(secret))
  const now = options.now ?? Date.now
  const sleep = options.sleep ?? sleepReal
  const random = options.random ?? Math.random
  const backoff: BackoffPolicy = { baseMs: settings.retryBaseDelayMs, maxMs: settings.retryMaxDelayMs, factor: 2, jitter: settings.jitter }
  const stats: MutableStats = { requests: 0, notModified: 0, retries: 0, rateLimitWaits: 0 }
  const classifyOptions = { maxRateLimitWaitMs: settings.maxRateLimitWaitMs }
  const baseFetch = options.fetch ?? (actionsDefaults.request?.fetch as typeof fetch | undefined) ?? fetch

  const isApp = options.auth.kind === 'app'
  const attempts = new WeakMap<object, number>()
  // Runs inside plugin-retry's error hook (registered before it), so it decides instead of the plugin's status list.
  const classifierPlugin = (octokit: { hook: { error: (name: 'request', fn: (error: never, options: never) => unknown) => void } }) => {
    octokit.hook.error('request', (error: ErrorLike, requestOptions: RequestOptionsLike) => {
      const perCall = requestOptions.request ?? {}
      if (error.status === 304 || !error.request) throw error
      // 405 and 409 belong to the caller (merge): a retry here could hide a merge that happened.
      if (error.status === 405 || error.status === 409) throw error
      const verdict = classifyFailure(error, { ...classifyOptions, now: now() })
      if (error.status === 401 && !isApp && !(error.message ?? '').includes(TOKEN_INVALID_ADVICE)) {
        // Whoever prints this error (runAction, a caller's log) shows what to do, not just "Bad credentials".
        error.message = `${error.message ?? 'Bad credentials'}: ${TOKEN_INVALID_ADVICE}`
      }
      if (verdict.kind === 'permanent') throw error
      if (verdict.kind === 'rate-limited' && throttlingHandles(error)) throw error
      const maxRetries = typeof perCall.retries === 'number' ? perCall.retries : settings.retries
      // Counted per call here: plugin-retry's own retryCount lives on a request object calls share.
      const attempt = (attempts.get(requestOptions) ?? 0) + 1
      attempts.set(requestOptions, attempt)
      const sent = error.request as { method?: string; url?: string }
      const label = routeLabel(sent.method, sent.url, baseUrl)
      if (verdict.waitCapped) {
        log(`${label}: ${describeFailure(error, { ...classifyOptions, now: now() })}; not waiting that long (max-rate-limit-wait)`)
        throw error
      }
      if (attempt > maxRetries) {
        if (maxRetries > 0) log(`${label}: attempt ${attempt} of ${maxRetries + 1} failed, giving up: ${describeFailure(error, classifyOptions)}`)
        throw error
      }
      const delay = nextDelay(attempt, backoff, verdict.retryAfterMs, random)
      if (verdict.kind === 'rate-limited') stats.rateLimitWaits++
      else stats.retries++
      log(`${label}: attempt ${attempt} of ${maxRetries + 1} failed: ${describeFailure(error, { ...classifyOptions, now: now() })}; retrying in ${delay} ms`)
      throw (octokitRef as GitHubOctokit).retry.retryRequest(error, maxRetries, delay)
    })
    return {}
  }

  const onLimit = (kind: string) => (retryAfterSeconds: number, requestOptions: RequestOptionsLike, _octokit: unknown, retryCount: number) => {
    const label = describeRoute(requestOptions)
    const perCall = requestOptions.request ?? {}
    const maxRetries = typeof perCall.retries === 'number' ? perCall.retries : settings.retries
    const waitMs = retryAfterSeconds * 1000
    if (retryCount >= maxRetries) {
      log(`${label}: ${kind}; gave up after ${retryCount + 1} attempts`)
      return false
    }
    if (waitMs > settings.maxRateLimitWaitMs) {
      log(`${label}: ${kind} asks for a ${retryAfterSeconds} s wait, longer than max-rate-limit-wait (${Math.round(settings.maxRateLimitWaitMs / 1000)} s): not waiting`)
      return false
    }
    stats.rateLimitWaits++
    log(`${label}: ${kind}, attempt ${retryCount + 1} of ${maxRetries + 1}; waiting ${retryAfterSeconds} s as GitHub asked`)
    return true
  }

  // The URL as sent (template filled in), for the log.
  const describeRoute = (requestOptions: RequestOptionsLike): string => {
    try {
      const parsed = octokitRef.request.endpoint.parse(requestOptions as never)
      return routeLabel(parsed.method, parsed.url, baseUrl)
    } catch {
      return routeLabel(requestOptions.method, requestOptions.url, baseUrl)
    }
  }

  let authOptions: Record<string, unknown>
  if (options.auth.kind === 'token') {
    if (options.auth.token.trim() === '') throw new Error("No GitHub token: set the 'github-token' input (default: ${{ github.token }}) or 'app-id' and 'private-key'")
    maskSecret(options.auth.token, setSecret)
    authOptions = { auth: options.auth.token }
  } else {
    maskSecret(options.auth.privateKey, setSecret)
    authOptions = {
      authStrategy: createAppAuthStrategy({
        config: options.auth,
        now,
        refreshMarginMs: options.tokenRefreshMarginMs ?? TOKEN_REFRESH_MARGIN_MS,
        setSecret,
        log,
        sleep,
        reauthDelayMs: settings.retryBaseDelayMs
      }),
      auth: {}
    }
  }

  // Groups per client: the plugin's defaults are process-wide (write 1 s, notifications 3 s apart).
  const spacing = { maxConcurrent: 1, minTime: settings.writeSpacingMs }
  const Octokit = GitHub.plugin(classifierPlugin as never, retry, throttling)
  const octokitRef = new Octokit({
    ...authOptions,
    baseUrl,
    userAgent: getUserAgentWithOrchestrationId(options.userAgent ?? 'purple'),
    log: { debug: () => undefined, info: () => undefined, warn: log, error: log },
    request: { fetch: timedFetch(baseFetch, settings.requestTimeoutMs, stats) },
    retry: {
      // Every status: the plugin never decides on its own; the classifier hook above does.
      doNotRetry: Array.from({ length: 200 }, (_, i) => 400 + i),
      retries: settings.retries,
      retryAfterBaseValue: 1
    },
    throttle: {
      onRateLimit: onLimit('primary rate limit used up'),
      onSecondaryRateLimit: onLimit('secondary rate limit'),
      write: new Bottleneck.Group(spacing),
      notifications: new Bottleneck.Group(spacing)
    }
  } as never) as GitHubOctokit

  const retryPolicy: RetryPolicy = {
    retries: settings.retries,
    backoff,
    maxRateLimitWaitMs: settings.maxRateLimitWaitMs,
    sleep,
    random,
    now,
    log,
    onRetry: (kind) => {
      if (kind === 'rate-limited') stats.rateLimitWaits++
      else stats.retries++
    }
  }

  return {
    octokit: octokitRef,
    baseUrl,
    isApp,
    log,
    retryPolicy,
    stats: () => ({
      requests: stats.requests,
      counted: stats.requests - stats.notModified,
      notModified: stats.notModified,
      retries: stats.retries,
      rateLimitWaits: stats.rateLimitWaits
    })
  }
}

interface ErrorLike {
  status?: number
  message?: string
  request?: unknown
  response?: { headers?: Record<string, unknown> }
}

interface RequestOptionsLike {
  method?: string
  url?: string
  baseUrl?: string
  request?: { retries?: number }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
