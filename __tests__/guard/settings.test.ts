/** guard's inputs and event defaults, with payload shapes GitHub sends. */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readGuardSettings } from '../../src/actions/guard/settings.js'
import { parsePolicyPath, parseScope } from '../../src/guard/options.js'
import { parseBooleanInput, specInputSource } from '../../src/core/inputs.js'
import { eventDefaults } from '../../src/guard/range.js'
import { guardSpec } from '../../src/actions/guard/io.js'

/** guard's inputs as the runner passes them (left out: ''), with action.yml's defaults applied. */
const guardInputs = (values: Record<string, string>, prefix = '') => specInputSource(guardSpec.inputs, (label) => values[label] ?? '', prefix)
/** The environment the runner gives: each input as INPUT_<NAME>. */
const inputEnv = (values: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(values).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]))

describe('input parsing', () => {
  it.each([
    ['changed', 'changed'],
    ['tree', 'tree'],
    ['', 'changed'],
    [' tree ', 'tree']
  ] as const)('scope %j -> %s', (value, scope) => {
    expect(parseScope(value)).toBe(scope)
  })

  it.each([
    [() => parseScope('all'), "Input 'scope' is 'all': expected 'changed'"],
    [() => parseBooleanInput(guardInputs({ 'fail-safe': 'yes' }), 'fail-safe'), "Input 'fail-safe' is 'yes': write 'true' or 'false'."],
    [() => parsePolicyPath('../outside.json'), "Input 'policy-file' is '../outside.json'"],
    [() => readGuardSettings(inputEnv({ 'guard-scope': 'all' }), 'guard-'), "Input 'guard-scope' is 'all': expected 'changed'"],
    [() => readGuardSettings(inputEnv({ 'guard-policy-file': '../x' }), 'guard-'), "Input 'guard-policy-file' is '../x'"]
  ])('rejects with a message naming the input (%#)', (fn, message) => {
    expect(fn).toThrow(message)
  })

  it.each([
    ['', true],
    ['true', true],
    ['False', false]
  ])('fail-safe %j -> %s', (value, expected) => {
    expect(parseBooleanInput(guardInputs({ 'fail-safe': value }), 'fail-safe')).toBe(expected)
  })

  it.each([
    ['', { base: "input 'base'", head: "input 'head'" }],
    ['guard-', { base: "input 'guard-base'", head: "input 'guard-head'" }]
  ])('prefix %j: messages name base and head as %j', (prefix, labels) => {
    expect(readGuardSettings({}, prefix).labels).toEqual(labels)
    const missing = join(mkdtempSync(join(tmpdir(), 'purple-settings-')), 'no-event.json')
    expect(() => readGuardSettings({ GITHUB_EVENT_PATH: missing }, prefix)).toThrow(`: set ${labels.base} and ${labels.head}`)
  })

  it('normalises the policy path', () => {
    expect(parsePolicyPath('./.github/purple-policy.json')).toBe('.github/purple-policy.json')
    expect(parsePolicyPath('')).toBe('.github/purple-policy.json')
  })

  it('builds frozen settings from the declared defaults and the event file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'purple-settings-'))
    const eventPath = join(dir, 'event.json')
    writeFileSync(eventPath, JSON.stringify({ before: 'a'.repeat(40), after: 'b'.repeat(40) }))
    const inputs: Record<string, string> = Object.fromEntries(
      Object.entries(guardSpec.inputs).map(([name, spec]) => [name, spec.default ?? ''])
    )
    inputs.exclude = '*.snap\n\n# generated\nvendor/\n'
    inputs['allowed-sources'] = 'develop, release/*'
    const settings = readGuardSettings({
      ...inputEnv(inputs),
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_WORKSPACE: dir,
      GITHUB_REF: 'refs/heads/feature/t1'
    })
    expect(settings).toEqual({
      base: '',
      head: '',
      labels: { base: "input 'base'", head: "input 'head'" },
      scope: 'changed',
      exclude: ['*.snap', 'vendor/'],
      policyFile: '.github/purple-policy.json',
      policyFileExplicit: true,
      allowedSources: ['develop', 'release/*'],
      failSafe: true,
      workingDirectory: dir,
      event: { name: 'push', payload: { before: 'a'.repeat(40), after: 'b'.repeat(40) }, ref: 'refs/heads/feature/t1' }
    })
    expect(Object.isFrozen(settings)).toBe(true)
    // Left out, the policy file is the default and its absence only turns the merge-source check off.
    expect(readGuardSettings({}).policyFileExplicit).toBe(false)
    expect(readGuardSettings(inputEnv({ 'policy-file': 'policy.json' })).policyFileExplicit).toBe(true)
  })
})

describe('eventDefaults', () => {
  const sha = (c: string) => c.repeat(40)
  it.each([
    [
      'pull_request',
      { pull_request: { number: 7, base: { ref: 'main', sha: sha('a') }, head: { ref: 'feature/t1', sha: sha('b') } } },
      '',
      { base: sha('a'), head: sha('b'), headBranch: 'feature/t1' }
    ],
    ['merge_group', { merge_group: { base_sha: sha('c'), head_sha: sha('d'), head_ref: 'refs/heads/gh-readonly-queue/main/pr-7' } }, '', { base: sha('c'), head: sha('d'), headBranch: null }],
    ['push', { ref: 'refs/heads/feature/t1', before: sha('e'), after: sha('f') }, '', { base: sha('e'), head: sha('f'), headBranch: 'feature/t1' }],
    ['push of a new branch', { ref: 'refs/heads/x', before: '0'.repeat(40), after: sha('f') }, '', { base: null, head: sha('f'), headBranch: 'x' }],
    ['workflow_dispatch', { inputs: {} }, 'refs/heads/main', { base: null, head: null, headBranch: 'main' }]
  ])('%s', (_name, payload, ref, expected) => {
    expect(eventDefaults({ name: _name, payload, ref })).toEqual(expected)
  })
})
