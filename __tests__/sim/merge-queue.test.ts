/**
 * The simulator's merge queue through its GraphQL endpoint: every document validates against
 * @octokit/graphql-schema, answers are executed against the same schema, entries move on the clock.
 */
import { parse, validate } from 'graphql'
import { githubSchema } from './graphql.js'
import { requireMergeQueue, settleGroupChecks } from './merge-queue.js'
import { ADMIN_TOKEN, DEFAULT_TOKEN, HEAD_SHA, startSimulator, type Sim } from './server.js'
import { closeChecked } from './openapi-check.js'

let sim: Sim | undefined
afterEach(async () => {
  await closeChecked(sim)
  sim = undefined
})

async function gql(s: Sim, query: string, variables: Record<string, unknown> = {}, token = ADMIN_TOKEN): Promise<{ data?: Record<string, unknown>; errors?: { type?: string; message: string }[] }> {
  expect(validate(githubSchema(), parse(query))).toEqual([])
  const res = await fetch(`${s.url}/graphql`, {
    method: 'POST',
    headers: { authorization: `bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables })
  })
  expect(res.status).toBe(200)
  return (await res.json()) as { data?: Record<string, unknown>; errors?: { type?: string; message: string }[] }
}

const ENQUEUE = `mutation($id: ID!, $oid: GitObjectID) { enqueuePullRequest(input: {pullRequestId: $id, expectedHeadOid: $oid}) { mergeQueueEntry { state position headCommit { oid } } } }`
const DEQUEUE = `mutation($id: ID!) { dequeuePullRequest(input: {id: $id}) { mergeQueueEntry { state } } }`
const READ = `query { repository(owner: "octo-org", name: "purple-demo") {
  mergeQueue(branch: "main") { url configuration { checkResponseTimeout mergeMethod mergingStrategy } entries(first: 10) { totalCount nodes { position pullRequest { number } } } }
  pullRequest(number: 1) { isInMergeQueue isMergeQueueEnabled mergeQueueEntry { state position headCommit { oid } }
    timelineItems(last: 5, itemTypes: [REMOVED_FROM_MERGE_QUEUE_EVENT]) { nodes { ... on RemovedFromMergeQueueEvent { reason beforeCommit { oid } } } } } } }`

beforeAll(() => githubSchema())

describe('simulated merge queue', () => {
  it('answers a branch without a queue as GitHub shows it: no queue, enqueue refused', async () => {
    sim = await startSimulator()
    const read = await gql(sim, READ)
    expect(read.data).toMatchObject({ repository: { mergeQueue: null, pullRequest: { isInMergeQueue: false, isMergeQueueEnabled: false, mergeQueueEntry: null } } })
    const refused = await gql(sim, ENQUEUE, { id: 'PR_900001', oid: HEAD_SHA })
    expect(refused.errors?.[0]).toMatchObject({ type: 'UNPROCESSABLE' })
  })

  it('moves an entry QUEUED -> AWAITING_CHECKS -> MERGEABLE -> merged on the clock, the group on its own sha', async () => {
    sim = await startSimulator({ clock: { mode: 'manual' }, setup: (s) => ((s.mergeQueue.groupChecks = ['test']), requireMergeQueue(s, { check_response_timeout_minutes: 30 })) })
    const moved = await gql(sim, ENQUEUE, { id: 'PR_900001', oid: 'f'.repeat(40) })
    expect(moved.errors?.[0]).toMatchObject({ type: 'UNPROCESSABLE', message: 'Head branch was modified. Review and try the merge again.' })
    const queued = await gql(sim, ENQUEUE, { id: 'PR_900001', oid: HEAD_SHA })
    const group = (queued.data as { enqueuePullRequest: { mergeQueueEntry: { headCommit: { oid: string } } } }).enqueuePullRequest.mergeQueueEntry.headCommit.oid
    expect(queued.data).toEqual({ enqueuePullRequest: { mergeQueueEntry: { state: 'QUEUED', position: 1, headCommit: { oid: group } } } })
    expect(group).not.toBe(HEAD_SHA)
    expect((await gql(sim, ENQUEUE, { id: 'PR_900001', oid: HEAD_SHA })).errors?.[0]?.type).toBe('UNPROCESSABLE')
    sim.clock.advance(30_000)
    expect((await gql(sim, READ)).data).toMatchObject({
      repository: {
        mergeQueue: { configuration: { checkResponseTimeout: 30, mergeMethod: 'MERGE', mergingStrategy: 'ALLGREEN' }, entries: { totalCount: 1, nodes: [{ position: 1, pullRequest: { number: 1 } }] } },
        pullRequest: { isInMergeQueue: true, isMergeQueueEnabled: true, mergeQueueEntry: { state: 'AWAITING_CHECKS', headCommit: { oid: group } } }
      }
    })
    // The group started: a merge_group workflow run and the group's check run, on the group sha only.
    expect(sim.state.workflowRuns).toMatchObject([{ event: 'merge_group', head_sha: group, head_branch: `gh-readonly-queue/main/pr-1-${HEAD_SHA}` }])
    expect(sim.state.checkRuns.map((c) => [c.name, c.head_sha, c.status])).toEqual([['test', group, 'in_progress']])
    settleGroupChecks(sim.state, 1, { test: 'success' }, sim.clock.now())
    expect((await gql(sim, READ)).data).toMatchObject({ repository: { pullRequest: { mergeQueueEntry: { state: 'MERGEABLE' } } } })
    expect((await gql(sim, READ)).data).toMatchObject({
      repository: { pullRequest: { isInMergeQueue: false, mergeQueueEntry: null, timelineItems: { nodes: [{ reason: 'merged', beforeCommit: { oid: group } }] } } }
    })
    expect(sim.state.pulls[0]).toMatchObject({ merged: true, merge_commit_sha: group })
    expect(sim.state.branches.find((b) => b.name === 'main')?.sha).toBe(group)
  })

  it('a job-token enqueue gets a group that starts nothing, evicted at the check timeout; dequeue of a PR not queued is UNPROCESSABLE', async () => {
    sim = await startSimulator({ clock: { mode: 'manual' }, setup: (s) => ((s.mergeQueue.groupChecks = ['test']), requireMergeQueue(s, { check_response_timeout_minutes: 60 })) })
    await gql(sim, ENQUEUE, { id: 'PR_900001', oid: HEAD_SHA }, DEFAULT_TOKEN)
    sim.clock.advance(30_000)
    expect((await gql(sim, READ)).data).toMatchObject({ repository: { pullRequest: { mergeQueueEntry: { state: 'AWAITING_CHECKS' } } } })
    expect(sim.state.workflowRuns).toEqual([])
    expect(sim.state.checkRuns).toEqual([])
    sim.clock.advance(60 * 60_000)
    expect((await gql(sim, READ)).data).toMatchObject({ repository: { pullRequest: { isInMergeQueue: false, timelineItems: { nodes: [{ reason: null }] } } } })
    const dequeued = await gql(sim, DEQUEUE, { id: 'PR_900001' })
    expect(dequeued.errors?.[0]).toMatchObject({ type: 'UNPROCESSABLE', message: 'Failed to remove PR #1 from the merge queue' })
  })

  it('dequeues a queued pull request with reason dequeued', async () => {
    sim = await startSimulator({ setup: (s) => requireMergeQueue(s) })
    await gql(sim, ENQUEUE, { id: 'PR_900001', oid: HEAD_SHA })
    expect((await gql(sim, DEQUEUE, { id: 'PR_900001' })).data).toEqual({ dequeuePullRequest: { mergeQueueEntry: { state: 'QUEUED' } } })
    expect(sim.state.mergeQueue.removals.map((r) => r.reason)).toEqual(['dequeued'])
  })
})
