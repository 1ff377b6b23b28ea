/**
 * The simulator's merge endpoint: GitHub's 405/409 answers for each gate, success updating state,
 * and scripted responses (405 once, then the real answer). The merge action's tests rely on these strings.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { DEFAULT_TOKEN, HEAD_SHA, OTHER_CI_APP, addRuleset, protectBranch, startSimulator, type Sim, type SimOptions, type SimRule, type SimState } from './server.js'
import { closeChecked } from './openapi-check.js'

let sim: Sim | undefined
afterEach(async () => {
  // Every answer of every scenario must match GitHub's published schema (drift check).
  await closeChecked(sim)
  sim = undefined
})

const MERGE = '/repos/octo-org/purple-demo/pulls/1/merge'

async function put(s: Sim, body: unknown = { sha: HEAD_SHA }): Promise<{ status: number; json: { message?: string; sha?: string; merged?: boolean } }> {
  const res = await fetch(`${s.url}${MERGE}`, {
    method: 'PUT',
    headers: { authorization: `token ${DEFAULT_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body)
  })
  return { status: res.status, json: (await res.json()) as { message?: string } }
}

const classic = (contexts: string[], checks: { context: string; app_id: number | null }[] = [], reviews: number | null = null) => (st: SimState) => {
  protectBranch(st, undefined, { contexts, checks, reviews })
}

const ruleset = (contexts: { context: string; integration_id?: number }[], extra: SimRule[] = []) => (st: SimState) => {
  addRuleset(st, { name: 'main gate', requiredChecks: contexts, rules: extra })
}

describe('merge answers', () => {
  it.each<[string, SimOptions['setup'], ((s: Sim) => void) | null, unknown, number, string]>([
    ['a missing required check (singular)', classic(['test']), null, { sha: HEAD_SHA }, 405, 'Required status check "test" is expected.'],
    ['two missing required checks (plural)', classic(['test', 'lint']), null, { sha: HEAD_SHA }, 405, '2 of 2 required status checks are expected.'],
    ['one of three still running (plural)', classic(['a', 'b', 'c']), (s) => {
      s.addCheckRun({ name: 'a', conclusion: 'success' })
      s.addCheckRun({ name: 'b', status: 'in_progress' })
    }, { sha: HEAD_SHA }, 405, '2 of 3 required status checks are expected.'],
    ['a failing required check', classic(['test']), (s) => void s.addCheckRun({ name: 'test', conclusion: 'failure' }), { sha: HEAD_SHA }, 405, 'Required status check "test" is failing.'],
    ['a failing commit status', classic(['ci/legacy']), (s) => void s.addStatus({ context: 'ci/legacy', state: 'error' }), { sha: HEAD_SHA }, 405, 'Required status check "ci/legacy" is failing.'],
    ['an app-scoped check satisfied only by another app', classic([], [{ context: 'test', app_id: 15368 }]), (s) => void s.addCheckRun({ name: 'test', conclusion: 'success', app_id: OTHER_CI_APP.id }), { sha: HEAD_SHA }, 405, 'Required status check "test" is expected.'],
    ['a ruleset check missing', ruleset([{ context: 'gate' }]), null, { sha: HEAD_SHA }, 405, 'Repository rule violations found\n\nRequired status check "gate" is expected.\n\n'],
    ['a ruleset check failing', ruleset([{ context: 'gate', integration_id: 15368 }]), (s) => void s.addCheckRun({ name: 'gate', conclusion: 'cancelled' }), { sha: HEAD_SHA }, 405, 'Repository rule violations found\n\nRequired status check "gate" is failing.\n\n'],
    ['a merge queue rule', ruleset([], [{ type: 'merge_queue', parameters: {} }]), null, { sha: HEAD_SHA }, 405, 'Repository rule violations found\n\nChanges must be made through the merge queue\n\n'],
    ['reviews required', classic([], [], 1), null, { sha: HEAD_SHA }, 405, 'At least 1 approving review is required by reviewers with write access.'],
    ['a head behind its base under a strict gate', (st) => {
      classic([])(st)
      st.branches[0]!.protection!.required_status_checks!.strict = true
      st.pulls[0]!.mergeable_state = 'behind'
    }, null, { sha: HEAD_SHA }, 409, 'Head branch is out of date. Review and try the merge again.'],
    ['a stale sha', undefined, null, { sha: 'f'.repeat(40) }, 409, 'Head branch was modified. Review and try the merge again.'],
    ['a draft', (st) => void (st.pulls[0]!.draft = true), null, { sha: HEAD_SHA }, 405, 'Pull Request is still a draft'],
    ['conflicts', (st) => void (st.pulls[0]!.mergeable = false), null, { sha: HEAD_SHA }, 405, 'Pull Request is not mergeable'],
    ['merge commits disallowed', (st) => void (st.repository.allow_merge_commit = false), null, { merge_method: 'merge' }, 405, 'Merge commits are not allowed on this repository.'],
    ['squash disallowed', (st) => void (st.repository.allow_squash_merge = false), null, { merge_method: 'squash' }, 405, 'Squash merges are not allowed on this repository.'],
    ['rebase disallowed', (st) => void (st.repository.allow_rebase_merge = false), null, { merge_method: 'rebase' }, 405, 'Rebase merges are not allowed on this repository.']
  ])('%s', async (_label, setup, arrange, body, status, message) => {
    const s = (sim = await startSimulator({ setup }))
    arrange?.(s)
    const r = await put(s, body)
    expect(r.status).toBe(status)
    expect(r.json.message).toBe(message)
    expect(s.state.pulls[0]!.merged).toBe(false)
  })

  it('merges when every gate is green, updates state, and a second attempt gets 405 not mergeable', async () => {
    const s = (sim = await startSimulator({ setup: (st) => { classic(['test'])(st); ruleset([{ context: 'gate', integration_id: 15368 }])(st) } }))
    s.addCheckRun({ name: 'test', conclusion: 'skipped' })
    s.addCheckRun({ name: 'gate', conclusion: 'success' })
    const r = await put(s, { sha: HEAD_SHA, merge_method: 'squash' })
    expect(r.status).toBe(200)
    expect(r.json).toEqual({ sha: expect.stringMatching(/^[0-9a-f]{40}$/), merged: true, message: 'Pull Request successfully merged' })
    const pr = s.state.pulls[0]!
    expect(pr).toMatchObject({ merged: true, state: 'closed', merge_commit_sha: r.json.sha })
    expect(s.state.branches.find((b) => b.name === 'main')!.sha).toBe(r.json.sha)
    const again = await put(s)
    expect(again.status).toBe(405)
    expect(again.json.message).toBe('Pull Request is not mergeable')
    expect(s.requests({ method: 'PUT', path: MERGE }).map((e) => e.body)).toEqual([
      { sha: HEAD_SHA, merge_method: 'squash' },
      { sha: HEAD_SHA }
    ])
  })

  it('a re-run that turns a failure green lets the merge through (newest run wins)', async () => {
    const s = (sim = await startSimulator({ setup: classic(['test']) }))
    s.addCheckRun({ name: 'test', conclusion: 'failure', started_at: '2026-01-01T00:00:00Z' })
    const rerun = s.addCheckRun({ name: 'test', status: 'in_progress', started_at: '2026-01-01T00:10:00Z' })
    expect((await put(s)).json.message).toBe('Required status check "test" is expected.')
    s.updateCheckRun(rerun.id, { conclusion: 'success' })
    expect((await put(s)).status).toBe(200)
  })

  it('protectBranch and addRuleset build the same gates as editing state', async () => {
    const s = (sim = await startSimulator())
    s.protectBranch(undefined, { contexts: ['test'], reviews: 1 })
    s.addRuleset({ requiredChecks: [{ context: 'gate', integration_id: 15368 }], rules: [{ type: 'merge_queue', parameters: {} }] })
    s.addRuleset({ enforcement: 'evaluate', requiredChecks: [{ context: 'shadow' }] })
    s.addCheckRun({ name: 'test', conclusion: 'success' })
    expect((await put(s)).json.message).toBe('At least 1 approving review is required by reviewers with write access.')
    s.state.pulls[0]!.approvals = 1
    s.addCheckRun({ name: 'gate', conclusion: 'success' })
    expect((await put(s)).json.message).toBe('Repository rule violations found\n\nChanges must be made through the merge queue\n\n')
    s.state.rulesets[0]!.rules.pop()
    expect((await put(s)).status).toBe(200)
  })

  it('pushHead moves the PR head: the old sha then gets 409, the new one merges', async () => {
    const s = (sim = await startSimulator())
    const next = s.pushHead()
    expect(next).toMatch(/^[0-9a-f]{40}$/)
    expect(s.state.branches.find((b) => b.name === 'feature')!.sha).toBe(next)
    expect((await put(s, { sha: HEAD_SHA })).status).toBe(409)
    // The old head is still a commit: its check runs read as an empty list, not 422.
    const old = await fetch(`${s.url}/repos/octo-org/purple-demo/commits/${HEAD_SHA}/check-runs`, { headers: { authorization: `token ${DEFAULT_TOKEN}` } })
    expect([old.status, ((await old.json()) as { total_count: number }).total_count]).toEqual([200, 0])
    expect((await put(s, { sha: next })).status).toBe(200)
  })

  it('pendingCheckWord switches the word for a check that exists but has not finished', async () => {
    const s = (sim = await startSimulator({ setup: classic(['test']), pendingCheckWord: 'pending' }))
    s.addCheckRun({ name: 'test', status: 'queued' })
    expect((await put(s)).json.message).toBe('Required status check "test" is pending.')
  })
})

describe('scripting', () => {
  it('respondOnce answers 405 once, then the real handler merges', async () => {
    const s = (sim = await startSimulator())
    s.respondOnce({ method: 'PUT', path: /\/merge$/ }, { status: 405, body: { message: 'Required status check "test" is expected.', documentation_url: 'https://docs.github.com/rest/pulls/pulls#merge-a-pull-request' } })
    const first = await put(s)
    expect([first.status, first.json.message]).toEqual([405, 'Required status check "test" is expected.'])
    expect(s.state.pulls[0]!.merged).toBe(false)
    const second = await put(s)
    expect(second.status).toBe(200)
    expect(s.log.map((e) => [e.status, e.scripted])).toEqual([
      [405, true],
      [200, false]
    ])
  })

  it('after({count}) changes state after the n-th matching request was answered', async () => {
    const s = (sim = await startSimulator({ setup: classic(['test']) }))
    s.after({ method: 'PUT', path: MERGE, count: 2 }, (_st, sm) => void sm.addCheckRun({ name: 'test', conclusion: 'success' }))
    const statuses = []
    for (let i = 0; i < 3; i++) statuses.push((await put(s)).status)
    expect(statuses).toEqual([405, 405, 200])
  })

  it('after({elapsedMs}) fires on the simulated clock', async () => {
    const s = (sim = await startSimulator({ setup: classic(['test']), clock: { mode: 'manual', start: Date.parse('2026-11-27T06:00:00Z') } }))
    s.after({ elapsedMs: 60_000 }, (_st, sm) => void sm.addCheckRun({ name: 'test', conclusion: 'success' }))
    expect((await put(s)).status).toBe(405)
    s.clock.advance(59_999)
    expect(s.state.checkRuns).toHaveLength(0)
    s.clock.advance(1)
    expect(s.state.checkRuns).toHaveLength(1)
    expect(s.state.checkRuns[0]!.started_at).toBe('2026-11-27T06:01:00Z')
    expect((await put(s)).status).toBe(200)
  })

  it('tickPerRequestMs moves the clock on every request', async () => {
    const s = (sim = await startSimulator({ clock: { mode: 'manual', start: 0, tickPerRequestMs: 10_000 } }))
    await put(s, { sha: 'f'.repeat(40) })
    await put(s, { sha: 'f'.repeat(40) })
    expect(s.log.map((e) => e.time)).toEqual([10_000, 20_000])
  })
})
