/**
 * The properties every merge and pipeline scenario must hold, read from the
 * simulator's request log: the merge endpoint is never called with a sha other
 * than the verified one, nor after a required check failed, and a branch
 * update is made at most once, pinned to the verified sha.
 */
import { expect } from '@jest/globals'
import { conversation } from '../sim/request-log.js'
import type { LogEntry, Sim } from '../sim/server.js'

export const MERGE_PATH = /^\/repos\/octo-org\/purple-demo\/pulls\/\d+\/merge$/
export const UPDATE_BRANCH_PATH = /^\/repos\/octo-org\/purple-demo\/pulls\/\d+\/update-branch$/

/** Every PUT to the merge endpoint, in order. */
export function mergeCalls(sim: Sim): LogEntry[] {
  return sim.requests({ method: 'PUT', path: MERGE_PATH })
}

function said(entry: LogEntry): string {
  const body = entry.responseBody as { message?: unknown } | undefined
  return typeof body?.message === 'string' ? body.message : ''
}

// GitHub's words for a failed required check (singular, plural, ruleset-wrapped).
const FAILED = /is failing|is errored|have not succeeded|\d+ (?:failing|errored)/i

/**
 * Asserts the invariants: every branch update is pinned to the verified sha
 * and there is at most one (a second would merge the base again), and the two
 * merge rules below. A required check that had failed when a merge
 * call arrived makes the simulator answer "is failing" (it evaluates the gate
 * per request), so "no call after a failing answer" plus "no call while a
 * failure stood" is one check: the failing answer, if any, is the last call,
 * and no earlier call was made while a required run had already failed.
 */
export function expectMergeInvariants(sim: Sim, verifiedSha: string): void {
  const updates = sim.requests({ method: 'PUT', path: UPDATE_BRANCH_PATH })
  expect(updates.map((u) => u.body)).toEqual(updates.length === 0 ? [] : [{ expected_head_sha: verifiedSha }])
  const calls = mergeCalls(sim)
  for (const call of calls) expect({ seq: call.seq, sha: (call.body as { sha?: unknown }).sha }).toEqual({ seq: call.seq, sha: verifiedSha })
  const failedAt = calls.findIndex((c) => FAILED.test(said(c)))
  if (failedAt >= 0) expect(calls.map((c) => c.seq)).toEqual(calls.slice(0, failedAt + 1).map((c) => c.seq))
}

/**
 * The scenario's conversation for a snapshot. The diagnosis read after a
 * refusal makes some reads in parallel, which arrive in any order: the lines
 * after the last write or queue read are sorted when a diagnosis follows.
 */
export function mergeConversation(sim: Sim): string {
  const lines = conversation(sim).split('\n').filter((line) => line !== '')
  const lastWrite = lines.map((line) => /^(PUT|PATCH|DELETE) |PurpleMergeQueueState|PurpleEnqueue/.test(line)).lastIndexOf(true)
  const tail = lines.slice(lastWrite + 1)
  const stable = tail.some((line) => line.includes('PurpleMergeFacts')) ? [...lines.slice(0, lastWrite + 1), ...tail.sort()] : lines
  return `\n${stable.join('\n')}\n`
}
