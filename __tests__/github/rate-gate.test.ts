/**
 * One rate-limit gate for the whole client: once GitHub asked for quiet (a
 * 403/429 with retry-after, or any answer reading x-ratelimit-remaining 0),
 * no request of the client leaves until the window ends, and a wait longer
 * than max-rate-limit-wait or the deadline fails at once, sending nothing.
 * The simulator (manual clock) flags every request sent inside a window
 * `early`; the client's sleep is the test's, which moves that clock.
 */
import { startSimulator, OWNER, REPO, HEAD_SHA, type Sim } from '../sim/server.js'
import { simClient } from '../harness/sim-client.js'
import type { GitHubClientOptions } from '../../src/github/client.js'

let sim: Sim
beforeEach(async () => {
  sim = await startSimulator({ clock: { mode: 'manual' } })
})
afterEach(async () => {
  await sim.close()
})

const PULL = `/repos/${OWNER}/${REPO}/pulls/1`
const MERGE = `${PULL}/merge`
const tick = () => new Promise((resolve) => setTimeout(resolve, 5))

/** A client whose sleeps the test releases (moving the simulator's clock), so parallel calls can be started mid-wait. */
function heldClient(overrides: Partial<GitHubClientOptions> = {}) {
  const slept: number[] = []
  const pending: Array<{ ms: number; resolve: () => void }> = []
  const { c, lines } = simClient(sim, {
    retries: 3,
    jitter: 0,
    requestTimeoutMs: 2000,
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        slept.push(ms)
        pending.push({ ms, resolve })
      }),
    ...overrides
  })
  /** Releases the client's sleeps (advancing the clock by the longest) until `work` settles. */
  const drive = async <T>(work: Promise<T>): Promise<T> => {
    let settled = false
    work.then(
      () => (settled = true),
      () => (settled = true)
    )
    for (let rounds = 0; !settled && rounds < 2000; rounds++) {
      await tick()
      const due = pending.splice(0)
      if (due.length === 0) continue
      sim.clock.advance(Math.max(...due.map((d) => d.ms)))
      for (const d of due) d.resolve()
    }
    return work
  }
  return { c, lines, slept, drive }
}

const getPull = (c: ReturnType<typeof heldClient>['c']) => c.octokit.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 1 })

describe('a secondary rate limit holds every request of the client', () => {
  it('parallel reads and pagination started during a retry-after: 2 wait send nothing early', async () => {
    for (let i = 0; i < 150; i++) sim.addCheckRun({ name: `check-${i}`, conclusion: 'success' })
    const { c, slept, drive } = heldClient()
    sim.fault({ method: 'GET', path: PULL }, { type: 'secondary-rate-limit', retryAfter: 2 })
    const first = getPull(c)
    // Until the client has the 403 in hand (bounded: the old client never calls the injected sleep).
    for (let i = 0; i < 100 && slept.length === 0; i++) await tick()
    const limited = sim.log.find((e) => e.status === 403)!
    const siblings = Promise.all([
      c.octokit.paginate(c.octokit.rest.checks.listForRef, { owner: OWNER, repo: REPO, ref: HEAD_SHA, per_page: 100 }),
      c.octokit.rest.repos.getCombinedStatusForRef({ owner: OWNER, repo: REPO, ref: HEAD_SHA }),
      getPull(c)
    ])
    const [pull, [runs]] = await drive(Promise.all([first, siblings]))
    expect(pull.data.head.sha).toBe(HEAD_SHA)
    expect(runs).toHaveLength(150)
    expect(sim.earlyRequests()).toEqual([])
    const after = sim.log.filter((e) => e.seq > limited.seq)
    expect(after.map((e) => e.time - limited.time).every((ms) => ms >= 2000)).toBe(true)
    expect(sim.count('GET', /check-runs$/)).toBe(2)
    expect(after).toHaveLength(5)
  })

  it('a rate-limited merge (retries off) still holds the pull request read that follows', async () => {
    const { c, drive } = heldClient()
    sim.fault({ method: 'PUT', path: MERGE }, { type: 'secondary-rate-limit', retryAfter: 3 })
    await expect(drive(c.octokit.rest.pulls.merge({ owner: OWNER, repo: REPO, pull_number: 1, sha: HEAD_SHA, request: { retries: 0 } }))).rejects.toMatchObject({
      status: 403
    })
    await drive(getPull(c))
    const [put, read] = sim.log
    expect(read!.time - put!.time).toBeGreaterThanOrEqual(3000)
    expect(sim.earlyRequests()).toEqual([])
    expect(sim.count('PUT', MERGE)).toBe(1)
  })
})

describe('x-ratelimit-remaining 0 on any answer closes the window until x-ratelimit-reset', () => {
  const LIMITED = 'ghs_limitedToken000000000000000000000001'
  const auth = { kind: 'token' as const, token: LIMITED }
  beforeEach(() => {
    sim.addToken(LIMITED, { pull_requests: 'read', contents: 'read', metadata: 'read' }, { limit: 2 })
  })

  it('after a 200 reading 0, the next calls wait for the reset and then succeed', async () => {
    const { c, lines, drive } = heldClient({ auth, maxRateLimitWaitMs: 2 * 3600_000 })
    await drive(getPull(c))
    const second = await drive(getPull(c))
    expect(second.headers['x-ratelimit-remaining']).toBe('0')
    const reset = Number(second.headers['x-ratelimit-reset']) * 1000
    // Two parallel calls: the limit (2 an hour) allows both once the window has reset.
    await drive(Promise.all([getPull(c), getPull(c)]))
    expect(sim.log.map((e) => e.status)).toEqual([200, 200, 200, 200])
    expect(sim.earlyRequests()).toEqual([])
    expect(sim.log.slice(2).every((e) => e.time > reset)).toBe(true)
    expect(lines[0]).toMatch(new RegExp(`^GET ${PULL}: primary rate limit used up until x-ratelimit-reset; sending nothing for \\d+ s as GitHub asked$`))
  })

  it('a window longer than max-rate-limit-wait fails the call at once with the reason, sending nothing', async () => {
    const { c, drive } = heldClient({ auth, maxRateLimitWaitMs: 15 * 60_000 })
    await drive(getPull(c))
    await drive(getPull(c))
    await expect(drive(getPull(c))).rejects.toThrow(/^GET \/repos\/.*\/pulls\/1: primary rate limit used up until x-ratelimit-reset asks for a \d+ s wait, longer than max-rate-limit-wait \(900 s\): not waiting$/)
    expect(sim.log).toHaveLength(2)
  })

  it('a window that ends past the deadline fails the call at once, sending nothing', async () => {
    const { c, drive } = heldClient({ auth, maxRateLimitWaitMs: 2 * 3600_000, deadline: sim.clock.now() + 10 * 60_000 })
    await drive(getPull(c))
    await drive(getPull(c))
    await expect(drive(getPull(c))).rejects.toThrow(/asks for a \d+ s wait, past the deadline \(timeout-seconds\): not waiting$/)
    expect(sim.log).toHaveLength(2)
  })
})
