/**
 * The merge action's work: merge the verified head sha, retrying within a
 * budget while GitHub says required checks are still "expected", and treating
 * a merge whose answer was lost as done. The merge call runs with the client's
 * retries off and this loop decides (see docs/decisions.md, "The merge call is
 * never retried blindly").
 *
 * Invariants the tests assert from the simulator's request log:
 * - every merge (and branch update) call carries the verified sha, so GitHub refuses if the head moved;
 * - no merge call follows an answer that said a required check failed;
 * - after a lost answer, a "not mergeable" is never reported as a refusal;
 * - through the merge queue, only the verified sha is enqueued (an entry already queued is adopted).
 */
import {
  classifyMergeFailure,
  describeAnswer,
  isFinal,
  judgePullState,
  judgeUnsettled,
  outcomeUnknownAfter,
  type FinalVerdict,
  type MergeFailure,
  type MergeVerdict,
  type PendingVerdict,
  type PullSnapshot
} from '../../core/merge-errors.js'
import { fromVerdict, stopOutcome, updateOutcome, type MergeOutcome, type MergeReason, type UpdateEnd } from '../../core/merge-outcome.js'
import { nextMergeStep } from '../../core/merge-schedule.js'
import { formatSeconds } from '../../core/durations.js'
import { logText } from '../../core/escaping.js'
import { QUEUE_DELETE_BRANCH_NOTE, queueOffMessage, queuePath, queueRequirement, type GroupCheck, type QueueRequirement } from '../../core/merge-queue.js'
import { detectMergeQueue, mergeThroughQueue } from '../../github/merge-queue.js'
import { readMergeFacts } from '../../github/merge-facts.js'
import { diagnose, type Diagnosis } from '../../core/diagnosis.js'
import { classifyFailure, toFailureData } from '../../core/transient.js'
import type { GitHubClient } from '../../github/client.js'
import { expectPullRequest, expectShape, MalformedResponseError } from '../../github/responses.js'
import { withRetry } from '../../github/retry.js'
import { tokenOwner } from '../../github/token-owner.js'
import type { ActionLog } from '../runtime.js'
import { MERGE_METHODS, type MergeMethod, type MergeOptions } from './settings.js'

export type { MergeReason }

/** One merge call and what was decided about its answer. */
export interface MergeAttempt {
  readonly attempt: number
  /** ms since the first merge call. */
  readonly atMs: number
  readonly method: MergeMethod | 'default'
  /** HTTP status; undefined when no answer arrived. */
  readonly status?: number
  /** GitHub's message, or the network error. */
  readonly message: string
  readonly decision: MergeVerdict['kind']
  /** The wait before the next attempt, when there is one. */
  readonly waitMs?: number
}

/** What merge did, as plain data (outputs, summary and the pipeline read it). */
export interface MergeResult extends MergeOutcome {
  /** Merge calls made. */
  readonly attempts: number
  readonly pullNumber: number
  /** The sha every merge call carried ('' when none was made and none was known). */
  readonly sha: string
  /** False when no 'sha' was given and the head read at start was merged. */
  readonly shaPinned: boolean
  readonly timeline: readonly MergeAttempt[]
  readonly branchDeleted?: boolean
  /** The head after a branch update ('' unless reason is branch-updated). */
  readonly updatedSha: string
  /** The merge group's head sha ('' unless the merge queue was used and built a group). */
  readonly mergeGroupSha: string
  /** The failing checks of the merge group, when the queue ejected the pull request. */
  readonly failingGroupChecks: readonly GroupCheck[]
  /** What stands between the pull request and a merge, read once after merge stopped without merging (absent when merged or unreadable). */
  readonly diagnosis?: Diagnosis
}

/** What merge needs from the outside world; production passes `productionRuntime` and a client. */
export interface MergeDeps {
  readonly client: GitHubClient
  readonly now: () => number
  readonly sleep: (ms: number) => Promise<void>
  readonly log: ActionLog
  /** Random source for the retry jitter (Math.random when absent). */
  readonly random?: () => number
}

/** Where to merge: the repository and pull request, plus merge's options. */
export interface MergeTarget extends MergeOptions {
  readonly repository: { readonly owner: string; readonly repo: string }
  readonly pullNumber: number
}

interface PullRead {
  readonly snapshot: PullSnapshot
  readonly headRef: string
  /** owner/repo of the head branch ('' when GitHub gave none: a deleted fork). */
  readonly headRepo: string
  /** The pull request's web page ('' when GitHub gave none). */
  readonly htmlUrl: string
  readonly baseRef: string
}

function toPullRead(data: unknown): PullRead {
  const pr = expectPullRequest('pull request', data)
  const raw = data as { head?: { repo?: { full_name?: unknown } | null }; html_url?: unknown }
  return {
    snapshot: {
      state: pr.state === 'closed' ? 'closed' : 'open',
      merged: pr.merged === true,
      mergeCommitSha: pr.merge_commit_sha,
      headSha: pr.head.sha,
      mergeable: pr.mergeable,
      mergeableState: pr.mergeable_state ?? 'unknown',
      draft: pr.draft === true
    },
    headRef: pr.head.ref,
    headRepo: typeof raw.head?.repo?.full_name === 'string' ? raw.head.repo.full_name : '',
    htmlUrl: typeof raw.html_url === 'string' ? raw.html_url : '',
    baseRef: pr.base.ref
  }
}

/** GitHub's `message` from an error's JSON body, else the error's own message. */
function failureOf(error: unknown): MergeFailure {
  const data = toFailureData(error)
  const body = (error as { response?: { data?: unknown } } | null)?.response?.data
  const said = typeof body === 'object' && body !== null && typeof (body as { message?: unknown }).message === 'string' ? (body as { message: string }).message : undefined
  return { ...data, message: said ?? data.message ?? String(error) }
}

/** The calls merge makes, bound to one pull request. */
interface Session {
  readonly deps: MergeDeps
  readonly target: MergeTarget
  readonly owner: string
  readonly repo: string
  readonly pull_number: number
  readonly sha: string
  /** Reads are idempotent: the client's own retries (and withRetry for a malformed body) apply. */
  readPull(): Promise<PullRead>
}

/** One merge call, then (on any failure) a read of the pull request; its verdict. */
interface Step {
  readonly verdict: MergeVerdict
  /** Undefined for a read-only step, else the merge call's failure (none when it merged). */
  readonly failure?: MergeFailure
  readonly status?: number
  readonly read?: PullRead
  readonly mergeCalled: boolean
}

async function readAfter(session: Session, what: string): Promise<PullRead | undefined> {
  try {
    return await session.readPull()
  } catch (readError) {
    session.deps.log.info(`Could not read pull request #${session.pull_number} ${what}: ${logText(failureOf(readError).message)}`)
    return undefined
  }
}

async function callMerge(session: Session, method: MergeMethod | undefined, outcomeUnknown: boolean): Promise<Step> {
  const { owner, repo, pull_number, sha, target } = session
  try {
    const response = await session.deps.client.octokit.rest.pulls.merge({
      owner,
      repo,
      pull_number,
      sha,
      ...(method ? { merge_method: method } : {}),
      ...(target.commitTitle ? { commit_title: target.commitTitle } : {}),
      ...(target.commitMessage ? { commit_message: target.commitMessage } : {}),
      // Off for this call only: a retried merge can hide a merge that happened.
      request: { retries: 0 }
    })
    const body = expectShape<{ merged: boolean; sha: string; message?: string }>('merge answer', response.data, { merged: 'boolean', sha: 'string' })
    if (body.merged !== true) throw new MalformedResponseError(`malformed response: merge answer says merged: ${String(body.merged)}`)
    return { verdict: { kind: 'merged', mergeCommitSha: body.sha, message: body.message ?? 'Pull Request successfully merged' }, status: response.status, mergeCalled: true }
  } catch (error) {
    const failure = failureOf(error)
    // Whatever the answer (or its absence), the PR's state decides first: a lost answer may hide a merge that happened.
    const read = await readAfter(session, 'after the merge call')
    const verdict = classifyMergeFailure(failure, read?.snapshot, sha, { outcomeUnknown })
    return { verdict, failure, ...(failure.status === undefined ? {} : { status: failure.status }), ...(read ? { read } : {}), mergeCalled: true }
  }
}

/** A read instead of a merge call, while a lost answer may hide a merge. */
async function reread(session: Session, message: string): Promise<Step> {
  const read = await readAfter(session, 'to learn whether it merged')
  return { verdict: judgeUnsettled(read?.snapshot, session.sha, message), ...(read ? { read } : {}), mergeCalled: false }
}

/**
 * Merges the pull request at the verified sha within the pending-retry
 * budget; when it stops without merging, adds the diagnosis of what blocks.
 */
export async function merge(target: MergeTarget, deps: MergeDeps): Promise<MergeResult> {
  const result = await mergeOnce(target, deps)
  // After an update the head is new and unchecked: the next step is to verify it, not a list of blockers.
  if (result.merged || result.sha === '' || result.reason === 'branch-updated') return result
  const diagnosis = await diagnoseAfter(target, deps)
  return diagnosis === undefined ? result : { ...result, diagnosis }
}

// Rereads of an UNKNOWN mergeability after the refusal: a few seconds, not the merge budget.
const DIAGNOSIS_READS = 3

/** One read of the merge facts after merge stopped; best effort: a failed read never changes merge's outcome. */
async function diagnoseAfter(target: MergeTarget, deps: MergeDeps): Promise<Diagnosis | undefined> {
  try {
    const facts = await readMergeFacts(deps.client, target.repository, target.pullNumber, {
      sleep: deps.sleep,
      maxReads: DIAGNOSIS_READS,
      log: (m) => deps.log.info(m)
    })
    return diagnose(facts)
  } catch (error) {
    deps.log.info(`Could not read what blocks pull request #${target.pullNumber} (${logText(failureOf(error).message)}); the outcome above stands, without a diagnosis.`)
    return undefined
  }
}

async function mergeOnce(target: MergeTarget, deps: MergeDeps): Promise<MergeResult> {
  const { owner, repo } = target.repository
  const pull_number = target.pullNumber
  const readPull = () =>
    withRetry(`GET pull request #${pull_number}`, async () => toPullRead((await deps.client.octokit.rest.pulls.get({ owner, repo, pull_number })).data), deps.client.retryPolicy)

  let start: PullRead
  try {
    start = await readPull()
  } catch (error) {
    // Outputs are set in every case: a PR that cannot be read is a result, not a crash.
    const permanent = classifyFailure(error).kind === 'permanent'
    return {
      merged: false,
      mergeCommitSha: '',
      attempts: 0,
      reason: permanent ? 'permanent' : 'unreachable',
      message: `Could not read pull request #${pull_number}, so nothing was merged: ${error instanceof Error ? error.message : String(error)}`,
      pullNumber: pull_number,
      sha: target.sha ?? '',
      shaPinned: target.sha !== undefined,
      timeline: [],
      updatedSha: '',
      mergeGroupSha: '',
      failingGroupChecks: []
    }
  }
  const sha = target.sha ?? start.snapshot.headSha
  if (target.sha === undefined) {
    deps.log.warning(
      `Input 'sha' is empty: merging the head read now (${sha}), which nothing verified. Pass the sha that wait-ci verified, e.g. 'sha: \${{ steps.wait.outputs.sha }}'.`
    )
  }
  const session: Session = { deps, target, owner, repo, pull_number, sha, readPull }
  const pullUrl = start.htmlUrl || `pull request #${pull_number} of ${owner}/${repo}`
  const timeline: MergeAttempt[] = []
  const finish = (outcome: MergeOutcome, extra: AfterExtra = {}): MergeResult => ({
    ...outcome,
    pullNumber: pull_number,
    sha,
    shaPinned: target.sha !== undefined,
    attempts: timeline.length,
    timeline,
    updatedSha: extra.updatedSha ?? '',
    mergeGroupSha: extra.mergeGroupSha ?? '',
    failingGroupChecks: extra.failingGroupChecks ?? [],
    ...(extra.branchDeleted === undefined ? {} : { branchDeleted: extra.branchDeleted })
  })

  const before = judgePullState(start.snapshot, sha)
  if (before !== undefined) return finish(fromVerdict(before, start.snapshot.mergeCommitSha ?? ''))

  const startedAt = deps.now()
  const methods = await methodsToTry(target, deps, owner, repo)
  const loop = await mergeLoop(session, methods, timeline)
  if (loop.kind === 'stopped') return finish(stopOutcome({ ...loop.stop, attempts: timeline.length, pullNumber: pull_number, pullUrl, sha }))
  const queue = queueRefusalOf(loop.verdict, timeline)
  if (queue.required) return finish(...(await throughQueue(session, queue, start.baseRef, startedAt)))
  return finish(...(await afterFinal(session, loop.verdict, loop.read)))
}

type AfterExtra = { branchDeleted?: boolean; updatedSha?: string; mergeGroupSha?: string; failingGroupChecks?: readonly GroupCheck[] }

/**
 * Whether the last merge call was GitHub's refusal of a direct merge on a
 * branch that takes changes only through the merge queue. Read from the
 * refusal itself, so a branch without a queue costs no extra request.
 */
function queueRefusalOf(verdict: FinalVerdict, timeline: readonly MergeAttempt[]): QueueRequirement {
  const last = timeline[timeline.length - 1]
  if (verdict.kind !== 'permanent' || last === undefined) return { required: false }
  return queueRequirement({ refusal: { ...(last.status === undefined ? {} : { status: last.status }), message: last.message } })
}

/**
 * The base requires the merge queue: with 'merge-queue: off' end naming it;
 * else enqueue the verified head (or adopt its entry) and follow the entry
 * within what is left of the budget.
 */
async function throughQueue(session: Session, refusal: QueueRequirement, base: string, startedAt: number): Promise<[MergeOutcome, AfterExtra]> {
  const { deps, target, owner, repo, pull_number, sha } = session
  if (queuePath(refusal, target.mergeQueue) === 'refuse') {
    return [{ merged: false, mergeCommitSha: '', reason: 'permanent', category: 'merge-queue', message: queueOffMessage(refusal) }, {}]
  }
  // The rule carries the queue's own check timeout, for the timeout message; one read, made only when a queue exists.
  const rule = await detectMergeQueue(deps.client, { owner, repo, base }).catch((error: unknown) => {
    deps.log.info(`Could not read the rules of '${logText(base)}' (${logText(failureOf(error).message)}); following the queue without its check timeout.`)
    return refusal
  })
  const checkResponseTimeoutMinutes = rule.required && rule.source === 'rule' ? rule.rule.checkResponseTimeoutMinutes : null
  deps.log.info(`The base branch '${logText(base)}' takes changes only through the merge queue: enqueueing the verified head ${sha}.`)
  const followed = await mergeThroughQueue(
    deps.client,
    { owner, repo, pullNumber: pull_number },
    {
      sha,
      timeoutMs: Math.max(0, target.timeoutMs - (deps.now() - startedAt)),
      // A queue entry moves in minutes, not seconds: no need to read it at the retry pace.
      intervalMs: target.intervalMs * 3,
      checkResponseTimeoutMinutes,
      ...(target.mergeQueueJump ? { jump: true } : {})
    },
    deps
  )
  if (followed.merged && target.deleteBranch) deps.log.info(QUEUE_DELETE_BRANCH_NOTE)
  const outcome: MergeOutcome = { merged: followed.merged, mergeCommitSha: followed.mergeCommitSha, reason: followed.reason, message: followed.message }
  return [outcome, { mergeGroupSha: followed.mergeGroupSha, failingGroupChecks: followed.failingChecks, ...(followed.merged && target.deleteBranch ? { branchDeleted: false } : {}) }]
}

type LoopEnd =
  | { readonly kind: 'final'; readonly verdict: FinalVerdict; readonly read?: PullRead }
  | { readonly kind: 'stopped'; readonly stop: { verdict: PendingVerdict; why: string; readBack: boolean; outcomeUnknown: boolean } }

/** Calls merge (or, while the outcome is unknown, reads) until a final answer or the end of the budget. */
async function mergeLoop(session: Session, methods: ReadonlyArray<MergeMethod | undefined>, timeline: MergeAttempt[]): Promise<LoopEnd> {
  const { deps, target } = session
  const startedAt = deps.now()
  let methodIndex = 0
  let outcomeUnknown = false
  let rereadOnly = false
  for (let round = 1; ; round++) {
    const method = methods[methodIndex]
    const atMs = deps.now() - startedAt
    const step: Step = rereadOnly ? await reread(session, 'whether the merge happened is not known yet') : await callMerge(session, method, outcomeUnknown)
    const { verdict } = step
    if (step.failure) outcomeUnknown = outcomeUnknownAfter(outcomeUnknown, step.failure, verdict)
    rereadOnly = verdict.kind === 'unsettled'
    const entry = step.mergeCalled ? record(session, timeline, step, method, atMs) : undefined
    if (step.mergeCalled && isMethodFallback(verdict, target, methodIndex, methods.length)) {
      // The method was our guess, not the user's: GitHub refused before doing anything, so try the next one.
      timeline.push({ ...entry!, waitMs: 0 })
      methodIndex++
      continue
    }
    if (isFinal(verdict)) {
      if (entry) timeline.push(entry)
      return { kind: 'final', verdict, ...(step.read ? { read: step.read } : {}) }
    }
    const next = nextMergeStep(target, { failures: round, elapsedMs: deps.now() - startedAt, ...retryAfterOf(verdict) }, deps.random)
    if (next.kind === 'stop') {
      if (entry) timeline.push(entry)
      return { kind: 'stopped', stop: { verdict, why: next.why, readBack: step.read !== undefined, outcomeUnknown } }
    }
    if (entry) timeline.push({ ...entry, waitMs: next.ms })
    deps.log.info(`  ${rereadOnly ? 'reading the pull request again' : 'retrying'} in ${formatSeconds(next.ms)} (${verdict.kind}: ${logText(verdict.message)})`)
    await deps.sleep(next.ms)
  }
}

function isMethodFallback(verdict: MergeVerdict, target: MergeTarget, methodIndex: number, methodCount: number): boolean {
  return verdict.kind === 'permanent' && verdict.category === 'method-not-allowed' && target.method === undefined && methodIndex + 1 < methodCount
}

function retryAfterOf(verdict: MergeVerdict): { retryAfterMs?: number } {
  return verdict.kind === 'transient' && verdict.retryAfterMs !== undefined ? { retryAfterMs: verdict.retryAfterMs } : {}
}

/** Logs one merge call and returns its timeline entry (without the wait). */
function record(session: Session, timeline: readonly MergeAttempt[], step: Step, method: MergeMethod | undefined, atMs: number): MergeAttempt {
  const attempt = timeline.length + 1
  const said = step.failure ? step.failure.message : step.verdict.kind === 'merged' ? step.verdict.message : ''
  const answer = step.failure ? `${describeAnswer(step.failure)} '${logText(said)}'` : 'merged'
  session.deps.log.info(`Merge attempt ${attempt}${method ? ` (${method})` : ''}: ${answer} -> ${step.verdict.kind}`)
  return { attempt, atMs, method: method ?? 'default', ...(step.status === undefined ? {} : { status: step.status }), message: said, decision: step.verdict.kind }
}

/** What follows a final answer: delete the branch after a merge, update it when behind and asked to. */
async function afterFinal(session: Session, verdict: FinalVerdict, read: PullRead | undefined): Promise<[MergeOutcome, AfterExtra?]> {
  const outcome = fromVerdict(verdict, read?.snapshot.mergeCommitSha ?? '')
  if (outcome.merged && session.target.deleteBranch) {
    return [outcome, { branchDeleted: await deleteBranch(session, read ?? (await session.readPull().catch(() => undefined))) }]
  }
  if (verdict.kind === 'behind' && session.target.updateBranch) return updateBranch(session, verdict)
  return [outcome]
}

/**
 * Updates the branch from its base once, pinned to the verified sha (GitHub
 * refuses when the head moved), and reads the new head back. The new head is
 * never merged here: nothing has verified it.
 */
async function updateBranch(session: Session, behind: FinalVerdict & { kind: 'behind' }): Promise<[MergeOutcome, { updatedSha: string }]> {
  const end = await runUpdate(session)
  // Whose token updated matters only when GitHub took the update (the new head then may get no checks).
  const owner = end.kind === 'updated' || end.kind === 'not-shown' ? await tokenOwner(session.deps.client) : 'unknown'
  const { outcome, updatedSha } = updateOutcome(end, behind, session.pull_number, session.sha, owner)
  if (updatedSha) session.deps.log.info(`Updated the branch from its base: new head ${updatedSha} (not merged: it must be verified first).`)
  return [outcome, { updatedSha }]
}

async function runUpdate(session: Session): Promise<UpdateEnd> {
  const { deps, owner, repo, pull_number, sha } = session
  let answerLost = false
  try {
    // Once, without the client's retries: a second update would merge the base again.
    await deps.client.octokit.rest.pulls.updateBranch({ owner, repo, pull_number, expected_head_sha: sha, request: { retries: 0 } })
  } catch (error) {
    const failure = failureOf(error)
    answerLost = failure.status === undefined || failure.status >= 500
    if (!answerLost) {
      // GitHub refused, so nothing was updated: a head that moved anyway is someone else's push.
      const head = (await readAfter(session, 'after the refused branch update'))?.snapshot.headSha
      const said = { answer: describeAnswer(failure), message: failure.message }
      return head !== undefined && head !== sha ? { kind: 'head-moved', newHead: head, ...said } : { kind: 'refused', ...said }
    }
  }
  const newHead = await awaitNewHead(session)
  return newHead === undefined ? { kind: 'not-shown', answerLost } : { kind: 'updated', newHead, answerLost }
}

/** Reads the pull request until its head is no longer the verified sha (GitHub updates in the background); undefined when the budget ends first. */
async function awaitNewHead(session: Session): Promise<string | undefined> {
  const { deps, target, sha } = session
  const startedAt = deps.now()
  for (let round = 1; ; round++) {
    const read = await readAfter(session, 'after the branch update')
    if (read !== undefined && read.snapshot.headSha !== sha) return read.snapshot.headSha
    const next = nextMergeStep(target, { failures: round, elapsedMs: deps.now() - startedAt }, deps.random)
    if (next.kind === 'stop') return undefined
    await deps.sleep(next.ms)
  }
}

/** The explicit method, else the repository's allowed ones in GitHub's order, else all three (GitHub refuses a wrong one before merging). */
async function methodsToTry(target: MergeTarget, deps: MergeDeps, owner: string, repo: string): Promise<ReadonlyArray<MergeMethod | undefined>> {
  if (target.method !== undefined) return [target.method]
  try {
    const data = await withRetry('GET repository', async () => (await deps.client.octokit.rest.repos.get({ owner, repo })).data, deps.client.retryPolicy)
    const flags: Record<MergeMethod, unknown> = {
      merge: data.allow_merge_commit,
      squash: data.allow_squash_merge,
      rebase: data.allow_rebase_merge
    }
    // The allow_* fields are only there for tokens that may see the settings; absent means unknown, not "no".
    const allowed = MERGE_METHODS.filter((m) => flags[m] !== false)
    if (allowed.length > 0) return allowed
  } catch (error) {
    deps.log.warning(`Could not read the repository's allowed merge methods (${logText(failureOf(error).message)}); trying merge, squash, rebase in turn.`)
  }
  return MERGE_METHODS
}

async function deleteBranch(session: Session, read: PullRead | undefined): Promise<boolean> {
  const { deps, owner, repo } = session
  if (read === undefined || read.headRef === '') {
    deps.log.warning("'delete-branch' is true but the head branch could not be read; not deleting it.")
    return false
  }
  const ref = logText(read.headRef)
  if (read.headRepo !== `${owner}/${repo}`) {
    deps.log.info(`Not deleting '${ref}': it belongs to ${logText(read.headRepo) || 'a deleted fork'}, not ${owner}/${repo}.`)
    return false
  }
  try {
    // Each segment encoded, the slashes kept: GitHub's ref path (`heads/feature/x`), safe for any branch name.
    const path = read.headRef.split('/').map(encodeURIComponent).join('/')
    await withRetry(`DELETE branch '${ref}'`, () => deps.client.octokit.request(`DELETE /repos/{owner}/{repo}/git/refs/heads/${path}`, { owner, repo }), deps.client.retryPolicy)
    deps.log.info(`Deleted the head branch '${ref}'.`)
    return true
  } catch (error) {
    // The merge is done; a branch left behind is not a failure (it may be protected or already gone).
    deps.log.warning(`Merged, but could not delete the head branch '${ref}': ${logText(failureOf(error).message)}`)
    return false
  }
}
