/**
 * wait-ci's work: read the gate, then poll the head's check runs and statuses
 * until every required check is green, one fails, the head moves or the time
 * runs out. Never `success` while a required check is missing, pending or
 * failing; an API error is never "zero checks".
 */
import { createGitHubClient, type GitHubClient } from '../../github/client.js'
import { createEtagCache } from '../../github/conditional.js'
import { logText } from '../../core/escaping.js'
import { describeFailure, explainFailure } from '../../core/transient.js'
import type { GateEntry, RequiredSet } from '../../core/required-checks.js'
import { evaluateChecks, observationKey, statusDurations, type CheckVerdict, type Evaluation } from '../../core/check-state.js'
import { gateReadDue, initialGate, sourceLabel, updateGate, type GateSourceName, type GateState, type SourceAnswer } from '../../core/gate-tracker.js'
import { defaultPollPolicy, planNextPoll, type PollPolicy } from '../../core/poll-schedule.js'
import { formatMs } from '../../core/durations.js'
import { diagnose, type Diagnosis } from '../../core/diagnosis.js'
import { readMergeFacts } from '../../github/merge-facts.js'
import { productionRuntime, type ActionLog } from '../runtime.js'
import type { WaitCiSettings, WaitTarget } from './settings.js'
import { ownCheckRunResolver, type OwnCheckRun, type OwnCheckRunResolver } from './own-check-run.js'
import {
  MAX_NAMED_QUERIES,
  allReads,
  readBranchGate,
  readCheckRuns,
  readPull,
  readRulesGate,
  readStatusHistory,
  readStatuses,
  type Reader
} from '../../github/ci-reads.js'

/** What wait-ci talks to and waits with; tests and the pipeline pass their own. */
export interface WaitCiDeps {
  readonly client: GitHubClient
  readonly now: () => number
  readonly sleep: (ms: number) => Promise<void>
  readonly log: ActionLog
}

/** Production deps: a client from the settings, the real clock and the runner's log. */
export function createWaitCiDeps(settings: WaitCiSettings): WaitCiDeps {
  // timeout-seconds is a hard limit: past it the client starts no retry or rate-limit wait.
  const deadline = productionRuntime.now() + settings.options.timeoutMs
  return { ...productionRuntime, client: createGitHubClient({ ...settings.client, deadline }) }
}

export type WaitCiConclusion = 'success' | 'failure' | 'timed_out' | 'head-moved'

export interface RequestCounts {
  /** Requests that count against the primary rate limit. */
  readonly counted: number
  /** 304 Not Modified answers (free). */
  readonly notModified: number
  readonly total: number
}

/** What a wait ended with: everything the outputs and the summary show. */
export interface WaitCiResult {
  readonly conclusion: WaitCiConclusion
  /** The head sha that was verified ('' if it could never be read). */
  readonly sha: string
  /** What was verified: a pull request's head or a merge group. */
  readonly target: WaitTarget
  /** The pull request whose head was verified (undefined for a merge group). */
  readonly pullRequest?: number
  /** One sentence: why the wait ended. */
  readonly message: string
  readonly mode: RequiredSet['mode'] | 'unknown'
  readonly checks: readonly CheckVerdict[]
  readonly gateNotes: readonly string[]
  readonly readings: readonly { source: string; ok: boolean; reason?: string }[]
  readonly requests: RequestCounts
  readonly polls: number
  readonly elapsedMs: number
  readonly ownCheckRun?: OwnCheckRun
  /** What else blocks the pull request's merge, read once when the wait failed or timed out (best effort). */
  readonly diagnosis?: Diagnosis
}

/** How often a wait where nothing changes says it is still waiting. */
const HEARTBEAT_MS = 5 * 60_000

/** One wait in progress: what is known so far. */
interface Wait {
  readonly settings: WaitCiSettings
  readonly deps: WaitCiDeps
  readonly reader: Reader
  readonly policy: PollPolicy
  readonly own: OwnCheckRunResolver
  readonly startedAt: number
  readonly statsAtStart: ReturnType<GitHubClient['stats']>
  readonly failFast: boolean
  head?: { readonly sha: string; readonly baseRef: string }
  gate: GateState
  evaluation?: Evaluation
  lastKey: string
  lastReportAt: number
  warnedIgnored: boolean
  polls: number
}

type PollEnd = { readonly conclusion: WaitCiConclusion; readonly message: string }
type PollOutcome = { readonly end: PollEnd } | { readonly changed: boolean; readonly notBefore?: number }

/** Waits on the head's required checks and returns a plain result (sets no outputs, throws for no outcome). */
export async function waitCi(settings: WaitCiSettings, deps: WaitCiDeps): Promise<WaitCiResult> {
  const { options } = settings
  const wait: Wait = {
    settings,
    deps,
    reader: { client: deps.client, repo: settings.repository, etags: createEtagCache() },
    policy: defaultPollPolicy(options.intervalMs, options.timeoutMs),
    own: ownCheckRunResolver(options.checkRunId, settings.run, deps.log),
    startedAt: deps.now(),
    statsAtStart: deps.client.stats(),
    failFast: settings.target.kind === 'merge-group' ? options.failQueueFast : options.failFast,
    gate: initialGate,
    lastKey: '',
    lastReportAt: deps.now(),
    warnedIgnored: false,
    polls: 0
  }
  const { owner, repo } = settings.repository
  const what = settings.target.kind === 'merge-group' ? `merge group ${settings.target.headSha} into '${logText(settings.target.baseRef)}'` : `pull request #${settings.target.number}`
  deps.log.info(`wait-ci: ${what} of ${owner}/${repo}`)
  const result = await withStatusDurations(finish(wait, await waitLoop(wait)), wait)
  return await withDiagnosis(result, wait)
}

/** Polls once, asks the planner when to poll next, sleeps; until a poll or the planner ends the wait. */
async function waitLoop(wait: Wait): Promise<PollEnd> {
  let streak = 0
  let refreshGate = false
  for (;;) {
    wait.polls++
    const [pollStartedAt, before] = [wait.deps.now(), wait.deps.client.stats().counted]
    const poll = await pollOnce(wait, refreshGate)
    if ('end' in poll) return poll.end
    const plan = planNextPoll(wait.policy, {
      startedAt: wait.startedAt,
      now: wait.deps.now(),
      pollStartedAt,
      changed: poll.changed,
      counted: wait.deps.client.stats().counted - before,
      unchangedStreak: streak,
      lastGateReadAt: wait.gate.lastReadAt ?? wait.startedAt,
      ...(poll.notBefore !== undefined ? { notBefore: poll.notBefore } : {})
    })
    if (plan.action === 'timeout') return { conclusion: 'timed_out', message: timeoutMessage(plan.reason, wait.evaluation, wait.gate.pendingWhy) }
    streak = plan.unchangedStreak
    refreshGate = plan.refreshGate
    await wait.deps.sleep(plan.delayMs)
  }
}

/**
 * One poll: the head and base on the first, this job's check run, the gate when due, what the head
 * shows, then the head again: what was observed counts only if the head is still the one it is about.
 * Reading the checks first keeps the time from a change to its detection at half a gap between polls.
 */
async function pollOnce(wait: Wait, refreshGate: boolean): Promise<PollOutcome> {
  try {
    const moved = wait.head === undefined ? await readHead(wait) : undefined
    if (moved) return { end: moved }
    await wait.own.resolve(wait.reader)
    const gateChanged = gateReadDue(wait.gate, refreshGate) ? await readGate(wait) : false
    const outcome = await judgeChecks(wait, gateChanged)
    const movedSince = await readHead(wait)
    return movedSince ? { end: movedSince } : outcome
  } catch (error) {
    const now = wait.deps.now()
    const { verdict, description } = explainFailure(error, { now })
    const what = logText(description)
    if (verdict.kind === 'permanent') return { end: { conclusion: 'failure', message: `GitHub refused a read the wait needs: ${what}` } }
    // The client already retried; the wait goes on and asks again at the next poll.
    wait.deps.log.warning(`poll ${wait.polls} failed: ${what}; the wait goes on`)
    const notBefore = verdict.kind === 'rate-limited' && verdict.retryAfterMs !== undefined ? now + verdict.retryAfterMs : undefined
    return notBefore === undefined ? { changed: false } : { changed: false, notBefore }
  }
}

/** The head: judged only as first read; a move makes any verdict stale. A merge group's sha cannot move. */
async function readHead(wait: Wait): Promise<PollEnd | undefined> {
  const { target, options } = wait.settings
  if (target.kind === 'merge-group') {
    // The settings made sure a 'sha' input, if any, is the group's.
    if (wait.head === undefined) {
      wait.head = { sha: target.headSha, baseRef: target.baseRef }
      wait.deps.log.info(`merge group ${wait.head.sha}, base branch '${logText(target.baseRef)}'`)
    }
    return undefined
  }
  const pull = await readPull(wait.reader, target.number)
  if (wait.head === undefined) {
    if (options.sha !== undefined && options.sha !== pull.headSha) {
      wait.head = { sha: options.sha, baseRef: pull.baseRef }
      return { conclusion: 'head-moved', message: `the pull request head is ${pull.headSha}, not the 'sha' input ${options.sha}: the verified sha would be stale` }
    }
    wait.head = { sha: pull.headSha, baseRef: pull.baseRef }
    wait.deps.log.info(`head ${pull.headSha}, base branch '${logText(pull.baseRef)}'`)
  } else if (pull.headSha !== wait.head.sha) {
    return { conclusion: 'head-moved', message: `the head moved from ${wait.head.sha} to ${pull.headSha} during the wait: the verified sha would be stale` }
  }
  return undefined
}

/** Reads one gate source; a permanent failure is a reading that says why, a transient one is retried next poll. */
async function readSource(source: GateSourceName, read: () => Promise<GateEntry[]>): Promise<SourceAnswer> {
  try {
    return { reading: { source, ok: true, entries: await read() } }
  } catch (error) {
    const { verdict, description } = explainFailure(error)
    if (verdict.kind === 'permanent') return { reading: { source, ok: false, reason: description } }
    return { pending: description }
  }
}

/** Reads both gate sources and folds them in; true when the required set changed. */
async function readGate(wait: Wait): Promise<boolean> {
  const { log } = wait.deps
  const branch = wait.head!.baseRef
  const [protection, ruleset] = await Promise.all([
    readSource('protection', () => readBranchGate(wait.reader, branch)),
    readSource('ruleset', () => readRulesGate(wait.reader, branch))
  ])
  const update = updateGate(wait.gate, { protection, ruleset }, wait.deps.now(), wait.settings.options)
  wait.gate = update.state
  for (const k of update.kept) log.warning(`re-reading ${sourceLabel(k.source)} failed (${logText(k.reason)}); keeping the last reading`)
  const required = update.state.required
  if (update.state.pendingWhy !== undefined) {
    if (required === undefined) log.info(`gate not read yet (${logText(update.state.pendingWhy)}); trying again next poll`)
    return false
  }
  if (update.changed && required !== undefined) {
    for (const note of required.notes) log.info(`gate: ${logText(note)}`)
    for (const r of required.readings) {
      if (!r.ok) log.warning(`${sourceLabel(r.source)} of '${logText(branch)}' could not be read: ${logText(r.reason)}`)
    }
    log.info(`required: ${logText(required.checks.map((c) => c.name + (c.appId ? ` (app ${c.appId})` : '')).join(', ')) || '(none)'}`)
  }
  return update.changed
}

/** Reads what the head shows and judges it against the gate. */
async function judgeChecks(wait: Wait, gateChanged: boolean): Promise<PollOutcome> {
  const { deps, settings } = wait
  const { options } = settings
  const required = wait.gate.required
  if (required?.mode === 'fail') {
    wait.evaluation = evaluateChecks({ required, runs: [], statuses: [], ignore: [], strict: true, failFast: true })
    return { end: { conclusion: 'failure', message: `no required checks known and on-no-gate is 'fail': ${required.notes.join('; ')}` } }
  }
  const sha = wait.head!.sha
  // With a few required names, query each by name: churn among the other checks then costs nothing.
  const names = required?.mode === 'gate' ? [...new Set(required.checks.map((c) => c.name))] : undefined
  const byName = names !== undefined && names.length <= MAX_NAMED_QUERIES ? names : undefined
  const [checkRuns, statuses] = await allReads<[Awaited<ReturnType<typeof readCheckRuns>>, Awaited<ReturnType<typeof readStatuses>>]>([
    readCheckRuns(wait.reader, sha, byName),
    readStatuses(wait.reader, sha)
  ])
  if (required === undefined) return { changed: gateChanged }
  const own = wait.own.current()
  const evaluation = evaluateChecks({
    required,
    runs: checkRuns.runs,
    statuses,
    ...(own ? { ownCheckRunId: own.id } : {}),
    ignore: options.ignore,
    strict: options.strict,
    failFast: wait.failFast
  })
  wait.evaluation = evaluation
  if (evaluation.ignoredRequired.length > 0 && !wait.warnedIgnored) {
    wait.warnedIgnored = true
    deps.log.warning(`'ignore' matches required check(s) ${logText(evaluation.ignoredRequired.join(', '))}: required checks are never ignored (GitHub would block the merge on them)`)
  }
  const changed = reportProgress(wait, evaluation) || gateChanged
  // A success needs a consistent listing (pages that shifted may hide a run) and a gate read in full this time round.
  const consistent = checkRuns.runs.length >= checkRuns.totalCount
  if (evaluation.verdict === 'failure') return { end: { conclusion: 'failure', message: evaluation.line } }
  if (evaluation.verdict === 'success' && consistent && wait.gate.pendingWhy === undefined) return { end: { conclusion: 'success', message: evaluation.line } }
  return { changed }
}

/** Logs a change, or now and then that the wait is still alive; true when something changed. */
function reportProgress(wait: Wait, evaluation: Evaluation): boolean {
  const { deps } = wait
  const key = observationKey(evaluation)
  if (key !== wait.lastKey) {
    wait.lastKey = key
    wait.lastReportAt = deps.now()
    deps.log.info(`poll ${wait.polls}: ${logText(evaluation.line)}`)
    return true
  }
  if (deps.now() - wait.lastReportAt >= HEARTBEAT_MS) {
    // A quiet hour-long wait still shows it is alive, and what it costs so far.
    wait.lastReportAt = deps.now()
    const so = requestDelta(deps.client, wait.statsAtStart)
    deps.log.info(
      `still waiting after ${formatMs(deps.now() - wait.startedAt)} (poll ${wait.polls}, ${so.counted} counted requests, ${so.notModified} not modified): ${logText(evaluation.line)}`
    )
  }
  return false
}

function finish(wait: Wait, end: PollEnd): WaitCiResult {
  const { settings, deps } = wait
  const required = wait.gate.required
  const own = wait.own.current()
  return {
    conclusion: end.conclusion,
    sha: wait.head?.sha ?? settings.options.sha ?? '',
    target: settings.target,
    ...(settings.target.kind === 'pull-request' ? { pullRequest: settings.target.number } : {}),
    message: end.message,
    mode: required?.mode ?? 'unknown',
    checks: wait.evaluation?.checks ?? [],
    gateNotes: required?.notes ?? [],
    readings: Object.values(wait.gate.readings).map((r) => (r.ok ? { source: r.source, ok: true } : { source: r.source, ok: false, reason: r.reason })),
    requests: requestDelta(deps.client, wait.statsAtStart),
    polls: wait.polls,
    elapsedMs: deps.now() - wait.startedAt,
    ...(own ? { ownCheckRun: own } : {})
  }
}

function timeoutMessage(reason: string, evaluation: Evaluation | undefined, gatePendingWhy: string | undefined): string {
  const parts = [`timed out: ${reason}`]
  if (gatePendingWhy) parts.push(`the gate could not be read (${gatePendingWhy})`)
  const checks = evaluation?.checks ?? []
  const missing = checks.filter((c) => c.state === 'missing').map((c) => c.name)
  const pending = checks.filter((c) => c.state === 'pending').map((c) => `${c.name} (${c.detail})`)
  const failed = checks.filter((c) => c.state === 'failed').map((c) => `${c.name} (${c.detail})`)
  for (const name of missing) parts.push(`missing required check: ${name}`)
  if (pending.length > 0) parts.push(`still pending: ${pending.join(', ')}`)
  if (failed.length > 0) parts.push(`failed: ${failed.join(', ')}`)
  if (evaluation === undefined) parts.push('no poll completed')
  else if (checks.length === 0) parts.push('no checks were observed on the head')
  return parts.join('; ')
}

function requestDelta(client: GitHubClient, start: ReturnType<GitHubClient['stats']>): RequestCounts {
  const now = client.stats()
  return { counted: now.counted - start.counted, notModified: now.notModified - start.notModified, total: now.requests - start.requests }
}

/**
 * Dates the commit statuses that decided (the combined view only has the newest status of a
 * context, created when it finished) from the status history: one request, only when a status
 * was judged, and best effort: the verdict never depends on it.
 */
async function withStatusDurations(result: WaitCiResult, wait: Wait): Promise<WaitCiResult> {
  const dated = result.checks.filter((c) => c.kind === 'status' && c.state !== 'pending')
  if (dated.length === 0 || result.sha === '') return result
  const { client, log } = wait.deps
  try {
    const durations = statusDurations(await readStatusHistory(wait.reader, result.sha))
    const checks = result.checks.map((c) =>
      c.kind === 'status' && c.state !== 'pending' && durations.has(c.name) ? { ...c, durationMs: durations.get(c.name)! } : c
    )
    return { ...result, checks, requests: requestDelta(client, wait.statsAtStart) }
  } catch (error) {
    log.info(`status history not read (${logText(describeFailure(error))}); times to complete of statuses left out`)
    return { ...result, requests: requestDelta(client, wait.statsAtStart) }
  }
}

// Rereads of an UNKNOWN mergeability: a few seconds at most, after the wait already ended.
const DIAGNOSIS_READS = 2

/**
 * After a failed or timed-out wait on a pull request, reads once what else blocks its merge
 * (reviews, conversations, the branch), so a pipeline sees the next gate before it tries to
 * merge. Best effort: a failed read never changes the conclusion or the outputs.
 */
async function withDiagnosis(result: WaitCiResult, wait: Wait): Promise<WaitCiResult> {
  const { target } = wait.settings
  if (target.kind !== 'pull-request' || result.sha === '' || (result.conclusion !== 'failure' && result.conclusion !== 'timed_out')) return result
  const { client, log, sleep } = wait.deps
  try {
    const facts = await readMergeFacts(client, wait.settings.repository, target.number, { sleep, maxReads: DIAGNOSIS_READS, log: (m) => log.info(m) })
    return { ...result, diagnosis: diagnose(facts), requests: requestDelta(client, wait.statsAtStart) }
  } catch (error) {
    log.info(`Could not read what else blocks pull request #${target.number} (${logText(describeFailure(error))}); the outcome above stands, without a diagnosis.`)
    return { ...result, requests: requestDelta(client, wait.statsAtStart) }
  }
}
