/**
 * guard from a working directory to a result: open the repository, make its
 * history complete if it can, choose the range, run the layers. Never throws:
 * whatever fails becomes result 'error' (blocking only with fail-safe off),
 * and every layer that can still run does.
 */
import { createGit, type Git, type GitDeps } from '../git/git.js'
import { openFacts } from '../git/revisions.js'
import { describeError } from '../core/describe-error.js'
import { checkRange } from './layers.js'
import { ensureFullHistory, type GuardRange } from './range.js'
import { guardResult, type GuardResult } from './result.js'
import type { CheckOptions, GuardLimits } from './options.js'

/** Where guard says what it does while it runs. */
export interface GuardLog {
  info(message: string): void
  warning(message: string): void
}

/** What guard talks to: git (its path, a call observer, output bounds), the log, and its internal limits. */
export interface GuardDeps {
  readonly git: GitDeps
  readonly log: GuardLog
  readonly limits: GuardLimits
}

export interface GuardRequest {
  readonly workingDirectory: string
  readonly options: CheckOptions
  readonly failSafe: boolean
  /**
   * Chooses the range. It first runs while the repository is being opened (given a runner in the working
   * directory), and again at the top level when the clone was deepened or that first choice failed.
   */
  readonly chooseRange: (git: Git) => Promise<{ range: GuardRange; notes: string[] }>
}

/** The git runner at the top level of the repository containing `directory` (scans use repository-relative paths). */
export async function openRepository(directory: string, deps: GitDeps): Promise<Git> {
  const { topLevel, ...facts } = await openFacts(createGit(directory, deps))
  return createGit(topLevel, deps, facts)
}

const isChosen = (v: unknown): v is { range: GuardRange; notes: string[] } => typeof v === 'object' && v !== null && 'range' in v

/** Runs guard; never throws (a failure becomes result 'error'). Notes and warnings go to the log and the result. */
export async function runGuard(request: GuardRequest, deps: GuardDeps): Promise<GuardResult> {
  const notes: string[] = []
  let range: GuardRange | null = null
  let result: GuardResult
  try {
    // Names resolve alike from any directory of the work tree: the range is chosen while the repository is opened
    // (no wait for one process before the next starts), and chosen again after a deepen or to report a failure.
    const [git, first] = await Promise.all([
      openRepository(request.workingDirectory, deps.git),
      request.chooseRange(createGit(request.workingDirectory, deps.git)).catch((e: unknown) => e)
    ])
    // Whether the clone is shallow came with the opening: deepening is the only git call this may make.
    const history = await ensureFullHistory(git)
    if (history.note) notes.push(history.note)
    const chosen = history.note !== null || first instanceof Error || !isChosen(first) ? await request.chooseRange(git) : first
    range = chosen.range
    notes.push(...chosen.notes, `range: ${range.base ?? '(none)'}..${range.head} (base: ${range.description})`)
    const report = await checkRange(git, range, request.options, { limits: deps.limits, history })
    result = guardResult(report.findings, report.error, request.failSafe, { range, notes: [...notes, ...report.notes], warnings: report.warnings })
  } catch (e) {
    result = guardResult([], describeError(e), request.failSafe, { range, notes, warnings: [] })
  }
  for (const note of result.notes) deps.log.info(`guard: ${note}`)
  for (const warning of result.warnings) deps.log.warning(`guard: ${warning}`)
  return result
}
