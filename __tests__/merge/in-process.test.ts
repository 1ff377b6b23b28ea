/**
 * merge() called in-process, as the root pipeline composes it, with the
 * production budget (300 s, 5 s interval) on a fake clock (sleep advances it):
 * the scenarios whose number of calls depends on time run deterministically,
 * so their whole conversation with GitHub is a committed snapshot.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from '@jest/globals'
import { merge, type MergeDeps, type MergeResult, type MergeTarget } from '../../src/actions/merge/merge.js'
import { readMergeSettings, type MergeSettings } from '../../src/actions/merge/settings.js'
import { mergeOutputValues } from '../../src/actions/merge/outputs.js'
import { MERGE_DEFAULTS } from '../../src/actions/merge/io.js'
import { createGitHubClient } from '../../src/github/client.js'
import { closeChecked } from '../sim/openapi-check.js'
import { pullShape } from '../sim/shapes.js'
import { DEFAULT_TOKEN, HEAD_SHA, OWNER, REPO, addRuleset, protectBranch, shaOf, startSimulator, type Sim, type SimOptions, type SimRule, type SimState } from '../sim/server.js'
import { MERGE_QUEUE_DEFAULTS } from '../sim/merge-queue.js'
import { inputEnvName } from '../harness/run-bundle.js'
import { expectMergeInvariants, mergeCalls, mergeConversation } from './invariants.js'

const PULL = '/repos/octo-org/purple-demo/pulls/1'
const MERGE = `${PULL}/merge`
const UPDATE = `${PULL}/update-branch`

let sim: Sim | undefined
afterEach(async () => {
  await closeChecked(sim)
  sim = undefined
})

async function start(setup?: (st: SimState) => void): Promise<Sim> {
  sim = await startSimulator({ ...(setup ? { setup } : {}) })
  return sim
}

function target(over: Partial<MergeTarget> = {}): MergeTarget {
  return {
    repository: { owner: OWNER, repo: REPO },
    pullNumber: 1,
    sha: HEAD_SHA,
    deleteBranch: false,
    updateBranch: false,
    mergeQueue: 'auto',
    mergeQueueJump: false,
    timeoutMs: MERGE_DEFAULTS.timeoutSeconds * 1000,
    intervalMs: MERGE_DEFAULTS.intervalSeconds * 1000,
    ...over
  }
}

function depsFor(s: Sim): { deps: MergeDeps; lines: string[]; sleeps: number[] } {
  const lines: string[] = []
  const sleeps: number[] = []
  const clock = { t: 1_800_000_000_000 }
  const log = { info: (m: string) => lines.push(m), warning: (m: string) => lines.push(`warning: ${m}`) }
  const deps: MergeDeps = {
    client: createGitHubClient({ auth: { kind: 'token', token: DEFAULT_TOKEN }, baseUrl: s.url, retries: 0, writeSpacingMs: 0, log: log.info, setSecret: () => undefined }),
    now: () => clock.t,
    sleep: async (ms) => {
      sleeps.push(ms)
      clock.t += ms
    },
    log,
    random: () => 0
  }
  return { deps, lines, sleeps }
}

/** The pull request as it was before the merge: what a stale read shows. */
function staleRead(s: Sim): () => { status: number; body: unknown } {
  return () => ({
    status: 200,
    body: pullShape(s.url, s.state.repository, { ...s.state.pulls[0]!, state: 'open', merged: false, merged_at: null, merge_commit_sha: null, mergeable: true, mergeable_state: 'clean' })
  })
}

describe('merge in-process, production budget on a fake clock', () => {
  it('"expected" for the whole budget: pending-timeout after the schedule 5 s, 7.5 s, ... capped at 30 s', async () => {
    const s = await start((st) => void protectBranch(st, undefined, { contexts: ['test'] }))
    const { deps, sleeps } = depsFor(s)
    const result = await merge(target(), deps)
    expect(result).toMatchObject({ merged: false, reason: 'pending-timeout' })
    expect(result.message).toMatch(/Required status check "test" is expected\..*the 300 s budget is used up/)
    expect(sleeps.slice(0, 6)).toEqual([5000, 7500, 11_250, 16_875, 25_313, 30_000])
    expect(sleeps.reduce((a, b) => a + b, 0)).toBe(300_000)
    expect(result.attempts).toBe(mergeCalls(s).length)
    expectMergeInvariants(s, HEAD_SHA)
    expect(mergeConversation(s)).toMatchSnapshot()
  })

  it('resets on every merge call, reads fine: unreachable, and the message says a read can lag after a lost answer', async () => {
    const s = await start()
    s.fault({ method: 'PUT', path: MERGE }, 'reset', 1000)
    const { deps } = depsFor(s)
    const result = await merge(target(), deps)
    expect(result).toMatchObject({ merged: false, reason: 'unreachable' })
    expect(result.message).toMatch(/The last read showed https:\/\/github\.com\/octo-org\/purple-demo\/pull\/1 unmerged, but a read right after a lost answer can lag/)
    expectMergeInvariants(s, HEAD_SHA)
    expect(mergeConversation(s)).toMatchSnapshot()
  })

  it('a lost answer, then every read failing: unknown-outcome, and no merge call after the "not mergeable"', async () => {
    const s = await start()
    s.fault({ method: 'PUT', path: MERGE }, 'apply-then-reset')
    s.after({ method: 'GET', path: PULL, count: 1 }, (_st, sm) => sm.fault({ method: 'GET', path: PULL }, { type: 'server-error', status: 502 }, 10_000))
    const { deps, lines } = depsFor(s)
    const result = await merge(target(), deps)
    expect(result).toMatchObject({ merged: false, reason: 'unknown-outcome', attempts: 2 })
    expect(result.message).toMatch(new RegExp(`Open https://github\\.com/octo-org/purple-demo/pull/1: if it is merged at ${HEAD_SHA}, the merge is done`))
    expect(mergeCalls(s).map((c) => c.status)).toEqual([200, 405])
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}reading the pull request again in /))
    expectMergeInvariants(s, HEAD_SHA)
    expect(mergeConversation(s)).toMatchSnapshot()
  })

  it('a lost answer and stale reads for a minute: read again (never merge again) until it shows merged', async () => {
    const s = await start()
    s.fault({ method: 'PUT', path: MERGE }, 'apply-then-close')
    s.after({ method: 'GET', path: PULL, count: 1 }, (_st, sm) => sm.respond({ method: 'GET', path: PULL }, staleRead(sm), 6))
    const { deps } = depsFor(s)
    const result = await merge(target(), deps)
    expect(result).toMatchObject({ merged: true, reason: 'merged', attempts: 2, mergeCommitSha: s.state.pulls[0]!.merge_commit_sha })
    expectMergeInvariants(s, HEAD_SHA)
    expect(mergeConversation(s)).toMatchSnapshot()
  })

  it('a stale "not mergeable" next to a clean read for the whole budget is pending-timeout, not a refusal', async () => {
    const s = await start()
    // strands-labs/robots#2578: "Pull Request is not mergeable" while GitHub reads the pull request as mergeable.
    s.respond({ method: 'PUT', path: MERGE }, { status: 405, body: { message: 'Pull Request is not mergeable', documentation_url: 'https://docs.github.com/rest/pulls/pulls#merge-a-pull-request' } }, 1000)
    const { deps } = depsFor(s)
    const result = await merge(target(), deps)
    expect(result).toMatchObject({ merged: false, reason: 'pending-timeout' })
    expect(result.message).toMatch(/a stale answer/)
  })

  it('"not mergeable" with a read that shows a conflict ends at once, even while the budget lasts', async () => {
    const s = await start((st) => Object.assign(st.pulls[0]!, { mergeable: false, mergeable_state: 'dirty' }))
    const { deps } = depsFor(s)
    const result = await merge(target(), deps)
    expect(result).toMatchObject({ merged: false, reason: 'permanent', category: 'conflict', attempts: 1 })
  })
})

describe('merge in-process: update-branch', () => {
  const strictBehind = (st: SimState): void => {
    protectBranch(st, undefined, { contexts: [], strict: true })
    st.pulls[0]!.mergeable_state = 'behind'
  }

  it('GitHub updates in the background: the new head is read back once it shows', async () => {
    const s = await start(strictBehind)
    // The first two reads after the update still show the old head (GitHub answers 202 and works in the background).
    s.after({ method: 'PUT', path: UPDATE, count: 1 }, (st, sm) =>
      sm.respond({ method: 'GET', path: PULL }, () => ({ status: 200, body: pullShape(sm.url, st.repository, { ...st.pulls[0]!, head: { ...st.pulls[0]!.head, sha: HEAD_SHA } }) }), 2)
    )
    const { deps } = depsFor(s)
    const result = await merge(target({ updateBranch: true }), deps)
    expect(s.state.pulls[0]!.head.sha).not.toBe(HEAD_SHA)
    expect(result).toMatchObject({ merged: false, reason: 'branch-updated', updatedSha: s.state.pulls[0]!.head.sha, attempts: 1 })
    expect(s.requests({ method: 'PUT', path: UPDATE }).map((u) => u.body)).toEqual([{ expected_head_sha: HEAD_SHA }])
    expectMergeInvariants(s, HEAD_SHA)
    expect(mergeConversation(s)).toMatchSnapshot()
  })

  it('a push between the refusal and the update: GitHub refuses the pinned update, head-moved, nothing merged', async () => {
    const s = await start(strictBehind)
    // After merge's read that follows the 409, someone pushes.
    s.after({ method: 'GET', path: PULL, count: 2 }, (_st, sm) => void sm.pushHead())
    const { deps } = depsFor(s)
    const result = await merge(target({ updateBranch: true }), deps)
    const pushed = s.state.pulls[0]!.head.sha
    expect(result).toMatchObject({ merged: false, reason: 'head-moved', updatedSha: '' })
    expect(result.message).toMatch(new RegExp(`moved from the verified ${HEAD_SHA} to ${pushed} before the update`))
    expect(s.requests({ method: 'PUT', path: UPDATE }).map((u) => [u.body, u.status])).toEqual([[{ expected_head_sha: HEAD_SHA }, 422]])
    expect(s.state.pulls[0]!.merged).toBe(false)
    expectMergeInvariants(s, HEAD_SHA)
    expect(mergeConversation(s)).toMatchSnapshot()
  })

  it('update-branch false: behind, no update call', async () => {
    const s = await start(strictBehind)
    const { deps } = depsFor(s)
    const result = await merge(target(), deps)
    expect(result).toMatchObject({ merged: false, reason: 'behind', attempts: 1, updatedSha: '' })
    expect(s.requests({ method: 'PUT', path: UPDATE })).toEqual([])
  })
})

/*
 * Rows moved from merge.e2e.test.ts that differ only in GitHub's answer: the bundle keeps one run per behaviour
 * class (outputs, exit code, log, summary); here each row runs the same settings reader, client and merge() the
 * bundle's entry runs, with its inputs, on the simulator's manual clock (every wait advances it, as the bundle's
 * virtual clock does), so the conversation with GitHub is the one the bundle had.
 */
const PR_EVENT = { pull_request: { number: 1, head: { sha: HEAD_SHA, ref: 'feature' }, base: { ref: 'main' } } }

async function startManual(setup?: SimOptions['setup']): Promise<Sim> {
  sim = await startSimulator({ setup, clock: { mode: 'manual' } })
  return sim
}

/** The runner's environment for merge's inputs (the bundle tests' defaults: 2 retries, 2 s per request). */
function withInputs<T>(inputs: Record<string, string>, run: () => T): T {
  const all: Record<string, string> = { 'github-token': DEFAULT_TOKEN, sha: HEAD_SHA, 'max-retries': '2', 'request-timeout-seconds': '2', ...inputs }
  const names = Object.keys(all).map(inputEnvName)
  const saved = names.map((n) => process.env[n])
  for (const [name, value] of Object.entries(all)) process.env[inputEnvName(name)] = value
  try {
    return run()
  } finally {
    names.forEach((n, i) => (saved[i] === undefined ? delete process.env[n] : (process.env[n] = saved[i])))
  }
}

function settingsFor(s: Sim, inputs: Record<string, string> = {}): MergeSettings {
  const dir = mkdtempSync(join(tmpdir(), 'purple-merge-inproc-'))
  writeFileSync(join(dir, 'event.json'), JSON.stringify(PR_EVENT))
  const env = { GITHUB_API_URL: s.url, GITHUB_REPOSITORY: 'octo-org/purple-demo', GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: join(dir, 'event.json') }
  return withInputs(inputs, () => readMergeSettings(env))
}

/** What merge's entry does, on the simulator's clock: settings from inputs, the client with the deadline, merge(). */
async function mergeAsEntry(s: Sim, inputs: Record<string, string> = {}): Promise<MergeResult> {
  const settings = settingsFor(s, inputs)
  const now = (): number => s.clock.now()
  const sleep = async (ms: number): Promise<void> => s.clock.advance(ms)
  const log = { info: (): void => undefined, warning: (): void => undefined }
  const client = createGitHubClient({ ...settings.client, deadline: now() + settings.timeoutMs, now, sleep, log: log.info, setSecret: () => undefined })
  return await merge(settings, { client, now, sleep, log, random: Math.random })
}

function expectMergedResult(result: MergeResult, s: Sim, attempts: number): void {
  const pr = s.state.pulls[0]!
  expect(pr.merged).toBe(true)
  // The outputs the entry sets from this result (mergeOutputValues), as the bundle tests assert them.
  expect(mergeOutputValues(result)).toEqual({
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

function expectRefusedResult(result: MergeResult, s: Sim, reason: string, attempts: number, says: RegExp): void {
  expect(s.state.pulls[0]!.merged).toBe(false)
  expect(mergeOutputValues(result)).toMatchObject({ merged: 'false', 'merge-commit-sha': '', attempts: String(attempts), reason, 'updated-sha': expect.any(String) })
  expect(result.message).toMatch(says)
  expect(mergeCalls(s)).toHaveLength(attempts)
}

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

describe('merge in-process, as the entry runs it: pending answers are retried within the budget', () => {
  it.each<[string, SimOptions['setup']]>([
    ['Base branch was modified. Review and try the merge again.', undefined],
    // GitHub still computing mergeability (mergeable: null) when it answers "not mergeable".
    ['Pull Request is not mergeable', (st) => void ((st.pulls[0]!.mergeable = null), (st.pulls[0]!.mergeable_state = 'unknown'))],
    ['Required status check "test" is in progress.', undefined]
  ])('405 %j once is pending: merged on attempt 2', async (message, setup) => {
    const s = await startManual(setup)
    s.respondOnce({ method: 'PUT', path: MERGE }, { status: 405, body: { message, documentation_url: 'https://docs.github.com/rest/pulls/pulls#merge-a-pull-request' } })
    expectMergedResult(await mergeAsEntry(s), s, 2)
    expectMergeInvariants(s, HEAD_SHA)
    expect(mergeConversation(s)).toMatchSnapshot()
  })


  it('plural `2 of 2 required status checks are expected.` once, then both register: merged on attempt 2', async () => {
    const s = await startManual(classic(['test', 'lint']))
    s.after({ method: 'PUT', path: MERGE, count: 1 }, (_st, sm) => {
      sm.addCheckRun({ name: 'test', conclusion: 'success' })
      sm.addCheckRun({ name: 'lint', conclusion: 'success' })
    })
    const result = await mergeAsEntry(s)
    expectMergedResult(result, s, 2)
    expect(mergeCalls(s)[0]!.responseBody).toMatchObject({ message: '2 of 2 required status checks are expected.' })
    expectMergeInvariants(s, HEAD_SHA)
    expect(mergeConversation(s)).toMatchSnapshot()
  })

  it('the ruleset-wrapped form `Repository rule violations found\\n\\nRequired status check "gate" is expected.` is pending too', async () => {
    const s = await startManual(ruleset(['gate']))
    s.after({ method: 'PUT', path: MERGE, count: 2 }, (_st, sm) => void sm.addCheckRun({ name: 'gate', conclusion: 'success' }))
    const result = await mergeAsEntry(s)
    expectMergedResult(result, s, 3)
    expect(mergeCalls(s)[0]!.responseBody).toMatchObject({ message: 'Repository rule violations found\n\nRequired status check "gate" is expected.\n\n' })
    expectMergeInvariants(s, HEAD_SHA)
    expect(mergeConversation(s)).toMatchSnapshot()
  })
})

describe('merge in-process, as the entry runs it: never misreports a merge that happened', () => {
  it('405 "Pull Request is not mergeable" while GitHub reads the pull request as clean is stale: merged on attempt 2', async () => {
    const s = await startManual()
    // strands-labs/robots#2578: "Pull Request is not mergeable", then the same merge went through at once.
    s.respondOnce({ method: 'PUT', path: MERGE }, { status: 405, body: { message: 'Pull Request is not mergeable', documentation_url: 'https://docs.github.com/rest/pulls/pulls#merge-a-pull-request' } })
    expectMergedResult(await mergeAsEntry(s), s, 2)
    expectMergeInvariants(s, HEAD_SHA)
    expect(mergeConversation(s)).toMatchSnapshot()
  })

  it('method empty and "This branch must not contain merge commits.": squash is tried next', async () => {
    const s = await startManual()
    // chdsbd/kodiak#295: GitHub's answer under "Require linear history".
    s.respondOnce({ method: 'PUT', path: MERGE }, { status: 405, body: { message: 'This branch must not contain merge commits.', documentation_url: 'https://docs.github.com/articles/about-protected-branches' } })
    expectMergedResult(await mergeAsEntry(s), s, 2)
    expect(mergeCalls(s).map((c) => (c.body as { merge_method?: string }).merge_method)).toEqual(['merge', 'squash'])
    expectMergeInvariants(s, HEAD_SHA)
    expect(mergeConversation(s)).toMatchSnapshot()
  })

  it('a lost answer, two stale reads and a 405 "not mergeable" on the retry: read again until it shows merged', async () => {
    const s = await startManual()
    s.fault({ method: 'PUT', path: MERGE }, 'apply-then-reset')
    s.after({ method: 'GET', path: PULL, count: 1 }, (_st, sm) => sm.respond({ method: 'GET', path: PULL }, staleRead(sm), 2))
    const result = await mergeAsEntry(s)
    expectMergedResult(result, s, 2)
    expect(mergeCalls(s).map((c) => [c.fault, c.status])).toEqual([['apply-then-reset', 200], [null, 405]])
    expect(result.message).toMatch(/already merged at the verified head/)
    expectMergeInvariants(s, HEAD_SHA)
    expect(mergeConversation(s)).toMatchSnapshot()
  })
})

describe('merge in-process, as the entry runs it: a lost answer to a merge that happened is success, not a second merge', () => {
  it.each([['apply-then-close'], ['cut-body']] as const)('%s on the merge answer: merged, one merge call', async (fault) => {
    const s = await startManual()
    s.fault({ method: 'PUT', path: MERGE }, fault === 'cut-body' ? { type: 'cut-body', bytes: 10 } : fault)
    const result = await mergeAsEntry(s)
    expectMergedResult(result, s, 1)
    expect(result.message).toMatch(/already merged at the verified head/)
    expect(mergeCalls(s)[0]!.fault).toBe(fault)
    expectMergeInvariants(s, HEAD_SHA)
    expect(mergeConversation(s)).toMatchSnapshot()
  })

  it('a 502 before the merge happened is retried: merged on attempt 2', async () => {
    const s = await startManual()
    s.fault({ method: 'PUT', path: MERGE }, { type: 'server-error', status: 502 })
    expectMergedResult(await mergeAsEntry(s), s, 2)
    expectMergeInvariants(s, HEAD_SHA)
    expect(mergeConversation(s)).toMatchSnapshot()
  })

  it('a secondary rate limit on the merge call: waits its retry-after, then merges', async () => {
    const s = await startManual()
    s.fault({ method: 'PUT', path: MERGE }, { type: 'secondary-rate-limit', retryAfter: 60 })
    const result = await mergeAsEntry(s)
    expectMergedResult(result, s, 2)
    const [first, second] = mergeCalls(s)
    // The quiet window on the simulator's clock: nothing at all is sent before retry-after has passed.
    expect(second!.time - first!.time).toBeGreaterThanOrEqual(60_000)
    expect(s.log.filter((e) => e.seq > first!.seq && e.time < first!.time + 60_000)).toEqual([])
    expect(s.earlyRequests()).toEqual([])
    expectMergeInvariants(s, HEAD_SHA)
    expect(mergeConversation(s)).toMatchSnapshot()
  })
})

describe("merge in-process, as the entry runs it: permanent refusals fail at once with GitHub's message and what to do", () => {
  it.each<[string, SimOptions['setup'], ((s: Sim) => void) | null, Record<string, string>, RegExp]>([
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
    [
      "the merge queue, with 'merge-queue: off'",
      ruleset([], [{ type: 'merge_queue', parameters: { ...MERGE_QUEUE_DEFAULTS } }]),
      null,
      { 'merge-queue': 'off' },
      /Changes must be made through the merge queue.*'merge-queue' is 'off'/
    ]
  ])('%s: permanent after one call', async (_label, setup, arrange, inputs, says) => {
    const s = await startManual(setup)
    arrange?.(s)
    expectRefusedResult(await mergeAsEntry(s, inputs), s, 'permanent', 1, says)
    expectMergeInvariants(s, HEAD_SHA)
    expect(mergeConversation(s)).toMatchSnapshot()
  })

  it('a check that is expected, then fails: stops at the failing answer and never calls merge again', async () => {
    const s = await startManual(classic(['test']))
    s.after({ method: 'PUT', path: MERGE, count: 1 }, (_st, sm) => void sm.addCheckRun({ name: 'test', conclusion: 'failure' }))
    const result = await mergeAsEntry(s)
    expectRefusedResult(result, s, 'permanent', 2, /"test" is failing/)
    expectMergeInvariants(s, HEAD_SHA)
    expect(mergeConversation(s)).toMatchSnapshot()
  })
})

describe('merge in-process, as the entry runs it: a bad input fails before any API call, naming the input', () => {
  it.each([
    [{ method: 'fast-forward' }, /Input 'method' is 'fast-forward': write 'merge', 'squash' or 'rebase'/],
    [{ 'timeout-seconds': 'soon' }, /Input 'timeout-seconds' is 'soon'/],
    [{ 'delete-branch': 'yes' }, /Input 'delete-branch' is 'yes': write 'true' or 'false'/],
    [{ 'update-branch': 'maybe' }, /Input 'update-branch' is 'maybe': write 'true' or 'false'/]
  ])('%j', async (inputs, says) => {
    const s = await startManual()
    expect(() => settingsFor(s, inputs)).toThrow(says)
    expect(s.log).toHaveLength(0)
  })
})

describe('merge in-process, as the entry runs it: inputs and defaults', () => {
  it('no method given: the first method the repository allows', async () => {
    const s = await startManual((st) => {
      st.repository.allow_merge_commit = false
      st.repository.allow_squash_merge = false
    })
    const result = await mergeAsEntry(s, { 'commit-title': 'Ship it (#1)' })
    expectMergedResult(result, s, 1)
    expect(mergeCalls(s)[0]!.body).toEqual({ sha: HEAD_SHA, merge_method: 'rebase', commit_title: 'Ship it (#1)' })
    expectMergeInvariants(s, HEAD_SHA)
    expect(mergeConversation(s)).toMatchSnapshot()
  })

  it('delete-branch: true deletes the head branch after the merge', async () => {
    const s = await startManual()
    const result = await mergeAsEntry(s, { 'delete-branch': 'true' })
    expectMergedResult(result, s, 1)
    expect(s.requests({ method: 'DELETE' }).map((e) => [e.path, e.status])).toEqual([['/repos/octo-org/purple-demo/git/refs/heads/feature', 204]])
    expectMergeInvariants(s, HEAD_SHA)
    expect(mergeConversation(s)).toMatchSnapshot()
  })

  it('already merged at the verified sha before it starts: success without a merge call', async () => {
    const s = await startManual((st) => Object.assign(st.pulls[0]!, { merged: true, state: 'closed', merge_commit_sha: shaOf('merged-before') }))
    const result = await mergeAsEntry(s)
    expect(result.merged).toBe(true)
    expect(mergeOutputValues(result)).toMatchObject({ merged: 'true', attempts: '0', reason: 'merged', 'merge-commit-sha': shaOf('merged-before') })
    expectMergeInvariants(s, HEAD_SHA)
    expect(mergeConversation(s)).toMatchSnapshot()
  })

  it('a pull request that does not exist: permanent, outputs set, no merge call', async () => {
    const s = await startManual()
    const result = await mergeAsEntry(s, { 'pull-request': '2' })
    expectRefusedResult(result, s, 'permanent', 0, /Could not read pull request #2, so nothing was merged: .*404/)
    expect(mergeConversation(s)).toMatchSnapshot()
  })
})
