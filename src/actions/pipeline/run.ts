/**
 * The root action: guard -> wait-ci -> merge in one process, stopping at the
 * first stage that does not pass (issue 5). The stages hand each other shas,
 * not trust: wait-ci verifies the head guard checked, and merge merges only
 * the sha wait-ci verified, so a push at any point ends in head-moved instead
 * of merging a commit that was never checked.
 */
import * as core from '@actions/core'
import { createGitHubClient, type GitHubClient } from '../../github/client.js'
import { pullRequestFromPayload } from '../../github/context.js'
import { guard, guardDeps, type GuardDeps, type GuardResult } from '../guard/guard.js'
import { writeGuardOutputs } from '../guard/outputs.js'
import { merge, type MergeResult } from '../merge/merge.js'
import { writeMergeOutputs } from '../merge/outputs.js'
import { waitCi, type WaitCiResult } from '../wait-ci/wait-ci.js'
import { writeWaitCiOutputs } from '../wait-ci/outputs.js'
import { resolveWaitCiSettings } from '../wait-ci/settings.js'
import { productionRuntime, type ActionLog } from '../runtime.js'
import { readPipelineSettings, type PipelineSettings } from './settings.js'

export { readPipelineSettings }

export type PipelineStage = 'guard' | 'wait-ci' | 'merge' | 'none'

/** What the pipeline did: the stage that stopped it (or 'none'), why, and each stage's own result. */
export interface PipelineResult {
  readonly stage: PipelineStage
  readonly message: string
  readonly merged: boolean
  readonly guard: GuardResult
  readonly waitCi?: WaitCiResult
  readonly merge?: MergeResult
}

export type PipelineLog = ActionLog

/** What the stages talk to; tests and production pass their own. */
export interface PipelineDeps {
  readonly client: GitHubClient
  readonly env: Readonly<Record<string, string | undefined>>
  readonly now: () => number
  readonly sleep: (ms: number) => Promise<void>
  readonly log: PipelineLog
  readonly random?: () => number
  readonly guard?: GuardDeps
}

/** Production deps: one client for wait-ci and merge, the process env, the real clock. */
export function createPipelineDeps(settings: PipelineSettings, env: PipelineDeps['env'] = process.env): PipelineDeps {
  // The stages' timeouts together are a hard limit: past them the client starts no retry or rate-limit wait.
  const deadline = productionRuntime.now() + settings.wait.timeoutMs + settings.merge.timeoutMs
  return {
    ...productionRuntime,
    client: createGitHubClient({ ...settings.client, deadline }),
    env
  }
}

function guardStop(result: GuardResult): string {
  if (result.findings.length > 0) {
    return `guard blocked: ${result.markerCount} conflict marker(s), ${result.disallowedMergeCount} disallowed merge parent(s); wait-ci and merge did not run.`
  }
  return `guard failed and 'guard-fail-safe' is off: ${result.error ?? 'unknown error'}; wait-ci and merge did not run.`
}

/** Runs the three stages in order and returns a plain result (sets no outputs). */
export async function pipeline(settings: PipelineSettings, deps: PipelineDeps): Promise<PipelineResult> {
  const { log } = deps
  log.info('Purple: stage 1 of 3, guard')
  const guarded = await guard(settings.guard, deps.guard ?? guardDeps(log))
  if (guarded.blocks) return { stage: 'guard', message: guardStop(guarded), merged: false, guard: guarded }
  // Fail-safe (brief, principle 3): a guard that broke warns (writeGuardOutputs) and the pipeline goes on.

  // Pin wait-ci to the head guard checked when that is the event's pull request head (the normal case), so a
  // push in between ends in head-moved. Elsewhere (guard-head set, no PR event) wait-ci reads the PR head itself.
  const eventHead = pullRequestFromPayload(settings.guard.event.payload)?.headSha
  const guardHead = guarded.range !== null && guarded.range.head === eventHead ? guarded.range.head : undefined
  const sha = settings.wait.sha ?? guardHead
  log.info(`Purple: stage 2 of 3, wait-ci${sha ? ` on ${sha}` : ''}`)
  const waited = await waitCi(resolveWaitCiSettings(settings.client, { ...settings.wait, ...(sha ? { sha } : {}) }, deps.env), {
    client: deps.client,
    now: deps.now,
    sleep: deps.sleep,
    log
  })
  if (waited.conclusion !== 'success') {
    return { stage: 'wait-ci', message: `wait-ci ended with ${waited.conclusion}: ${waited.message}`, merged: false, guard: guarded, waitCi: waited }
  }

  if (waited.pullRequest === undefined) {
    return { stage: 'merge', message: 'wait-ci verified a merge group: the merge queue merges it, not this step.', merged: false, guard: guarded, waitCi: waited }
  }
  if (guarded.range !== null && guarded.range.head !== waited.sha) {
    log.warning(`guard checked ${guarded.range.head}, but wait-ci verified ${waited.sha} (the pull request head): guard's verdict is about the former.`)
  }
  log.info(`Purple: stage 3 of 3, merge of the verified ${waited.sha}`)
  const merged = await merge(
    { ...settings.merge, sha: waited.sha, pullNumber: waited.pullRequest, repository: settings.repository },
    { client: deps.client, sleep: deps.sleep, now: deps.now, log, ...(deps.random ? { random: deps.random } : {}) }
  )
  if (!merged.merged) {
    return { stage: 'merge', message: `merge ended with ${merged.reason}: ${merged.message}`, merged: false, guard: guarded, waitCi: waited, merge: merged }
  }
  return {
    stage: 'none',
    message: `Merged pull request #${merged.pullNumber} at the verified ${merged.sha} (merge commit ${merged.mergeCommitSha}).`,
    merged: true,
    guard: guarded,
    waitCi: waited,
    merge: merged
  }
}

/** Writes each stage's outputs and summary that ran, then `stage` and `stage-message`. */
export async function writePipelineOutputs(result: PipelineResult): Promise<void> {
  await core.summary
    .addHeading(`Purple: ${result.stage === 'none' ? 'merged' : `stopped at ${result.stage}`}`, 1)
    .addRaw(result.message.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'), true)
    .write()
  writeGuardOutputs(result.guard)
  if (result.waitCi) await writeWaitCiOutputs(result.waitCi)
  if (result.merge) await writeMergeOutputs(result.merge)
  core.setOutput('stage', result.stage)
  core.setOutput('stage-message', result.message)
}

/** The root action: read every input, run the stages, write outputs; non-zero unless merged. */
export async function runPipelineAction(): Promise<void> {
  const settings = readPipelineSettings()
  const result = await pipeline(settings, createPipelineDeps(settings))
  await writePipelineOutputs(result)
  if (result.stage !== 'none') throw new Error(result.message)
}
