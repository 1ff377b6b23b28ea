import { createServer, type Server, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { classifyFailure, describeFailure, explainFailure, toFailureData, type FailureKind } from '../../src/core/transient.js'

const json = { 'content-type': 'application/json; charset=utf-8' }
const NOW = Date.parse('2026-11-27T06:00:00Z')

// Bodies as GitHub sends them (copied from real responses).
const BAD_CREDENTIALS = '{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest","status":"401"}'
const SECONDARY =
  '{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 0B4C:1B2F:2D3E1:5A6B7:6745A1B2.","documentation_url":"https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits","status":"403"}'
const PRIMARY =
  '{"message":"API rate limit exceeded for installation ID 51234567.","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-primary-rate-limits","status":"403"}'
const NOT_ACCESSIBLE =
  '{"message":"Resource not accessible by integration","documentation_url":"https://docs.github.com/rest/branches/branch-protection#get-branch-protection","status":"403"}'
const NOT_FOUND = '{"message":"Not Found","documentation_url":"https://docs.github.com/rest","status":"404"}'
const VALIDATION =
  '{"message":"Validation Failed","errors":[{"resource":"PullRequest","code":"custom","message":"A pull request already exists for o:feature."}],"documentation_url":"https://docs.github.com/rest/pulls/pulls#create-a-pull-request","status":"422"}'
const PARSE = '{"message":"Problems parsing JSON","documentation_url":"https://docs.github.com/rest","status":"400"}'
const EXPECTED_405 =
  '{"message":"Required status check \\"test\\" is expected.","documentation_url":"https://docs.github.com/rest/pulls/pulls#merge-a-pull-request","status":"405"}'
const HEAD_MODIFIED = '{"message":"Head branch was modified. Review and try the merge again.","documentation_url":"https://docs.github.com/rest/pulls/pulls#merge-a-pull-request","status":"409"}'
const UNAVAILABLE =
  '{"message":"No server is currently available to service your request. Sorry about that. Please try resubmitting your request and contact us if the problem persists."}'
const GATEWAY_TIMEOUT =
  "{\"message\":\"We couldn't respond to your request in time. Sorry about that. Please try resubmitting your request and contact us if the problem persists.\"}"
const CLOUDFLARE_524 =
  '<!DOCTYPE html>\n<!--[if lt IE 7]> <html class="no-js ie6 oldie" lang="en-US"> <![endif]-->\n<html class="no-js" lang="en-US">\n<head>\n<title>api.github.com | 524: A timeout occurred</title>\n</head><body><span class="inline-block">origin_response_timeout</span></body></html>'
const ROUTER_502 = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n'

describe('classifyFailure: HTTP answers', () => {
  it.each<[string, number, Record<string, string>, string, FailureKind, number | undefined]>([
    ['500', 500, json, '{"message":"Server Error"}', 'transient', undefined],
    ['502 from a router', 502, { 'content-type': 'text/html' }, ROUTER_502, 'transient', undefined],
    ['503', 503, json, UNAVAILABLE, 'transient', undefined],
    ['504', 504, json, GATEWAY_TIMEOUT, 'transient', undefined],
    ['520', 520, { server: 'cloudflare' }, '', 'transient', undefined],
    ['521', 521, { server: 'cloudflare' }, '', 'transient', undefined],
    ['522', 522, { server: 'cloudflare' }, '', 'transient', undefined],
    ['523', 523, { server: 'cloudflare' }, '', 'transient', undefined],
    ['524 Cloudflare HTML page', 524, { 'content-type': 'text/html; charset=UTF-8', server: 'cloudflare' }, CLOUDFLARE_524, 'transient', undefined],
    ['525', 525, {}, '', 'transient', undefined],
    ['526', 526, {}, '', 'transient', undefined],
    ['527', 527, {}, '', 'transient', undefined],
    ['408', 408, {}, '', 'transient', undefined],
    ['unknown 499', 499, {}, '', 'transient', undefined],
    ['200 HTML page from a captive proxy', 200, { 'content-type': 'text/html' }, '<html><head><title>Sign in</title></head></html>', 'transient', undefined],
    ['429 with retry-after', 429, { 'retry-after': '7' }, '{"message":"Too Many Requests"}', 'rate-limited', 7000],
    ['429 without retry-after', 429, {}, 'Too Many Requests', 'rate-limited', 60_000],
    ['403 secondary rate limit with retry-after', 403, { ...json, 'retry-after': '2' }, SECONDARY, 'rate-limited', 2000],
    ['403 secondary rate limit, no retry-after', 403, json, SECONDARY, 'rate-limited', 60_000],
    ['403 retry-after only', 403, { 'retry-after': '3' }, '{"message":"Forbidden"}', 'rate-limited', 3000],
    ['403 retry-after as HTTP date', 403, { 'retry-after': 'Fri, 27 Nov 2026 06:00:05 GMT' }, SECONDARY, 'rate-limited', 5000],
    [
      '403 primary limit, reset in 90 s',
      403,
      { ...json, 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 + 90) },
      PRIMARY,
      'rate-limited',
      91_000
    ],
    [
      '403 primary limit, reset in 3 h (capped at 15 min)',
      403,
      { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(NOW / 1000 + 3 * 3600) },
      PRIMARY,
      'rate-limited',
      15 * 60_000
    ],
    ['400', 400, json, PARSE, 'permanent', undefined],
    ['401', 401, json, BAD_CREDENTIALS, 'permanent', undefined],
    ['403 without rate-limit signs', 403, { ...json, 'x-ratelimit-remaining': '4999' }, NOT_ACCESSIBLE, 'permanent', undefined],
    ['404', 404, json, NOT_FOUND, 'permanent', undefined],
    ['405 (merge owns it)', 405, json, EXPECTED_405, 'permanent', undefined],
    ['409 (merge owns it)', 409, json, HEAD_MODIFIED, 'permanent', undefined],
    ['422', 422, json, VALIDATION, 'permanent', undefined]
  ])('%s', (_label, status, headers, body, kind, retryAfterMs) => {
    const verdict = classifyFailure({ status, headers, body }, { now: NOW })
    expect(verdict.kind).toBe(kind)
    expect(verdict.retryAfterMs).toBe(retryAfterMs)
    expect(verdict.reason.length).toBeGreaterThan(5)
  })

  // The same rule list as `purple retry`: a used-up quota answered as a 429 is not worth a wait.
  it.each([
    // https://github.com/chatanywhere/GPT_API_free/issues/229
    ['OpenAI quota', '{"error":{"message":"You exceeded your current quota, please check your plan and billing details.","type":"insufficient_quota","param":null,"code":"insufficient_quota"}}', 'openai-insufficient-quota'],
    // https://github.com/anthropics/claude-code/issues/27252
    ['Anthropic extra usage', '{"type":"error","error":{"type":"rate_limit_error","message":"Extra usage is required for long context requests."}}', 'anthropic-extra-usage-required']
  ])('a 429 that is really %s is permanent', (_label, body, rule) => {
    const verdict = classifyFailure({ status: 429, headers: { ...json, 'retry-after': '30' }, body }, { now: NOW })
    expect(verdict.kind).toBe('permanent')
    expect(verdict.reason).toContain(`rule ${rule}`)
  })

  it('says what to do about a 401: an App for long waits', () => {
    const text = describeFailure({ status: 401, headers: json, body: BAD_CREDENTIALS })
    expect(text).toContain("HTTP 401 'Bad credentials': permanent")
    expect(text).toMatch(/invalid or expired/)
    expect(text).toMatch(/longer than an hour.*'app-id' and 'private-key'/)
  })

  it('flags a rate-limit wait longer than the cap', () => {
    const verdict = classifyFailure(
      { status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 + 600) }, body: PRIMARY },
      { now: NOW, maxRateLimitWaitMs: 60_000 }
    )
    expect(verdict).toMatchObject({ kind: 'rate-limited', retryAfterMs: 60_000, waitCapped: true })
  })

  it('names the HTML page in the description', () => {
    expect(describeFailure({ status: 524, headers: { 'content-type': 'text/html' }, body: CLOUDFLARE_524 })).toBe(
      "HTTP 524 HTML page 'api.github.com | 524: A timeout occurred': transient (an HTML error page (HTTP 524) came back where GitHub's API sends JSON: a proxy or gateway error)"
    )
  })
})

describe('explainFailure: the verdict and its description from one classification', () => {
  it.each([
    [
      'a secondary rate limit with retry-after',
      { status: 403, headers: { ...json, 'retry-after': '2' }, body: SECONDARY },
      /^HTTP 403 'You have exceeded a secondary rate limit\..*': rate-limited \(secondary rate limit, retry-after given; wait 2 s\)$/
    ],
    [
      'a primary limit resetting after the longest wait allowed',
      { status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 + 600) }, body: PRIMARY },
      /: rate-limited \(primary rate limit used up until x-ratelimit-reset; wait 601 s \(longer than the 60 s this run may wait\)\)$/
    ],
    ['404', { status: 404, headers: json, body: NOT_FOUND }, /^HTTP 404 'Not Found': permanent \(not found \(404\)/]
  ])('%s', (_label, failure, description) => {
    const options = { now: NOW, maxRateLimitWaitMs: 60_000 }
    const explained = explainFailure(failure, options)
    expect(explained.verdict).toEqual(classifyFailure(failure, options))
    expect(explained.description).toMatch(description)
    expect(describeFailure(failure, options)).toBe(explained.description)
  })
})

function err(message: string, props: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), props)
}

describe('classifyFailure: network errors by message, name and cause code', () => {
  it.each<[string, unknown, FailureKind]>([
    ['Bun: socket connection was closed', err('The socket connection was closed unexpectedly. For more information, pass `verbose: true` in the second argument to fetch()'), 'transient'],
    ['undici other side closed', err('other side closed', { code: 'UND_ERR_SOCKET' }), 'transient'],
    ['fetch failed with UND_ERR_SOCKET cause', new TypeError('fetch failed', { cause: err('other side closed', { code: 'UND_ERR_SOCKET' }) }), 'transient'],
    ['node http socket hang up', err('socket hang up', { code: 'ECONNRESET' }), 'transient'],
    ['read ECONNRESET', err('read ECONNRESET', { code: 'ECONNRESET', errno: -104, syscall: 'read' }), 'transient'],
    ['connect ECONNREFUSED', new TypeError('fetch failed', { cause: err('connect ECONNREFUSED 127.0.0.1:443', { code: 'ECONNREFUSED' }) }), 'transient'],
    ['connect ETIMEDOUT', err('connect ETIMEDOUT 140.82.112.6:443', { code: 'ETIMEDOUT' }), 'transient'],
    ['write EPIPE', err('write EPIPE', { code: 'EPIPE' }), 'transient'],
    ['getaddrinfo EAI_AGAIN', err('getaddrinfo EAI_AGAIN api.github.com', { code: 'EAI_AGAIN' }), 'transient'],
    ['undici connect timeout', new TypeError('fetch failed', { cause: err('Connect Timeout Error (attempted address: api.github.com:443, timeout: 10000ms)', { code: 'UND_ERR_CONNECT_TIMEOUT' }) }), 'transient'],
    ['undici headers timeout', new TypeError('fetch failed', { cause: err('Headers Timeout Error', { code: 'UND_ERR_HEADERS_TIMEOUT' }) }), 'transient'],
    ['undici body timeout', new TypeError('terminated', { cause: err('Body Timeout Error', { code: 'UND_ERR_BODY_TIMEOUT' }) }), 'transient'],
    ['plain fetch failed', new TypeError('fetch failed'), 'transient'],
    ['plain terminated', new TypeError('terminated'), 'transient'],
    ['our own request timeout', new DOMException('The operation was aborted due to timeout', 'TimeoutError'), 'transient'],
    ['an abort', new DOMException('This operation was aborted', 'AbortError'), 'transient'],
    ['a message-only string', 'Error: connection reset by peer', 'transient'],
    ['Too Many Requests text', err('Too Many Requests'), 'transient'],
    ['unrecognised error (bias)', err('Something odd happened'), 'transient'],
    ['malformed response', Object.assign(err("malformed response: GET /repos/o/r/pulls/1 has no string 'head.sha'"), { name: 'MalformedResponseError' }), 'transient'],
    ['invalid URL', new TypeError('Invalid URL', { cause: err('Invalid URL', { code: 'ERR_INVALID_URL' }) }), 'permanent'],
    ['expired certificate', new TypeError('fetch failed', { cause: err('certificate has expired', { code: 'CERT_HAS_EXPIRED' }) }), 'permanent']
  ])('%s', (_label, error, kind) => {
    expect(classifyFailure(error).kind).toBe(kind)
  })

  it.each([
    // https://github.com/anthropics/claude-code/issues/5184
    ['529 overloaded from an SDK', err('529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}'), 'network: the API is overloaded (529)'],
    // Printed by Node 20 for net.connect(80, '2001:db8::1').
    ['EHOSTUNREACH', err('connect EHOSTUNREACH 2001:db8::1:80', { code: 'EHOSTUNREACH' }), 'network: network unreachable or connection aborted (EHOSTUNREACH)'],
    ['certificate by code', new TypeError('fetch failed', { cause: err('certificate has expired', { code: 'CERT_HAS_EXPIRED' }) }), "the server's TLS certificate cannot be trusted (expired, self-signed or for another name) (CERT_HAS_EXPIRED)"]
  ])('names the rule that decided: %s', (_label, error, reason) => {
    expect(classifyFailure(error).reason).toBe(reason)
  })

  it('reads an Octokit-style RequestError: status 500 made up around a fetch error is a network failure', () => {
    const cause = new TypeError('fetch failed', { cause: err('connect ECONNREFUSED 127.0.0.1:1', { code: 'ECONNREFUSED' }) })
    const octokitError = Object.assign(err('connect ECONNREFUSED 127.0.0.1:1'), { name: 'HttpError', status: 500, request: { method: 'GET', url: 'x' }, cause })
    expect(toFailureData(octokitError).status).toBeUndefined()
    expect(classifyFailure(octokitError).reason).toBe('network: connection refused (ECONNREFUSED)')
  })

  it('reads an Octokit-style RequestError with a response as HTTP', () => {
    const octokitError = Object.assign(err('Bad credentials - https://docs.github.com/rest'), {
      name: 'HttpError',
      status: 401,
      request: { method: 'GET', url: 'x' },
      response: { status: 401, url: 'x', headers: json, data: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' } }
    })
    expect(classifyFailure(octokitError).kind).toBe('permanent')
    expect(describeFailure(octokitError)).toMatch(/^HTTP 401 'Bad credentials': permanent/)
  })
})

// Real error objects: Node's own fetch (undici) against a server this test breaks.
describe('classifyFailure: real errors from Node fetch against a socket the test breaks', () => {
  let server: Server
  let base: string
  const handlers = new Map<string, (req: IncomingMessage, res: ServerResponse) => void>([
    ['/cut', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' })
      res.write('{"head": {"sha": "ab', () => res.socket?.destroy())
    }],
    ['/reset', (req) => req.socket.resetAndDestroy()],
    ['/close', (req) => req.socket.destroy()],
    ['/hang', () => undefined],
    ['/hang-body', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' })
      res.write('{"check_runs": [')
    }]
  ])

  beforeAll(async () => {
    server = createServer((req, res) => handlers.get(req.url ?? '')?.(req, res))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })

  async function failureOf(path: string, timeoutMs = 5000): Promise<unknown> {
    try {
      const response = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(timeoutMs) })
      await response.text()
    } catch (error) {
      return error
    }
    throw new Error(`${path} did not fail`)
  }

  it.each<[string, number, RegExp]>([
    ['/cut', 5000, /^network: (response terminated mid-stream|connection closed by the other side|socket closed by the other side)/],
    ['/reset', 5000, /^network: connection reset/],
    ['/close', 5000, /^network: (socket closed by the other side|connection closed by the other side)/],
    ['/hang', 150, /^the request timed out/],
    ['/hang-body', 150, /^the request timed out/]
  ])('%s', async (path, timeoutMs, reason) => {
    const error = await failureOf(path, timeoutMs)
    const verdict = classifyFailure(error)
    expect(verdict.kind).toBe('transient')
    expect(verdict.reason).toMatch(reason)
    expect(describeFailure(error)).toMatch(/^network error '.+'( \([A-Z_, ]+\))?: transient/)
  })

  it('a closed port: connection refused', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise((resolve) => closed.close(resolve))
    const error = await fetch(`http://127.0.0.1:${port}/`).then(
      () => undefined,
      (e: unknown) => e
    )
    expect(classifyFailure(error)).toEqual({ kind: 'transient', reason: 'network: connection refused (ECONNREFUSED)' })
  })
})
