/**
 * The simulator through the Octokit that @actions/github builds (the client Purple ships on), with no
 * plugins of ours: pagination over the Link header, conditional requests, and how Octokit surfaces each
 * fault. These pin the Octokit quirks the client relies on (or works around) against the simulator.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { getOctokit } from '@actions/github'
import { DEFAULT_TOKEN, HEAD_SHA, startSimulator, type Sim } from './server.js'
import { closeChecked } from './openapi-check.js'

let sim: Sim | undefined
afterEach(async () => {
  // Every answer of every scenario must match GitHub's published schema (drift check).
  await closeChecked(sim)
  sim = undefined
})

const repo = { owner: 'octo-org', repo: 'purple-demo' }

describe('Octokit against the simulator', () => {
  it('paginates check runs over the Link header', async () => {
    const s = (sim = await startSimulator())
    for (let i = 0; i < 150; i++) s.addCheckRun({ name: `check-${i}`, conclusion: 'success' })
    const octokit = getOctokit(DEFAULT_TOKEN, { baseUrl: s.url })
    const runs = await octokit.paginate(octokit.rest.checks.listForRef, { ...repo, ref: HEAD_SHA, per_page: 100 })
    expect(runs).toHaveLength(150)
    expect(new Set(runs.map((r) => r.name)).size).toBe(150)
    expect(s.requests({ path: /check-runs$/ }).map((e) => e.query.page ?? '1')).toEqual(['1', '2'])
  })

  it('a conditional request with a stored ETag throws RequestError 304 and is not counted', async () => {
    const s = (sim = await startSimulator())
    const octokit = getOctokit(DEFAULT_TOKEN, { baseUrl: s.url })
    const first = await octokit.rest.pulls.get({ ...repo, pull_number: 1 })
    const etag = first.headers.etag
    expect(etag).toBeDefined()
    await expect(octokit.rest.pulls.get({ ...repo, pull_number: 1, headers: { 'if-none-match': etag } })).rejects.toMatchObject({ status: 304 })
    expect(s.log.map((e) => [e.status, e.counted])).toEqual([
      [200, true],
      [304, false]
    ])
  })

  it('the default token is refused on the protection endpoint with 403 and GitHub\'s message', async () => {
    const s = (sim = await startSimulator())
    const octokit = getOctokit(DEFAULT_TOKEN, { baseUrl: s.url })
    await expect(octokit.rest.repos.getBranchProtection({ ...repo, branch: 'main' })).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('Resource not accessible by integration')
    })
  })

  it('a 200 whose body is cut resolves with data "" instead of throwing', async () => {
    const s = (sim = await startSimulator())
    s.fault({ path: /\/pulls\/1$/ }, { type: 'cut-body' })
    const octokit = getOctokit(DEFAULT_TOKEN, { baseUrl: s.url })
    const outcome = await octokit.rest.pulls.get({ ...repo, pull_number: 1 }).then(
      (r) => `data ${JSON.stringify(r.data)}`,
      (e: Error) => `error ${e.message}`
    )
    // No error, an empty string where the PR should be: why timed-fetch reads the whole body itself.
    expect(outcome).toBe('data ""')
  })

  it.each([
    ['html', 'string'],
    ['empty', 'string'],
    ['truncated-json', 'string']
  ] as const)('a malformed 200 (%s) resolves with data of type %s: only a shape check catches it', async (kind, type) => {
    const s = (sim = await startSimulator())
    s.fault({ path: /\/pulls\/1$/ }, { type: 'malformed', kind })
    const octokit = getOctokit(DEFAULT_TOKEN, { baseUrl: s.url })
    const outcome = await octokit.rest.pulls.get({ ...repo, pull_number: 1 }).then(
      (r) => typeof r.data,
      (e: Error) => `error ${e.message}`
    )
    expect(outcome).toBe(type)
  })

  it.each([
    ['cloudflare 524', { type: 'cloudflare' as const }, 524],
    ['secondary rate limit', { type: 'secondary-rate-limit' as const, retryAfter: 1 }, 403],
    ['bad credentials', { type: 'bad-credentials' as const }, 401]
  ])('%s surfaces as a RequestError with its status', async (_l, fault, status) => {
    const s = (sim = await startSimulator())
    s.fault({ path: /\/pulls\/1$/ }, fault)
    const octokit = getOctokit(DEFAULT_TOKEN, { baseUrl: s.url })
    await expect(octokit.rest.pulls.get({ ...repo, pull_number: 1 })).rejects.toMatchObject({ status })
  })

  it('a reset surfaces as a network error (status 500 in Octokit)', async () => {
    const s = (sim = await startSimulator())
    s.fault({ path: /\/pulls\/1$/ }, 'reset')
    const octokit = getOctokit(DEFAULT_TOKEN, { baseUrl: s.url })
    const e = (await octokit.rest.pulls.get({ ...repo, pull_number: 1 }).catch((x: unknown) => x)) as { status?: number; message?: string }
    expect(e.status).toBe(500)
    expect(e.message).toMatch(/fetch failed|ECONNRESET/)
  })
})
