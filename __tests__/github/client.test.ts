/**
 * The real client against the loopback simulator: each injected fault on a
 * simple call. Time is injected: the client's sleep moves the simulator's
 * manual clock, so no test waits a real retry delay; no test-only code paths.
 */
import { startSimulator, OWNER, REPO, HEAD_SHA, type Sim, type Fault, type FaultName } from '../sim/server.js'
import { simClient } from '../harness/sim-client.js'
import type { GitHubClientOptions } from '../../src/github/client.js'
import { withRetry } from '../../src/github/retry.js'
import { expectPullRequest } from '../../src/github/responses.js'
import { getWithEtag, createEtagCache } from '../../src/github/conditional.js'

let sim: Sim
beforeEach(async () => {
  sim = await startSimulator({ clock: { mode: 'manual' } })
})
afterEach(async () => {
  await sim.close()
})

const PULL = `/repos/${OWNER}/${REPO}/pulls/1`
const MERGE = `/repos/${OWNER}/${REPO}/pulls/1/merge`

function client(overrides: Partial<GitHubClientOptions> = {}) {
  return simClient(sim, { retries: 3, retryBaseDelayMs: 5, retryMaxDelayMs: 20, requestTimeoutMs: 400, ...overrides })
}

function getPull(c: ReturnType<typeof client>['c']) {
  return c.octokit.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 1 })
}

describe('a transient fault is retried and the call succeeds', () => {
  it.each<[string, Fault | FaultName, RegExp]>([
    ['TCP reset', 'reset', /network error '.*ECONNRESET.*' \(ECONNRESET\): transient \(network: connection reset/],
    ['closed socket', 'close', /transient \(network: (socket closed by the other side|connection closed by the other side)/],
    ['body cut mid-stream', { type: 'cut-body', bytes: 40 }, /transient \(network: (socket closed by the other side|response terminated)/],
    ['hung response', 'hang', /no complete answer within 400 ms \(request-timeout-seconds\).*: transient \(the request timed out\)/],
    ['Cloudflare 524 page', { type: 'cloudflare', status: 524 }, /HTTP 524 HTML page '.*524.*': transient/],
    ['500 Server Error', { type: 'server-error', status: 500 }, /HTTP 500 'Server Error': transient \(server error 500\)/],
    ['502 HTML', { type: 'server-error', status: 502 }, /HTTP 502 .*: transient/],
    ['503', { type: 'server-error', status: 503 }, /HTTP 503 .*: transient/],
    ['504', { type: 'server-error', status: 504 }, /HTTP 504 .*: transient/]
  ])('%s', async (_label, fault, reason) => {
    // Only the hung response needs the short request timeout; elsewhere a slow first request on a loaded machine must not time out.
    const { c, lines } = client(fault === 'hang' ? {} : { requestTimeoutMs: 30_000 })
    sim.fault({ method: 'GET', path: PULL }, fault)
    const { data } = await getPull(c)
    expect(data.head.sha).toBe(HEAD_SHA)
    expect(sim.count('GET', PULL)).toBe(2)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(new RegExp(`^GET ${PULL.replace(/\//g, '\\/')}: attempt 1 of 4 failed: `))
    expect(lines[0]).toMatch(reason)
    expect(lines[0]).toMatch(/; retrying in \d+ ms$/)
    expect(c.stats()).toMatchObject({ requests: 2, retries: 1 })
  })

  it('GraphQL: a body cut mid-stream (Octokit would resolve it as undefined) is retried', async () => {
    const { c, lines } = client()
    sim.fault({ method: 'POST', path: '/graphql' }, { type: 'cut-body', bytes: 20 })
    const result = await c.octokit.graphql<{ repository: { pullRequest: { headRefOid: string } } }>(
      'query($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { pullRequest(number: 1) { headRefOid } } }',
      { owner: OWNER, name: REPO }
    )
    expect(result.repository.pullRequest.headRefOid).toBe(HEAD_SHA)
    expect(sim.count('POST', '/graphql')).toBe(2)
    expect(lines[0]).toMatch(/^POST \/graphql: attempt 1 of 4 failed: network error/)
  })

  it('a keep-alive socket closed after an answer: the next call still succeeds', async () => {
    const { c } = client()
    sim.fault({ method: 'GET', path: PULL }, 'close-keep-alive')
    await getPull(c)
    const { data } = await getPull(c)
    expect(data.number).toBe(1)
  })

  it('gives up after max retries with the reason', async () => {
    const { c, lines } = client({ retries: 2 })
    sim.fault({ method: 'GET', path: PULL }, { type: 'server-error', status: 502 }, 10)
    await expect(getPull(c)).rejects.toMatchObject({ status: 502 })
    expect(sim.count('GET', PULL)).toBe(3)
    expect(lines.at(-1)).toMatch(/attempt 3 of 3 failed, giving up: HTTP 502/)
  })
})

describe('a permanent failure fails fast with a clear message', () => {
  it('401 Bad credentials: one request, and withRetry says what to do', async () => {
    const { c, lines } = client()
    sim.fault({ method: 'GET', path: PULL }, 'bad-credentials')
    const failure = withRetry('read pull request #1', async () => expectPullRequest('GET pull', (await getPull(c)).data), c.retryPolicy)
    await expect(failure).rejects.toThrow(
      "read pull request #1 failed: HTTP 401 'Bad credentials': permanent (the token is invalid or expired. A borrowed token can expire during a long run: for waits longer than an hour, authenticate as a GitHub App with the 'app-id' and 'private-key' inputs, whose installation token Purple refreshes itself)"
    )
    expect(sim.count('GET', PULL)).toBe(1)
    expect(lines).toEqual([])
  })

  it('a static token that expires mid-run: 401, not retried', async () => {
    sim.addToken('ghs_shortLivedToken0000000000000000000009', { pull_requests: 'read', contents: 'read', metadata: 'read' }, { expiresInMs: 1000 })
    const { c } = client({ auth: { kind: 'token', token: 'ghs_shortLivedToken0000000000000000000009' } })
    await getPull(c)
    sim.clock.advance(2000)
    await expect(getPull(c)).rejects.toMatchObject({ status: 401 })
    expect(sim.count('GET', PULL)).toBe(2)
  })

  it('a 401 thrown straight to the action (no withRetry) still says what to do', async () => {
    const { c } = client()
    sim.fault({ method: 'GET', path: PULL }, 'bad-credentials')
    await expect(getPull(c)).rejects.toThrow(
      "Bad credentials - https://docs.github.com/rest: the token is invalid or expired. A borrowed token can expire during a long run: for waits longer than an hour, authenticate as a GitHub App with the 'app-id' and 'private-key' inputs, whose installation token Purple refreshes itself"
    )
  })

  it('404 for an unknown pull request: one request', async () => {
    const { c } = client()
    await expect(c.octokit.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 99 })).rejects.toMatchObject({ status: 404 })
    expect(sim.count('GET', `/repos/${OWNER}/${REPO}/pulls/99`)).toBe(1)
  })

  it('403 without rate-limit signs (missing permission): one request', async () => {
    const { c } = client()
    await expect(c.octokit.request('GET /repos/{owner}/{repo}/branches/{branch}/protection', { owner: OWNER, repo: REPO, branch: 'main' })).rejects.toMatchObject({ status: 403 })
    expect(sim.count('GET', `/repos/${OWNER}/${REPO}/branches/main/protection`)).toBe(1)
  })
})

describe('merge answers belong to the merge logic', () => {
  it('405 "is expected" is never retried by the client', async () => {
    const { c, lines } = client()
    sim.respondOnce(
      { method: 'PUT', path: MERGE },
      { status: 405, body: { message: 'Required status check "test" is expected.', documentation_url: 'https://docs.github.com/rest/pulls/pulls#merge-a-pull-request', status: '405' } }
    )
    await expect(c.octokit.rest.pulls.merge({ owner: OWNER, repo: REPO, pull_number: 1, sha: HEAD_SHA })).rejects.toMatchObject({ status: 405 })
    expect(sim.count('PUT', MERGE)).toBe(1)
    expect(lines).toEqual([])
  })

  it('409 head modified is never retried', async () => {
    const { c } = client()
    await expect(c.octokit.rest.pulls.merge({ owner: OWNER, repo: REPO, pull_number: 1, sha: 'c'.repeat(40) })).rejects.toMatchObject({ status: 409 })
    expect(sim.count('PUT', MERGE)).toBe(1)
  })

  it('request: { retries: 0 } turns retries off: an answer lost after the merge is thrown, not retried', async () => {
    const { c } = client()
    sim.fault({ method: 'PUT', path: MERGE }, 'apply-then-reset')
    await expect(c.octokit.rest.pulls.merge({ owner: OWNER, repo: REPO, pull_number: 1, sha: HEAD_SHA, request: { retries: 0 } })).rejects.toMatchObject({ status: 500 })
    expect(sim.count('PUT', MERGE)).toBe(1)
    expect(sim.state.pulls[0]!.merged).toBe(true)
    // The per-call request options merge into the client's: the timed, counting fetch still ran.
    expect(c.stats().requests).toBe(1)
  })
})

describe('rate limits', () => {
  it.each<[string, 403 | 429]>([
    ['403 secondary rate limit', 403],
    ['429 secondary rate limit', 429]
  ])('%s: waits retry-after before asking again', async (_label, status) => {
    const { c, lines, slept } = client()
    sim.fault({ method: 'GET', path: PULL }, { type: 'secondary-rate-limit', status, retryAfter: 1 })
    await getPull(c)
    const [first, second] = sim.requests({ method: 'GET', path: PULL })
    expect(second!.time - first!.time).toBeGreaterThanOrEqual(1000)
    expect(slept).toEqual([1000])
    expect(sim.earlyRequests()).toEqual([])
    expect(lines).toEqual([`GET ${PULL}: secondary rate limit, attempt 1 of 4; waiting 1 s as GitHub asked`])
    expect(c.stats().rateLimitWaits).toBe(1)
  })

  it('a primary limit that resets later than max-rate-limit-wait fails at once, saying why', async () => {
    const { c, lines } = client({ maxRateLimitWaitMs: 500 })
    sim.fault({ method: 'GET', path: PULL }, { type: 'rate-limit', resetInSeconds: 3600 })
    await expect(getPull(c)).rejects.toMatchObject({ status: 403 })
    expect(sim.count('GET', PULL)).toBe(1)
    expect(lines[0]).toMatch(/primary rate limit used up asks for a \d+ s wait, longer than max-rate-limit-wait \(1 s\): not waiting/)
  })
})

describe('write spacing', () => {
  it('writes start at least writeSpacingMs apart on the injected clock; reads are not held', async () => {
    // When the client sends, on its clock (the simulator may log a request after a sibling's sleep moved the clock).
    const sent: Array<[string, number]> = []
    const slept: number[] = []
    let release: (() => void) | undefined
    const { c } = client({
      writeSpacingMs: 1000,
      fetch: (input, init) => {
        sent.push([init?.method ?? 'GET', sim.clock.now()])
        return fetch(input, init)
      },
      // Held until the test releases it, so the clock moves only after the first write and the read went out.
      sleep: (ms) =>
        new Promise<void>((resolve) => {
          slept.push(ms)
          release = () => {
            sim.clock.advance(ms)
            resolve()
          }
        })
    })
    const start = sim.clock.now()
    const merge = () => c.octokit.rest.pulls.merge({ owner: OWNER, repo: REPO, pull_number: 1, sha: HEAD_SHA, request: { retries: 0 } }).catch((e: { status?: number }) => e.status)
    const all = Promise.all([merge(), merge(), getPull(c)])
    for (let i = 0; i < 200 && (sent.length < 2 || release === undefined); i++) await new Promise((resolve) => setTimeout(resolve, 5))
    release?.()
    await all
    expect(sent.map(([method, at]) => `${method} +${at - start}`).sort()).toEqual(['GET +0', 'PUT +0', 'PUT +1000'])
    expect(slept).toEqual([1000])
    expect(sim.count('PUT', MERGE)).toBe(2)
  })
})

describe('conditional requests', () => {
  it('a stored ETag gives 304, counted apart', async () => {
    const { c } = client()
    const cache = createEtagCache()
    const route = 'GET /repos/{owner}/{repo}/pulls/{pull_number}'
    const params = { owner: OWNER, repo: REPO, pull_number: 1 }
    const validate = (data: unknown) => expectPullRequest('GET pull', data)
    const first = await getWithEtag(c.octokit.request, route, params, cache, validate)
    const second = await getWithEtag(c.octokit.request, route, params, cache, validate)
    expect(first.notModified).toBe(false)
    expect(second).toMatchObject({ notModified: true, data: { head: { sha: HEAD_SHA } } })
    expect(sim.requests({ method: 'GET', path: PULL }).map((r) => r.ifNoneMatch !== null)).toEqual([false, true])
    expect(c.stats()).toEqual({ requests: 2, counted: 1, notModified: 1, retries: 0, rateLimitWaits: 0 })
    expect(sim.countedRequests()).toBe(1)
  })
})
