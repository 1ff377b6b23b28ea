/**
 * The simulator's own tests: endpoints, permissions, ETags, pagination, merge rules and scripting,
 * spoken to with Node's fetch (undici), the transport Octokit uses.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import {
  ADMIN_TOKEN,
  DEFAULT_TOKEN,
  HEAD_SHA,
  OTHER_CI_APP,
  READONLY_TOKEN,
  startSimulator,
  type Sim,
  type SimOptions
} from './server.js'
import { closeChecked } from './openapi-check.js'

let sim: Sim | undefined

afterEach(async () => {
  // Every answer of every scenario must match GitHub's published schema (drift check).
  await closeChecked(sim)
  sim = undefined
})

async function start(opts: SimOptions = {}): Promise<Sim> {
  sim = await startSimulator(opts)
  return sim
}

interface Got {
  status: number
  headers: Headers
  json: unknown
  text: string
}

async function call(s: Sim, method: string, path: string, opts: { token?: string | null; body?: unknown; headers?: Record<string, string> } = {}): Promise<Got> {
  const token = opts.token === undefined ? DEFAULT_TOKEN : opts.token
  const res = await fetch(`${s.url}${path}`, {
    method,
    headers: {
      accept: 'application/vnd.github+json',
      ...(token ? { authorization: `token ${token}` } : {}),
      ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(opts.headers ?? {})
    },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body)
  })
  const text = await res.text()
  let json: unknown
  try {
    json = text ? JSON.parse(text) : undefined
  } catch {
    json = undefined
  }
  return { status: res.status, headers: res.headers, json, text }
}

const REPO = '/repos/octo-org/purple-demo'

describe('simulator basics', () => {
  it('listens on 127.0.0.1 only and serves the repository with rate-limit headers', async () => {
    const s = await start()
    expect(new URL(s.url).hostname).toBe('127.0.0.1')
    const r = await call(s, 'GET', REPO)
    expect(r.status).toBe(200)
    expect(r.json).toMatchObject({ full_name: 'octo-org/purple-demo', default_branch: 'main', allow_merge_commit: true })
    expect(r.headers.get('x-ratelimit-limit')).toBe('1000')
    expect(r.headers.get('x-ratelimit-remaining')).toBe('999')
    expect(r.headers.get('etag')).toMatch(/^W\/"[0-9a-f]+"$/)
    expect(s.log).toHaveLength(1)
    expect(s.log[0]).toMatchObject({ method: 'GET', path: REPO, status: 200, token: DEFAULT_TOKEN, counted: true })
  })

  it.each([
    ['no token', null, 401, 'Requires authentication'],
    ['unknown token', 'ghs_nope', 401, 'Bad credentials']
  ])('answers %s with %s', async (_label, token, status, message) => {
    const s = await start()
    const r = await call(s, 'GET', `${REPO}/pulls/1`, { token })
    expect(r.status).toBe(status)
    expect(r.json).toMatchObject({ message, documentation_url: expect.stringContaining('https://docs.github.com/') })
  })

  it('answers 304 without a body to a matching If-None-Match, and it does not count', async () => {
    const s = await start()
    const first = await call(s, 'GET', `${REPO}/commits/${HEAD_SHA}/check-runs`)
    const etag = first.headers.get('etag') ?? ''
    const second = await call(s, 'GET', `${REPO}/commits/${HEAD_SHA}/check-runs`, { headers: { 'if-none-match': etag } })
    expect(second.status).toBe(304)
    expect(second.text).toBe('')
    expect(second.headers.get('x-ratelimit-remaining')).toBe('999')
    s.addCheckRun({ name: 'test' })
    const third = await call(s, 'GET', `${REPO}/commits/${HEAD_SHA}/check-runs`, { headers: { 'if-none-match': etag } })
    expect(third.status).toBe(200)
    expect(third.headers.get('etag')).not.toBe(etag)
    expect(s.log.map((e) => [e.status, e.counted, e.ifNoneMatch])).toEqual([
      [200, true, null],
      [304, false, etag],
      [200, true, etag]
    ])
    expect(s.countedRequests()).toBe(2)
  })

  it('paginates check runs with per_page/page and a Link header', async () => {
    const s = await start()
    for (let i = 0; i < 5; i++) s.addCheckRun({ name: `c${i}`, conclusion: 'success' })
    const p1 = await call(s, 'GET', `${REPO}/commits/${HEAD_SHA}/check-runs?per_page=2`)
    expect(p1.json).toMatchObject({ total_count: 5 })
    expect((p1.json as { check_runs: unknown[] }).check_runs).toHaveLength(2)
    const link = p1.headers.get('link') ?? ''
    expect(link).toContain(`${s.url}${REPO}/commits/${HEAD_SHA}/check-runs?per_page=2&page=2>; rel="next"`)
    expect(link).toContain('page=3>; rel="last"')
    const p3 = await call(s, 'GET', `${REPO}/commits/${HEAD_SHA}/check-runs?per_page=2&page=3`)
    expect((p3.json as { check_runs: unknown[] }).check_runs).toHaveLength(1)
    expect(p3.headers.get('link')).toContain('rel="prev"')
    expect(p3.headers.get('link')).not.toContain('rel="next"')
  })

  it('keeps the newest run per suite and name by default (one default suite per app), every run with filter=all', async () => {
    const s = await start()
    const old = s.addCheckRun({ name: 'test', conclusion: 'failure', started_at: '2026-01-01T00:00:00Z' })
    const rerun = s.addCheckRun({ name: 'test', status: 'in_progress', started_at: '2026-01-01T00:05:00Z' })
    const other = s.addCheckRun({ name: 'test', conclusion: 'success', app_id: OTHER_CI_APP.id })
    const latest = await call(s, 'GET', `${REPO}/commits/${HEAD_SHA}/check-runs`)
    const ids = (latest.json as { check_runs: { id: number; app: { slug: string } }[] }).check_runs.map((c) => c.id)
    expect(ids.sort()).toEqual([rerun.id, other.id].sort())
    const all = await call(s, 'GET', `${REPO}/commits/${HEAD_SHA}/check-runs?filter=all`)
    expect((all.json as { total_count: number }).total_count).toBe(3)
    expect(ids).not.toContain(old.id)
  })

  it('filter=latest dedupes within a check suite only: a run of an earlier suite stays listed', async () => {
    const s = await start()
    const stale = s.addCheckRun({ name: 'title', conclusion: 'failure', check_suite_id: 11, started_at: '2026-01-01T00:00:00Z' })
    const fresh = s.addCheckRun({ name: 'title', conclusion: 'success', check_suite_id: 12, started_at: '2026-01-01T00:01:00Z' })
    const r = await call(s, 'GET', `${REPO}/commits/${HEAD_SHA}/check-runs?check_name=title`)
    const runs = (r.json as { check_runs: { id: number; check_suite: { id: number } }[] }).check_runs
    expect(runs.map((c) => [c.id, c.check_suite.id])).toEqual([
      [fresh.id, 12],
      [stale.id, 11]
    ])
  })

  it('resolves a branch name as ref and rejects an unknown sha with 422', async () => {
    const s = await start()
    s.addCheckRun({ name: 'build', conclusion: 'success' })
    const byBranch = await call(s, 'GET', `${REPO}/commits/feature/check-runs`)
    expect(byBranch.json).toMatchObject({ total_count: 1 })
    const unknown = await call(s, 'GET', `${REPO}/commits/${'0'.repeat(40)}/check-runs`)
    expect(unknown.status).toBe(422)
    expect(unknown.json).toMatchObject({ message: `No commit found for SHA: ${'0'.repeat(40)}` })
  })
})

describe('GHES-style base path', () => {
  it('serves under basePath and links pages under it', async () => {
    const s = await start({ basePath: '/api/v3' })
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v3$/)
    for (let i = 0; i < 3; i++) s.addStatus({ context: `ctx-${i}`, state: 'success' })
    const r = await call(s, 'GET', `${REPO}/commits/feature/statuses?per_page=2`)
    expect(r.status).toBe(200)
    expect(r.headers.get('link')).toContain(`<${s.url}${REPO}/commits/feature/statuses?per_page=2&page=2>; rel="next"`)
    expect(s.log[0]!.path).toBe(`${REPO}/commits/feature/statuses`)
  })
})

describe('the gate as each token sees it', () => {
  const protect = (opts: SimOptions['setup']) => start({ setup: opts })

  it('the default token reads protection through the branch endpoint, and gets 403 on the admin endpoints', async () => {
    const s = await protect((st) => {
      st.branches[0]!.protection = {
        required_status_checks: { strict: true, contexts: ['test', 'lint'], checks: [{ context: 'test', app_id: 15368 }, { context: 'lint', app_id: null }] },
        required_approving_review_count: null,
        enforce_admins: false
      }
    })
    const branch = await call(s, 'GET', `${REPO}/branches/main`)
    expect(branch.status).toBe(200)
    expect(branch.json).toMatchObject({
      protected: true,
      protection: {
        enabled: true,
        required_status_checks: { enforcement_level: 'non_admins', contexts: ['test', 'lint'], checks: [{ context: 'test', app_id: 15368 }, { context: 'lint', app_id: null }] }
      }
    })
    for (const path of [`${REPO}/branches/main/protection`, `${REPO}/branches/main/protection/required_status_checks`]) {
      const denied = await call(s, 'GET', path)
      expect(denied.status).toBe(403)
      expect(denied.json).toMatchObject({ message: 'Resource not accessible by integration' })
      const admin = await call(s, 'GET', path, { token: ADMIN_TOKEN })
      expect(admin.status).toBe(200)
    }
    const rsc = await call(s, 'GET', `${REPO}/branches/main/protection/required_status_checks`, { token: ADMIN_TOKEN })
    expect(rsc.json).toMatchObject({ strict: true, contexts: ['test', 'lint'] })
  })

  it('an unprotected branch reads as protected:false with an empty list; admin endpoint says not protected', async () => {
    const s = await start()
    const branch = await call(s, 'GET', `${REPO}/branches/feature`)
    expect(branch.json).toMatchObject({ protected: false, protection: { enabled: false, required_status_checks: { enforcement_level: 'off', contexts: [], checks: [] } } })
    const admin = await call(s, 'GET', `${REPO}/branches/feature/protection`, { token: ADMIN_TOKEN })
    expect(admin.status).toBe(404)
    expect(admin.json).toMatchObject({ message: 'Branch not protected' })
  })

  it('returns only active rulesets whose conditions include the branch', async () => {
    const s = await protect((st) => {
      const rsc = (context: string) => ({
        type: 'required_status_checks' as const,
        parameters: { required_status_checks: [{ context, integration_id: 15368 }], strict_required_status_checks_policy: false }
      })
      st.rulesets.push(
        { id: 1, name: 'active', enforcement: 'active', source_type: 'Repository', source: 'octo-org/purple-demo', include: ['~DEFAULT_BRANCH'], exclude: [], rules: [rsc('gate')] },
        { id: 2, name: 'eval', enforcement: 'evaluate', source_type: 'Repository', source: 'octo-org/purple-demo', include: ['~ALL'], exclude: [], rules: [rsc('shadow')] },
        { id: 3, name: 'org', enforcement: 'active', source_type: 'Organization', source: 'octo-org', include: ['refs/heads/release/*'], exclude: [], rules: [rsc('release')] }
      )
    })
    const rules = await call(s, 'GET', `${REPO}/rules/branches/main`)
    expect(rules.json).toEqual([
      {
        type: 'required_status_checks',
        parameters: { required_status_checks: [{ context: 'gate', integration_id: 15368 }], strict_required_status_checks_policy: false },
        ruleset_source_type: 'Repository',
        ruleset_source: 'octo-org/purple-demo',
        ruleset_id: 1
      }
    ])
    const feature = await call(s, 'GET', `${REPO}/rules/branches/feature`)
    expect(feature.json).toEqual([])
  })

  it('a read-only token cannot merge', async () => {
    const s = await start()
    const r = await call(s, 'PUT', `${REPO}/pulls/1/merge`, { token: READONLY_TOKEN, body: {} })
    expect(r.status).toBe(403)
    expect(r.headers.get('x-accepted-github-permissions')).toBe('contents=write')
    expect(s.state.pulls[0]!.merged).toBe(false)
  })
})
