/**
 * Each injected fault, seen through Node's fetch (undici, Octokit's transport): the error a client
 * really gets, and that state changes only for the `apply-then-*` / `cut-body` faults. Also App tokens:
 * a JWT minted by @octokit/auth-app buys an installation token that expires on the simulated clock.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { generateKeyPairSync } from 'node:crypto'
import { createAppAuth } from '@octokit/auth-app'
import { request } from '@octokit/request'
import { DEFAULT_TOKEN, HEAD_SHA, startSimulator, type Fault, type Sim } from './server.js'
import { closeChecked } from './openapi-check.js'

let sim: Sim | undefined
afterEach(async () => {
  // Every answer of every scenario must match GitHub's published schema (drift check).
  await closeChecked(sim)
  sim = undefined
})

const PULL = '/repos/octo-org/purple-demo/pulls/1'

function get(s: Sim, path = PULL, signal?: AbortSignal): Promise<Response> {
  return fetch(`${s.url}${path}`, { headers: { authorization: `token ${DEFAULT_TOKEN}` }, signal })
}

/** The error chain a failed fetch produces, flattened to `message | cause.code | cause.message`. */
async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p
  } catch (e) {
    const err = e as Error & { cause?: { code?: string; message?: string } }
    return [err.message, err.cause?.code, err.cause?.message].filter(Boolean).join(' | ')
  }
  return 'no error'
}

describe('socket-level faults', () => {
  it('reset: the client sees ECONNRESET, nothing is answered', async () => {
    const s = (sim = await startSimulator())
    s.fault({ path: PULL }, 'reset')
    expect(await failure(get(s))).toMatch(/fetch failed \| ECONNRESET/)
    expect(s.log[0]).toMatchObject({ fault: 'reset', status: null })
    expect((await get(s)).status).toBe(200)
  })

  it('close: the client sees the other side closed', async () => {
    const s = (sim = await startSimulator())
    s.fault({ path: PULL }, 'close')
    expect(await failure(get(s))).toMatch(/fetch failed \| UND_ERR_SOCKET \| other side closed/)
  })

  it('cut-body: headers and half the body arrive, then `terminated`', async () => {
    const s = (sim = await startSimulator())
    s.fault({ path: PULL }, { type: 'cut-body' })
    const res = await get(s)
    expect(res.status).toBe(200)
    expect(await failure(res.text())).toMatch(/terminated \| UND_ERR_SOCKET \| other side closed/)
  })

  it('hang: never answers; the client times out and close() still returns promptly', async () => {
    const s = (sim = await startSimulator())
    s.fault({ path: PULL }, 'hang')
    const t0 = Date.now()
    expect(await failure(get(s, PULL, AbortSignal.timeout(200)))).toMatch(/TimeoutError|aborted due to timeout/)
    expect(Date.now() - t0).toBeLessThan(2000)
    s.fault({ path: PULL }, 'hang', 2)
    const hung = [get(s).catch(() => 'closed'), get(s).catch(() => 'closed')]
    await new Promise((r) => setTimeout(r, 50))
    const c0 = Date.now()
    await s.close()
    sim = undefined
    expect(Date.now() - c0).toBeLessThan(1000)
    expect(await Promise.all(hung)).toEqual(['closed', 'closed'])
  })

  it('delay: answers after the given real time', async () => {
    const s = (sim = await startSimulator())
    s.fault({ path: PULL }, { type: 'delay', ms: 150 })
    const t0 = Date.now()
    expect((await get(s)).status).toBe(200)
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140)
  })

  it('close-keep-alive: the answer arrives whole, then the server closes the pooled socket', async () => {
    const s = (sim = await startSimulator())
    s.fault({ path: PULL }, 'close-keep-alive')
    const res = await get(s)
    expect(res.headers.get('connection')).toBe('keep-alive')
    expect(await res.json()).toMatchObject({ number: 1 })
    // The next request either reconnects or fails with a socket error; it must never hang.
    let timer: NodeJS.Timeout | undefined
    const next = await Promise.race([
      get(s).then((r) => `status ${r.status}`, (e: Error) => `error ${e.message}`),
      new Promise((r) => (timer = setTimeout(() => r('hung'), 2000)))
    ])
    clearTimeout(timer)
    expect(next).not.toBe('hung')
  })

  it('stall-body: headers and part of the body, then silence until the client gives up; close() ends it', async () => {
    const s = (sim = await startSimulator())
    s.fault({ path: PULL }, { type: 'stall-body', bytes: 10 }, 2)
    const res = await get(s, PULL, AbortSignal.timeout(300))
    expect(res.status).toBe(200)
    expect(await failure(res.text())).toMatch(/TimeoutError|aborted due to timeout/)
    const pending = get(s).then((r) => r.text()).catch(() => 'closed')
    await new Promise((r) => setTimeout(r, 50))
    await s.close()
    sim = undefined
    expect(await pending).toBe('closed')
  })

  it.each<[string, Fault, RegExp, string]>([
    ['html', { type: 'malformed', kind: 'html' }, /^text\/html/, '<!DOCTYPE html>'],
    ['empty', { type: 'malformed', kind: 'empty' }, /^application\/json/, ''],
    ['truncated-json', { type: 'malformed', kind: 'truncated-json' }, /^application\/json/, '{"url":"']
  ])('malformed %s: a whole 200 whose body is not the JSON expected', async (_kind, fault, contentType, start) => {
    const s = (sim = await startSimulator())
    s.fault({ path: PULL }, fault)
    const res = await get(s)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(contentType)
    const text = await res.text()
    expect(text.startsWith(start)).toBe(true)
    expect(() => JSON.parse(text)).toThrow()
  })

  it('a secondary rate limit without retry-after carries only the message', async () => {
    const s = (sim = await startSimulator())
    s.fault({ path: PULL }, { type: 'secondary-rate-limit', retryAfter: null })
    const res = await get(s)
    expect(res.status).toBe(403)
    expect(res.headers.get('retry-after')).toBeNull()
    expect(await res.json()).toMatchObject({ message: expect.stringContaining('secondary rate limit') })
  })

  it.each<[string, Fault, number, Record<string, string>, RegExp]>([
    ['Cloudflare 524', { type: 'cloudflare' }, 524, { server: 'cloudflare', 'content-type': 'text/html; charset=UTF-8' }, /<title>127\.0\.0\.1 \| 524: A timeout occurred<\/title>/],
    ['Cloudflare 520', { type: 'cloudflare', status: 520 }, 520, { server: 'cloudflare' }, /Web server is returning an unknown error/],
    ['secondary rate limit 403', { type: 'secondary-rate-limit', retryAfter: 7 }, 403, { 'retry-after': '7' }, /"message":"You have exceeded a secondary rate limit/],
    ['secondary rate limit 429', { type: 'secondary-rate-limit', status: 429, retryAfter: 3 }, 429, { 'retry-after': '3' }, /secondary rate limit/],
    ['primary rate limit', { type: 'rate-limit' }, 403, { 'x-ratelimit-remaining': '0' }, /API rate limit exceeded for installation ID/],
    ['bad credentials', { type: 'bad-credentials' }, 401, {}, /"message":"Bad credentials"/],
    ['502 HTML', { type: 'server-error' }, 502, { 'content-type': 'text/html; charset=utf-8' }, /Bad Gateway/],
    ['500 JSON', { type: 'server-error', status: 500 }, 500, {}, /"message":"Server Error"/]
  ])('%s', async (_label, fault, status, headers, body) => {
    const s = (sim = await startSimulator())
    s.fault({ method: 'GET', path: /\/pulls\/\d+$/ }, fault, 2)
    for (let i = 0; i < 2; i++) {
      const res = await get(s)
      expect(res.status).toBe(status)
      for (const [k, v] of Object.entries(headers)) expect(res.headers.get(k)).toBe(v)
      expect(await res.text()).toMatch(body)
    }
    expect((await get(s)).status).toBe(200)
    expect(s.log.map((e) => e.fault)).toEqual([fault.type, fault.type, null])
  })

  it.each<[Fault['type']]>([['apply-then-reset'], ['apply-then-close'], ['cut-body']])(
    '%s on the merge: the merge happens, the answer is lost',
    async (type) => {
      const s = (sim = await startSimulator())
      s.fault({ method: 'PUT', path: /\/merge$/ }, { type } as Fault)
      const p = fetch(`${s.url}${PULL}/merge`, {
        method: 'PUT',
        headers: { authorization: `token ${DEFAULT_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ sha: HEAD_SHA })
      }).then((r) => r.text())
      expect(await failure(p)).toMatch(/fetch failed|terminated/)
      expect(s.state.pulls[0]).toMatchObject({ merged: true, state: 'closed' })
      const retry = await fetch(`${s.url}${PULL}/merge`, {
        method: 'PUT',
        headers: { authorization: `token ${DEFAULT_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ sha: HEAD_SHA })
      })
      expect(retry.status).toBe(405)
      expect(s.count('PUT', /\/merge$/)).toBe(2)
    }
  )
})

describe('rate-limit deadlines', () => {
  it('a request before retry-after is flagged early; with enforce it is refused again without using up `times`', async () => {
    const s = (sim = await startSimulator())
    s.fault({ path: PULL }, { type: 'secondary-rate-limit', retryAfter: 30, enforce: true })
    expect((await get(s)).status).toBe(403)
    const again = await get(s)
    expect(again.status).toBe(403)
    expect(again.headers.get('retry-after')).toBe('30')
    expect(s.earlyRequests().map((e) => e.seq)).toEqual([2])
    const other = await fetch(`${s.url}${PULL}`, { headers: { authorization: 'token ghs_simReadOnlyToken00000000000000000003' } })
    expect(other.status).toBe(200)
  })

  it('on a manual clock, retry-after is measured on the simulated clock (clients under test sleep on it)', async () => {
    const s = (sim = await startSimulator({ clock: { mode: 'manual', start: 0 } }))
    s.fault({ path: PULL }, { type: 'secondary-rate-limit', retryAfter: 30 })
    expect((await get(s)).status).toBe(403)
    await get(s)
    s.clock.advance(29_999)
    await get(s)
    s.clock.advance(1)
    await get(s)
    expect(s.log.map((e) => e.early)).toEqual([false, true, true, false])
  })

  it('a 200 reading x-ratelimit-remaining 0 opens the window until x-ratelimit-reset too', async () => {
    const s = (sim = await startSimulator({ clock: { mode: 'manual', start: 0 } }))
    s.addToken('ghs_twoPerHour', { pull_requests: 'read' }, { limit: 2 })
    const call = () => fetch(`${s.url}${PULL}`, { headers: { authorization: 'token ghs_twoPerHour' } })
    await call()
    const second = await call()
    expect([second.status, second.headers.get('x-ratelimit-remaining')]).toEqual([200, '0'])
    await call()
    s.clock.advance(3600_000)
    await call()
    expect(s.log.map((e) => [e.status, e.early])).toEqual([
      [200, false],
      [200, false],
      [403, true],
      [200, false]
    ])
  })

  it('secondaryLimit: a burst over N counted requests per window gets the secondary limit', async () => {
    const s = (sim = await startSimulator({ clock: { mode: 'manual', start: 0 }, secondaryLimit: { requests: 3, windowMs: 60_000, retryAfter: 5 } }))
    const statuses: number[] = []
    for (let i = 0; i < 4; i++) statuses.push((await get(s)).status)
    s.clock.advance(61_000)
    statuses.push((await get(s)).status)
    expect(statuses).toEqual([200, 200, 200, 403, 200])
    expect(s.log[3]).toMatchObject({ fault: 'secondary-rate-limit', counted: false, responseHeaders: expect.objectContaining({ 'retry-after': '5' }) })
  })

  it('a primary limit holds until x-ratelimit-reset on the simulated clock', async () => {
    const s = (sim = await startSimulator({ clock: { mode: 'manual', start: 1_800_000_000_000 } }))
    s.fault({ path: PULL }, { type: 'rate-limit', resetInSeconds: 60 })
    const first = await get(s)
    expect(first.headers.get('x-ratelimit-reset')).toBe(String(1_800_000_000 + 60))
    expect((await get(s)).status).toBe(200)
    s.clock.advance(60_000)
    expect((await get(s)).status).toBe(200)
    expect(s.log.map((e) => [e.status, e.early])).toEqual([
      [403, false],
      [200, true],
      [200, false]
    ])
  })
})

describe('tokens', () => {
  it('an App JWT from @octokit/auth-app mints an installation token that expires on the simulated clock', async () => {
    const s = (sim = await startSimulator({ clock: { mode: 'real' } }))
    const auth = createAppAuth({
      appId: s.app.id,
      privateKey: s.app.privateKey,
      installationId: s.app.installationId,
      request: request.defaults({ baseUrl: s.url })
    })
    const { token, expiresAt } = (await auth({ type: 'installation' })) as { token: string; expiresAt: string }
    expect(token).toMatch(/^ghs_sim[0-9a-f]{36}$/)
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(3500_000)
    const ok = await fetch(`${s.url}${PULL}`, { headers: { authorization: `token ${token}` } })
    expect(ok.status).toBe(200)
    expect(ok.headers.get('x-ratelimit-limit')).toBe('5000')
    s.clock.advance(3600_000)
    const expired = await fetch(`${s.url}${PULL}`, { headers: { authorization: `token ${token}` } })
    expect(expired.status).toBe(401)
    expect(await expired.json()).toMatchObject({ message: 'Bad credentials' })
    expect(s.requests({ method: 'POST' }).map((e) => e.path)).toEqual([`/app/installations/${s.app.installationId}/access_tokens`])
  })

  it('the client id works as JWT issuer too', async () => {
    const s = (sim = await startSimulator())
    expect(s.app.clientId).toMatch(/^Iv1\.[0-9a-f]{16}$/)
    const auth = createAppAuth({ appId: s.app.clientId, privateKey: s.app.privateKey, installationId: s.app.installationId, request: request.defaults({ baseUrl: s.url }) })
    await expect(auth({ type: 'installation' })).resolves.toMatchObject({ token: expect.stringMatching(/^ghs_sim/) })
  })

  it('a JWT signed with another key is refused with 401', async () => {
    const s = (sim = await startSimulator())
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    const auth = createAppAuth({ appId: s.app.id, privateKey: other, installationId: s.app.installationId, request: request.defaults({ baseUrl: s.url }) })
    await expect(auth({ type: 'installation' })).rejects.toMatchObject({ status: 401, message: expect.stringContaining('A JSON web token could not be decoded') })
  })

  it('a token added with expiresInMs expires; the primary limit answers 403 once used up', async () => {
    const s = (sim = await startSimulator({ clock: { mode: 'manual', start: 0 } }))
    s.addToken('ghs_short', { pull_requests: 'read' }, { expiresInMs: 1000, limit: 2 })
    const call = () => fetch(`${s.url}${PULL}`, { headers: { authorization: 'token ghs_short' } })
    expect((await call()).status).toBe(200)
    const second = await call()
    expect(second.headers.get('x-ratelimit-remaining')).toBe('0')
    const third = await call()
    expect(third.status).toBe(403)
    expect(await third.json()).toMatchObject({ message: expect.stringContaining('API rate limit exceeded') })
    s.clock.advance(1000)
    expect((await call()).status).toBe(401)
  })
})
