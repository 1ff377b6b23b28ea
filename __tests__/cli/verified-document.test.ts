import { verifiedSha } from '../../src/cli/verified-document.js'

// Documents in the shape `purple wait-ci --json` prints (see __tests__/cli/api-commands.e2e.test.ts).
const sha = '7e857ab7f1bbad0f05d6dd9556bebf21c9cdb699'
const doc = (fields: Record<string, unknown>) => JSON.stringify({ schema: 'purple/v1', command: 'wait-ci', 'exit-code': 0, ...fields })

describe('purple merge --verified: only the sha a successful wait verified', () => {
  it('takes the sha of a successful wait', () => {
    expect(verifiedSha(doc({ conclusion: 'success', sha, required: ['test'] }))).toEqual({ sha })
  })

  it.each([
    ['a failed wait', doc({ conclusion: 'failure', sha }), "did not succeed (conclusion 'failure')"],
    ['a timed-out wait', doc({ conclusion: 'timed_out', sha }), "did not succeed (conclusion 'timed_out')"],
    ['a head that moved', doc({ conclusion: 'head-moved', sha }), "did not succeed (conclusion 'head-moved')"],
    ['another command', JSON.stringify({ schema: 'purple/v1', command: 'why', verdict: 'mergeable' }), 'not a purple/v1 document of `purple wait-ci --json`'],
    ['not JSON', 'wait-ci: success at ' + sha, 'it is not JSON'],
    ['a short sha', doc({ conclusion: 'success', sha: sha.slice(0, 7) }), 'names no full commit sha'],
    ['a usage error document', doc({ 'exit-code': 2, error: "missing --pr" }), "conclusion 'undefined'"]
  ])('refuses %s', (_label, text, message) => {
    const answer = verifiedSha(text)
    expect('error' in answer && answer.error).toContain(message)
  })
})
