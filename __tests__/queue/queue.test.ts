/**
 * mergeThroughQueue against the simulator's merge queue, in-process, on a
 * simulated clock that only the injected sleep moves. Each scenario asserts
 * the outcome, the request log (snapshot) and the invariant that every
 * enqueue carries the verified sha.
 */
import { mergeThroughQueue, detectMergeQueue } from '../../src/github/merge-queue.js'
import { APP_AUTH_ADVICE } from '../../src/core/merge-queue.js'
import { closeChecked } from '../sim/openapi-check.js'
import { conversation } from '../sim/request-log.js'
import { enqueue, entryOf, settleGroupChecks } from '../sim/merge-queue.js'
import { DEFAULT_TOKEN, shaOf, type Sim } from '../sim/server.js'
import { T0, TARGET, VERIFIED, enqueues, expectOnlyVerifiedEnqueues, expectValidGraphql, queueScenario } from './scenario.js'

let sim: Sim | undefined
afterEach(async () => {
  // Every REST answer of every scenario must match GitHub's published schema.
  await closeChecked(sim)
  sim = undefined
})

const HOUR = 3_600_000
const options = { sha: VERIFIED, timeoutMs: HOUR, checkResponseTimeoutMinutes: 60 }

/** The merge_group workflow ends 45 s into the scenario (the group starts 30 s after the enqueue). */
function settleAt45s(s: Sim, conclusion: 'success' | 'failure'): void {
  s.after({ elapsedMs: 45_000 }, (state) => settleGroupChecks(state, 1, { test: conclusion }, s.clock.now()))
}

describe('merge through the queue', () => {
  it('enqueues the verified head once and follows it until the queue merges it', async () => {
    const sc = await queueScenario()
    sim = sc.sim
    settleAt45s(sim, 'success')
    const outcome = await mergeThroughQueue(sc.client, TARGET, options, sc.runtime)
    const group = sim.state.pulls[0]?.merge_commit_sha
    expect(outcome).toMatchObject({ reason: 'merged', merged: true, enqueued: true, mergeCommitSha: group, mergeGroupSha: group })
    expect(outcome.message).toBe(`The merge queue merged pull request #1 (merge group ${group?.slice(0, 7)}): merge commit ${group?.slice(0, 7)}.`)
    expect(enqueues(sim)).toEqual([{ pullRequestId: 'PR_900001', expectedHeadOid: VERIFIED }])
    expectOnlyVerifiedEnqueues(sim)
    expect(sc.lines).toContainEqual(expect.stringMatching(/^merge queue: pull request #1 AWAITING_CHECKS, position 1, merge group [0-9a-f]{7}$/))
    expect(conversation(sim)).toMatchSnapshot()
  })

  it('with App auth: no token warning, the group starts, and the queue merges', async () => {
    const sc = await queueScenario({ app: true })
    sim = sc.sim
    sim.after({ elapsedMs: 45_000 }, (state) => settleGroupChecks(state, 1, { test: 'success' }, sim?.clock.now() ?? 0))
    const outcome = await mergeThroughQueue(sc.client, TARGET, options, sc.runtime)
    expect(outcome).toMatchObject({ reason: 'merged', merged: true, enqueued: true })
    expect(sc.lines.filter((l) => l.startsWith('warning:'))).toEqual([])
    expect(sim.state.workflowRuns).toMatchObject([{ event: 'merge_group', head_sha: outcome.mergeGroupSha }])
    expect(enqueues(sim)).toHaveLength(1)
    expectOnlyVerifiedEnqueues(sim)
    expectValidGraphql(sim)
  })

  it('names the failing check of the merge group, with its link, when the queue ejects the pull request', async () => {
    const sc = await queueScenario()
    sim = sc.sim
    settleAt45s(sim, 'failure')
    const outcome = await mergeThroughQueue(sc.client, TARGET, options, sc.runtime)
    const group = outcome.mergeGroupSha
    const failed = sim.state.checkRuns.find((c) => c.head_sha === group && c.name === 'test')
    expect(outcome).toMatchObject({ reason: 'merge-queue-ejected', merged: false, mergeCommitSha: '', removalReason: 'failed_checks' })
    expect(failed).toBeDefined()
    const link = `https://github.com/octo-org/purple-demo/runs/${failed?.id}`
    expect(outcome.failingChecks).toEqual([{ name: 'test', outcome: 'failure', url: link, kind: 'check-run', order: failed?.id }])
    expect(outcome.message).toContain(`Failing checks of merge group ${group.slice(0, 7)}: 'test' (failure: ${link}).`)
    // The pull request's own head never had a failing check: the group's checks were the only evidence.
    expect(sim.state.checkRuns.filter((c) => c.head_sha === VERIFIED)).toEqual([])
    expect(sim.state.pulls[0]).toMatchObject({ state: 'open', merged: false })
    expect(enqueues(sim)).toHaveLength(1)
    expectOnlyVerifiedEnqueues(sim)
    expectValidGraphql(sim)
    expect(conversation(sim)).toMatchSnapshot()
  })

  it('adopts an entry that is already queued: no enqueue at all, and follows it to the merge', async () => {
    const sc = await queueScenario()
    sim = sc.sim
    const token = sim.state.tokens.find((t) => t.kind === 'pat')
    enqueue(sim.state, T0, { input: { pullRequestId: 'PR_900001', expectedHeadOid: VERIFIED } }, token)
    settleAt45s(sim, 'success')
    const outcome = await mergeThroughQueue(sc.client, TARGET, options, sc.runtime)
    expect(outcome).toMatchObject({ reason: 'merged', merged: true, enqueued: false })
    expect(enqueues(sim)).toEqual([])
    expect(sc.lines).toContain('merge queue: pull request #1 is already queued (QUEUED); following that entry, not enqueueing again')
    expectOnlyVerifiedEnqueues(sim)
    expectValidGraphql(sim)
    expect(conversation(sim)).toMatchSnapshot()
  })

  it("reports GitHub's refusal of the enqueue word for word", async () => {
    const said = "Pull request Required workflow '✅ Validate Go Project' is not satisfied"
    const sc = await queueScenario({ setup: (state) => (state.mergeQueue.refuseEnqueue = said) })
    sim = sc.sim
    const outcome = await mergeThroughQueue(sc.client, TARGET, options, sc.runtime)
    expect(outcome).toMatchObject({ reason: 'merge-queue-refused', merged: false, polls: 0 })
    expect(outcome.message).toBe(`GitHub refused to add pull request #1 to the merge queue: ${said}`)
    expect(enqueues(sim)).toHaveLength(1)
    expectOnlyVerifiedEnqueues(sim)
    expectValidGraphql(sim, [{ type: 'UNPROCESSABLE', message: said }])
    expect(conversation(sim)).toMatchSnapshot()
  })

  it('stops early with the App-auth advice when a job-token enqueue gets a merge group that starts nothing', async () => {
    const sc = await queueScenario({ token: DEFAULT_TOKEN })
    sim = sc.sim
    const outcome = await mergeThroughQueue(sc.client, TARGET, options, sc.runtime)
    expect(outcome.reason).toBe('merge-queue-never-started')
    expect(outcome.message).toContain('has no check suite and no workflow run after 3m')
    expect(outcome.message).toContain(APP_AUTH_ADVICE)
    // Warned before the enqueue, and ended minutes in, not at the hour the queue would wait.
    expect(sc.lines.findIndex((l) => l.startsWith("warning: Enqueueing with the job's GITHUB_TOKEN"))).toBeLessThan(sc.lines.findIndex((l) => l.startsWith('merge queue: enqueued')))
    expect(sim.clock.now() - T0).toBeLessThan(10 * 60_000)
    expect(sim.state.workflowRuns).toEqual([])
    expect(sim.count('GET', /\/check-suites$/)).toBe(1)
    expect(sim.count('GET', /\/actions\/runs$/)).toBe(1)
    expectOnlyVerifiedEnqueues(sim)
    expectValidGraphql(sim)
    expect(conversation(sim)).toMatchSnapshot()
  })

  it("a personal token's merge group that starts nothing: no token warning, and the end names the missing merge_group trigger", async () => {
    const sc = await queueScenario({ setup: (state) => (state.mergeQueue.mergeGroupTrigger = false) })
    sim = sc.sim
    const outcome = await mergeThroughQueue(sc.client, TARGET, options, sc.runtime)
    expect(outcome.reason).toBe('merge-queue-never-started')
    expect(outcome.message).toContain("The enqueue was not made with the job's GITHUB_TOKEN, so the likely cause is that no workflow has a 'merge_group:' trigger")
    expect(outcome.message).not.toContain(APP_AUTH_ADVICE)
    expect(sc.lines.filter((l) => l.startsWith('warning:'))).toEqual([])
    expect(sim.requests({ method: 'POST', path: /graphql/ }).filter((r) => JSON.stringify(r.body).includes('PurpleViewer'))).toEqual([])
    expectOnlyVerifiedEnqueues(sim)
  })

  it('an enqueue whose answer is lost is found in the queue and followed, never sent twice', async () => {
    const sc = await queueScenario()
    sim = sc.sim
    const isEnqueue = (req: { body: unknown }) => /enqueuePullRequest/.test(JSON.stringify(req.body))
    sim.fault({ method: 'POST', path: '/graphql', where: isEnqueue }, 'apply-then-reset')
    settleAt45s(sim, 'success')
    const outcome = await mergeThroughQueue(sc.client, TARGET, options, sc.runtime)
    expect(outcome).toMatchObject({ reason: 'merged', merged: true, enqueued: true })
    expect(enqueues(sim)).toEqual([{ pullRequestId: 'PR_900001', expectedHeadOid: VERIFIED }])
    expectOnlyVerifiedEnqueues(sim)
  })

  it('a budget that ends before the never-started threshold still gives the diagnosis when nothing started', async () => {
    const sc = await queueScenario({ token: DEFAULT_TOKEN })
    sim = sc.sim
    const outcome = await mergeThroughQueue(sc.client, TARGET, { ...options, timeoutMs: 2 * 60_000 }, sc.runtime)
    expect(outcome.reason).toBe('merge-queue-timeout')
    expect(outcome.message).toContain('has no check suite and no workflow run')
    expect(outcome.message).toContain(APP_AUTH_ADVICE)
    expect(Math.floor((sim.clock.now() - T0) / 1000)).toBe(2 * 60)
  })

  it('enqueues nothing when the head is not the verified sha', async () => {
    const sc = await queueScenario()
    sim = sc.sim
    sim.pushHead(shaOf('unverified'))
    const outcome = await mergeThroughQueue(sc.client, TARGET, options, sc.runtime)
    expect(outcome.reason).toBe('head-moved')
    expect(enqueues(sim)).toEqual([])
    expect(entryOf(sim.state, 1)).toBeUndefined()
  })

  it('a push between the read and the enqueue: GitHub refuses the pinned enqueue and merge reports head-moved', async () => {
    const sc = await queueScenario()
    sim = sc.sim
    const pushed = shaOf('pushed-meanwhile')
    sim.after({ method: 'POST', path: '/graphql', count: 1 }, (_state, s) => void s.pushHead(pushed))
    const outcome = await mergeThroughQueue(sc.client, TARGET, options, sc.runtime)
    expect(outcome.reason).toBe('head-moved')
    expect(outcome.message).toContain(`is ${pushed.slice(0, 7)}, not the verified ${VERIFIED.slice(0, 7)}`)
    expect(enqueues(sim)).toEqual([{ pullRequestId: 'PR_900001', expectedHeadOid: VERIFIED }])
    expect(entryOf(sim.state, 1)).toBeUndefined()
    expectOnlyVerifiedEnqueues(sim)
  })

  it('ends at the budget with the check-timeout advice while the group still runs', async () => {
    const sc = await queueScenario()
    sim = sc.sim
    const outcome = await mergeThroughQueue(sc.client, TARGET, { ...options, timeoutMs: 10 * 60_000 }, sc.runtime)
    expect(outcome.reason).toBe('merge-queue-timeout')
    expect(outcome.message).toMatch(/^Pull request #1 is still in the merge queue \(AWAITING_CHECKS, position 1\) after 10m 0s/)
    expect(outcome.message).toContain("give 'timeout-seconds' about 3600")
    expect(outcome.message).not.toContain(APP_AUTH_ADVICE)
    expect(Math.floor((sim.clock.now() - T0) / 1000)).toBe(10 * 60)
  })
})

describe('detecting the queue', () => {
  it('costs one rules read without a queue, and none when the caller already read the rules', async () => {
    const sc = await queueScenario({ setup: (state) => (state.rulesets = []) })
    sim = sc.sim
    const where = { owner: TARGET.owner, repo: TARGET.repo, base: 'main' }
    expect(await detectMergeQueue(sc.client, where)).toEqual({ required: false })
    expect(sim.log).toHaveLength(1)
    expect(await detectMergeQueue(sc.client, where, { rules: [] })).toEqual({ required: false })
    expect(sim.log).toHaveLength(1)
  })

  it('reads the merge_queue rule with its check timeout', async () => {
    const sc = await queueScenario()
    sim = sc.sim
    const found = await detectMergeQueue(sc.client, { owner: TARGET.owner, repo: TARGET.repo, base: 'main' })
    expect(found).toMatchObject({ required: true, source: 'rule', rule: { checkResponseTimeoutMinutes: 60, mergeMethod: 'MERGE' } })
  })
})
