/**
 * End to end: the bundled merge action (dist/merge/index.js) as a subprocess
 * against the loopback simulator, one scenario per line of issue 5's "How it
 * is shown". Every scenario also checks the invariants (expectMergeInvariants).
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { runBundle, type BundleRun } from '../harness/run-bundle.js'
import { DEFAULT_TOKEN, HEAD_SHA, addRuleset, protectBranch, shaOf, startSimulator, type Sim, type SimOptions, type SimRule, type SimState } from '../sim/server.js'
import { expectMergeInvariants, mergeCalls } from './invariants.js'
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

const ruleset =
  (contexts: string[], extra: SimRule[] = []) =>
  (st: SimState): void => {
    addRuleset(st, { name: 'main gate', requiredChecks: contexts.map((context) => ({ context })), rules: extra })
  }

async function start(setup?: SimOptions['setup']): Promise<Sim> {
  sim = await startSimulator({ setup })
  return sim
}

/** Runs the bundle with tiny intervals; the budget is what a test passes (default 3 s). */
async function runMerge(s: Sim, inputs: Record<string, string> = {}): Promise<BundleRun> {
  const run = await runBundle(bundle, {
    inputs: {
      'github-token': DEFAULT_TOKEN,
      sha: HEAD_SHA,
      'timeout-seconds': '3',
      'interval-seconds': '0.05',
      'max-retries': '2',
      'request-timeout-seconds': '2',
      ...inputs
    },
    event: { pull_request: { number: 1, head: { sha: HEAD_SHA, ref: 'feature' }, base: { ref: 'main' } } },
    env: { GITHUB_API_URL: s.url }
  })
  // The token appears only in the ::add-mask:: command that tells the runner to hide it.
  expect(run.allText.split('\n').filter((line) => line.includes(DEFAULT_TOKEN) && !line.startsWith('::add-mask::'))).toEqual([])
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
    message: expect.any(String)
  })
  expect(mergeCalls(s)).toHaveLength(attempts)
}

function expectRefused(run: BundleRun, s: Sim, reason: string, attempts: number, says: string | RegExp): void {
  expect(run.exitCode).toBe(1)
  expect(s.state.pulls[0]!.merged).toBe(false)
  expect(run.outputs).toMatchObject({ merged: 'false', 'merge-commit-sha': '', attempts: String(attempts), reason })
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
    expect(run.summary).toMatch(/\| 1 \| \+0 s \| merge \| HTTP 405: Required status check "test" is expected\. \| pending \| /)
    expect(run.summary).toMatch(/\| 2 \| .* \| merge \| HTTP 200: Pull Request successfully merged \| merged \|/)
    expectMergeInvariants(s, HEAD_SHA)
  })

  it('plural `2 of 2 required status checks are expected.` once, then both register: merged on attempt 2', async () => {
    const s = await start(classic(['test', 'lint']))
    s.after({ method: 'PUT', path: MERGE, count: 1 }, (_st, sm) => {
      sm.addCheckRun({ name: 'test', conclusion: 'success' })
      sm.addCheckRun({ name: 'lint', conclusion: 'success' })
    })
    const run = await runMerge(s)
    expectMerged(run, s, 2)
    expect(mergeCalls(s)[0]!.responseBody).toMatchObject({ message: '2 of 2 required status checks are expected.' })
    expectMergeInvariants(s, HEAD_SHA)
  })

  it('the ruleset-wrapped form `Repository rule violations found\\n\\nRequired status check "gate" is expected.` is pending too', async () => {
    const s = await start(ruleset(['gate']))
    s.after({ method: 'PUT', path: MERGE, count: 2 }, (_st, sm) => void sm.addCheckRun({ name: 'gate', conclusion: 'success' }))
    const run = await runMerge(s)
    expectMerged(run, s, 3)
    expect(mergeCalls(s)[0]!.responseBody).toMatchObject({ message: 'Repository rule violations found\n\nRequired status check "gate" is expected.\n\n' })
    expectMergeInvariants(s, HEAD_SHA)
  })

  it.each<[string, SimOptions['setup']]>([
    ['Base branch was modified. Review and try the merge again.', undefined],
    // GitHub still computing mergeability (mergeable: null) when it answers "not mergeable".
    ['Pull Request is not mergeable', (st) => void ((st.pulls[0]!.mergeable = null), (st.pulls[0]!.mergeable_state = 'unknown'))],
    ['Required status check "test" is in progress.', undefined]
  ])('405 %j once is pending: merged on attempt 2', async (message, setup) => {
    const s = await start(setup)
    s.respondOnce({ method: 'PUT', path: MERGE }, { status: 405, body: { message, documentation_url: 'https://docs.github.com/rest/pulls/pulls#merge-a-pull-request' } })
    const run = await runMerge(s)
    expectMerged(run, s, 2)
    expectMergeInvariants(s, HEAD_SHA)
  })

  it('"expected" until the budget runs out: pending-timeout, non-zero exit, the check named', async () => {
    const s = await start(classic(['test']))
    const run = await runMerge(s, { 'timeout-seconds': '1.2', 'interval-seconds': '0.05' })
    const calls = mergeCalls(s).length
    expect(calls).toBeGreaterThanOrEqual(2)
    expectRefused(run, s, 'pending-timeout', calls, /Required status check "test" is expected\..*budget is used up.*timeout-seconds/)
    expectMergeInvariants(s, HEAD_SHA)
  })
})

describe('merge: a lost answer to a merge that happened is success, not a second merge', () => {
  it.each([['apply-then-reset'], ['apply-then-close'], ['cut-body']] as const)('%s on the merge answer: merged, one merge call', async (fault) => {
    const s = await start()
    s.fault({ method: 'PUT', path: MERGE }, fault === 'cut-body' ? { type: 'cut-body', bytes: 10 } : fault)
    const run = await runMerge(s)
    expectMerged(run, s, 1)
    expect(run.outputs.message).toMatch(/already merged at the verified head/)
    expect(mergeCalls(s)[0]!.fault).toBe(fault)
    expectMergeInvariants(s, HEAD_SHA)
  })

  it('a secondary rate limit on the merge call: waits its retry-after, then merges', async () => {
    const s = await start()
    s.fault({ method: 'PUT', path: MERGE }, { type: 'secondary-rate-limit', retryAfter: 1 })
    const run = await runMerge(s)
    expectMerged(run, s, 2)
    const [first, second] = mergeCalls(s)
    expect(second!.wallTime - first!.wallTime).toBeGreaterThanOrEqual(1000)
    expectMergeInvariants(s, HEAD_SHA)
  })

  it('connection resets on every merge call until the budget runs out: unreachable, not merged', async () => {
    const s = await start()
    s.fault({ method: 'PUT', path: MERGE }, 'reset', 100)
    const run = await runMerge(s, { 'timeout-seconds': '1.5' })
    const calls = mergeCalls(s).length
    expect(calls).toBeGreaterThanOrEqual(2)
    expectRefused(run, s, 'unreachable', calls, /GitHub could not be reached reliably for the merge after \d+ attempts \(last: no answer .*ECONNRESET.*budget is used up/)
    expectMergeInvariants(s, HEAD_SHA)
  })

  it('a 502 before the merge happened is retried: merged on attempt 2', async () => {
    const s = await start()
    s.fault({ method: 'PUT', path: MERGE }, { type: 'server-error', status: 502 })
    const run = await runMerge(s)
    expectMerged(run, s, 2)
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
  })

  it('a head that moved before merge started: head-moved without any merge call', async () => {
    const s = await start((st) => void (st.pulls[0]!.head.sha = shaOf('pushed-earlier')))
    const run = await runMerge(s)
    expectRefused(run, s, 'head-moved', 0, /Head branch moved/)
    expectMergeInvariants(s, HEAD_SHA)
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
    [
      'a failing required check in a ruleset',
      ruleset(['gate']),
      (s) => void s.addCheckRun({ name: 'gate', conclusion: 'cancelled' }),
      {},
      /Repository rule violations found.*"gate" is failing.*fix the failure/s
    ],
    ['reviews required', classic([], 1), null, {}, /At least 1 approving review is required by reviewers with write access\..*get an approval/],
    [
      'squash not allowed (explicit method)',
      (st) => void (st.repository.allow_squash_merge = false),
      null,
      { method: 'squash' },
      /Squash merges are not allowed on this repository\..*'method' input/
    ],
    ['conflicts', (st) => void ((st.pulls[0]!.mergeable = false), (st.pulls[0]!.mergeable_state = 'dirty')), null, {}, /Pull Request is not mergeable.*resolve the conflicts/],
    ['a draft', (st) => void ((st.pulls[0]!.draft = true), (st.pulls[0]!.mergeable_state = 'draft')), null, {}, /Pull Request is still a draft.*ready for review/],
    ['the merge queue', ruleset([], [{ type: 'merge_queue', parameters: {} }]), null, {}, /Changes must be made through the merge queue.*requires the merge queue/]
  ])('%s: permanent after one call', async (_label, setup, arrange, inputs, says) => {
    const s = await start(setup)
    arrange?.(s)
    const run = await runMerge(s, inputs)
    expectRefused(run, s, 'permanent', 1, says)
    expectMergeInvariants(s, HEAD_SHA)
  })

  it('a check that is expected, then fails: stops at the failing answer and never calls merge again', async () => {
    const s = await start(classic(['test']))
    s.after({ method: 'PUT', path: MERGE, count: 1 }, (_st, sm) => void sm.addCheckRun({ name: 'test', conclusion: 'failure' }))
    const run = await runMerge(s)
    expectRefused(run, s, 'permanent', 2, /"test" is failing/)
    expectMergeInvariants(s, HEAD_SHA)
  })
})

describe('merge: inputs and defaults', () => {
  it('no method given: the first method the repository allows', async () => {
    const s = await start((st) => {
      st.repository.allow_merge_commit = false
      st.repository.allow_squash_merge = false
    })
    const run = await runMerge(s, { 'commit-title': 'Ship it (#1)' })
    expectMerged(run, s, 1)
    expect(mergeCalls(s)[0]!.body).toEqual({ sha: HEAD_SHA, merge_method: 'rebase', commit_title: 'Ship it (#1)' })
    expectMergeInvariants(s, HEAD_SHA)
  })

  it('no sha given: merges the head read at start and warns that nothing verified it', async () => {
    const s = await start()
    const run = await runMerge(s, { sha: '' })
    expectMerged(run, s, 1)
    expect(run.commands.filter((c) => c.command === 'warning').map((c) => c.message)).toEqual([expect.stringMatching(/Input 'sha' is empty.*steps\.wait\.outputs\.sha/)])
    expectMergeInvariants(s, HEAD_SHA)
  })

  it('already merged at the verified sha before it starts: success without a merge call', async () => {
    const s = await start((st) => Object.assign(st.pulls[0]!, { merged: true, state: 'closed', merge_commit_sha: shaOf('merged-before') }))
    const run = await runMerge(s)
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ merged: 'true', attempts: '0', reason: 'merged', 'merge-commit-sha': shaOf('merged-before') })
    expectMergeInvariants(s, HEAD_SHA)
  })

  it('a pull request that does not exist: permanent, outputs set, no merge call', async () => {
    const s = await start()
    const run = await runMerge(s, { 'pull-request': '2' })
    expectRefused(run, s, 'permanent', 0, /Could not read pull request #2, so nothing was merged: .*404/)
  })

  it('delete-branch: true deletes the head branch after the merge', async () => {
    const s = await start()
    const run = await runMerge(s, { 'delete-branch': 'true' })
    expectMerged(run, s, 1)
    expect(s.requests({ method: 'DELETE' }).map((e) => [e.path, e.status])).toEqual([['/repos/octo-org/purple-demo/git/refs/heads/feature', 204]])
  })

  it.each([
    [{ sha: 'abc123' }, /Input 'sha' is 'abc123': write the full commit sha/],
    [{ method: 'fast-forward' }, /Input 'method' is 'fast-forward': write 'merge', 'squash' or 'rebase'/],
    [{ 'timeout-seconds': 'soon' }, /Input 'timeout-seconds' is 'soon'/],
    [{ 'delete-branch': 'yes' }, /Input 'delete-branch' is 'yes': write 'true' or 'false'/]
  ])('%j fails before any API call, naming the input', async (inputs, says) => {
    const s = await start()
    const run = await runMerge(s, inputs)
    expect(run.exitCode).toBe(1)
    expect(run.commands.find((c) => c.command === 'error')?.message).toMatch(says)
    expect(s.log).toHaveLength(0)
  })
})
