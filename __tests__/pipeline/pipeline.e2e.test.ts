/**
 * End to end: the root action's bundle (dist/pipeline/index.js, what
 * `uses: <owner>/purple@v1` runs) in a real temporary git repository against
 * the loopback simulator: guard -> wait-ci -> merge in one process.
 * Every scenario checks the merge invariants from the simulator's log.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from '@jest/globals'
import { gitEnv, committedConflict, tempRepo, type TempRepo } from '../git/temp-repo.js'
import { runBundle, type BundleRun } from '../harness/run-bundle.js'
import { ADMIN_TOKEN, DEFAULT_TOKEN, shaOf, startSimulator, type Sim, type SimState } from '../sim/server.js'
import { expectMergeInvariants, mergeCalls } from '../merge/invariants.js'
import { closeChecked } from '../sim/openapi-check.js'
import { conversation } from '../sim/request-log.js'
import { renderGfm } from '../harness/gfm.js'

import { pipelineSpec } from '../../src/actions/pipeline/io.js'

const bundle = 'dist/pipeline/index.js'
const CHECK_RUNS = /\/check-runs$/

let sim: Sim | undefined
afterEach(async () => {
  // Every answer of every scenario must match GitHub's published schema (drift check).
  await closeChecked(sim)
  sim = undefined
})

interface Pr {
  repo: TempRepo
  base: string
  head: string
}

/** main with one file, feature with one clean commit on top. */
function cleanPr(files: Record<string, string> = {}): Pr {
  const repo = tempRepo()
  const base = repo.commit('base', { 'app.txt': 'one\n', ...files })
  repo.git(['checkout', '--quiet', '-b', 'feature'])
  const head = repo.commit('feature work', { 'feature.txt': 'feature\n' })
  return { repo, base, head }
}

/** The simulator's PR #1 is the temp repository's feature branch; `required` are classic-protection checks on main. */
async function startFor(pr: Pr, required: string[], more?: (st: SimState) => void): Promise<Sim> {
  sim = await startSimulator({
    // The bundle runs on virtual time and moves this clock (see harness/virtual-time.cjs).
    clock: { mode: 'manual' },
    setup: (st) => {
      Object.assign(st.pulls[0]!.head, { sha: pr.head })
      Object.assign(st.pulls[0]!.base, { sha: pr.base })
      st.branches.find((b) => b.name === 'main')!.sha = pr.base
      st.branches.find((b) => b.name === 'feature')!.sha = pr.head
      st.branches.find((b) => b.name === 'main')!.protection = {
        required_status_checks: { strict: false, contexts: required, checks: [] },
        required_approving_review_count: null,
        enforce_admins: false
      }
      more?.(st)
    }
  })
  return sim
}

async function runPipeline(s: Sim, pr: Pr, inputs: Record<string, string> = {}, eventHead = pr.head): Promise<BundleRun> {
  const run = await runBundle(bundle, {
    cwd: pr.repo.dir,
    inputs: {
      'github-token': DEFAULT_TOKEN,
      'max-retries': '0',
      'request-timeout-seconds': '2',
      // Budgets as a workflow sets them: virtual time makes minutes cost no wall time.
      'wait-interval-seconds': '10',
      'wait-timeout-seconds': '600',
      'wait-check-run-id': '',
      ...inputs
    },
    event: {
      action: 'synchronize',
      number: 1,
      pull_request: { number: 1, head: { sha: eventHead, ref: 'feature' }, base: { sha: pr.base, ref: 'main' } }
    },
    eventName: 'pull_request',
    env: { ...gitEnv, GITHUB_API_URL: s.url },
    sim: s
  })
  const token = inputs['github-token'] ?? DEFAULT_TOKEN
  expect(run.allText.split('\n').filter((line) => line.includes(token) && !line.startsWith('::add-mask::'))).toEqual([])
  return run
}

function errors(run: BundleRun): string[] {
  return run.commands.filter((c) => c.command === 'error').map((c) => c.message)
}

describe('pipeline: guard -> wait-ci -> merge', () => {
  it('a required check that registers late: waits for it, then merges the verified sha once', async () => {
    const pr = cleanPr()
    const s = await startFor(pr, ['test'])
    s.addCheckRun({ name: 'lint', conclusion: 'success' }) // every visible check is green from the start
    s.after({ method: 'GET', path: CHECK_RUNS, count: 3 }, (_st, sm) => {
      const test = sm.addCheckRun({ name: 'test', status: 'in_progress' })
      sm.after({ method: 'GET', path: CHECK_RUNS, count: 6 }, () => void sm.updateCheckRun(test.id, { conclusion: 'success' }))
    })
    const run = await runPipeline(s, pr)
    expect(errors(run)).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ stage: 'none', result: 'pass', conclusion: 'success', sha: pr.head, merged: 'true', reason: 'merged', attempts: '1' })
    expect(run.outputs['merge-commit-sha']).toBe(s.state.pulls[0]!.merge_commit_sha)
    // It did not pass early: the only merge call came after 'test' went green.
    const put = mergeCalls(s)[0]!
    const green = s.requests({ method: 'GET', path: CHECK_RUNS }).find((e) =>
      ((e.responseBody as { check_runs?: { name: string; conclusion: string | null }[] })?.check_runs ?? []).some((r) => r.name === 'test' && r.conclusion === 'success')
    )
    expect(green).toBeDefined()
    expect(put.seq).toBeGreaterThan(green!.seq)
    // One summary, each stage's section in order, headings rendered as headings (not literal '##').
    const html = renderGfm(run.summary)
    const headings = [...html.matchAll(/<h(\d)>([^<]*)<\/h\d>/g)].map((m) => `h${m[1]} ${m[2]}`)
    expect(headings).toEqual(['h1 Purple: merged', 'h3 Purple guard: pass', 'h2 wait-ci: success', 'h3 Gate sources', 'h2 Purple merge: merged'])
    expect(html).not.toContain('##')
    expectMergeInvariants(s, pr.head)
  })

  it('wait-ci passes, then GitHub briefly re-evaluates a check (singular "expected"): merge retries and merges', async () => {
    const pr = cleanPr()
    const s = await startFor(pr, ['check-branch-name'])
    s.addCheckRun({ name: 'check-branch-name', conclusion: 'success' })
    s.respondOnce(
      { method: 'PUT', path: /\/merge$/ },
      { status: 405, body: { message: 'Required status check "check-branch-name" is expected.', documentation_url: 'https://docs.github.com/rest/pulls/pulls#merge-a-pull-request' } }
    )
    const run = await runPipeline(s, pr)
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ stage: 'none', conclusion: 'success', merged: 'true', attempts: '2' })
    expectMergeInvariants(s, pr.head)
    expect(conversation(s)).toMatchSnapshot()
  })

  it('conflict markers committed: stops at guard and never calls the merge endpoint (nor any other)', async () => {
    const { repo, base, head } = committedConflict('merge')
    const pr = { repo, base, head }
    const s = await startFor(pr, ['test'])
    s.addCheckRun({ name: 'test', conclusion: 'success' })
    const run = await runPipeline(s, pr)
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({ stage: 'guard', result: 'blocked', 'marker-count': '3' })
    expect(run.outputs['stage-message']).toMatch(/^guard blocked: 3 conflict marker\(s\)/)
    // Every output is set: the stages that did not run leave theirs empty.
    expect(run.outputs).toMatchObject({ merged: 'false', conclusion: '', reason: '', updates: '0' })
    // One step failure (guard's own), besides the per-line annotations.
    expect(run.commands.filter((c) => c.command === 'error' && c.properties.file === undefined).map((c) => c.message)).toEqual([
      expect.stringMatching(/^guard blocked/)
    ])
    expect(run.commands.filter((c) => c.command === 'error' && c.properties.file === 'app.txt').length).toBe(3)
    expect(mergeCalls(s)).toEqual([])
    expect(s.log).toEqual([])
    expectMergeInvariants(s, head)
  })

  it('a required check fails: stops at wait-ci, the merge endpoint is never called', async () => {
    const pr = cleanPr()
    const s = await startFor(pr, ['test'])
    const test = s.addCheckRun({ name: 'test', status: 'in_progress' })
    s.after({ method: 'GET', path: CHECK_RUNS, count: 2 }, () => void s.updateCheckRun(test.id, { conclusion: 'failure' }))
    const run = await runPipeline(s, pr)
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({ stage: 'wait-ci', result: 'pass', conclusion: 'failure', sha: pr.head })
    expect(errors(run)).toEqual([expect.stringMatching(/^wait-ci ended with failure/)])
    expect(mergeCalls(s)).toEqual([])
    expectMergeInvariants(s, pr.head)
  })

  it('the head moved after guard checked it: wait-ci ends head-moved, nothing is merged', async () => {
    const pr = cleanPr()
    const s = await startFor(pr, ['test'], (st) => void (st.pulls[0]!.head.sha = shaOf('pushed-after-the-event')))
    s.addCheckRun({ name: 'test', conclusion: 'success', head_sha: shaOf('pushed-after-the-event') })
    const run = await runPipeline(s, pr)
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({ stage: 'wait-ci', conclusion: 'head-moved', sha: pr.head })
    expect(mergeCalls(s)).toEqual([])
    expectMergeInvariants(s, pr.head)
    // No request-log snapshot: the diagnosis read after the stop sends its reads in parallel, in any order.
  })

  it('GitHub refuses the merge (reviews required): stops at merge with its message', async () => {
    const pr = cleanPr()
    const s = await startFor(pr, ['test'], (st) => void (st.branches.find((b) => b.name === 'main')!.protection!.required_approving_review_count = 1))
    s.addCheckRun({ name: 'test', conclusion: 'success' })
    const run = await runPipeline(s, pr)
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({ stage: 'merge', conclusion: 'success', merged: 'false', reason: 'permanent', attempts: '1' })
    expect(run.outputs['stage-message']).toMatch(/merge ended with permanent: .*At least 1 approving review is required/)
    // The summary ends with what stands between this PR and a merge, read once after the stop.
    const html = renderGfm(run.summary)
    expect(html).toMatch(/<h3>What stands between this PR and a merge<\/h3>/)
    expect(html.indexOf('What stands between')).toBeGreaterThan(html.indexOf('<h2>Purple merge: permanent</h2>'))
    expect(html).toMatch(/<td>review-required<\/td>/)
    expect(html.match(/What stands between/g)).toHaveLength(1)
    // merge read the facts when it stopped; the pipeline uses that reading instead of asking again.
    expect(s.requests({ method: 'POST', path: /graphql/ }).filter((r) => JSON.stringify(r.body).includes('PurpleMergeFacts'))).toHaveLength(1)
    expectMergeInvariants(s, pr.head)
    // No request-log snapshot: the diagnosis read after the stop sends its reads in parallel, in any order.
  })

  it("a pull request that changes a workflow file, refused with the job's token: the diagnosis names the workflow-file blocker", async () => {
    const pr = cleanPr()
    const s = await startFor(pr, ['test'], (st) => {
      st.branches.find((b) => b.name === 'main')!.protection!.required_approving_review_count = 1
      st.pulls[0]!.files = ['.github/workflows/ci.yml']
    })
    s.addCheckRun({ name: 'test', conclusion: 'success' })
    const run = await runPipeline(s, pr)
    expect(run.outputs).toMatchObject({ stage: 'merge', merged: 'false' })
    // The token is an installation token (ghs_): GitHub's viewer says whose (the job's: the Actions bot).
    expect(s.requests({ method: 'POST', path: /graphql/ }).some((r) => JSON.stringify(r.body).includes('PurpleViewer'))).toBe(true)
    expect(renderGfm(run.summary)).toMatch(/<td>workflow-file-permission<\/td>/)
    expectMergeInvariants(s, pr.head)
  })

  it("guard's fail-safe still applies: a broken policy file warns (result=error) and the pipeline merges", async () => {
    const pr = cleanPr({ '.github/purple-policy.json': '{ "feature": ' })
    const s = await startFor(pr, ['test'])
    s.addCheckRun({ name: 'test', conclusion: 'success' })
    const run = await runPipeline(s, pr)
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ stage: 'none', result: 'error', merged: 'true' })
    expect(run.commands.some((c) => c.command === 'warning' && /fail-safe/.test(c.message))).toBe(true)
    // Stage output in order: guard's warning is printed before wait-ci starts, not after merge ended.
    const lines = run.stdout.split('\n')
    const guardWarning = lines.findIndex((l) => l.startsWith('::warning') && l.includes('not blocking (fail-safe)'))
    const waitStarts = lines.findIndex((l) => l.includes('Purple: stage 2 of 3, wait-ci'))
    const mergeStarts = lines.findIndex((l) => l.includes('Purple: stage 3 of 3, merge'))
    expect(guardWarning).toBeGreaterThan(-1)
    expect([guardWarning < waitStarts, waitStarts < mergeStarts]).toEqual([true, true])
    expectMergeInvariants(s, pr.head)
    expect(conversation(s)).toMatchSnapshot()
  })

  it("a 'guard-base' that does not resolve, fail-safe off: stops at guard, naming 'guard-base' as the workflow wrote it", async () => {
    const pr = cleanPr()
    const s = await startFor(pr, ['test'])
    s.addCheckRun({ name: 'test', conclusion: 'success' })
    const run = await runPipeline(s, pr, { 'guard-base': 'no-such-branch', 'guard-fail-safe': 'false' })
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({ stage: 'guard', result: 'error' })
    const notACommit = "input 'guard-base' 'no-such-branch' is not a commit in this repository"
    expect(errors(run)).toEqual([expect.stringContaining(notACommit)])
    expect(run.outputs['stage-message']).toContain(`guard failed and 'guard-fail-safe' is off: ${notACommit}`)
    expect(run.allText).not.toContain("input 'base'")
    expect(s.log).toEqual([])
    expectMergeInvariants(s, pr.head)
  })

  it.each([
    // merge-method, guard-scope and max-updates: settings.test.ts reads them with readPipelineSettings, the same path.
    [{ 'wait-timeout-seconds': 'soon' }, /Input 'wait-timeout-seconds' is 'soon'/]
  ])('an invalid stage input %j fails before any stage, naming the root action input', async (inputs, says) => {
    const pr = cleanPr()
    const s = await startFor(pr, ['test'])
    const run = await runPipeline(s, pr, inputs)
    expect(run.exitCode).toBe(1)
    expect(errors(run)).toEqual([expect.stringMatching(says)])
    expect(s.log).toEqual([])
    expectInputsStop(run, says)
  })

  it("no pull request (a push event): every output set, stage 'inputs' with the reason, nothing called", async () => {
    const pr = cleanPr()
    const s = await startFor(pr, ['test'])
    const run = await runBundle(bundle, {
      cwd: pr.repo.dir,
      inputs: { 'github-token': DEFAULT_TOKEN },
      event: { ref: 'refs/heads/feature', before: pr.base, after: pr.head },
      eventName: 'push',
      env: { ...gitEnv, GITHUB_API_URL: s.url }
    })
    expect(run.exitCode).toBe(1)
    expect(errors(run)).toEqual([expect.stringMatching(/pull request/i)])
    expectInputsStop(run, /pull request/i)
    expect(s.log).toEqual([])
  })

  it('an event payload that is not JSON: one clear error, no stack trace, every output set', async () => {
    const pr = cleanPr()
    const s = await startFor(pr, ['test'])
    const dir = mkdtempSync(join(tmpdir(), 'purple-event-'))
    writeFileSync(join(dir, 'event.json'), '{"pull_request": {"number": 1,')
    const run = await runBundle(bundle, {
      cwd: pr.repo.dir,
      inputs: { 'github-token': DEFAULT_TOKEN },
      env: { ...gitEnv, GITHUB_API_URL: s.url, GITHUB_EVENT_PATH: join(dir, 'event.json') }
    })
    expect(run.exitCode).toBe(1)
    expect(errors(run)).toEqual([expect.stringMatching(/does not hold JSON/)])
    expect(run.allText).not.toMatch(/SyntaxError|\n\s+at /)
    expectInputsStop(run, /does not hold JSON/)
    expect(s.log).toEqual([])
  })
})

/**
 * GitHub's "update branch" for the temporary repository: a bare `origin` (the
 * clone's remote, as actions/checkout sets it) gains a new base commit and the
 * merge of it into the head, under refs/pull/1/head. The clone itself does not
 * have the new head, so the pipeline must fetch it to guard it.
 */
function updateOnOrigin(pr: Pr): { newBase: string; newHead: string } {
  const origin = mkdtempSync(join(tmpdir(), 'purple-origin-'))
  execFileSync('git', ['clone', '--quiet', '--bare', pr.repo.dir, origin], { env: { ...process.env, ...gitEnv } })
  pr.repo.git(['remote', 'add', 'origin', origin])
  const elsewhere = mkdtempSync(join(tmpdir(), 'purple-upstream-'))
  execFileSync('git', ['clone', '--quiet', origin, elsewhere], { env: { ...process.env, ...gitEnv } })
  const up = tempRepo(elsewhere)
  up.git(['checkout', '--quiet', 'main'])
  const newBase = up.commit('base moves on', { 'base-change.txt': 'from main\n' })
  up.git(['checkout', '--quiet', 'feature'])
  up.git(['merge', '--quiet', '--no-ff', '-m', "Merge branch 'main' into feature", 'main'])
  const newHead = up.sha('HEAD')
  up.git(['push', '--quiet', 'origin', `${newHead}:refs/pull/1/head`, `${newBase}:refs/heads/main`])
  return { newBase, newHead }
}

/** A simulator whose main is strict and the pull request behind it; GitHub's update (the first PUT) moves head and base as origin has them. */
async function behindUntilUpdated(pr: Pr, moved: { newBase: string; newHead: string }): Promise<Sim> {
  const s = await startFor(pr, ['test'], (st) => {
    st.branches.find((b) => b.name === 'main')!.protection!.required_status_checks!.strict = true
    st.pulls[0]!.mergeable_state = 'behind'
  })
  s.addCheckRun({ name: 'test', conclusion: 'success' })
  s.after({ method: 'PUT', path: /\/update-branch$/, count: 1 }, (st) => {
    Object.assign(st.pulls[0]!.head, { sha: moved.newHead })
    Object.assign(st.pulls[0]!.base, { sha: moved.newBase })
    st.branches.find((b) => b.name === 'feature')!.sha = moved.newHead
    st.branches.find((b) => b.name === 'main')!.sha = moved.newBase
    st.pulls[0]!.mergeable_state = 'clean'
  })
  return s
}

describe('pipeline: a strict branch whose base moved', () => {
  it("'merge-update-branch: true' goes round once: the new head is guarded, verified and merged pinned to it, after exactly one update", async () => {
    const pr = cleanPr()
    const moved = updateOnOrigin(pr)
    const { newHead } = moved
    // GitHub's update makes the merge commit that origin holds: the simulator's pull request follows it.
    const s = await behindUntilUpdated(pr, moved)
    s.addCheckRun({ name: 'test', conclusion: 'success', head_sha: newHead })
    const run = await runPipeline(s, pr, { 'merge-update-branch': 'true' })
    expect(errors(run)).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ stage: 'none', updates: '1', result: 'pass', conclusion: 'success', sha: newHead, merged: 'true', reason: 'merged', 'updated-sha': '' })
    // Exactly one update, pinned to the first verified head; the only successful merge carries the new, verified head.
    const updates = s.requests({ method: 'PUT', path: /\/update-branch$/ })
    expect(updates.map((u) => u.body)).toEqual([{ expected_head_sha: pr.head }])
    const calls = mergeCalls(s)
    expect(calls.map((c) => [(c.body as { sha?: string }).sha, c.status])).toEqual([
      [pr.head, 409],
      [newHead, 200]
    ])
    // The new head was verified before it was merged: a check-run read of it precedes the merge call.
    const verified = s.requests({ method: 'GET', path: new RegExp(`/commits/${newHead}/check-runs$`) })
    expect(verified.length).toBeGreaterThan(0)
    expect(verified[0]!.seq).toBeLessThan(calls[1]!.seq)
    // guard fetched and checked the new head (the clone did not have it).
    expect(pr.repo.git(['cat-file', '-t', newHead])).toBe('commit')
    expect(run.stdout).toContain('round 2, after a branch update')
    const headings = [...renderGfm(run.summary).matchAll(/<h(\d)>([^<]*)<\/h\d>/g)].map((m) => `h${m[1]} ${m[2]}`)
    expect(headings.filter((h) => /^h[12] (Purple|Round)/.test(h))).toEqual([
      'h1 Purple: merged',
      'h2 Round 1',
      'h2 Purple merge: branch-updated',
      'h2 Round 2, after a branch update',
      'h2 Purple merge: merged'
    ])
    expect(conversation(s)).toMatchSnapshot()
  })

  it("the updated head never gets a check (the job's token updated it): stops at wait-ci, saying so and naming App auth", async () => {
    const pr = cleanPr()
    const moved = updateOnOrigin(pr)
    const { newHead } = moved
    const s = await behindUntilUpdated(pr, moved)
    // A budget of an hour: the stop comes after a few minutes without any check suite, not at the budget's end.
    const run = await runPipeline(s, pr, { 'merge-update-branch': 'true', 'wait-timeout-seconds': '3600' })
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({ stage: 'wait-ci', updates: '1', merged: 'false' })
    expect(run.outputs['stage-message']).toMatch(
      new RegExp(`^No check suite and no workflow run exists for the updated head ${newHead} after 3m 0s: .*GITHUB_TOKEN starts no workflows.*App auth \\('app-id' and 'private-key'`)
    )
    expect(errors(run)).toEqual([run.outputs['stage-message']])
    expect(run.commands.some((c) => c.command === 'warning' && /updated with the job's GITHUB_TOKEN/.test(c.message))).toBe(true)
    // It stopped once the few minutes were over, on the simulator's clock too: far inside the hour.
    const update = s.requests({ method: 'PUT', path: /\/update-branch$/ })[0]!
    const probes = s.requests({ method: 'GET', path: new RegExp(`/commits/${newHead}/check-suites$`) })
    expect(probes.length).toBeGreaterThan(1)
    expect(probes[probes.length - 1]!.time - update.time).toBeGreaterThanOrEqual(180_000)
    expect(s.log[s.log.length - 1]!.time - update.time).toBeLessThan(600_000)
    // Nothing unverified was merged: the one merge call carried the first verified head and was refused.
    expect(mergeCalls(s).map((c) => [(c.body as { sha?: string }).sha, c.status])).toEqual([[pr.head, 409]])
  })

  it("a personal token's update starts workflows: no token warning, and GitHub is not asked whose the token is", async () => {
    const pr = cleanPr()
    const moved = updateOnOrigin(pr)
    const s = await behindUntilUpdated(pr, moved)
    s.addCheckRun({ name: 'test', conclusion: 'success', head_sha: moved.newHead })
    const run = await runPipeline(s, pr, { 'merge-update-branch': 'true', 'github-token': ADMIN_TOKEN })
    expect(run.outputs).toMatchObject({ stage: 'none', updates: '1', merged: 'true', sha: moved.newHead })
    expect(run.commands.filter((c) => c.command === 'warning' && /updated with/.test(c.message))).toEqual([])
    expect(s.requests({ method: 'POST', path: /graphql/ }).filter((r) => JSON.stringify(r.body).includes('PurpleViewer'))).toEqual([])
    expect(mergeCalls(s).map((c) => [(c.body as { sha?: string }).sha, c.status])).toEqual([
      [pr.head, 409],
      [moved.newHead, 200]
    ])
  })

  it("'max-updates: 0': merge may not update, so it ends behind and says what stands in the way", async () => {
    const pr = cleanPr()
    const s = await startFor(pr, ['test'], (st) => {
      st.branches.find((b) => b.name === 'main')!.protection!.required_status_checks!.strict = true
      st.pulls[0]!.mergeable_state = 'behind'
    })
    s.addCheckRun({ name: 'test', conclusion: 'success' })
    const run = await runPipeline(s, pr, { 'merge-update-branch': 'true', 'max-updates': '0' })
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({ stage: 'merge', reason: 'behind', updates: '0', merged: 'false' })
    expect(s.requests({ method: 'PUT', path: /\/update-branch$/ })).toEqual([])
    expectMergeInvariants(s, pr.head)
    // No request-log snapshot: the diagnosis read after the stop sends its reads in parallel, in any order.
  })
})

/** A run that ended before any stage: every declared output is set, `stage` says so, and the summary says why. */
function expectInputsStop(run: BundleRun, says: RegExp): void {
  expect(Object.keys(run.outputs).sort()).toEqual(Object.keys(pipelineSpec.outputs).sort())
  expect(run.outputs).toMatchObject({ stage: 'inputs', merged: 'false', conclusion: '', result: '', updates: '0' })
  expect(run.outputs['stage-message']).toMatch(says)
  expect(renderGfm(run.summary)).toMatch(/<h1>Purple: no stage ran<\/h1>/)
}
