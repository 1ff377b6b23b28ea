/**
 * End to end: the bundled merge action (dist/merge/index.js) as a subprocess
 * against the loopback simulator. Every scenario checks the invariants
 * (expectMergeInvariants) and, where the number of calls does not depend on
 * the wall clock, matches its conversation with GitHub against a committed
 * snapshot (__snapshots__/merge.e2e.test.ts.snap).
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from '@jest/globals'
import { renderGfm } from '../harness/gfm.js'
import { runBundle, type BundleRun } from '../harness/run-bundle.js'
import { ADMIN_TOKEN, DEFAULT_TOKEN, HEAD_SHA, protectBranch, shaOf, startSimulator, type Sim, type SimOptions, type SimState } from '../sim/server.js'
import { expectMergeInvariants, mergeCalls, mergeConversation } from './invariants.js'
import { closeChecked } from '../sim/openapi-check.js'

const bundle = 'dist/merge/index.js'
const PULL = '/repos/octo-org/purple-demo/pulls/1'
const MERGE = `${PULL}/merge`

let sim: Sim | undefined
afterEach(async () => {
  // Every answer of every scenario must match GitHub's published schema (drift check).
  await closeChecked(sim)
  sim = undefined
})

const classic =
  (contexts: string[], reviews: number | null = null) =>
  (st: SimState): void => {
    protectBranch(st, undefined, { contexts, reviews })
  }

/** A simulator on the manual clock the bundle's virtual time drives (harness/virtual-time.cjs). */
async function start(setup?: SimOptions['setup']): Promise<Sim> {
  sim = await startSimulator({ setup, clock: { mode: 'manual' } })
  return sim
}

const PR_EVENT = { pull_request: { number: 1, head: { sha: HEAD_SHA, ref: 'feature' }, base: { ref: 'main' } } }

/** Runs the bundle on virtual time with merge's default budget and interval (300 s, 5 s) unless a test passes its own. */
async function runMerge(s: Sim, inputs: Record<string, string> = {}, event: object = PR_EVENT): Promise<BundleRun> {
  const run = await runBundle(bundle, {
    inputs: {
      'github-token': DEFAULT_TOKEN,
      sha: HEAD_SHA,
      'max-retries': '2',
      'request-timeout-seconds': '2',
      ...inputs
    },
    event,
    env: { GITHUB_API_URL: s.url },
    sim: s
  })
  // The token appears only in the ::add-mask:: command that tells the runner to hide it.
  const token = inputs['github-token'] ?? DEFAULT_TOKEN
  expect(run.allText.split('\n').filter((line) => line.includes(token) && !line.startsWith('::add-mask::'))).toEqual([])
  return run
}

function expectMerged(run: BundleRun, s: Sim, attempts: number): void {
  expect(run.exitCode).toBe(0)
  const pr = s.state.pulls[0]!
  expect(pr.merged).toBe(true)
  expect(run.outputs).toEqual({
    merged: 'true',
    'merge-commit-sha': pr.merge_commit_sha!,
    attempts: String(attempts),
    reason: 'merged',
    message: expect.any(String),
    'updated-sha': '',
    'merge-group-sha': '',
    blockers: ''
  })
  expect(mergeCalls(s)).toHaveLength(attempts)
}

function expectRefused(run: BundleRun, s: Sim, reason: string, attempts: number, says: string | RegExp): void {
  expect(run.exitCode).toBe(1)
  expect(s.state.pulls[0]!.merged).toBe(false)
  expect(run.outputs).toMatchObject({ merged: 'false', 'merge-commit-sha': '', attempts: String(attempts), reason, 'updated-sha': expect.any(String) })
  expect(run.outputs.message).toMatch(says)
  expect(mergeCalls(s)).toHaveLength(attempts)
  // The failure reaches the log as one ::error:: with the same message (setFailed once).
  expect(run.commands.filter((c) => c.command === 'error').map((c) => c.message)).toEqual([run.outputs.message])
}

describe('merge: pending answers are retried within the budget', () => {
  it('singular `Required status check "test" is expected.` once, then the check registers green: merged on attempt 2', async () => {
    const s = await start(classic(['test']))
    s.after({ method: 'PUT', path: MERGE, count: 1 }, (_st, sm) => void sm.addCheckRun({ name: 'test', conclusion: 'success' }))
    const run = await runMerge(s)
    expectMerged(run, s, 2)
    expect(s.requests({ method: 'PUT', path: MERGE })[0]!.responseBody).toMatchObject({ message: 'Required status check "test" is expected.' })
    const html = renderGfm(run.summary)
    expect(html).toContain('<h2>Purple merge: merged</h2>')
    expect(html).toMatch(/<tr><td>1<\/td><td>\+0 s<\/td><td>merge<\/td><td>HTTP 405: Required status check &quot;test&quot; is expected\.<\/td><td>pending<\/td><td>[\d.]+ s<\/td><\/tr>/)
    expect(html).toMatch(/<tr><td>2<\/td><td>[^<]*<\/td><td>merge<\/td><td>HTTP 200: Pull Request successfully merged<\/td><td>merged<\/td><td><\/td><\/tr>/)
    expectMergeInvariants(s, HEAD_SHA)
    expect(mergeConversation(s)).toMatchSnapshot()
  })

  it('"expected" until the budget runs out: pending-timeout, non-zero exit, the check named', async () => {
    const s = await start(classic(['test']))
    const run = await runMerge(s)
    const calls = mergeCalls(s).length
    expect(calls).toBeGreaterThanOrEqual(2)
    expectRefused(run, s, 'pending-timeout', calls, /Required status check "test" is expected\..*budget is used up.*timeout-seconds/)
    expectMergeInvariants(s, HEAD_SHA)
  })
})

describe('merge: a lost answer to a merge that happened is success, not a second merge', () => {
  it.each([['apply-then-reset']] as const)('%s on the merge answer: merged, one merge call', async (fault) => {
    // apply-then-close, cut-body: in-process.test.ts (same entry path, same conversation)
    const s = await start()
    s.fault({ method: 'PUT', path: MERGE }, fault)
    const run = await runMerge(s)
    expectMerged(run, s, 1)
    expect(run.outputs.message).toMatch(/already merged at the verified head/)
    expect(mergeCalls(s)[0]!.fault).toBe(fault)
    expectMergeInvariants(s, HEAD_SHA)
    expect(mergeConversation(s)).toMatchSnapshot()
  })

  it('connection resets on every merge call until the budget runs out: unreachable, not merged', async () => {
    const s = await start()
    s.fault({ method: 'PUT', path: MERGE }, 'reset', 10_000)
    const run = await runMerge(s, { 'timeout-seconds': '60' })
    const calls = mergeCalls(s).length
    expect(calls).toBeGreaterThanOrEqual(2)
    expectRefused(run, s, 'unreachable', calls, /GitHub could not be reached reliably for the merge after \d+ attempts \(last: no answer .*ECONNRESET.*budget is used up/)
    expectMergeInvariants(s, HEAD_SHA)
  })

})

describe('merge: head moved', () => {
  it('409 `Head branch was modified` from GitHub: head-moved, never retried', async () => {
    const s = await start()
    // The head moves between merge's first read and its merge call.
    s.after({ method: 'GET', path: PULL, count: 1 }, (st) => void (st.pulls[0]!.head.sha = shaOf('pushed-later')))
    const run = await runMerge(s)
    expectRefused(run, s, 'head-moved', 1, new RegExp(`${shaOf('pushed-later')}.*Run wait-ci on the new head`))
    expect(mergeCalls(s)[0]).toMatchObject({ status: 409, responseBody: { message: 'Head branch was modified. Review and try the merge again.' } })
    expectMergeInvariants(s, HEAD_SHA)
    expect(mergeConversation(s)).toMatchSnapshot()
  })

  it('a head that moved before merge started: head-moved without any merge call', async () => {
    const s = await start((st) => void (st.pulls[0]!.head.sha = shaOf('pushed-earlier')))
    const run = await runMerge(s)
    expectRefused(run, s, 'head-moved', 0, /Head branch moved/)
    expectMergeInvariants(s, HEAD_SHA)
    expect(mergeConversation(s)).toMatchSnapshot()
  })
})

describe('merge: permanent refusals fail at once with GitHub\'s message and what to do', () => {
  it.each<[string, SimOptions['setup'], ((s: Sim) => void) | null, Record<string, string>, RegExp]>([
    [
      'a failing required check',
      classic(['test']),
      (s) => void s.addCheckRun({ name: 'test', conclusion: 'failure' }),
      {},
      /'Required status check "test" is failing\.'.*fix the failure/
    ],
    // The other refusals (ruleset check, reviews, method, conflicts, draft, merge queue off): in-process.test.ts
  ])('%s: permanent after one call', async (_label, setup, arrange, inputs, says) => {
    const s = await start(setup)
    arrange?.(s)
    const run = await runMerge(s, inputs)
    expectRefused(run, s, 'permanent', 1, says)
    expectMergeInvariants(s, HEAD_SHA)
    expect(mergeConversation(s)).toMatchSnapshot()
  })

})

describe('merge: what blocks, when it stops without merging', () => {
  it("a merge refused for a missing review names 'review-required' in the 'blockers' output and in the summary", async () => {
    const s = await start(classic([], 1))
    const run = await runMerge(s)
    expectRefused(run, s, 'permanent', 1, /approving review is required/)
    const blockers = JSON.parse(run.outputs.blockers!) as { kind: string; source: string; evidence: string; who: string }[]
    expect(blockers).toContainEqual({ kind: 'review-required', source: expect.any(String), evidence: expect.any(String), who: 'reviewer' })
    const html = renderGfm(run.summary)
    expect(html).toContain('<h3>What stands between this PR and a merge</h3>')
    expect(html).toMatch(/<tr>\n?<td>review-required<\/td>/)
    expectMergeInvariants(s, HEAD_SHA)
    expect(mergeConversation(s)).toMatchSnapshot()
  })

  it("a merged pull request leaves 'blockers' empty and reads no diagnosis", async () => {
    const s = await start()
    const run = await runMerge(s)
    expectMerged(run, s, 1)
    expect(s.requests({ method: 'POST', path: '/graphql' })).toEqual([])
  })
})

describe('merge: inputs and defaults', () => {
  it('no sha given: merges the head read at start and warns that nothing verified it', async () => {
    const s = await start()
    const run = await runMerge(s, { sha: '' })
    expectMerged(run, s, 1)
    expect(run.commands.filter((c) => c.command === 'warning').map((c) => c.message)).toEqual([expect.stringMatching(/Input 'sha' is empty.*steps\.wait\.outputs\.sha/)])
    expectMergeInvariants(s, HEAD_SHA)
    expect(mergeConversation(s)).toMatchSnapshot()
  })

  it.each([
    // The other inputs' messages (method, timeout-seconds, delete-branch, update-branch): in-process.test.ts
    [{ sha: 'abc123' }, /Input 'sha' is 'abc123': write the full commit sha/]
  ])('%j fails before any API call, naming the input, with every output set', async (inputs, says) => {
    const s = await start()
    const run = await runMerge(s, inputs)
    expect(run.exitCode).toBe(1)
    expect(run.commands.filter((c) => c.command === 'error').map((c) => c.message)).toEqual([expect.stringMatching(says)])
    expect(run.outputs).toEqual({ merged: 'false', 'merge-commit-sha': '', attempts: '0', reason: 'invalid-input', message: expect.stringMatching(says), 'updated-sha': '', 'merge-group-sha': '', blockers: '' })
    expect(renderGfm(run.summary)).toContain('<h2>Purple merge: invalid-input</h2>')
    expect(s.log).toHaveLength(0)
  })

  it('an event payload that is not JSON: one clear error, every output set, no stack trace', async () => {
    const s = await start()
    const dir = mkdtempSync(join(tmpdir(), 'purple-merge-event-'))
    writeFileSync(join(dir, 'event.json'), '{"pull_request": {"number": 1,')
    const run = await runBundle(bundle, {
      inputs: { 'github-token': DEFAULT_TOKEN, sha: HEAD_SHA },
      env: { GITHUB_API_URL: s.url, GITHUB_EVENT_PATH: join(dir, 'event.json') }
    })
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toEqual({ merged: 'false', 'merge-commit-sha': '', attempts: '0', reason: 'invalid-input', message: expect.stringMatching(/does not hold JSON/), 'updated-sha': '', 'merge-group-sha': '', blockers: '' })
    expect(run.commands.filter((c) => c.command === 'error').map((c) => c.message)).toEqual([run.outputs.message])
    expect(run.allText).not.toMatch(/\n\s+at /)
    expect(s.log).toHaveLength(0)
  })

  it('no pull request (a push event, no input): every output set, the summary says why', async () => {
    const s = await start()
    const run = await runMerge(s, {}, { ref: 'refs/heads/main' })
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toEqual({ merged: 'false', 'merge-commit-sha': '', attempts: '0', reason: 'invalid-input', message: expect.stringMatching(/pull-request/), 'updated-sha': '', 'merge-group-sha': '', blockers: '' })
    expect(renderGfm(run.summary)).toMatch(/<h2>Purple merge: invalid-input<\/h2>\n<p>Nothing was called: .*pull-request/)
    expect(s.log).toHaveLength(0)
  })
})

describe('merge: never misreports a merge that happened', () => {
  it('a lost answer and every read failing after it: unknown-outcome with the link and what to check, never pending-timeout', async () => {
    const s = await start()
    s.fault({ method: 'PUT', path: MERGE }, 'apply-then-reset')
    s.after({ method: 'GET', path: PULL, count: 1 }, (_st, sm) => sm.fault({ method: 'GET', path: PULL }, { type: 'server-error', status: 502 }, 1000))
    const run = await runMerge(s, { 'timeout-seconds': '30', 'max-retries': '0' })
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({ merged: 'false', reason: 'unknown-outcome' })
    expect(run.outputs.message).toMatch(new RegExp(`merged is unknown.*Open https://github\\.com/octo-org/purple-demo/pull/1: if it is merged at ${HEAD_SHA}, the merge is done`))
    // At most one merge call after the lost answer: a "not mergeable" turns the loop into reads.
    expect(mergeCalls(s).length).toBeLessThanOrEqual(2)
    expectMergeInvariants(s, HEAD_SHA)
  })

  it("GitHub's message is data: no markup renders in the summary, no workflow command in the log", async () => {
    const s = await start()
    // invented: a hostile message, as any text GitHub echoes back could be.
    const hostile = 'Nope <img src=x onerror=alert(1)> [click](https://evil.example)\n::error::pwned'
    s.respondOnce({ method: 'PUT', path: MERGE }, { status: 405, body: { message: hostile } })
    const run = await runMerge(s)
    expect(run.outputs.reason).toBe('permanent')
    const html = renderGfm(run.summary)
    expect(html).toContain('<h2>Purple merge: permanent</h2>')
    expect(html).not.toMatch(/<img|<a href="https:\/\/evil/)
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(run.stdout.split('\n').filter((line) => line.trim().startsWith('::error::pwned'))).toEqual([])
    expectMergeInvariants(s, HEAD_SHA)
  })
})

describe('merge: strict "up to date" (the base moved, the head did not)', () => {
  const strictBehind = (st: SimState): void => {
    protectBranch(st, undefined, { contexts: [], strict: true })
    st.pulls[0]!.mergeable_state = 'behind'
  }

  it('409 `Head branch is out of date` with the head unchanged: behind, one merge call, no update', async () => {
    const s = await start(strictBehind)
    const run = await runMerge(s)
    expectRefused(run, s, 'behind', 1, /Head branch is out of date\. Review and try the merge again\..*'update-branch: true'/)
    expect(mergeCalls(s)[0]).toMatchObject({ status: 409 })
    expect(s.requests({ method: 'PUT', path: `${PULL}/update-branch` })).toEqual([])
    expect(run.outputs['updated-sha']).toBe('')
    expectMergeInvariants(s, HEAD_SHA)
    expect(mergeConversation(s)).toMatchSnapshot()
  })

  it('update-branch: true updates once, pinned to the verified sha, and never merges the new head', async () => {
    const s = await start(strictBehind)
    const run = await runMerge(s, { 'update-branch': 'true' })
    expect(run.exitCode).toBe(1)
    const pr = s.state.pulls[0]!
    expect(pr.merged).toBe(false)
    expect(pr.head.sha).not.toBe(HEAD_SHA)
    expect(run.outputs).toMatchObject({ merged: 'false', attempts: '1', reason: 'branch-updated', 'updated-sha': pr.head.sha })
    expect(run.outputs.message).toMatch(new RegExp(`new head ${pr.head.sha} is not verified, so it was not merged`))
    // The job's token (GitHub's viewer is the Actions bot) made the update: its new head gets no workflows.
    expect(run.outputs.message).toContain("The job's GITHUB_TOKEN made the update, so no workflow starts on the new head")
    const updates = s.requests({ method: 'PUT', path: `${PULL}/update-branch` })
    expect(updates.map((u) => [u.body, u.status])).toEqual([[{ expected_head_sha: HEAD_SHA }, 202]])
    expect(mergeCalls(s)).toHaveLength(1)
    expectMergeInvariants(s, HEAD_SHA)
    expect(mergeConversation(s)).toMatchSnapshot()
  })

  it("update-branch: true with a personal token: its update starts workflows, so the message says nothing of the job's token", async () => {
    const s = await start(strictBehind)
    const run = await runMerge(s, { 'update-branch': 'true', 'github-token': ADMIN_TOKEN })
    expect(run.outputs).toMatchObject({ merged: 'false', reason: 'branch-updated', 'updated-sha': s.state.pulls[0]!.head.sha })
    expect(run.outputs.message).not.toContain('GITHUB_TOKEN')
    expect(s.requests({ method: 'POST', path: /graphql/ }).filter((r) => JSON.stringify(r.body).includes('PurpleViewer'))).toEqual([])
    expectMergeInvariants(s, HEAD_SHA)
  })
})
