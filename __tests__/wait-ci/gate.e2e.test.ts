/**
 * wait-ci end to end against the simulator, with the default token's
 * permissions: where the required set comes from, and when it may pass.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runBundle } from '../harness/run-bundle.js'
import { renderGfm } from '../harness/gfm.js'
import { GITHUB_ACTIONS_APP, OTHER_CI_APP, startSimulator, type Sim } from '../sim/server.js'
import { BRANCH, afterPoll, failure, fastInputs, parsed, polls, protect, runWaitCi, MANUAL } from './scenario.js'
import { conversationInRounds } from '../sim/request-log.js'
import { closeChecked } from '../sim/openapi-check.js'
import type { CheckConclusion } from '../sim/state.js'

let sim: Sim
afterEach(async () => {
  // Every answer of every scenario must match GitHub's published schema (drift check).
  await closeChecked(sim)
})

describe('a required check that registers late', () => {
  it.each([
    ['success', 'passes only once it is green', 0],
    ['failure', 'fails when it fails', 1]
  ] as const)('%s: %s', async (conclusion, _label, exitCode) => {
    sim = await startSimulator({ clock: MANUAL, setup: (s) => protect(s, ['lint', 'test']) })
    sim.addCheckRun({ name: 'lint', conclusion: 'success' })
    sim.addCheckRun({ name: 'build', conclusion: 'success' })
    // `test` builds a Docker image first: it appears after the 3rd poll, runs, then finishes after the 6th.
    let testId = 0
    afterPoll(sim, 3, () => {
      testId = sim.addCheckRun({ name: 'test', status: 'in_progress' }).id
    })
    afterPoll(sim, 6, () => {
      sim.updateCheckRun(testId, { conclusion })
    })
    const run = await runWaitCi(sim, fastInputs())
    expect(conversationInRounds(sim)).toMatchSnapshot()
    expect(run.exitCode).toBe(exitCode)
    expect(run.outputs.conclusion).toBe(conclusion)
    // It could not have decided before the 7th poll: before that `test` was missing, then running.
    expect(polls(sim)).toBe(7)
    const out = parsed(run)
    expect(out.required).toEqual([
      { name: 'lint', sources: ['protection'], state: 'success' },
      { name: 'test', sources: ['protection'], state: conclusion === 'success' ? 'success' : 'failed' }
    ])
    expect(run.outputs.sha).toBe(sim.state.pulls[0]!.head.sha)
    if (conclusion === 'failure') {
      expect(out.failed).toEqual([{ name: 'test', conclusion: 'failure', url: expect.stringContaining('/runs/') }])
      expect(failure(run)).toContain('test (failure)')
    }
    // The gate came through the branch endpoint; the admin-only protection endpoints were never asked.
    expect(sim.count('GET', BRANCH)).toBeGreaterThanOrEqual(1)
    expect(sim.count('GET', /\/protection/)).toBe(0)
    expect(run.stdout).toContain("gate: branch protection: read, 2 required check(s)")
    // The job summary: a row per required check with state, source, link and time to complete.
    expect(run.summary).toContain('<th>check</th><th>state</th><th>source</th><th>link</th><th>time to complete</th>')
    expect(run.summary).toMatch(new RegExp(`<td>test</td><td>${conclusion === 'success' ? '✅ success \\(success\\)' : '❌ failed \\(failure\\)'}</td><td>protection</td><td><a href="https://github.com/octo-org/purple-demo/runs/\\d+">details</a></td><td>\\d+(ms|s)</td>`))
    expect(run.summary).toContain('<li>branch protection: read, 2 required check(s)</li>')
    expect(run.summary).toMatch(/API requests: \d+ counted against the rate limit, \d+ answered 304 Not Modified/)
  })
})

describe('where the required set comes from', () => {
  it('a required check that never registers ends at the timeout, named', async () => {
    sim = await startSimulator({ clock: MANUAL, setup: (s) => protect(s, ['lint', 'gate']) })
    sim.addCheckRun({ name: 'lint', conclusion: 'success' })
    // When it ends is asserted on injected time (in-process.test.ts, 'times out at the deadline').
    const run = await runWaitCi(sim, fastInputs({ 'timeout-seconds': '120' }))
    expect(run.exitCode).toBe(1)
    expect(run.outputs.conclusion).toBe('timed_out')
    expect(failure(run)).toContain('missing required check: gate')
    expect(parsed(run).pending).toEqual([{ name: 'gate', state: 'missing', detail: 'not registered yet' }])
    expect(run.summary).toContain('not registered')
  })

  it('zero checks observed and no gate: never success, times out saying so', async () => {
    sim = await startSimulator({ clock: MANUAL })
    const run = await runWaitCi(sim, fastInputs({ 'timeout-seconds': '120' }))
    expect(run.outputs.conclusion).toBe('timed_out')
    expect(run.exitCode).toBe(1)
    expect(failure(run)).toContain('no checks were observed on the head')
    expect(run.stdout).toContain('no required checks: the branch has no required status checks and the required input is empty')
    expect(polls(sim)).toBeGreaterThanOrEqual(2)
  })

})

// Every output of a wait that could not start: a failure, nothing observed, nothing spent.
const NOTHING_OBSERVED = { conclusion: 'failure', sha: '', required: '[]', failed: '[]', pending: '[]', 'api-requests': '{"counted":0,"not_modified":0,"total":0}' }

describe('inputs and context', () => {
  it('no pull request in the event and none given: a failure naming the input, with every output set', async () => {
    sim = await startSimulator({ clock: MANUAL, setup: (s) => protect(s, ['test']) })
    const run = await runBundle('dist/wait-ci/index.js', {
      inputs: fastInputs(),
      event: { ref: 'refs/heads/main' },
      eventName: 'push',
      env: { GITHUB_API_URL: sim.url, GITHUB_REPOSITORY: 'octo-org/purple-demo' }
    })
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toEqual(NOTHING_OBSERVED)
    expect(failure(run)).toContain("input 'pull-request' is empty and the 'push' event of this run names no pull request")
    expect(sim.log).toEqual([])
  })

  it('a bad input names itself, quotes the value and says what to write; every output is still set', async () => {
    sim = await startSimulator({ clock: MANUAL })
    const run = await runWaitCi(sim, fastInputs({ 'interval-seconds': 'ten' }))
    expect(run.exitCode).toBe(1)
    expect(failure(run)).toBe("Input 'interval-seconds' is 'ten': write a number of seconds of at least 0.01, e.g. '10' or '0.5'.")
    expect(run.outputs).toEqual(NOTHING_OBSERVED)
    expect(renderGfm(run.summary)).toContain('<p>The wait could not start: Input &#39;interval-seconds&#39; is &#39;ten&#39;')
    expect(sim.log).toEqual([])
  })

  it('an event payload that is not JSON: one clear error, no stack trace, every output set', async () => {
    sim = await startSimulator({ clock: MANUAL })
    const dir = mkdtempSync(join(tmpdir(), 'purple-event-'))
    writeFileSync(join(dir, 'event.json'), '{"action": "synchronize", "number": 1, "pull_req')
    const run = await runWaitCi(sim, fastInputs(), { GITHUB_EVENT_PATH: join(dir, 'event.json') })
    expect(run.exitCode).toBe(1)
    expect(failure(run)).toBe(`GITHUB_EVENT_PATH '${join(dir, 'event.json')}' does not hold JSON: the runner writes the event payload there.`)
    expect(run.stdout + run.stderr).not.toMatch(/^\s+at /m)
    expect(run.outputs).toEqual(NOTHING_OBSERVED)
    expect(sim.log).toEqual([])
  })
})

describe('what satisfies a required check', () => {
  it('app-scoped: a same-named run from another app does not count', async () => {
    sim = await startSimulator({ clock: MANUAL, setup: (s) => protect(s, ['test'], [{ context: 'test', app_id: GITHUB_ACTIONS_APP.id }]) })
    sim.addCheckRun({ name: 'test', conclusion: 'success', app_id: OTHER_CI_APP.id })
    const run = await runWaitCi(sim, fastInputs({ 'timeout-seconds': '120' }))
    expect(run.outputs.conclusion).toBe('timed_out')
    expect(parsed(run).required).toEqual([{ name: 'test', app_id: GITHUB_ACTIONS_APP.id, sources: ['protection'], state: 'missing' }])
    expect(failure(run)).toContain('missing required check: test')
    expect(run.stdout).toContain(`not registered by app ${GITHUB_ACTIONS_APP.id}; seen only from ${OTHER_CI_APP.slug}`)
  })

  it('a skipped required check passes', async () => {
    sim = await startSimulator({ clock: MANUAL, setup: (s) => protect(s, ['deploy-preview', 'lint']) })
    sim.addCheckRun({ name: 'deploy-preview', conclusion: 'skipped' })
    sim.addCheckRun({ name: 'lint', conclusion: 'neutral' })
    const run = await runWaitCi(sim, fastInputs())
    expect(conversationInRounds(sim)).toMatchSnapshot()
    expect(run.outputs.conclusion).toBe('success')
    expect(run.exitCode).toBe(0)
  })

  it('a commit status (not a check run) as the required context', async () => {
    sim = await startSimulator({ clock: MANUAL, setup: (s) => protect(s, ['ci/circleci: build']) })
    // CircleCI said `pending` two minutes ago; every state change is a new status.
    const twoMinutesAgo = new Date(sim.clock.now() - 120_000).toISOString().replace(/\.\d{3}Z$/, 'Z')
    sim.addStatus({ context: 'ci/circleci: build', state: 'pending', created_at: twoMinutesAgo, updated_at: twoMinutesAgo })
    afterPoll(sim, 3, () => {
      sim.addStatus({ context: 'ci/circleci: build', state: 'success', target_url: 'https://circleci.com/gh/octo-org/purple-demo/77' })
    })
    const run = await runWaitCi(sim, fastInputs())
    expect(conversationInRounds(sim)).toMatchSnapshot()
    expect(run.outputs.conclusion).toBe('success')
    expect(parsed(run).required).toEqual([{ name: 'ci/circleci: build', sources: ['protection'], state: 'success' }])
    expect(polls(sim)).toBe(4)
    // Its time to complete comes from the status history, read once at the end.
    expect(sim.count('GET', /\/statuses$/)).toBe(1)
    expect(run.summary).toMatch(/<td>ci\/circleci: build<\/td><td>✅ success \(success\)<\/td><td>protection<\/td><td><a href="https:\/\/circleci.com\/gh\/octo-org\/purple-demo\/77">details<\/a><\/td><td>2m [0-9]+s<\/td>/)
  })

  async function failsFast(conclusion: CheckConclusion): Promise<void> {
    sim = await startSimulator({ clock: MANUAL, setup: (s) => protect(s, ['test', 'lint']) })
    sim.addCheckRun({ name: 'test', conclusion })
    sim.addCheckRun({ name: 'lint', status: 'in_progress' })
    const run = await runWaitCi(sim, fastInputs())
    expect(conversationInRounds(sim)).toMatchSnapshot()
    expect(run.exitCode).toBe(1)
    expect(run.outputs.conclusion).toBe('failure')
    expect(parsed(run).failed).toEqual([{ name: 'test', conclusion, url: expect.any(String) }])
    // fail-fast: stopped at the first failure, with lint still running.
    expect(parsed(run).pending).toEqual([{ name: 'lint', state: 'pending', detail: 'in_progress' }])
  }

  // action_required, timed_out and startup_failure (off the published schema): in-process.test.ts, same entry path.
  it.each([['cancelled']] as const)('%s is a failure with a non-zero exit', failsFast)

})

describe('outside text is data', () => {
  it('a check named with a line break and a workflow command prints no command, and the summary shows it as text', async () => {
    const evil = 'lint\n::stop-commands::pwned\n::error::fake <img src=x>'
    sim = await startSimulator({ clock: MANUAL, setup: (s) => protect(s, [evil]) })
    sim.addCheckRun({ name: evil, conclusion: 'success' })
    const run = await runWaitCi(sim, fastInputs({ 'check-run-id': '1' }))
    expect(conversationInRounds(sim)).toMatchSnapshot()
    expect(run.outputs.conclusion).toBe('success')
    // Not a single line the runner would read as a command other than Purple's own outputs and masks.
    expect(run.stdout.split('\n').filter((line) => /^\s*::(stop-commands|error)/.test(line))).toEqual([])
    expect(run.commands.filter((c) => c.command === 'error' || c.command === 'stop-commands')).toEqual([])
    // The name is shown on one line, its line breaks written out.
    expect(run.stdout).toContain('required: lint\\n::stop-commands::pwned\\n::error::fake <img src=x>')
    const html = renderGfm(run.summary)
    expect(html).toContain('<td>lint<br>::stop-commands::pwned<br>::error::fake &lt;img src=x&gt;</td>')
    expect(html).not.toContain('<img')
  })

  it('the summary renders the head sha as code, not as literal backticks', async () => {
    sim = await startSimulator({ clock: MANUAL, setup: (s) => protect(s, ['lint']) })
    sim.addCheckRun({ name: 'lint', conclusion: 'success' })
    const run = await runWaitCi(sim, fastInputs({ 'check-run-id': '1' }))
    expect(conversationInRounds(sim)).toMatchSnapshot()
    const html = renderGfm(run.summary)
    expect(html).toContain(`<p>Pull request #1, head <code>${sim.state.pulls[0]!.head.sha.slice(0, 12)}</code>. all 1 required check(s) passed</p>`)
    expect(html).not.toContain('`')
    expect(html).toContain('<h2>wait-ci: success</h2>')
  })
})
