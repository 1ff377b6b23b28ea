/**
 * The root action's work: guard -> wait-ci -> merge in one process, stopping
 * at the first stage that does not pass. The stages hand each other shas, not
 * trust: wait-ci verifies the head guard checked, and merge merges only the sha
 * wait-ci verified, so a push at any point ends in head-moved instead of
 * merging a commit that was never checked. A branch update (merge's
 * `update-branch`) sends the new head round again, pinned to it.
 */
import { diagnose, type Diagnosis } from '../../core/diagnosis.js'
import { describeError } from '../../core/describe-error.js'
import { createGit } from '../../git/git.js'
import { createGitHubClient } from '../../github/client.js'
import { readMergeFacts } from '../../github/merge-facts.js'
import { commitStarted } from '../../github/merge-queue.js'
import { branchUpdateWarning, NEVER_STARTED_AFTER_MS, startVerdict, updatedHeadNeverStartedMessage } from '../../core/merge-queue.js'
import { tokenOwner } from '../../github/token-owner.js'
import { guard, guardDeps, type GuardDeps, type GuardResult } from '../guard/guard.js'
import { merge, type MergeDeps, type MergeResult } from '../merge/merge.js'
import { productionRuntime } from '../runtime.js'
import { waitCi, type WaitCiResult } from '../wait-ci/wait-ci.js'
import type { PipelineSettings } from './settings.js'

export type PipelineStage = 'guard' | 'wait-ci' | 'merge' | 'none'

/** One pass over a head: guard's result, and wait-ci's and merge's when they ran. */
export interface PipelineRound {
  readonly guard: GuardResult
  readonly waitCi?: WaitCiResult
  readonly merge?: MergeResult
}

/** A stage that just ended, for the shell to print its annotations before the next stage starts. */
export type StageEnd = { readonly stage: 'guard'; readonly result: GuardResult } | { readonly stage: 'wait-ci'; readonly result: WaitCiResult } | { readonly stage: 'merge'; readonly result: MergeResult }

/** What the pipeline did: the stage that stopped it (or 'none'), why, and every round; the last round is the one outputs describe. */
export interface PipelineResult {
  readonly stage: PipelineStage
  readonly message: string
  readonly merged: boolean
  /** Branch updates that sent a new head round again. */
  readonly updates: number
  readonly rounds: readonly [PipelineRound, ...PipelineRound[]]
  /** What stands between the pull request and a merge, when the pipeline stopped without merging and it could be read. */
  readonly diagnosis?: Diagnosis
}

/** What the stages talk to; production passes `productionRuntime`, a client, guard's git and the stage printer. */
export interface PipelineDeps extends MergeDeps {
  readonly guard: GuardDeps
  /** Makes a head that exists only on GitHub (a branch update's) available to guard; resolves to why not, or null. */
  readonly fetchHead: (sha: string) => Promise<string | null>
  /** Called as each stage ends, before the next starts, so the log stays in order. */
  readonly stageEnded: (end: StageEnd) => void
}

/** Production deps: one client for every stage (the stages' timeouts over every round are its hard limit), git for guard. */
export function createPipelineDeps(settings: PipelineSettings, stageEnded: PipelineDeps['stageEnded']): PipelineDeps {
  const rounds = settings.merge.updateBranch ? settings.maxUpdates + 1 : 1
  const deadline = productionRuntime.now() + rounds * (settings.wait.options.timeoutMs + settings.merge.timeoutMs)
  const git = createGit(settings.guard.workingDirectory)
  return {
    ...productionRuntime,
    client: createGitHubClient({ ...settings.client, deadline }),
    guard: guardDeps(productionRuntime.log),
    // A branch update's head exists only on GitHub: fetch it by sha (GitHub serves any commit reachable from a ref).
    fetchHead: async (sha) => {
      const have = await git.run(['cat-file', '-e', '--end-of-options', `${sha}^{commit}`], { okExitCodes: [0, 1, 128] })
      if (have.exitCode === 0) return null
      const fetched = await git.run(['fetch', '--quiet', '--no-tags', 'origin', '--end-of-options', sha], {
        okExitCodes: [0, 1, 128],
        config: ['core.hooksPath=/dev/null']
      })
      return fetched.exitCode === 0 ? null : `git fetch origin ${sha} failed: ${fetched.stderr.trim().split('\n').pop() ?? ''}`
    },
    stageEnded
  }
}

/** The pipeline's result: the final round is the last of `rounds`. */
export function finalRound(result: PipelineResult): PipelineRound {
  return result.rounds[result.rounds.length - 1]!
}

function guardStop(result: GuardResult): string {
  if (result.findings.length > 0) {
    return `guard blocked: ${result.markerCount} conflict marker(s), ${result.disallowedMergeCount} disallowed merge parent(s); wait-ci and merge did not run.`
  }
  return `guard failed and 'guard-fail-safe' is off: ${result.error ?? 'unknown error'}; wait-ci and merge did not run.`
}

type Ended = Omit<PipelineResult, 'rounds' | 'updates' | 'diagnosis'> & { readonly round: PipelineRound; readonly updatedTo?: string }

/** What one round runs on: a head to guard and verify (undefined: as configured), and whether merge may update the branch. */
interface RoundTarget {
  readonly round: number
  readonly head?: string
  readonly previousHead?: string
  readonly mayUpdate: boolean
}

async function guardRound(settings: PipelineSettings, deps: PipelineDeps, target: RoundTarget): Promise<GuardResult> {
  if (target.head === undefined) return guard(settings.guard, deps.guard)
  const missing = await deps.fetchHead(target.head)
  // Only the update's own commits are new: guard from the head verified before (see docs/decisions.md, "A branch update goes round again, pinned to the new head").
  if (missing !== null) deps.log.warning(`guard cannot read the updated head ${target.head} in this clone (${missing}): guard reports it as an error.`)
  return guard({ ...settings.guard, base: target.previousHead ?? settings.guard.base, head: target.head }, deps.guard)
}

/**
 * Before waiting on the head a branch update made: polls until a check suite or workflow run exists for it.
 * Nothing after NEVER_STARTED_AFTER_MS is the sign of an update made with the job's GITHUB_TOKEN (its pushes
 * start no workflows) or of triggers that skip it: returns the message that says which, by whose token it is,
 * instead of waiting out wait-ci's budget. A failed read counts as started (never a false alarm); wait-ci then
 * decides as usual.
 */
async function updatedHeadNeverStarted(settings: PipelineSettings, deps: PipelineDeps, sha: string): Promise<string | null> {
  const start = deps.now()
  const budgetMs = settings.wait.options.timeoutMs
  for (;;) {
    const started = await commitStarted(deps.client, settings.repository, sha).catch(() => true)
    const waitedMs = deps.now() - start
    const verdict = startVerdict({ ageMs: waitedMs, started, neverStartedAfterMs: NEVER_STARTED_AFTER_MS })
    if (verdict === 'never-started') return updatedHeadNeverStartedMessage(sha, waitedMs, await tokenOwner(deps.client))
    if (verdict === 'started' || waitedMs >= budgetMs) return null
    await deps.sleep(Math.min(settings.wait.options.intervalMs, NEVER_STARTED_AFTER_MS - waitedMs, budgetMs - waitedMs))
  }
}

/** One pass: guard, then wait-ci, then merge, each pinned to the head before it. */
async function runRound(settings: PipelineSettings, deps: PipelineDeps, target: RoundTarget): Promise<Ended> {
  const { log } = deps
  const round = target.round > 0 ? ` (round ${target.round + 1}, after a branch update)` : ''
  log.info(`Purple: stage 1 of 3, guard${round}`)
  const guarded = await guardRound(settings, deps, target)
  deps.stageEnded({ stage: 'guard', result: guarded })
  if (guarded.blocks) return { stage: 'guard', message: guardStop(guarded), merged: false, round: { guard: guarded } }
  // Fail-safe: a guard that broke warns (see its annotations) and the pipeline goes on.

  // Pin wait-ci to the head guard checked when that is the event's pull request head (the normal case), so a
  // push in between ends in head-moved. Elsewhere (guard-head set, no PR event) wait-ci reads the PR head itself.
  const guardHead = guarded.range !== null && guarded.range.head === settings.eventHead ? guarded.range.head : undefined
  const sha = target.head ?? settings.wait.options.sha ?? guardHead
  log.info(`Purple: stage 2 of 3, wait-ci${sha ? ` on ${sha}` : ''}${round}`)
  const startedAt = deps.now()
  const neverStarted = target.head === undefined ? null : await updatedHeadNeverStarted(settings, deps, target.head)
  if (neverStarted !== null) return { stage: 'wait-ci', message: neverStarted, merged: false, round: { guard: guarded } }
  const timeoutMs = Math.max(1, settings.wait.options.timeoutMs - (deps.now() - startedAt))
  const waited = await waitCi(
    { ...settings.wait, options: { ...settings.wait.options, timeoutMs, ...(sha ? { sha } : {}) } },
    { client: deps.client, now: deps.now, sleep: deps.sleep, log }
  )
  deps.stageEnded({ stage: 'wait-ci', result: waited })
  if (waited.conclusion !== 'success') {
    return { stage: 'wait-ci', message: `wait-ci ended with ${waited.conclusion}: ${waited.message}`, merged: false, round: { guard: guarded, waitCi: waited } }
  }
  if (waited.pullRequest === undefined) {
    return {
      stage: 'merge',
      message: 'wait-ci verified a merge group: the merge queue merges it, not this step.',
      merged: false,
      round: { guard: guarded, waitCi: waited }
    }
  }
  if (guarded.range !== null && guarded.range.head !== waited.sha) {
    log.warning(`guard checked ${guarded.range.head}, but wait-ci verified ${waited.sha} (the pull request head): guard's verdict is about the former.`)
  }
  log.info(`Purple: stage 3 of 3, merge of the verified ${waited.sha}${round}`)
  const merged = await merge(
    { ...settings.merge, updateBranch: target.mayUpdate, sha: waited.sha, pullNumber: waited.pullRequest, repository: settings.repository },
    { client: deps.client, sleep: deps.sleep, now: deps.now, log, ...(deps.random ? { random: deps.random } : {}) }
  )
  deps.stageEnded({ stage: 'merge', result: merged })
  const all = { guard: guarded, waitCi: waited, merge: merged }
  if (merged.reason === 'branch-updated' && merged.updatedSha !== '') {
    return { stage: 'merge', message: `merge ended with ${merged.reason}: ${merged.message}`, merged: false, round: all, updatedTo: merged.updatedSha }
  }
  if (!merged.merged) return { stage: 'merge', message: `merge ended with ${merged.reason}: ${merged.message}`, merged: false, round: all }
  return {
    stage: 'none',
    message: `Merged pull request #${merged.pullNumber} at the verified ${merged.sha} (merge commit ${merged.mergeCommitSha}).`,
    merged: true,
    round: all
  }
}

/** Best effort: what stands between the pull request and a merge; a failing read is logged, never an outcome. */
async function readDiagnosis(settings: PipelineSettings, deps: PipelineDeps, pullNumber: number): Promise<Diagnosis | undefined> {
  try {
    const facts = await readMergeFacts(deps.client, settings.repository, pullNumber, {
      sleep: deps.sleep,
      maxReads: 3,
      log: (m) => deps.log.info(m)
    })
    return diagnose(facts)
  } catch (error) {
    deps.log.info(`What stands between this pull request and a merge could not be read: ${describeError(error)}`)
    return undefined
  }
}

/**
 * Runs the rounds and returns a plain result (sets no outputs). A round that
 * ends in a branch update sends the new head round again, at most
 * `maxUpdates` times; the last allowed round may not update again.
 */
export async function pipeline(settings: PipelineSettings, deps: PipelineDeps): Promise<PipelineResult> {
  const rounds: PipelineRound[] = []
  let target: RoundTarget = { round: 0, mayUpdate: settings.merge.updateBranch && settings.maxUpdates > 0 }
  for (;;) {
    const ended = await runRound(settings, deps, target)
    rounds.push(ended.round)
    if (ended.updatedTo === undefined || rounds.length > settings.maxUpdates) {
      const result = { stage: ended.stage, message: ended.message, merged: ended.merged, updates: rounds.length - 1, rounds: rounds as [PipelineRound, ...PipelineRound[]] }
      const pullNumber = ended.round.waitCi?.pullRequest ?? (settings.wait.target.kind === 'pull-request' ? settings.wait.target.number : undefined)
      // Only once GitHub was asked anything: a stop at guard stays without a request.
      if (ended.merged || ended.stage === 'guard' || pullNumber === undefined) return result
      // wait-ci and merge already read what blocks when they stopped: one read, not two.
      const staged = ended.stage === 'wait-ci' ? ended.round.waitCi?.diagnosis : ended.stage === 'merge' ? ended.round.merge?.diagnosis : undefined
      const diagnosis = staged ?? (await readDiagnosis(settings, deps, pullNumber))
      return diagnosis === undefined ? result : { ...result, diagnosis }
    }
    const warning = branchUpdateWarning(await tokenOwner(deps.client), ended.updatedTo)
    if (warning) deps.log.warning(warning)
    const previousHead = ended.round.waitCi?.sha
    target = { round: rounds.length, head: ended.updatedTo, ...(previousHead ? { previousHead } : {}), mayUpdate: rounds.length < settings.maxUpdates }
  }
}
