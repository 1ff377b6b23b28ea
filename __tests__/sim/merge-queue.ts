/**
 * The simulator's merge queue: `merge_queue` rules, the GraphQL queue fields and mutations, and entries that
 * move on the simulated clock. On every request the queue ticks: a QUEUED entry's group starts after
 * `startAfterMs` (AWAITING_CHECKS, one merge_group workflow run and a check run per `groupChecks` name on the
 * group sha), unless a job token (`github-token`) enqueued it: such a group starts nothing, as GitHub starts no
 * workflow for an event made with GITHUB_TOKEN. Completed group checks decide: all green -> MERGEABLE -> merged
 * (base moves to the group sha); one failing -> UNMERGEABLE -> removed with reason `failed_checks`; nothing settled
 * within the rule's check_response_timeout_minutes -> removed (reason null: GitHub's wording here is unverified).
 */
import { rulesFor } from './routes.js'
import {
  GITHUB_ACTIONS_APP,
  addRuleset,
  shaOf,
  type CheckConclusion,
  type RulesetSpec,
  type SimMergeQueueEntry,
  type SimPull,
  type SimRuleset,
  type SimState,
  type SimToken
} from './state.js'

/** The `merge_queue` rule parameters of a new queue in GitHub's ruleset settings, snake_case as REST returns them. */
export const MERGE_QUEUE_DEFAULTS = Object.freeze({
  check_response_timeout_minutes: 60,
  grouping_strategy: 'ALLGREEN',
  max_entries_to_build: 5,
  max_entries_to_merge: 5,
  merge_method: 'MERGE',
  min_entries_to_merge: 1,
  min_entries_to_merge_wait_minutes: 5
})

/** Adds an active ruleset requiring the merge queue (default: on the default branch); usable in a `setup`. */
export function requireMergeQueue(state: SimState, parameters: Partial<Record<keyof typeof MERGE_QUEUE_DEFAULTS, number | string>> = {}, spec: RulesetSpec = {}): SimRuleset {
  return addRuleset(state, { name: 'merge queue', ...spec, rules: [...(spec.rules ?? []), { type: 'merge_queue', parameters: { ...MERGE_QUEUE_DEFAULTS, ...parameters } }] })
}

/** The merge_queue rule parameters that apply to `branch`, or null when it has no queue. */
export function queueParameters(state: SimState, branch: string): Record<string, unknown> | null {
  const hit = rulesFor(state, branch).find(({ rule }) => rule.type === 'merge_queue')
  return hit && hit.rule.type === 'merge_queue' ? hit.rule.parameters : null
}

/** A GraphQL error as GitHub reports it: a `type` (UNPROCESSABLE, NOT_FOUND, ...) beside the message. */
export class SimGraphqlError extends Error {
  constructor(
    readonly type: string,
    message: string
  ) {
    super(message)
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

function pullByNodeId(state: SimState, id: unknown): SimPull {
  const pull = state.pulls.find((p) => `PR_${p.id}` === id)
  if (!pull) throw new SimGraphqlError('NOT_FOUND', `Could not resolve to a node with the global id of '${String(id)}'`)
  return pull
}

/** The entry of a pull request, if it is queued. */
export function entryOf(state: SimState, pullNumber: number): SimMergeQueueEntry | undefined {
  return state.mergeQueue.entries.find((e) => e.pullNumber === pullNumber)
}

/** The ref GitHub gives a merge group: `gh-readonly-queue/<base>/pr-<n>-<head sha>`. */
export function groupBranch(pull: SimPull): string {
  return `gh-readonly-queue/${pull.base.ref}/pr-${pull.number}-${pull.head.sha}`
}

/** enqueuePullRequest: adds the pull request at its current head (refused if expectedHeadOid differs). */
export function enqueue(state: SimState, now: number, args: { input: { pullRequestId: string; expectedHeadOid?: string | null; jump?: boolean | null } }, token: SimToken | undefined) {
  const pull = pullByNodeId(state, args.input.pullRequestId)
  const q = state.mergeQueue
  if (q.refuseEnqueue !== null) throw new SimGraphqlError('UNPROCESSABLE', q.refuseEnqueue)
  // Invented wordings below: GitHub's exact text for these refusals is not publicly reported.
  if (pull.merged || pull.state !== 'open') throw new SimGraphqlError('UNPROCESSABLE', 'Pull request is not open')
  if (queueParameters(state, pull.base.ref) === null) throw new SimGraphqlError('UNPROCESSABLE', 'Pull request base branch does not use a merge queue')
  if (args.input.expectedHeadOid != null && args.input.expectedHeadOid !== pull.head.sha) {
    throw new SimGraphqlError('UNPROCESSABLE', 'Head branch was modified. Review and try the merge again.')
  }
  if (entryOf(state, pull.number)) throw new SimGraphqlError('UNPROCESSABLE', 'Pull request is already in the merge queue')
  const id = state.nextId++
  const entry: SimMergeQueueEntry = {
    id: `MQE_${id}`,
    pullNumber: pull.number,
    state: 'QUEUED',
    groupSha: shaOf(`merge-group:${pull.number}:${pull.head.sha}:${id}`),
    enqueuedAt: now,
    stateSince: now,
    enqueuedBy: token?.kind ?? 'pat',
    jump: args.input.jump === true
  }
  if (entry.jump) q.entries.unshift(entry)
  else q.entries.push(entry)
  return { clientMutationId: null, mergeQueueEntry: entryObject(state, entry) }
}

/** dequeuePullRequest: removes the pull request's entry (reason `dequeued`, invented). */
export function dequeue(state: SimState, now: number, args: { input: { id: string } }) {
  const pull = pullByNodeId(state, args.input.id)
  const entry = entryOf(state, pull.number)
  // vanillagreencom/kendex#1289: dequeuing a pull request that is not queued is UNPROCESSABLE.
  if (!entry) throw new SimGraphqlError('UNPROCESSABLE', `Failed to remove PR #${pull.number} from the merge queue`)
  const shown = entryObject(state, entry)
  removeEntry(state, entry, 'dequeued', now)
  return { clientMutationId: null, mergeQueueEntry: shown }
}

function removeEntry(state: SimState, entry: SimMergeQueueEntry, reason: string | null, now: number): void {
  const q = state.mergeQueue
  q.entries.splice(q.entries.indexOf(entry), 1)
  state.branches = state.branches.filter((b) => !(b.name.startsWith('gh-readonly-queue/') && b.sha === entry.groupSha))
  q.removals.push({ id: state.nextId++, pullNumber: entry.pullNumber, reason, createdAt: iso(now), beforeSha: entry.groupSha })
  for (const run of state.workflowRuns.filter((r) => r.head_sha === entry.groupSha && r.status !== 'completed')) {
    run.status = 'completed'
    run.conclusion = reason === 'merged' ? 'success' : reason === 'failed_checks' ? 'failure' : 'cancelled'
    run.updated_at = iso(now)
  }
}

function startGroup(state: SimState, entry: SimMergeQueueEntry, pull: SimPull, now: number): void {
  entry.state = 'AWAITING_CHECKS'
  entry.stateSince = now
  // The group's commit lives on its own branch while the entry is queued.
  state.branches.push({ name: groupBranch(pull), sha: entry.groupSha, protection: null })
  // A workflow run cannot trigger another workflow run: a job-token enqueue gets a group with no runs at all.
  if (entry.enqueuedBy === 'github-token' || !state.mergeQueue.mergeGroupTrigger) return
  const suite = state.nextId++
  state.workflowRuns.push({
    id: state.nextId++,
    name: 'CI',
    head_sha: entry.groupSha,
    head_branch: groupBranch(pull),
    event: 'merge_group',
    status: 'in_progress',
    conclusion: null,
    path: '.github/workflows/ci.yml',
    check_suite_id: suite,
    created_at: iso(now),
    updated_at: iso(now)
  })
  for (const name of state.mergeQueue.groupChecks) {
    state.checkRuns.push({
      id: state.nextId++,
      head_sha: entry.groupSha,
      name,
      status: 'in_progress',
      conclusion: null,
      started_at: iso(now),
      completed_at: null,
      app_id: GITHUB_ACTIONS_APP.id,
      check_suite_id: suite
    })
  }
}

const PASSING = new Set(['success', 'neutral', 'skipped'])

/** Completes the group's check runs by name (a test's script for the merge_group workflow). */
export function settleGroupChecks(state: SimState, pullNumber: number, conclusions: Record<string, CheckConclusion>, now: number): void {
  const entry = entryOf(state, pullNumber)
  if (!entry) throw new Error(`pull request #${pullNumber} is not in the merge queue`)
  for (const run of state.checkRuns.filter((c) => c.head_sha === entry.groupSha && c.name in conclusions)) {
    run.status = 'completed'
    run.conclusion = conclusions[run.name] ?? null
    run.completed_at = iso(now)
  }
}

/** Moves every entry one step on the simulated clock (called on each request). */
export function tickMergeQueue(state: SimState, now: number): void {
  for (const entry of [...state.mergeQueue.entries]) {
    const pull = state.pulls.find((p) => p.number === entry.pullNumber)
    if (!pull || pull.state !== 'open') {
      removeEntry(state, entry, null, now)
      continue
    }
    if (entry.state === 'QUEUED' && now >= entry.enqueuedAt + state.mergeQueue.startAfterMs) startGroup(state, entry, pull, now)
    else if (entry.state === 'AWAITING_CHECKS') judgeGroup(state, entry, now)
    else if (entry.state === 'UNMERGEABLE') removeEntry(state, entry, 'failed_checks', now)
    else if (entry.state === 'MERGEABLE') mergeGroup(state, entry, pull, now)
  }
}

function judgeGroup(state: SimState, entry: SimMergeQueueEntry, now: number): void {
  const runs = state.checkRuns.filter((c) => c.head_sha === entry.groupSha)
  const timeout = Number(queueParameters(state, state.pulls.find((p) => p.number === entry.pullNumber)?.base.ref ?? '')?.check_response_timeout_minutes ?? 60)
  if (runs.some((c) => c.status === 'completed' && !PASSING.has(c.conclusion ?? ''))) {
    entry.state = 'UNMERGEABLE'
    entry.stateSince = now
  } else if (runs.length > 0 && runs.every((c) => c.status === 'completed')) {
    entry.state = 'MERGEABLE'
    entry.stateSince = now
  } else if (now >= entry.stateSince + timeout * 60_000) {
    removeEntry(state, entry, null, now)
  }
}

function mergeGroup(state: SimState, entry: SimMergeQueueEntry, pull: SimPull, now: number): void {
  // The queue fast-forwards the base branch to the group's commit, which becomes the merge commit.
  pull.merged = true
  pull.state = 'closed'
  pull.merged_at = iso(now)
  pull.updated_at = iso(now)
  pull.merge_commit_sha = entry.groupSha
  pull.mergeable = null
  pull.mergeable_state = 'unknown'
  const base = state.branches.find((b) => b.name === pull.base.ref)
  if (base) base.sha = entry.groupSha
  removeEntry(state, entry, 'merged', now)
}

function entryObject(state: SimState, entry: SimMergeQueueEntry) {
  const sameQueue = state.mergeQueue.entries
  return {
    id: entry.id,
    state: entry.state,
    position: Math.max(1, sameQueue.indexOf(entry) + 1),
    enqueuedAt: iso(entry.enqueuedAt),
    headCommit: { oid: entry.groupSha },
    // Only the pull request's id and number are modelled inside an entry.
    pullRequest: { id: `PR_${state.pulls.find((p) => p.number === entry.pullNumber)?.id ?? 0}`, number: entry.pullNumber },
    jump: entry.jump,
    solo: false,
    estimatedTimeToMerge: null,
    enqueuer: { __typename: 'User', login: entry.enqueuedBy === 'github-token' ? 'github-actions[bot]' : 'octocat' }
  }
}

const TIMELINE_TYPE = 'REMOVED_FROM_MERGE_QUEUE_EVENT'

/** The queue fields of a GraphQL PullRequest object. */
export function pullQueueFields(state: SimState, pull: SimPull) {
  const entry = entryOf(state, pull.number)
  return {
    isInMergeQueue: entry !== undefined,
    isMergeQueueEnabled: queueParameters(state, pull.base.ref) !== null,
    mergeQueueEntry: entry ? entryObject(state, entry) : null,
    timelineItems: (args: { last?: number | null; first?: number | null; itemTypes?: string[] | null }) => {
      const wanted = !args.itemTypes || args.itemTypes.includes(TIMELINE_TYPE)
      const all = wanted ? state.mergeQueue.removals.filter((r) => r.pullNumber === pull.number) : []
      const nodes = args.last != null ? all.slice(-args.last) : args.first != null ? all.slice(0, args.first) : all
      return {
        totalCount: all.length,
        nodes: nodes.map((r) => ({
          __typename: 'RemovedFromMergeQueueEvent',
          id: `RMQE_${r.id}`,
          reason: r.reason,
          createdAt: r.createdAt,
          beforeCommit: r.beforeSha ? { oid: r.beforeSha } : null
        }))
      }
    }
  }
}

/** `repository.mergeQueue(branch:)`: the queue of a branch that requires one, else null. */
export function repositoryMergeQueue(state: SimState, branch: string | null | undefined) {
  const name = branch ?? state.repository.default_branch
  const parameters = queueParameters(state, name)
  if (parameters === null) return null
  const full = `${state.repository.owner}/${state.repository.name}`
  const entries = state.mergeQueue.entries.filter((e) => state.pulls.find((p) => p.number === e.pullNumber)?.base.ref === name)
  return {
    id: `MQ_${name}`,
    url: `https://github.com/${full}/queue/${name}`,
    resourcePath: `/${full}/queue/${name}`,
    configuration: {
      checkResponseTimeout: Number(parameters.check_response_timeout_minutes ?? 60),
      maximumEntriesToBuild: Number(parameters.max_entries_to_build ?? 5),
      maximumEntriesToMerge: Number(parameters.max_entries_to_merge ?? 5),
      mergeMethod: String(parameters.merge_method ?? 'MERGE'),
      mergingStrategy: String(parameters.grouping_strategy ?? 'ALLGREEN'),
      minimumEntriesToMerge: Number(parameters.min_entries_to_merge ?? 1),
      minimumEntriesToMergeWaitTime: Number(parameters.min_entries_to_merge_wait_minutes ?? 5)
    },
    entries: () => ({ totalCount: entries.length, nodes: entries.map((e) => entryObject(state, e)) })
  }
}
