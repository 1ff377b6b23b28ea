import { specInputSource } from '../../src/core/inputs.js'
import { parseWaitCiOptions } from '../../src/actions/wait-ci/settings.js'
import { waitCiOwnInputs } from '../../src/actions/wait-ci/io.js'

type Name = keyof typeof waitCiOwnInputs
/** wait-ci's inputs as the runner passes them: left out is '' (action.yml's defaults then apply). */
const defaults = (over: Partial<Record<Name, string>> = {}) =>
  specInputSource(waitCiOwnInputs, (name) => {
    if (name in over) return over[name as Name]!
    // What the runner passes for `${{ job.check_run_id }}` on GitHub.com: a number.
    if (name === 'check-run-id') return '51725241954'
    return ''
  })

describe('parseWaitCiOptions', () => {
  it('reads the production defaults', () => {
    expect(parseWaitCiOptions(defaults())).toEqual({
      required: '',
      strict: true,
      onNoGate: 'all-observed',
      ignore: [],
      timeoutMs: 3_600_000,
      intervalMs: 10_000,
      failFast: true,
      checkRunId: 51725241954
    })
  })

  it('takes fractions of seconds, lists, an explicit head and PR', () => {
    const options = parseWaitCiOptions(
      defaults({
        'interval-seconds': '0.05',
        'timeout-seconds': '2.5',
        ignore: 'deploy*\n\n codecov/* ',
        'pull-request': '42',
        sha: '6dcb09b5b57875f334f61aebed695e2e4193db5e',
        'check-run-id': '',
        strict: 'False'
      })
    )
    expect(options).toMatchObject({
      intervalMs: 50,
      timeoutMs: 2500,
      ignore: ['deploy*', 'codecov/*'],
      pullRequest: 42,
      sha: '6dcb09b5b57875f334f61aebed695e2e4193db5e',
      strict: false
    })
    expect(options.checkRunId).toBeUndefined()
  })

  it.each([
    ['strict', 'yes', "Input 'strict' is 'yes': write 'true' or 'false'."],
    ['fail-fast', '1', "Input 'fail-fast' is '1': write 'true' or 'false'."],
    ['on-no-gate', 'ignore', "Input 'on-no-gate' is 'ignore': write 'all-observed' or 'fail'."],
    ['interval-seconds', '0', "Input 'interval-seconds' is '0': write a number of seconds of at least 0.01, e.g. '10' or '0.5'."],
    ['timeout-seconds', '1h', "Input 'timeout-seconds' is '1h': write a number of seconds of at least 1, e.g. '10' or '0.5'."],
    ['pull-request', '#12', "Input 'pull-request' is '#12': write the pull request number, a positive whole number."],
    ['sha', 'HEAD', "Input 'sha' is 'HEAD': write the full commit sha (40 hex characters, 64 in a SHA-256 repository), or leave it empty."],
    ['check-run-id', 'null', "Input 'check-run-id' is 'null': write the job's check run id, a positive whole number."]
  ] as const)('rejects %s = %s', (name, value, message) => {
    expect(() => parseWaitCiOptions(defaults({ [name]: value }))).toThrow(message)
  })
})
