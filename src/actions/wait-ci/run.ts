/**
 * wait-ci's work: read the gate, then poll the PR head's check runs and
 * statuses until every required check is green, one fails, the head moves or
 * the time runs out (issue 7, incident 3). Never `success` while a required
 * check is missing, pending or failing; an API error is never "zero checks".
 */
import * as core from '@actions/core'
import { createGitHubClient, type GitHubClient, type GitHubClientOptions } from '../../github/client.js'
import { createEtagCache } from '../../github/conditional.js'
import { readGitHubContext, requirePullRequest } from '../../github/context.js'
import { readClientSettings } from '../../github/inputs.js'
import { classifyFailure, describeFailure } from '../../core/transient.js'
import {
  buildRequiredSet,
  type GateEntry,
  type GateReading,
  type RequiredSet
} from '../../core/required-checks.js'
import { evaluateChecks, observationKey, statusDurations, type CheckVerdict, type Evaluation } from '../../core/check-state.js'
import { defaultPollPolicy, formatMs, planNextPoll, type PollPolicy } from '../../core/poll-schedule.js'
import { productionRuntime, type ActionLog } from '../runtime.js'
import { readWaitCiOptions, type WaitCiOptions } from './settings.js'
import {
  MAX_NAMED_QUERIES,
  findOwnCheckRun,
  readBranchGate,
  readCheckRuns,
  readPull,
  readRulesGate,
  readStatusHistory,
  readStatuses,
  type Reader
} from './github-reads.js'

type Env = Readonly<Record<string, string | undefined>>

/** The client's options and wait-ci's own, read once. */
export interface WaitCiSettings {
  readonly client: GitHubClientOptions
  readonly options: WaitCiOptions
}

/** Reads and validates every wait-ci input. */
export function readWaitCiSettings(env: Env = process.env): WaitCiSettings {
  return Object.freeze({ client: readClientSettings(env), options: readWaitCiOptions() })
}

export type WaitCiLog = ActionLog

/** What wait-ci talks to and waits with; tests and the pipeline pass their own. */
export interface WaitCiDeps {
  readonly client: GitHubClient
  readonly env: Env
  readonly now: () => number
  readonly sleep: (ms: number) => Promise<void>
  readonly log: WaitCiLog
  /** Overrides of the poll policy derived from the inputs (backoff cap, gate re-read period). */
  readonly poll?: Partial<PollPolicy>
}

/** Production deps: a client from the settings, the process env, the real clock. */
export function createWaitCiDeps(settings: WaitCiSettings, env: Env = process.env): WaitCiDeps {
  // timeout-seconds is a hard limit: past it the client starts no retry or rate-limit wait.
  const deadline = productionRuntime.now() + settings.options.timeoutMs
  return {
    ...productionRuntime,
    client: createGitHubClient({ ...settings.client, deadline }),
    env
  }
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
  readonly pullRequest: number
  /** One sentence: why the wait ended. */
  readonly message: string
  readonly mode: RequiredSet['mode'] | 'unknown'
  readonly checks: readonly CheckVerdict[]
  readonly gateNotes: readonly string[]
  readonly readings: readonly { source: string; ok: boolean; reason?: string }[]
  readonly requests: RequestCounts
  readonly polls: number
  readonly elapsedMs: number
  readonly ownCheckRun?: { id: number; via: 'input' | 'jobs-api' }
}

/** How often a wait where nothing changes says it is still waiting. */
const HEARTBEAT_MS = 5 * 60_000

type SourceState = { reading: GateReading } | { pending: string }

/** Reads one gate source; a permanent failure is a reading that says why, a transient one is retried next poll. */
async function readSource(
  source: 'protection' | 'ruleset',
  read: () => Promise<GateEntry[]>
): Promise<SourceState> {
  try {
    return { reading: { source, ok: true, entries: await read() } }
  } catch (error) {
    const verdict = classifyFailure(error)
    if (verdict.kind === 'permanent') return { reading: { source, ok: false, reason: describeFailure(error) } }
    return { pending: describeFailure(error) }
  }
}

function requestDelta(client: GitHubClient, start: ReturnType<GitHubClient['stats']>): RequestCounts {
  const now = client.stats()
  return {
    counted: now.counted - start.counted,
    notModified: now.notModified - start.notModified,
    total: now.requests - start.requests
  }
}

/** Waits on the PR head's required checks and returns a plain result (sets no outputs). */
export async function waitCi(settings: WaitCiSettings, deps: WaitCiDeps): Promise<WaitCiResult> {
  const result = await waitLoop(settings, deps)
  return await withStatusDurations(result, deps)
}

/**
 * Dates the commit statuses that decided (the combined view only has the newest status of a
 * context, created when it finished) from the status history: one request, only when a status
 * was judged, and best effort: the verdict never depends on it.
 */
async function withStatusDurations(result: WaitCiResult, deps: WaitCiDeps): Promise<WaitCiResult> {
  const dated = result.checks.filter((c) => c.kind === 'status' && c.state !== 'pending')
  if (dated.length === 0 || result.sha === '') return result
  const start = deps.client.stats()
  try {
    const repository = readGitHubContext(deps.env).repository
    const history = await readStatusHistory({ client: deps.client, repo: repository, etags: createEtagCache() }, result.sha)
    const durations = statusDurations(history)
    const checks = result.checks.map((c) =>
      c.kind === 'status' && c.state !== 'pending' && durations.has(c.name) ? { ...c, durationMs: durations.get(c.name)! } : c
    )
    return { ...result, checks, requests: addCounts(result.requests, deps.client, start) }
  } catch (error) {
    deps.log.info(`status history not read (${describeFailure(error)}); times to complete of statuses left out`)
    return { ...result, requests: addCounts(result.requests, deps.client, start) }
  }
}

function addCounts(counts: RequestCounts, client: GitHubClient, start: ReturnType<GitHubClient['stats']>): RequestCounts {
  const more = requestDelta(client, start)
  return { counted: counts.counted + more.counted, notModified: counts.notModified + more.notModified, total: counts.total + more.total }
}

async function waitLoop(settings: WaitCiSettings, deps: WaitCiDeps): Promise<WaitCiResult> {
  const { options } = settings
  const { client, log } = deps
  const context = readGitHubContext(deps.env)
  const pr = requirePullRequest(context, options.pullRequest)
  const reader: Reader = { client, repo: context.repository, etags: createEtagCache() }
  const policy: PollPolicy = { ...defaultPollPolicy(options.intervalMs, options.timeoutMs), ...deps.poll }
  const statsAtStart = client.stats()
  const startedAt = deps.now()

  let headSha: string | undefined
  let baseRef: string | undefined
  let own: WaitCiResult['ownCheckRun'] =
    options.checkRunId !== undefined ? { id: options.checkRunId, via: 'input' } : undefined
  let ownLookupDone = own !== undefined
  const sources: Record<'protection' | 'ruleset', GateReading | undefined> = { protection: undefined, ruleset: undefined }
  let gatePendingWhy: string | undefined
  let lastGateReadAt = Number.NEGATIVE_INFINITY
  let required: RequiredSet | undefined
  let evaluation: Evaluation | undefined
  let lastKey = ''
  let streak = 0
  let polls = 0
  let warnedIgnored = false
  let lastReportAt = startedAt

  const finish = (conclusion: WaitCiConclusion, message: string): WaitCiResult => ({
    conclusion,
    sha: headSha ?? options.sha ?? '',
    pullRequest: pr.number,
    message,
    mode: required?.mode ?? 'unknown',
    checks: evaluation?.checks ?? [],
    gateNotes: required?.notes ?? [],
    readings: Object.values(sources)
      .filter((r): r is GateReading => r !== undefined)
      .map((r) => (r.ok ? { source: r.source, ok: true } : { source: r.source, ok: false, reason: r.reason })),
    requests: requestDelta(client, statsAtStart),
    polls,
    elapsedMs: deps.now() - startedAt,
    ...(own ? { ownCheckRun: own } : {})
  })

  log.info(`wait-ci: pull request #${pr.number} of ${context.repository.owner}/${context.repository.repo}`)
  for (;;) {
    polls++
    let changed = false
    let notBefore: number | undefined
    let decided: Evaluation | undefined
    try {
      // 1. The head: judged only as read at the start; a move makes any verdict stale.
      const pull = await readPull(reader, pr.number)
      if (headSha === undefined) {
        if (options.sha !== undefined && options.sha !== pull.headSha) {
          headSha = options.sha
          return finish('head-moved', `the pull request head is ${pull.headSha}, not the 'sha' input ${options.sha}: the verified sha would be stale`)
        }
        headSha = pull.headSha
        baseRef = pull.baseRef
        log.info(`head ${headSha}, base branch '${baseRef}'`)
      } else if (pull.headSha !== headSha) {
        return finish('head-moved', `the head moved from ${headSha} to ${pull.headSha} during the wait: the verified sha would be stale`)
      }

      // 2. This job's own check run, so it is never waited on.
      if (!ownLookupDone) {
        ownLookupDone = true
        const runId = Number(deps.env['GITHUB_RUN_ID'])
        const attempt = Number(deps.env['GITHUB_RUN_ATTEMPT'] ?? '1')
        if (Number.isInteger(runId) && runId > 0) {
          try {
            const found = await findOwnCheckRun(reader, {
              runId,
              attempt: Number.isInteger(attempt) && attempt > 0 ? attempt : 1,
              ...(deps.env['RUNNER_NAME'] ? { runnerName: deps.env['RUNNER_NAME'] } : {}),
              ...(deps.env['GITHUB_JOB'] ? { jobKey: deps.env['GITHUB_JOB'] } : {})
            })
            if (found) {
              own = { id: found.checkRunId, via: 'jobs-api' }
              log.info(`this job's check run: ${found.checkRunId} ('${found.name}'), from the jobs API of run ${runId}`)
            } else {
              log.warning(`could not tell this job's check run among the jobs of run ${runId}; if its name is a required check, the wait cannot pass`)
            }
          } catch (error) {
            if (classifyFailure(error).kind !== 'permanent') {
              // Not blocking: without the id this job only looks pending, which can never pass early.
              ownLookupDone = false
              log.info(`jobs of run ${runId} not read (${describeFailure(error)}); trying again next poll`)
            } else {
              log.warning(`could not read the jobs of run ${runId} to find this job's check run (${describeFailure(error)}); grant 'actions: read' or pass 'check-run-id'`)
            }
          }
        } else {
          log.info("no 'check-run-id' and no GITHUB_RUN_ID: this job's own check run is unknown (fine outside GitHub Actions)")
        }
      }

      // 3. The gate, now and then again: rules can change during a long wait.
      const now = deps.now()
      if (required === undefined || gatePendingWhy !== undefined || now - lastGateReadAt >= policy.gateRefreshMs) {
        const branch = baseRef!
        const [protection, ruleset] = await Promise.all([
          readSource('protection', () => readBranchGate(reader, branch)),
          readSource('ruleset', () => readRulesGate(reader, branch))
        ])
        gatePendingWhy = undefined
        for (const [name, state] of [['protection', protection], ['ruleset', ruleset]] as const) {
          // Any failure keeps the last good reading: a gate is never shrunk by a read that failed, only by one that
          // succeeded (a 404 mid-wait must not drop `test` from the set and let the rest pass early).
          const previous = sources[name]
          if ('reading' in state && (state.reading.ok || previous === undefined || !previous.ok)) sources[name] = state.reading
          else if ('reading' in state) log.warning(`re-reading ${name === 'protection' ? 'branch protection' : 'rulesets'} failed (${state.reading.ok ? '' : state.reading.reason}); keeping the last reading`)
          else if (previous === undefined) gatePendingWhy = `${name === 'protection' ? 'branch protection' : 'rulesets'}: ${state.pending}`
        }
        if (gatePendingWhy === undefined) {
          lastGateReadAt = now
          const next = buildRequiredSet([sources.protection!, sources.ruleset!], options.required, options.onNoGate)
          if (required === undefined || JSON.stringify(next.checks) !== JSON.stringify(required.checks)) {
            changed = true
            for (const note of next.notes) log.info(`gate: ${note}`)
            for (const r of next.readings) {
              if (!r.ok) log.warning(`${r.source === 'protection' ? 'branch protection' : 'rulesets'} of '${branch}' could not be read: ${r.reason}`)
            }
            log.info(`required: ${next.checks.map((c) => c.name + (c.appId ? ` (app ${c.appId})` : '')).join(', ') || '(none)'}`)
          }
          required = next
        } else if (required === undefined) {
          log.info(`gate not read yet (${gatePendingWhy}); trying again next poll`)
        }
      }

      if (required?.mode === 'fail') {
        evaluation = evaluateChecks({ required, runs: [], statuses: [], ignore: [], strict: true, failFast: true })
        return finish('failure', `no required checks known and on-no-gate is 'fail': ${required.notes.join('; ')}`)
      }

      // 4. What the head shows.
      // With a few required names, query each by name: churn among the other checks then costs nothing.
      const names = required?.mode === 'gate' ? [...new Set(required.checks.map((c) => c.name))] : undefined
      const byName = names !== undefined && names.length <= MAX_NAMED_QUERIES ? names : undefined
      const [checkRuns, statuses] = await Promise.all([readCheckRuns(reader, headSha, byName), readStatuses(reader, headSha)])
      // Pages that shifted under us (fewer runs than total_count) may hide a run: never a success from those.
      const consistent = checkRuns.runs.length >= checkRuns.totalCount
      if (required !== undefined) {
        evaluation = evaluateChecks({
          required,
          runs: checkRuns.runs,
          statuses,
          ...(own ? { ownCheckRunId: own.id } : {}),
          ignore: options.ignore,
          strict: options.strict,
          failFast: options.failFast
        })
        if (evaluation.ignoredRequired.length > 0 && !warnedIgnored) {
          warnedIgnored = true
          log.warning(`'ignore' matches required check(s) ${evaluation.ignoredRequired.join(', ')}: required checks are never ignored (GitHub would block the merge on them)`)
        }
        const key = observationKey(evaluation)
        if (key !== lastKey) {
          changed = true
          lastKey = key
          lastReportAt = deps.now()
          log.info(`poll ${polls}: ${evaluation.line}`)
        } else if (deps.now() - lastReportAt >= HEARTBEAT_MS) {
          // A quiet hour-long wait still shows it is alive, and what it costs so far.
          lastReportAt = deps.now()
          const so = requestDelta(client, statsAtStart)
          log.info(`still waiting after ${formatMs(deps.now() - startedAt)} (poll ${polls}, ${so.counted} counted requests, ${so.notModified} not modified): ${evaluation.line}`)
        }
        // A success needs a consistent listing and a gate read in full this time round.
        if (evaluation.verdict !== 'pending' && (evaluation.verdict === 'failure' || (consistent && gatePendingWhy === undefined))) {
          decided = evaluation
        }
      }
    } catch (error) {
      const verdict = classifyFailure(error, { now: deps.now() })
      const what = describeFailure(error, { now: deps.now() })
      if (verdict.kind === 'permanent') {
        return finish('failure', `GitHub refused a read the wait needs: ${what}`)
      }
      // The client already retried; the wait goes on and asks again at the next poll.
      log.warning(`poll ${polls} failed: ${what}; the wait goes on`)
      if (verdict.kind === 'rate-limited' && verdict.retryAfterMs !== undefined) notBefore = deps.now() + verdict.retryAfterMs
    }

    if (decided?.verdict === 'success') return finish('success', decided.line)
    if (decided?.verdict === 'failure') return finish('failure', decided.line)

    const plan = planNextPoll(policy, {
      startedAt,
      now: deps.now(),
      changed,
      unchangedStreak: streak,
      lastGateReadAt: Number.isFinite(lastGateReadAt) ? lastGateReadAt : startedAt,
      ...(notBefore !== undefined ? { notBefore } : {})
    })
    if (plan.action === 'timeout') return finish('timed_out', timeoutMessage(plan.reason, evaluation, gatePendingWhy))
    streak = plan.unchangedStreak
    await deps.sleep(plan.delayMs)
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

/** Sets every output and writes the job summary; never throws on a non-success (the caller decides). */
export async function writeWaitCiOutputs(result: WaitCiResult): Promise<void> {
  core.setOutput('conclusion', result.conclusion)
  core.setOutput('sha', result.sha)
  core.setOutput(
    'required',
    JSON.stringify(
      result.checks.map((c) => ({
        name: c.name,
        ...(c.appId !== undefined ? { app_id: c.appId } : {}),
        sources: c.sources,
        state: c.state
      }))
    )
  )
  core.setOutput(
    'failed',
    JSON.stringify(result.checks.filter((c) => c.state === 'failed').map((c) => ({ name: c.name, conclusion: c.detail, url: c.url ?? null })))
  )
  core.setOutput(
    'pending',
    JSON.stringify(
      result.checks.filter((c) => c.state === 'pending' || c.state === 'missing').map((c) => ({ name: c.name, state: c.state, detail: c.detail }))
    )
  )
  core.setOutput(
    'api-requests',
    JSON.stringify({ counted: result.requests.counted, not_modified: result.requests.notModified, total: result.requests.total })
  )
  await writeSummary(result)
}

const stateLabel: Record<CheckVerdict['state'], string> = {
  success: '✅ success',
  pending: '⏳ pending',
  failed: '❌ failed',
  missing: '⌛ not registered',
  self: '↩️ this job'
}

async function writeSummary(result: WaitCiResult): Promise<void> {
  const head = result.sha ? `\`${result.sha.slice(0, 12)}\`` : '(unknown)'
  const summary = core.summary
    .addHeading(`wait-ci: ${result.conclusion}`, 2)
    .addRaw(`Pull request #${result.pullRequest}, head ${head}. ${escape(result.message)}`, true)
  const rows = result.checks.map((c) => [
    escape(c.name) + (c.appId !== undefined ? ` (app ${c.appId})` : ''),
    `${stateLabel[c.state]} (${escape(c.detail)})`,
    c.sources.join(', '),
    c.url ? `<a href="${escape(c.url)}">details</a>` : '',
    c.durationMs !== undefined ? formatMs(c.durationMs) : ''
  ])
  if (rows.length > 0) {
    summary.addTable([
      [
        { data: 'check', header: true },
        { data: 'state', header: true },
        { data: 'source', header: true },
        { data: 'link', header: true },
        { data: 'time to complete', header: true }
      ],
      ...rows
    ])
  } else {
    summary.addRaw('<p>No required checks were observed.</p>', true)
  }
  summary.addHeading('Gate sources', 3)
  const notes = result.gateNotes.length > 0 ? result.gateNotes : ['the gate was not read']
  summary.addList(notes.map(escape))
  summary.addRaw(
    `<p>API requests: ${result.requests.counted} counted against the rate limit, ${result.requests.notModified} answered 304 Not Modified (free), ${result.requests.total} in all, over ${result.polls} poll(s) in ${formatMs(result.elapsedMs)}.</p>`,
    true
  )
  await summary.write()
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** The action body: read settings, wait, write outputs; non-zero unless the conclusion is success. */
export async function runWaitCiAction(): Promise<void> {
  const settings = readWaitCiSettings()
  let result: WaitCiResult
  try {
    result = await waitCi(settings, createWaitCiDeps(settings))
  } catch (error) {
    // Outputs in every case, so a workflow can route even this to a fix step.
    core.setOutput('conclusion', 'failure')
    core.setOutput('sha', settings.options.sha ?? '')
    throw error
  }
  await writeWaitCiOutputs(result)
  if (result.conclusion !== 'success') throw new Error(`wait-ci: ${result.conclusion}: ${result.message}`)
}
