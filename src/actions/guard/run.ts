/**
 * The guard action: settings in, plain result out, outputs written last. The
 * pipeline action composes these three in-process.
 */
import * as core from '@actions/core'
import { createGit, type Git, type GitDeps } from '../../git/git.js'
import { topLevel } from '../../git/revisions.js'
import { decideVerdict, type Finding, type GuardOutcome } from '../../core/guard-verdict.js'
import { describeError } from '../run.js'
import { checkRange } from './check.js'
import { ensureFullHistory, resolveRange, type GuardRange } from './range.js'
import { actionInputs } from '../input-source.js'
import { guardSpec } from './io.js'
import { buildGuardSettings, type GuardSettings } from './settings.js'

export type { GuardSettings } from './settings.js'

/** guard's plain result, fail-safe already applied. */
export interface GuardResult {
  readonly result: GuardOutcome
  /** True when the step must fail: a finding, or an error with fail-safe off. */
  readonly blocks: boolean
  readonly findings: readonly Finding[]
  readonly markerCount: number
  readonly disallowedMergeCount: number
  /** Why guard itself failed (result 'error', or a layer failed next to findings); else null. */
  readonly error: string | null
  readonly failSafe: boolean
  readonly range: GuardRange | null
  readonly notes: readonly string[]
  readonly warnings: readonly string[]
}

export interface GuardDeps extends GitDeps {
  /** A git runner for the working directory (default: created from settings.workingDirectory). */
  readonly git?: Git
}

/** Reads guard's inputs and event from the runner environment. */
export function readGuardSettings(env: NodeJS.ProcessEnv = process.env): GuardSettings {
  return buildGuardSettings(actionInputs(guardSpec.inputs), env)
}

/** Builds the result from findings and an error, applying fail-safe. */
export function guardResult(
  findings: readonly Finding[],
  error: string | null,
  failSafe: boolean,
  extra: { range: GuardRange | null; notes: readonly string[]; warnings: readonly string[] }
): GuardResult {
  const verdict = decideVerdict(findings, error, failSafe)
  return Object.freeze({
    ...verdict,
    findings,
    markerCount: findings.filter((f) => f.kind === 'conflict-marker').length,
    disallowedMergeCount: findings.filter((f) => f.kind === 'disallowed-merge').length,
    error,
    failSafe,
    ...extra
  })
}

/** Runs guard over the range the settings name; never throws (a failure becomes result 'error'). */
export async function guard(settings: GuardSettings, deps: GuardDeps = {}): Promise<GuardResult> {
  const notes: string[] = []
  let range: GuardRange | null = null
  try {
    const cwdGit = deps.git ?? createGit(settings.workingDirectory, deps)
    const git = createGit(await topLevel(cwdGit), deps)
    const deepened = await ensureFullHistory(git)
    if (deepened) notes.push(deepened)
    const resolved = await resolveRange(git, {
      base: settings.base,
      head: settings.head,
      event: settings.event,
      baseLabel: settings.labels.base,
      headLabel: settings.labels.head,
      headBranch: null
    })
    range = resolved.range
    notes.push(...resolved.notes, `range: ${range.base ?? '(none)'}..${range.head} (base: ${range.description})`)
    const report = await checkRange(git, range, settings)
    return guardResult(report.findings, report.error, settings.failSafe, {
      range,
      notes: [...notes, ...report.notes],
      warnings: report.warnings
    })
  } catch (e) {
    return guardResult([], describeError(e), settings.failSafe, { range, notes, warnings: [] })
  }
}

/** Writes outputs, annotations (one per finding, on its file and line) and the job summary; fails the step when the result blocks. */
export async function writeGuardOutputs(result: GuardResult): Promise<void> {
  for (const note of result.notes) core.info(`guard: ${note}`)
  for (const warning of result.warnings) core.warning(`guard: ${warning}`)
  for (const f of result.findings) {
    if (f.kind === 'conflict-marker') {
      core.error(f.message, { title: 'Conflict marker', file: f.path!, startLine: f.line! })
    } else {
      core.error(f.message, { title: 'Disallowed merge source' })
    }
  }
  core.setOutput('result', result.result)
  core.setOutput('findings', JSON.stringify(result.findings))
  core.setOutput('marker-count', String(result.markerCount))
  core.setOutput('disallowed-merge-count', String(result.disallowedMergeCount))

  if (result.error !== null && !result.blocks) {
    core.warning(`guard could not complete, not blocking (fail-safe): ${result.error}`)
  } else if (result.error !== null && result.findings.length > 0) {
    core.warning(`guard: part of the check failed: ${result.error}`)
  }
  try {
    await writeSummary(result)
  } catch (e) {
    core.warning(`guard: could not write the job summary: ${describeError(e)}`)
  }
  if (result.findings.length > 0) {
    core.setFailed(`guard blocked: ${result.markerCount} conflict marker(s), ${result.disallowedMergeCount} disallowed merge parent(s)`)
  } else if (result.blocks) {
    core.setFailed(`guard failed (fail-safe is off): ${result.error}`)
  }
}

async function writeSummary(result: GuardResult): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  const rows = result.findings.map((f) => [
    f.kind,
    f.path ? `${f.path}:${f.line}` : f.commit.slice(0, 12),
    f.parent ? f.parent.slice(0, 12) : '',
    f.message
  ])
  core.summary.addHeading(`Purple guard: ${result.result}`, 3)
  if (result.range) core.summary.addRaw(`Range ${result.range.base ?? '(none)'}..${result.range.head} (${result.range.description})`, true)
  if (result.error) core.summary.addRaw(`Guard error: ${result.error}`, true)
  if (rows.length > 0) {
    core.summary.addTable([
      [
        { data: 'kind', header: true },
        { data: 'where', header: true },
        { data: 'parent', header: true },
        { data: 'message', header: true }
      ],
      ...rows
    ])
  }
  await core.summary.write()
}

/** The action body: read, run, write. */
export async function runGuardAction(): Promise<void> {
  const settings = readGuardSettings()
  const result = await guard(settings)
  await writeGuardOutputs(result)
}
