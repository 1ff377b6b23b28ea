/**
 * A call costs at most `retries + 1` requests however it fails: the client's
 * loop is the only one that retries HTTP failures (withRetry does not retry
 * them again, App token minting is part of the call), and `deadline` stops any
 * retry that would end past it. Request counts come from the simulator's log;
 * time is injected (the client's sleep moves the simulator's manual clock).
 */
import { startSimulator, OWNER, REPO, INSTALLATION_ID, type Sim } from '../sim/server.js'
import { closedPort, simClient } from '../harness/sim-client.js'
import type { GitHubClientOptions } from '../../src/github/client.js'
import { withRetry } from '../../src/github/retry.js'
import { expectPullRequest } from '../../src/github/responses.js'

let sim: Sim
beforeEach(async () => {
  sim = await startSimulator({ clock: { mode: 'manual' } })
})
afterEach(async () => {
  await sim.close()
})

const PULL = `/repos/${OWNER}/${REPO}/pulls/1`
const MINT = `/app/installations/${INSTALLATION_ID}/access_tokens`

function client(overrides: Partial<GitHubClientOptions> = {}) {
  return simClient(sim, { retries: 4, retryBaseDelayMs: 1000, retryMaxDelayMs: 30_000, jitter: 0, requestTimeoutMs: 2000, ...overrides })
}

const readPull = (c: ReturnType<typeof client>['c']) =>
  withRetry('read pull request #1', async () => expectPullRequest('GET pull', (await c.octokit.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 1 })).data), c.retryPolicy)

describe('retries happen in one place', () => {
  it('a persistent 502 under withRetry: max-retries + 1 requests, reported as that many attempts', async () => {
    const { c, lines, slept } = client()
    sim.fault({ method: 'GET', path: PULL }, { type: 'server-error', status: 502 }, 100)
    const failure = readPull(c)
    await expect(failure).rejects.toThrow(/^read pull request #1 failed after 5 attempts: HTTP 502 HTML page '502 Bad Gateway': transient/)
    await expect(failure).rejects.toMatchObject({ attempts: 5, status: 502 })
    expect(sim.count('GET', PULL)).toBe(5)
    expect(slept).toEqual([1000, 2000, 4000, 8000])
    expect(lines.map((l) => /attempt (\d) of (\d)/.exec(l)?.slice(1).join('/'))).toEqual(['1/5', '2/5', '3/5', '4/5', '5/5'])
  })

  it('a malformed body is still retried by withRetry (no HTTP layer can see it), with honest attempt numbers', async () => {
    const { c, lines } = client()
    sim.fault({ method: 'GET', path: PULL }, { type: 'malformed', kind: 'html' }, 2)
    const pull = await readPull(c)
    expect(pull.number).toBe(1)
    expect(sim.count('GET', PULL)).toBe(3)
    expect(lines.map((l) => /^read pull request #1: attempt (\d) of 5 failed: malformed response/.exec(l)?.[1])).toEqual(['1', '2'])
  })
})

describe('App token minting is part of the call', () => {
  function appClient(overrides: Partial<GitHubClientOptions> = {}) {
    return client({ auth: { kind: 'app', appId: String(sim.app.id), privateKey: sim.app.privateKey, repository: { owner: OWNER, repo: REPO } }, ...overrides })
  }

  it('a token endpoint answering 500: at most max-retries + 1 mint requests in all, even under withRetry', async () => {
    const { c, lines } = appClient()
    sim.fault({ method: 'POST', path: MINT }, { type: 'server-error', status: 500 }, 1000)
    await expect(readPull(c)).rejects.toThrow(/^read pull request #1 failed after 5 attempts: HTTP 500 'Server Error'/)
    expect(sim.count('POST', MINT)).toBe(5)
    expect(sim.count('GET', PULL)).toBe(0)
    expect(sim.count('GET', `/repos/${OWNER}/${REPO}/installation`)).toBeLessThanOrEqual(5)
    expect(lines.filter((l) => l.startsWith(`POST ${MINT}: attempt`))).toHaveLength(5)
  })

  it('max-retries 0: one mint request, one installation lookup', async () => {
    const { c } = appClient({ retries: 0 })
    sim.fault({ method: 'POST', path: MINT }, { type: 'server-error', status: 500 }, 1000)
    await expect(readPull(c)).rejects.toMatchObject({ status: 500 })
    expect(sim.count('POST', MINT)).toBe(1)
    expect(sim.count('GET', `/repos/${OWNER}/${REPO}/installation`)).toBe(1)
  })
})


describe('the deadline is a hard limit', () => {
  it('connection refused: retries stop before the one that would end past the deadline; the error says what and how often', async () => {
    const port = await closedPort()
    const start = sim.clock.now()
    const { c, slept, lines } = client({ baseUrl: `http://127.0.0.1:${port}`, retries: 10, deadline: start + 5000 })
    const failure = c.octokit.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 1 })
    // 1 s and 2 s waits fit in 5 s; the next (4 s) would end at 7 s.
    await expect(failure).rejects.toThrow('fetch failed: connection refused (ECONNREFUSED) (gave up after 3 attempts: the deadline (timeout-seconds) came first)')
    expect(c.stats().requests).toBe(3)
    expect(slept).toEqual([1000, 2000])
    expect(lines.at(-1)).toMatch(/attempt 3 of 11 failed: network error .*connection refused \(ECONNREFUSED\)\); no retry: the deadline \(timeout-seconds\) comes first$/)
  })

  it('a deadline given as a function is read at each decision', async () => {
    const port = await closedPort()
    const settings: { deadline?: number } = {}
    const { c } = client({ baseUrl: `http://127.0.0.1:${port}`, retries: 10, deadline: () => settings.deadline })
    // Known only after the client was made, as when a wait starts later.
    settings.deadline = sim.clock.now() + 1500
    await expect(c.octokit.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 1 })).rejects.toThrow(/gave up after 2 attempts/)
    expect(c.stats().requests).toBe(2)
  })

  it('an attempt in flight is cut off at the deadline, and none follows', async () => {
    // The cut-off is a real timer: this test's client runs on the wall clock, with a request timeout far beyond the deadline.
    const { c } = client({ now: Date.now, requestTimeoutMs: 30_000, deadline: Date.now() + 300 })
    sim.fault({ method: 'GET', path: PULL }, 'hang', 5)
    await expect(c.octokit.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 1 })).rejects.toThrow(
      /no complete answer within \d+ ms \(the deadline, timeout-seconds\): the request timed out \(gave up after 1 attempt: the deadline \(timeout-seconds\) came first\)/
    )
    expect(sim.count('GET', PULL)).toBe(1)
  }, 10_000)
})
