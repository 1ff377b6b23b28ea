/**
 * Is a failed GitHub call worth trying again? Transient, rate-limited or
 * permanent, decided over plain data (status, headers, body text, or a network
 * error's name/message/code and its cause chain).
 *
 * Biased toward transient (brief, incident 2 and principle 2): a request died
 * after 27 minutes on "The socket connection was closed unexpectedly" because
 * the old classifier did not know that phrase. A false "transient" costs one
 * backoff; a false "permanent" stops a pipeline and calls a human. So anything
 * not recognised as permanent is transient.
 */

export type FailureKind = 'transient' | 'rate-limited' | 'permanent'

/** The verdict on one failure. */
export interface FailureClass {
  readonly kind: FailureKind
  /** Why, in words a person reads in the log (never contains a token). */
  readonly reason: string
  /** For rate limits: how long the server asked us to wait, capped at `maxRateLimitWaitMs`. */
  readonly retryAfterMs?: number
  /** True when the server asked for a longer wait than `maxRateLimitWaitMs` (retryAfterMs is the cap). */
  readonly waitCapped?: boolean
}

/** A failure as plain data; error objects (Octokit RequestError, undici TypeError) have this shape too. */
export interface FailureData {
  /** HTTP status; undefined when no answer arrived (a network error). */
  readonly status?: number
  /** Response headers (any case). */
  readonly headers?: Readonly<Record<string, string | number | undefined>>
  /** Response body as text. */
  readonly body?: string
  readonly message?: string
  readonly name?: string
  /** Node/undici error code (ECONNRESET, UND_ERR_SOCKET, ...). */
  readonly code?: string
  /** Walked for name/message/code, as fetch puts the real reason there. */
  readonly cause?: unknown
  /** Milliseconds since the epoch, for x-ratelimit-reset; overrides the option. */
  readonly now?: number
}

export interface ClassifyOptions {
  /** Milliseconds since the epoch (x-ratelimit-reset is absolute). */
  readonly now?: number
  /** Longest rate-limit wait honoured; longer asks are capped and flagged `waitCapped`. Default 15 min. */
  readonly maxRateLimitWaitMs?: number
  /** Wait for a secondary rate limit that names no retry-after. Default 60 s (GitHub's advice). */
  readonly fallbackRetryAfterMs?: number
}

export const DEFAULT_MAX_RATE_LIMIT_WAIT_MS = 15 * 60_000
const DEFAULT_FALLBACK_RETRY_AFTER_MS = 60_000

/** What the 401 message tells people; a long wait with a job token is the usual cause. */
export const TOKEN_INVALID_ADVICE =
  'the token is invalid or expired. A borrowed token can expire during a long run: for waits longer than an hour, ' +
  "authenticate as a GitHub App with the 'app-id' and 'private-key' inputs, whose installation token Purple refreshes itself"

const CLOUDFLARE: Readonly<Record<number, string>> = {
  520: 'Cloudflare 520 unknown error from the origin',
  521: 'Cloudflare 521 web server is down',
  522: 'Cloudflare 522 connection timed out',
  523: 'Cloudflare 523 origin is unreachable',
  524: 'Cloudflare 524 origin_response_timeout (a timeout occurred)',
  525: 'Cloudflare 525 SSL handshake failed',
  526: 'Cloudflare 526 invalid SSL certificate',
  527: 'Cloudflare 527 railgun error'
}

const PERMANENT_STATUS: Readonly<Record<number, string>> = {
  400: 'GitHub rejected the request as malformed (400); trying again sends the same request',
  401: TOKEN_INVALID_ADVICE,
  403: "the token lacks a permission for this call (403 with no rate-limit sign); grant it in the workflow's 'permissions:' block",
  404:
    'not found (404): the repository, pull request or ref does not exist, or the token cannot see it (GitHub answers 404, not 403, for what a token may not read)',
  405: 'GitHub refused the operation in the current state (405); the caller decides what that means (merge owns it)',
  406: 'GitHub cannot produce the requested media type (406)',
  409: 'conflict with the current state (409); the caller decides what that means (merge owns it)',
  410: 'gone (410): the resource was removed or the feature is disabled',
  411: 'GitHub requires a content length (411)',
  413: 'request too large (413)',
  414: 'request URI too long (414)',
  415: 'unsupported media type (415)',
  422: 'GitHub could not process the request (422 validation failed); trying again sends the same request',
  451: 'unavailable for legal reasons (451)'
}

// Codes that mean "the network or the far end hiccupped": every one was seen killing a real run.
const TRANSIENT_CODES: Readonly<Record<string, string>> = {
  ECONNRESET: 'connection reset by peer',
  ECONNREFUSED: 'connection refused',
  ECONNABORTED: 'connection aborted',
  ETIMEDOUT: 'connection timed out',
  EPIPE: 'broken pipe (the other side closed the connection)',
  EAI_AGAIN: 'DNS lookup failed temporarily',
  ENOTFOUND: 'DNS lookup failed',
  ENETUNREACH: 'network unreachable',
  EHOSTUNREACH: 'host unreachable',
  ENETDOWN: 'network down',
  UND_ERR_SOCKET: 'socket closed by the other side',
  UND_ERR_CLOSED: 'connection closed',
  UND_ERR_CONNECT_TIMEOUT: 'connect timed out',
  UND_ERR_HEADERS_TIMEOUT: 'no response headers in time',
  UND_ERR_BODY_TIMEOUT: 'response body stalled',
  UND_ERR_RESPONSE_STATUS_CODE: 'unexpected response status',
  UND_ERR_REQ_RETRY: 'request retry failed'
}

// Phrases as Node, undici, Bun and proxies word them (incident 2 lists the ones once missed).
const TRANSIENT_PHRASES: ReadonlyArray<readonly [RegExp, string]> = [
  [/socket connection was closed/i, 'the socket connection was closed unexpectedly'],
  [/other side closed/i, 'connection closed by the other side'],
  [/socket hang ?up/i, 'socket hang up'],
  [/connection reset|ECONNRESET/i, 'connection reset'],
  [/ECONNREFUSED/i, 'connection refused'],
  [/ETIMEDOUT|timed? ?out|timeout/i, 'timed out'],
  [/EPIPE|broken pipe/i, 'broken pipe'],
  [/EAI_AGAIN/i, 'DNS lookup failed temporarily'],
  [/UND_ERR_\w+/i, 'undici network error'],
  [/fetch failed/i, 'fetch failed'],
  [/\bterminated\b/i, 'response terminated mid-stream'],
  [/origin_response_timeout/i, 'origin response timeout'],
  [/too many requests/i, 'too many requests'],
  [/malformed response/i, 'malformed response'],
  [/network|premature close|aborted/i, 'network error']
]

// Not worth a retry: the request cannot succeed until a person changes something.
const PERMANENT_CODES: Readonly<Record<string, string>> = {
  ERR_INVALID_URL: 'the API URL is not a valid URL (check GITHUB_API_URL)',
  ERR_TLS_CERT_ALTNAME_INVALID: "the server's TLS certificate does not match its name",
  DEPTH_ZERO_SELF_SIGNED_CERT: "the server's TLS certificate is self-signed",
  SELF_SIGNED_CERT_IN_CHAIN: 'a self-signed certificate is in the TLS chain',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "the server's TLS certificate cannot be verified",
  CERT_HAS_EXPIRED: "the server's TLS certificate has expired",
  // Set by src/github/auth.ts when GitHub refuses the App itself (bad key, not installed): a retry cannot fix that.
  GITHUB_APP_AUTH: 'the GitHub App cannot authenticate'
}

interface Link {
  readonly name?: string
  readonly message?: string
  readonly code?: string
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

function bodyText(data: unknown): string | undefined {
  if (typeof data === 'string') return data
  if (data === undefined || data === null) return undefined
  if (isObject(data) && !(data instanceof ArrayBuffer)) {
    try {
      return JSON.stringify(data)
    } catch {
      return undefined
    }
  }
  return undefined
}

/**
 * Normalises anything thrown into FailureData. An Octokit RequestError with a
 * response is an HTTP failure; one without a response (status 500 made up by
 * @octokit/request around a fetch error) is a network failure.
 */
export function toFailureData(error: unknown): FailureData {
  if (typeof error === 'string') return { message: error }
  if (!isObject(error)) return { message: String(error) }
  const response = isObject(error.response) ? error.response : undefined
  const base: FailureData = {
    message: str(error.message),
    name: str(error.name),
    code: str(error.code),
    cause: error.cause,
    now: typeof error.now === 'number' ? error.now : undefined
  }
  if (response) {
    const status = typeof response.status === 'number' ? response.status : typeof error.status === 'number' ? error.status : undefined
    return {
      ...base,
      status,
      headers: isObject(response.headers) ? (response.headers as FailureData['headers']) : undefined,
      body: bodyText(response.data)
    }
  }
  const status = typeof error.status === 'number' ? error.status : undefined
  // @octokit/request labels every fetch failure "HttpError 500" with the real error as cause.
  const octokitNetwork = error.name === 'HttpError' && isObject(error.request) && status === 500
  return {
    ...base,
    status: octokitNetwork ? undefined : status,
    headers: isObject(error.headers) ? (error.headers as FailureData['headers']) : undefined,
    body: str(error.body) ?? (octokitNetwork ? undefined : bodyText(error.data))
  }
}

function causeChain(failure: FailureData): Link[] {
  const links: Link[] = [{ name: failure.name, message: failure.message, code: failure.code }]
  const seen = new Set<unknown>()
  const queue: unknown[] = [failure.cause]
  while (queue.length > 0 && links.length < 16) {
    const next = queue.shift()
    if (!isObject(next) || seen.has(next)) continue
    seen.add(next)
    links.push({ name: str(next.name), message: str(next.message), code: str(next.code) })
    queue.push(next.cause)
    // Node's happy-eyeballs connect failure is an AggregateError of one error per address.
    if (Array.isArray(next.errors)) queue.push(...next.errors.slice(0, 4))
  }
  return links
}

function headerMap(headers: FailureData['headers']): Map<string, string> {
  const map = new Map<string, string>()
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (value !== undefined) map.set(key.toLowerCase(), String(value))
  }
  return map
}

/** Seconds or an HTTP date, as RFC 9110 allows for Retry-After. */
function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined
  const trimmed = value.trim()
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000)
  const date = Date.parse(trimmed)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

function isHtml(body: string | undefined, contentType: string | undefined): boolean {
  if (contentType !== undefined && /text\/html/i.test(contentType)) return true
  return body !== undefined && /^\s*<(!doctype\s+html|html|head|body|title)\b/i.test(body)
}

function githubMessage(body: string | undefined): string | undefined {
  if (body === undefined) return undefined
  try {
    const parsed: unknown = JSON.parse(body)
    if (isObject(parsed) && typeof parsed.message === 'string') return parsed.message
  } catch {
    // not JSON: the caller shows the text itself
  }
  return undefined
}

function rateLimited(waitMs: number, why: string, cap: number): FailureClass {
  const capped = waitMs > cap
  const wait = Math.max(0, Math.min(waitMs, cap))
  return {
    kind: 'rate-limited',
    reason: `${why}; wait ${formatMs(waitMs)}${capped ? ` (longer than the ${formatMs(cap)} this run may wait)` : ''}`,
    retryAfterMs: wait,
    ...(capped ? { waitCapped: true } : {})
  }
}

function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 120_000) return `${Math.round(ms / 100) / 10} s`
  return `${Math.round(ms / 60_000)} min`
}

function classifyHttp(failure: FailureData, status: number, options: ClassifyOptions): FailureClass {
  const now = failure.now ?? options.now ?? Date.now()
  const cap = options.maxRateLimitWaitMs ?? DEFAULT_MAX_RATE_LIMIT_WAIT_MS
  const fallback = options.fallbackRetryAfterMs ?? DEFAULT_FALLBACK_RETRY_AFTER_MS
  const headers = headerMap(failure.headers)
  const text = `${failure.body ?? ''} ${failure.message ?? ''}`
  const html = isHtml(failure.body, headers.get('content-type'))

  if (status === 401) return { kind: 'permanent', reason: TOKEN_INVALID_ADVICE }

  const retryAfter = parseRetryAfter(headers.get('retry-after'), now)
  const exhausted = headers.get('x-ratelimit-remaining') === '0'
  const secondary = /secondary rate limit|abuse detection/i.test(text)
  if (status === 429 || (status === 403 && (retryAfter !== undefined || secondary || exhausted || /too many requests/i.test(text)))) {
    if (retryAfter !== undefined) return rateLimited(retryAfter, `${secondary ? 'secondary rate limit' : `rate limited (${status})`}, retry-after given`, cap)
    const reset = Number(headers.get('x-ratelimit-reset'))
    if (exhausted && Number.isFinite(reset) && reset > 0) {
      // One second past the reset, as GitHub's docs advise.
      return rateLimited(Math.max(0, reset * 1000 - now + 1000), 'primary rate limit used up until x-ratelimit-reset', cap)
    }
    return rateLimited(fallback, secondary ? 'secondary rate limit, no retry-after given' : `rate limited (${status}), no retry-after given`, cap)
  }

  // GitHub's API only ever answers JSON: an HTML page is a proxy or gateway talking.
  if (html) return { kind: 'transient', reason: `an HTML error page (HTTP ${status}) came back where GitHub's API sends JSON: a proxy or gateway error` }
  if (CLOUDFLARE[status] !== undefined) return { kind: 'transient', reason: CLOUDFLARE[status] }
  if (status >= 500) return { kind: 'transient', reason: `server error ${status}` }
  if (status >= 200 && status < 300) return { kind: 'transient', reason: `malformed response (HTTP ${status} with a body that is not what GitHub sends)` }
  const permanent = PERMANENT_STATUS[status]
  if (permanent !== undefined) return { kind: 'permanent', reason: permanent }
  if (status === 304) return { kind: 'permanent', reason: 'not modified (304): an answer to a conditional request, not an error' }
  return { kind: 'transient', reason: `unrecognised HTTP ${status}, treated as transient (a false "permanent" costs a human)` }
}

function classifyNetwork(failure: FailureData): FailureClass {
  const chain = causeChain(failure)
  for (const link of chain) {
    if (link.name === 'TimeoutError' || link.name === 'AbortError') {
      return { kind: 'transient', reason: link.name === 'TimeoutError' ? 'the request timed out' : 'the request was aborted' }
    }
    if (link.name === 'MalformedResponseError') return { kind: 'transient', reason: 'a cut or altered body; asking again' }
  }
  for (const link of chain) {
    const known = link.code !== undefined ? TRANSIENT_CODES[link.code] : undefined
    if (known !== undefined) return { kind: 'transient', reason: `network: ${known} (${link.code})` }
  }
  // A specific code outranks the generic 'fetch failed' that wraps every fetch error.
  for (const link of chain) {
    const known = link.code !== undefined ? PERMANENT_CODES[link.code] : undefined
    if (known !== undefined) return { kind: 'permanent', reason: `${known} (${link.code})` }
  }
  for (const link of chain) {
    for (const [pattern, reason] of TRANSIENT_PHRASES) {
      if (link.message !== undefined && pattern.test(link.message)) return { kind: 'transient', reason: `network: ${reason}` }
    }
  }
  return { kind: 'transient', reason: 'unrecognised failure, treated as transient (a false "permanent" costs a human)' }
}

/** Transient, rate-limited or permanent, for an HTTP answer or a network error (anything thrown is accepted). */
export function classifyFailure(failure: FailureData | unknown, options: ClassifyOptions = {}): FailureClass {
  const data = toFailureData(failure)
  return data.status === undefined ? classifyNetwork(data) : classifyHttp(data, data.status, options)
}

function clip(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

/** One line saying what failed and what the verdict is, e.g. "HTTP 502 'Bad gateway': transient (server error 502)". */
export function describeFailure(failure: FailureData | unknown, options: ClassifyOptions = {}): string {
  const data = toFailureData(failure)
  const verdict = classifyFailure(data, options)
  let what: string
  if (data.status === undefined && data.name === 'MalformedResponseError') {
    what = clip(data.message ?? 'malformed response', 300)
  } else if (data.status === undefined) {
    const chain = causeChain(data)
    const codes = [...new Set(chain.map((l) => l.code).filter((c): c is string => c !== undefined))]
    const messages = [...new Set(chain.map((l) => l.message).filter((m): m is string => m !== undefined && m !== ''))]
    const network = verdict.reason.startsWith('network:') || /timed out|aborted/.test(verdict.reason)
    // Our own errors (App auth) carry a whole sentence of advice: keep it, and their code is in the reason.
    what = network
      ? `network error '${clip(messages.join(': ') || 'unknown')}'${codes.length > 0 ? ` (${codes.join(', ')})` : ''}`
      : `error '${clip(messages[0] ?? 'unknown', 600)}'`
  } else {
    const headers = headerMap(data.headers)
    const title = /<title>([^<]*)<\/title>/i.exec(data.body ?? '')?.[1]
    const said = githubMessage(data.body) ?? (data.message !== undefined && data.message !== '' ? data.message : undefined)
    if (isHtml(data.body, headers.get('content-type'))) {
      what = `HTTP ${data.status} HTML page${title !== undefined ? ` '${clip(title, 80)}'` : ''}`
    } else {
      what = `HTTP ${data.status}${said !== undefined ? ` '${clip(said)}'` : ''}`
    }
  }
  return `${what}: ${verdict.kind} (${verdict.reason})`
}
