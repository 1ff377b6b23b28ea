import { mergeExitCode } from '../../src/cli/merge-command.js'
import { waitCiExitCode } from '../../src/cli/wait-ci-command.js'
import type { MergeReason } from '../../src/actions/merge/merge.js'
import type { WaitCiConclusion } from '../../src/actions/wait-ci/wait-ci.js'

const healthy = { authRefused: false, lastFailedTransiently: false }
const refused = { authRefused: true, lastFailedTransiently: false }
const unreachable = { authRefused: false, lastFailedTransiently: true }

describe('waitCiExitCode', () => {
  it.each<[WaitCiConclusion, typeof healthy, number]>([
    ['success', healthy, 0],
    // A success stands even if a request failed along the way and a later one answered.
    ['success', unreachable, 0],
    ['failure', healthy, 1],
    ['head-moved', healthy, 1],
    ['failure', refused, 4],
    ['timed_out', healthy, 8],
    ['timed_out', unreachable, 75],
    ['timed_out', refused, 4]
  ])('%s with %j: %i', (conclusion, requests, code) => expect(waitCiExitCode(conclusion, requests)).toBe(code))
})

describe('mergeExitCode', () => {
  it.each<[MergeReason, boolean, typeof healthy, number]>([
    ['merged', true, healthy, 0],
    ['merged', true, refused, 0],
    ['permanent', false, healthy, 1],
    ['permanent', false, refused, 4],
    ['head-moved', false, healthy, 1],
    ['behind', false, healthy, 1],
    ['branch-updated', false, healthy, 1],
    // Nothing says it merged: a caller must look before going on.
    ['unknown-outcome', false, healthy, 1],
    ['invalid-input', false, healthy, 1],
    ['pending-timeout', false, healthy, 8],
    ['unreachable', false, unreachable, 75]
  ])('%s (merged %s) with %j: %i', (reason, merged, requests, code) => expect(mergeExitCode({ merged, reason }, requests)).toBe(code))
})
