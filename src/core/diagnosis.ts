/**
 * Why a pull request cannot merge: plain facts in (the pull request as GitHub
 * reports it, its reviews and threads, the active branch rules, classic
 * protection as the branch endpoint shows it, the required checks' states as
 * wait-ci judges them), one verdict out with every blocker named, who can
 * clear it, and what the token could not see. GitHub's own answer
 * (`mergeStateStatus: BLOCKED`) names no cause; this names each one it can
 * prove and never guesses the rest. See docs/decisions.md, "Why a pull
 * request cannot merge".
 */
import type { CheckVerdict } from './check-state.js'

/** GitHub's GraphQL `MergeStateStatus` (DRAFT is deprecated in favour of `isDraft`, still sent). */
export type MergeStateStatus = 'BEHIND' | 'BLOCKED' | 'CLEAN' | 'DIRTY' | 'DRAFT' | 'HAS_HOOKS' | 'UNKNOWN' | 'UNSTABLE'
/** GitHub's GraphQL `MergeableState`. */
export type Mergeable = 'MERGEABLE' | 'CONFLICTING' | 'UNKNOWN'
/** GitHub's GraphQL `PullRequestReviewDecision`; null when no review is required. */
export type ReviewDecision = 'APPROVED' | 'CHANGES_REQUESTED' | 'REVIEW_REQUIRED' | null

export type Verdict = 'mergeable' | 'waiting' | 'blocked' | 'unknown'

export type BlockerKind =
  | 'check-failing'
  | 'check-pending'
  | 'check-missing'
  | 'review-required'
  | 'changes-requested'
  | 'code-owner-review'
  | 'last-push-approval'
  | 'unresolved-conversations'
  | 'behind'
  | 'conflict'
  | 'draft'
  | 'merge-queue'
  | 'signatures'
  | 'linear-history'
  | 'deployments'
  | 'workflow-file-permission'
  | 'closed'
  | 'unknown'

/** Who can clear a blocker: push a fix or update the branch, review, change settings, wait or re-run, or just retry. */
export type Who = 'author' | 'reviewer' | 'admin' | 'ci' | 'anyone'

export interface Blocker {
  readonly kind: BlockerKind
  /** The rule that says so: classic protection, a ruleset, a repository setting, or GitHub's own state. */
  readonly source: string
  /** What was seen: the check and its conclusion, the reviewers asked, the count of threads, the commits behind. */
  readonly evidence: string
  readonly who: Who
  /** A page to look at (a check's details), when there is one. */
  readonly link?: string
}

/** Something the token could not read, so the diagnosis does not claim it either way. */
export interface Unreadable {
  readonly what: string
  readonly reason: string
}

export interface Diagnosis {
  readonly verdict: Verdict
  /** One sentence: the verdict in words. */
  readonly reason: string
  readonly blockers: readonly Blocker[]
  readonly unreadable: readonly Unreadable[]
}

/** A review as `latestOpinionatedReviews(writersOnly: true)` lists it: the newest opinion of each writer. */
export interface ReviewFact {
  readonly author: string
  readonly state: string
  /** The commit the review was given on (null when GitHub no longer has it). */
  readonly commitOid: string | null
}

export interface ReviewRequestFact {
  /** A login, or `org/team` for a team. */
  readonly reviewer: string
  readonly asCodeOwner: boolean
}

/** One rule of `GET /repos/{o}/{r}/rules/branches/{b}`, as GitHub returns it. */
export interface BranchRuleFact {
  readonly type: string
  readonly parameters?: Readonly<Record<string, unknown>>
  readonly rulesetId?: number
  /** The ruleset's name, when its own endpoint could be read (the rules endpoint gives only the id). */
  readonly rulesetName?: string
  readonly sourceType?: string
  readonly source?: string
}

export type Reading<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string }

/** Classic protection as `GET /repos/{o}/{r}/branches/{b}` shows it (the only part the default token can read). */
export interface BranchProtectionFact {
  readonly protected: boolean
  /** Required check names of classic protection. */
  readonly requiredChecks: readonly string[]
}

/** A count read from a connection that may have had more items than one page. */
export interface CountFact {
  readonly count: number
  /** False when GitHub had more items than were read (the count is then a lower bound). */
  readonly complete: boolean
}

/** Everything the diagnosis decides on. Null/unread fields are never guessed. */
export interface MergeFacts {
  readonly pull: {
    readonly number: number
    readonly state: 'OPEN' | 'CLOSED' | 'MERGED'
    readonly isDraft: boolean
    readonly headSha: string
    readonly baseRef: string
    readonly author: string | null
    readonly mergeable: Mergeable
    readonly mergeStateStatus: MergeStateStatus
    /** How many times mergeability was read before these facts (the reader re-reads an UNKNOWN). */
    readonly reads: number
  }
  readonly reviewDecision: ReviewDecision
  readonly reviews: readonly ReviewFact[]
  readonly reviewRequests: readonly ReviewRequestFact[]
  readonly unresolvedThreads: CountFact | null
  readonly mergeQueue: { readonly inQueue: boolean; readonly state: string | null; readonly position: number | null }
  readonly rules: Reading<readonly BranchRuleFact[]>
  readonly protection: Reading<BranchProtectionFact>
  /** The required checks judged as wait-ci judges them (empty when nothing requires a check). */
  readonly checks: Reading<readonly CheckVerdict[]>
  /** Check suites GitHub created for the head (0: nothing was started for it); null when not read. */
  readonly headCheckSuites: number | null
  /** Commits the head lacks from the base; null when not read. */
  readonly behindBy: number | null
  /** The pull request's commits without a verified signature, and with more than one parent. */
  readonly commits: { readonly unsigned: readonly string[]; readonly merges: readonly string[]; readonly complete: boolean } | null
  /** The newest deployment state per environment on the head (e.g. `SUCCESS`, `PENDING`). */
  readonly deployments: Readonly<Record<string, string>> | null
  /** Changed paths under `.github/workflows/`. */
  readonly workflowFiles: readonly string[] | null
  /**
   * Whether the token that will merge is a workflow's GITHUB_TOKEN, which may never change workflow files;
   * `unknown` when the diagnosis does not know who will merge.
   */
  readonly mergingToken: TokenOwner
}

/** Whose token acts: 'actions' is a workflow's GITHUB_TOKEN, 'other' an App's or a person's, 'unknown' when nothing says. */
export type TokenOwner = 'actions' | 'other' | 'unknown'

const CLASSIC = 'classic branch protection'

/** How a ruleset is named in a blocker's source. */
export function ruleSource(rule: BranchRuleFact): string {
  if (rule.rulesetId === undefined) return 'a ruleset'
  const where = rule.source ? ` (${rule.sourceType === 'Organization' ? 'organization' : 'repository'} ${rule.source})` : ''
  const name = rule.rulesetName ? ` '${rule.rulesetName}'` : ''
  return `ruleset ${rule.rulesetId}${name}${where}`
}

function joinSources(rules: readonly BranchRuleFact[]): string {
  return [...new Set(rules.map(ruleSource))].join(', ')
}

function param<T>(rule: BranchRuleFact, name: string, type: 'number' | 'boolean' | 'object'): T | undefined {
  const value = rule.parameters?.[name]
  if (type === 'object') return Array.isArray(value) ? (value as T) : undefined
  return typeof value === type ? (value as T) : undefined
}

/** True when GitHub has not finished computing mergeability: the reader reads again before deciding. */
export function needsReread(facts: Pick<MergeFacts, 'pull'>): boolean {
  return facts.pull.mergeStateStatus === 'UNKNOWN' || facts.pull.mergeable === 'UNKNOWN'
}

const shortSha = (sha: string): string => sha.slice(0, 7)
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`

/** Rules the diagnosis knows how to judge, or that never stop a merge (they govern pushes). */
const PUSH_ONLY_RULES = new Set([
  'creation',
  'update',
  'deletion',
  'non_fast_forward',
  'commit_message_pattern',
  'commit_author_email_pattern',
  'committer_email_pattern',
  'branch_name_pattern',
  'tag_name_pattern',
  'file_path_restriction',
  'max_file_path_length',
  'file_extension_restriction',
  'max_file_size'
])
const JUDGED_RULES = new Set([
  'required_status_checks',
  'pull_request',
  'merge_queue',
  'required_signatures',
  'required_linear_history',
  'required_deployments'
])

function checkBlockers(facts: MergeFacts, rules: readonly BranchRuleFact[]): Blocker[] {
  if (!facts.checks.ok) return []
  const sourceOf = (check: CheckVerdict): string => {
    const parts: string[] = []
    if ((check.sources as readonly string[]).includes('protection')) parts.push(CLASSIC)
    const naming = rules.filter(
      (r) =>
        r.type === 'required_status_checks' &&
        (param<{ context?: unknown }[]>(r, 'required_status_checks', 'object') ?? []).some((c) => c.context === check.name)
    )
    if (naming.length > 0) parts.push(joinSources(naming))
    else if ((check.sources as readonly string[]).includes('ruleset')) parts.push('a ruleset')
    return parts.join(', ') || 'required check'
  }
  const app = (check: CheckVerdict): string => (check.appId !== undefined ? ` (from app ${check.appId})` : '')
  const blockers: Blocker[] = []
  for (const check of facts.checks.value) {
    const common = { source: sourceOf(check), ...(check.url ? { link: check.url } : {}) }
    if (check.state === 'failed') {
      blockers.push({ kind: 'check-failing', ...common, evidence: `required check '${check.name}'${app(check)} concluded ${check.detail}`, who: 'author' })
    } else if (check.state === 'pending' || check.state === 'self') {
      blockers.push({ kind: 'check-pending', ...common, evidence: `required check '${check.name}'${app(check)} is ${check.detail}`, who: 'ci' })
    } else if (check.state === 'missing') {
      const noSuite = facts.headCheckSuites === 0
      const evidence = noSuite
        ? `required check '${check.name}'${app(check)} never registered on ${shortSha(facts.pull.headSha)}, and no check suite exists for that head at all: it was likely pushed by a token that starts no workflows (a workflow's GITHUB_TOKEN); push it with another token or an empty commit`
        : `required check '${check.name}'${app(check)} has not registered on ${shortSha(facts.pull.headSha)} (${check.detail}); if no job of that name runs for this pull request, the rule names a check that never comes`
      blockers.push({ kind: 'check-missing', ...common, evidence, who: noSuite ? 'author' : 'ci' })
    }
  }
  return blockers
}

function reviewBlockers(facts: MergeFacts, rules: readonly BranchRuleFact[], unreadable: Unreadable[]): Blocker[] {
  const blockers: Blocker[] = []
  const prRules = rules.filter((r) => r.type === 'pull_request')
  const head = facts.pull.headSha
  const dismissStale = prRules.some((r) => param<boolean>(r, 'dismiss_stale_reviews_on_push', 'boolean') === true)
  const approvals = facts.reviews.filter((r) => r.state === 'APPROVED' && (!dismissStale || r.commitOid === head))
  const requested = facts.reviewRequests.map((r) => r.reviewer)
  const asked = requested.length > 0 ? `; review requested from ${requested.join(', ')}` : '; no reviewer is requested'

  const counting = prRules.filter((r) => (param<number>(r, 'required_approving_review_count', 'number') ?? 0) > 0)
  const needed = Math.max(0, ...counting.map((r) => param<number>(r, 'required_approving_review_count', 'number') ?? 0))
  // GitHub's own reviewDecision counts every review rule, classic ones included: an APPROVED there is final.
  const rulesetShort = needed > approvals.length && facts.reviewDecision !== 'APPROVED'
  if (facts.reviewDecision === 'CHANGES_REQUESTED') {
    const by = facts.reviews.filter((r) => r.state === 'CHANGES_REQUESTED').map((r) => r.author)
    blockers.push({
      kind: 'changes-requested',
      source: prRules.length > 0 ? joinSources(prRules) : 'review requirement (classic protection or a ruleset)',
      evidence: `changes requested${by.length > 0 ? ` by ${by.join(', ')}` : ''}: a new review from them (or a dismissal) is needed`,
      who: 'reviewer'
    })
  } else if (rulesetShort || facts.reviewDecision === 'REVIEW_REQUIRED') {
    const classic = facts.protection.ok && facts.protection.value.protected ? CLASSIC : 'review requirement'
    const source = rulesetShort ? joinSources(counting.filter((r) => (param<number>(r, 'required_approving_review_count', 'number') ?? 0) > approvals.length)) : classic
    const count = rulesetShort ? `${plural(needed, 'approving review')} required, ${approvals.length} given` : 'an approving review is required (GitHub: REVIEW_REQUIRED)'
    blockers.push({ kind: 'review-required', source, evidence: `${count}${asked}`, who: 'reviewer' })
  }

  const owners = prRules.filter((r) => param<boolean>(r, 'require_code_owner_review', 'boolean') === true)
  const ownerRequests = facts.reviewRequests.filter((r) => r.asCodeOwner).map((r) => r.reviewer)
  if (owners.length > 0 && ownerRequests.length > 0) {
    blockers.push({
      kind: 'code-owner-review',
      source: joinSources(owners),
      evidence: `waiting on code owner review from ${ownerRequests.join(', ')}`,
      who: 'reviewer'
    })
  }

  const lastPush = prRules.filter((r) => param<boolean>(r, 'require_last_push_approval', 'boolean') === true)
  if (lastPush.length > 0) {
    const onHead = facts.reviews.filter((r) => r.state === 'APPROVED' && r.commitOid === head && r.author !== facts.pull.author)
    if (onHead.length === 0) {
      blockers.push({
        kind: 'last-push-approval',
        source: joinSources(lastPush),
        evidence: `no approving review on the head ${shortSha(head)}: the newest push must be approved by someone other than who pushed it`,
        who: 'reviewer'
      })
    } else {
      unreadable.push({
        what: 'who pushed the head',
        reason: `the approval on ${shortSha(head)} by ${onHead.map((r) => r.author).join(', ')} counts only if that reviewer did not push it, and the pusher is not readable`
      })
    }
  }

  const resolve = prRules.filter((r) => param<boolean>(r, 'required_review_thread_resolution', 'boolean') === true)
  if (resolve.length > 0) {
    const threads = facts.unresolvedThreads
    if (threads === null) unreadable.push({ what: 'review threads', reason: 'the review threads could not be read' })
    else if (threads.count > 0) {
      blockers.push({
        kind: 'unresolved-conversations',
        source: joinSources(resolve),
        evidence: `${threads.complete ? '' : 'at least '}${plural(threads.count, 'unresolved conversation')} on the pull request`,
        who: 'author'
      })
    }
  }
  return blockers
}

function otherRuleBlockers(facts: MergeFacts, rules: readonly BranchRuleFact[], unreadable: Unreadable[]): Blocker[] {
  const blockers: Blocker[] = []
  const ofType = (type: string): BranchRuleFact[] => rules.filter((r) => r.type === type)

  const queue = ofType('merge_queue')
  if (queue.length > 0) {
    const q = facts.mergeQueue
    blockers.push(
      q.inQueue
        ? {
            kind: 'merge-queue',
            source: joinSources(queue),
            evidence: `in the merge queue${q.position !== null ? ` at position ${q.position}` : ''}${q.state ? `, ${q.state}` : ''}: the queue merges it when its checks pass`,
            who: 'ci'
          }
        : { kind: 'merge-queue', source: joinSources(queue), evidence: 'the branch takes changes only through the merge queue, and this pull request is not in it: enqueue it', who: 'anyone' }
    )
  }

  const signatures = ofType('required_signatures')
  if (signatures.length > 0) {
    if (facts.commits === null) unreadable.push({ what: 'commit signatures', reason: 'the pull request commits could not be read' })
    else if (facts.commits.unsigned.length > 0) {
      blockers.push({
        kind: 'signatures',
        source: joinSources(signatures),
        evidence: `${plural(facts.commits.unsigned.length, 'commit')} without a verified signature: ${facts.commits.unsigned.map(shortSha).join(', ')}`,
        who: 'author'
      })
    } else if (!facts.commits.complete) unreadable.push({ what: 'commit signatures', reason: 'the pull request has more commits than were read' })
  }

  const linear = ofType('required_linear_history')
  if (linear.length > 0 && facts.commits !== null && facts.commits.merges.length > 0) {
    blockers.push({
      kind: 'linear-history',
      source: joinSources(linear),
      evidence: `merge commit(s) in the pull request: ${facts.commits.merges.map(shortSha).join(', ')}; rebase them away (and merge by squash or rebase)`,
      who: 'author'
    })
  }

  for (const rule of ofType('required_deployments')) {
    const environments = (param<unknown[]>(rule, 'required_deployment_environments', 'object') ?? []).filter((e): e is string => typeof e === 'string')
    if (facts.deployments === null) {
      if (environments.length > 0) unreadable.push({ what: 'deployments', reason: 'the deployments of the head could not be read' })
      continue
    }
    const missing = environments.filter((e) => facts.deployments?.[e] !== 'SUCCESS' && facts.deployments?.[e] !== 'ACTIVE')
    if (missing.length > 0) {
      const states = missing.map((e) => `${e} (${facts.deployments?.[e]?.toLowerCase() ?? 'not deployed'})`)
      blockers.push({ kind: 'deployments', source: ruleSource(rule), evidence: `required deployment(s) not successful on the head: ${states.join(', ')}`, who: 'ci' })
    }
  }

  for (const rule of ofType('workflows')) {
    const paths = (param<{ path?: unknown }[]>(rule, 'workflows', 'object') ?? []).map((w) => (typeof w.path === 'string' ? w.path : '?'))
    unreadable.push({
      what: `required workflows (${ruleSource(rule)}: ${paths.join(', ') || 'unnamed'})`,
      reason: 'the rule does not name the checks its workflows report, so whether they passed is not readable; the merge or enqueue attempt names an unsatisfied one'
    })
  }
  for (const rule of rules) {
    if (JUDGED_RULES.has(rule.type) || PUSH_ONLY_RULES.has(rule.type) || rule.type === 'workflows') continue
    unreadable.push({ what: `rule '${rule.type}' (${ruleSource(rule)})`, reason: 'not judged here: whether it holds is not readable with this token' })
  }
  return blockers
}

function stateBlockers(facts: MergeFacts, strictRules: readonly BranchRuleFact[]): Blocker[] {
  const strict = strictRules.length > 0
  const pull = facts.pull
  const blockers: Blocker[] = []
  if (pull.state !== 'OPEN') {
    blockers.push({
      kind: 'closed',
      source: 'pull request',
      evidence: pull.state === 'MERGED' ? 'the pull request is already merged' : 'the pull request is closed',
      who: pull.state === 'MERGED' ? 'anyone' : 'author'
    })
    return blockers
  }
  if (pull.isDraft || pull.mergeStateStatus === 'DRAFT') {
    blockers.push({ kind: 'draft', source: 'pull request', evidence: 'the pull request is a draft: mark it ready for review', who: 'author' })
  }
  if (pull.mergeable === 'CONFLICTING' || pull.mergeStateStatus === 'DIRTY') {
    blockers.push({ kind: 'conflict', source: 'pull request', evidence: `the head conflicts with '${pull.baseRef}': merge or rebase it and resolve the conflicts`, who: 'author' })
  }
  const behind = facts.behindBy ?? 0
  if (pull.mergeStateStatus === 'BEHIND' || (strict && behind > 0)) {
    const count = facts.behindBy === null ? 'behind' : `${plural(behind, 'commit')} behind`
    blockers.push({
      kind: 'behind',
      source: strict ? `${joinSources(strictRules)}: checks must pass on the latest base (strict)` : 'GitHub (mergeStateStatus BEHIND)',
      evidence: `the head is ${count} '${pull.baseRef}': update the branch`,
      who: 'author'
    })
  }
  if (facts.workflowFiles !== null && facts.workflowFiles.length > 0 && facts.mergingToken === 'actions') {
    blockers.push({
      kind: 'workflow-file-permission',
      source: 'GitHub Actions token permissions',
      evidence: `the pull request changes ${facts.workflowFiles.join(', ')}, which a workflow's GITHUB_TOKEN may never write: merge with a GitHub App or a token with the workflows permission`,
      who: 'admin'
    })
  }
  return blockers
}

function unreadableGates(facts: MergeFacts, unreadable: Unreadable[]): void {
  if (!facts.rules.ok) unreadable.push({ what: 'rulesets', reason: facts.rules.reason })
  unreadable.push({
    what: 'rulesets in evaluate mode',
    reason: 'GET /rules/branches returns only active rules; evaluate-mode rules do not block and are not shown'
  })
  if (!facts.protection.ok) unreadable.push({ what: CLASSIC, reason: facts.protection.reason })
  else if (facts.protection.value.protected) {
    unreadable.push({
      what: `${CLASSIC}: review, conversation, signature and linear-history settings`,
      reason: 'the branch endpoint shows only required status checks; the rest needs administration access (GitHub reports the review outcome as reviewDecision)'
    })
  }
  if (!facts.checks.ok) unreadable.push({ what: 'required checks', reason: facts.checks.reason })
  unreadable.push({ what: 'rule-suite history', reason: 'GET /rulesets/rule-suites needs administration access' })
}

const WAITING_KINDS = new Set<BlockerKind>(['check-pending'])

/** Decides the verdict and lists every blocker the facts prove. Pure: same facts, same diagnosis. */
export function diagnose(facts: MergeFacts): Diagnosis {
  const unreadable: Unreadable[] = []
  const rules = facts.rules.ok ? facts.rules.value : []
  const strict = rules.filter(
    (r) => r.type === 'required_status_checks' && param<boolean>(r, 'strict_required_status_checks_policy', 'boolean') === true
  )
  const blockers = stateBlockers(facts, strict)
  if (facts.pull.state === 'OPEN') {
    blockers.push(...checkBlockers(facts, rules), ...reviewBlockers(facts, rules, unreadable), ...otherRuleBlockers(facts, rules, unreadable))
  }
  unreadableGates(facts, unreadable)

  const status = facts.pull.mergeStateStatus
  if (facts.pull.state === 'OPEN' && needsReread(facts)) {
    // Several reads still UNKNOWN: GitHub has not computed mergeability, so no verdict; the blockers seen so far still stand.
    blockers.push({
      kind: 'unknown',
      source: 'GitHub (mergeStateStatus UNKNOWN)',
      evidence: `GitHub had not computed whether the pull request can merge after ${plural(facts.pull.reads, 'read')}: ask again shortly`,
      who: 'anyone'
    })
    return { verdict: 'unknown', reason: 'GitHub is still computing mergeability', blockers, unreadable }
  }
  // A queued entry is the queue's to merge: waiting, like a pending check.
  const waitingOnly = blockers.every((b) => WAITING_KINDS.has(b.kind) || (b.kind === 'merge-queue' && b.who === 'ci'))
  if (blockers.length > 0 && waitingOnly) {
    return { verdict: 'waiting', reason: 'only pending checks (or the merge queue) stand in the way', blockers, unreadable }
  }
  if (blockers.length > 0) {
    return { verdict: 'blocked', reason: `${plural(blockers.length, 'blocker')} stand${blockers.length === 1 ? 's' : ''} in the way`, blockers, unreadable }
  }
  if (status === 'BLOCKED') {
    const workflowHint =
      facts.workflowFiles !== null && facts.workflowFiles.length > 0 && facts.mergingToken === 'unknown'
        ? `; the pull request changes ${facts.workflowFiles.join(', ')}, which a workflow's GITHUB_TOKEN cannot merge`
        : ''
    blockers.push({
      kind: 'unknown',
      source: 'GitHub (mergeStateStatus BLOCKED)',
      evidence: `GitHub says blocked, yet every rule readable with this token is satisfied${workflowHint}; the merge (or enqueue) attempt's own message is the one authoritative answer`,
      who: 'anyone'
    })
    return { verdict: 'unknown', reason: 'GitHub says blocked and no readable rule explains it', blockers, unreadable }
  }
  return { verdict: 'mergeable', reason: status === 'UNSTABLE' ? 'mergeable (a check that is not required is failing or pending)' : 'mergeable', blockers, unreadable }
}
