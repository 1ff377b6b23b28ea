/** merge's options from its inputs, as its own action and as the root action (`merge-…`) name them. */
import { specInputSource } from '../../src/core/inputs.js'
import { mergeOwnInputs } from '../../src/actions/merge/io.js'
import { parseMergeOptions } from '../../src/actions/merge/settings.js'
import { SHARED_STAGE_INPUTS, STAGE_PREFIX } from '../../src/actions/pipeline/io.js'

const own = (values: Record<string, string>) => specInputSource(mergeOwnInputs, (label) => values[label] ?? '')
const root = (values: Record<string, string>) => specInputSource(mergeOwnInputs, (label) => values[label] ?? '', STAGE_PREFIX.merge, SHARED_STAGE_INPUTS)

describe('parseMergeOptions', () => {
  it('reads the production defaults', () => {
    expect(parseMergeOptions(own({}))).toEqual({ deleteBranch: false, updateBranch: false, mergeQueue: 'auto', mergeQueueJump: false, timeoutMs: 300_000, intervalMs: 5000 })
  })

  it('takes an uppercase sha (lowercased), a method in any case and the root action names', () => {
    const sha = '6DCB09B5B57875F334F61AEBED695E2E4193DB5E'
    expect(
      parseMergeOptions(root({ 'pull-request': '12', sha, 'merge-method': 'Squash', 'merge-delete-branch': 'TRUE', 'merge-update-branch': 'true', 'merge-interval-seconds': '0.5', 'merge-commit-title': ' Release ', 'merge-merge-queue': 'OFF', 'merge-merge-queue-jump': 'true' }))
    ).toEqual({ pullRequest: 12, sha: sha.toLowerCase(), method: 'squash', commitTitle: 'Release', deleteBranch: true, updateBranch: true, mergeQueue: 'off', mergeQueueJump: true, timeoutMs: 300_000, intervalMs: 500 })
  })

  it.each([
    [{ 'merge-delete-branch': 'yes' }, "Input 'merge-delete-branch' is 'yes': write 'true' or 'false'."],
    [{ 'merge-update-branch': 'always' }, "Input 'merge-update-branch' is 'always': write 'true' or 'false'."],
    [{ 'merge-timeout-seconds': 'soon' }, "Input 'merge-timeout-seconds' is 'soon': write a number of seconds of at least 0"],
    [{ 'merge-merge-queue': 'on' }, "Input 'merge-merge-queue' is 'on': write 'auto'"],
    [{ 'merge-merge-queue-jump': 'yes' }, "Input 'merge-merge-queue-jump' is 'yes': write 'true' or 'false'."],
    [{ 'merge-method': 'fast-forward' }, "Input 'merge-method' is 'fast-forward': write 'merge', 'squash' or 'rebase'"],
    [{ 'pull-request': '#3' }, "Input 'pull-request' is '#3'"],
    [{ sha: 'abc123' }, "Input 'sha' is 'abc123': write the full commit sha"]
  ])('in the root action, %j fails naming the input the workflow wrote', (values, message) => {
    expect(() => parseMergeOptions(root(values))).toThrow(message)
  })
})
