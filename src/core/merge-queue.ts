/**
 * Decisions about GitHub's merge queue over plain data: whether a branch
 * requires the queue, what an observed queue entry means for the next step,
 * which checks of a merge group failed, and the words Purple says about each
 * outcome. Purple enqueues (never arms auto-merge) and follows the entry to
 * its end; see docs/decisions.md, "Merge queue: enqueue the verified head and
 * follow it".
 */
import { logText } from './escaping.js'
import { formatMs } from './durations.js'
import { code, link, paragraph, table, type Html } from './summary-html.js'
import { isRecord } from './records.js'
import type { TokenOwner } from './diagnosis.js'

/** GitHub's states of a merge queue entry (GraphQL `MergeQueueEntryState`). */
export type MergeQueueEntryState = 'QUEUED' | 'AWAITING_CHECKS' | 'MERGEABLE' | 'UNMERGEABLE' | 'LOCKED'

/** The parameters of an active `merge_queue` rule that Purple uses. */
export interface MergeQueueRule {
  readonly rulesetId: number | null
  /** Minutes the queue waits for a required check before it removes the entry. */
  readonly checkResponseTimeoutMinutes: number | null
  readonly mergeMethod: string | null
  readonly groupingStrategy: string | null
}

/** Whether the base branch takes changes only through the queue, and how that is known. */
export type QueueRequirement =
  | { readonly required: false }
  | { readonly required: true; readonly source: 'rule'; readonly rule: MergeQueueRule }
  | { readonly required: true; readonly source: 'refusal'; readonly message: string }

const numberOrNull = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null)
const stringOrNull = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null)

/**
 * The `merge_queue` rule in a `GET /repos/{o}/{r}/rules/branches/{b}` answer
 * (all pages), or null. That endpoint lists only rules of active rulesets, so
 * any `merge_queue` rule there is enforced.
 */
export function mergeQueueRuleOf(rules: readonly unknown[]): MergeQueueRule | null {
  const rule = rules.find((r) => isRecord(r) && r.type === 'merge_queue')
  if (!isRecord(rule)) return null
  const p = isRecord(rule.parameters) ? rule.parameters : {}
  return {
    rulesetId: numberOrNull(rule.ruleset_id),
    checkResponseTimeoutMinutes: numberOrNull(p.check_response_timeout_minutes),
    mergeMethod: stringOrNull(p.merge_method),
    groupingStrategy: stringOrNull(p.grouping_strategy)
  }
}

// The direct-merge refusal on a queue-only branch: plain or under the ruleset header.
const QUEUE_REFUSAL = /changes must be made through the merge queue/i

/** True when a merge answer is GitHub's refusal of a direct merge on a branch that requires the queue. */
export function isMergeQueueRefusal(status: number | undefined, message: string): boolean {
  return status === 405 && QUEUE_REFUSAL.test(message)
}

/**
 * Whether a queue is required: from the branch's rules when they were read,
 * else from a merge refusal. No rule and no refusal means no queue.
 */
export function queueRequirement(input: {
  readonly rules?: readonly unknown[]
  readonly refusal?: { readonly status?: number; readonly message: string }
}): QueueRequirement {
  const rule = input.rules ? mergeQueueRuleOf(input.rules) : null
  if (rule) return { required: true, source: 'rule', rule }
  const refusal = input.refusal
  if (refusal && isMergeQueueRefusal(refusal.status, refusal.message)) return { required: true, source: 'refusal', message: refusal.message }
  return { required: false }
}

/** The `merge-queue` input: `auto` enqueues when the branch requires the queue, `off` refuses to. */
export type MergeQueueMode = 'auto' | 'off'

/** What merge does: merge directly (no queue), enqueue (`auto` with a queue), or stop naming the queue (`off`). */
export function queuePath(requirement: QueueRequirement, mode: MergeQueueMode): 'merge' | 'enqueue' | 'refuse' {
  if (!requirement.required) return 'merge'
  return mode === 'auto' ? 'enqueue' : 'refuse'
}

/** The message when the branch requires the queue and `merge-queue` is `off`. */
export function queueOffMessage(requirement: QueueRequirement): string {
  const how = requirement.required && requirement.source === 'refusal' ? ` (GitHub: ${logText(requirement.message.trim())})` : ''
  return `The base branch takes changes only through the merge queue${how}, and 'merge-queue' is 'off': nothing was merged. Set 'merge-queue: auto' to let merge enqueue the verified head and follow it.`
}

/** The queue entry as read from GraphQL (`pullRequest.mergeQueueEntry`). */
export interface QueueEntry {
  readonly state: MergeQueueEntryState
  readonly position: number | null
  /** The merge group's head commit: the sha the group's checks run on. */
  readonly groupSha: string | null
}

/** One read of the pull request while it is (or was) in the queue. */
export interface QueueSnapshot {
  readonly merged: boolean
  /** PR state: OPEN, CLOSED or MERGED. */
  readonly pullState: string
  readonly mergeCommitSha: string | null
  readonly entry: QueueEntry | null
  /** The newest removal from the queue since Purple enqueued or adopted the entry. */
  readonly removal: { readonly reason: string | null; readonly at: string } | null
}

/** What the follower knows besides the snapshot. */
export interface FollowFacts {
  /** How long the current group sha has been seen (0 when there is none). */
  readonly groupAgeMs: number
  /** Whether the group sha has a check suite or a workflow run; null when not looked at. */
  readonly groupStarted: boolean | null
  /** A group that started nothing after this long never will (see startVerdict). */
  readonly neverStartedAfterMs: number
  /** Consecutive reads (this one included) without an entry and without a merge. */
  readonly readsWithoutEntry: number
}

/** The next step of following an entry. */
export type QueueStep =
  | { readonly kind: 'merged'; readonly mergeCommitSha: string | null }
  | { readonly kind: 'ejected'; readonly reason: string | null; readonly closed: boolean }
  | { readonly kind: 'waiting'; readonly entry: QueueEntry | null; readonly probeGroup: boolean }
  | { readonly kind: 'group-never-started'; readonly groupSha: string }

/**
 * Default wait before a commit GitHub should have started workflows on (a merge group, the head a branch
 * update made) is called never-started: GitHub creates check suites within seconds of the event, and without
 * them a wait only runs out its budget. Three minutes ends well inside merge's default 300 s budget.
 */
export const NEVER_STARTED_AFTER_MS = 3 * 60_000

/** What is known of a commit that should start workflows: how long it has existed, and whether a probe found any. */
export interface StartFacts {
  readonly ageMs: number
  /** A check suite or workflow run exists (true), none did at the last probe (false), or not probed yet (null). */
  readonly started: boolean | null
  readonly neverStartedAfterMs: number
}

/**
 * The one never-started rule, for merge groups and updated heads alike: events made with the job's
 * GITHUB_TOKEN start no workflow runs, so a commit with no check suite and no workflow run after
 * `neverStartedAfterMs` never will. `probe`: old enough, look (again) for a suite or run.
 * See docs/decisions.md, "Never started: one rule for merge groups and updated heads".
 */
export function startVerdict(facts: StartFacts): 'started' | 'too-young' | 'probe' | 'never-started' {
  if (facts.started === true) return 'started'
  if (facts.ageMs < facts.neverStartedAfterMs) return 'too-young'
  return facts.started === false ? 'never-started' : 'probe'
}

const groupVerdict = (entry: QueueEntry | null, facts: Pick<FollowFacts, 'groupAgeMs' | 'groupStarted' | 'neverStartedAfterMs'>) =>
  entry?.state === 'AWAITING_CHECKS' && entry.groupSha !== null
    ? startVerdict({ ageMs: facts.groupAgeMs, started: facts.groupStarted, neverStartedAfterMs: facts.neverStartedAfterMs })
    : 'too-young'

/** True when the follower should look for a check suite or workflow run of the group sha. */
export function shouldProbeGroup(entry: QueueEntry | null, facts: Pick<FollowFacts, 'groupAgeMs' | 'groupStarted' | 'neverStartedAfterMs'>): boolean {
  const verdict = groupVerdict(entry, facts)
  return verdict === 'probe' || verdict === 'never-started'
}

/**
 * Decides the next step from one read. `merged` decides first: GitHub records
 * a removal from the queue on a successful merge too, and the two land in
 * either order, so an entry that vanished unmerged is confirmed by a second
 * read before it counts as an ejection.
 */
export function nextQueueStep(snapshot: QueueSnapshot, facts: FollowFacts): QueueStep {
  if (snapshot.merged || snapshot.pullState === 'MERGED') return { kind: 'merged', mergeCommitSha: snapshot.mergeCommitSha }
  const entry = snapshot.entry
  if (entry === null) {
    const closed = snapshot.pullState === 'CLOSED'
    // A removal that says `merged` is a merge GitHub has not shown on the pull request yet: never an ejection.
    const mergingNow = snapshot.removal?.reason === 'merged'
    if (!closed && (mergingNow || facts.readsWithoutEntry < 2)) return { kind: 'waiting', entry: null, probeGroup: false }
    return { kind: 'ejected', reason: snapshot.removal?.reason ?? null, closed }
  }
  const verdict = groupVerdict(entry, facts)
  if (verdict === 'never-started' && entry.groupSha !== null) return { kind: 'group-never-started', groupSha: entry.groupSha }
  return { kind: 'waiting', entry, probeGroup: verdict === 'probe' }
}

/** A check of the merge group as read from check runs and commit statuses of the group sha. */
export interface GroupCheck {
  readonly name: string
  /** Check run: `status` or `conclusion`; status: `state`. */
  readonly outcome: string
  readonly url: string | null
  readonly kind: 'check-run' | 'status'
  /** For picking the newest of several runs with one name (ISO time or id order). */
  readonly order: number
}

const FAILED_CONCLUSIONS = new Set(['failure', 'cancelled', 'timed_out', 'action_required', 'startup_failure', 'stale'])
const FAILED_STATES = new Set(['failure', 'error'])

/**
 * The failing checks of a merge group, newest run per name, by name. After an
 * ejection the pull request's own checks still read green: the group's checks
 * ran on another sha, so they are the only evidence of what failed.
 */
export function failingGroupChecks(checks: readonly GroupCheck[]): GroupCheck[] {
  const newest = new Map<string, GroupCheck>()
  for (const check of checks) {
    const key = `${check.kind}\u0000${check.name}`
    const current = newest.get(key)
    if (!current || check.order > current.order) newest.set(key, check)
  }
  return [...newest.values()]
    .filter((c) => (c.kind === 'check-run' ? FAILED_CONCLUSIONS.has(c.outcome) : FAILED_STATES.has(c.outcome)))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

/** Why Purple enqueues with an App: the job token's merge group starts no workflows. */
export const APP_AUTH_ADVICE =
  "Use GitHub App auth ('app-id' and 'private-key'; Purple refreshes the App token itself): events made with the job's GITHUB_TOKEN start no workflow runs, so a merge group it creates runs no merge_group workflows and waits until the queue removes it (see docs/decisions.md, \"Merge queue: enqueue the verified head and follow it\")."

/** The warning before enqueueing with the job's token, or with one that may be it; null for an App's or a person's. */
export function tokenAuthWarning(owner: TokenOwner): string | null {
  if (owner === 'other') return null
  if (owner === 'actions') return `Enqueueing with the job's GITHUB_TOKEN: the merge group it creates will start no workflows. ${APP_AUTH_ADVICE}`
  return `Enqueueing with a token that may be the job's GITHUB_TOKEN: if it is, the merge group will start no workflows. ${APP_AUTH_ADVICE}`
}

/** The warning after a branch update made with the job's token, or with one that may be it; null for an App's or a person's. */
export function branchUpdateWarning(owner: TokenOwner, sha: string): string | null {
  if (owner === 'other') return null
  const who = owner === 'actions' ? "the job's GITHUB_TOKEN" : "a token that may be the job's GITHUB_TOKEN"
  return (
    `The branch was updated with ${who}: GitHub starts no workflow for a push made with a workflow's GITHUB_TOKEN, so checks may never start on ${sha}. ` +
    "Use GitHub App auth ('app-id' and 'private-key') or a personal token so the new head gets its checks."
  )
}

/** Plain words for a removal reason (GraphQL `RemovedFromMergeQueueEvent.reason`); unknown reasons are quoted. */
export function removalReasonText(reason: string | null): string {
  if (reason === null || reason.trim() === '') return 'GitHub gave no reason'
  if (reason === 'failed_checks') return "the merge group's required checks failed"
  return `reason '${logText(reason)}'`
}

const short = (sha: string | null): string => (sha ? sha.slice(0, 7) : 'unknown')

/** The message for a pull request the queue merged. */
export function queueMergedMessage(pull: number, mergeCommitSha: string | null, groupSha: string | null): string {
  const group = groupSha ? ` (merge group ${short(groupSha)})` : ''
  return `The merge queue merged pull request #${pull}${group}: merge commit ${short(mergeCommitSha)}.`
}

/** The message for an entry the queue removed without merging, naming each failing group check with its link. */
export function queueEjectedMessage(input: {
  readonly pull: number
  readonly reason: string | null
  readonly closed: boolean
  readonly groupSha: string | null
  readonly failing: readonly GroupCheck[]
}): string {
  const how = input.closed ? 'was closed while in the merge queue' : 'was removed from the merge queue without merging'
  const parts = [`Pull request #${input.pull} ${how}: ${removalReasonText(input.reason)}.`]
  if (input.failing.length > 0) {
    const named = input.failing.map((c) => `'${logText(c.name)}' (${logText(c.outcome)}${c.url ? `: ${logText(c.url)}` : ''})`)
    parts.push(`Failing checks of merge group ${short(input.groupSha)}: ${named.join(', ')}.`)
  } else if (input.groupSha) {
    parts.push(`No failing check was found on merge group ${short(input.groupSha)}.`)
  }
  parts.push("The pull request's own checks may still read green: fix what failed in the group, then enqueue again.")
  return parts.join(' ')
}

/** Why nothing started for a merge group, by whose token enqueued it (an App's or a person's starts workflows). */
function groupCause(owner: TokenOwner): string {
  if (owner === 'actions') return `The enqueue was made with the job's GITHUB_TOKEN. ${APP_AUTH_ADVICE}`
  if (owner === 'other') {
    return "The enqueue was not made with the job's GITHUB_TOKEN, so the likely cause is that no workflow has a 'merge_group:' trigger: add one to the workflows that report the required checks."
  }
  return `Either the enqueue was made with the job's GITHUB_TOKEN or no workflow has a 'merge_group:' trigger. ${APP_AUTH_ADVICE}`
}

/** The message for a merge group that started nothing; `owner`: whose token enqueued it. */
export function groupNeverStartedMessage(pull: number, groupSha: string, waitedMs: number, owner: TokenOwner): string {
  return (
    `Merge group ${short(groupSha)} of pull request #${pull} has no check suite and no workflow run after ${formatMs(waitedMs)}: ` +
    `nothing will report its required checks, and the queue will remove the entry when its check timeout ends. ${groupCause(owner)}`
  )
}

/** The message for the head a branch update made when nothing started on it (see startVerdict); `owner`: whose token updated it. */
export function updatedHeadNeverStartedMessage(sha: string, waitedMs: number, owner: TokenOwner): string {
  const start = `No check suite and no workflow run exists for the updated head ${sha} after ${formatMs(waitedMs)}: `
  const advice = "Use GitHub App auth ('app-id' and 'private-key'; Purple refreshes the App token itself) so the new head gets its checks."
  if (owner === 'other') {
    return `${start}the update was not made with the job's GITHUB_TOKEN, so the likely cause is the 'pull_request' triggers (types, branches, paths) of the workflows that report the required checks.`
  }
  const who = owner === 'actions' ? "a branch update made with the job's GITHUB_TOKEN" : "a branch update made with the job's GITHUB_TOKEN (which this token may be)"
  return `${start}${who} starts no workflows, so its required checks will never report. ${advice}`
}

/** The message when the budget ends first; carries the never-started diagnosis when nothing started for the group. */
export function queueTimeoutMessage(input: {
  readonly pull: number
  readonly entry: QueueEntry | null
  readonly waitedMs: number
  readonly groupStarted: boolean | null
  readonly checkResponseTimeoutMinutes: number | null
  /** Whose token enqueued it. */
  readonly owner: TokenOwner
}): string {
  const where = input.entry
    ? `still in the merge queue (${input.entry.state}${input.entry.position !== null ? `, position ${input.entry.position}` : ''})`
    : 'not merged'
  const parts = [`Pull request #${input.pull} is ${where} after ${formatMs(input.waitedMs)}, the 'timeout-seconds' budget; it stays queued.`]
  if (input.groupStarted === false && input.entry?.groupSha) {
    parts.push(`Its merge group ${short(input.entry.groupSha)} has no check suite and no workflow run. ${groupCause(input.owner)}`)
  }
  if (input.checkResponseTimeoutMinutes !== null) {
    parts.push(`The queue waits up to ${input.checkResponseTimeoutMinutes} minutes for required checks: give 'timeout-seconds' about ${input.checkResponseTimeoutMinutes * 60} to follow an entry to its end.`)
  }
  return parts.join(' ')
}

/** The message for an enqueue GitHub refused: its own words, which name the blocker precisely. */
export function enqueueRefusedMessage(pull: number, githubMessage: string): string {
  return `GitHub refused to add pull request #${pull} to the merge queue: ${logText(githubMessage)}`
}

/** The note for `delete-branch` when the queue merged: the queue deletes or keeps the head branch by its own setting. */
export const QUEUE_DELETE_BRANCH_NOTE =
  "delete-branch skipped: the merge queue merged this pull request, and the repository's own setting decides whether its head branch is deleted."

/** Job-summary blocks for a queue outcome: the message, the group and merge commit, and each failing group check linked. */
export function queueSummaryBlocks(outcome: {
  readonly message: string
  readonly mergeGroupSha: string
  readonly mergeCommitSha: string
  readonly failingChecks: readonly GroupCheck[]
}): Html[] {
  const blocks: Html[] = [paragraph(outcome.message)]
  const facts: [string, string][] = [
    ['merge group', outcome.mergeGroupSha],
    ['merge commit', outcome.mergeCommitSha]
  ]
  const shown = facts.filter(([, sha]) => sha !== '')
  if (shown.length > 0) blocks.push(table(['', 'sha'], shown.map(([label, sha]) => [label, code(sha)])))
  if (outcome.failingChecks.length > 0) {
    const rows = outcome.failingChecks.map((c) => [c.url ? link(c.url, c.name) : c.name, c.kind === 'status' ? 'status' : 'check run', c.outcome])
    blocks.push(table(['failing check of the merge group', 'kind', 'outcome'], rows))
  }
  return blocks
}
