/**
 * GitHub's merge queue through the API: detect whether the base branch
 * requires it, read a pull request's queue state, enqueue the verified head
 * (adopting an entry that is already there), and follow the entry until it is
 * merged, ejected, never starts, or the caller's budget ends. Decisions live in
 * src/core/merge-queue.ts; see docs/decisions.md, "Merge queue: enqueue the
 * verified head and follow it".
 */
import {
  NEVER_STARTED_AFTER_MS,
  enqueueRefusedMessage,
  failingGroupChecks,
  groupNeverStartedMessage,
  nextQueueStep,
  queueEjectedMessage,
  queueMergedMessage,
  queueRequirement,
  queueTimeoutMessage,
  tokenAuthWarning,
  type GroupCheck,
  type MergeQueueEntryState,
  type QueueEntry,
  type QueueRequirement,
  type QueueSnapshot
} from '../core/merge-queue.js'
import { logText } from '../core/escaping.js'
import type { GitHubClient } from './client.js'
import { tokenOwner } from './token-owner.js'

/** The pull request whose queue entry is handled. */
export interface QueueTarget {
  readonly owner: string
  readonly repo: string
  readonly pullNumber: number
}

/** Time and log, injected (tests pass a fake clock whose sleep advances it). */
export interface QueueRuntime {
  readonly now: () => number
  readonly sleep: (ms: number) => Promise<void>
  readonly log: { info(message: string): void; warning(message: string): void }
}

const PER_PAGE = 100
// A bound on rules pages: a branch with 1,000 active rules is far past any real one.
const MAX_RULE_PAGES = 10

/**
 * Whether `base` requires the merge queue. With `rules` (a rules list the
 * caller already read from GET /rules/branches/{base}) it costs no request;
 * otherwise one (more only past 100 rules).
 */
export async function detectMergeQueue(
  client: GitHubClient,
  where: { readonly owner: string; readonly repo: string; readonly base: string },
  known: { readonly rules?: readonly unknown[] } = {}
): Promise<QueueRequirement> {
  if (known.rules) return queueRequirement({ rules: known.rules })
  const rules: unknown[] = []
  for (let page = 1; page <= MAX_RULE_PAGES; page++) {
    const answer = await client.octokit.request('GET /repos/{owner}/{repo}/rules/branches/{branch}', {
      owner: where.owner,
      repo: where.repo,
      branch: where.base,
      per_page: PER_PAGE,
      page
    })
    const list: unknown = answer.data
    if (!Array.isArray(list)) throw new Error(`malformed response: rules of branch '${logText(where.base)}': expected a list`)
    rules.push(...list)
    if (list.length < PER_PAGE) break
  }
  return queueRequirement({ rules })
}

/** A pull request's queue state as one GraphQL read gives it. */
export interface PullQueueState {
  readonly pullRequestId: string
  readonly headSha: string
  readonly snapshot: QueueSnapshot
  readonly isMergeQueueEnabled: boolean
  /** Removals from the queue (newest last), for telling ours from an earlier one. */
  readonly removals: readonly { readonly reason: string | null; readonly at: string; readonly groupSha: string | null }[]
}

/** The read Purple makes each poll; exported so a test validates it against GitHub's schema. */
export const QUEUE_STATE_QUERY = `query PurpleMergeQueueState($owner: String!, $name: String!, $number: Int!) {
  repository(owner: $owner, name: $name) {
    pullRequest(number: $number) {
      id
      state
      merged
      headRefOid
      mergeCommit { oid }
      isInMergeQueue
      isMergeQueueEnabled
      mergeQueueEntry { state position headCommit { oid } }
      timelineItems(last: 5, itemTypes: [REMOVED_FROM_MERGE_QUEUE_EVENT]) {
        nodes { ... on RemovedFromMergeQueueEvent { reason createdAt beforeCommit { oid } } }
      }
    }
  }
}`

/** The enqueue Purple makes: always pinned to the verified head. */
export const ENQUEUE_MUTATION = `mutation PurpleEnqueue($pullRequestId: ID!, $expectedHeadOid: GitObjectID!, $jump: Boolean) {
  enqueuePullRequest(input: { pullRequestId: $pullRequestId, expectedHeadOid: $expectedHeadOid, jump: $jump }) {
    mergeQueueEntry { state position headCommit { oid } }
  }
}`

interface RawEntry {
  state?: unknown
  position?: unknown
  headCommit?: { oid?: unknown } | null
}

const ENTRY_STATES = new Set(['QUEUED', 'AWAITING_CHECKS', 'MERGEABLE', 'UNMERGEABLE', 'LOCKED'])

function toEntry(raw: RawEntry | null | undefined): QueueEntry | null {
  if (!raw || typeof raw.state !== 'string' || !ENTRY_STATES.has(raw.state)) return null
  return {
    state: raw.state as MergeQueueEntryState,
    position: typeof raw.position === 'number' ? raw.position : null,
    groupSha: typeof raw.headCommit?.oid === 'string' ? raw.headCommit.oid : null
  }
}

interface RawPull {
  id?: unknown
  state?: unknown
  merged?: unknown
  headRefOid?: unknown
  mergeCommit?: { oid?: unknown } | null
  isMergeQueueEnabled?: unknown
  mergeQueueEntry?: RawEntry | null
  timelineItems?: { nodes?: ({ reason?: unknown; createdAt?: unknown; beforeCommit?: { oid?: unknown } | null } | null)[] | null } | null
}

/** Reads the pull request's queue state in one GraphQL request; `since` (ms) drops removals older than it. */
export async function readQueueState(client: GitHubClient, target: QueueTarget, since = 0): Promise<PullQueueState> {
  const data = await client.octokit.graphql<{ repository?: { pullRequest?: RawPull | null } | null }>(QUEUE_STATE_QUERY, {
    owner: target.owner,
    name: target.repo,
    number: target.pullNumber
  })
  const pull = data?.repository?.pullRequest
  if (!pull) throw new Error(`Pull request #${target.pullNumber} was not found in ${target.owner}/${target.repo} (GraphQL answered no pullRequest)`)
  if (typeof pull.id !== 'string' || typeof pull.headRefOid !== 'string' || typeof pull.state !== 'string') {
    throw new Error(`malformed response: queue state of pull request #${target.pullNumber}: no id, state or headRefOid`)
  }
  const removals = (pull.timelineItems?.nodes ?? [])
    .filter((n): n is NonNullable<typeof n> => n !== null && typeof n.createdAt === 'string')
    .map((n) => ({
      reason: typeof n.reason === 'string' ? n.reason : null,
      at: n.createdAt as string,
      groupSha: typeof n.beforeCommit?.oid === 'string' ? n.beforeCommit.oid : null
    }))
    .filter((r) => Date.parse(r.at) >= since)
  const last = removals[removals.length - 1]
  return {
    pullRequestId: pull.id,
    headSha: pull.headRefOid,
    isMergeQueueEnabled: pull.isMergeQueueEnabled === true,
    removals,
    snapshot: {
      merged: pull.merged === true,
      pullState: pull.state,
      mergeCommitSha: typeof pull.mergeCommit?.oid === 'string' ? pull.mergeCommit.oid : null,
      entry: toEntry(pull.mergeQueueEntry),
      removal: last ? { reason: last.reason, at: last.at } : null
    }
  }
}

/** What an enqueue did. */
export type EnqueueResult =
  | { readonly kind: 'enqueued'; readonly entry: QueueEntry | null }
  | { readonly kind: 'adopted'; readonly entry: QueueEntry }
  | { readonly kind: 'refused'; readonly message: string }
  | { readonly kind: 'head-moved'; readonly headSha: string }

/** GitHub's GraphQL errors (`UNPROCESSABLE` and others) from a failed call, or null for a failure without an answer. */
function graphqlErrors(error: unknown): { type: string | null; message: string }[] | null {
  const errors = (error as { errors?: unknown } | null)?.errors
  if (!Array.isArray(errors) || errors.length === 0) return null
  return errors.map((e: { type?: unknown; message?: unknown }) => ({
    type: typeof e?.type === 'string' ? e.type : null,
    message: typeof e?.message === 'string' ? e.message : String(e)
  }))
}

/**
 * Adds the pull request to the queue at the verified sha, once. An entry
 * already there is adopted, never enqueued again (that would restart its
 * checks); a head other than `sha` is never enqueued. The mutation carries
 * `expectedHeadOid: sha`, so GitHub refuses if the head moved in between.
 */
export async function enqueueVerifiedHead(
  client: GitHubClient,
  target: QueueTarget,
  options: { readonly sha: string; readonly jump?: boolean; readonly state?: PullQueueState }
): Promise<EnqueueResult> {
  const state = options.state ?? (await readQueueState(client, target))
  if (state.headSha !== options.sha) return { kind: 'head-moved', headSha: state.headSha }
  if (state.snapshot.entry) return { kind: 'adopted', entry: state.snapshot.entry }
  try {
    const answer = await client.octokit.graphql<{ enqueuePullRequest?: { mergeQueueEntry?: RawEntry | null } | null }>(ENQUEUE_MUTATION, {
      pullRequestId: state.pullRequestId,
      expectedHeadOid: options.sha,
      ...(options.jump === true ? { jump: true } : {}),
      // One mutation per call: after a lost answer the re-read below decides, never a blind resend.
      request: { retries: 0 }
    })
    return { kind: 'enqueued', entry: toEntry(answer?.enqueuePullRequest?.mergeQueueEntry) }
  } catch (error) {
    // Whatever the answer, the queue itself says whether the enqueue landed (an answer can be lost after it did).
    const after = await readQueueState(client, target).catch(() => null)
    if (after?.snapshot.entry && after.headSha === options.sha) return { kind: 'enqueued', entry: after.snapshot.entry }
    // A push between the read and the enqueue: GitHub refused because of expectedHeadOid, and the new head is unverified.
    if (after && after.headSha !== options.sha) return { kind: 'head-moved', headSha: after.headSha }
    const said = graphqlErrors(error)
    if (said) return { kind: 'refused', message: said.map((e) => e.message).join('; ') }
    throw error
  }
}

/** How following the queue ended, as data for outputs and the summary. */
export interface QueueOutcome {
  readonly reason: 'merged' | 'merge-queue-ejected' | 'merge-queue-timeout' | 'merge-queue-refused' | 'merge-queue-never-started' | 'head-moved'
  readonly merged: boolean
  /** '' when not merged. */
  readonly mergeCommitSha: string
  /** The merge group's head sha last seen ('' when no group was seen). */
  readonly mergeGroupSha: string
  readonly message: string
  /** For an ejection: the failing checks of the group sha, with their links. */
  readonly failingChecks: readonly GroupCheck[]
  /** RemovedFromMergeQueueEvent.reason for an ejection. */
  readonly removalReason: string | null
  /** Whether Purple enqueued (true) or adopted an existing entry (false). */
  readonly enqueued: boolean
  /** Queue reads made while following. */
  readonly polls: number
}

/** How to follow: the caller's budget and the pacing. */
export interface FollowOptions {
  readonly sha: string
  /** The whole budget, from the first read ('timeout-seconds'). */
  readonly timeoutMs: number
  /** Wait between reads; default 15 s. */
  readonly intervalMs?: number
  /** A group with no check suite and no workflow run this long after it appeared never started. */
  readonly neverStartedAfterMs?: number
  /** From the merge_queue rule, for the timeout message. */
  readonly checkResponseTimeoutMinutes?: number | null
}

const DEFAULT_INTERVAL_MS = 15_000
// Removals up to this long before the follow began may be ours (GitHub's clock and ours differ).
const CLOCK_SLACK_MS = 60_000

/** True when the group sha has a check suite or a workflow run; a failed read counts as started (never a false alarm). */
async function probeGroup(client: GitHubClient, target: QueueTarget, groupSha: string, log: QueueRuntime['log']): Promise<boolean> {
  try {
    return await commitStarted(client, target, groupSha)
  } catch (error) {
    log.info(`merge queue: could not read the check suites or workflow runs of merge group ${groupSha.slice(0, 7)} (${logText(error instanceof Error ? error.message : String(error))})`)
    return true
  }
}

/** Whether anything started on `sha`: a check suite or a workflow run exists for it (a merge group's, an updated head's). */
export async function commitStarted(client: GitHubClient, repository: { readonly owner: string; readonly repo: string }, sha: string): Promise<boolean> {
  const where = { owner: repository.owner, repo: repository.repo }
  const suites = await client.octokit.request('GET /repos/{owner}/{repo}/commits/{ref}/check-suites', { ...where, ref: sha, per_page: 1 })
  if ((suites.data as { total_count?: unknown }).total_count !== 0) return true
  const runs = await client.octokit.request('GET /repos/{owner}/{repo}/actions/runs', { ...where, head_sha: sha, per_page: 1 })
  return (runs.data as { total_count?: unknown }).total_count !== 0
}

/** The check runs and commit statuses of the group sha, as GroupChecks. */
async function groupChecks(client: GitHubClient, target: QueueTarget, groupSha: string): Promise<GroupCheck[]> {
  const where = { owner: target.owner, repo: target.repo, ref: groupSha, per_page: PER_PAGE }
  const runs = await client.octokit.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', where)
  const status = await client.octokit.request('GET /repos/{owner}/{repo}/commits/{ref}/status', where)
  const fromRuns = (runs.data.check_runs ?? []).map((r) => ({
    name: r.name,
    outcome: r.status === 'completed' ? (r.conclusion ?? 'completed') : r.status,
    url: r.html_url ?? r.details_url ?? null,
    kind: 'check-run' as const,
    order: Number(r.id)
  }))
  const fromStatuses = (status.data.statuses ?? []).map((s) => ({ name: s.context, outcome: s.state, url: s.target_url ?? null, kind: 'status' as const, order: s.id }))
  return [...fromRuns, ...fromStatuses]
}

/**
 * Follows the pull request's queue entry until it is merged, ejected (with
 * the failing checks of its merge group), its group never starts, or the
 * budget ends. Transient read failures are logged and the next poll retries.
 */
export async function followQueue(
  client: GitHubClient,
  target: QueueTarget,
  options: FollowOptions,
  runtime: QueueRuntime,
  enqueued = true
): Promise<QueueOutcome> {
  const { now, sleep } = runtime
  const deadline = now() + options.timeoutMs
  const interval = options.intervalMs ?? DEFAULT_INTERVAL_MS
  const follower = createFollower(client, target, options, runtime, enqueued)
  for (;;) {
    const ended = await follower.poll()
    if (ended) return ended
    if (now() >= deadline) return follower.timeout()
    await sleep(Math.max(0, Math.min(interval, deadline - now())))
  }
}

/** What one follow remembers between reads: the group shas seen, when, and whether each started. */
function createFollower(client: GitHubClient, target: QueueTarget, options: FollowOptions, runtime: QueueRuntime, enqueued: boolean) {
  const { now, log } = runtime
  const start = now()
  const neverStartedAfterMs = options.neverStartedAfterMs ?? NEVER_STARTED_AFTER_MS
  const firstSeen = new Map<string, number>()
  const started = new Map<string, boolean>()
  let groupSha: string | null = null
  let entry: QueueEntry | null = null
  let readsWithoutEntry = 0
  let polls = 0
  let lastLine = ''
  const end = (reason: QueueOutcome['reason'], message: string, extra: Partial<QueueOutcome> = {}): QueueOutcome => ({
    reason,
    merged: false,
    mergeCommitSha: '',
    mergeGroupSha: groupSha ?? '',
    message,
    failingChecks: [],
    removalReason: null,
    enqueued,
    polls,
    ...extra
  })
  const facts = () => ({
    groupAgeMs: groupSha !== null && firstSeen.has(groupSha) ? now() - (firstSeen.get(groupSha) ?? now()) : 0,
    groupStarted: groupSha !== null ? (started.get(groupSha) ?? null) : null,
    neverStartedAfterMs,
    readsWithoutEntry
  })
  const remember = (state: PullQueueState): void => {
    entry = state.snapshot.entry
    if (entry?.groupSha) {
      groupSha = entry.groupSha
      if (!firstSeen.has(groupSha)) firstSeen.set(groupSha, now())
    }
    groupSha ??= state.removals[state.removals.length - 1]?.groupSha ?? null
    readsWithoutEntry = entry || state.snapshot.merged ? 0 : readsWithoutEntry + 1
    const line = entry
      ? `${entry.state}${entry.position !== null ? `, position ${entry.position}` : ''}${entry.groupSha ? `, merge group ${entry.groupSha.slice(0, 7)}` : ''}`
      : 'not in the queue'
    if (line !== lastLine) log.info(`merge queue: pull request #${target.pullNumber} ${line}`)
    lastLine = line
  }

  return {
    /** One read and its decision: the outcome when the entry reached its end, else null. */
    async poll(): Promise<QueueOutcome | null> {
      let state: PullQueueState
      try {
        state = await readQueueState(client, target, start - CLOCK_SLACK_MS)
        polls++
      } catch (error) {
        log.info(`merge queue: reading pull request #${target.pullNumber} failed (${logText(error instanceof Error ? error.message : String(error))}); reading again`)
        return null
      }
      remember(state)
      let step = nextQueueStep(state.snapshot, facts())
      if (step.kind === 'waiting' && step.probeGroup && groupSha !== null) {
        started.set(groupSha, await probeGroup(client, target, groupSha, log))
        step = nextQueueStep(state.snapshot, facts())
      }
      switch (step.kind) {
        case 'merged':
          return end('merged', queueMergedMessage(target.pullNumber, step.mergeCommitSha, groupSha), { merged: true, mergeCommitSha: step.mergeCommitSha ?? '' })
        case 'group-never-started':
          return end('merge-queue-never-started', groupNeverStartedMessage(target.pullNumber, step.groupSha, facts().groupAgeMs, await tokenOwner(client)))
        case 'ejected': {
          const failing = groupSha !== null ? failingGroupChecks(await groupChecks(client, target, groupSha).catch(() => [])) : []
          const message = queueEjectedMessage({ pull: target.pullNumber, reason: step.reason, closed: step.closed, groupSha, failing })
          return end('merge-queue-ejected', message, { failingChecks: failing, removalReason: step.reason })
        }
        default:
          return null
      }
    },
    /** The outcome when the budget ends; it carries the never-started diagnosis when nothing started for the group. */
    async timeout(): Promise<QueueOutcome> {
      const current: QueueEntry | null = entry
      const sha = current?.groupSha ?? null
      if (sha !== null && current?.state === 'AWAITING_CHECKS' && !started.has(sha)) started.set(sha, await probeGroup(client, target, sha, log))
      const groupStarted = sha !== null ? (started.get(sha) ?? null) : null
      const message = queueTimeoutMessage({
        pull: target.pullNumber,
        entry: current,
        waitedMs: now() - start,
        groupStarted,
        checkResponseTimeoutMinutes: options.checkResponseTimeoutMinutes ?? null,
        // Whose token matters only to a group that started nothing.
        owner: groupStarted === false ? await tokenOwner(client) : 'unknown'
      })
      return end('merge-queue-timeout', message)
    }
  }
}

/**
 * Enqueues the verified head (or adopts its entry) and follows it to its end:
 * what merge calls when the base branch requires the queue.
 */
export async function mergeThroughQueue(
  client: GitHubClient,
  target: QueueTarget,
  options: FollowOptions & { readonly jump?: boolean },
  runtime: QueueRuntime
): Promise<QueueOutcome> {
  const state = await readQueueState(client, target)
  // Warned before the enqueue: a job-token merge group starts no workflows, and that shows only much later.
  if (state.headSha === options.sha && !state.snapshot.entry) {
    const warning = tokenAuthWarning(await tokenOwner(client))
    if (warning) runtime.log.warning(warning)
  }
  const result = await enqueueVerifiedHead(client, target, { sha: options.sha, state, ...(options.jump === undefined ? {} : { jump: options.jump }) })
  const base = { merged: false, mergeCommitSha: '', mergeGroupSha: '', failingChecks: [], removalReason: null, enqueued: false, polls: 0 }
  if (result.kind === 'head-moved') {
    return {
      ...base,
      reason: 'head-moved',
      message: `The head of pull request #${target.pullNumber} is ${result.headSha.slice(0, 7)}, not the verified ${options.sha.slice(0, 7)}: nothing was enqueued. Verify the new head, then merge again.`
    }
  }
  if (result.kind === 'refused') {
    return { ...base, reason: 'merge-queue-refused', message: enqueueRefusedMessage(target.pullNumber, result.message) }
  }
  if (result.kind === 'adopted') {
    runtime.log.info(`merge queue: pull request #${target.pullNumber} is already queued (${result.entry.state}); following that entry, not enqueueing again`)
  } else {
    runtime.log.info(`merge queue: enqueued pull request #${target.pullNumber} at ${options.sha.slice(0, 7)}`)
  }
  return followQueue(client, target, options, runtime, result.kind === 'enqueued')
}
