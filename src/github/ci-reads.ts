/**
 * The reads of a commit's checks and gate (wait-ci's polls, the merge diagnosis), each a conditional GET with a stored ETag
 * (a 304 does not count against the rate limit), each answer parsed once into
 * typed observations so a cut or HTML body is a transient failure
 * (MalformedResponseError), never "zero checks".
 */
import { getWithEtag, type EtagCache } from './conditional.js'
import type { GitHubClient } from './client.js'
import {
  expectList,
  expectPullRequest,
  parseCheckRunsPage,
  parseCombinedStatus,
  parseStatusHistory,
  requiredFromBranch,
  requiredFromRules
} from './responses.js'
import type { RepositoryRef } from './context.js'
import type { ObservedCheckRun, ObservedStatus } from '../core/check-state.js'
import type { GateEntry } from '../core/required-checks.js'

const PER_PAGE = 100
// A bound on pages read per poll: 1,000 check runs on one sha is far past any real head.
const MAX_PAGES = 10

export interface Reader {
  readonly client: GitHubClient
  readonly repo: RepositoryRef
  readonly etags: EtagCache
}

/**
 * Waits for every read, then throws the first failure: a poll that fails leaves no read in
 * flight (its answer and ETag land before the next poll asks again).
 */
export async function allReads<T extends readonly unknown[]>(reads: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(reads)
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected')
  if (failed) throw failed.reason
  return settled.map((r) => (r as PromiseFulfilledResult<unknown>).value) as unknown as T
}

function request(reader: Reader) {
  return reader.client.octokit.request as unknown as Parameters<typeof getWithEtag>[0]
}

/** The pull request's head sha and base branch (`GET /repos/{o}/{r}/pulls/{n}`). */
export async function readPull(reader: Reader, pullNumber: number): Promise<{ headSha: string; baseRef: string }> {
  const answer = await getWithEtag(
    request(reader),
    'GET /repos/{owner}/{repo}/pulls/{pull_number}',
    { ...reader.repo, pull_number: pullNumber },
    reader.etags,
    (data) => expectPullRequest(`pull request #${pullNumber}`, data)
  )
  return { headSha: answer.data.head.sha, baseRef: answer.data.base.ref }
}

/**
 * Above this many required names, one listing of every run is cheaper than
 * one query per name. Below it, per-name queries keep churn of checks that are
 * not required (a head with 150 runs) from turning 304s into counted 200s.
 */
export const MAX_NAMED_QUERIES = 5

/**
 * The check runs of `sha` (all pages; `filter=latest`, the newest run per app
 * and name): every run, or with `names` only the runs of those names.
 */
export async function readCheckRuns(
  reader: Reader,
  sha: string,
  names?: readonly string[]
): Promise<{ runs: ObservedCheckRun[]; totalCount: number }> {
  if (names === undefined) return readCheckRunPages(reader, sha)
  const parts = await allReads(names.map((name) => readCheckRunPages(reader, sha, name)))
  return { runs: parts.flatMap((p) => p.runs), totalCount: parts.reduce((n, p) => n + p.totalCount, 0) }
}

async function readCheckRunPages(reader: Reader, sha: string, name?: string): Promise<{ runs: ObservedCheckRun[]; totalCount: number }> {
  const runs = new Map<number, ObservedCheckRun>()
  let totalCount = 0
  for (let page = 1; page <= MAX_PAGES; page++) {
    const answer = await getWithEtag(
      request(reader),
      'GET /repos/{owner}/{repo}/commits/{ref}/check-runs',
      { ...reader.repo, ref: sha, ...(name === undefined ? {} : { check_name: name }), per_page: PER_PAGE, page },
      reader.etags,
      (data) => parseCheckRunsPage(`check runs of ${sha.slice(0, 7)} page ${page}`, data)
    )
    totalCount = page === 1 ? answer.data.totalCount : totalCount
    // A run listed twice while pages shift between two reads is one run.
    for (const run of answer.data.runs) runs.set(run.id, run)
    if (page * PER_PAGE >= totalCount || answer.data.runs.length < PER_PAGE) break
  }
  return { runs: [...runs.values()], totalCount }
}

/** The newest status per context of `sha` (`GET /commits/{ref}/status`, all pages). */
export async function readStatuses(reader: Reader, sha: string): Promise<ObservedStatus[]> {
  const statuses = new Map<string, ObservedStatus>()
  for (let page = 1; page <= MAX_PAGES; page++) {
    const answer = await getWithEtag(
      request(reader),
      'GET /repos/{owner}/{repo}/commits/{ref}/status',
      { ...reader.repo, ref: sha, per_page: PER_PAGE, page },
      reader.etags,
      (data) => parseCombinedStatus(`combined status of ${sha.slice(0, 7)} page ${page}`, data)
    )
    for (const status of answer.data.statuses) if (!statuses.has(status.context)) statuses.set(status.context, status)
    if (page * PER_PAGE >= answer.data.totalCount || answer.data.statuses.length < PER_PAGE) break
  }
  return [...statuses.values()]
}

/** The status history of `sha` (newest first, first page: enough to date the contexts wait-ci decided on). */
export async function readStatusHistory(reader: Reader, sha: string): Promise<ObservedStatus[]> {
  const answer = await getWithEtag(
    request(reader),
    'GET /repos/{owner}/{repo}/commits/{ref}/statuses',
    { ...reader.repo, ref: sha, per_page: PER_PAGE },
    reader.etags,
    (data) => parseStatusHistory(`status history of ${sha.slice(0, 7)}`, data)
  )
  return answer.data
}

/** Classic protection's required checks through the branch endpoint (read access; the admin endpoints 403 the default token). */
export async function readBranchGate(reader: Reader, branch: string): Promise<GateEntry[]> {
  const answer = await getWithEtag(
    request(reader),
    'GET /repos/{owner}/{repo}/branches/{branch}',
    { ...reader.repo, branch },
    reader.etags,
    (data) => requiredFromBranch(`branch '${branch}'`, data)
  )
  return answer.data
}

/** Required checks of every active ruleset that applies to the branch (`GET /rules/branches/{b}`, all pages). */
export async function readRulesGate(reader: Reader, branch: string): Promise<GateEntry[]> {
  const entries: GateEntry[] = []
  for (let page = 1; page <= MAX_PAGES; page++) {
    const answer = await getWithEtag(
      request(reader),
      'GET /repos/{owner}/{repo}/rules/branches/{branch}',
      { ...reader.repo, branch, per_page: PER_PAGE, page },
      reader.etags,
      (data) => {
        const label = `rules of branch '${branch}' page ${page}`
        return { count: expectList(label, data, '', { type: 'string' }).length, entries: requiredFromRules(label, data) }
      }
    )
    entries.push(...answer.data.entries)
    if (answer.data.count < PER_PAGE) break
  }
  return entries
}

interface JobShape {
  id: number
  name: string
  status: string
  runner_name?: string | null
  check_run_url?: string
}

/**
 * This job's check run from the current run's jobs API, where the runner does
 * not pass `job.check_run_id`: the in-progress job on this runner (RUNNER_NAME),
 * else the in-progress job named like GITHUB_JOB. Undefined when none is unique.
 */
export async function findOwnCheckRun(
  reader: Reader,
  run: { runId: number; attempt: number; runnerName?: string; jobKey?: string }
): Promise<{ checkRunId: number; name: string } | undefined> {
  const jobs: JobShape[] = []
  for (let page = 1; page <= MAX_PAGES; page++) {
    const answer = await getWithEtag(
      request(reader),
      'GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs',
      { ...reader.repo, run_id: run.runId, attempt_number: run.attempt, per_page: PER_PAGE, page },
      reader.etags,
      (data) => expectList<JobShape>(`jobs of run ${run.runId}`, data, 'jobs', { id: 'number', name: 'string', status: 'string' })
    )
    jobs.push(...answer.data)
    if (answer.data.length < PER_PAGE) break
  }
  const running = jobs.filter((j) => j.status === 'in_progress')
  const onRunner = run.runnerName ? running.filter((j) => j.runner_name === run.runnerName) : []
  const byKey = (list: JobShape[]) => (run.jobKey ? list.filter((j) => j.name === run.jobKey) : [])
  const pick = [onRunner, byKey(onRunner), byKey(running)].find((list) => list.length === 1)?.[0]
  if (!pick) return undefined
  const fromUrl = /\/check-runs\/(\d+)$/.exec(pick.check_run_url ?? '')?.[1]
  return { checkRunId: fromUrl ? Number(fromUrl) : pick.id, name: pick.name }
}
