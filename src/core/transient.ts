/**
 * Is a failed GitHub call worth trying again? Transient, rate-limited or
 * permanent, decided over plain data (status, headers, body text, or a network
 * error's name/message/code and its cause chain).
 *
 * Biased toward transient: a long agent run once died on "The socket
 * connection was closed unexpectedly" because a hand-written pattern list did
 * not know that phrase. A false "transient" costs one backoff; a false
 * "permanent" stops a pipeline and calls a human. So anything not recognised
 * as permanent is transient. Codes and phrases come from the one rule list,
 * src/core/failure-rules.ts, that `purple retry` and `purple classify` read too
 * (see docs/decisions.md, "Failure rules: permanent first, unknown retried").
 */
import { logText } from './escaping.js'
import { formatSeconds } from './durations.js'
import { classifyText, type TextVerdict } from './failure-engine.js'
import { isRecord } from './records.js'

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

interface Link {
  readonly name?: string
  readonly message?: string
  readonly code?: string
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

function bodyText(data: unknown): string | undefined {
  if (typeof data === 'string') return data
  if (data === undefined || data === null) return undefined
  // An array body is JSON too (a list endpoint's answer).
  if (typeof data === 'object' && !(data instanceof ArrayBuffer)) {
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
  if (!isRecord(error)) return { message: String(error) }
  const response = isRecord(error.response) ? error.response : undefined
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
      headers: isRecord(response.headers) ? (response.headers as FailureData['headers']) : undefined,
      body: bodyText(response.data)
    }
  }
  const status = typeof error.status === 'number' ? error.status : undefined
  // @octokit/request labels every fetch failure "HttpError 500" with the real error as cause.
  const octokitNetwork = error.name === 'HttpError' && isRecord(error.request) && status === 500
  return {
    ...base,
    status: octokitNetwork ? undefined : status,
    headers: isRecord(error.headers) ? (error.headers as FailureData['headers']) : undefined,
    body: str(error.body) ?? (octokitNetwork ? undefined : bodyText(error.data))
  }
}

function causeChain(failure: FailureData): Link[] {
  const links: Link[] = [{ name: failure.name, message: failure.message, code: failure.code }]
  const seen = new Set<unknown>()
  const queue: unknown[] = [failure.cause]
  while (queue.length > 0 && links.length < 16) {
    const next = queue.shift()
    if (!isRecord(next) || seen.has(next)) continue
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
    if (isRecord(parsed) && typeof parsed.message === 'string') return parsed.message
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
    reason: `${why}; wait ${formatSeconds(waitMs)}${capped ? ` (longer than the ${formatSeconds(cap)} this run may wait)` : ''}`,
    retryAfterMs: wait,
    ...(capped ? { waitCapped: true } : {})
  }
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
  const said = classifyText(text)
  // Quota or billing used up comes back as a 429 too, but no wait fixes it.
  if (status === 429 && (said.class === 'permanent' || said.class === 'auth')) return { kind: 'permanent', reason: ruleReason(said) }
  const secondary = said.rule?.id === 'github-secondary-rate-limit'
  if (status === 429 || (status === 403 && (retryAfter !== undefined || said.class === 'rate-limited' || exhausted))) {
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

function ruleReason(verdict: TextVerdict): string {
  return `${verdict.rule?.summary ?? 'unrecognised'}: '${logText(verdict.line)}' (rule ${verdict.rule?.id ?? 'none'})`
}

/** A network verdict from the rules: permanent or auth stop; rate-limited and transient are both worth a retry here (no retry-after). */
function networkVerdict(verdict: TextVerdict, code?: string): FailureClass | undefined {
  if (verdict.rule === undefined) return undefined
  const suffix = code !== undefined ? ` (${code})` : ''
  if (verdict.class === 'permanent' || verdict.class === 'auth') return { kind: 'permanent', reason: `${verdict.rule.summary}${suffix}` }
  return { kind: 'transient', reason: `network: ${verdict.rule.summary}${suffix}` }
}

function classifyNetwork(failure: FailureData): FailureClass {
  const chain = causeChain(failure)
  for (const link of chain) {
    if (link.name === 'TimeoutError' || link.name === 'AbortError') {
      return { kind: 'transient', reason: link.name === 'TimeoutError' ? 'the request timed out' : 'the request was aborted' }
    }
    if (link.name === 'MalformedResponseError') return { kind: 'transient', reason: 'a cut or altered body; asking again' }
  }
  // A specific code (ECONNRESET, UND_ERR_SOCKET) outranks the generic 'fetch failed' that wraps every fetch error.
  const codes = [...new Set(chain.map((l) => l.code).filter((c): c is string => c !== undefined && c !== ''))]
  const byCode = classifyText(codes.join('\n'))
  const fromCode = networkVerdict(byCode, byCode.line)
  if (fromCode !== undefined) return fromCode
  const messages = chain.map((l) => l.message).filter((m): m is string => m !== undefined && m !== '')
  const fromMessage = networkVerdict(classifyText(messages.join('\n')))
  if (fromMessage !== undefined) return fromMessage
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

/** A failure's verdict together with the line that describes it, from one classification. */
export interface ExplainedFailure {
  readonly verdict: FailureClass
  /** What failed and the verdict, e.g. "HTTP 502 'Bad gateway': transient (server error 502)". */
  readonly description: string
}

/** One line saying what failed and what the verdict is, e.g. "HTTP 502 'Bad gateway': transient (server error 502)". */
export function describeFailure(failure: FailureData | unknown, options: ClassifyOptions = {}): string {
  return explainFailure(failure, options).description
}

/** Classifies a failure once and describes it: for callers that act on the verdict and log the description. */
export function explainFailure(failure: FailureData | unknown, options: ClassifyOptions = {}): ExplainedFailure {
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
  return { verdict, description: `${what}: ${verdict.kind} (${verdict.reason})` }
}
