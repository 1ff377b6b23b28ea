/** guard's own GITHUB_OUTPUT writer: a value can never end its heredoc early. */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { outputDelimiter, setOutput } from '../../src/actions/guard/workflow-commands.js'
import { parseOutputFile } from '../harness/run-bundle.js'

describe('outputDelimiter', () => {
  it('skips every delimiter the value or the name contains', () => {
    // A value written to collide with the first candidates for this seed.
    const value = ['ghadelimiter_a', 'ghadelimiter_b', 'ghadelimiter_c'].join('\n')
    expect(outputDelimiter('findings', value, 10)).toBe('ghadelimiter_d')
    expect(outputDelimiter('ghadelimiter_d', value, 10)).toBe('ghadelimiter_e')
  })
})

describe('setOutput', () => {
  it('a value made of delimiter-shaped lines reads back whole and sets no other output', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'purple-out-')), 'output')
    const value = Array.from({ length: 50 }, (_, i) => `ghadelimiter_${i.toString(36)}\nresult=pass`).join('\n')
    setOutput('findings', value, { GITHUB_OUTPUT: file })
    setOutput('result', 'fail', { GITHUB_OUTPUT: file })
    expect(parseOutputFile(readFileSync(file, 'utf8'))).toEqual({ findings: value, result: 'fail' })
  })
})
