/**
 * The loopback GitHub simulator's state: plain, mutable data that tests read and edit directly
 * (`sim.state.pulls[0].mergeable = false`). The HTTP layer (server.ts, routes.ts) renders it in
 * GitHub's real response shapes (shapes.ts).
 */
import { createHash } from 'node:crypto'

export type Access = 'read' | 'write'
/** Fine-grained repository permissions of a token, as GitHub names them. */
export type PermissionName = 'metadata' | 'contents' | 'pull_requests' | 'checks' | 'statuses' | 'actions' | 'administration'
export type PermissionSet = Partial<Record<PermissionName, Access>>

export interface SimToken {
  token: string
  /** `github-token` (the workflow's GITHUB_TOKEN), `installation` (minted for the App), `pat`. */
  kind: 'github-token' | 'installation' | 'pat'
  permissions: PermissionSet
  /** Simulated-clock ms after which the token answers 401 `Bad credentials`; null = never. */
  expiresAt: number | null
  /** Primary rate limit per token and window (GITHUB_TOKEN: 1,000 per hour per repository). */
  rateLimit: { limit: number; used: number; resetAt: number }
  installationId?: number
}

export interface SimApp {
  id: number
  slug: string
  name: string
}

export interface SimRepository {
  id: number
  owner: string
  name: string
  default_branch: string
  private: boolean
  allow_merge_commit: boolean
  allow_squash_merge: boolean
  allow_rebase_merge: boolean
  allow_auto_merge: boolean
  delete_branch_on_merge: boolean
}

export interface SimPull {
  number: number
  id: number
  title: string
  state: 'open' | 'closed'
  merged: boolean
  draft: boolean
  head: { ref: string; sha: string }
  base: { ref: string; sha: string }
  /** null: GitHub is still computing mergeability. */
  mergeable: boolean | null
  /** clean | blocked | behind | dirty | unstable | unknown | draft | has_hooks */
  mergeable_state: string
  merge_commit_sha: string | null
  merged_at: string | null
  /** Approving reviews present (checked against the branch's required review count on merge). */
  approvals: number
  user: string
  created_at: string
  updated_at: string
  /** The newest opinion of each writer (GraphQL latestOpinionatedReviews); unset: `approvals` reviews by `reviewer-N`. */
  reviews?: SimReview[]
  /** Reviewers asked (a login, or `org/team` for a team). */
  review_requests?: { reviewer: string; kind?: 'User' | 'Team' | 'Bot'; as_code_owner?: boolean }[]
  /** Review threads, resolved or not. */
  review_threads?: { resolved: boolean }[]
  /** The merge queue entry while queued. */
  merge_queue_entry?: { state: 'QUEUED' | 'AWAITING_CHECKS' | 'MERGEABLE' | 'UNMERGEABLE' | 'LOCKED'; position: number } | null
  /** The pull request's commits, oldest first; unset: the head alone, one parent, unsigned. */
  commits?: { oid: string; parents: number; verified: boolean }[]
  /** Changed paths. */
  files?: string[]
  /** Commits the head lacks from its base (compare `behind_by`); unset: 1 when `mergeable_state` is `behind`, else 0. */
  behind_by?: number
}

export interface SimReview {
  author: string
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED'
  /** The commit reviewed; default the head. */
  commit_id?: string
}

export interface SimRequiredStatusChecks {
  strict: boolean
  contexts: string[]
  checks: { context: string; app_id: number | null }[]
}

export interface SimProtection {
  required_status_checks: SimRequiredStatusChecks | null
  /** null: no review rule. */
  required_approving_review_count: number | null
  enforce_admins: boolean
}

export interface SimBranch {
  name: string
  sha: string
  protection: SimProtection | null
}

export type SimRule =
  | {
      type: 'required_status_checks'
      parameters: {
        required_status_checks: { context: string; integration_id?: number }[]
        strict_required_status_checks_policy: boolean
        do_not_enforce_on_create?: boolean
      }
    }
  | {
      type: 'pull_request'
      parameters: {
        required_approving_review_count: number
        dismiss_stale_reviews_on_push: boolean
        require_code_owner_review: boolean
        require_last_push_approval: boolean
        required_review_thread_resolution: boolean
      }
    }
  | { type: 'merge_queue'; parameters: Record<string, unknown> }
  | { type: 'required_deployments'; parameters: { required_deployment_environments: string[] } }
  | { type: 'deletion' | 'non_fast_forward' | 'required_linear_history' | 'creation' | 'required_signatures' }

type PullRequestRule = Extract<SimRule, { type: 'pull_request' }>

/** A `pull_request` ruleset rule: one approving review and every other option off, unless `parameters` says otherwise. */
export function pullRequestRule(parameters: Partial<PullRequestRule['parameters']> = {}): PullRequestRule {
  return {
    type: 'pull_request',
    parameters: {
      required_approving_review_count: 1,
      dismiss_stale_reviews_on_push: false,
      require_code_owner_review: false,
      require_last_push_approval: false,
      required_review_thread_resolution: false,
      ...parameters
    }
  }
}

export interface SimRuleset {
  id: number
  name: string
  /** Only `active` rulesets are returned by /rules/branches and enforced on merge. */
  enforcement: 'active' | 'evaluate' | 'disabled'
  source_type: 'Repository' | 'Organization'
  source: string
  /** Ref conditions: `~DEFAULT_BRANCH`, `~ALL`, or `refs/heads/<glob>`. */
  include: string[]
  exclude: string[]
  rules: SimRule[]
}

export type CheckStatus = 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending'
export type CheckConclusion =
  | 'success'
  | 'failure'
  | 'neutral'
  | 'cancelled'
  | 'skipped'
  | 'timed_out'
  | 'action_required'
  | 'stale'
  | 'startup_failure'

export interface SimCheckRun {
  id: number
  head_sha: string
  name: string
  status: CheckStatus
  conclusion: CheckConclusion | null
  started_at: string
  completed_at: string | null
  app_id: number
  check_suite_id: number
  html_url?: string
}

export type StatusState = 'error' | 'failure' | 'pending' | 'success'

export interface SimStatus {
  id: number
  sha: string
  context: string
  state: StatusState
  description: string | null
  target_url: string | null
  created_at: string
  updated_at: string
}

export interface SimJob {
  id: number
  run_id: number
  run_attempt: number
  name: string
  status: CheckStatus
  conclusion: CheckConclusion | null
  head_sha: string
  head_branch: string
  workflow_name: string
  /** The runner the job runs on (RUNNER_NAME in the job); default `GitHub Actions 1`. */
  runner_name?: string
  /** The check run this job reports as (its `check_run_url`). */
  check_run_id: number
  started_at: string
  completed_at: string | null
}

export interface SimInstallation {
  id: number
  app_id: number
  app_slug: string
  /** Permissions granted to tokens minted for this installation. */
  permissions: PermissionSet
}

/** A workflow run (`GET /actions/runs`); each has its own check suite (`check_suite_id`). */
export interface SimWorkflowRun {
  id: number
  name: string
  head_sha: string
  head_branch: string
  /** The triggering event, e.g. `pull_request`, `merge_group`. */
  event: string
  status: CheckStatus
  conclusion: CheckConclusion | null
  path: string
  check_suite_id: number
  created_at: string
  updated_at: string
}

export type SimMergeQueueEntryState = 'QUEUED' | 'AWAITING_CHECKS' | 'MERGEABLE' | 'UNMERGEABLE' | 'LOCKED'

/** A pull request in the merge queue, with its merge group's head commit. */
export interface SimMergeQueueEntry {
  id: string
  pullNumber: number
  state: SimMergeQueueEntryState
  /** The merge group's head commit, where the group's checks run. */
  groupSha: string
  /** Simulated ms of the enqueue. */
  enqueuedAt: number
  /** Simulated ms the entry entered its current state. */
  stateSince: number
  /** Kind of token that enqueued it: a `github-token` enqueue starts no workflows. */
  enqueuedBy: SimToken['kind']
  jump: boolean
}

/** A `removed_from_merge_queue` timeline event (also recorded for a successful merge, reason `merged`). */
export interface SimMergeQueueRemoval {
  id: number
  pullNumber: number
  reason: string | null
  createdAt: string
  beforeSha: string | null
}

/** The merge queue of the repository's branches (the rules decide which branches require it). */
export interface SimMergeQueue {
  entries: SimMergeQueueEntry[]
  removals: SimMergeQueueRemoval[]
  /** Check names the merge_group workflows report on every group they start (in_progress until a test completes them). */
  groupChecks: string[]
  /** False when no workflow has a `merge_group:` trigger: every group starts nothing, whoever enqueued it. */
  mergeGroupTrigger: boolean
  /** Simulated ms from enqueue to the group starting (QUEUED -> AWAITING_CHECKS). */
  startAfterMs: number
  /** When set, enqueuePullRequest answers UNPROCESSABLE with this message. */
  refuseEnqueue: string | null
}

export interface SimState {
  repository: SimRepository
  pulls: SimPull[]
  branches: SimBranch[]
  rulesets: SimRuleset[]
  checkRuns: SimCheckRun[]
  statuses: SimStatus[]
  jobs: SimJob[]
  apps: SimApp[]
  installation: SimInstallation
  tokens: SimToken[]
  /** Next id handed out for new objects (check runs, statuses, ...). */
  nextId: number
  workflowRuns: SimWorkflowRun[]
  mergeQueue: SimMergeQueue
  /** GraphQL pull request fields (e.g. `deployments`, `files`) answered with GitHub's field error for a token without access. */
  graphqlDenied?: string[]
}

/** A deterministic 40-hex sha for a label, so tests can name commits (`shaOf('head-1')`). */
export function shaOf(label: string): string {
  return createHash('sha1').update(label).digest('hex')
}

/** The workflow GITHUB_TOKEN's permissions: never `administration` (GitHub cannot grant it to this token). */
export const DEFAULT_TOKEN_PERMISSIONS: PermissionSet = Object.freeze({
  metadata: 'read',
  contents: 'write',
  pull_requests: 'write',
  checks: 'write',
  statuses: 'write',
  actions: 'write'
}) as PermissionSet

/** Token strings with distinctive shapes, so leak assertions can search output for them. */
export const DEFAULT_TOKEN = 'ghs_simDefaultWorkflowToken0000000000001'
export const ADMIN_TOKEN = 'ghp_simAdminPersonalToken000000000000002'
export const READONLY_TOKEN = 'ghs_simReadOnlyToken00000000000000000003'

export const GITHUB_ACTIONS_APP: SimApp = Object.freeze({ id: 15368, slug: 'github-actions', name: 'GitHub Actions' })
export const OTHER_CI_APP: SimApp = Object.freeze({ id: 4242, slug: 'other-ci', name: 'Other CI' })
export const PURPLE_APP: SimApp = Object.freeze({ id: 777001, slug: 'purple-test-app', name: 'Purple Test App' })
export const INSTALLATION_ID = 888001

export const OWNER = 'octo-org'
export const REPO = 'purple-demo'
export const BASE_SHA = shaOf('base-main')
export const HEAD_SHA = shaOf('head-pr-1')

/** Builds a fresh default state: one repository, PR #1 (feature -> main, open, mergeable), no gates, no checks. */
export function defaultState(nowMs: number): SimState {
  const iso = new Date(nowMs).toISOString()
  const hour = 3600_000
  return {
    repository: {
      id: 700001,
      owner: OWNER,
      name: REPO,
      default_branch: 'main',
      private: true,
      allow_merge_commit: true,
      allow_squash_merge: true,
      allow_rebase_merge: true,
      allow_auto_merge: false,
      delete_branch_on_merge: false
    },
    pulls: [
      {
        number: 1,
        id: 900001,
        title: 'Add feature',
        state: 'open',
        merged: false,
        draft: false,
        head: { ref: 'feature', sha: HEAD_SHA },
        base: { ref: 'main', sha: BASE_SHA },
        mergeable: true,
        mergeable_state: 'clean',
        merge_commit_sha: null,
        merged_at: null,
        approvals: 0,
        user: 'octocat',
        created_at: iso,
        updated_at: iso
      }
    ],
    branches: [
      { name: 'main', sha: BASE_SHA, protection: null },
      { name: 'feature', sha: HEAD_SHA, protection: null }
    ],
    rulesets: [],
    checkRuns: [],
    statuses: [],
    jobs: [],
    apps: [{ ...GITHUB_ACTIONS_APP }, { ...OTHER_CI_APP }, { ...PURPLE_APP }],
    installation: {
      id: INSTALLATION_ID,
      app_id: PURPLE_APP.id,
      app_slug: PURPLE_APP.slug,
      permissions: { ...DEFAULT_TOKEN_PERMISSIONS }
    },
    tokens: [
      {
        token: DEFAULT_TOKEN,
        kind: 'github-token',
        permissions: { ...DEFAULT_TOKEN_PERMISSIONS },
        expiresAt: null,
        rateLimit: { limit: 1000, used: 0, resetAt: nowMs + hour }
      },
      {
        token: ADMIN_TOKEN,
        kind: 'pat',
        permissions: { ...DEFAULT_TOKEN_PERMISSIONS, administration: 'write' },
        expiresAt: null,
        rateLimit: { limit: 5000, used: 0, resetAt: nowMs + hour }
      },
      {
        token: READONLY_TOKEN,
        kind: 'github-token',
        permissions: { metadata: 'read', contents: 'read', pull_requests: 'read', checks: 'read', statuses: 'read', actions: 'read' },
        expiresAt: null,
        rateLimit: { limit: 1000, used: 0, resetAt: nowMs + hour }
      }
    ],
    nextId: 1_000_001,
    workflowRuns: [],
    mergeQueue: { entries: [], removals: [], groupChecks: [], mergeGroupTrigger: true, startAfterMs: 30_000, refuseEnqueue: null }
  }
}

/** Classic protection as `protectBranch` takes it (the branch endpoint shows these fields). */
export interface ProtectionSpec {
  contexts?: string[]
  checks?: { context: string; app_id: number | null }[]
  strict?: boolean
  reviews?: number | null
  enforceAdmins?: boolean
}

/** A ruleset as `addRuleset` takes it (default: active, on the default branch, repository-level). */
export interface RulesetSpec {
  name?: string
  enforcement?: SimRuleset['enforcement']
  include?: string[]
  exclude?: string[]
  requiredChecks?: { context: string; integration_id?: number }[]
  strict?: boolean
  rules?: SimRule[]
  source_type?: SimRuleset['source_type']
  source?: string
}

/** Sets classic protection on `branch` (default: the default branch); usable in a `setup` before the server starts. */
export function protectBranch(state: SimState, branch: string | undefined, p: ProtectionSpec): SimBranch {
  const name = branch ?? state.repository.default_branch
  const b = state.branches.find((x) => x.name === name)
  if (!b) throw new Error(`no branch '${name}'`)
  const hasChecks = p.contexts !== undefined || p.checks !== undefined
  b.protection = {
    required_status_checks: hasChecks ? { strict: p.strict ?? false, contexts: p.contexts ?? [], checks: p.checks ?? [] } : null,
    required_approving_review_count: p.reviews ?? null,
    enforce_admins: p.enforceAdmins ?? false
  }
  return b
}

/** Adds a ruleset, with a required_status_checks rule when `requiredChecks` is given; usable in a `setup` too. */
export function addRuleset(state: SimState, r: RulesetSpec): SimRuleset {
  const rules: SimRule[] = [
    ...(r.requiredChecks
      ? [
          {
            type: 'required_status_checks' as const,
            parameters: { required_status_checks: r.requiredChecks, strict_required_status_checks_policy: r.strict ?? false }
          }
        ]
      : []),
    ...(r.rules ?? [])
  ]
  const rs: SimRuleset = {
    id: state.nextId++,
    name: r.name ?? 'ruleset',
    enforcement: r.enforcement ?? 'active',
    source_type: r.source_type ?? 'Repository',
    source: r.source ?? `${state.repository.owner}/${state.repository.name}`,
    include: r.include ?? ['~DEFAULT_BRANCH'],
    exclude: r.exclude ?? [],
    rules
  }
  state.rulesets.push(rs)
  return rs
}
