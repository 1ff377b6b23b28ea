import { renderSummary } from '../../src/core/summary-html.js'
import { renderGfm } from '../harness/gfm.js'
import {
  APP_AUTH_ADVICE,
  queueSummaryBlocks,
  enqueueRefusedMessage,
  failingGroupChecks,
  groupNeverStartedMessage,
  isMergeQueueRefusal,
  mergeQueueRuleOf,
  nextQueueStep,
  queueEjectedMessage,
  queueOffMessage,
  queuePath,
  queueRequirement,
  queueTimeoutMessage,
  removalReasonText,
  shouldProbeGroup,
  startVerdict,
  NEVER_STARTED_AFTER_MS,
  updatedHeadNeverStartedMessage,
  tokenAuthWarning,
  branchUpdateWarning,
  type FollowFacts,
  type GroupCheck,
  type QueueSnapshot
} from '../../src/core/merge-queue.js'

// A rules answer as GET /repos/{o}/{r}/rules/branches/{b} gives it
// (https://docs.github.com/en/rest/repos/rules#get-rules-for-a-branch); the merge_queue
// parameters and their snake_case names as the raw API returns them (google/go-github#3822).
const QUEUE_RULE = {
  type: 'merge_queue',
  ruleset_source_type: 'Repository',
  ruleset_source: 'octo-org/purple-demo',
  ruleset_id: 42,
  parameters: {
    check_response_timeout_minutes: 60,
    grouping_strategy: 'ALLGREEN',
    max_entries_to_build: 5,
    max_entries_to_merge: 5,
    merge_method: 'MERGE',
    min_entries_to_merge: 1,
    min_entries_to_merge_wait_minutes: 5
  }
}
const CHECKS_RULE = {
  type: 'required_status_checks',
  ruleset_source_type: 'Repository',
  ruleset_source: 'octo-org/purple-demo',
  ruleset_id: 41,
  parameters: { required_status_checks: [{ context: 'test' }], strict_required_status_checks_policy: false }
}

describe('is a merge queue required', () => {
  it.each([
    ['a merge_queue rule among others', [CHECKS_RULE, QUEUE_RULE], { rulesetId: 42, checkResponseTimeoutMinutes: 60, mergeMethod: 'MERGE', groupingStrategy: 'ALLGREEN' }],
    ['no merge_queue rule', [CHECKS_RULE], null],
    ['no rules at all', [], null],
    // invented: a rule whose parameters GitHub left out still requires the queue
    ['a merge_queue rule without parameters', [{ type: 'merge_queue', ruleset_id: 7 }], { rulesetId: 7, checkResponseTimeoutMinutes: null, mergeMethod: null, groupingStrategy: null }]
  ])('%s', (_label, rules, expected) => {
    expect(mergeQueueRuleOf(rules)).toEqual(expected)
  })

  it.each([
    // pascalgn/automerge-action#235 and rustledger/rustledger#378: REST merge on a queue-only branch, HTTP 405.
    [405, 'Changes must be made through the merge queue', true],
    // invented: the same sentence under the ruleset header GitHub puts over rule violations (akuity/kargo#6397).
    [405, 'Repository rule violations found\n\nChanges must be made through the merge queue\n\n', true],
    // Other refusals of the same endpoint are not the queue (docs: merge a pull request, 405/409).
    [405, 'Pull Request is not mergeable', false],
    [409, 'Head branch was modified. Review and try the merge again.', false],
    // akuity/kargo#6397: a pending check under the ruleset header.
    [405, 'Repository rule violations found\n\nRequired status check "test" is expected.\n\n', false]
  ])('HTTP %s %j is a queue refusal: %s', (status, message, expected) => {
    expect(isMergeQueueRefusal(status, message)).toBe(expected)
  })

  it('prefers the rule (it carries the check timeout) and falls back to the refusal', () => {
    expect(queueRequirement({ rules: [QUEUE_RULE] })).toMatchObject({ required: true, source: 'rule', rule: { checkResponseTimeoutMinutes: 60 } })
    expect(queueRequirement({ rules: [CHECKS_RULE], refusal: { status: 405, message: 'Changes must be made through the merge queue' } })).toEqual({
      required: true,
      source: 'refusal',
      message: 'Changes must be made through the merge queue'
    })
    expect(queueRequirement({ rules: [CHECKS_RULE] })).toEqual({ required: false })
    expect(queueRequirement({})).toEqual({ required: false })
  })
})

describe('the merge-queue input', () => {
  const rule = queueRequirement({ rules: [QUEUE_RULE] })
  // pascalgn/automerge-action#235: the refusal that reveals a queue the rules read did not show.
  const refusal = queueRequirement({ refusal: { status: 405, message: 'Changes must be made through the merge queue' } })
  it.each([
    ['no queue, auto', queueRequirement({ rules: [CHECKS_RULE] }), 'auto', 'merge'],
    ['no queue, off', queueRequirement({ rules: [CHECKS_RULE] }), 'off', 'merge'],
    ['queue rule, auto', rule, 'auto', 'enqueue'],
    ['queue rule, off', rule, 'off', 'refuse'],
    ['queue refusal, auto', refusal, 'auto', 'enqueue']
  ] as const)('%s -> %s', (_label, requirement, mode, path) => {
    expect(queuePath(requirement, mode)).toBe(path)
  })

  it("'off' names the queue, GitHub's words when it refused, and the input to change", () => {
    expect(queueOffMessage(refusal)).toBe(
      "The base branch takes changes only through the merge queue (GitHub: Changes must be made through the merge queue), and 'merge-queue' is 'off': nothing was merged. Set 'merge-queue: auto' to let merge enqueue the verified head and follow it."
    )
    expect(queueOffMessage(rule)).toMatch(/^The base branch takes changes only through the merge queue, and 'merge-queue' is 'off'/)
  })
})

const GROUP = 'a'.repeat(40)
const facts = (over: Partial<FollowFacts> = {}): FollowFacts => ({
  groupAgeMs: 0,
  groupStarted: null,
  neverStartedAfterMs: 300_000,
  readsWithoutEntry: 0,
  ...over
})
const snap = (over: Partial<QueueSnapshot> = {}): QueueSnapshot => ({
  merged: false,
  pullState: 'OPEN',
  mergeCommitSha: null,
  entry: { state: 'AWAITING_CHECKS', position: 1, groupSha: GROUP },
  removal: null,
  ...over
})

describe('what an observed entry means', () => {
  it.each<[string, QueueSnapshot, FollowFacts, unknown]>([
    [
      // objectstack-ai/objectstack#19343: removed_from_merge_queue fires on a successful merge too; merged decides.
      'merged with a removal event on record',
      snap({ merged: true, pullState: 'MERGED', mergeCommitSha: GROUP, entry: null, removal: { reason: 'merged', at: '2026-01-01T00:00:00Z' } }),
      facts({ readsWithoutEntry: 1 }),
      { kind: 'merged', mergeCommitSha: GROUP }
    ],
    [
      // kamp-us/phoenix#4203: merged and removed land in the same second, in either order: one read is not enough.
      'gone, not merged yet, first read',
      snap({ entry: null, removal: { reason: null, at: '2026-01-01T00:00:00Z' } }),
      facts({ readsWithoutEntry: 1 }),
      { kind: 'waiting', entry: null, probeGroup: false }
    ],
    [
      'gone on a second read: ejected with the reason GitHub gave',
      snap({ entry: null, removal: { reason: 'failed_checks', at: '2026-01-01T00:00:00Z' } }),
      facts({ readsWithoutEntry: 2 }),
      { kind: 'ejected', reason: 'failed_checks', closed: false }
    ],
    [
      // A successful merge records its removal with reason `merged`: not an ejection, however many reads it takes.
      'gone with reason merged, merge not shown yet',
      snap({ entry: null, removal: { reason: 'merged', at: '2026-01-01T00:00:00Z' } }),
      facts({ readsWithoutEntry: 5 }),
      { kind: 'waiting', entry: null, probeGroup: false }
    ],
    [
      // Comfy-Org/ComfyUI_frontend#17950: the reason field can be empty.
      'gone without a reason',
      snap({ entry: null }),
      facts({ readsWithoutEntry: 2 }),
      { kind: 'ejected', reason: null, closed: false }
    ],
    ['closed while queued: ends at once', snap({ entry: null, pullState: 'CLOSED' }), facts({ readsWithoutEntry: 1 }), { kind: 'ejected', reason: null, closed: true }],
    ['queued', snap({ entry: { state: 'QUEUED', position: 3, groupSha: null } }), facts(), { kind: 'waiting', entry: { state: 'QUEUED', position: 3, groupSha: null }, probeGroup: false }],
    ['awaiting checks, young group: no probe yet', snap(), facts({ groupAgeMs: 60_000 }), { kind: 'waiting', entry: snap().entry, probeGroup: false }],
    ['awaiting checks, old group never probed: probe', snap(), facts({ groupAgeMs: 300_000 }), { kind: 'waiting', entry: snap().entry, probeGroup: true }],
    ['awaiting checks, group started: just wait', snap(), facts({ groupAgeMs: 3_000_000, groupStarted: true }), { kind: 'waiting', entry: snap().entry, probeGroup: false }],
    // loopdive/js2#1790, TYPO3-Documentation/render-guides#1399: a job-token enqueue sits in AWAITING_CHECKS with zero runs.
    ['awaiting checks, old group that started nothing', snap(), facts({ groupAgeMs: 300_000, groupStarted: false }), { kind: 'group-never-started', groupSha: GROUP }],
    ['mergeable (about to merge)', snap({ entry: { state: 'MERGEABLE', position: 1, groupSha: GROUP } }), facts({ groupAgeMs: 900_000, groupStarted: false }), { kind: 'waiting', entry: { state: 'MERGEABLE', position: 1, groupSha: GROUP }, probeGroup: false }],
    ['unmergeable: wait for the removal and its reason', snap({ entry: { state: 'UNMERGEABLE', position: 1, groupSha: GROUP } }), facts(), { kind: 'waiting', entry: { state: 'UNMERGEABLE', position: 1, groupSha: GROUP }, probeGroup: false }],
    ['locked (merging)', snap({ entry: { state: 'LOCKED', position: 1, groupSha: GROUP } }), facts(), { kind: 'waiting', entry: { state: 'LOCKED', position: 1, groupSha: GROUP }, probeGroup: false }]
  ])('%s', (_label, snapshot, f, expected) => {
    expect(nextQueueStep(snapshot, f)).toEqual(expected)
  })

  it('never calls a group never-started before its age, whatever the probe said', () => {
    expect(nextQueueStep(snap(), facts({ groupAgeMs: 299_999, groupStarted: false })).kind).toBe('waiting')
    expect(shouldProbeGroup({ state: 'AWAITING_CHECKS', position: 1, groupSha: null }, facts({ groupAgeMs: 900_000 }))).toBe(false)
  })
})

describe('failing checks of a merge group', () => {
  const run = (name: string, outcome: string, order: number, url: string | null = `https://github.com/o/r/runs/${order}`): GroupCheck => ({
    name,
    outcome,
    url,
    kind: 'check-run',
    order
  })
  it('keeps the newest run per name and the failing conclusions GitHub documents', () => {
    // Conclusions: https://docs.github.com/en/rest/checks/runs#get-a-check-run (status/conclusion enums);
    // open-metadata/OpenMetadata#30752 lists action_required, stale, startup_failure on queue shas too.
    const checks = [
      run('test', 'failure', 1),
      run('test', 'success', 2),
      run('lint', 'success', 3),
      run('lint', 'cancelled', 4),
      run('e2e', 'timed_out', 5),
      run('docs', 'skipped', 6),
      run('build', 'in_progress', 7),
      { name: 'ci/legacy', outcome: 'error', url: 'https://ci.example/1', kind: 'status' as const, order: 1 },
      { name: 'ci/ok', outcome: 'success', url: null, kind: 'status' as const, order: 2 }
    ]
    expect(failingGroupChecks(checks).map((c) => [c.name, c.outcome])).toEqual([
      ['ci/legacy', 'error'],
      ['e2e', 'timed_out'],
      ['lint', 'cancelled']
    ])
  })
})

describe('what Purple says', () => {
  it.each([
    ['failed_checks', "the merge group's required checks failed"],
    [null, 'GitHub gave no reason'],
    ['', 'GitHub gave no reason'],
    // invented: an unknown reason is quoted on one line, never interpreted
    ['dequeued\n::error::x', "reason 'dequeued\\n::error::x'"]
  ])('removal reason %j', (reason, text) => {
    expect(removalReasonText(reason)).toBe(text)
  })

  it('names each failing group check with its link, on one line', () => {
    const message = queueEjectedMessage({
      pull: 7,
      reason: 'failed_checks',
      closed: false,
      groupSha: GROUP,
      failing: [{ name: 'test\n::error::x', outcome: 'failure', url: 'https://github.com/o/r/runs/9', kind: 'check-run', order: 1 }]
    })
    expect(message).toBe(
      "Pull request #7 was removed from the merge queue without merging: the merge group's required checks failed. " +
        "Failing checks of merge group aaaaaaa: 'test\\n::error::x' (failure: https://github.com/o/r/runs/9). " +
        "The pull request's own checks may still read green: fix what failed in the group, then enqueue again."
    )
  })

  it.each([
    // devantler-tech/platform#3136: enqueuePullRequest -> UNPROCESSABLE with the most precise blocker text.
    ["Pull request Required workflow '✅ Validate Go Project' is not satisfied"],
    // flutter/cocoon#5017 (name invented): the last-pusher rule.
    ['Pull request New changes require approval from someone other than octocat because they were the last pusher.']
  ])('reports an enqueue refusal word for word: %s', (said) => {
    expect(enqueueRefusedMessage(3, said)).toBe(`GitHub refused to add pull request #3 to the merge queue: ${said}`)
  })

  // Whose token enqueued decides the cause: the job's token starts nothing; an App's or a person's points at the triggers.
  it.each([
    ['actions', /: nothing will report its required checks, .* ends\. The enqueue was made with the job's GITHUB_TOKEN\. Use GitHub App auth/, true],
    ['unknown', /\. Either the enqueue was made with the job's GITHUB_TOKEN or no workflow has a 'merge_group:' trigger\. Use GitHub App auth/, true],
    ['other', /\. The enqueue was not made with the job's GITHUB_TOKEN, so the likely cause is that no workflow has a 'merge_group:' trigger: add one to the workflows/, false]
  ] as const)('a group that never started, enqueued with a token whose owner is %s: %s', (owner, cause, advice) => {
    const message = groupNeverStartedMessage(1, GROUP, 330_000, owner)
    expect(message).toMatch(/^Merge group aaaaaaa of pull request #1 has no check suite and no workflow run after 5m 30s: /)
    expect(message).toMatch(cause)
    expect(message.includes(APP_AUTH_ADVICE)).toBe(advice)
    expect(APP_AUTH_ADVICE).toContain("'app-id' and 'private-key'")
  })

  // A personal token's or another App's events start workflows: only the job's token (or one that may be it) is warned about.
  it.each([
    ['actions', /^Enqueueing with the job's GITHUB_TOKEN: the merge group it creates will start no workflows\. /],
    ['unknown', /^Enqueueing with a token that may be the job's GITHUB_TOKEN: if it is, /],
    ['other', null]
  ] as const)('before an enqueue with a token whose owner is %s: %s', (owner, warning) => {
    const text = tokenAuthWarning(owner)
    if (warning === null) return expect(text).toBeNull()
    expect(text).toMatch(warning)
    expect(text).toContain(APP_AUTH_ADVICE)
  })

  it.each([
    ['actions', /^The branch was updated with the job's GITHUB_TOKEN: .*checks may never start on abc1234\. Use GitHub App auth/],
    ['unknown', /^The branch was updated with a token that may be the job's GITHUB_TOKEN: .*checks may never start on abc1234\./],
    ['other', null]
  ] as const)('after a branch update with a token whose owner is %s: %s', (owner, warning) => {
    const text = branchUpdateWarning(owner, 'abc1234')
    if (warning === null) return expect(text).toBeNull()
    expect(text).toMatch(warning)
  })

  it('a timeout names the queue check timeout, and the never-started diagnosis when nothing started', () => {
    const entry = { state: 'AWAITING_CHECKS' as const, position: 2, groupSha: GROUP }
    const started = queueTimeoutMessage({ pull: 1, entry, waitedMs: 600_000, groupStarted: true, checkResponseTimeoutMinutes: 60, owner: 'actions' })
    expect(started).toBe(
      "Pull request #1 is still in the merge queue (AWAITING_CHECKS, position 2) after 10m 0s, the 'timeout-seconds' budget; it stays queued. " +
        "The queue waits up to 60 minutes for required checks: give 'timeout-seconds' about 3600 to follow an entry to its end."
    )
    const never = queueTimeoutMessage({ pull: 1, entry, waitedMs: 600_000, groupStarted: false, checkResponseTimeoutMinutes: null, owner: 'actions' })
    expect(never).toContain('has no check suite and no workflow run')
    expect(never).toContain(APP_AUTH_ADVICE)
    const notTheJobs = queueTimeoutMessage({ pull: 1, entry, waitedMs: 600_000, groupStarted: false, checkResponseTimeoutMinutes: null, owner: 'other' })
    expect(notTheJobs).toContain("no workflow has a 'merge_group:' trigger")
    expect(notTheJobs).not.toContain(APP_AUTH_ADVICE)
  })
})

describe('the job summary of a queue outcome', () => {
  it('links each failing group check, escaping names and refusing non-http links', () => {
    // invented hostile name: a check run name is any string (docs: create a check run, `name`)
    const html = renderGfm(
      renderSummary(
        queueSummaryBlocks({
          message: 'Pull request #1 was removed from the merge queue without merging.',
          mergeGroupSha: GROUP,
          mergeCommitSha: '',
          failingChecks: [
            { name: 'test <img src=x>', outcome: 'failure', url: 'https://github.com/o/r/runs/9', kind: 'check-run', order: 9 },
            { name: 'ci/legacy', outcome: 'error', url: 'javascript:alert(1)', kind: 'status', order: 1 }
          ]
        })
      )
    )
    expect(html).toContain('<a href="https://github.com/o/r/runs/9">test &lt;img src=x&gt;</a>')
    expect(html).not.toContain('<img')
    expect(html).not.toContain('javascript:')
    expect(html).toContain(`<td>merge group</td><td><code>${GROUP}</code></td>`)
    expect(html).not.toContain('merge commit')
  })
})

describe('never started: one rule for merge groups and updated heads', () => {
  // loopdive/js2#1790: a job-token enqueue's group sat in AWAITING_CHECKS with zero workflow runs until evicted;
  // a job-token push (a branch update) likewise starts no workflows (GitHub: "triggering a workflow from a workflow").
  it.each<[number, boolean | null, ReturnType<typeof startVerdict>]>([
    [0, null, 'too-young'],
    [179_999, false, 'too-young'],
    [10, true, 'started'],
    [3_600_000, true, 'started'],
    [180_000, null, 'probe'],
    [180_000, false, 'never-started'],
    [3_600_000, false, 'never-started']
  ])('age %i ms, started %p: %s', (ageMs, started, verdict) => {
    expect(startVerdict({ ageMs, started, neverStartedAfterMs: NEVER_STARTED_AFTER_MS })).toBe(verdict)
  })

  it('ends inside merge\'s default budget of 300 s', () => {
    expect(NEVER_STARTED_AFTER_MS).toBeLessThan(300_000)
  })

  it('names the updated head, how long it waited, the job token and the App auth inputs', () => {
    expect(updatedHeadNeverStartedMessage('b'.repeat(40), 180_000, 'actions')).toBe(
      `No check suite and no workflow run exists for the updated head ${'b'.repeat(40)} after 3m 0s: a branch update made with the job's GITHUB_TOKEN starts no workflows, so its required checks will never report. Use GitHub App auth ('app-id' and 'private-key'; Purple refreshes the App token itself) so the new head gets its checks.`
    )
  })

  it.each([
    ['unknown', /: a branch update made with the job's GITHUB_TOKEN \(which this token may be\) starts no workflows, .* Use GitHub App auth/],
    ['other', /: the update was not made with the job's GITHUB_TOKEN, so the likely cause is the 'pull_request' triggers \(types, branches, paths\)/]
  ] as const)('an updated head that never started, with a token whose owner is %s: %s', (owner, cause) => {
    const message = updatedHeadNeverStartedMessage('b'.repeat(40), 180_000, owner)
    expect(message).toMatch(/^No check suite and no workflow run exists for the updated head b{40} after 3m 0s/)
    expect(message).toMatch(cause)
  })
})
