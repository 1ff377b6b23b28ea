/**
 * wait-ci end to end: when a wait on a pull request fails or times out, the
 * summary names what else blocks the merge (a review, say), read once; a
 * green wait reads nothing more.
 */
import { renderGfm } from '../harness/gfm.js'
import { protectBranch, startSimulator, type Sim } from '../sim/server.js'
import { fastInputs, parsed, runWaitCi, MANUAL } from './scenario.js'
import { closeChecked } from '../sim/openapi-check.js'

let sim: Sim
afterEach(async () => {
  // Every answer of every scenario must match GitHub's published schema (drift check).
  await closeChecked(sim)
})

/** Classic protection on main requiring the check `test` and one approving review. */
const testAndReview = (reviews: number | null) => ({ setup: (s: Parameters<typeof protectBranch>[0]) => protectBranch(s, 'main', { contexts: ['test'], reviews }) })

const REVIEW_ROW = /<tr>\n?<td>review-required<\/td>/

describe('wait-ci: what else blocks the merge, after a wait that did not pass', () => {
  it('a failing check with a required review missing: the summary names the review, the outputs are the checks only', async () => {
    sim = await startSimulator({ ...testAndReview(1), clock: MANUAL })
    sim.addCheckRun({ name: 'test', conclusion: 'failure' })
    const run = await runWaitCi(sim, fastInputs())
    expect(run.outputs.conclusion).toBe('failure')
    expect(parsed(run).failed).toEqual([{ name: 'test', conclusion: 'failure', url: expect.any(String) }])
    const html = renderGfm(run.summary)
    expect(html).toContain('<h3>What else blocks the merge</h3>')
    expect(html).toMatch(REVIEW_ROW)
    expect(html).toContain('besides the checks, an approving review is required')
    // The failing check is in wait-ci's own table, not repeated in the diagnosis.
    expect(html).not.toMatch(/<td>check-failing<\/td>/)
    expect(sim.requests({ method: 'POST', path: '/graphql' }).length).toBeGreaterThanOrEqual(1)
  })

  it('a timed-out wait with a required review missing names the review too', async () => {
    sim = await startSimulator({ ...testAndReview(1), clock: MANUAL })
    sim.addCheckRun({ name: 'test', status: 'in_progress' })
    const run = await runWaitCi(sim, fastInputs({ 'timeout-seconds': '120' }))
    expect(run.outputs.conclusion).toBe('timed_out')
    const html = renderGfm(run.summary)
    expect(html).toMatch(REVIEW_ROW)
    expect(html).not.toMatch(/<td>check-pending<\/td>/)
  })

  it('a failing check and nothing else in the way: the summary says so, without a blocker table', async () => {
    sim = await startSimulator({ ...testAndReview(null), clock: MANUAL })
    sim.addCheckRun({ name: 'test', conclusion: 'failure' })
    const run = await runWaitCi(sim, fastInputs())
    expect(run.outputs.conclusion).toBe('failure')
    const html = renderGfm(run.summary)
    expect(html).toContain('Nothing besides the checks was found blocking the merge.')
    expect(html).not.toMatch(/<th>blocker<\/th>/)
  })

  it('a diagnosis read that fails changes neither the conclusion nor the outputs: one log line, no section', async () => {
    sim = await startSimulator({ ...testAndReview(1), clock: MANUAL })
    sim.addCheckRun({ name: 'test', conclusion: 'failure' })
    sim.respond({ method: 'POST', path: '/graphql' }, { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/graphql', status: '403' } })
    const run = await runWaitCi(sim, fastInputs())
    expect(run.exitCode).toBe(1)
    expect(run.outputs.conclusion).toBe('failure')
    expect(parsed(run).failed).toEqual([{ name: 'test', conclusion: 'failure', url: expect.any(String) }])
    expect(run.stdout.split('\n').filter((l) => l.startsWith('Could not read what else blocks pull request #1'))).toHaveLength(1)
    expect(run.summary).not.toContain('What else blocks the merge')
  })

  it('a green wait makes no diagnosis request', async () => {
    sim = await startSimulator({ ...testAndReview(1), clock: MANUAL })
    sim.addCheckRun({ name: 'test', conclusion: 'success' })
    const run = await runWaitCi(sim, fastInputs())
    expect(run.outputs.conclusion).toBe('success')
    expect(sim.requests({ method: 'POST', path: '/graphql' })).toEqual([])
    expect(run.summary).not.toContain('What else blocks the merge')
  })
})
