/**
 * The simulator's REST routes: authentication, the token permission model, the primary rate limit,
 * ETag/304, pagination, and one handler per GitHub operation. Merge rules follow GitHub's observed
 * 405/409 messages as they are publicly reported (docs/decisions.md, "A branch behind its base is
 * not a moved head" and "The merge call is never retried blindly"); where GitHub's exact wording is
 * unverified, README.md says so.
 */
import { createHash } from 'node:crypto'
import { minimatch } from 'minimatch'
import type { WireResponse } from './faults.js'
import { handleGraphql } from './graphql.js'
import { tickMergeQueue } from './merge-queue.js'
import { looksLikeJwt, verifyAppJwt, type AppKeys } from './jwt.js'
import {
  branchRuleShape,
  branchShape,
  checkRunShape,
  comparisonShape,
  fullRepositoryShape,
  installationShape,
  jobShape,
  protectionShape,
  pullShape,
  rateShape,
  rulesetShape,
  statusCheckPolicyShape,
  statusShape,
  workflowRunShape,
  checkSuiteShape
} from './shapes.js'
import type { Access, PermissionName, PermissionSet, SimBranch, SimCheckRun, SimPull, SimRule, SimState, SimStatus, SimToken } from './state.js'

export interface RouteRequest {
  method: string
  path: string
  query: Record<string, string>
  headers: Record<string, string | string[] | undefined>
  body: unknown
  token: string | null
}

export interface RouteContext {
  api: string
  state: SimState
  now: () => number
  iso: () => string
  nextId: () => number
  /** The App's key pair, generated on first use. */
  keys: () => AppKeys
  installationTokenTtlMs: number
  pendingCheckWord: 'expected' | 'pending'
  mintToken: () => string
  /** Shas the state has named so far (kept when a head moves, so an old head still resolves). */
  seenShas: Set<string>
  req: RouteRequest
}

export interface RouteResult {
  response: WireResponse
  operation: string | null
  counted: boolean
}

interface Handled {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

interface Route {
  method: string
  pattern: RegExp
  operation: string
  auth: 'token' | 'jwt' | 'optional'
  permission?: [PermissionName, Access]
  docs: string
  handler: (ctx: RouteContext, params: string[], token: SimToken | null) => Handled
}

const DOCS = 'https://docs.github.com/rest'

/** GitHub's error body. */
export function errorBody(status: number, message: string, docs = DOCS) {
  return { message, documentation_url: docs, status: String(status) }
}

function err(status: number, message: string, docs = DOCS): Handled {
  return { status, body: errorBody(status, message, docs) }
}

function perPage(q: Record<string, string>): { perPage: number; page: number } {
  const pp = Math.min(100, Math.max(1, Number.parseInt(q.per_page ?? '30', 10) || 30))
  const page = Math.max(1, Number.parseInt(q.page ?? '1', 10) || 1)
  return { perPage: pp, page }
}

/** Slices a list for per_page/page and builds GitHub's Link header (next, last, first, prev). */
function paginate<T>(ctx: RouteContext, items: T[]): { slice: T[]; headers: Record<string, string> } {
  const { perPage: pp, page } = perPage(ctx.req.query)
  const last = Math.max(1, Math.ceil(items.length / pp))
  const slice = items.slice((page - 1) * pp, page * pp)
  const link = (p: number): string => {
    const q = new URLSearchParams({ ...ctx.req.query, per_page: String(pp), page: String(p) })
    return `${ctx.api}${ctx.req.path}?${q.toString()}`
  }
  const rels: string[] = []
  if (page > 1) rels.push(`<${link(page - 1)}>; rel="prev"`)
  if (page < last) rels.push(`<${link(page + 1)}>; rel="next"`, `<${link(last)}>; rel="last"`)
  if (page > 1) rels.push(`<${link(1)}>; rel="first"`)
  return { slice, headers: rels.length ? { link: rels.join(', ') } : {} }
}

function has(perms: PermissionSet, name: PermissionName, level: Access): boolean {
  if (name === 'metadata') return true
  const p = perms[name]
  return p === 'write' || (p === 'read' && level === 'read')
}

function findPull(s: SimState, n: string): SimPull | undefined {
  return s.pulls.find((p) => String(p.number) === n)
}

function findBranch(s: SimState, name: string): SimBranch | undefined {
  return s.branches.find((b) => b.name === name)
}

/** Every commit the state names now, plus every one it named before (`seen`): a commit does not vanish when a head moves. */
function knownShas(s: SimState, seen: Set<string>): Set<string> {
  const shas = seen
  for (const b of s.branches) shas.add(b.sha)
  for (const p of s.pulls) {
    shas.add(p.head.sha)
    shas.add(p.base.sha)
    if (p.merge_commit_sha) shas.add(p.merge_commit_sha)
  }
  for (const c of s.checkRuns) shas.add(c.head_sha)
  for (const st of s.statuses) shas.add(st.sha)
  return shas
}

/** Resolves a ref path parameter (sha, branch or heads/branch) to a sha, as the commits endpoints do. */
function resolveRef(s: SimState, ref: string, seen: Set<string>): string | null {
  if (/^[0-9a-f]{40}$/.test(ref)) return knownShas(s, seen).has(ref) ? ref : null
  const name = ref.replace(/^(refs\/)?heads\//, '')
  return findBranch(s, name)?.sha ?? null
}

/** Active rulesets whose ref conditions include the branch. */
export function rulesFor(s: SimState, branch: string): { rule: SimRule; rs: SimState['rulesets'][number] }[] {
  const ref = `refs/heads/${branch}`
  const hit = (p: string): boolean =>
    p === '~ALL' || (p === '~DEFAULT_BRANCH' && branch === s.repository.default_branch) || minimatch(ref, p)
  const out: { rule: SimRule; rs: SimState['rulesets'][number] }[] = []
  for (const rs of s.rulesets) {
    if (rs.enforcement !== 'active') continue
    if (!rs.include.some(hit) || rs.exclude.some(hit)) continue
    for (const rule of rs.rules) out.push({ rule, rs })
  }
  return out
}

function newestRun(runs: SimCheckRun[]): SimCheckRun | undefined {
  return [...runs].sort((a, b) => (a.started_at === b.started_at ? b.id - a.id : a.started_at < b.started_at ? 1 : -1))[0]
}

type CheckState = 'success' | 'failing' | 'pending' | 'missing'

/** How GitHub's merge gate sees one required context on a sha (app-scoped when appId is set). */
export function requiredContextState(s: SimState, sha: string, context: string, appId: number | null | undefined): CheckState {
  const run = newestRun(s.checkRuns.filter((c) => c.head_sha === sha && c.name === context && (appId == null || c.app_id === appId)))
  if (run) {
    if (run.status !== 'completed') return 'pending'
    return run.conclusion === 'success' || run.conclusion === 'neutral' || run.conclusion === 'skipped' ? 'success' : 'failing'
  }
  if (appId == null) {
    const st = [...s.statuses].filter((x) => x.sha === sha && x.context === context).sort((a, b) => b.id - a.id)[0]
    if (st) return st.state === 'success' ? 'success' : st.state === 'pending' ? 'pending' : 'failing'
  }
  return 'missing'
}

/** GitHub's merge-blocking message for a set of required contexts, or null when all succeeded. */
function checksViolation(ctx: RouteContext, sha: string, required: { context: string; appId: number | null | undefined }[]): string | null {
  if (required.length === 0) return null
  const states = required.map((r) => ({ name: r.context, state: requiredContextState(ctx.state, sha, r.context, r.appId) }))
  const failing = states.filter((x) => x.state === 'failing')
  const waiting = states.filter((x) => x.state === 'pending' || x.state === 'missing')
  const total = required.length
  if (failing.length === 1 && waiting.length === 0) return `Required status check "${failing[0]?.name}" is failing.`
  if (failing.length > 0) return `${failing.length + waiting.length} of ${total} required status checks have not succeeded.`
  if (waiting.length === 0) return null
  const word = (w: { state: CheckState }): string => (w.state === 'pending' ? ctx.pendingCheckWord : 'expected')
  if (waiting.length === 1) return `Required status check "${waiting[0]?.name}" is ${word(waiting[0] as { state: CheckState })}.`
  const allPending = waiting.every((w) => w.state === 'pending')
  return `${waiting.length} of ${total} required status checks are ${allPending ? ctx.pendingCheckWord : 'expected'}.`
}

function reviewsMessage(n: number): string {
  return n === 1
    ? 'At least 1 approving review is required by reviewers with write access.'
    : `At least ${n} approving reviews are required by reviewers with write access.`
}

const MERGE_DOCS = 'https://docs.github.com/rest/pulls/pulls#merge-a-pull-request'

function merge(ctx: RouteContext, params: string[]): Handled {
  const s = ctx.state
  const p = findPull(s, params[2] ?? '')
  if (!p) return err(404, 'Not Found', MERGE_DOCS)
  const body = (ctx.req.body ?? {}) as { sha?: unknown; merge_method?: unknown; commit_title?: unknown; commit_message?: unknown }
  const method = body.merge_method ?? 'merge'
  if (method !== 'merge' && method !== 'squash' && method !== 'rebase') {
    return {
      status: 422,
      body: {
        message: 'Invalid request.\n\nmerge_method must be one of: merge, squash, rebase.',
        documentation_url: MERGE_DOCS,
        status: '422'
      }
    }
  }
  if (p.merged || p.state === 'closed') return err(405, 'Pull Request is not mergeable', MERGE_DOCS)
  if (body.sha !== undefined && body.sha !== p.head.sha) {
    return err(409, 'Head branch was modified. Review and try the merge again.', MERGE_DOCS)
  }
  if (p.draft) return err(405, 'Pull Request is still a draft', MERGE_DOCS)
  const r = s.repository
  if (method === 'merge' && !r.allow_merge_commit) return err(405, 'Merge commits are not allowed on this repository.', MERGE_DOCS)
  if (method === 'squash' && !r.allow_squash_merge) return err(405, 'Squash merges are not allowed on this repository.', MERGE_DOCS)
  if (method === 'rebase' && !r.allow_rebase_merge) return err(405, 'Rebase merges are not allowed on this repository.', MERGE_DOCS)
  if (p.mergeable === false) return err(405, 'Pull Request is not mergeable', MERGE_DOCS)

  // Strict gates refuse a head that is behind its base (observed as 409 in public reports).
  const prot = findBranch(s, p.base.ref)?.protection
  const strictRuleset = rulesFor(s, p.base.ref).some(
    ({ rule }) => rule.type === 'required_status_checks' && rule.parameters.strict_required_status_checks_policy
  )
  if (p.mergeable_state === 'behind' && (prot?.required_status_checks?.strict || strictRuleset)) {
    return err(409, 'Head branch is out of date. Review and try the merge again.', MERGE_DOCS)
  }

  // Classic branch protection: a failing check is reported before missing reviews, reviews before pending checks.
  if (prot) {
    const rsc = prot.required_status_checks
    const required = rsc
      ? [
          ...rsc.contexts.filter((c) => !rsc.checks.some((k) => k.context === c)).map((c) => ({ context: c, appId: null })),
          ...rsc.checks.map((k) => ({ context: k.context, appId: k.app_id }))
        ]
      : []
    const v = checksViolation(ctx, p.head.sha, required)
    if (v && !v.endsWith('expected.') && !v.endsWith(`${ctx.pendingCheckWord}.`)) return err(405, v, MERGE_DOCS)
    if (prot.required_approving_review_count && p.approvals < prot.required_approving_review_count) {
      return err(405, reviewsMessage(prot.required_approving_review_count), MERGE_DOCS)
    }
    if (v) return err(405, v, MERGE_DOCS)
  }

  // Rulesets: every violation is listed under one header (what merge's classifier must read).
  const violations: string[] = []
  const rules = rulesFor(s, p.base.ref)
  const rsChecks = rules.flatMap(({ rule }) =>
    rule.type === 'required_status_checks'
      ? rule.parameters.required_status_checks.map((c) => ({ context: c.context, appId: c.integration_id }))
      : []
  )
  const cv = checksViolation(ctx, p.head.sha, rsChecks)
  if (cv) violations.push(cv)
  for (const { rule } of rules) {
    if (rule.type === 'pull_request' && p.approvals < rule.parameters.required_approving_review_count) {
      violations.push(reviewsMessage(rule.parameters.required_approving_review_count))
    }
    if (rule.type === 'merge_queue') violations.push('Changes must be made through the merge queue')
  }
  if (violations.length > 0) {
    return err(405, `Repository rule violations found\n\n${violations.map((v) => `${v}\n\n`).join('')}`, MERGE_DOCS)
  }

  const sha = createHash('sha1').update(`merge:${p.number}:${p.head.sha}:${String(method)}`).digest('hex')
  const t = ctx.iso()
  p.merged = true
  p.state = 'closed'
  p.merged_at = t
  p.updated_at = t
  p.merge_commit_sha = sha
  p.mergeable = null
  p.mergeable_state = 'unknown'
  const base = findBranch(s, p.base.ref)
  if (base) base.sha = sha
  return { status: 200, body: { sha, merged: true, message: 'Pull Request successfully merged' } }
}

const UPDATE_BRANCH_DOCS = 'https://docs.github.com/rest/pulls/pulls#update-a-pull-request-branch'

/**
 * PUT /pulls/{n}/update-branch: merges the base into the head branch, giving the pull request a new head.
 * The 202 body is the documented example's; GitHub does the update in the background, the simulator at once.
 * A wrong `expected_head_sha` gets the documented 422 (the wording is invented: the docs give only the status).
 */
function updateBranch(ctx: RouteContext, params: string[]): Handled {
  const s = ctx.state
  const p = findPull(s, params[2] ?? '')
  if (!p) return err(404, 'Not Found', UPDATE_BRANCH_DOCS)
  const body = (ctx.req.body ?? {}) as { expected_head_sha?: unknown }
  if (p.state === 'closed') return err(422, 'Pull request is closed', UPDATE_BRANCH_DOCS)
  if (body.expected_head_sha !== undefined && body.expected_head_sha !== p.head.sha) {
    return err(422, "expected head sha didn't match current head ref.", UPDATE_BRANCH_DOCS)
  }
  if (p.mergeable_state !== 'behind') return err(422, 'There are no new commits on the base branch.', UPDATE_BRANCH_DOCS)
  ctx.seenShas.add(p.head.sha)
  const base = findBranch(s, p.base.ref)
  const next = createHash('sha1').update(`update-branch:${p.head.sha}:${base?.sha ?? p.base.sha}`).digest('hex')
  const head = findBranch(s, p.head.ref)
  if (head) head.sha = next
  p.head.sha = next
  p.base.sha = base?.sha ?? p.base.sha
  p.mergeable = true
  p.mergeable_state = 'clean'
  p.updated_at = ctx.iso()
  return { status: 202, body: { message: 'Updating pull request branch.', url: `https://github.com/repos/${s.repository.owner}/${s.repository.name}/pulls/${p.number}` } }
}

function checkRuns(ctx: RouteContext, params: string[]): Handled {
  const s = ctx.state
  const ref = decodeURIComponent(params[2] ?? '')
  const sha = resolveRef(s, ref, ctx.seenShas)
  if (!sha) return err(422, `No commit found for SHA: ${ref}`, 'https://docs.github.com/rest/checks/runs#list-check-runs-for-a-git-reference')
  const q = ctx.req.query
  let runs = s.checkRuns.filter((c) => c.head_sha === sha)
  if (q.check_name) runs = runs.filter((c) => c.name === q.check_name)
  if (q.status) runs = runs.filter((c) => c.status === q.status)
  if (q.app_id) runs = runs.filter((c) => String(c.app_id) === q.app_id)
  // filter=latest (the default) keeps the newest run per name *within one check suite*: a re-run in the same suite
  // hides the older run, but a run of an earlier suite on the same sha stays listed (as GitHub does; see
  // lewagon/wait-on-check-action#156), so clients must still pick the newest themselves.
  if ((q.filter ?? 'latest') === 'latest') {
    const key = (c: SimCheckRun): string => `${c.check_suite_id}\u0000${c.name}`
    const keep = new Map<string, SimCheckRun>()
    for (const c of runs) {
      const cur = keep.get(key(c))
      if (!cur || newestRun([cur, c]) === c) keep.set(key(c), c)
    }
    runs = runs.filter((c) => keep.get(key(c)) === c)
  }
  runs = [...runs].sort((a, b) => b.id - a.id)
  const { slice, headers } = paginate(ctx, runs)
  return { status: 200, headers, body: { total_count: runs.length, check_runs: slice.map((c) => checkRunShape(ctx.api, s, c)) } }
}

function combinedStatus(ctx: RouteContext, params: string[]): Handled {
  const s = ctx.state
  const ref = decodeURIComponent(params[2] ?? '')
  const sha = resolveRef(s, ref, ctx.seenShas)
  if (!sha) return err(404, `No commit found for SHA: ${ref}`, 'https://docs.github.com/rest/commits/statuses#get-the-combined-status-for-a-specific-reference')
  const latest = new Map<string, SimStatus>()
  for (const st of s.statuses.filter((x) => x.sha === sha)) {
    const cur = latest.get(st.context)
    if (!cur || st.id > cur.id) latest.set(st.context, st)
  }
  const all = [...latest.values()].sort((a, b) => b.id - a.id)
  const state =
    all.length === 0
      ? 'pending'
      : all.some((x) => x.state === 'error' || x.state === 'failure')
        ? 'failure'
        : all.some((x) => x.state === 'pending')
          ? 'pending'
          : 'success'
  const { slice, headers } = paginate(ctx, all)
  const full = `${s.repository.owner}/${s.repository.name}`
  return {
    status: 200,
    headers,
    body: {
      state,
      statuses: slice.map((x) => statusShape(ctx.api, s, x, false)),
      sha,
      total_count: all.length,
      repository: fullRepoMinimal(ctx),
      commit_url: `${ctx.api}/repos/${full}/commits/${sha}`,
      url: `${ctx.api}/repos/${full}/commits/${sha}/status`
    }
  }
}

/** Compares a base branch (or sha) with a pull request head: behind_by as the pull request models it. */
function compare(ctx: RouteContext, params: string[]): Handled {
  const docs = 'https://docs.github.com/rest/commits/commits#compare-two-commits'
  const s = ctx.state
  const basehead = decodeURIComponent(params[2] ?? '')
  const [base, head] = basehead.split('...')
  if (base === undefined || head === undefined) return err(404, 'Not Found', docs)
  const baseSha = resolveRef(s, base, ctx.seenShas)
  const headSha = resolveRef(s, head, ctx.seenShas)
  if (!baseSha || !headSha) return err(404, 'Not Found', docs)
  const pull = s.pulls.find((p) => p.head.sha === headSha)
  const ahead = baseSha === headSha ? [] : (pull?.commits?.map((c) => c.oid) ?? [headSha])
  const behind = pull ? (pull.behind_by ?? (pull.mergeable_state === 'behind' ? 1 : 0)) : 0
  return { status: 200, body: comparisonShape(ctx.api, s.repository, base, baseSha, head, ahead, behind) }
}

function fullRepoMinimal(ctx: RouteContext) {
  const { permissions: _p, organization: _o, network_count: _n, subscribers_count: _s, ...rest } = fullRepositoryShape(
    ctx.api,
    ctx.state.repository,
    {}
  )
  return rest
}

function listStatuses(ctx: RouteContext, params: string[]): Handled {
  const s = ctx.state
  const ref = decodeURIComponent(params[2] ?? '')
  const sha = resolveRef(s, ref, ctx.seenShas)
  if (!sha) return { status: 200, body: [] }
  const all = s.statuses.filter((x) => x.sha === sha).sort((a, b) => b.id - a.id)
  const { slice, headers } = paginate(ctx, all)
  return { status: 200, headers, body: slice.map((x) => statusShape(ctx.api, s, x, true)) }
}

function jobs(ctx: RouteContext, params: string[]): Handled {
  const s = ctx.state
  const runId = Number(params[2])
  const attempt = params[3] === undefined ? undefined : Number(params[3])
  const ofRun = s.jobs.filter((j) => j.run_id === runId)
  if (ofRun.length === 0) return err(404, 'Not Found', 'https://docs.github.com/rest/actions/workflow-jobs#list-jobs-for-a-workflow-run')
  let list: typeof ofRun
  if (attempt !== undefined) {
    list = ofRun.filter((j) => j.run_attempt === attempt)
    if (list.length === 0) return err(404, 'Not Found', 'https://docs.github.com/rest/actions/workflow-jobs#list-jobs-for-a-workflow-run-attempt')
  } else if ((ctx.req.query.filter ?? 'latest') === 'all') {
    list = ofRun
  } else {
    const max = Math.max(...ofRun.map((j) => j.run_attempt))
    list = ofRun.filter((j) => j.run_attempt === max)
  }
  list = [...list].sort((a, b) => a.id - b.id)
  const { slice, headers } = paginate(ctx, list)
  return { status: 200, headers, body: { total_count: list.length, jobs: slice.map((j) => jobShape(ctx.api, s, j)) } }
}

function accessToken(ctx: RouteContext, params: string[]): Handled {
  const s = ctx.state
  if (Number(params[0]) !== s.installation.id) return err(404, 'Not Found', 'https://docs.github.com/rest/apps/apps#create-an-installation-access-token-for-an-app')
  const body = (ctx.req.body ?? {}) as { permissions?: PermissionSet }
  const granted = s.installation.permissions
  let permissions: PermissionSet = { ...granted }
  if (body.permissions) {
    for (const [k, v] of Object.entries(body.permissions) as [PermissionName, Access][]) {
      if (!has(granted, k, v)) {
        return err(422, 'The permissions requested are not granted to this installation.', 'https://docs.github.com/rest/apps/apps#create-an-installation-access-token-for-an-app')
      }
    }
    permissions = { ...body.permissions }
  }
  const expiresAt = ctx.now() + ctx.installationTokenTtlMs
  const token = ctx.mintToken()
  s.tokens.push({
    token,
    kind: 'installation',
    permissions: { metadata: 'read', ...permissions },
    expiresAt,
    installationId: s.installation.id,
    rateLimit: { limit: 5000, used: 0, resetAt: ctx.now() + 3600_000 }
  })
  return {
    status: 201,
    body: {
      token,
      expires_at: new Date(expiresAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      permissions,
      repository_selection: 'selected'
    }
  }
}

/** The App is installed on the repository's owner only. */
function installationFor(ctx: RouteContext, account: string, docs: string): Handled {
  if (decodeURIComponent(account).toLowerCase() !== ctx.state.repository.owner.toLowerCase()) return err(404, 'Not Found', docs)
  return { status: 200, body: installationShape(ctx.api, ctx.state) }
}

/** GET /actions/runs: newest first, filtered by head_sha, event, branch and status as GitHub does. */
function workflowRuns(ctx: RouteContext): Handled {
  const q = ctx.req.query
  const runs = ctx.state.workflowRuns
    .filter((w) => (q.head_sha === undefined || w.head_sha === q.head_sha) && (q.event === undefined || w.event === q.event))
    .filter((w) => (q.branch === undefined || w.head_branch === q.branch) && (q.status === undefined || w.status === q.status || w.conclusion === q.status))
    .sort((a, b) => b.id - a.id)
  const { slice, headers } = paginate(ctx, runs)
  return { status: 200, headers, body: { total_count: runs.length, workflow_runs: slice.map((w) => workflowRunShape(ctx.api, ctx.state, w)) } }
}

/** GET /commits/{ref}/check-suites: one suite per check_suite_id of the sha's check runs and workflow runs. */
function checkSuites(ctx: RouteContext, params: string[]): Handled {
  const s = ctx.state
  const ref = decodeURIComponent(params[2] ?? '')
  const sha = resolveRef(s, ref, ctx.seenShas)
  if (!sha) return err(422, `No commit found for SHA: ${ref}`, 'https://docs.github.com/rest/checks/suites#list-check-suites-for-a-git-reference')
  type Suite = Parameters<typeof checkSuiteShape>[2]
  const suites = new Map<number, Suite>()
  for (const w of s.workflowRuns.filter((x) => x.head_sha === sha)) {
    suites.set(w.check_suite_id, { id: w.check_suite_id, head_sha: sha, head_branch: w.head_branch, app_id: 15368, status: w.status, conclusion: w.conclusion, runs: 0, at: w.created_at })
  }
  for (const c of s.checkRuns.filter((x) => x.head_sha === sha)) {
    const suite = suites.get(c.check_suite_id) ?? { id: c.check_suite_id, head_sha: sha, head_branch: null, app_id: c.app_id, status: c.status, conclusion: c.conclusion, runs: 0, at: c.started_at }
    suites.set(c.check_suite_id, { ...suite, runs: suite.runs + 1 })
  }
  const q = ctx.req.query
  const all = [...suites.values()].filter((x) => q.app_id === undefined || String(x.app_id) === q.app_id).sort((a, b) => b.id - a.id)
  const { slice, headers } = paginate(ctx, all)
  return { status: 200, headers, body: { total_count: all.length, check_suites: slice.map((x) => checkSuiteShape(ctx.api, s, x)) } }
}

const R = '^/repos/([^/]+)/([^/]+)'

const ROUTES: Route[] = [
  {
    method: 'GET',
    pattern: new RegExp(`${R}$`),
    operation: 'GET /repos/{owner}/{repo}',
    auth: 'token',
    permission: ['metadata', 'read'],
    docs: 'https://docs.github.com/rest/repos/repos#get-a-repository',
    handler: (ctx, _p, tok) => ({ status: 200, body: fullRepositoryShape(ctx.api, ctx.state.repository, tok?.permissions ?? {}) })
  },
  {
    method: 'GET',
    pattern: new RegExp(`${R}/pulls/(\\d+)$`),
    operation: 'GET /repos/{owner}/{repo}/pulls/{pull_number}',
    auth: 'token',
    permission: ['pull_requests', 'read'],
    docs: 'https://docs.github.com/rest/pulls/pulls#get-a-pull-request',
    handler: (ctx, p) => {
      const pull = findPull(ctx.state, p[2] ?? '')
      return pull ? { status: 200, body: pullShape(ctx.api, ctx.state.repository, pull) } : err(404, 'Not Found', 'https://docs.github.com/rest/pulls/pulls#get-a-pull-request')
    }
  },
  {
    method: 'PUT',
    pattern: new RegExp(`${R}/pulls/(\\d+)/merge$`),
    operation: 'PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge',
    auth: 'token',
    permission: ['contents', 'write'],
    docs: MERGE_DOCS,
    handler: (ctx, p) => merge(ctx, p)
  },
  {
    method: 'PUT',
    pattern: new RegExp(`${R}/pulls/(\\d+)/update-branch$`),
    operation: 'PUT /repos/{owner}/{repo}/pulls/{pull_number}/update-branch',
    auth: 'token',
    permission: ['pull_requests', 'write'],
    docs: UPDATE_BRANCH_DOCS,
    handler: (ctx, p) => updateBranch(ctx, p)
  },
  {
    method: 'DELETE',
    pattern: new RegExp(`${R}/git/refs/heads/(.+)$`),
    operation: 'DELETE /repos/{owner}/{repo}/git/refs/{ref}',
    auth: 'token',
    permission: ['contents', 'write'],
    docs: 'https://docs.github.com/rest/git/refs#delete-a-reference',
    handler: (ctx, p) => {
      const name = decodeURIComponent(p[2] ?? '')
      const i = ctx.state.branches.findIndex((b) => b.name === name)
      if (i < 0) return err(422, 'Reference does not exist', 'https://docs.github.com/rest/git/refs#delete-a-reference')
      ctx.state.branches.splice(i, 1)
      return { status: 204 }
    }
  },
  {
    method: 'GET',
    pattern: new RegExp(`${R}/branches/([^/]+)$`),
    operation: 'GET /repos/{owner}/{repo}/branches/{branch}',
    auth: 'token',
    permission: ['contents', 'read'],
    docs: 'https://docs.github.com/rest/branches/branches#get-a-branch',
    handler: (ctx, p) => {
      const b = findBranch(ctx.state, decodeURIComponent(p[2] ?? ''))
      return b ? { status: 200, body: branchShape(ctx.api, ctx.state.repository, b) } : err(404, 'Branch not found', 'https://docs.github.com/rest/branches/branches#get-a-branch')
    }
  },
  {
    method: 'GET',
    pattern: new RegExp(`${R}/branches/([^/]+)/protection$`),
    operation: 'GET /repos/{owner}/{repo}/branches/{branch}/protection',
    auth: 'token',
    permission: ['administration', 'read'],
    docs: 'https://docs.github.com/rest/branches/branch-protection#get-branch-protection',
    handler: (ctx, p) => {
      const b = findBranch(ctx.state, decodeURIComponent(p[2] ?? ''))
      if (!b) return err(404, 'Branch not found', 'https://docs.github.com/rest/branches/branch-protection#get-branch-protection')
      if (!b.protection) return err(404, 'Branch not protected', 'https://docs.github.com/rest/branches/branch-protection#get-branch-protection')
      return { status: 200, body: protectionShape(ctx.api, ctx.state.repository, b) }
    }
  },
  {
    method: 'GET',
    pattern: new RegExp(`${R}/branches/([^/]+)/protection/required_status_checks$`),
    operation: 'GET /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks',
    auth: 'token',
    permission: ['administration', 'read'],
    docs: 'https://docs.github.com/rest/branches/branch-protection#get-status-checks-protection',
    handler: (ctx, p) => {
      const docs = 'https://docs.github.com/rest/branches/branch-protection#get-status-checks-protection'
      const b = findBranch(ctx.state, decodeURIComponent(p[2] ?? ''))
      if (!b) return err(404, 'Branch not found', docs)
      if (!b.protection) return err(404, 'Branch not protected', docs)
      if (!b.protection.required_status_checks) return err(404, 'Required status checks not enabled', docs)
      return { status: 200, body: statusCheckPolicyShape(ctx.api, ctx.state.repository, b) }
    }
  },
  {
    method: 'GET',
    pattern: new RegExp(`${R}/rules/branches/([^/]+)$`),
    operation: 'GET /repos/{owner}/{repo}/rules/branches/{branch}',
    auth: 'token',
    permission: ['metadata', 'read'],
    docs: 'https://docs.github.com/rest/repos/rules#get-rules-for-a-branch',
    handler: (ctx, p) => {
      const rules = rulesFor(ctx.state, decodeURIComponent(p[2] ?? '')).map(({ rule, rs }) => branchRuleShape(rule, rs))
      const { slice, headers } = paginate(ctx, rules)
      return { status: 200, headers, body: slice }
    }
  },
  {
    method: 'GET',
    pattern: new RegExp(`${R}/rulesets/(\\d+)$`),
    operation: 'GET /repos/{owner}/{repo}/rulesets/{ruleset_id}',
    auth: 'token',
    permission: ['metadata', 'read'],
    docs: 'https://docs.github.com/rest/repos/rules#get-a-repository-ruleset',
    handler: (ctx, p) => {
      const rs = ctx.state.rulesets.find((x) => String(x.id) === p[2])
      return rs ? { status: 200, body: rulesetShape(ctx.api, ctx.state.repository, rs) } : err(404, 'Not Found', 'https://docs.github.com/rest/repos/rules#get-a-repository-ruleset')
    }
  },
  {
    method: 'GET',
    pattern: new RegExp(`${R}/compare/(.+)$`),
    operation: 'GET /repos/{owner}/{repo}/compare/{basehead}',
    auth: 'token',
    permission: ['contents', 'read'],
    docs: 'https://docs.github.com/rest/commits/commits#compare-two-commits',
    handler: (ctx, p) => compare(ctx, p)
  },
  {
    method: 'GET',
    pattern: new RegExp(`${R}/commits/([^/]+)/check-runs$`),
    operation: 'GET /repos/{owner}/{repo}/commits/{ref}/check-runs',
    auth: 'token',
    permission: ['checks', 'read'],
    docs: 'https://docs.github.com/rest/checks/runs#list-check-runs-for-a-git-reference',
    handler: (ctx, p) => checkRuns(ctx, p)
  },
  {
    method: 'GET',
    pattern: new RegExp(`${R}/commits/([^/]+)/status$`),
    operation: 'GET /repos/{owner}/{repo}/commits/{ref}/status',
    auth: 'token',
    permission: ['statuses', 'read'],
    docs: 'https://docs.github.com/rest/commits/statuses#get-the-combined-status-for-a-specific-reference',
    handler: (ctx, p) => combinedStatus(ctx, p)
  },
  {
    method: 'GET',
    pattern: new RegExp(`${R}/commits/([^/]+)/statuses$`),
    operation: 'GET /repos/{owner}/{repo}/commits/{ref}/statuses',
    auth: 'token',
    permission: ['statuses', 'read'],
    docs: 'https://docs.github.com/rest/commits/statuses#list-commit-statuses-for-a-reference',
    handler: (ctx, p) => listStatuses(ctx, p)
  },
  {
    method: 'GET',
    pattern: new RegExp(`${R}/actions/runs/(\\d+)/jobs$`),
    operation: 'GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs',
    auth: 'token',
    permission: ['actions', 'read'],
    docs: 'https://docs.github.com/rest/actions/workflow-jobs#list-jobs-for-a-workflow-run',
    handler: (ctx, p) => jobs(ctx, p)
  },
  {
    method: 'GET',
    pattern: new RegExp(`${R}/actions/runs/(\\d+)/attempts/(\\d+)/jobs$`),
    operation: 'GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs',
    auth: 'token',
    permission: ['actions', 'read'],
    docs: 'https://docs.github.com/rest/actions/workflow-jobs#list-jobs-for-a-workflow-run-attempt',
    handler: (ctx, p) => jobs(ctx, p)
  },
  {
    method: 'GET',
    pattern: new RegExp(`${R}/installation$`),
    operation: 'GET /repos/{owner}/{repo}/installation',
    auth: 'jwt',
    docs: 'https://docs.github.com/rest/apps/apps#get-a-repository-installation-for-the-authenticated-app',
    handler: (ctx) => ({ status: 200, body: installationShape(ctx.api, ctx.state) })
  },
  {
    method: 'GET',
    pattern: /^\/users\/([^/]+)\/installation$/,
    operation: 'GET /users/{username}/installation',
    auth: 'jwt',
    docs: 'https://docs.github.com/rest/apps/apps#get-a-user-installation-for-the-authenticated-app',
    handler: (ctx, p) => installationFor(ctx, p[0] ?? '', 'https://docs.github.com/rest/apps/apps#get-a-user-installation-for-the-authenticated-app')
  },
  {
    method: 'GET',
    pattern: /^\/orgs\/([^/]+)\/installation$/,
    operation: 'GET /orgs/{org}/installation',
    auth: 'jwt',
    docs: 'https://docs.github.com/rest/apps/apps#get-an-organization-installation-for-the-authenticated-app',
    handler: (ctx, p) => installationFor(ctx, p[0] ?? '', 'https://docs.github.com/rest/apps/apps#get-an-organization-installation-for-the-authenticated-app')
  },
  {
    method: 'POST',
    pattern: /^\/app\/installations\/(\d+)\/access_tokens$/,
    operation: 'POST /app/installations/{installation_id}/access_tokens',
    auth: 'jwt',
    docs: 'https://docs.github.com/rest/apps/apps#create-an-installation-access-token-for-an-app',
    handler: (ctx, p) => accessToken(ctx, p)
  },
  {
    method: 'GET',
    pattern: /^\/rate_limit$/,
    operation: 'GET /rate_limit',
    auth: 'optional',
    docs: 'https://docs.github.com/rest/rate-limit/rate-limit#get-rate-limit-status-for-the-authenticated-user',
    handler: (ctx, _p, tok) => {
      const rl = tok?.rateLimit ?? { limit: 60, used: 0, resetAt: ctx.now() + 3600_000 }
      const core = rateShape(rl.limit, rl.used, Math.floor(rl.resetAt / 1000))
      const other = rateShape(5000, 0, Math.floor((ctx.now() + 3600_000) / 1000))
      return {
        status: 200,
        body: {
          resources: { core, graphql: other, search: rateShape(30, 0, Math.floor((ctx.now() + 60_000) / 1000)), integration_manifest: other },
          rate: core
        }
      }
    }
  },
  {
    method: 'GET',
    pattern: new RegExp(`${R}/actions/runs$`),
    operation: 'GET /repos/{owner}/{repo}/actions/runs',
    auth: 'token',
    permission: ['actions', 'read'],
    docs: 'https://docs.github.com/rest/actions/workflow-runs#list-workflow-runs-for-a-repository',
    handler: (ctx) => workflowRuns(ctx)
  },
  {
    method: 'GET',
    pattern: new RegExp(`${R}/commits/([^/]+)/check-suites$`),
    operation: 'GET /repos/{owner}/{repo}/commits/{ref}/check-suites',
    auth: 'token',
    permission: ['checks', 'read'],
    docs: 'https://docs.github.com/rest/checks/suites#list-check-suites-for-a-git-reference',
    handler: (ctx, p) => checkSuites(ctx, p)
  },
  {
    method: 'POST',
    pattern: /^\/graphql$/,
    operation: 'POST /graphql',
    auth: 'token',
    docs: 'https://docs.github.com/graphql',
    handler: (ctx) => handleGraphql(ctx)
  }
]

/** The OpenAPI operations the simulator implements (the drift check compares them with the slice). */
export const IMPLEMENTED_OPERATIONS: readonly string[] = ROUTES.map((r) => r.operation)

function rateHeaders(tok: SimToken, operation = ''): Record<string, string> {
  const rl = tok.rateLimit
  return {
    'x-ratelimit-limit': String(rl.limit),
    'x-ratelimit-remaining': String(Math.max(0, rl.limit - rl.used)),
    'x-ratelimit-reset': String(Math.floor(rl.resetAt / 1000)),
    'x-ratelimit-used': String(rl.used),
    // One bucket per token here; GitHub names GraphQL's own resource.
    'x-ratelimit-resource': operation === 'POST /graphql' ? 'graphql' : 'core'
  }
}

/** A weak ETag over the exact JSON text, as GitHub sends for GETs. */
export function etagOf(text: string): string {
  return `W/"${createHash('sha256').update(text).digest('hex').slice(0, 40)}"`
}

function wire(h: Handled, extra: Record<string, string>): WireResponse {
  return { status: h.status, body: h.body, headers: { ...extra, ...(h.headers ?? {}) } }
}

/** Routes one request: auth, permissions, rate limit, handler, ETag/304. */
export function route(ctx: RouteContext): RouteResult {
  const { req, state } = ctx
  // The merge queue moves on the simulated clock, seen by whichever request comes next.
  tickMergeQueue(state, ctx.now())
  const base: Record<string, string> = {
    'x-github-api-version-selected': '2022-11-28',
    'x-github-media-type': 'github.v3; format=json',
    'x-github-request-id': `SIM:${ctx.nextId().toString(16)}`
  }
  // GitHub answers an unknown path and a known path with another method alike: 404 Not Found.
  const r = ROUTES.find((c) => c.method === req.method && c.pattern.test(req.path))
  if (!r) return { response: wire(err(404, 'Not Found'), base), operation: null, counted: false }
  const params = (r.pattern.exec(req.path) ?? []).slice(1)
  const fail = (h: Handled, counted = false, extra: Record<string, string> = {}): RouteResult => ({
    response: wire(h, { ...base, ...extra }),
    operation: r.operation,
    counted
  })

  if (r.auth === 'jwt') {
    if (!req.token) return fail(err(401, 'A JSON web token could not be decoded', r.docs))
    const check = verifyAppJwt(req.token, ctx.keys(), state.installation.app_id, Math.floor(Date.now() / 1000))
    if (!check.ok) return fail(err(401, check.message, r.docs))
    const h = r.handler(ctx, params, null)
    return { response: wire(h, base), operation: r.operation, counted: false }
  }

  let tok: SimToken | null = null
  if (req.token) {
    tok = state.tokens.find((t) => t.token === req.token) ?? null
    if (!tok || looksLikeJwt(req.token)) return fail(err(401, 'Bad credentials', DOCS))
    if (tok.expiresAt !== null && ctx.now() >= tok.expiresAt) return fail(err(401, 'Bad credentials', DOCS))
  } else if (r.auth === 'token') {
    return fail(err(401, 'Requires authentication', r.docs))
  }

  if (r.pattern.source.startsWith(R)) {
    const [owner, name] = params
    const repo = state.repository
    if (owner?.toLowerCase() !== repo.owner.toLowerCase() || name?.toLowerCase() !== repo.name.toLowerCase()) {
      return fail(err(404, 'Not Found', r.docs), tok !== null, tok ? rateHeaders(tok) : {})
    }
  }

  if (tok && r.operation !== 'GET /rate_limit') {
    const rl = tok.rateLimit
    if (ctx.now() >= rl.resetAt) {
      rl.used = 0
      rl.resetAt = ctx.now() + 3600_000
    }
    if (rl.used >= rl.limit) {
      const id = tok.installationId ?? state.installation.id
      return fail(err(403, `API rate limit exceeded for installation ID ${id}.`, 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api'), false, rateHeaders(tok))
    }
  }

  if (tok && r.permission && !has(tok.permissions, r.permission[0], r.permission[1])) {
    if (r.operation !== 'GET /rate_limit') tok.rateLimit.used += 1
    const who = tok.kind === 'pat' ? 'personal access token' : 'integration'
    return fail(err(403, `Resource not accessible by ${who}`, r.docs), true, {
      ...rateHeaders(tok),
      'x-accepted-github-permissions': `${r.permission[0]}=${r.permission[1]}`
    })
  }

  const h = r.handler(ctx, params, tok)
  const headers: Record<string, string> = { ...base }
  if (r.permission) headers['x-accepted-github-permissions'] = `${r.permission[0]}=${r.permission[1]}`
  let counted = tok !== null && r.operation !== 'GET /rate_limit'
  if (req.method === 'GET' && h.status === 200 && h.body !== undefined && typeof h.body !== 'string') {
    const etag = etagOf(JSON.stringify(h.body))
    headers.etag = etag
    headers['cache-control'] = 'private, max-age=60, s-maxage=60'
    headers.vary = 'Accept, Authorization, Cookie, X-GitHub-OTP'
    const inm = req.headers['if-none-match']
    const tags = typeof inm === 'string' ? inm.split(',').map((x) => x.trim().replace(/^W\//, '')) : []
    if (tags.includes(etag.replace(/^W\//, '')) || tags.includes('*')) {
      // A 304 does not count against the primary rate limit (GitHub docs, conditional requests).
      if (tok) Object.assign(headers, rateHeaders(tok))
      return { response: { status: 304, headers: { ...headers, ...(h.headers ?? {}) } }, operation: r.operation, counted: false }
    }
  }
  if (counted && tok) tok.rateLimit.used += 1
  else counted = false
  if (tok) Object.assign(headers, rateHeaders(tok, r.operation))
  return { response: wire(h, headers), operation: r.operation, counted }
}
