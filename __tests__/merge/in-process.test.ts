/**
 * merge() called in-process, as the root pipeline composes it, with the
 * production budget (300 s, 5 s interval) on a fake clock (sleep advances it):
 * the scenarios whose number of calls depends on time run deterministically,
 * so their whole conversation with GitHub is a committed snapshot.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { merge, type MergeDeps, type MergeTarget } from '../../src/actions/merge/merge.js'
import { MERGE_DEFAULTS } from '../../src/actions/merge/io.js'
import { createGitHubClient } from '../../src/github/client.js'
import { closeChecked } from '../sim/openapi-check.js'
import { pullShape } from '../sim/shapes.js'
import { DEFAULT_TOKEN, HEAD_SHA, OWNER, REPO, protectBranch, startSimulator, type Sim, type SimState } from '../sim/server.js'
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
