/**
 * Classifies every answer of GitHub's merge endpoint (PUT /pulls/{n}/merge)
 * into what the merge action does next. Pure: the shell passes the failure
 * (status + GitHub's message, or the network error) and a fresh read of the
 * pull request; nothing here talks to GitHub.
 *
 * Why this exists: GitHub says both `Required status check "x" is expected.`
 * and "N of M required status checks are expected." while a check has not
 * registered yet (both are worth waiting for), and a merge whose answer was
 * lost must be recognised as done, never reported as "not mergeable" (see
 * docs/decisions.md, "The merge call is never retried blindly").
 *
 * Every regular expression here runs in linear time on any input: a message
 * is outside text of any length.
 */
import { classifyFailure, type FailureData } from './transient.js'

/** An answer that ends the merge step. */
export type FinalVerdict =
  | { readonly kind: 'merged'; readonly mergeCommitSha: string; readonly message: string }
  | { readonly kind: 'already-merged'; readonly mergeCommitSha: string; readonly message: string }
  | { readonly kind: 'head-moved'; readonly message: string; readonly headSha?: string }
  /** The base moved and the branch must be up to date: the head did not move. */
  | { readonly kind: 'behind'; readonly message: string }
  | {
      readonly kind: 'permanent'
      readonly category: PermanentCategory
      readonly message: string
      /** What a person should do about it, one sentence. */
      readonly advice: string
    }

/** An answer worth another try within the budget. */
export type PendingVerdict =
  /** GitHub holds the merge back for now (a check expected, mergeability being computed): merge again. */
  | { readonly kind: 'pending'; readonly message: string }
  /** No usable answer (network, 5xx, rate limit): merge again; `answer` says what came back. */
  | { readonly kind: 'transient'; readonly message: string; readonly answer: string; readonly retryAfterMs?: number }
  /** A refusal after a merge call whose answer was lost: it may have merged, so read the pull request again, never merge. */
  | { readonly kind: 'unsettled'; readonly message: string }

/** What the merge action does with one merge response. */
export type MergeVerdict = FinalVerdict | PendingVerdict

export type PermanentCategory =
  | 'check-failing'
  | 'review-required'
  | 'method-not-allowed'
  | 'conflict'
  | 'draft'
  | 'merge-queue'
  | 'rule-violation'
  | 'closed'
  | 'merged-other-head'
  | 'forbidden'
  | 'not-found'
  | 'invalid-request'
  | 'not-mergeable'

/** A fresh read of the pull request (GET /pulls/{n}), reduced to what the decision needs. */
export interface PullSnapshot {
  readonly state: 'open' | 'closed'
  readonly merged: boolean
  readonly mergeCommitSha: string | null
  readonly headSha: string
  /** null while GitHub is still computing mergeability. */
  readonly mergeable: boolean | null
  /** e.g. clean, unstable, blocked, behind, dirty, draft, unknown, has_hooks. */
  readonly mergeableState: string
  readonly draft: boolean
}

/**
 * One failed merge call: an HTTP answer (status + GitHub's message) or no
 * answer at all. The FailureData part goes to the client layer's transient
 * classifier (src/core/transient.ts), so the two never disagree.
 */
export interface MergeFailure extends FailureData {
  /** GitHub's `message` for an HTTP answer; the error's message when no answer arrived. */
  readonly message: string
}

const ADVICE: Readonly<Record<PermanentCategory, string>> = {
  'check-failing':
    'A required check failed on the verified head: fix the failure and push, then run wait-ci and merge again.',
  'review-required':
    'The base branch requires approving reviews: get an approval from a reviewer with write access (or change the rule), then run merge again.',
  'method-not-allowed':
    "Set the 'method' input to a merge method the repository allows (Settings > General > Pull Requests), or leave it empty to use the first allowed one.",
  conflict:
    'The pull request conflicts with its base branch: merge or rebase the base into it, resolve the conflicts, push, and run the pipeline again.',
  draft: 'The pull request is a draft: mark it ready for review, then run merge again.',
  'merge-queue':
    'The base branch requires the merge queue: add the pull request to the queue (merge queue UI or `gh pr merge --auto`) instead of merging it directly.',
  'rule-violation':
    'A repository rule blocks this merge: read the rule named in the message under Settings > Rules > Rulesets (or ask an admin), then run merge again.',
  closed: 'The pull request is closed without being merged: reopen it if it should still be merged.',
  'merged-other-head':
    'The pull request was merged at a head that Purple did not verify: review what was merged on the base branch.',
  forbidden:
    "The token may not merge into this branch: give the job 'contents: write' and 'pull-requests: write', or use a token or GitHub App that branch protection allows to merge.",
  'not-found':
    "The pull request or repository was not found with this token: check 'pull-request' and that the token can read the repository.",
  'invalid-request': "GitHub rejected the request itself: check the 'method', 'commit-title' and 'commit-message' inputs.",
  'not-mergeable':
    'GitHub reports the pull request as not mergeable for a reason other than a pending check: open it on GitHub to see what blocks it.'
}

// GitHub wraps ruleset refusals as a header line followed by one line per
// violation, e.g. "Repository rule violations found\n\nRequired status check
// \"test\" is expected.\n\n" (akuity/kargo#6397) or "...\n\nWaiting on 1 more
// approval from a reviewer with write access ...\n\n" (microsoft/winget-pkgs#379724).
const RULESET_HEADER = /^\s*repository rule violations? found\s*$/i

/** Splits a merge message into the violations GitHub lists (one entry when it is not a ruleset refusal). */
export function listViolations(message: string): string[] {
  // Non-empty runs only: a megabyte of blank lines allocates nothing.
  const lines = (message.match(/[^\r\n]+/g) ?? []).map((line) => line.trim()).filter((line) => line !== '')
  if (lines.length > 0 && RULESET_HEADER.test(lines[0]!)) return lines.slice(1)
  return [message.trim()]
}

export type ViolationKind = { kind: 'pending' } | { kind: 'permanent'; category: PermanentCategory } | { kind: 'unknown' }

// Order matters: a failing check is final even if the same text also says
// something is expected, and the merge must never be retried after it.
const VIOLATION_RULES: ReadonlyArray<{ test: RegExp; verdict: ViolationKind }> = [
  // `Required status check "test" is failing.`; `... "continuous-integration/jenkins/branch" is errored.` (alphagov/bulk-merger
  // README); "2 of 2 required status checks have not succeeded: 1 failing." (lyra-os-linux/vegad#52)
  { test: /\bis failing\b|\bare failing\b|\bis errored\b|\bha(?:s|ve) failed\b|\bhas an error\b|\b\d+ (?:failing|failed|errored)\b/i, verdict: { kind: 'permanent', category: 'check-failing' } },
  // pascalgn/automerge-action#235: "Changes must be made through the merge queue"
  { test: /merge queue/i, verdict: { kind: 'permanent', category: 'merge-queue' } },
  // Mergifyio/mergify#1812 and akuity/kargo#6490: "Merge commits are not allowed on this repository." (and squash/rebase);
  // chdsbd/kodiak#295: "This branch must not contain merge commits." (required linear history: squash or rebase still work).
  // No `.*` between words: on a long message that is quadratic.
  {
    test: /\b(?:merge commits|squash merges|rebase merges) are not allowed\b|\bmerge method \w+ (?:is )?not allowed\b|\bmust not contain merge commits\b/i,
    verdict: { kind: 'permanent', category: 'method-not-allowed' }
  },
  // lindell/multi-gitter#622: "Pull Request is still a draft"
  { test: /\bdraft\b/i, verdict: { kind: 'permanent', category: 'draft' } },
  // Reviewable/Reviewable#561: "At least 1 approving review is required by reviewers with write access."
  // winget-pkgs#379724: "Waiting on 1 more approval from a reviewer with write access ..."
  {
    test: /approving review|\bapprovals?\b|review is required|reviews? required|code owner|changes requested|review thread|conversation/i,
    verdict: { kind: 'permanent', category: 'review-required' }
  },
  // akuity/kargo#6397 and PennyDreadfulMTG/Penny-Dreadful-Tools#6226: singular `Required status check "x" is expected.`,
  // plural "N of M required status checks are expected.": any "expected" block is pending.
  { test: /\bexpected\b/i, verdict: { kind: 'pending' } },
  // `Required status check "x" is in progress.`: the check is running, not failed.
  { test: /\bin progress\b|\bis pending\b|\bare pending\b/i, verdict: { kind: 'pending' } },
  // KnpLabs/php-github-api#497, cli/cli#12748: GitHub recomputes after the base moved; retrying is the documented fix.
  { test: /base branch was modified/i, verdict: { kind: 'pending' } },
  // "N of M required status checks have not succeeded." without an "expected": some failed.
  { test: /\bnot succeeded\b/i, verdict: { kind: 'permanent', category: 'check-failing' } },
  { test: /not authorized to push|resource not accessible|must have (?:admin|write|push)|permission/i, verdict: { kind: 'permanent', category: 'forbidden' } },
  { test: /\bconflicts?\b/i, verdict: { kind: 'permanent', category: 'conflict' } }
]

/** What one violation line asks for: wait, give up (with the category), or unknown. */
export function classifyViolation(text: string): ViolationKind {
  // Judge GitHub's words, not the check's name: `Required status check "draft-review" is expected.` is pending.
  const words = text.replace(/"[^"]*"|'[^']*'/g, '"…"')
  for (const rule of VIOLATION_RULES) if (rule.test.test(words)) return rule.verdict
  return { kind: 'unknown' }
}

function permanent(category: PermanentCategory, message: string): FinalVerdict {
  return { kind: 'permanent', category, message, advice: ADVICE[category] }
}

/** What to do about a pull request that was found merged or closed, or whose head moved; undefined when it is open at the verified sha. */
export function judgePullState(pull: PullSnapshot, verifiedSha: string): FinalVerdict | undefined {
  if (pull.merged) {
    // A retry after a lost answer finds the merge already done: success, if it was our head
    // (see docs/decisions.md, "The merge call is never retried blindly").
    if (pull.headSha === verifiedSha) {
      return {
        kind: 'already-merged',
        mergeCommitSha: pull.mergeCommitSha ?? '',
        message: `Pull request is already merged at the verified head ${verifiedSha}.`
      }
    }
    return permanent('merged-other-head', `Pull request was merged at head ${pull.headSha}, not at the verified head ${verifiedSha}.`)
  }
  if (pull.state === 'closed') return permanent('closed', 'Pull request is closed without being merged.')
  if (pull.headSha !== verifiedSha) {
    return {
      kind: 'head-moved',
      headSha: pull.headSha,
      message: `Head branch moved from the verified ${verifiedSha} to ${pull.headSha}; the new head must be verified before it is merged.`
    }
  }
  return undefined
}

// A pull request GitHub itself reads as mergeable: a "not mergeable" refusal next to it is a stale computation.
const MERGEABLE_STATES = new Set(['clean', 'unstable', 'has_hooks'])

function classifyNotMergeable(message: string, pull: PullSnapshot | undefined): MergeVerdict {
  // `mergeable: null` means GitHub is still computing; a retry will get a real answer.
  if (pull === undefined || pull.mergeable === null || pull.mergeableState === 'unknown') return { kind: 'pending', message }
  if (pull.mergeable === false || pull.mergeableState === 'dirty') return permanent('conflict', message)
  if (pull.draft || pull.mergeableState === 'draft') return permanent('draft', message)
  if (pull.mergeableState === 'behind') return { kind: 'behind', message }
  // strands-labs/robots#2578: "Pull Request is not mergeable", then the same merge went through at once.
  if (MERGEABLE_STATES.has(pull.mergeableState)) return { kind: 'pending', message: `${message} (GitHub reads the pull request as ${pull.mergeableState}: a stale answer)` }
  return permanent('not-mergeable', `${message} (mergeable_state: ${pull.mergeableState})`)
}

// gabrielkoerich/orch#3371: 409 "Head branch is out of date. Review and try the merge again."; cli/cli's
// merge command words GitHub's BEHIND state as "the head branch is not up to date with the base branch".
const OUT_OF_DATE = /\bout of date\b|\bout-of-date\b|\bnot up to date\b/i

/** How much of a message the rules read (GitHub's own are far shorter). */
const CLASSIFIED_CHARS = 8192

function violationsHeader(message: string): string {
  const end = message.search(/\r?\n/)
  return end < 0 ? message : message.slice(0, end)
}

/** Options of one classification. */
export interface ClassifyContext {
  /** An earlier merge call's answer was lost, so the pull request may have merged already. */
  readonly outcomeUnknown?: boolean
}

/**
 * Classifies one failed merge call. `pull` is a read of the pull request made
 * after the failure (undefined when that read failed too); `verifiedSha` is the
 * head sha that was verified and sent with the merge call.
 */
export function classifyMergeFailure(failure: MergeFailure, pull: PullSnapshot | undefined, verifiedSha: string, context: ClassifyContext = {}): MergeVerdict {
  // The pull request's state outranks any message: a lost answer to a merge
  // that went through, then a 405 "not mergeable" on the retry, is a success.
  if (pull !== undefined) {
    const byState = judgePullState(pull, verifiedSha)
    if (byState !== undefined) return byState
  }

  const message = failure.message.trim() || `HTTP ${failure.status ?? 'error'} without a message`
  // Judged on its head only: GitHub's merge messages are a few short lines, and a megabyte of outside text
  // would make even linear rules slow. The whole message is still reported.
  const words = message.length > CLASSIFIED_CHARS ? message.slice(0, CLASSIFIED_CHARS) : message
  const clipped: MergeFailure = { ...failure, message: words }
  // The base moved on a branch that must be up to date: the head is where it was (checked above), so this is
  // never head-moved. Right after an update GitHub may still say "out of date" while it recomputes: a read
  // that shows the head current and not behind makes that pending.
  if (failure.status === 409 || failure.status === 405) {
    if (pull?.mergeableState === 'behind' && (failure.status === 409 || OUT_OF_DATE.test(words))) return { kind: 'behind', message }
    if (OUT_OF_DATE.test(words)) return pull === undefined ? { kind: 'behind', message } : { kind: 'pending', message }
  }
  // dlang/dlang-bot#77: 409 "Head branch was modified. Review and try the merge again." is
  // GitHub refusing because the sha we sent is no longer the head. Never retried blindly.
  if (failure.status === 409 || /head branch was modified/i.test(words)) {
    return { kind: 'head-moved', message, ...(pull ? { headSha: pull.headSha } : {}) }
  }

  if (failure.status === 403) {
    // A 403 with rate-limit signs (retry-after, "secondary rate limit") is the client layer's call: wait, then retry.
    const transport = classifyFailure(clipped)
    if (transport.kind !== 'permanent') return { kind: 'transient', message, answer: describeAnswer(failure), ...retryAfter(transport) }
  }

  if (failure.status === 405 || failure.status === 422 || failure.status === 403) {
    const violations = listViolations(words)
    const kinds = violations.map(classifyViolation)
    // Classify on every violation GitHub lists: pending only if all of them are pending.
    const blocking = kinds.findIndex((k) => k.kind === 'permanent')
    if (blocking >= 0) {
      const kind = kinds[blocking] as { kind: 'permanent'; category: PermanentCategory }
      return permanent(kind.category, message)
    }
    const unknown = kinds.findIndex((k) => k.kind === 'unknown')
    if (unknown < 0) return { kind: 'pending', message }
    const text = violations[unknown]!
    if (/not mergeable/i.test(text)) return context.outcomeUnknown ? judgeUnsettled(pull, verifiedSha, message) : classifyNotMergeable(message, pull)
    if (RULESET_HEADER.test(violationsHeader(words))) return permanent('rule-violation', message)
    if (failure.status === 403) return permanent('forbidden', message)
    if (failure.status === 422) return permanent('invalid-request', message)
    // An unknown 405 while GitHub is still computing mergeability: give it the budget.
    if (pull?.mergeable === null) return { kind: 'pending', message }
    return permanent('not-mergeable', message)
  }

  if (failure.status === 404) return permanent('not-found', message)

  const transport = classifyFailure(clipped)
  if (transport.kind === 'permanent') {
    if (failure.status === 401) return permanent('forbidden', message)
    return permanent('invalid-request', message)
  }
  return { kind: 'transient', message, answer: describeAnswer(failure), ...retryAfter(transport) }
}

function retryAfter(transport: { retryAfterMs?: number }): { retryAfterMs?: number } {
  return transport.retryAfterMs === undefined ? {} : { retryAfterMs: transport.retryAfterMs }
}

/** Whether a verdict ends the merge step (anything but pending, transient and unsettled). */
export function isFinal(verdict: MergeVerdict): verdict is FinalVerdict {
  return verdict.kind !== 'pending' && verdict.kind !== 'transient' && verdict.kind !== 'unsettled'
}

/** What came back, in a few words: "HTTP 502", or "no answer (read ECONNRESET)". */
export function describeAnswer(failure: MergeFailure): string {
  return failure.status === undefined ? `no answer (${failure.message})` : `HTTP ${failure.status}`
}

// Node's codes for a connection that was never made (refused, or the host name did not resolve).
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'])

/** The error codes of a failure and its causes (fetch puts the network's reason in `cause`). */
function errorCodes(failure: MergeFailure): string[] {
  const codes: string[] = []
  let current: unknown = failure
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string') codes.push(code)
    current = (current as { cause?: unknown }).cause
  }
  return codes
}

/**
 * Whether, after this merge call, it is unknown if the pull request merged.
 * An answer that never arrived, a server error or a cut 200 may hide a merge
 * GitHub made; a refusal that names a reason (a check expected) proves the
 * pull request was open; a rate limit and another "not mergeable" prove nothing.
 */
export function outcomeUnknownAfter(previous: boolean, failure: MergeFailure, verdict: MergeVerdict): boolean {
  if (isFinal(verdict)) return false
  // A connection that was never made carried no request.
  if (failure.status === undefined && errorCodes(failure).some((code) => NEVER_SENT.has(code))) return previous
  if (failure.status === undefined || failure.status >= 500 || failure.status < 300) return true
  return verdict.kind === 'pending' ? false : previous
}

/**
 * Judges a read of the pull request made while a merge's outcome is unknown:
 * merged, closed, a moved head or a conflict settle it; anything else (a read
 * that may be stale, or no read at all) leaves it unsettled.
 */
export function judgeUnsettled(pull: PullSnapshot | undefined, verifiedSha: string, message: string): MergeVerdict {
  if (pull === undefined) return { kind: 'unsettled', message }
  const byState = judgePullState(pull, verifiedSha)
  if (byState !== undefined) return byState
  // A merge that went through cannot leave a conflict behind: `dirty` proves it did not merge.
  if (pull.mergeable === false || pull.mergeableState === 'dirty') return permanent('conflict', message)
  return { kind: 'unsettled', message }
}
