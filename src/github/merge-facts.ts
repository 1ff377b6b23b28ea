/**
 * The reads behind a merge diagnosis, all open to the default token (no
 * administration access): the pull request (REST, which also starts GitHub's
 * mergeability computation, then one GraphQL query), the active rules of the
 * base, classic protection as the branch endpoint shows it, the required
 * checks' states read and judged as wait-ci does, and the compare view when a
 * strict gate makes "behind" matter. An UNKNOWN mergeability is read again
 * with backoff before anything is decided.
 */
import { createEtagCache } from './conditional.js'
import type { GitHubClient } from './client.js'
import { tokenOwner } from './token-owner.js'
import type { RepositoryRef } from './context.js'
import { expectList, expectShape, MalformedResponseError, requiredFromBranch, requiredFromRules } from './responses.js'
import { explainFailure } from '../core/transient.js'
import { backoffDelay, type BackoffPolicy } from '../core/backoff.js'
import { evaluateChecks, type CheckVerdict } from '../core/check-state.js'
import { buildRequiredSet, type GateReading } from '../core/required-checks.js'
import {
  needsReread,
  type BranchProtectionFact,
  type BranchRuleFact,
  type MergeFacts,
  type Mergeable,
  type MergeStateStatus,
  type Reading,
  type ReviewDecision
} from '../core/diagnosis.js'
import { MAX_NAMED_QUERIES, readCheckRuns, readPull, readStatuses, type Reader } from './ci-reads.js'

/** The one GraphQL read: everything about the pull request REST does not say (reviews, threads, queue, commits). */
export const MERGE_FACTS_QUERY = `query PurpleMergeFacts($owner: String!, $name: String!, $number: Int!) {
  repository(owner: $owner, name: $name) {
    pullRequest(number: $number) {
      number
      state
      isDraft
      headRefOid
      baseRefName
      author { login }
      mergeable
      mergeStateStatus
      reviewDecision
      isInMergeQueue
      mergeQueueEntry { state position }
      latestOpinionatedReviews(first: 100, writersOnly: true) { nodes { state author { login } commit { oid } } }
      reviewRequests(first: 100) {
        nodes {
          asCodeOwner
          requestedReviewer {
            __typename
            ... on User { login }
            ... on Bot { login }
            ... on Mannequin { login }
            ... on Team { combinedSlug }
          }
        }
      }
      reviewThreads(first: 100) { totalCount nodes { isResolved } }
      commits(last: 100) { totalCount nodes { commit { oid parents { totalCount } signature { isValid } } } }
      headCommit: commits(last: 1) {
        nodes {
          commit {
            oid
            checkSuites(first: 1) { totalCount }
            deployments(last: 50) { nodes { environment latestStatus { state } } }
          }
        }
      }
      files(first: 100) { totalCount nodes { path } }
    }
  }
}`

export interface MergeFactsOptions {
  readonly sleep: (ms: number) => Promise<void>
  /** Reads of an UNKNOWN mergeability before giving up on it (default 5). */
  readonly maxReads?: number
  /** Waits between those reads (default 1 s doubling to 8 s, no jitter). */
  readonly backoff?: BackoffPolicy
  readonly log?: (message: string) => void
}

export const DEFAULT_REREAD_BACKOFF: BackoffPolicy = Object.freeze({ baseMs: 1000, maxMs: 8000, factor: 2, jitter: 0 })

interface Node<T> {
  nodes: (T | null)[] | null
}
interface GraphPull {
  number: number
  state: 'OPEN' | 'CLOSED' | 'MERGED'
  isDraft: boolean
  headRefOid: string
  baseRefName: string
  author: { login: string } | null
  mergeable: Mergeable
  mergeStateStatus: MergeStateStatus
  reviewDecision: ReviewDecision
  isInMergeQueue: boolean
  mergeQueueEntry: { state: string; position: number } | null
  latestOpinionatedReviews: Node<{ state: string; author: { login: string } | null; commit: { oid: string } | null }> | null
  reviewRequests: Node<{ asCodeOwner: boolean; requestedReviewer: { __typename: string; login?: string; combinedSlug?: string } | null }> | null
  reviewThreads: (Node<{ isResolved: boolean }> & { totalCount: number }) | null
  commits: (Node<{ commit: { oid: string; parents: { totalCount: number }; signature: { isValid: boolean } | null } }> & { totalCount: number }) | null
  headCommit: Node<{
    commit: { oid: string; checkSuites: { totalCount: number } | null; deployments: Node<{ environment: string | null; latestStatus: { state: string } | null }> | null }
  }>
  files: (Node<{ path: string }> & { totalCount: number }) | null
}

const present = <T>(list: Node<T> | null | undefined): T[] => (list?.nodes ?? []).filter((n): n is T => n !== null)

type GraphData = { repository: { pullRequest: GraphPull | null } | null }

/** The pull request, and the fields GitHub refused to resolve (a token without e.g. deployments access gets partial data). */
async function readGraphPull(client: GitHubClient, repo: RepositoryRef, pullNumber: number): Promise<GraphPull & { denied: Set<string> }> {
  let data: GraphData | undefined
  const denied = new Set<string>()
  try {
    data = await client.octokit.graphql<GraphData>(MERGE_FACTS_QUERY, { owner: repo.owner, name: repo.repo, number: pullNumber })
  } catch (error) {
    const partial = error as { name?: string; data?: GraphData; errors?: { path?: (string | number)[] }[] }
    if (partial.name !== 'GraphqlResponseError' || !partial.data?.repository?.pullRequest) throw error
    data = partial.data
    // A field that errored is null in the data: it is unread, never "none".
    for (const e of partial.errors ?? []) for (const key of e.path ?? []) if (typeof key === 'string') denied.add(key)
  }
  const pull = data?.repository?.pullRequest
  if (!pull) throw new MalformedResponseError(`malformed response: GraphQL pull request #${pullNumber}: no repository.pullRequest`)
  const checked = expectShape<GraphPull>(`GraphQL pull request #${pullNumber}`, pull, {
    state: 'string',
    isDraft: 'boolean',
    headRefOid: 'string',
    baseRefName: 'string',
    mergeable: 'string',
    mergeStateStatus: 'string',
    commits: 'object?',
    headCommit: 'object?'
  })
  return { ...checked, denied }
}

/** A read that may fail without spoiling the diagnosis: a bad token still fails the whole run. */
async function attempt<T>(what: string, read: () => Promise<T>): Promise<Reading<T>> {
  try {
    return { ok: true, value: await read() }
  } catch (error) {
    if ((error as { status?: unknown }).status === 401) throw error
    const { verdict, description } = explainFailure(error)
    return { ok: false, reason: `${what} could not be read (${verdict.kind === 'permanent' ? '' : 'after retries: '}${description})` }
  }
}

type Request = (route: string, parameters?: Record<string, unknown>) => Promise<{ data: unknown }>
const requestOf = (client: GitHubClient): Request => client.octokit.request as unknown as Request

async function readRules(client: GitHubClient, repo: RepositoryRef, branch: string): Promise<BranchRuleFact[]> {
  const rules: BranchRuleFact[] = []
  for (let page = 1; page <= 10; page++) {
    const { data } = await requestOf(client)('GET /repos/{owner}/{repo}/rules/branches/{branch}', { ...repo, branch, per_page: 100, page })
    const list = expectList<{ type: string; parameters?: Record<string, unknown>; ruleset_id?: number; ruleset_source_type?: string; ruleset_source?: string }>(
      `rules of branch '${branch}'`,
      data,
      '',
      { type: 'string' }
    )
    for (const r of list) {
      rules.push({
        type: r.type,
        ...(r.parameters ? { parameters: r.parameters } : {}),
        ...(typeof r.ruleset_id === 'number' ? { rulesetId: r.ruleset_id } : {}),
        ...(typeof r.ruleset_source_type === 'string' ? { sourceType: r.ruleset_source_type } : {}),
        ...(typeof r.ruleset_source === 'string' ? { source: r.ruleset_source } : {})
      })
    }
    if (list.length < 100) break
  }
  return rules
}

/** Names the rulesets behind the rules (one read per ruleset, best effort: a rule without its name is still judged). */
async function withRulesetNames(client: GitHubClient, repo: RepositoryRef, rules: BranchRuleFact[]): Promise<BranchRuleFact[]> {
  const ids = [...new Set(rules.map((r) => r.rulesetId).filter((id): id is number => id !== undefined))]
  const names = new Map<number, string>()
  await Promise.all(
    ids.map(async (id) => {
      try {
        const { data } = await requestOf(client)('GET /repos/{owner}/{repo}/rulesets/{ruleset_id}', { ...repo, ruleset_id: id, includes_parents: true })
        names.set(id, expectShape<{ name: string }>(`ruleset ${id}`, data, { name: 'string' }).name)
      } catch (error) {
        if ((error as { status?: unknown }).status === 401) throw error
      }
    })
  )
  return rules.map((r) => {
    const name = r.rulesetId === undefined ? undefined : names.get(r.rulesetId)
    return name === undefined ? r : { ...r, rulesetName: name }
  })
}

async function readBranch(client: GitHubClient, repo: RepositoryRef, branch: string): Promise<BranchProtectionFact & { raw: unknown }> {
  const { data } = await requestOf(client)('GET /repos/{owner}/{repo}/branches/{branch}', { ...repo, branch })
  const entries = requiredFromBranch(`branch '${branch}'`, data)
  return { protected: (data as { protected?: unknown }).protected === true, requiredChecks: entries.map((e) => e.name), raw: data }
}

async function readBehindBy(client: GitHubClient, repo: RepositoryRef, base: string, head: string): Promise<number> {
  const { data } = await requestOf(client)('GET /repos/{owner}/{repo}/compare/{basehead}', { ...repo, basehead: `${base}...${head}`, per_page: 1 })
  return expectShape<{ behind_by: number }>(`compare ${base}...${head.slice(0, 7)}`, data, { behind_by: 'number' }).behind_by
}

/** The required checks of the head, judged as wait-ci judges them (every required name; a missing one is missing). */
async function readRequiredChecks(reader: Reader, headSha: string, readings: readonly GateReading[]): Promise<Reading<readonly CheckVerdict[]>> {
  if (readings.every((r) => !r.ok)) return { ok: false, reason: 'neither classic protection nor the rulesets could be read, so the required checks are unknown' }
  const required = buildRequiredSet(readings, '', 'all-observed')
  if (required.mode !== 'gate') return { ok: true, value: [] }
  return attempt('the check runs and statuses of the head', async () => {
    const names = [...new Set(required.checks.map((c) => c.name))]
    const [runs, statuses] = await Promise.all([
      readCheckRuns(reader, headSha, names.length <= MAX_NAMED_QUERIES ? names : undefined),
      readStatuses(reader, headSha)
    ])
    return evaluateChecks({ required, runs: runs.runs, statuses, ignore: [], strict: true, failFast: false }).checks
  })
}

/**
 * Reads every fact the diagnosis needs for one pull request. Rereads the
 * GraphQL pull request (with `options.sleep` between) while GitHub reports
 * its mergeability as UNKNOWN, up to `maxReads`.
 */
export async function readMergeFacts(client: GitHubClient, repo: RepositoryRef, pullNumber: number, options: MergeFactsOptions): Promise<MergeFacts> {
  const reader: Reader = { client, repo, etags: createEtagCache() }
  const maxReads = Math.max(1, options.maxReads ?? 5)
  // The REST read asks GitHub to compute mergeability when it has not yet.
  await readPull(reader, pullNumber)
  let graph = await readGraphPull(client, repo, pullNumber)
  let reads = 1
  while (reads < maxReads && graph.state === 'OPEN' && needsReread({ pull: factsPull(graph, graph.headRefOid, reads) })) {
    const delay = backoffDelay(reads, options.backoff ?? DEFAULT_REREAD_BACKOFF, () => 0)
    options.log?.(`GitHub has not computed mergeability yet (read ${reads}); reading again in ${delay} ms`)
    await options.sleep(delay)
    graph = await readGraphPull(client, repo, pullNumber)
    reads++
  }
  const headSha = graph.headRefOid
  const baseRef = graph.baseRefName

  const [rules, protection] = await Promise.all([
    attempt(`the rules of '${baseRef}'`, async () => withRulesetNames(client, repo, await readRules(client, repo, baseRef))),
    attempt(`classic protection of '${baseRef}' (GET /branches)`, () => readBranch(client, repo, baseRef))
  ])
  const readings: GateReading[] = [
    protection.ok
      ? { source: 'protection', ok: true, entries: requiredFromBranch(`branch '${baseRef}'`, protection.value.raw) }
      : { source: 'protection', ok: false, reason: protection.reason },
    rules.ok ? { source: 'ruleset', ok: true, entries: requiredFromRules(`rules of '${baseRef}'`, rules.value.map(toRestRule)) } : { source: 'ruleset', ok: false, reason: rules.reason }
  ]
  const checks = await readRequiredChecks(reader, headSha, readings)

  const strict =
    rules.ok &&
    rules.value.some((r) => r.type === 'required_status_checks' && r.parameters?.['strict_required_status_checks_policy'] === true)
  // Classic protection's strict flag is not in the branch endpoint, so a protected branch is compared too.
  const wantsCompare = strict || graph.mergeStateStatus === 'BEHIND' || (protection.ok && protection.value.protected)
  const behind = graph.state === 'OPEN' && wantsCompare ? await attempt('the compare view', () => readBehindBy(client, repo, baseRef, headSha)) : undefined

  const denied = graph.denied
  const commits = denied.has('commits') ? null : graph.commits
  const commitNodes = present(commits).map((n) => n.commit)
  const head = denied.has('headCommit') ? undefined : present(graph.headCommit)[0]?.commit
  const deployments: Record<string, string> = {}
  for (const d of present(head?.deployments)) if (d.environment && d.latestStatus) deployments[d.environment] = d.latestStatus.state
  const files = denied.has('files') ? null : graph.files
  const threads = denied.has('reviewThreads') ? null : graph.reviewThreads
  const workflowFiles = files && present(files).length >= files.totalCount ? present(files).map((f) => f.path).filter((p) => p.startsWith('.github/workflows/')) : null
  // Who merges matters only when the pull request changes workflow files: GitHub is asked only then.
  const mergingToken = client.tokenKind !== 'installation' ? client.tokenKind : workflowFiles?.length ? await tokenOwner(client) : 'unknown'

  return {
    pull: factsPull(graph, headSha, reads),
    reviewDecision: graph.reviewDecision ?? null,
    reviews: present(graph.latestOpinionatedReviews).map((r) => ({ author: r.author?.login ?? 'ghost', state: r.state, commitOid: r.commit?.oid ?? null })),
    reviewRequests: present(graph.reviewRequests)
      .filter((r) => r.requestedReviewer !== null)
      .map((r) => ({ reviewer: r.requestedReviewer?.login ?? r.requestedReviewer?.combinedSlug ?? r.requestedReviewer?.__typename ?? '?', asCodeOwner: r.asCodeOwner })),
    unresolvedThreads: threads
      ? { count: present(threads).filter((t) => !t.isResolved).length, complete: present(threads).length >= threads.totalCount }
      : null,
    mergeQueue: { inQueue: graph.isInMergeQueue, state: graph.mergeQueueEntry?.state ?? null, position: graph.mergeQueueEntry?.position ?? null },
    rules: rules.ok ? { ok: true, value: rules.value } : rules,
    protection: protection.ok ? { ok: true, value: { protected: protection.value.protected, requiredChecks: protection.value.requiredChecks } } : protection,
    checks,
    headCheckSuites: denied.has('checkSuites') ? null : (head?.checkSuites?.totalCount ?? null),
    behindBy: behind?.ok ? behind.value : null,
    commits: commits
      ? {
          unsigned: commitNodes.filter((c) => c.signature?.isValid !== true).map((c) => c.oid),
          merges: commitNodes.filter((c) => c.parents.totalCount > 1).map((c) => c.oid),
          complete: commitNodes.length >= commits.totalCount
        }
      : null,
    deployments: head && !denied.has('deployments') ? deployments : null,
    workflowFiles,
    mergingToken
  }
}

function factsPull(graph: GraphPull, headSha: string, reads: number): MergeFacts['pull'] {
  return {
    number: graph.number,
    state: graph.state,
    isDraft: graph.isDraft,
    headSha,
    baseRef: graph.baseRefName,
    author: graph.author?.login ?? null,
    mergeable: graph.mergeable,
    mergeStateStatus: graph.mergeStateStatus,
    reads
  }
}

// requiredFromRules reads GitHub's REST shape; the facts keep the rule in camel case.
function toRestRule(rule: BranchRuleFact): Record<string, unknown> {
  return { type: rule.type, ...(rule.parameters ? { parameters: rule.parameters } : {}) }
}
