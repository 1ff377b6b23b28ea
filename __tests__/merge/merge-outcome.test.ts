/** The words a merge run ends with: one row per way it can end. */
import { fromVerdict, stopOutcome, updateOutcome, type StopContext, type UpdateEnd } from '../../src/core/merge-outcome.js'

const SHA = 'a'.repeat(40)
const MERGE_SHA = 'c'.repeat(40)
const URL = 'https://github.com/octo-org/purple-demo/pull/1'

describe('fromVerdict: every final answer has an outcome', () => {
  it.each([
    [{ kind: 'merged', mergeCommitSha: MERGE_SHA, message: 'Pull Request successfully merged' }, { merged: true, mergeCommitSha: MERGE_SHA, reason: 'merged' }, /^Pull Request successfully merged$/],
    [{ kind: 'already-merged', mergeCommitSha: '', message: 'Pull request is already merged.' }, { merged: true, mergeCommitSha: 'from-read', reason: 'merged' }, /an earlier attempt merged it/],
    [{ kind: 'head-moved', message: 'Head branch moved.' }, { merged: false, mergeCommitSha: '', reason: 'head-moved' }, /Run wait-ci on the new head/],
    // gabrielkoerich/orch#3371
    [
      { kind: 'behind', message: 'Head branch is out of date. Review and try the merge again.' },
      { merged: false, reason: 'behind' },
      /'Head branch is out of date\. Review and try the merge again\.'.*must be up to date.*'update-branch: true'/
    ],
    [
      { kind: 'permanent', category: 'conflict', message: 'Pull Request is not mergeable', advice: 'Resolve the conflicts.' },
      { merged: false, reason: 'permanent', category: 'conflict' },
      /^GitHub refused the merge: 'Pull Request is not mergeable'\. Resolve the conflicts\.$/
    ]
  ] as const)('%j', (verdict, outcome, says) => {
    const result = fromVerdict(verdict, 'from-read')
    expect(result).toMatchObject(outcome)
    expect(result.message).toMatch(says)
  })
})

describe('stopOutcome: the budget ran out', () => {
  const base: Omit<StopContext, 'verdict'> = { attempts: 3, why: 'the 300 s budget is used up', readBack: true, outcomeUnknown: false, pullNumber: 1, pullUrl: URL, sha: SHA }
  it.each<[string, Partial<StopContext> & Pick<StopContext, 'verdict'>, string, RegExp]>([
    [
      'checks still expected',
      { verdict: { kind: 'pending', message: 'Required status check "test" is expected.' } },
      'pending-timeout',
      /still held the merge back after 3 attempts: 'Required status check "test" is expected\.'\. Stopped because the 300 s budget is used up\. Raise 'timeout-seconds'/
    ],
    [
      'no answer, but the pull request read back unmerged',
      { verdict: { kind: 'transient', message: 'read ECONNRESET', answer: 'no answer (read ECONNRESET)' }, outcomeUnknown: true },
      'unreachable',
      new RegExp(
        `could not be reached reliably for the merge after 3 attempts \\(last: no answer \\(read ECONNRESET\\) 'read ECONNRESET'\\).*The last read showed ${URL} unmerged, but a read right after a lost answer can lag: look at it before running merge again \\(running it again is safe: it only merges ${SHA}\\)`
      )
    ],
    [
      'rate limits only (nothing was sent that could merge), read back unmerged',
      { verdict: { kind: 'transient', message: 'secondary rate limit', answer: 'HTTP 403' } },
      'unreachable',
      /\(last: HTTP 403 'secondary rate limit'\).*The pull request is not merged; run merge again\./
    ],
    [
      'a rate limit and no read back',
      { verdict: { kind: 'transient', message: 'secondary rate limit', answer: 'HTTP 403' }, readBack: false },
      'unreachable',
      /\(last: HTTP 403 'secondary rate limit'\).*could not be read back/
    ],
    [
      'a lost answer and no read back since',
      { verdict: { kind: 'transient', message: 'Bad Gateway', answer: 'HTTP 502' }, readBack: false, outcomeUnknown: true },
      'unknown-outcome',
      new RegExp(`merged is unknown.*Open ${URL}: if it is merged at ${SHA}, the merge is done; if it is still open, run merge again`)
    ],
    [
      'a "not mergeable" after a lost answer, never settled',
      { verdict: { kind: 'unsettled', message: 'Pull Request is not mergeable' }, outcomeUnknown: true },
      'unknown-outcome',
      /merged is unknown.*last: 'Pull Request is not mergeable'.*Open https:/
    ]
  ])('%s -> %s', (_label, stop, reason, says) => {
    const outcome = stopOutcome({ ...base, ...stop })
    expect(outcome).toMatchObject({ merged: false, mergeCommitSha: '', reason })
    expect(outcome.message).toMatch(says)
  })
})

describe('updateOutcome: the one branch update', () => {
  const NEW = 'd'.repeat(40)
  // gabrielkoerich/orch#3371
  const behind = { kind: 'behind', message: 'Head branch is out of date. Review and try the merge again.' } as const
  it.each<[string, UpdateEnd, string, string, RegExp]>([
    ['updated', { kind: 'updated', newHead: NEW, answerLost: false }, 'branch-updated', NEW, new RegExp(`updated once \\(from the verified ${SHA}\\); its new head ${NEW} is not verified, so it was not merged\\. Run wait-ci on ${NEW}.*GitHub App token`)],
    ['updated, answer lost', { kind: 'updated', newHead: NEW, answerLost: true }, 'branch-updated', NEW, /answer was lost; d+ is the head GitHub shows now: verify it either way/],
    ['accepted, no new head yet', { kind: 'not-shown', answerLost: false }, 'branch-updated', '', /accepted the update of pull request #1 .* did not show within the budget/],
    ['answer lost, no new head', { kind: 'not-shown', answerLost: true }, 'behind', '', /answer was lost and no new head showed.*if its head is still a+, update it again/],
    // The documented 422 of a pinned update (https://docs.github.com/rest/pulls/pulls#update-a-pull-request-branch); invented wording.
    ['refused', { kind: 'refused', answer: 'HTTP 422', message: 'There are no new commits on the base branch.' }, 'behind', '', /must be up to date.*Updating the branch failed: HTTP 422 'There are no new commits on the base branch\.'/],
    [
      'refused: the head moved',
      { kind: 'head-moved', newHead: NEW, answer: 'HTTP 422', message: "expected head sha didn't match current head ref." },
      'head-moved',
      '',
      new RegExp(`moved from the verified ${SHA} to ${NEW} before the update.*Run wait-ci on the new head`)
    ]
  ])('%s -> %s', (_label, end, reason, updatedSha, says) => {
    const { outcome, updatedSha: sha } = updateOutcome(end, behind, 1, SHA, 'unknown')
    expect({ merged: outcome.merged, reason: outcome.reason, updatedSha: sha }).toEqual({ merged: false, reason, updatedSha })
    expect(outcome.message).toMatch(says)
  })

  // An App's or a person's update starts workflows: only the job's token (or one that may be it) gets the note.
  it.each([
    ['actions', /not merged\. Run wait-ci on d+, then merge that sha\. The job's GITHUB_TOKEN made the update, so no workflow starts on the new head .*'app-id', 'private-key'\)\.$/],
    ['unknown', /not merged\. Run wait-ci on d+, then merge that sha\. If the job's GITHUB_TOKEN made the update, no workflow starts on the new head/],
    ['other', /not merged\. Run wait-ci on d+, then merge that sha\.$/]
  ] as const)('updated with a token whose owner is %s: %s', (owner, says) => {
    const { outcome } = updateOutcome({ kind: 'updated', newHead: NEW, answerLost: false }, behind, 1, SHA, owner)
    expect(outcome.message).toMatch(says)
  })
})
