import { performance } from 'node:perf_hooks'
import { classifyMergeFailure, classifyViolation, isFinal, judgePullState, judgeUnsettled, listViolations, outcomeUnknownAfter, type MergeFailure, type PullSnapshot } from '../../src/core/merge-errors.js'
import { nextMergeStep } from '../../src/core/merge-schedule.js'

const SHA = 'a'.repeat(40)
const OTHER = 'b'.repeat(40)

const open: PullSnapshot = {
  state: 'open',
  merged: false,
  mergeCommitSha: null,
  headSha: SHA,
  mergeable: true,
  mergeableState: 'blocked',
  draft: false
}

// Real merge-endpoint messages, each from a public tracker (see merge-errors.ts for the threads).
describe('classifyMergeFailure on real GitHub messages', () => {
  it.each([
    // The singular form, which a classifier matching only the plural gave up on (reported in akuity/kargo#6397).
    [405, 'Required status check "check-branch-name" is expected.'],
    // PennyDreadfulMTG/Penny-Dreadful-Tools#6226
    [405, 'Required status check "Codacy/PR Quality Review" is expected.'],
    // claroline/Distribution#492 (no trailing dot)
    [405, 'Required status check "continuous-integration/travis-ci" is expected'],
    [405, '2 of 3 required status checks are expected.'],
    [405, '1 of 1 required status checks are expected.'],
    // invented: the simulator's plural form with only expected checks.
    [405, '2 of 3 required status checks have not succeeded: 2 expected.'],
    // alphagov/bulk-merger README (a logged merge answer): the real plural form, nothing failed.
    [405, '2 of 2 required status checks have not succeeded: 1 expected and 1 pending.'],
    // lyra-os-linux/vegad#52 (its docs record the merge answers)
    [405, '2 of 2 required status checks are in progress.'],
    [405, 'Required status check "test" is in progress.'],
    // akuity/kargo#6397: the ruleset wrapping of the same words.
    [405, 'Repository rule violations found\n\nRequired status check "test" is expected.\n\n'],
    [405, 'Repository rule violations found\n\n2 of 2 required status checks are expected.\n\n'],
    [405, 'Repository rule violations found\r\n\r\nRequired status check "lint" is expected.\r\n'],
    // KnpLabs/php-github-api#497, cli/cli#12748
    [405, 'Base branch was modified. Review and try the merge again.'],
    // A check named like a blocking word is still just a name.
    [405, 'Required status check "draft-review / merge queue conflicts" is expected.']
  ])('%i %j is pending', (status, message) => {
    const verdict = classifyMergeFailure({ status, message }, open, SHA)
    expect(verdict).toEqual({ kind: 'pending', message: message.trim() })
    expect(isFinal(verdict)).toBe(false)
  })

  it.each([
    [405, 'Required status check "test" is failing.', 'check-failing'],
    // invented: the simulator's wording for several failing checks (no public report of GitHub's plural form);
    // the rule it exercises is also tested by the real singular form above.
    [405, '2 of 3 required status checks have not succeeded.', 'check-failing'],
    // invented: a mixed count with a failure is final too.
    [405, '3 of 4 required status checks have not succeeded: 1 expected and 2 failing.', 'check-failing'],
    [405, 'Repository rule violations found\n\nRequired status check "test" is failing.\n\n', 'check-failing'],
    // lyra-os-linux/vegad#52: the real plural form with a failure.
    [405, '2 of 2 required status checks have not succeeded: 1 failing.', 'check-failing'],
    // alphagov/bulk-merger README: a commit status in the error state.
    [405, 'Required status check "continuous-integration/jenkins/branch" is errored.', 'check-failing'],
    // A failing check among expected ones: final, never retried.
    [405, 'Repository rule violations found\n\nRequired status check "build" is expected.\nRequired status check "test" is failing.\n', 'check-failing'],
    // Reviewable/Reviewable#561
    [405, 'At least 1 approving review is required by reviewers with write access.', 'review-required'],
    [405, 'At least 2 approving reviews are required by reviewers with write access.', 'review-required'],
    // microsoft/winget-pkgs#379724
    [
      405,
      'Repository rule violations found\n\nWaiting on 1 more approval from a reviewer with write access because the last pusher could not be determined.\n\n',
      'review-required'
    ],
    // A pending check plus a missing review: the review will not arrive by waiting.
    [405, 'Repository rule violations found\n\nRequired status check "test" is expected.\nAt least 1 approving review is required by reviewers with write access.\n', 'review-required'],
    [405, 'Review required', 'review-required'],
    [405, 'Waiting on code owner review from octo-org/reviewers.', 'review-required'],
    // Mergifyio/mergify#48, decocms/studio#6036, akuity/kargo#6490
    [405, 'Merge commits are not allowed on this repository.', 'method-not-allowed'],
    [405, 'Squash merges are not allowed on this repository.', 'method-not-allowed'],
    [405, 'Rebase merges are not allowed on this repository.', 'method-not-allowed'],
    // chdsbd/kodiak#295: required linear history refuses a merge commit; squash or rebase still work.
    [405, 'This branch must not contain merge commits.', 'method-not-allowed'],
    // invented: the same rule listed by a ruleset.
    [405, 'Repository rule violations found\n\nThis branch must not contain merge commits.\n\n', 'method-not-allowed'],
    // alexwlchan/auto_merge_my_pull_requests#1, lindell/multi-gitter#622
    [405, 'Pull Request is still a draft', 'draft'],
    // pascalgn/automerge-action#235
    [405, 'Changes must be made through the merge queue', 'merge-queue'],
    [405, 'Repository rule violations found\n\nChanges must be made through the merge queue\n\n', 'merge-queue'],
    [405, 'Repository rule violations found\n\nRequired signatures\n\n', 'rule-violation'],
    [405, 'Repository rule violations found\n\nCommits must have verified signatures.\n', 'rule-violation'],
    // ansible/ansibullbot#1014, claroline/Distribution#492
    [405, "You're not authorized to push to this branch. Visit https://docs.github.com/articles/about-protected-branches/ for more information.", 'forbidden'],
    [403, 'Resource not accessible by integration', 'forbidden'],
    [404, 'Not Found', 'not-found'],
    [422, 'Invalid request.\n\nFor \'properties/merge_method\', "fast-forward" is not one of ["merge", "squash", "rebase"].', 'invalid-request'],
    [401, 'Bad credentials', 'forbidden']
  ])('%i %j is permanent (%s)', (status, message, category) => {
    const verdict = classifyMergeFailure({ status, message }, open, SHA)
    expect(verdict).toMatchObject({ kind: 'permanent', category, message: message.trim() })
    expect(verdict.kind === 'permanent' && verdict.advice.length > 20).toBe(true)
    expect(isFinal(verdict)).toBe(true)
  })

  it.each([
    // dlang/dlang-bot#77
    [409, 'Head branch was modified. Review and try the merge again.'],
    [409, 'Conflict']
  ])('%i %j is head-moved, never retried', (status, message) => {
    expect(classifyMergeFailure({ status, message }, open, SHA)).toMatchObject({ kind: 'head-moved', message })
  })

  describe('"Pull Request is not mergeable" is decided by the PR read after it', () => {
    const message = 'Pull Request is not mergeable'
    it.each([
      [{ mergeable: null, mergeableState: 'unknown' }, 'pending', undefined],
      [{ mergeable: false, mergeableState: 'dirty' }, 'permanent', 'conflict'],
      [{ mergeable: true, mergeableState: 'dirty' }, 'permanent', 'conflict'],
      [{ mergeable: true, mergeableState: 'behind' }, 'behind', undefined],
      // strands-labs/robots#2578: "not mergeable" while GitHub reads the PR as mergeable is stale: retried.
      [{ mergeable: true, mergeableState: 'clean' }, 'pending', undefined],
      [{ mergeable: true, mergeableState: 'unstable' }, 'pending', undefined],
      [{ mergeable: true, mergeableState: 'draft', draft: true }, 'permanent', 'draft'],
      [{ mergeable: true, mergeableState: 'blocked' }, 'permanent', 'not-mergeable']
    ] as const)('%j -> %s %s', (state, kind, category) => {
      const verdict = classifyMergeFailure({ status: 405, message }, { ...open, ...state }, SHA)
      expect(verdict.kind).toBe(kind)
      if (category) expect(verdict).toMatchObject({ category })
    })

    it('is pending when the PR could not be read (GitHub may still be computing)', () => {
      expect(classifyMergeFailure({ status: 405, message }, undefined, SHA).kind).toBe('pending')
    })

    it('an unknown 405 while mergeable is still null gets the budget', () => {
      expect(classifyMergeFailure({ status: 405, message: 'Something new' }, { ...open, mergeable: null }, SHA).kind).toBe('pending')
      expect(classifyMergeFailure({ status: 405, message: 'Something new' }, open, SHA)).toMatchObject({ kind: 'permanent', category: 'not-mergeable' })
    })
  })

  describe('the PR state outranks the message (a retry after a lost answer is idempotent)', () => {
    it('merged at our sha after "not mergeable" is already-merged', () => {
      const merged = { ...open, state: 'closed' as const, merged: true, mergeCommitSha: 'c'.repeat(40), mergeable: null }
      expect(classifyMergeFailure({ status: 405, message: 'Pull Request is not mergeable' }, merged, SHA)).toEqual({
        kind: 'already-merged',
        mergeCommitSha: 'c'.repeat(40),
        message: `Pull request is already merged at the verified head ${SHA}.`
      })
    })

    it('a socket cut on the merge answer, then a read that shows it merged, is already-merged', () => {
      const failure = { message: 'other side closed', code: 'UND_ERR_SOCKET' }
      const merged = { ...open, state: 'closed' as const, merged: true, mergeCommitSha: 'c'.repeat(40) }
      expect(classifyMergeFailure(failure, merged, SHA).kind).toBe('already-merged')
      expect(classifyMergeFailure(failure, open, SHA).kind).toBe('transient')
    })

    it('merged at another head is not our success', () => {
      const merged = { ...open, state: 'closed' as const, merged: true, headSha: OTHER, mergeCommitSha: 'c'.repeat(40) }
      expect(classifyMergeFailure({ status: 405, message: 'Pull Request is not mergeable' }, merged, SHA)).toMatchObject({
        kind: 'permanent',
        category: 'merged-other-head'
      })
    })

    it('closed unmerged is permanent; a moved head is head-moved whatever the message', () => {
      expect(classifyMergeFailure({ status: 405, message: 'Required status check "x" is expected.' }, { ...open, state: 'closed' }, SHA)).toMatchObject({
        kind: 'permanent',
        category: 'closed'
      })
      expect(classifyMergeFailure({ status: 405, message: 'Required status check "x" is expected.' }, { ...open, headSha: OTHER }, SHA)).toEqual({
        kind: 'head-moved',
        headSha: OTHER,
        message: expect.stringContaining(OTHER)
      })
    })

    it('judgePullState is undefined for an open PR at the verified sha', () => {
      expect(judgePullState(open, SHA)).toBeUndefined()
    })
  })

  describe('transport failures go to the transient classifier', () => {
    it.each([
      [{ message: 'The socket connection was closed unexpectedly.' }],
      [{ message: 'fetch failed', code: 'ECONNRESET' }],
      [{ message: 'terminated', code: 'UND_ERR_SOCKET' }],
      [{ message: 'read ECONNRESET', code: 'ECONNRESET' }],
      [{ status: 500, message: 'Server Error' }],
      [{ status: 502, message: 'Bad Gateway' }],
      [{ status: 524, message: '', body: '<!DOCTYPE html><html><title>524: A timeout occurred</title>' }],
      // A 200 whose body was cut: Octokit resolves with data ""; the shell reports it so.
      [{ status: 200, message: 'malformed response: the merge answer has no `merged` field' }],
      [{ message: 'This operation was aborted', name: 'TimeoutError' }],
      [{ status: 429, message: 'Too Many Requests', headers: { 'retry-after': '2' } }],
      [{ status: 403, message: 'You have exceeded a secondary rate limit.', headers: { 'retry-after': '3' } }],
      // Rate-limit signs outrank any word in the message.
      [{ status: 403, message: 'You have exceeded a secondary rate limit. Check your permission to merge.' }],
      [{ status: 403, message: 'API rate limit exceeded for installation ID 888001.', headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1' } }]
    ])('%j is transient', (failure) => {
      expect(classifyMergeFailure(failure, open, SHA).kind).toBe('transient')
    })

    it('carries retry-after', () => {
      expect(classifyMergeFailure({ status: 429, message: 'Too Many Requests', headers: { 'retry-after': '2' } }, open, SHA)).toMatchObject({
        retryAfterMs: 2000
      })
      expect(
        classifyMergeFailure({ status: 403, message: 'API rate limit exceeded', headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '100' }, now: 90_000 }, open, SHA)
      ).toMatchObject({ kind: 'transient', retryAfterMs: 11_000 })
    })
  })
})

describe('strict "up to date": the base moved, the head did not', () => {
  const behind: PullSnapshot = { ...open, mergeableState: 'behind' }
  // gabrielkoerich/orch#3371: GitHub's answer on a branch that must be up to date.
  const outOfDate = 'Head branch is out of date. Review and try the merge again.'
  it.each<[number, string, PullSnapshot | undefined, string]>([
    [409, outOfDate, behind, 'behind'],
    [409, outOfDate, undefined, 'behind'],
    // A 409 whose read still shows the verified head, behind its base: the base moved, whatever the words.
    [409, 'Head branch was modified. Review and try the merge again.', behind, 'behind'],
    // invented: cli/cli's words for GitHub's BEHIND state ("the head branch is not up to date with the base branch") as a 405.
    [405, 'Head branch is not up to date with the base branch', behind, 'behind'],
    // Right after an update GitHub may still say "out of date" while it recomputes: a read that is not behind is pending.
    [409, outOfDate, { ...open, mergeableState: 'clean' }, 'pending'],
    [409, outOfDate, { ...open, mergeable: null, mergeableState: 'unknown' }, 'pending']
  ])('%i %j with %j is %s, never head-moved', (status, message, pull, kind) => {
    expect(classifyMergeFailure({ status, message }, pull, SHA)).toEqual({ kind, message })
  })

  it('a head that really moved is still head-moved', () => {
    expect(classifyMergeFailure({ status: 409, message: outOfDate }, { ...behind, headSha: OTHER }, SHA)).toMatchObject({ kind: 'head-moved', headSha: OTHER })
  })
})

describe('after a merge call whose answer was lost', () => {
  const notMergeable = { status: 405, message: 'Pull Request is not mergeable' }
  it.each<[string, PullSnapshot | undefined]>([
    ['a stale read: open and clean', { ...open, mergeableState: 'clean' }],
    ['a stale read: open and blocked', open],
    ['no read at all', undefined]
  ])('"Pull Request is not mergeable" with %s is unsettled (read again), never a refusal', (_label, pull) => {
    expect(classifyMergeFailure(notMergeable, pull, SHA, { outcomeUnknown: true })).toEqual({ kind: 'unsettled', message: notMergeable.message })
    // Without a lost answer the same blocked read is a refusal.
    if (pull === open) expect(classifyMergeFailure(notMergeable, pull, SHA)).toMatchObject({ kind: 'permanent', category: 'not-mergeable' })
  })

  it.each<[string, PullSnapshot | undefined, string]>([
    ['merged at the verified head', { ...open, state: 'closed', merged: true, mergeCommitSha: 'c'.repeat(40) }, 'already-merged'],
    ['a conflict (a merge that happened leaves none)', { ...open, mergeable: false, mergeableState: 'dirty' }, 'permanent'],
    ['a moved head', { ...open, headSha: OTHER }, 'head-moved'],
    ['open and clean (may be stale)', { ...open, mergeableState: 'clean' }, 'unsettled'],
    ['no read', undefined, 'unsettled']
  ])('judgeUnsettled: a read showing %s -> %s', (_label, pull, kind) => {
    expect(judgeUnsettled(pull, SHA, 'x').kind).toBe(kind)
  })

  const lost: MergeFailure = { message: 'other side closed', code: 'UND_ERR_SOCKET' }
  const limited: MergeFailure = { status: 403, message: 'You have exceeded a secondary rate limit.', headers: { 'retry-after': '3' } }
  const expected: MergeFailure = { status: 405, message: 'Required status check "test" is expected.' }
  it.each<[boolean, MergeFailure, boolean]>([
    [false, lost, true],
    // A connection refused carried no request: no doubt about a merge.
    [false, { message: 'connect ECONNREFUSED 127.0.0.1:443', code: 'ECONNREFUSED' }, false],
    [false, { message: 'fetch failed', cause: { message: 'getaddrinfo ENOTFOUND api.github.com', code: 'ENOTFOUND' } }, false],
    [false, { status: 502, message: 'Bad Gateway' }, true],
    [false, { status: 200, message: 'malformed response: the merge answer has no `merged` field' }, true],
    // A rate limit is refused before anything happens: it neither raises nor clears the doubt.
    [false, limited, false],
    [true, limited, true],
    // Another "not mergeable" proves nothing; a refusal naming a pending check proves the PR was open.
    [true, notMergeable, true],
    [true, expected, false]
  ])('outcomeUnknownAfter(%j, %j) is %j', (previous, failure, unknown) => {
    const verdict = classifyMergeFailure(failure, open, SHA, { outcomeUnknown: previous })
    expect(outcomeUnknownAfter(previous, failure, verdict)).toBe(unknown)
  })
})

describe('every classifier runs in linear time', () => {
  const MB = 1 << 20
  const fill = (unit: string): string => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB)
  /** The best of three runs in ms: the cost of the work, not of a busy machine. */
  const fastest = (run: () => unknown): number =>
    Math.min(
      ...[1, 2, 3].map(() => {
        const started = performance.now()
        run()
        return performance.now() - started
      })
    )
  // Each repeats a prefix of some rule, so a backtracking rule would retry it from every position.
  const units = ['merge method ', 'merge commits ', ' ', '"', "'", '1', 'is ', '\n', '\r\n', 'Repository rule violations found\n', 'review ', 'out of ', 'not ', 'head branch ', 'a']
  it.each(units)('%j repeated to 1 MB: under 200 ms per classification', (unit) => {
    const message = fill(unit)
    for (const status of [undefined, 403, 405, 409, 422, 502]) {
      for (const outcomeUnknown of [false, true]) {
        const ms = fastest(() => classifyMergeFailure({ ...(status === undefined ? {} : { status }), message }, open, SHA, { outcomeUnknown }))
        expect({ status, outcomeUnknown, fast: ms < 200 }).toEqual({ status, outcomeUnknown, fast: true })
      }
    }
    expect(fastest(() => listViolations(message))).toBeLessThan(200)
  })

  // The rules themselves, unclipped: a quadratic one (`merge method .* not allowed`) takes many seconds here.
  it.each(units)('the violation rules on %j repeated to 128 KB: under 200 ms', (unit) => {
    const text = fill(unit).slice(0, MB / 8)
    expect(fastest(() => classifyViolation(text))).toBeLessThan(200)
  })
})

describe('listViolations', () => {
  it.each([
    ['Repository rule violations found\n\nRequired status check "test" is expected.\n\n', ['Required status check "test" is expected.']],
    ['Repository rule violations found\n\nA\nB\n', ['A', 'B']],
    ['Pull Request is not mergeable', ['Pull Request is not mergeable']]
  ])('%j', (message, expected) => {
    expect(listViolations(message)).toEqual(expected)
  })
})

describe('nextMergeStep', () => {
  const budget = { timeoutMs: 10_000, intervalMs: 1000 }
  it.each([
    [{ failures: 1, elapsedMs: 0 }, { kind: 'wait', ms: 1000 }],
    [{ failures: 2, elapsedMs: 1000 }, { kind: 'wait', ms: 1500 }],
    [{ failures: 3, elapsedMs: 2500 }, { kind: 'wait', ms: 2250 }],
    // clipped to the time left, so the last attempt lands on the deadline
    [{ failures: 3, elapsedMs: 9500 }, { kind: 'wait', ms: 500 }],
    [{ failures: 1, elapsedMs: 0, retryAfterMs: 4000 }, { kind: 'wait', ms: 4000 }],
    [{ failures: 9, elapsedMs: 10_000 }, { kind: 'stop', why: 'the 10 s budget is used up' }],
    [{ failures: 1, elapsedMs: 8000, retryAfterMs: 5000 }, { kind: 'stop', why: 'GitHub asked to wait 5 s, more than the 2 s left' }]
  ])('%j -> %j', (state, expected) => {
    expect(nextMergeStep(budget, state, () => 0)).toEqual(expected)
  })

  it('caps one wait at six intervals and shaves at most the jitter off it', () => {
    expect(nextMergeStep({ ...budget, timeoutMs: 60_000 }, { failures: 50, elapsedMs: 0 }, () => 0)).toEqual({ kind: 'wait', ms: 6000 })
    expect(nextMergeStep({ ...budget, timeoutMs: 60_000 }, { failures: 50, elapsedMs: 0 }, () => 1)).toEqual({ kind: 'wait', ms: 4800 })
  })
})
