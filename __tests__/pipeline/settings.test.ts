/** The root action's own input: how many branch updates may go round again. */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { parseMaxUpdates, readPipelineSettings } from '../../src/actions/pipeline/settings.js'
import { inputEnvName } from '../harness/run-bundle.js'
import { BASE_SHA, DEFAULT_TOKEN, HEAD_SHA } from '../sim/server.js'

describe('max-updates', () => {
  // invented: values a workflow author might write
  it.each([
    ['2', 2],
    ['0', 0],
    [' 10 ', 10]
  ])('%j reads as %d', (value, rounds) => {
    expect(parseMaxUpdates(value)).toBe(rounds)
  })

  // invented: each is refused with the input's name, the value quoted, and what to write
  it.each(['', 'two', '-1', '1.5', '11', '1e1'])('%j is refused, naming the input and what to write', (value) => {
    expect(() => parseMaxUpdates(value, 'max-updates')).toThrow(new RegExp(`^Input 'max-updates' is '${value.replace('.', '\\.')}': write a whole number from 0 to 10`))
  })
})

describe('the root action reads every stage input before any stage runs', () => {
  /** readPipelineSettings with the runner's environment for these inputs (the e2e test's defaults). */
  function read(inputs: Record<string, string>): unknown {
    const dir = mkdtempSync(join(tmpdir(), 'purple-pipeline-settings-'))
    writeFileSync(join(dir, 'event.json'), JSON.stringify({ action: 'synchronize', number: 1, pull_request: { number: 1, head: { sha: HEAD_SHA, ref: 'feature' }, base: { sha: BASE_SHA, ref: 'main' } } }))
    const env = { GITHUB_REPOSITORY: 'octo-org/purple-demo', GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: join(dir, 'event.json'), GITHUB_WORKSPACE: dir, GITHUB_API_URL: 'http://127.0.0.1:9' }
    const all: Record<string, string> = { 'github-token': DEFAULT_TOKEN, 'max-retries': '0', 'request-timeout-seconds': '2', 'wait-interval-seconds': '10', 'wait-timeout-seconds': '600', 'wait-check-run-id': '', ...inputs }
    const inputEnv = Object.fromEntries(Object.entries(all).map(([name, value]) => [inputEnvName(name), value]))
    // Some inputs are read from the given environment, some through @actions/core from process.env: both get them.
    const names = Object.keys(inputEnv)
    const saved = names.map((n) => process.env[n])
    Object.assign(process.env, inputEnv)
    try {
      return readPipelineSettings({ ...env, ...inputEnv })
    } finally {
      names.forEach((n, i) => (saved[i] === undefined ? delete process.env[n] : (process.env[n] = saved[i])))
    }
  }

  it('the e2e defaults read', () => {
    expect(read({})).toMatchObject({ maxUpdates: expect.any(Number) })
  })

  // Moved from pipeline.e2e.test.ts, which keeps one such row as the bundle (exit code, outputs, summary).
  it.each([
    [{ 'merge-method': 'fast-forward' }, /Input 'merge-method' is 'fast-forward'/],
    [{ 'guard-scope': 'everything' }, /Input 'guard-scope' is 'everything'/],
    [{ 'max-updates': 'many' }, /Input 'max-updates' is 'many': write a whole number from 0 to 10/]
  ])('an invalid stage input %j fails, naming the root action input', (inputs, says) => {
    expect(() => read(inputs)).toThrow(says)
  })
})
