import { spawnSync } from 'node:child_process'
import { bundleNode, inputEnvName, runBundle } from './run-bundle.js'

describe('runBundle', () => {
  it('passes inputs the way the runner does and parses what @actions/core wrote', async () => {
    const run = await runBundle('__tests__/harness/fixtures/emit.mjs', {
      inputs: { 'who-am-i': 'purple', secret: 's3cr3t-value', 'exit-code': '3' }
    })
    expect(run.exitCode).toBe(3)
    expect(run.outputs).toEqual({ single: 'purple', multi: 'line one\nline two: with, commas' })
    expect(run.commands).toContainEqual({
      command: 'error',
      properties: { file: 'dir/a b.txt', line: '3' },
      message: 'marker in a%b, c:d'
    })
    expect(run.commands.filter((c) => c.command === 'warning').map((c) => c.message)).toEqual(['just a warning'])
    expect(run.summary).toContain('<h1>Report</h1>')
    // The runner masks after add-mask; the harness keeps the raw text, so leak tests see the truth.
    expect(run.commands).toContainEqual({ command: 'add-mask', properties: {}, message: 's3cr3t-value' })
  })

  it('names input variables like the runner (dashes kept, spaces to underscores)', () => {
    expect(inputEnvName('fail-safe')).toBe('INPUT_FAIL-SAFE')
    expect(inputEnvName('my input')).toBe('INPUT_MY_INPUT')
  })

  it('does not pass the parent environment through', async () => {
    process.env.PURPLE_PARENT_ONLY = 'leaky'
    try {
      const run = await runBundle('__tests__/harness/fixtures/emit.mjs', {
        inputs: { 'who-am-i': 'x', secret: 'zz', 'echo-env': 'PURPLE_PARENT_ONLY' }
      })
      expect(run.stdout).toContain('env=undefined')
      expect(run.allText).not.toContain('leaky')
    } finally {
      delete process.env.PURPLE_PARENT_ONLY
    }
  })
})

it('runs bundles on the node named by PURPLE_BUNDLE_NODE (CI points it at Node 24)', async () => {
  const run = await runBundle('__tests__/harness/fixtures/emit.mjs', { inputs: { 'who-am-i': 'v', secret: 'zz' } })
  const expected = spawnSync(bundleNode(), ['--version'], { encoding: 'utf8' }).stdout.trim()
  expect(run.stdout).toContain(`node=${expected}`)
})
