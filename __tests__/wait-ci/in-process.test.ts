/**
 * waitCi() called in-process, as the root pipeline action composes it, with
 * production intervals on a fake clock (sleep advances it): the gate is
 * re-read during a long wait, and the schedule is what the defaults say.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createGitHubClient } from '../../src/github/client.js'
import { waitCi, type WaitCiDeps, type WaitCiResult } from '../../src/actions/wait-ci/wait-ci.js'
import { specInputSource } from '../../src/core/inputs.js'
import { parseWaitCiOptions, readWaitCiSettings, type WaitCiSettings } from '../../src/actions/wait-ci/settings.js'
import { waitCiOwnInputs } from '../../src/actions/wait-ci/io.js'
import { DEFAULT_TOKEN, GITHUB_ACTIONS_APP, HEAD_SHA, OTHER_CI_APP, OWNER, REPO, startSimulator, type Fault, type FaultName, type Sim } from '../sim/server.js'
import { BRANCH, CHECK_RUNS, RULES, TRANSIENT_FAULT_CASES, afterPoll, fastInputs, parsed, polls, protect, ruleset, waitPullReads } from './scenario.js'
import { conversationInRounds } from '../sim/request-log.js'
import { inputEnvName } from '../harness/run-bundle.js'
import { closeChecked, openApiProblems } from '../sim/openapi-check.js'
import type { CheckConclusion } from '../sim/state.js'
import { waitCiOutputValues } from '../../src/actions/wait-ci/outputs.js'

let sim: Sim
afterEach(async () => {
  // Every answer of every scenario must match GitHub's published schema (drift check).
  await closeChecked(sim)
})

function settingsFor(over: Partial<Record<keyof typeof waitCiOwnInputs, string>> = {}): WaitCiSettings {
  const options = parseWaitCiOptions(specInputSource(waitCiOwnInputs, (name) => over[name as keyof typeof waitCiOwnInputs] ?? ''))
  return {
    client: { auth: { kind: 'token', token: DEFAULT_TOKEN }, baseUrl: sim.url, retries: 0 },
    options,
    repository: { owner: OWNER, repo: REPO },
    target: { kind: 'pull-request', number: 1 },
    run: { attempt: 1 }
  }
}

function depsFor(): { deps: WaitCiDeps; lines: string[]; sleeps: number[]; clock: { t: number } } {
  const lines: string[] = []
  const sleeps: number[] = []
  const clock = { t: 1_800_000_000_000 }
  const log = { info: (m: string) => lines.push(m), warning: (m: string) => lines.push(`warning: ${m}`) }
  const deps: WaitCiDeps = {
    client: createGitHubClient({ auth: { kind: 'token', token: DEFAULT_TOKEN }, baseUrl: sim.url, retries: 0, log: log.info, setSecret: () => undefined }),
    now: () => clock.t,
    sleep: async (ms) => {
      sleeps.push(ms)
      clock.t += ms
    },
    log
  }
  return { deps, lines, sleeps, clock }
}

describe('waitCi in-process, production schedule on a fake clock', () => {
  it('re-reads the gate every 5 minutes and waits for a check a ruleset started to require mid-wait', async () => {
    sim = await startSimulator({ setup: (s) => protect(s, ['lint']) })
    const lint = sim.addCheckRun({ name: 'lint', status: 'in_progress' })
    // Two minutes in (two polls per 20 s interval), an org admin adds a ruleset requiring `e2e`; lint goes green twenty minutes in.
    afterPoll(sim, 12, (state) => ruleset(state, [{ context: 'e2e' }]))
    afterPoll(sim, 120, () => sim.updateCheckRun(lint.id, { conclusion: 'success' }))
    afterPoll(sim, 140, () => sim.addCheckRun({ name: 'e2e', conclusion: 'success' }))
    const { deps, lines, sleeps } = depsFor()
    const result = await waitCi(settingsFor({ 'check-run-id': '1', 'interval-seconds': '20' }), deps)
    expect(result.conclusion).toBe('success')
    expect(result.checks.map((c) => [c.name, c.sources, c.state])).toEqual([
      ['lint', ['protection'], 'success'],
      ['e2e', ['ruleset'], 'success']
    ])
    expect(lines).toContain('required: lint, e2e')
    expect(lines.filter((l) => l.startsWith('still waiting after ')).length).toBeGreaterThanOrEqual(2)
    expect(lines).toContainEqual(expect.stringMatching(/^still waiting after \d+m \d+s \(poll \d+, \d+ counted requests, \d+ not modified\): waiting on 2 of 2: lint \(in_progress\), e2e \(not registered yet\)$/))
    // A poll every 10 s, two per 20 s interval: unchanged answers are free 304s, so the gap never backs off.
    expect(new Set(sleeps)).toEqual(new Set([10_000]))
    // The gate was read at the start and about every 5 minutes of the ~24-minute wait, not every poll.
    expect(sim.count('GET', BRANCH)).toBeGreaterThanOrEqual(4)
    expect(sim.count('GET', BRANCH)).toBeLessThanOrEqual(6)
    expect(sim.count('GET', RULES)).toBe(sim.count('GET', BRANCH))
    expect(result.polls).toBe(141)
  })

  it('a gate read that fails on a later re-read keeps the last good reading: the set never shrinks on an error', async () => {
    sim = await startSimulator({ setup: (s) => protect(s, ['test', 'lint']) })
    sim.addCheckRun({ name: 'lint', conclusion: 'success' })
    // From the second read on, the branch endpoint answers 404 (a glitch, or the token lost access).
    sim.after({ method: 'GET', path: BRANCH, count: 1 }, () => {
      sim.respond({ method: 'GET', path: BRANCH }, { status: 404, body: { message: 'Branch not found', documentation_url: 'https://docs.github.com/rest/branches/branches#get-a-branch', status: '404' } })
    })
    const { deps, lines } = depsFor()
    const result = await waitCi(settingsFor({ 'check-run-id': '1', 'timeout-seconds': '900' }), deps)
    expect(result.conclusion).toBe('timed_out')
    expect(result.message).toContain('missing required check: test')
    expect(sim.count('GET', BRANCH)).toBeGreaterThanOrEqual(3)
    expect(lines.some((l) => /^warning: re-reading branch protection failed \(HTTP 404 'Branch not found'/.test(l))).toBe(true)
  })

  it('times out at the deadline with a last poll there, naming what was missing', async () => {
    sim = await startSimulator({ setup: (s) => protect(s, ['gate']) })
    const { deps, clock } = depsFor()
    const start = clock.t
    const result = await waitCi(settingsFor({ 'check-run-id': '1', 'timeout-seconds': '300' }), deps)
    expect(result.conclusion).toBe('timed_out')
    expect(result.message).toBe('timed out: no verdict after 5m 0s; missing required check: gate')
    expect(clock.t - start).toBe(300_000)
    expect(result.pullRequest).toBe(1)
  })

  it('counts requests: steady-state polls cost nothing against the limit', async () => {
    sim = await startSimulator({ setup: (s) => protect(s, ['test']) })
    const test = sim.addCheckRun({ name: 'test', status: 'in_progress' })
    afterPoll(sim, 121, () => sim.updateCheckRun(test.id, { conclusion: 'success' }))
    const { deps, clock } = depsFor()
    const start = clock.t
    const result = await waitCi(settingsFor({ 'check-run-id': '1' }), deps)
    const minutes = (clock.t - start) / 60_000
    expect(result.conclusion).toBe('success')
    // 5 counted at the start (PR, branch, rules, check runs, status), 1 when `test` finished; ~10 minutes of 304s
    // between, two polls per 10 s interval.
    expect(result.requests.counted).toBe(6)
    expect(result.requests.counted / minutes).toBeLessThan(1)
    expect(result.requests.notModified).toBe(result.requests.total - 6)
    // Politeness toward GitHub's secondary limit (900 points a minute for REST reads): under 40 requests a minute, 304s included.
    expect(result.requests.total / minutes).toBeLessThan(40)
  })
})

/*
 * Rows moved from faults.e2e.test.ts that differ only in which call site GitHub fails and how: the bundle keeps
 * one such row (outputs, log, exit code); here each runs the settings reader, client and waitCi() the bundle's
 * entry runs, with its inputs and runner environment, on the simulator's manual clock (every wait advances it, as
 * the bundle's virtual clock does), so the conversation with GitHub is the one the bundle had.
 */
const PR_EVENT = { action: 'synchronize', number: 1, pull_request: { number: 1, head: { sha: HEAD_SHA, ref: 'feature' }, base: { ref: 'main' } } }

/** What wait-ci's entry does, on the simulator's clock; `lines` is what it logged (the bundle's stdout lines). */
async function waitCiAsEntry(s: Sim, inputs: Record<string, string>, runnerEnv: Record<string, string> = {}): Promise<{ result: WaitCiResult; lines: string[]; outputs: ReturnType<typeof waitCiOutputValues> }> {
  const dir = mkdtempSync(join(tmpdir(), 'purple-wait-inproc-'))
  writeFileSync(join(dir, 'event.json'), JSON.stringify(PR_EVENT))
  const env = {
    GITHUB_API_URL: s.url,
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
    GITHUB_RUN_ID: '1001',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'gate',
    ...runnerEnv
  }
  const names = Object.keys(inputs).map(inputEnvName)
  const saved = names.map((n) => process.env[n])
  for (const [name, value] of Object.entries(inputs)) process.env[inputEnvName(name)] = value
  let settings: WaitCiSettings
  try {
    settings = readWaitCiSettings(env)
  } finally {
    names.forEach((n, i) => (saved[i] === undefined ? delete process.env[n] : (process.env[n] = saved[i])))
  }
  const lines: string[] = []
  const log = { info: (m: string) => lines.push(m), warning: (m: string) => lines.push(`warning: ${m}`) }
  const now = (): number => s.clock.now()
  const sleep = async (ms: number): Promise<void> => s.clock.advance(ms)
  const client = createGitHubClient({ ...settings.client, deadline: now() + settings.options.timeoutMs, now, sleep, log: log.info, setSecret: () => undefined })
  const result = await waitCi(settings, { client, now, sleep, log })
  return { result, lines, outputs: waitCiOutputValues(result) }
}

describe('a transient fault in every call site: retried, never read as "no checks", the wait goes on (in-process, as the entry runs it)', () => {
  // The first case ("pull request", reset) runs as the bundle in faults.e2e.test.ts.
  const cases = TRANSIENT_FAULT_CASES.slice(1)

  it.each(cases)('%s: %j', async (_site, path, fault) => {
    sim = await startSimulator({ clock: { mode: 'manual' }, setup: (s) => protect(s, ['test']) })
    sim.addJob({ name: 'wait', run_id: 1001, status: 'in_progress' })
    sim.addCheckRun({ name: 'lint', conclusion: 'success' })
    const test = sim.addCheckRun({ name: 'test', status: 'in_progress' })
    sim.fault({ method: 'GET', path }, fault)
    afterPoll(sim, 2, () => sim.updateCheckRun(test.id, { conclusion: 'success' }))
    const { result, lines } = await waitCiAsEntry(sim, fastInputs(), { GITHUB_RUN_ID: '1001', RUNNER_NAME: 'GitHub Actions 1' })
    expect(conversationInRounds(sim)).toMatchSnapshot()
    expect(result.conclusion).toBe('success')
    const hits = sim.requests({ method: 'GET', path })
    expect(hits[0]!.fault).not.toBeNull()
    expect(hits.length).toBeGreaterThanOrEqual(2)
    // Every site, the jobs API included, was read again and served its purpose.
    expect(lines.join('\n')).toContain("this job's check run: ")
    // A gate source that fails is read again next poll; any other read fails the poll, which is run again.
    expect(lines.join('\n')).toMatch(/poll \d+ failed: .*; the wait goes on|gate not read yet \(.*\); trying again next poll|jobs of run 1001 not read \(.*\); trying again next poll/)
  })
})

describe('what satisfies a required check: conclusions that fail fast (in-process, as the entry runs it)', () => {
  // 'cancelled' runs as the bundle in gate.e2e.test.ts (exit code, outputs); these rows differ only in GitHub's conclusion.
  async function failsFast(conclusion: CheckConclusion): Promise<void> {
    sim = await startSimulator({ clock: { mode: 'manual' }, setup: (s) => protect(s, ['test', 'lint']) })
    sim.addCheckRun({ name: 'test', conclusion })
    sim.addCheckRun({ name: 'lint', status: 'in_progress' })
    const { result } = await waitCiAsEntry(sim, fastInputs())
    expect(conversationInRounds(sim)).toMatchSnapshot()
    const outputs = waitCiOutputValues(result)
    expect(outputs.conclusion).toBe('failure')
    expect(JSON.parse(outputs.failed)).toEqual([{ name: 'test', conclusion, url: expect.any(String) }])
    // fail-fast: stopped at the first failure, with lint still running.
    expect(JSON.parse(outputs.pending)).toEqual([{ name: 'lint', state: 'pending', detail: 'in_progress' }])
  }

  it.each([['action_required'], ['timed_out']] as const)('%s is a failure with a non-zero exit', failsFast)

  it('startup_failure, a conclusion outside the published check-run schema, is a failure too', async () => {
    // GitHub's OpenAPI enum for check-run conclusions stops at action_required, yet real runs name
    // startup_failure and stale: wait-ci reads any conclusion it does not know as a failure.
    await failsFast('startup_failure')
    // The drift check sees exactly this off-schema answer (once for the wait, once for the reads of what else
    // blocks the merge), and nothing else; then the log is cleared for afterEach.
    const problem = expect.stringContaining('/conclusion must be equal to one of the allowed values')
    expect(openApiProblems(sim.log)).toEqual([problem, problem])
    sim.log.length = 0
  })
})

// Moved from gate.e2e.test.ts: they differ from the bundle runs kept there only in GitHub's answers.
describe('where the required set comes from (in-process, as the entry runs it)', () => {
  it('a check required only by a ruleset is waited on', async () => {
    sim = await startSimulator({ clock: { mode: 'manual' }, setup: (s) => ruleset(s, [{ context: 'gate' }]) })
    sim.addCheckRun({ name: 'lint', conclusion: 'success' })
    afterPoll(sim, 2, () => sim.addCheckRun({ name: 'gate', conclusion: 'success' }))
    const { outputs } = await waitCiAsEntry(sim, fastInputs())
    expect(conversationInRounds(sim)).toMatchSnapshot()
    expect(outputs.conclusion).toBe('success')
    expect(parsed({ outputs }).required).toEqual([{ name: 'gate', sources: ['ruleset'], state: 'success' }])
    expect(polls(sim)).toBe(3)
    expect(sim.count('GET', RULES)).toBeGreaterThanOrEqual(1)
  })

  it('a ruleset in evaluate mode does not gate', async () => {
    sim = await startSimulator({
      clock: { mode: 'manual' },
      setup: (s) => {
        ruleset(s, [{ context: 'never' }])
        s.rulesets[0]!.enforcement = 'evaluate'
        protect(s, ['lint'])
      }
    })
    sim.addCheckRun({ name: 'lint', conclusion: 'success' })
    const { outputs } = await waitCiAsEntry(sim, fastInputs())
    expect(conversationInRounds(sim)).toMatchSnapshot()
    expect(outputs.conclusion).toBe('success')
    expect(parsed({ outputs }).required.map((c) => c.name)).toEqual(['lint'])
  })

  it("no gate and on-no-gate 'fail' fails at once, saying what to do", async () => {
    sim = await startSimulator({ clock: { mode: 'manual' } })
    sim.addCheckRun({ name: 'lint', conclusion: 'success' })
    const { outputs, result } = await waitCiAsEntry(sim, fastInputs({ 'on-no-gate': 'fail' }))
    expect(conversationInRounds(sim)).toMatchSnapshot()
    expect(outputs.conclusion).toBe('failure')
    expect(`wait-ci: ${result.conclusion}: ${result.message}`).toContain("on-no-gate is 'fail'")
    expect(polls(sim)).toBe(1)
  })

  it('no gate, all-observed: waits for every observed check, then passes', async () => {
    sim = await startSimulator({ clock: { mode: 'manual' } })
    const lint = sim.addCheckRun({ name: 'lint', status: 'in_progress' })
    afterPoll(sim, 3, () => sim.updateCheckRun(lint.id, { conclusion: 'success' }))
    const { outputs } = await waitCiAsEntry(sim, fastInputs())
    expect(conversationInRounds(sim)).toMatchSnapshot()
    expect(outputs.conclusion).toBe('success')
    expect(parsed({ outputs }).required).toEqual([{ name: 'lint', sources: ['observed'], state: 'success' }])
    expect(polls(sim)).toBe(4)
  })

  it('the required input adds names to the gate', async () => {
    sim = await startSimulator({ clock: { mode: 'manual' }, setup: (s) => protect(s, ['lint']) })
    sim.addCheckRun({ name: 'lint', conclusion: 'success' })
    afterPoll(sim, 2, () => sim.addCheckRun({ name: 'e2e (chrome, 1)', conclusion: 'success' }))
    const { outputs } = await waitCiAsEntry(sim, fastInputs({ required: 'e2e (chrome, 1)\nlint' }))
    expect(conversationInRounds(sim)).toMatchSnapshot()
    expect(outputs.conclusion).toBe('success')
    expect(parsed({ outputs }).required).toEqual([
      { name: 'lint', sources: ['protection', 'input'], state: 'success' },
      { name: 'e2e (chrome, 1)', sources: ['input'], state: 'success' }
    ])
  })
})

// Moved from gate.e2e.test.ts: they differ from the bundle runs kept there only in GitHub's answers.
describe('what satisfies a required check (in-process, as the entry runs it)', () => {
  it('app-scoped: the right app passes', async () => {
    sim = await startSimulator({ clock: { mode: 'manual' }, setup: (s) => ruleset(s, [{ context: 'test', integration_id: GITHUB_ACTIONS_APP.id }]) })
    sim.addCheckRun({ name: 'test', conclusion: 'failure', app_id: OTHER_CI_APP.id })
    sim.addCheckRun({ name: 'test', conclusion: 'success', app_id: GITHUB_ACTIONS_APP.id })
    const { outputs } = await waitCiAsEntry(sim, fastInputs())
    expect(conversationInRounds(sim)).toMatchSnapshot()
    expect(outputs.conclusion).toBe('success')
  })

  it('a re-run turns a failure green: pending while it runs, then success', async () => {
    sim = await startSimulator({ clock: { mode: 'manual' }, setup: (s) => protect(s, ['test']) })
    sim.addCheckRun({ name: 'test', conclusion: 'failure', started_at: '2026-11-27T04:00:00Z' })
    const rerun = sim.addCheckRun({ name: 'test', status: 'in_progress' })
    afterPoll(sim, 3, () => sim.updateCheckRun(rerun.id, { conclusion: 'success' }))
    const { outputs } = await waitCiAsEntry(sim, fastInputs())
    expect(conversationInRounds(sim)).toMatchSnapshot()
    expect(outputs.conclusion).toBe('success')
    expect(polls(sim)).toBe(4)
  })

  it('a queued re-run after a success is pending', async () => {
    sim = await startSimulator({ clock: { mode: 'manual' }, setup: (s) => protect(s, ['test']) })
    sim.addCheckRun({ name: 'test', conclusion: 'success', started_at: '2026-11-27T04:00:00Z' })
    sim.addCheckRun({ name: 'test', status: 'queued' })
    const { outputs } = await waitCiAsEntry(sim, fastInputs({ 'timeout-seconds': '120' }))
    expect(outputs.conclusion).toBe('timed_out')
    expect(parsed({ outputs }).pending).toEqual([{ name: 'test', state: 'pending', detail: 'queued' }])
  })

  it('an error status fails; without fail-fast the wait first lets the rest finish', async () => {
    sim = await startSimulator({ clock: { mode: 'manual' }, setup: (s) => protect(s, ['ci/build', 'lint']) })
    sim.addStatus({ context: 'ci/build', state: 'error' })
    const lint = sim.addCheckRun({ name: 'lint', status: 'in_progress' })
    afterPoll(sim, 3, () => sim.updateCheckRun(lint.id, { conclusion: 'success' }))
    const { outputs } = await waitCiAsEntry(sim, fastInputs({ 'fail-fast': 'false' }))
    expect(conversationInRounds(sim)).toMatchSnapshot()
    expect(outputs.conclusion).toBe('failure')
    expect(polls(sim)).toBe(4)
    expect(parsed({ outputs }).failed).toEqual([{ name: 'ci/build', conclusion: 'error', url: null }])
  })
})

// Moved from faults.e2e.test.ts: they differ from the bundle runs kept there only in GitHub's answers.
describe('cost: conditional requests (in-process, as the entry runs it)', () => {
  it('150 check runs and many required names: one listing of two pages, each with its own ETag', async () => {
    const names = ['check-145', 'check-146', 'check-147', 'check-148', 'check-149', 'check-150']
    sim = await startSimulator({ clock: { mode: 'manual' }, setup: (s) => protect(s, names) })
    for (let i = 1; i <= 149; i++) sim.addCheckRun({ name: `check-${i}`, conclusion: 'success' })
    const last = sim.addCheckRun({ name: 'check-150', status: 'in_progress' })
    afterPoll(sim, 4, () => sim.updateCheckRun(last.id, { conclusion: 'success' }))
    const { outputs } = await waitCiAsEntry(sim, fastInputs({ 'check-run-id': '1' }))
    expect(conversationInRounds(sim)).toMatchSnapshot()
    expect(outputs.conclusion).toBe('success')
    const listings = sim.requests({ method: 'GET', path: CHECK_RUNS })
    expect(listings.map((e) => [e.query.page, e.query.check_name])).toEqual(
      Array.from({ length: 5 }, () => [['1', undefined], ['2', undefined]]).flat()
    )
    // Both pages fresh at first, 304s while nothing changed, then only the page holding check-150 changed.
    expect(listings.map((e) => e.status)).toEqual([200, 200, 304, 304, 304, 304, 304, 304, ...[listings[8]!.status, listings[9]!.status]])
    expect([listings[8]!.status, listings[9]!.status].sort()).toEqual([200, 304])
  })

  it('150 check runs and one required name: queried by name, so churn among the other 149 costs nothing', async () => {
    sim = await startSimulator({ clock: { mode: 'manual' }, setup: (s) => protect(s, ['test']) })
    const others = Array.from({ length: 149 }, (_, i) => sim.addCheckRun({ name: `check-${i + 1}`, status: 'in_progress' }))
    const test = sim.addCheckRun({ name: 'test', status: 'in_progress' })
    for (let n = 1; n <= 10; n++) afterPoll(sim, n, () => sim.updateCheckRun(others[n]!.id, { conclusion: 'success' }))
    afterPoll(sim, 10, () => sim.updateCheckRun(test.id, { conclusion: 'success' }))
    const { outputs } = await waitCiAsEntry(sim, fastInputs({ 'check-run-id': '1' }))
    expect(conversationInRounds(sim)).toMatchSnapshot()
    expect(outputs.conclusion).toBe('success')
    expect(new Set(sim.requests({ method: 'GET', path: CHECK_RUNS }).map((e) => e.query.check_name))).toEqual(new Set(['test']))
    // PR, branch, rules, test's runs, status at the start; test's runs once more when it finished.
    expect(parsed({ outputs }).requests.counted).toBe(6)
  })
})

// Moved from faults.e2e.test.ts (rows of tables whose other rows stay bundle runs there).
describe('a transient fault in every call site: retried, never read as "no checks", the wait goes on (in-process, as the entry runs it, more faults)', () => {
  it.each([
    ['a socket closed after a keep-alive answer', 'close-keep-alive' as FaultName, {}],
    ['the primary rate limit used up, reset in 1 s', { type: 'rate-limit', status: 403, resetInSeconds: 1 } as Fault, {}],
    ['a 429 secondary rate limit', { type: 'secondary-rate-limit', status: 429, retryAfter: 1 } as Fault, {}]
  ])('every other simulator fault on the listing: %s', async (_label, fault, inputs) => {
    sim = await startSimulator({ clock: { mode: 'manual' }, setup: (s) => protect(s, ['test']) })
    const test = sim.addCheckRun({ name: 'test', status: 'in_progress' })
    sim.fault({ method: 'GET', path: CHECK_RUNS }, fault)
    afterPoll(sim, 2, () => sim.updateCheckRun(test.id, { conclusion: 'success' }))
    const { outputs } = await waitCiAsEntry(sim, fastInputs({ ...inputs }))
    expect(conversationInRounds(sim)).toMatchSnapshot()
    expect(outputs.conclusion).toBe('success')
    expect(sim.requests({ method: 'GET', path: CHECK_RUNS })[0]!.fault).not.toBeNull()
  })

  it.each([
    [
      "403 for a token without 'checks: read'",
      { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/checks/runs#list-check-runs-for-a-git-reference', status: '403' } },
      /GitHub refused a read the wait needs: HTTP 403 'Resource not accessible by integration'/
    ]
  ])('a permanent refusal ends the wait at once as a failure, with outputs: %s', async (_label, reply, message) => {
    sim = await startSimulator({ clock: { mode: 'manual' }, setup: (s) => protect(s, ['test']) })
    sim.addCheckRun({ name: 'test', status: 'in_progress' })
    if (typeof reply === 'string') sim.fault({ method: 'GET', path: CHECK_RUNS }, reply)
    else sim.respond({ method: 'GET', path: CHECK_RUNS }, reply)
    const { outputs, result } = await waitCiAsEntry(sim, fastInputs())
    expect(conversationInRounds(sim)).toMatchSnapshot()
    expect(outputs.conclusion).toBe('failure')
    expect(outputs.sha).toBe(HEAD_SHA)
    expect(`wait-ci: ${result.conclusion}: ${result.message}`).toMatch(message)
    // It stopped within the first poll: the head was read once, at its start, and never confirmed.
    expect(waitPullReads(sim)).toBe(1)
  })
})
