import { withRetry, GitHubCallError, type RetryPolicy } from '../../src/github/retry.js'
import { MalformedResponseError, expectPullRequest, expectCheckRunsPage, expectCombinedStatus, expectList } from '../../src/github/responses.js'

function policy(overrides: Partial<RetryPolicy> = {}): RetryPolicy & { slept: number[]; lines: string[]; kinds: string[] } {
  const slept: number[] = []
  const lines: string[] = []
  const kinds: string[] = []
  return {
    retries: 3,
    backoff: { baseMs: 100, maxMs: 1000, factor: 2, jitter: 0 },
    maxRateLimitWaitMs: 60_000,
    sleep: async (ms) => {
      slept.push(ms)
    },
    log: (line) => lines.push(line),
    onRetry: (kind) => kinds.push(kind),
    now: () => 0,
    slept,
    lines,
    kinds,
    ...overrides
  }
}

const PULL = {
  number: 1,
  state: 'open',
  mergeable: null,
  merge_commit_sha: null,
  head: { sha: 'a'.repeat(40), ref: 'feature' },
  base: { sha: 'b'.repeat(40), ref: 'main' }
}

function httpError(status: number, body: unknown, headers: Record<string, string> = {}): Error {
  return Object.assign(new Error(typeof body === 'object' && body && 'message' in body ? String(body.message) : 'x'), {
    name: 'HttpError',
    status,
    request: { method: 'GET', url: 'http://127.0.0.1/x', headers: {} },
    response: { status, url: 'http://127.0.0.1/x', headers: { 'content-type': 'application/json', ...headers }, data: body }
  })
}

describe('withRetry', () => {
  it('retries a cut body ("data: \\"\\"") until the shape is right', async () => {
    const p = policy()
    const answers: unknown[] = ['', '<html><title>502</title></html>', PULL]
    const result = await withRetry('GET pull #1', async () => expectPullRequest('GET pull #1', answers.shift()), p)
    expect(result.head.sha).toBe('a'.repeat(40))
    expect(p.slept).toEqual([100, 200])
    expect(p.kinds).toEqual(['transient', 'transient'])
    expect(p.lines[0]).toBe(
      "GET pull #1: attempt 1 of 4 failed: malformed response: GET pull #1: expected a JSON object, got an empty body (a response cut mid-stream?): transient (a cut or altered body; asking again); retrying in 100 ms"
    )
  })

  it('fails fast on a permanent error with a clear message, keeping the status', async () => {
    const p = policy()
    let calls = 0
    const failure = withRetry(
      'GET pull #1',
      async () => {
        calls++
        throw httpError(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' })
      },
      p
    )
    await expect(failure).rejects.toBeInstanceOf(GitHubCallError)
    await expect(failure).rejects.toMatchObject({ status: 401, attempts: 1, verdict: { kind: 'permanent' } })
    await expect(failure).rejects.toThrow(/^GET pull #1 failed: HTTP 401 'Bad credentials': permanent \(the token is invalid or expired/)
    expect(calls).toBe(1)
    expect(p.slept).toEqual([])
  })

  it('gives up after the retries, saying how many attempts', async () => {
    const p = policy({ retries: 2 })
    const failure = withRetry('GET checks', async () => Promise.reject(new TypeError('fetch failed', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) })), p)
    await expect(failure).rejects.toThrow("GET checks failed after 3 attempts: network error 'fetch failed: other side closed' (UND_ERR_SOCKET): transient")
    expect(p.slept).toEqual([100, 200])
  })

  it('waits at least retry-after on a secondary rate limit', async () => {
    const p = policy()
    const answers: Array<() => unknown> = [
      () => {
        throw httpError(403, { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' }, { 'retry-after': '7' })
      },
      () => PULL
    ]
    await withRetry('GET pull', async () => answers.shift()!(), p)
    expect(p.slept).toEqual([7000])
    expect(p.kinds).toEqual(['rate-limited'])
  })

  it('does not wait for a rate limit longer than the cap', async () => {
    const p = policy({ maxRateLimitWaitMs: 5000 })
    const failure = withRetry('GET pull', async () => Promise.reject(httpError(429, { message: 'Too Many Requests' }, { 'retry-after': '600' })), p)
    await expect(failure).rejects.toThrow(/^GET pull failed \(rate-limit wait too long\): HTTP 429 'Too Many Requests': rate-limited/)
    expect(p.slept).toEqual([])
  })
})

describe('response shapes', () => {
  it.each<[string, () => unknown, string]>([
    ['pull without head.sha', () => expectPullRequest('GET pull', { ...PULL, head: { ref: 'f' } }), "malformed response: GET pull: 'head.sha' should be string, got undefined"],
    ['pull as GraphQL undefined', () => expectPullRequest('GET pull', undefined), 'malformed response: GET pull: expected a JSON object, got no body'],
    ['check runs page cut', () => expectCheckRunsPage('GET check-runs', ''), 'malformed response: GET check-runs: expected a JSON object, got an empty body (a response cut mid-stream?)'],
    ['check runs not an array', () => expectCheckRunsPage('GET check-runs', { total_count: 1, check_runs: {} }), "malformed response: GET check-runs: 'check_runs' should be array, got object"],
    [
      'check run without a name',
      () => expectCheckRunsPage('GET check-runs', { total_count: 1, check_runs: [{ id: 1, status: 'queued', conclusion: null, started_at: null, app: null }] }),
      "malformed response: GET check-runs [0]: 'name' should be string, got undefined"
    ],
    ['status without statuses', () => expectCombinedStatus('GET status', { state: 'pending', sha: 'x', total_count: 0 }), "malformed response: GET status: 'statuses' should be array, got undefined"],
    ['list from HTML', () => expectList('GET rules', '<!DOCTYPE html><html>', '', { type: 'string' }), "malformed response: GET rules: 'body' should be an array, got an HTML page (a proxy answered?)"]
  ])('%s', (_label, check, message) => {
    expect(check).toThrow(MalformedResponseError)
    expect(check).toThrow(message)
  })

  it('passes good shapes through, typed', () => {
    expect(expectPullRequest('GET pull', PULL).base.ref).toBe('main')
    const page = expectCheckRunsPage('GET check-runs', {
      total_count: 1,
      check_runs: [{ id: 1, name: 'test', status: 'completed', conclusion: 'success', started_at: '2026-11-27T06:00:00Z', completed_at: null, app: { id: 15368 } }]
    })
    expect(page.check_runs[0]!.name).toBe('test')
  })
})
