/**
 * The merge action's work: merge the verified head sha, retrying within a
 * budget while GitHub says required checks are still "expected", and treating
 * a merge whose answer was lost as done. The merge call runs with the client's
 * retries off and this loop decides: see docs/decisions.md, "The merge call
 * runs without client retries".
 *
 * Invariants the tests assert from the simulator's request log:
 * - every merge call carries the verified sha, so GitHub refuses if the head moved;
 * - no merge call follows an answer that said a required check failed.
 */
import * as core from '@actions/core'
import { classifyMergeFailure, judgePullState, type MergeFailure, type MergeVerdict, type PullSnapshot } from '../../core/merge-errors.js'
import { formatSeconds, nextMergeStep } from '../../core/merge-schedule.js'
import { classifyFailure, toFailureData } from '../../core/transient.js'
import { createGitHubClient, type GitHubClient } from '../../github/client.js'
import { describeError } from '../run.js'
import { productionRuntime } from '../runtime.js'
import { expectPullRequest, expectShape, MalformedResponseError } from '../../github/responses.js'
import { withRetry } from '../../github/retry.js'
import { MERGE_METHODS, readMergeSettings, type MergeMethod, type MergeOptions, type MergeSettings } from './settings.js'

export { readMergeSettings }

export type MergeReason = 'merged' | 'pending-timeout' | 'unreachable' | 'head-moved' | 'permanent'

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
export interface MergeResult {
  readonly merged: boolean
  readonly mergeCommitSha: string
  /** Merge calls made. */
  readonly attempts: number
  readonly reason: MergeReason
  /** GitHub's message and what to do. */
  readonly message: string
  /** For 'permanent': which kind of refusal. */
  readonly category?: string
  readonly pullNumber: number
  /** The sha every merge call carried ('' when none was made and none was known). */
  readonly sha: string
  /** False when no 'sha' was given and the head read at start was merged. */
  readonly shaPinned: boolean
  readonly timeline: readonly MergeAttempt[]
  readonly branchDeleted?: boolean
}

/** What merge needs from the outside world; everything but the client has a production default. */
export interface MergeDeps {
  readonly client: GitHubClient
  readonly sleep?: (ms: number) => Promise<void>
  /** Clock in ms. */
  readonly now?: () => number
  /** Random source for the retry jitter. */
  readonly random?: () => number
  readonly info?: (message: string) => void
  readonly warning?: (message: string) => void
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
}

function toSnapshot(data: unknown): PullRead {
  const pr = expectPullRequest('pull request', data)
  const raw = data as { head?: { repo?: { full_name?: unknown } | null } }
  const headRepo = typeof raw.head?.repo?.full_name === 'string' ? raw.head.repo.full_name : ''
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
    headRepo
  }
}

/** GitHub's `message` from an error's JSON body, else the error's own message. */
function failureOf(error: unknown): MergeFailure {
  const data = toFailureData(error)
  const body = (error as { response?: { data?: unknown } } | null)?.response?.data
  const said = typeof body === 'object' && body !== null && typeof (body as { message?: unknown }).message === 'string' ? (body as { message: string }).message : undefined
  return { ...data, message: said ?? data.message ?? String(error) }
}

function failText(failure: MergeFailure): string {
  return failure.status === undefined ? `no answer (${failure.message})` : `HTTP ${failure.status}`
}

/** Merges the pull request at the verified sha within the pending-retry budget. */
export async function merge(target: MergeTarget, deps: MergeDeps): Promise<MergeResult> {
  const { client } = deps
  const { owner, repo } = target.repository
  const pull_number = target.pullNumber
  const sleep = deps.sleep ?? productionRuntime.sleep
  const now = deps.now ?? productionRuntime.now
  const info = deps.info ?? productionRuntime.log.info
  const warning = deps.warning ?? productionRuntime.log.warning
  const octokit = client.octokit

  // Reads are idempotent: the client's own retries (and withRetry for a malformed body) apply.
  const readPull = () =>
    withRetry(`GET pull request #${pull_number}`, async () => toSnapshot((await octokit.rest.pulls.get({ owner, repo, pull_number })).data), client.retryPolicy)

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
      message: `Could not read pull request #${pull_number}, so nothing was merged: ${describeError(error)}`,
      pullNumber: pull_number,
      sha: target.sha ?? '',
      shaPinned: target.sha !== undefined,
      timeline: []
    }
  }
  const sha = target.sha ?? start.snapshot.headSha
  const base = { pullNumber: pull_number, sha, shaPinned: target.sha !== undefined }
  if (target.sha === undefined) {
    warning(
      `Input 'sha' is empty: merging the head read now (${sha}), which nothing verified. Pass the sha that wait-ci verified, e.g. 'sha: \${{ steps.wait.outputs.sha }}'.`
    )
  }
  const timeline: MergeAttempt[] = []
  const finish = (result: Omit<MergeResult, keyof typeof base | 'timeline' | 'attempts'>): MergeResult => ({
    ...base,
    ...result,
    attempts: timeline.length,
    timeline
  })

  const before = judgePullState(start.snapshot, sha)
  if (before !== undefined) return finish(fromVerdict(before, start))

  const methods = await methodsToTry(target, deps, owner, repo)
  let methodIndex = 0
  let failures = 0
  const startedAt = now()

  for (;;) {
    const method = methods[methodIndex]
    const attempt = timeline.length + 1
    const atMs = now() - startedAt
    let verdict: MergeVerdict
    let failure: MergeFailure | undefined
    let read: PullRead | undefined
    let okStatus: number | undefined
    try {
      const response = await octokit.rest.pulls.merge({
        owner,
        repo,
        pull_number,
        sha,
        ...(method ? { merge_method: method } : {}),
        ...(target.commitTitle ? { commit_title: target.commitTitle } : {}),
        ...(target.commitMessage ? { commit_message: target.commitMessage } : {}),
        // Off for this call only: a retried merge can hide a merge that happened (TOOLCHAIN.md).
        request: { retries: 0 }
      })
      okStatus = response.status
      const body = expectShape<{ merged: boolean; sha: string; message?: string }>('merge answer', response.data, { merged: 'boolean', sha: 'string' })
      if (body.merged !== true) throw new MalformedResponseError(`malformed response: merge answer says merged: ${String(body.merged)}`)
      verdict = { kind: 'merged', mergeCommitSha: body.sha, message: body.message ?? 'Pull Request successfully merged' }
    } catch (error) {
      failure = failureOf(error)
      // Whatever the answer (or its absence), the PR's state decides first: a lost answer may hide a merge that happened.
      try {
        read = await readPull()
      } catch (readError) {
        info(`Could not read pull request #${pull_number} after the merge call: ${failureOf(readError).message}`)
      }
      verdict = classifyMergeFailure(failure, read?.snapshot, sha)
    }

    const status = failure ? failure.status : okStatus
    const entry = { attempt, atMs, method: method ?? 'default', ...(status !== undefined ? { status } : {}) } as const
    const said = failure ? failure.message : verdict.kind === 'merged' ? verdict.message : ''
    info(`Merge attempt ${attempt}${method ? ` (${method})` : ''}: ${failure ? `${failText(failure)} '${said}'` : 'merged'} -> ${verdict.kind}`)

    if (verdict.kind === 'permanent' && verdict.category === 'method-not-allowed' && target.method === undefined && methodIndex + 1 < methods.length) {
      // The method was our guess, not the user's: GitHub refused before doing anything, so try the next one.
      timeline.push({ ...entry, message: said, decision: verdict.kind, waitMs: 0 })
      methodIndex++
      continue
    }
    if (verdict.kind !== 'pending' && verdict.kind !== 'transient') {
      timeline.push({ ...entry, message: said, decision: verdict.kind })
      const result = finish(fromVerdict(verdict, read))
      if (result.merged && target.deleteBranch) return { ...result, branchDeleted: await deleteBranch(deps, owner, repo, read ?? (await readPull().catch(() => undefined)), info, warning) }
      return result
    }

    failures++
    const step = nextMergeStep(
      { timeoutMs: target.timeoutMs, intervalMs: target.intervalMs },
      { failures, elapsedMs: now() - startedAt, ...(verdict.kind === 'transient' && verdict.retryAfterMs !== undefined ? { retryAfterMs: verdict.retryAfterMs } : {}) },
      deps.random
    )
    if (step.kind === 'stop') {
      timeline.push({ ...entry, message: said, decision: verdict.kind })
      const reason: MergeReason = verdict.kind === 'pending' ? 'pending-timeout' : 'unreachable'
      const what =
        verdict.kind === 'pending'
          ? `GitHub still held the merge back after ${attempt} attempts: '${verdict.message}'. Stopped because ${step.why}. Raise 'timeout-seconds' if checks take longer to register, or check that the required checks run on this pull request.`
          : `GitHub could not be reached reliably for the merge after ${attempt} attempts (last: ${failText(failure!)} '${verdict.message}'). Stopped because ${step.why}. ${read === undefined ? 'Whether the last attempt merged could not be read back: look at the pull request before running merge again.' : 'The pull request is not merged; run merge again.'}`
      return finish({ merged: false, mergeCommitSha: '', reason, message: what })
    }
    timeline.push({ ...entry, message: said, decision: verdict.kind, waitMs: step.ms })
    info(`  retrying in ${formatSeconds(step.ms)} (${verdict.kind}: ${verdict.message})`)
    await sleep(step.ms)
  }
}

function fromVerdict(verdict: MergeVerdict, read: PullRead | undefined): Omit<MergeResult, 'pullNumber' | 'sha' | 'shaPinned' | 'timeline' | 'attempts'> {
  switch (verdict.kind) {
    case 'merged':
      return { merged: true, mergeCommitSha: verdict.mergeCommitSha, reason: 'merged', message: verdict.message }
    case 'already-merged':
      return {
        merged: true,
        mergeCommitSha: verdict.mergeCommitSha || read?.snapshot.mergeCommitSha || '',
        reason: 'merged',
        message: `${verdict.message} (an earlier attempt merged it; its answer may have been lost)`
      }
    case 'head-moved':
      return {
        merged: false,
        mergeCommitSha: '',
        reason: 'head-moved',
        message: `${verdict.message} Run wait-ci on the new head, then merge its verified sha.`
      }
    case 'permanent':
      return { merged: false, mergeCommitSha: '', reason: 'permanent', category: verdict.category, message: `GitHub refused the merge: '${verdict.message}'. ${verdict.advice}` }
    default:
      throw new Error(`unreachable: ${verdict.kind} is not final`)
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
    ;(deps.warning ?? productionRuntime.log.warning)(`Could not read the repository's allowed merge methods (${failureOf(error).message}); trying merge, squash, rebase in turn.`)
  }
  return MERGE_METHODS
}

async function deleteBranch(
  deps: MergeDeps,
  owner: string,
  repo: string,
  read: PullRead | undefined,
  info: (m: string) => void,
  warning: (m: string) => void
): Promise<boolean> {
  if (read === undefined || read.headRef === '') {
    warning("'delete-branch' is true but the head branch could not be read; not deleting it.")
    return false
  }
  if (read.headRepo !== `${owner}/${repo}`) {
    info(`Not deleting '${read.headRef}': it belongs to ${read.headRepo || 'a deleted fork'}, not ${owner}/${repo}.`)
    return false
  }
  try {
    // Each segment encoded, the slashes kept: GitHub's ref path (`heads/feature/x`), safe for any branch name.
    const path = read.headRef.split('/').map(encodeURIComponent).join('/')
    await withRetry(
      `DELETE branch '${read.headRef}'`,
      () => deps.client.octokit.request(`DELETE /repos/{owner}/{repo}/git/refs/heads/${path}`, { owner, repo }),
      deps.client.retryPolicy
    )
    info(`Deleted the head branch '${read.headRef}'.`)
    return true
  } catch (error) {
    // The merge is done; a branch left behind is not a failure (it may be protected or already gone).
    warning(`Merged, but could not delete the head branch '${read.headRef}': ${failureOf(error).message}`)
    return false
  }
}

/** Sets merge's outputs (names prefixed for the root action) and writes the attempts timeline to the job summary. */
export async function writeMergeOutputs(result: MergeResult, prefix = ''): Promise<void> {
  core.setOutput(`${prefix}merged`, result.merged ? 'true' : 'false')
  core.setOutput(`${prefix}merge-commit-sha`, result.mergeCommitSha)
  core.setOutput(`${prefix}attempts`, String(result.attempts))
  core.setOutput(`${prefix}reason`, result.reason)
  core.setOutput(`${prefix}message`, result.message)
  await core.summary.addRaw(mergeSummary(result)).write()
}

function cell(text: string): string {
  return text.replace(/\r?\n+/g, ' ').replace(/\|/g, '\\|').trim()
}

/** The job summary section: outcome, then one row per merge call. */
export function mergeSummary(result: MergeResult): string {
  const lines = [
    `## Purple merge: ${result.merged ? 'merged' : result.reason}`,
    '',
    `Pull request #${result.pullNumber} at \`${result.sha}\`${result.shaPinned ? '' : ' (not pinned: no sha was given)'}${result.merged ? `, merge commit \`${result.mergeCommitSha}\`` : ''}.`,
    '',
    cell(result.message),
    ''
  ]
  if (result.timeline.length > 0) {
    lines.push('| # | at | method | answer | decision | next try in |', '|---|---|---|---|---|---|')
    for (const a of result.timeline) {
      const answer = `${a.status === undefined ? 'no answer' : `HTTP ${a.status}`}${a.message ? `: ${cell(a.message)}` : ''}`
      lines.push(`| ${a.attempt} | +${formatSeconds(a.atMs)} | ${a.method} | ${answer} | ${a.decision} | ${a.waitMs === undefined ? '' : formatSeconds(a.waitMs)} |`)
    }
    lines.push('')
  }
  return `${lines.join('\n')}\n`
}

/** The merge action: settings from inputs, the merge, outputs and summary; fails the step unless merged. */
export async function runMergeAction(): Promise<void> {
  const settings: MergeSettings = readMergeSettings()
  // timeout-seconds is a hard limit: past it the client starts no retry or rate-limit wait.
  const client = createGitHubClient({ ...settings.client, deadline: Date.now() + settings.timeoutMs })
  const result = await merge(settings, { client })
  await writeMergeOutputs(result)
  if (!result.merged) throw new Error(result.message)
}
