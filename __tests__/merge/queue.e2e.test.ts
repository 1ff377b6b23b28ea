/**
 * End to end: the bundled merge action (dist/merge/index.js) on a base branch
 * that takes changes only through the merge queue, against the loopback
 * simulator. The bundle runs on virtual time and moves the simulator's manual
 * clock (harness/virtual-time.cjs), so budgets are minutes, as in a workflow,
 * and the conversation is a committed snapshot. Every scenario checks that each enqueue carries the
 * verified sha and that nothing merges an unverified head.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { APP_AUTH_ADVICE } from '../../src/core/merge-queue.js'
import { renderGfm } from '../harness/gfm.js'
import { runBundle, type BundleRun } from '../harness/run-bundle.js'
import { enqueue, requireMergeQueue, settleGroupChecks } from '../sim/merge-queue.js'
import { closeChecked } from '../sim/openapi-check.js'
import { ADMIN_TOKEN, DEFAULT_TOKEN, HEAD_SHA, startSimulator, type Sim, type SimState } from '../sim/server.js'
import { enqueues, expectValidGraphql } from '../queue/scenario.js'
import { expectMergeInvariants, mergeCalls, mergeConversation } from './invariants.js'

const bundle = 'dist/merge/index.js'
const T0 = Date.parse('2026-06-01T12:00:00Z')
const PR_EVENT = { pull_request: { number: 1, head: { sha: HEAD_SHA, ref: 'feature' }, base: { ref: 'main' } } }
// GitHub's direct-merge refusal on a queue-only branch (pascalgn/automerge-action#235), as the simulator words it under the ruleset header.
const QUEUE_REFUSAL = 'Repository rule violations found\n\nChanges must be made through the merge queue\n\n'

let sim: Sim | undefined
afterEach(async () => {
  await closeChecked(sim)
  sim = undefined
})

/** A simulator whose main requires the queue (group check `test`), on the clock the bundle's virtual time drives. */
async function start(setup?: (state: SimState) => void): Promise<Sim> {
  sim = await startSimulator({
    clock: { mode: 'manual', start: T0 },
    setup: (state) => {
      requireMergeQueue(state, { check_response_timeout_minutes: 60 })
      state.mergeQueue.groupChecks = ['test']
      setup?.(state)
    }
  })
  return sim
}

async function runMerge(s: Sim, inputs: Record<string, string> = {}): Promise<BundleRun> {
  const run = await runBundle(bundle, {
    inputs: {
      'github-token': ADMIN_TOKEN,
      sha: HEAD_SHA,
      // merge's default budget (300 s) and an interval as a workflow would set it.
      'interval-seconds': '10',
      'max-retries': '2',
      'request-timeout-seconds': '2',
      ...inputs
    },
    event: PR_EVENT,
    env: { GITHUB_API_URL: s.url },
    sim: s
  })
  const token = inputs['github-token'] ?? ADMIN_TOKEN
  expect(run.allText.split('\n').filter((line) => line.includes(token) && !line.startsWith('::add-mask::'))).toEqual([])
  return run
}

/** Every enqueue pinned to the verified sha; the one direct merge call pinned too, and refused. */
function expectQueueInvariants(s: Sim): void {
  for (const variables of enqueues(s)) expect(variables.expectedHeadOid).toBe(HEAD_SHA)
  expectMergeInvariants(s, HEAD_SHA)
  for (const call of mergeCalls(s)) expect(call.responseBody).toMatchObject({ message: QUEUE_REFUSAL })
  // The head never moved, so whatever the queue merged carried the verified head.
  expect(s.state.pulls[0]!.head.sha).toBe(HEAD_SHA)
}

const settleAt = (s: Sim, ms: number, conclusion: 'success' | 'failure'): void =>
  s.after({ elapsedMs: ms }, (state) => settleGroupChecks(state, 1, { test: conclusion }, s.clock.now()))

const errors = (run: BundleRun) => run.commands.filter((c) => c.command === 'error').map((c) => c.message)
const warnings = (run: BundleRun) => run.commands.filter((c) => c.command === 'warning').map((c) => c.message)

describe('merge through the merge queue (bundle)', () => {
  it('enqueues the verified head after the 405 queue refusal and follows it until the queue merges it', async () => {
    const s = await start()
    // The group starts 30 s after the enqueue (a few requests in); its workflow ends later.
    settleAt(s, 150_000, 'success')
    const run = await runMerge(s, { 'delete-branch': 'true' })
    const pr = s.state.pulls[0]!
    expect(run.exitCode).toBe(0)
    expect(pr.merged).toBe(true)
    expect(run.outputs).toMatchObject({ merged: 'true', reason: 'merged', attempts: '1', 'merge-commit-sha': pr.merge_commit_sha!, 'merge-group-sha': pr.merge_commit_sha! })
    expect(enqueues(s)).toEqual([{ pullRequestId: 'PR_900001', expectedHeadOid: HEAD_SHA }])
    // A personal token's merge group starts workflows: no warning; the queue, not merge, decides about the branch.
    expect(warnings(run)).toEqual([])
    expect(run.stdout).toContain('delete-branch skipped: the merge queue merged this pull request')
    expect(s.count('DELETE', /\/git\/refs\//)).toBe(0)
    const html = renderGfm(run.summary)
    expect(html).toContain('<h2>Purple merge: merged</h2>')
    expect(html).toContain(`<td>merge group</td><td><code>${pr.merge_commit_sha}</code></td>`)
    expectQueueInvariants(s)
    expectValidGraphql(s)
    expect(mergeConversation(s)).toMatchSnapshot()
  })

  it('names the failing check of the merge group when the queue ejects the pull request', async () => {
    const s = await start()
    settleAt(s, 150_000, 'failure')
    const run = await runMerge(s)
    const group = run.outputs['merge-group-sha']!
    const failed = s.state.checkRuns.find((c) => c.head_sha === group && c.name === 'test')!
    const link = `https://github.com/octo-org/purple-demo/runs/${failed.id}`
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({ merged: 'false', reason: 'merge-queue-ejected', 'merge-commit-sha': '' })
    expect(group).toMatch(/^[0-9a-f]{40}$/)
    expect(run.outputs.message).toContain(`'test' (failure: ${link})`)
    expect(errors(run)).toEqual([run.outputs.message])
    expect(renderGfm(run.summary)).toContain(`<td><a href="${link}">test</a></td><td>check run</td><td>failure</td>`)
    expect(enqueues(s)).toHaveLength(1)
    expectQueueInvariants(s)
    expect(mergeConversation(s)).toMatchSnapshot()
  })

  it('adopts an entry that is already queued: no enqueue at all', async () => {
    const s = await start((state) => {
      enqueue(state, T0, { input: { pullRequestId: 'PR_900001', expectedHeadOid: HEAD_SHA } }, state.tokens.find((t) => t.kind === 'pat'))
    })
    settleAt(s, 60_000, 'success')
    const run = await runMerge(s)
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ merged: 'true', reason: 'merged' })
    expect(enqueues(s)).toEqual([])
    expect(run.stdout).toContain('already queued')
    // Nothing is enqueued, so no warning about what an enqueue with a token would do.
    expect(warnings(run)).toEqual([])
    expectQueueInvariants(s)
    expect(mergeConversation(s)).toMatchSnapshot()
  })

  it("reports GitHub's refusal of the enqueue word for word", async () => {
    // Reported on GitHub's community forum for a queue with a required workflow.
    const said = "Pull request Required workflow '✅ Validate Go Project' is not satisfied"
    const s = await start((state) => (state.mergeQueue.refuseEnqueue = said))
    const run = await runMerge(s)
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({ merged: 'false', reason: 'merge-queue-refused', 'merge-group-sha': '' })
    expect(run.outputs.message).toBe(`GitHub refused to add pull request #1 to the merge queue: ${said}`)
    expect(errors(run)).toEqual([run.outputs.message])
    expect(enqueues(s)).toHaveLength(1)
    expectQueueInvariants(s)
    expectValidGraphql(s, [{ type: 'UNPROCESSABLE', message: said }])
    expect(mergeConversation(s)).toMatchSnapshot()
  })

  it('a merge group enqueued with the job token starts nothing: the end says so and names App auth', async () => {
    const s = await start()
    const run = await runMerge(s, { 'github-token': DEFAULT_TOKEN })
    expect(run.exitCode).toBe(1)
    // With merge's default budget it ends with the diagnosis minutes in, well before the budget: never a plain timeout.
    expect(run.outputs.reason).toBe('merge-queue-never-started')
    expect(run.outputs.message).toMatch(/has no check suite and no workflow run after 3m \d+s/)
    expect(errors(run)).toEqual([run.outputs.message])
    const enqueued = s.requests({ method: 'POST', path: '/graphql' }).find((e) => /enqueuePullRequest/.test(JSON.stringify(e.body)))!
    expect(s.log[s.log.length - 1]!.time - enqueued.time).toBeLessThan(240_000)
    expect(run.outputs.message).toContain(APP_AUTH_ADVICE)
    expect(s.state.workflowRuns.filter((r) => r.event === 'merge_group')).toEqual([])
    expect(warnings(run)).toEqual([expect.stringContaining(APP_AUTH_ADVICE)])
    expect(enqueues(s)).toHaveLength(1)
    expectQueueInvariants(s)
  })

  it("with 'merge-queue: off' fails naming the queue, and enqueues nothing", async () => {
    const s = await start()
    const run = await runMerge(s, { 'merge-queue': 'off' })
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({ merged: 'false', reason: 'permanent', attempts: '1', 'merge-group-sha': '' })
    expect(run.outputs.message).toMatch(/^The base branch takes changes only through the merge queue \(GitHub: Repository rule violations found\\n\\nChanges must be made through the merge queue\), and 'merge-queue' is 'off'/)
    expect(errors(run)).toEqual([run.outputs.message])
    expect(enqueues(s)).toEqual([])
    expect(s.requests({ method: 'POST', path: '/graphql' }).filter((e) => /PurpleMergeQueueState/.test(JSON.stringify(e.body)))).toEqual([])
    expectQueueInvariants(s)
    expect(mergeConversation(s)).toMatchSnapshot()
  })
})
