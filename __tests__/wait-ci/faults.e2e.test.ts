/**
 * wait-ci end to end: its own check run, a moving head, rate limits, faults
 * at every call site, and what the polling costs.
 */
import { HEAD_SHA, shaOf, startSimulator, type Fault, type FaultName, type Sim } from '../sim/server.js'
import { BRANCH, CHECK_RUNS, JOBS, PULL, TRANSIENT_FAULT_CASES, afterPoll, failure, fastInputs, parsed, polls, protect, runWaitCi, waitPullReads, MANUAL } from './scenario.js'
import { conversationInRounds } from '../sim/request-log.js'
import { closeChecked } from '../sim/openapi-check.js'

let sim: Sim
afterEach(async () => {
  // Every answer of every scenario must match GitHub's published schema (drift check).
  await closeChecked(sim)
})

describe("the job's own check run, with a custom name that is itself required", () => {
  // The workflow job `gate:` has `name: Gate / wait`, and a ruleset requires "Gate / wait".
  async function setup(): Promise<{ ownId: number }> {
    sim = await startSimulator({ clock: MANUAL, setup: (s) => protect(s, ['Gate / wait', 'test']) })
    // A failed earlier attempt of this job must not decide either.
    sim.addCheckRun({ name: 'Gate / wait', conclusion: 'failure', started_at: '2026-11-27T04:00:00Z' })
    sim.addJob({ name: 'build', run_id: 1001, conclusion: 'success' })
    const own = sim.addJob({ name: 'Gate / wait', run_id: 1001, status: 'in_progress' })
    const test = sim.addCheckRun({ name: 'test', status: 'in_progress' })
    afterPoll(sim, 2, () => sim.updateCheckRun(test.id, { conclusion: 'success' }))
    return { ownId: own.check_run_id }
  }

  it('from the check-run-id input (job.check_run_id): not waited on, no jobs API call', async () => {
    const { ownId } = await setup()
    const run = await runWaitCi(sim, fastInputs({ 'check-run-id': String(ownId) }))
    expect(conversationInRounds(sim)).toMatchSnapshot()
    expect(run.outputs.conclusion).toBe('success')
    expect(parsed(run).required).toEqual([
      { name: 'Gate / wait', sources: ['protection'], state: 'self' },
      { name: 'test', sources: ['protection'], state: 'success' }
    ])
    expect(sim.count('GET', JOBS)).toBe(0)
  })

  it("from the current run's jobs API when the runner gives no id", async () => {
    const { ownId } = await setup()
    const run = await runWaitCi(sim, fastInputs(), { GITHUB_RUN_ID: '1001', GITHUB_RUN_ATTEMPT: '1', GITHUB_JOB: 'gate', RUNNER_NAME: 'GitHub Actions 1' })
    expect(conversationInRounds(sim)).toMatchSnapshot()
    expect(run.outputs.conclusion).toBe('success')
    expect(run.stdout).toContain(`this job's check run: ${ownId} ('Gate / wait'), from the jobs API of run 1001`)
    expect(sim.requests({ method: 'GET', path: JOBS }).map((e) => e.path)).toEqual([
      '/repos/octo-org/purple-demo/actions/runs/1001/attempts/1/jobs'
    ])
  })

  it('without either it cannot pass: it would wait on itself', async () => {
    await setup()
    const run = await runWaitCi(sim, fastInputs({ 'timeout-seconds': '120' }), { GITHUB_RUN_ID: '999' })
    expect(run.outputs.conclusion).toBe('timed_out')
    expect(run.commands.some((c) => c.command === 'warning' && c.message.includes("could not read the jobs of run 999"))).toBe(true)
    expect(parsed(run).pending.map((p) => p.name)).toEqual(['Gate / wait'])
  })
})

describe('the head', () => {
  it('moving mid-wait ends with head-moved and the sha that was being verified', async () => {
    sim = await startSimulator({ clock: MANUAL, setup: (s) => protect(s, ['test']) })
    sim.addCheckRun({ name: 'test', status: 'in_progress' })
    sim.after({ method: 'GET', path: PULL, count: 3 }, (state) => {
      state.pulls[0]!.head.sha = shaOf('head-pr-1-pushed-again')
    })
    const run = await runWaitCi(sim, fastInputs())
    expect(conversationInRounds(sim)).toMatchSnapshot()
    expect(run.exitCode).toBe(1)
    expect(run.outputs.conclusion).toBe('head-moved')
    expect(run.outputs.sha).toBe(HEAD_SHA)
    expect(failure(run)).toContain(`the head moved from ${HEAD_SHA} to ${shaOf('head-pr-1-pushed-again')}`)
    expect(sim.count('GET', PULL)).toBe(4)
  })

  it("an explicit 'sha' that is no longer the head is head-moved at once", async () => {
    sim = await startSimulator({ clock: MANUAL, setup: (s) => protect(s, ['test']) })
    sim.addCheckRun({ name: 'test', conclusion: 'success' })
    const stale = shaOf('an-older-head')
    const run = await runWaitCi(sim, fastInputs({ sha: stale }))
    expect(conversationInRounds(sim)).toMatchSnapshot()
    expect(run.outputs.conclusion).toBe('head-moved')
    expect(run.outputs.sha).toBe(stale)
    expect(sim.count('GET', CHECK_RUNS)).toBe(0)
  })
})

describe('rate limits', () => {
  it.each([
    ['the wait loop itself (max-retries 0)', '0'],
    ['the client (max-retries 2)', '2']
  ])('a secondary rate limit is not re-polled before retry-after: %s', async (_label, retries) => {
    sim = await startSimulator({ clock: MANUAL, setup: (s) => protect(s, ['test']) })
    const test = sim.addCheckRun({ name: 'test', status: 'in_progress' })
    sim.fault({ method: 'GET', path: CHECK_RUNS }, { type: 'secondary-rate-limit', status: 403, retryAfter: 60 })
    afterPoll(sim, 3, () => sim.updateCheckRun(test.id, { conclusion: 'success' }))
    const run = await runWaitCi(sim, fastInputs({ 'max-retries': retries }))
    expect(run.outputs.conclusion).toBe('success')
    const listings = sim.requests({ method: 'GET', path: CHECK_RUNS })
    expect(listings[0]!.status).toBe(403)
    // Neither the listing nor the next poll (which starts with the PR) went out before retry-after, on the simulator's clock.
    expect(listings[1]!.time - listings[0]!.time).toBeGreaterThanOrEqual(60_000)
    const nextPoll = sim.log.find((e) => e.seq > listings[0]!.seq && e.path === PULL)!
    expect(nextPoll.time - listings[0]!.time).toBeGreaterThanOrEqual(60_000)
  })

  it('403 without rate-limit signs on the branch endpoint: that source is unreadable, the others still gate', async () => {
    sim = await startSimulator({ clock: MANUAL, setup: (s) => protect(s, ['lint']) })
    sim.respond({ method: 'GET', path: BRANCH }, { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/branches/branches#get-a-branch', status: '403' } })
    sim.addCheckRun({ name: 'lint', conclusion: 'success' })
    sim.addCheckRun({ name: 'gate', conclusion: 'success' })
    const run = await runWaitCi(sim, fastInputs({ required: 'gate' }))
    expect(conversationInRounds(sim)).toMatchSnapshot()
    expect(run.outputs.conclusion).toBe('success')
    expect(parsed(run).required).toEqual([{ name: 'gate', sources: ['input'], state: 'success' }])
    expect(run.commands.find((c) => c.command === 'warning' && c.message.startsWith('branch'))?.message).toMatch(
      /^branch protection of 'main' could not be read: HTTP 403 'Resource not accessible by integration': permanent/
    )
    expect(run.summary).toContain('branch protection: could not be read')
  })
})

describe('a transient fault in every call site: retried, never read as "no checks", the wait goes on', () => {
  // One site and fault as the bundle; the other eleven rows run the entry's own work in-process (in-process.test.ts).
  const cases = TRANSIENT_FAULT_CASES.slice(0, 1)

  it.each(cases)('%s: %j', async (_site, path, fault) => {
    sim = await startSimulator({ clock: MANUAL, setup: (s) => protect(s, ['test']) })
    sim.addJob({ name: 'wait', run_id: 1001, status: 'in_progress' })
    sim.addCheckRun({ name: 'lint', conclusion: 'success' })
    const test = sim.addCheckRun({ name: 'test', status: 'in_progress' })
    sim.fault({ method: 'GET', path }, fault)
    afterPoll(sim, 2, () => sim.updateCheckRun(test.id, { conclusion: 'success' }))
    const run = await runWaitCi(sim, fastInputs(), { GITHUB_RUN_ID: '1001', RUNNER_NAME: 'GitHub Actions 1' })
    expect(conversationInRounds(sim)).toMatchSnapshot()
    expect(run.outputs.conclusion).toBe('success')
    const hits = sim.requests({ method: 'GET', path })
    expect(hits[0]!.fault).not.toBeNull()
    expect(hits.length).toBeGreaterThanOrEqual(2)
    // Every site, the jobs API included, was read again and served its purpose.
    expect(run.stdout).toContain("this job's check run: ")
    // A gate source that fails is read again next poll; any other read fails the poll, which is run again.
    expect(run.stdout).toMatch(/poll \d+ failed: .*; the wait goes on|gate not read yet \(.*\); trying again next poll|jobs of run 1001 not read \(.*\); trying again next poll/)
  })

  it.each([
    // The faults that take real time stay bundle runs here; the others run in-process (in-process.test.ts).
    ['a hung response (request timeout)', 'hang' as FaultName, { 'request-timeout-seconds': '0.5' }],
    ['an answer delayed past the interval', { type: 'delay', ms: 300 } as Fault, {}]
  ])('every other simulator fault on the listing: %s', async (_label, fault, inputs) => {
    sim = await startSimulator({ clock: MANUAL, setup: (s) => protect(s, ['test']) })
    const test = sim.addCheckRun({ name: 'test', status: 'in_progress' })
    sim.fault({ method: 'GET', path: CHECK_RUNS }, fault)
    afterPoll(sim, 2, () => sim.updateCheckRun(test.id, { conclusion: 'success' }))
    const run = await runWaitCi(sim, fastInputs({ ...inputs }))
    expect(conversationInRounds(sim)).toMatchSnapshot()
    expect(run.outputs.conclusion).toBe('success')
    expect(sim.requests({ method: 'GET', path: CHECK_RUNS })[0]!.fault).not.toBeNull()
  })

  it.each([
    // The 403 row: in-process.test.ts, the same entry path.
    ['401 Bad credentials', 'bad-credentials' as FaultName, /HTTP 401 'Bad credentials'.*token is invalid or expired/]
  ])('a permanent refusal ends the wait at once as a failure, with outputs: %s', async (_label, reply, message) => {
    sim = await startSimulator({ clock: MANUAL, setup: (s) => protect(s, ['test']) })
    sim.addCheckRun({ name: 'test', status: 'in_progress' })
    if (typeof reply === 'string') sim.fault({ method: 'GET', path: CHECK_RUNS }, reply)
    else sim.respond({ method: 'GET', path: CHECK_RUNS }, reply)
    const run = await runWaitCi(sim, fastInputs())
    expect(conversationInRounds(sim)).toMatchSnapshot()
    expect(run.exitCode).toBe(1)
    expect(run.outputs.conclusion).toBe('failure')
    expect(run.outputs.sha).toBe(HEAD_SHA)
    expect(failure(run)).toMatch(message)
    // It stopped within the first poll: the head was read once, at its start, and never confirmed.
    expect(waitPullReads(sim)).toBe(1)
  })

  it("a failing gate read never degrades to 'no gate': the missing required check still holds the wait", async () => {
    sim = await startSimulator({ clock: MANUAL, setup: (s) => protect(s, ['test']) })
    sim.addCheckRun({ name: 'lint', conclusion: 'success' })
    sim.fault({ method: 'GET', path: BRANCH }, 'reset', 1000)
    const run = await runWaitCi(sim, fastInputs({ 'timeout-seconds': '120' }))
    expect(run.outputs.conclusion).toBe('timed_out')
    expect(failure(run)).toContain('the gate could not be read (branch protection:')
    expect(parsed(run).required).toEqual([])
  })

  it('with client retries (max-retries 2) a cut body is retried inside one poll', async () => {
    sim = await startSimulator({ clock: MANUAL, setup: (s) => protect(s, ['test']) })
    sim.addCheckRun({ name: 'test', conclusion: 'success' })
    sim.fault({ method: 'GET', path: CHECK_RUNS }, { type: 'cut-body', bytes: 30 })
    const run = await runWaitCi(sim, fastInputs({ 'max-retries': '2' }))
    expect(run.outputs.conclusion).toBe('success')
    expect(sim.count('GET', CHECK_RUNS)).toBe(2)
    expect(run.stdout).toMatch(/check-runs.*attempt 1 of 3 failed/)
  })
})

describe('cost: conditional requests', () => {
  it('polls that see no change are 304s, which do not count; the output and summary say so', async () => {
    sim = await startSimulator({ clock: MANUAL, setup: (s) => protect(s, ['test']) })
    const test = sim.addCheckRun({ name: 'test', status: 'in_progress' })
    afterPoll(sim, 12, () => sim.updateCheckRun(test.id, { conclusion: 'success' }))
    const run = await runWaitCi(sim, fastInputs({ 'check-run-id': '1' }))
    expect(conversationInRounds(sim)).toMatchSnapshot()
    expect(run.outputs.conclusion).toBe('success')
    const { requests } = parsed(run)
    expect(requests.total).toBe(sim.log.length)
    expect(requests.counted).toBe(sim.countedRequests())
    expect(requests.not_modified).toBe(sim.log.filter((e) => e.status === 304).length)
    // First poll: PR, branch, rules, check runs, status (5 counted); the changing poll: the listing (+1). The rest are 304s.
    expect(requests.counted).toBe(6)
    expect(requests.not_modified).toBeGreaterThanOrEqual(11 * 3)
    expect(polls(sim)).toBe(13)
    expect(sim.requests({ method: 'GET', path: CHECK_RUNS }).slice(1).every((e) => e.ifNoneMatch !== null)).toBe(true)
    expect(run.summary).toContain(`API requests: 6 counted against the rate limit, ${requests.not_modified} answered 304 Not Modified (free)`)
  })

})
