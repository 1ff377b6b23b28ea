/**
 * GitHub App auth against the simulator: the installation token is minted,
 * reused while more than 5 minutes remain, refreshed before it expires, and
 * re-minted once after a 401. Secrets never reach the output unmasked.
 */
import { generateKeyPairSync } from 'node:crypto'
import { jest } from '@jest/globals'
import { startSimulator, OWNER, REPO, HEAD_SHA, INSTALLATION_ID, DEFAULT_TOKEN, type Sim } from '../sim/server.js'
import { createGitHubClient, type GitHubClientOptions } from '../../src/github/client.js'
import { expiringTokenCache } from '../../src/github/auth.js'
import { withRetry } from '../../src/github/retry.js'

let sim: Sim
beforeEach(async () => {
  sim = await startSimulator({ clock: { mode: 'manual' }, installationTokenTtlMs: 60 * 60_000 })
})
afterEach(async () => {
  await sim.close()
})

const PULL = `/repos/${OWNER}/${REPO}/pulls/1`
const MINT = `/app/installations/${INSTALLATION_ID}/access_tokens`
const MIN = 60_000

function appClient(overrides: Partial<GitHubClientOptions> = {}) {
  const lines: string[] = []
  const secrets: string[] = []
  const c = createGitHubClient({
    auth: { kind: 'app', appId: String(sim.app.id), privateKey: sim.app.privateKey, repository: { owner: OWNER, repo: REPO } },
    baseUrl: sim.url,
    retryBaseDelayMs: 5,
    requestTimeoutMs: 2000,
    writeSpacingMs: 0,
    now: () => sim.clock.now(),
    sleep: async (ms) => sim.clock.advance(ms),
    log: (line) => lines.push(line),
    setSecret: (s) => secrets.push(s),
    ...overrides
  })
  return { c, lines, secrets }
}

async function headSha(c: ReturnType<typeof appClient>['c']): Promise<string> {
  return (await c.octokit.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 1 })).data.head.sha
}

function tokensUsed(): string[] {
  return sim.requests({ method: 'GET', path: PULL }).map((r) => r.token ?? '')
}

describe('GitHub App installation token', () => {
  it('is looked up, minted, reused while more than 5 minutes remain, refreshed before expiry', async () => {
    const { c, lines, secrets } = appClient()
    expect(await headSha(c)).toBe(HEAD_SHA)
    expect(sim.count('GET', `/repos/${OWNER}/${REPO}/installation`)).toBe(1)
    expect(sim.count('POST', MINT)).toBe(1)

    sim.clock.advance(50 * MIN) // 10 minutes left: no-op
    await headSha(c)
    expect(sim.count('POST', MINT)).toBe(1)

    sim.clock.advance(6 * MIN) // 4 minutes left: refresh before use
    await headSha(c)
    expect(sim.count('POST', MINT)).toBe(2)

    sim.clock.advance(61 * MIN) // well past the second token's life too
    await headSha(c)
    expect(sim.count('POST', MINT)).toBe(3)

    const used = tokensUsed()
    expect(used).toHaveLength(4)
    expect(used[0]).toBe(used[1])
    expect(new Set(used).size).toBe(3)
    expect(sim.log.filter((r) => r.status === 401)).toEqual([])
    // Every minted token and the private key were masked.
    for (const token of used) expect(secrets.includes(token)).toBe(true)
    expect(secrets.includes(sim.app.privateKey)).toBe(true)
    expect(lines).toEqual([`GitHub App ${sim.app.id}: using installation ${INSTALLATION_ID}`])
  })

  it('a 401 during a long run re-mints once and retries', async () => {
    // A client clock that lags the server's: it believes the token is fresh, GitHub says it expired.
    const frozen = sim.clock.now()
    const { c, lines } = appClient({ now: () => frozen, auth: { kind: 'app', appId: String(sim.app.id), privateKey: sim.app.privateKey, installationId: INSTALLATION_ID } })
    await headSha(c)
    sim.clock.advance(2 * 60 * MIN)
    expect(await headSha(c)).toBe(HEAD_SHA)
    expect(sim.count('GET', `/repos/${OWNER}/${REPO}/installation`)).toBe(0)
    expect(sim.count('POST', MINT)).toBe(2)
    expect(sim.requests({ method: 'GET', path: PULL }).map((r) => r.status)).toEqual([200, 401, 200])
    expect(lines).toEqual(['GitHub answered 401 to the App installation token: minting a new token and trying once more'])
  })

  it('a 401 that persists after re-minting fails (only once more)', async () => {
    const { c } = appClient({ auth: { kind: 'app', appId: String(sim.app.id), privateKey: sim.app.privateKey, installationId: INSTALLATION_ID } })
    sim.fault({ method: 'GET', path: PULL }, 'bad-credentials', 5)
    await expect(headSha(c)).rejects.toThrow(
      `GitHub App '${sim.app.id}': GET ${PULL}: GitHub answered 401 'Bad credentials': GitHub refused a freshly minted installation token too: the App may have been uninstalled or lost access to this repository`
    )
    expect(sim.count('GET', PULL)).toBe(2)
    expect(sim.count('POST', MINT)).toBe(2)
  })

  it('a private key of another App: fails at once, saying what to check', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } })
    const { c } = appClient({ auth: { kind: 'app', appId: String(sim.app.id), privateKey, repository: { owner: OWNER, repo: REPO } } })
    const failure = withRetry('read pull request #1', () => headSha(c), c.retryPolicy)
    await expect(failure).rejects.toThrow(
      `read pull request #1 failed: error 'GitHub App '${sim.app.id}': looking up its installation on repository '${OWNER}/${REPO}': GitHub answered 401 'A JSON web token could not be decoded': check that 'app-id' and 'private-key' belong to the same App, and that the runner's clock is right`
    )
    await expect(failure).rejects.toMatchObject({ verdict: { kind: 'permanent' }, attempts: 1 })
    expect(sim.count('GET', `/repos/${OWNER}/${REPO}/installation`)).toBe(1)
    expect(sim.count('GET', PULL)).toBe(0)
  })

  it('an App not installed on the repository: says so', async () => {
    const { c } = appClient()
    sim.respondOnce({ method: 'GET', path: `/repos/${OWNER}/${REPO}/installation` }, { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/apps/apps#get-a-repository-installation-for-the-authenticated-app', status: '404' } })
    await expect(headSha(c)).rejects.toThrow(
      `GitHub App '${sim.app.id}': looking up its installation on repository '${OWNER}/${REPO}': GitHub answered 404 'Not Found': the App is not installed there: install it on repository '${OWNER}/${REPO}', or set 'installation-id' (or 'owner' for another account)`
    )
  })

  it("'owner' looks the installation up on that account", async () => {
    const { c } = appClient({ auth: { kind: 'app', appId: String(sim.app.id), privateKey: sim.app.privateKey, owner: OWNER } })
    expect(await headSha(c)).toBe(HEAD_SHA)
    expect(sim.count('GET', `/users/${OWNER}/installation`)).toBe(1)
    expect(sim.count('GET', `/repos/${OWNER}/${REPO}/installation`)).toBe(0)
  })

  it("an 'owner' the App is not installed on: says so", async () => {
    const { c } = appClient({ auth: { kind: 'app', appId: String(sim.app.id), privateKey: sim.app.privateKey, owner: 'someone-else', repository: { owner: OWNER, repo: REPO } } })
    await expect(headSha(c)).rejects.toThrow(
      `GitHub App '${sim.app.id}': looking up its installation on account 'someone-else': GitHub answered 404 'Not Found': the App is not installed there`
    )
  })

  it('the token mint itself survives a transient fault', async () => {
    const { c, lines } = appClient()
    sim.fault({ method: 'POST', path: MINT }, { type: 'server-error', status: 502 })
    expect(await headSha(c)).toBe(HEAD_SHA)
    expect(sim.count('POST', MINT)).toBe(2)
    expect(lines.some((l) => /POST \/app\/installations\/\d+\/access_tokens: attempt 1 of 5 failed: HTTP 502/.test(l))).toBe(true)
  })
})

describe('expiringTokenCache', () => {
  it.each<[number, boolean]>([
    [10 * MIN, true],
    [5 * MIN + 1, true],
    [5 * MIN, false],
    [1 * MIN, false],
    [-1, false]
  ])('with %i ms of life left, keeps the token: %s', async (left, kept) => {
    const now = Date.parse('2026-11-27T06:00:00Z')
    const seen: string[] = []
    const cache = expiringTokenCache(() => now, 5 * MIN, (t) => seen.push(t))
    // auth-app's cache value: token|createdAt|expiresAt|repositorySelection|permissions|singleFileName
    await cache.set('888001', `ghs_x|2026-11-27T05:00:00.000Z|${new Date(now + left).toISOString()}|all|pull_requests,checks|`)
    expect(seen).toEqual(['ghs_x'])
    expect((await cache.get('888001')) !== undefined).toBe(kept)
  })
})

describe('secrets never reach the output unmasked', () => {
  it('with the real @actions/core: the token, the key and each minted token only in ::add-mask::', async () => {
    const written: string[] = []
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk))
      return true
    })
    try {
      // Static token, with retries logged through core.info.
      const sleep = async (ms: number) => sim.clock.advance(ms)
      const tokenClient = createGitHubClient({ auth: { kind: 'token', token: DEFAULT_TOKEN }, baseUrl: sim.url, retryBaseDelayMs: 5, writeSpacingMs: 0, now: () => sim.clock.now(), sleep })
      sim.fault({ method: 'GET', path: PULL }, { type: 'server-error', status: 502 })
      await tokenClient.octokit.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 1 })
      sim.fault({ method: 'GET', path: PULL }, 'bad-credentials')
      await tokenClient.octokit.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 1 }).catch(() => undefined)
      // App, with a refresh and a retry logged.
      const app = createGitHubClient({
        auth: { kind: 'app', appId: String(sim.app.id), privateKey: sim.app.privateKey, repository: { owner: OWNER, repo: REPO } },
        baseUrl: sim.url,
        retryBaseDelayMs: 5,
        writeSpacingMs: 0,
        now: () => sim.clock.now(),
        sleep
      })
      await app.octokit.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 1 })
      sim.clock.advance(58 * MIN)
      sim.fault({ method: 'GET', path: PULL }, 'reset')
      await app.octokit.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 1 })
    } finally {
      spy.mockRestore()
    }
    const output = written.join('')
    const minted = [...new Set(sim.requests({ method: 'GET', path: PULL }).map((r) => r.token ?? ''))].filter((t) => t !== DEFAULT_TOKEN)
    expect(minted).toHaveLength(2)
    expect(output).toMatch(/attempt 1 of 5 failed: HTTP 502/)
    expect(output).toMatch(/attempt 1 of 5 failed: network error/)
    const keyLines = sim.app.privateKey.split('\n').filter((l) => l.length >= 8 && !l.startsWith('-----'))
    for (const secret of [DEFAULT_TOKEN, ...minted, ...keyLines]) {
      // Booleans, not the values: a failing run must not print the secret either.
      expect(output.includes(`::add-mask::${secret}`)).toBe(true)
      const unmasked = output.split('\n').filter((line) => line.includes(secret) && !line.startsWith('::add-mask::'))
      expect(unmasked.length).toBe(0)
    }
  })
})
