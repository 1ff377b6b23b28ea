import { diagnose, needsReread, type BranchRuleFact, type BlockerKind, type MergeFacts } from '../../src/core/diagnosis.js'
import type { CheckVerdict } from '../../src/core/check-state.js'

// Enum values as GitHub documents them (https://docs.github.com/en/graphql/reference/enums):
// MergeStateStatus BEHIND | BLOCKED | CLEAN | DIRTY | DRAFT | HAS_HOOKS | UNKNOWN | UNSTABLE;
// MergeableState CONFLICTING | MERGEABLE | UNKNOWN; PullRequestReviewDecision APPROVED | CHANGES_REQUESTED | REVIEW_REQUIRED.
// Rule objects carry the fields of "Get rules for a branch" (https://docs.github.com/en/rest/repos/rules#get-rules-for-a-branch):
// type, parameters, ruleset_source_type, ruleset_source, ruleset_id; the values below are invented.

const HEAD = 'a'.repeat(40)
const OLD = 'b'.repeat(40)

function rule(type: string, parameters?: Record<string, unknown>, rulesetId = 42): BranchRuleFact {
  return { type, ...(parameters ? { parameters } : {}), rulesetId, sourceType: 'Repository', source: 'monalisa/my-repo' }
}

const pullRequestRule = (p: Partial<Record<string, unknown>> = {}): BranchRuleFact =>
  rule('pull_request', {
    required_approving_review_count: 0,
    dismiss_stale_reviews_on_push: false,
    require_code_owner_review: false,
    require_last_push_approval: false,
    required_review_thread_resolution: false,
    ...p
  })

const statusRule = (contexts: string[], strict = false): BranchRuleFact =>
  rule('required_status_checks', { required_status_checks: contexts.map((context) => ({ context })), strict_required_status_checks_policy: strict })

const check = (name: string, state: CheckVerdict['state'], detail: string): CheckVerdict => ({
  name,
  sources: ['ruleset'],
  state,
  detail,
  ...(state === 'missing' ? {} : { kind: 'check-run' as const, url: `https://github.com/monalisa/my-repo/runs/${name.length}` })
})

/** A clean, open pull request with nothing required: every test changes what it is about. */
function facts(over: Partial<Omit<MergeFacts, 'pull'>> & { pull?: Partial<MergeFacts['pull']> } = {}): MergeFacts {
  const { pull, ...rest } = over
  return {
    pull: {
      number: 7,
      state: 'OPEN',
      isDraft: false,
      headSha: HEAD,
      baseRef: 'main',
      author: 'octocat',
      mergeable: 'MERGEABLE',
      mergeStateStatus: 'CLEAN',
      reads: 1,
      ...pull
    },
    reviewDecision: null,
    reviews: [],
    reviewRequests: [],
    unresolvedThreads: { count: 0, complete: true },
    mergeQueue: { inQueue: false, state: null, position: null },
    rules: { ok: true, value: [] },
    protection: { ok: true, value: { protected: false, requiredChecks: [] } },
    checks: { ok: true, value: [] },
    headCheckSuites: 1,
    behindBy: 0,
    commits: { unsigned: [], merges: [], complete: true },
    deployments: {},
    workflowFiles: [],
    mergingToken: 'unknown',
    ...rest
  }
}

const kinds = (f: MergeFacts): BlockerKind[] => diagnose(f).blockers.map((b) => b.kind)

describe('diagnose: one fact set per blocker kind', () => {
  it.each<[BlockerKind, MergeFacts, RegExp]>([
    ['check-failing', facts({ pull: { mergeStateStatus: 'BLOCKED' }, rules: { ok: true, value: [statusRule(['test'])] }, checks: { ok: true, value: [check('test', 'failed', 'failure')] } }), /'test' concluded failure/],
    ['check-missing', facts({ pull: { mergeStateStatus: 'BLOCKED' }, rules: { ok: true, value: [statusRule(['lint'])] }, checks: { ok: true, value: [check('lint', 'missing', 'not registered yet')] } }), /'lint'.*has not registered/],
    ['review-required', facts({ pull: { mergeStateStatus: 'BLOCKED' }, reviewDecision: 'REVIEW_REQUIRED', rules: { ok: true, value: [pullRequestRule({ required_approving_review_count: 2 })] }, reviews: [{ author: 'hubot', state: 'APPROVED', commitOid: HEAD }], reviewRequests: [{ reviewer: 'mona', asCodeOwner: false }] }), /2 approving reviews required, 1 given; review requested from mona/],
    ['changes-requested', facts({ pull: { mergeStateStatus: 'BLOCKED' }, reviewDecision: 'CHANGES_REQUESTED', reviews: [{ author: 'hubot', state: 'CHANGES_REQUESTED', commitOid: HEAD }] }), /changes requested by hubot/],
    ['code-owner-review', facts({ pull: { mergeStateStatus: 'BLOCKED' }, reviewDecision: 'APPROVED', rules: { ok: true, value: [pullRequestRule({ require_code_owner_review: true })] }, reviewRequests: [{ reviewer: 'octo-org/platform', asCodeOwner: true }] }), /code owner review from octo-org\/platform/],
    ['last-push-approval', facts({ pull: { mergeStateStatus: 'BLOCKED' }, rules: { ok: true, value: [pullRequestRule({ require_last_push_approval: true })] }, reviews: [{ author: 'hubot', state: 'APPROVED', commitOid: OLD }] }), /no approving review on the head aaaaaaa/],
    ['unresolved-conversations', facts({ pull: { mergeStateStatus: 'BLOCKED' }, rules: { ok: true, value: [pullRequestRule({ required_review_thread_resolution: true })] }, unresolvedThreads: { count: 2, complete: true } }), /2 unresolved conversations/],
    ['behind', facts({ pull: { mergeStateStatus: 'BEHIND' }, rules: { ok: true, value: [statusRule(['test'], true)] }, checks: { ok: true, value: [check('test', 'success', 'success')] }, behindBy: 3 }), /3 commits behind 'main'/],
    ['conflict', facts({ pull: { mergeable: 'CONFLICTING', mergeStateStatus: 'DIRTY' } }), /conflicts with 'main'/],
    ['draft', facts({ pull: { isDraft: true, mergeStateStatus: 'DRAFT' } }), /is a draft/],
    ['merge-queue', facts({ pull: { mergeStateStatus: 'CLEAN' }, rules: { ok: true, value: [rule('merge_queue', { merge_method: 'SQUASH', grouping_strategy: 'ALLGREEN' })] } }), /only through the merge queue/],
    ['signatures', facts({ pull: { mergeStateStatus: 'BLOCKED' }, rules: { ok: true, value: [rule('required_signatures')] }, commits: { unsigned: [OLD], merges: [], complete: true } }), /without a verified signature: bbbbbbb/],
    ['linear-history', facts({ pull: { mergeStateStatus: 'BLOCKED' }, rules: { ok: true, value: [rule('required_linear_history')] }, commits: { unsigned: [], merges: [OLD], complete: true } }), /merge commit\(s\) in the pull request: bbbbbbb/],
    ['deployments', facts({ pull: { mergeStateStatus: 'BLOCKED' }, rules: { ok: true, value: [rule('required_deployments', { required_deployment_environments: ['staging'] })] }, deployments: { staging: 'FAILURE' } }), /staging \(failure\)/],
    ['workflow-file-permission', facts({ pull: { mergeStateStatus: 'BLOCKED' }, workflowFiles: ['.github/workflows/ci.yml'], mergingToken: 'actions' }), /changes \.github\/workflows\/ci\.yml/],
    ['closed', facts({ pull: { state: 'CLOSED', mergeStateStatus: 'UNKNOWN', mergeable: 'UNKNOWN' } }), /is closed/],
    ['unknown', facts({ pull: { mergeStateStatus: 'BLOCKED' } }), /merge \(or enqueue\) attempt's own message/]
  ])('%s', (kind, f, evidence) => {
    const d = diagnose(f)
    expect(d.blockers.map((b) => b.kind)).toEqual([kind])
    expect(d.blockers[0]!.evidence).toMatch(evidence)
  })

  it('check-pending alone is waiting, for CI', () => {
    const d = diagnose(facts({ pull: { mergeStateStatus: 'BLOCKED' }, rules: { ok: true, value: [statusRule(['test'])] }, checks: { ok: true, value: [check('test', 'pending', 'in_progress')] } }))
    expect(d.verdict).toBe('waiting')
    expect(d.blockers).toEqual([expect.objectContaining({ kind: 'check-pending', who: 'ci', source: 'ruleset 42 (repository monalisa/my-repo)' })])
  })
})

describe('diagnose: verdicts and combinations', () => {
  it('a failing check and a missing review: both named, blocked, each with who can clear it', () => {
    const d = diagnose(
      facts({
        pull: { mergeStateStatus: 'BLOCKED' },
        reviewDecision: 'REVIEW_REQUIRED',
        rules: { ok: true, value: [statusRule(['test']), pullRequestRule({ required_approving_review_count: 1 })] },
        checks: { ok: true, value: [check('test', 'failed', 'failure')] }
      })
    )
    expect(d.verdict).toBe('blocked')
    expect(d.blockers.map((b) => [b.kind, b.who])).toEqual([
      ['check-failing', 'author'],
      ['review-required', 'reviewer']
    ])
    expect(d.blockers[0]!.link).toBe('https://github.com/monalisa/my-repo/runs/4')
  })

  it('a blocker names its ruleset by id, name and where it is defined', () => {
    const named = { ...statusRule(['test']), rulesetName: 'gate', sourceType: 'Organization', source: 'monalisa' }
    const d = diagnose(facts({ pull: { mergeStateStatus: 'BLOCKED' }, rules: { ok: true, value: [named] }, checks: { ok: true, value: [check('test', 'failed', 'failure')] } }))
    expect(d.blockers[0]!.source).toBe("ruleset 42 'gate' (organization monalisa)")
  })

  it('pending checks plus a missing review is blocked, not waiting', () => {
    const f = facts({
      pull: { mergeStateStatus: 'BLOCKED' },
      reviewDecision: 'REVIEW_REQUIRED',
      checks: { ok: true, value: [check('test', 'pending', 'queued')] }
    })
    expect(diagnose(f).verdict).toBe('blocked')
  })

  it('UNKNOWN asks for another read and gives no verdict; the CLEAN read that follows does', () => {
    const first = facts({ pull: { mergeStateStatus: 'UNKNOWN', mergeable: 'UNKNOWN' } })
    expect(needsReread(first)).toBe(true)
    expect(diagnose(first).verdict).toBe('unknown')
    const second = facts({ pull: { mergeStateStatus: 'CLEAN', reads: 2 } })
    expect(needsReread(second)).toBe(false)
    expect(diagnose(second)).toEqual(expect.objectContaining({ verdict: 'mergeable', blockers: [] }))
  })

  it('UNKNOWN mergeable with a known state still re-reads', () => {
    expect(needsReread(facts({ pull: { mergeable: 'UNKNOWN', mergeStateStatus: 'BLOCKED' } }))).toBe(true)
  })

  it.each(['CLEAN', 'UNSTABLE', 'HAS_HOOKS'] as const)('%s with nothing in the way is mergeable', (status) => {
    expect(diagnose(facts({ pull: { mergeStateStatus: status } })).verdict).toBe('mergeable')
  })

  it('BLOCKED with every readable rule satisfied is unknown, says why, and names the workflow files as a possible cause', () => {
    const d = diagnose(facts({ pull: { mergeStateStatus: 'BLOCKED' }, workflowFiles: ['.github/workflows/ci.yml'] }))
    expect(d.verdict).toBe('unknown')
    expect(d.reason).toBe('GitHub says blocked and no readable rule explains it')
    expect(d.blockers[0]!.evidence).toContain("GITHUB_TOKEN cannot merge")
  })

  it('a queued pull request is waiting on the queue, with its position and state', () => {
    const d = diagnose(
      facts({ rules: { ok: true, value: [rule('merge_queue', {})] }, mergeQueue: { inQueue: true, state: 'AWAITING_CHECKS', position: 2 } })
    )
    expect(d.verdict).toBe('waiting')
    expect(d.blockers[0]).toEqual(expect.objectContaining({ kind: 'merge-queue', who: 'ci', evidence: expect.stringContaining('position 2, AWAITING_CHECKS') }))
  })

  it('a merged pull request is closed and nothing else is judged', () => {
    const d = diagnose(facts({ pull: { state: 'MERGED' }, reviewDecision: 'REVIEW_REQUIRED' }))
    expect(d.verdict).toBe('blocked')
    expect(d.blockers).toEqual([expect.objectContaining({ kind: 'closed', evidence: 'the pull request is already merged' })])
  })

  it('with no check suite on the head, a missing check says the push started no workflows', () => {
    const d = diagnose(facts({ pull: { mergeStateStatus: 'BLOCKED' }, headCheckSuites: 0, checks: { ok: true, value: [check('test', 'missing', 'not registered yet')] } }))
    expect(d.blockers[0]).toEqual(expect.objectContaining({ kind: 'check-missing', who: 'author', evidence: expect.stringContaining('no check suite exists') }))
  })

  it('a strict ruleset makes a head behind the base a blocker even when GitHub still says BLOCKED', () => {
    const behind = diagnose(facts({ pull: { mergeStateStatus: 'BLOCKED' }, rules: { ok: true, value: [statusRule([], true)] }, behindBy: 1 }))
    expect(behind.blockers).toEqual([
      expect.objectContaining({ kind: 'behind', source: 'ruleset 42 (repository monalisa/my-repo): checks must pass on the latest base (strict)' })
    ])
    expect(kinds(facts({ pull: { mergeStateStatus: 'CLEAN' }, rules: { ok: true, value: [statusRule([], false)] }, behindBy: 1 }))).toEqual([])
  })

  it('approvals on an older commit do not count when stale reviews are dismissed on push', () => {
    const rules = { ok: true as const, value: [pullRequestRule({ required_approving_review_count: 1, dismiss_stale_reviews_on_push: true })] }
    const reviews = [{ author: 'hubot', state: 'APPROVED', commitOid: OLD }]
    expect(kinds(facts({ pull: { mergeStateStatus: 'BLOCKED' }, rules, reviews }))).toEqual(['review-required'])
    expect(kinds(facts({ rules, reviews: [{ ...reviews[0]!, commitOid: HEAD }] }))).toEqual([])
  })

  it("an approval of the head by the pull request's author does not meet last-push approval", () => {
    const rules = { ok: true as const, value: [pullRequestRule({ require_last_push_approval: true })] }
    expect(kinds(facts({ pull: { mergeStateStatus: 'BLOCKED' }, rules, reviews: [{ author: 'octocat', state: 'APPROVED', commitOid: HEAD }] }))).toEqual([
      'last-push-approval'
    ])
    const other = diagnose(facts({ rules, reviews: [{ author: 'hubot', state: 'APPROVED', commitOid: HEAD }] }))
    expect(other.blockers).toEqual([])
    expect(other.unreadable.map((u) => u.what)).toContain('who pushed the head')
  })

  it('unresolved threads are no blocker without the resolution rule', () => {
    expect(kinds(facts({ unresolvedThreads: { count: 4, complete: true } }))).toEqual([])
  })
})

describe('diagnose: what the token cannot see is said, never guessed', () => {
  it('names evaluate-mode rules, rule-suite history and, on a protected branch, the classic settings the branch endpoint hides', () => {
    const d = diagnose(facts({ protection: { ok: true, value: { protected: true, requiredChecks: ['test'] } } }))
    expect(d.unreadable.map((u) => u.what)).toEqual([
      'rulesets in evaluate mode',
      'classic branch protection: review, conversation, signature and linear-history settings',
      'rule-suite history'
    ])
  })

  it('a failed read is unreadable with its reason, and required workflows and unjudged rules are listed', () => {
    const d = diagnose(
      facts({
        rules: { ok: true, value: [rule('workflows', { workflows: [{ path: '.github/workflows/gate.yml', repository_id: 1 }] }), rule('code_scanning', { code_scanning_tools: [] })] },
        protection: { ok: false, reason: 'GET /branches/main: 404 Branch not found' }
      })
    )
    const what = d.unreadable.map((u) => u.what)
    expect(what).toContain('required workflows (ruleset 42 (repository monalisa/my-repo): .github/workflows/gate.yml)')
    expect(what).toContain("rule 'code_scanning' (ruleset 42 (repository monalisa/my-repo))")
    expect(d.unreadable).toContainEqual({ what: 'classic branch protection', reason: 'GET /branches/main: 404 Branch not found' })
  })

  it('push-only rules are neither blockers nor unreadable', () => {
    const d = diagnose(facts({ rules: { ok: true, value: [rule('deletion'), rule('non_fast_forward'), rule('commit_message_pattern', { operator: 'starts_with', pattern: 'issue' })] } }))
    expect(d.blockers).toEqual([])
    expect(d.unreadable.map((u) => u.what)).toEqual(['rulesets in evaluate mode', 'rule-suite history'])
  })
})
