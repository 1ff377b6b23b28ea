/**
 * The GitHub client every API action uses: @actions/github's Octokit (its
 * proxy-aware fetch kept) with Purple's own request hook in front. The jobs
 * live in one file each:
 * - timed-fetch.ts: every request has a timeout and is counted (wait-ci's cost budget);
 * - retrying.ts: the one retry loop, where the failure classifier decides and
 *   the shared backoff and the injected sleep wait;
 * - rate-gate.ts: one rate-limit window that holds every request of the client;
 * - auth.ts: the token, or a GitHub App's installation tokens;
 * - configuration.ts: errors in the inputs, found before any request leaves.
 * Malformed 200 bodies, which no HTTP layer can see, are the caller's
 * `withRetry` (retry.ts).
 */
import { GitHub, defaults as actionsDefaults, getUserAgentWithOrchestrationId } from '@actions/github/lib/utils'
import * as core from '@actions/core'
import { DEFAULT_BACKOFF, type BackoffPolicy } from '../core/backoff.js'
import { DEFAULT_MAX_RATE_LIMIT_WAIT_MS } from '../core/transient.js'
import { createAppAuthStrategy, maskSecret, TOKEN_REFRESH_MARGIN_MS, type AuthConfig } from './auth.js'
import { checkApiUrl, checkPrivateKey } from './configuration.js'
import { createRateLimitGate } from './rate-gate.js'
import { createRetryingHook, type HookOptions } from './retrying.js'
import type { RetryPolicy } from './retry.js'
import { timedFetch, type FetchCounts } from './timed-fetch.js'
import { tokenKindOf, type TokenKind } from './token-owner.js'

export { RequestTimeoutError } from './timed-fetch.js'
export { ConfigurationError } from './configuration.js'

/** Production defaults of the tuning options (the backoff itself is DEFAULT_BACKOFF). */
export const CLIENT_DEFAULTS = Object.freeze({
  retries: 4,
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
  /** First retry delay; it doubles up to `retryMaxDelayMs`. Default DEFAULT_BACKOFF. */
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
  /**
   * Absolute time on `now`'s clock (or a function giving it) after which no
   * retry or rate-limit wait starts; an attempt in flight is cut off there
   * (docs/decisions.md, "timeout-seconds is a hard limit").
   */
  readonly deadline?: number | (() => number | undefined)
  /** Receives one line per retry or wait (core.info in actions). Never receives a token. */
  readonly log?: (message: string) => void
  /** Masks a secret in the log; default core.setSecret. */
  readonly setSecret?: (secret: string) => void
  /** The clock of retries, waits, the deadline and App token expiry; default Date.now. */
  readonly now?: () => number
  /** Refresh an App token once less than this remains; default 5 min. */
  readonly tokenRefreshMarginMs?: number
  /** Every wait of the client and of `withRetry`; default setTimeout. */
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
  /** Retries after a transient failure (the client's and withRetry's). */
  readonly retries: number
  /** Waits for a rate limit. */
  readonly rateLimitWaits: number
}

export type GitHubOctokit = InstanceType<typeof GitHub>

export interface GitHubClient {
  readonly octokit: GitHubOctokit
  /** The resolved API root. */
  readonly baseUrl: string
  /** True when authenticated as a GitHub App (tokens refresh themselves). */
  readonly isApp: boolean
  /** What the token's form says about whose it is (see token-owner.ts). */
  readonly tokenKind: TokenKind
  /** A snapshot of the request counts. */
  stats(): RequestStats
  /** The retry policy for `withRetry`, built from the same options, counting into the same stats. */
  readonly retryPolicy: RetryPolicy
  /** The log callback the client writes to. */
  readonly log: (message: string) => void
}

const sleepReal = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Builds the client: auth, timeouts, classifier-driven retries, one rate-limit
 * gate and request counts. Throws ConfigurationError (naming the input, quoting
 * no secret) for a bad API URL or a private key that cannot sign.
 */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const settings = { ...CLIENT_DEFAULTS, ...definedOnly(options) }
  const log = options.log ?? ((message: string) => core.info(message))
  const setSecret = options.setSecret ?? ((secret: string) => core.setSecret(secret))
  const baseUrl = checkApiUrl(options.baseUrl ?? process.env['GITHUB_API_URL'] ?? 'https://api.github.com', 'GITHUB_API_URL', setSecret)
  const now = options.now ?? Date.now
  const sleep = options.sleep ?? sleepReal
  const random = options.random ?? Math.random
  const backoff: BackoffPolicy = {
    ...DEFAULT_BACKOFF,
    ...(options.retryBaseDelayMs !== undefined ? { baseMs: options.retryBaseDelayMs } : {}),
    ...(options.retryMaxDelayMs !== undefined ? { maxMs: options.retryMaxDelayMs } : {}),
    ...(options.jitter !== undefined ? { jitter: options.jitter } : {})
  }
  const deadline = typeof options.deadline === 'function' ? options.deadline : () => options.deadline as number | undefined
  const counts: FetchCounts = { requests: 0, notModified: 0 }
  const waits = { retries: 0, rateLimitWaits: 0 }
  const onRetry = (kind: string) => {
    if (kind === 'rate-limited') waits.rateLimitWaits++
    else waits.retries++
  }
  const isApp = options.auth.kind === 'app'

  let authOptions: Record<string, unknown>
  if (options.auth.kind === 'token') {
    if (options.auth.token.trim() === '') throw new Error("No GitHub token: set the 'github-token' input (default: ${{ github.token }}) or 'app-id' and 'private-key'")
    maskSecret(options.auth.token, setSecret)
    authOptions = { auth: options.auth.token }
  } else {
    maskSecret(options.auth.privateKey, setSecret)
    checkPrivateKey(options.auth.privateKey)
    authOptions = {
      authStrategy: createAppAuthStrategy({
        config: options.auth,
        now,
        refreshMarginMs: options.tokenRefreshMarginMs ?? TOKEN_REFRESH_MARGIN_MS,
        setSecret,
        log,
        sleep,
        reauthDelayMs: backoff.baseMs
      }),
      auth: {}
    }
  }

  const gate = createRateLimitGate({ now, sleep, maxWaitMs: settings.maxRateLimitWaitMs, log, onWait: () => waits.rateLimitWaits++ })
  const hookOptions = { ...settings, backoff, now, sleep, random, log, deadline, gate, baseUrl, isApp, onRetry }
  // Registered after the auth hook, so it runs outside it: a retry re-runs auth (a re-mint included).
  const retryingPlugin = (octokit: { hook: { wrap: (name: 'request', fn: never) => void }; request: { endpoint: { parse: (o: never) => HookOptions } } }) => {
    octokit.hook.wrap('request', createRetryingHook(hookOptions, (route) => octokit.request.endpoint.parse(route as never)) as never)
    return {}
  }

  // Cut an attempt off at the deadline when that comes before the request timeout.
  const limit = () => {
    const left = (deadline() ?? Number.POSITIVE_INFINITY) - now()
    return left > 0 && left < settings.requestTimeoutMs
      ? { ms: left, why: 'the deadline, timeout-seconds' }
      : { ms: settings.requestTimeoutMs, why: 'request-timeout-seconds' }
  }
  const baseFetch = options.fetch ?? (actionsDefaults.request?.fetch as typeof fetch | undefined) ?? fetch
  const Octokit = GitHub.plugin(retryingPlugin as never)
  const octokit = new Octokit({
    ...authOptions,
    baseUrl,
    userAgent: getUserAgentWithOrchestrationId(options.userAgent ?? 'purple'),
    log: { debug: () => undefined, info: () => undefined, warn: log, error: log },
    request: { fetch: timedFetch(baseFetch, limit, counts) }
  } as never) as GitHubOctokit

  const retryPolicy: RetryPolicy = {
    retries: settings.retries,
    backoff,
    maxRateLimitWaitMs: settings.maxRateLimitWaitMs,
    sleep,
    random,
    now,
    log,
    onRetry
  }

  return {
    octokit,
    baseUrl,
    isApp,
    tokenKind: tokenKindOf(options.auth),
    log,
    retryPolicy,
    stats: () => ({
      requests: counts.requests,
      counted: counts.requests - counts.notModified,
      notModified: counts.notModified,
      retries: waits.retries,
      rateLimitWaits: waits.rateLimitWaits
    })
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
