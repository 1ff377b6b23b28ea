/**
 * wait-ci in a merge queue's `merge_group` run: the group sha is verified, the
 * base branch's gate is read as for a pull request, and no pull request is read.
 */
import { shaOf, startSimulator, type Sim } from '../sim/server.js'
import { conversationInRounds } from '../sim/request-log.js'
import { closeChecked } from '../sim/openapi-check.js'
import { failure, fastInputs, parsed, protect, ruleset, runWaitCiOnMergeGroup, MANUAL } from './scenario.js'

let sim: Sim
afterEach(async () => {
  await closeChecked(sim)
})

const GROUP_SHA = shaOf('merge-group-main-pr-1')
const GROUP_STATUS = new RegExp(`/commits/${GROUP_SHA}/status$`)

/** Runs `action` after the n-th poll of the group (one combined-status read each). */
function afterGroupPoll(n: number, action: () => void): void {
  sim.after({ method: 'GET', path: GROUP_STATUS, count: n }, () => action())
}

describe('wait-ci on a merge_group event', () => {
  it('verifies the group sha, waits for a late check a ruleset requires, never reads a pull request', async () => {
    sim = await startSimulator({
      clock: MANUAL,
      setup: (s) => {
        protect(s, ['lint', 'Gate / wait'])
        ruleset(s, [{ context: 'e2e' }])
      }
    })
    sim.addCheckRun({ name: 'lint', conclusion: 'success', head_sha: GROUP_SHA })
    // This job: its name is itself required, and it must never be waited on.
    const own = sim.addCheckRun({ name: 'Gate / wait', status: 'in_progress', head_sha: GROUP_SHA })
    // The PR head's checks are green, which must not count for the group.
    sim.addCheckRun({ name: 'e2e', conclusion: 'success' })
    let e2e = 0
    afterGroupPoll(2, () => {
      e2e = sim.addCheckRun({ name: 'e2e', status: 'in_progress', head_sha: GROUP_SHA }).id
    })
    afterGroupPoll(4, () => sim.updateCheckRun(e2e, { conclusion: 'success' }))
    const run = await runWaitCiOnMergeGroup(sim, fastInputs({ 'check-run-id': String(own.id) }), GROUP_SHA)
    expect(failure(run)).toBe('')
    expect(run.outputs.conclusion).toBe('success')
    expect(run.outputs.sha).toBe(GROUP_SHA)
    expect(sim.count('GET', GROUP_STATUS)).toBe(5)
    expect(parsed(run).required).toEqual([
      { name: 'lint', sources: ['protection'], state: 'success' },
      { name: 'Gate / wait', sources: ['protection'], state: 'self' },
      { name: 'e2e', sources: ['ruleset'], state: 'success' }
    ])
    expect(sim.count('GET', /\/pulls\//)).toBe(0)
    expect(run.stdout).toContain(`merge group ${GROUP_SHA}, base branch 'main'`)
    expect(conversationInRounds(sim)).toMatchSnapshot()
  })

  it('fail-queue-fast (default): a required failure ends the wait at once, even with fail-fast off', async () => {
    sim = await startSimulator({ clock: MANUAL, setup: (s) => protect(s, ['test', 'lint']) })
    sim.addCheckRun({ name: 'test', conclusion: 'failure', head_sha: GROUP_SHA })
    sim.addCheckRun({ name: 'lint', status: 'in_progress', head_sha: GROUP_SHA })
    const run = await runWaitCiOnMergeGroup(sim, fastInputs({ 'check-run-id': '1', 'fail-fast': 'false' }), GROUP_SHA)
    expect(run.exitCode).toBe(1)
    expect(run.outputs.conclusion).toBe('failure')
    expect(run.outputs.sha).toBe(GROUP_SHA)
    expect(parsed(run).failed).toEqual([{ name: 'test', conclusion: 'failure', url: expect.any(String) }])
    expect(sim.count('GET', GROUP_STATUS)).toBe(1)
    expect(conversationInRounds(sim)).toMatchSnapshot()
  })

  it("fail-queue-fast 'false': the wait lets the rest finish first", async () => {
    sim = await startSimulator({ clock: MANUAL, setup: (s) => protect(s, ['test', 'lint']) })
    sim.addCheckRun({ name: 'test', conclusion: 'failure', head_sha: GROUP_SHA })
    const lint = sim.addCheckRun({ name: 'lint', status: 'in_progress', head_sha: GROUP_SHA })
    afterGroupPoll(2, () => sim.updateCheckRun(lint.id, { conclusion: 'success' }))
    const run = await runWaitCiOnMergeGroup(sim, fastInputs({ 'check-run-id': '1', 'fail-queue-fast': 'false' }), GROUP_SHA)
    expect(run.outputs.conclusion).toBe('failure')
    expect(sim.count('GET', GROUP_STATUS)).toBe(3)
  })
})
