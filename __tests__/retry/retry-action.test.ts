/**
 * The retry action: its settings from the runner's environment, its
 * action.yml against the declaration, and the bundle (dist/retry/index.js,
 * like every other bundle test) run as the runner runs it, on virtual time.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { readRetrySettings } from '../../src/actions/retry/settings.js'
import { retrySpec } from '../../src/actions/retry/io.js'
import { retryOutputValues } from '../../src/actions/retry/outputs.js'
import { inputEnvName, repoRoot, runBundle } from '../harness/run-bundle.js'

function env(inputs: Record<string, string>): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(inputs).map(([k, v]) => [inputEnvName(k), v]))
}

describe('readRetrySettings', () => {
  it('applies the action.yml defaults and runs the script as GitHub runs shell: bash', () => {
    const s = readRetrySettings(env({ run: 'npm ci' }))
    expect(s).toMatchObject({ command: 'bash', args: ['--noprofile', '--norc', '-eo', 'pipefail', '-c', 'npm ci'], attempts: 5, minDelayMs: 1000, maxDelayMs: 60_000, unknown: 'retry' })
    expect(s.deadlineMs).toBeUndefined()
    expect(Object.isFrozen(s)).toBe(true)
  })

  it('reads every input', () => {
    const s = readRetrySettings(env({ run: 'x', attempts: '3', deadline: '600', 'attempt-timeout': '120', 'min-delay': '0.5', 'max-delay': '30', unknown: 'fail' }))
    expect(s).toMatchObject({ attempts: 3, deadlineMs: 600_000, attemptTimeoutMs: 120_000, minDelayMs: 500, maxDelayMs: 30_000, unknown: 'fail' })
  })

  it.each([
    [{ run: ' ' }, "Input 'run' is '': write the command to run"],
    [{ run: 'x', attempts: '0' }, "Input 'attempts' is '0': write a whole number of attempts of at least 1"],
    [{ run: 'x', unknown: 'maybe' }, "Input 'unknown' is 'maybe': write 'retry' or 'fail'."],
    [{ run: 'x', deadline: 'soon' }, "Input 'deadline' is 'soon': write a number of seconds above 0"],
    [{ run: 'x', 'min-delay': '10', 'max-delay': '5' }, "Input 'max-delay' is '5': write at least the min-delay (10)."],
    [{ run: 'x', rules: 'no-such-rules.json' }, "Input 'rules' is 'no-such-rules.json': ENOENT: no such file or directory"]
  ])('%j -> an error that names the input', (inputs, message) => {
    expect(() => readRetrySettings({ ...env(inputs), GITHUB_WORKSPACE: tmpdir() })).toThrow(message)
  })

  it('reads a rules file from the workspace and puts its rules first', () => {
    const workspace = mkdtempSync(join(tmpdir(), 'purple-ws-'))
    writeFileSync(join(workspace, 'rules.json'), JSON.stringify({ version: 1, rules: [{ id: 'mine', class: 'permanent', pattern: 'quota of the month' }] }))
    const s = readRetrySettings({ ...env({ run: 'x', rules: 'rules.json' }), GITHUB_WORKSPACE: workspace })
    expect(s.rules[0]?.rule.id).toBe('mine')
  })
})

describe('retry/action.yml', () => {
  const yml = parse(readFileSync(join(repoRoot, 'retry', 'action.yml'), 'utf8')) as {
    name: string
    inputs: Record<string, { default?: string; required?: boolean; description: string }>
    outputs: Record<string, { description: string }>
    runs: { using: string; main: string }
  }

  it('declares exactly the spec: inputs with defaults, outputs, node24 and its own bundle', () => {
    expect(yml.name).toBe(retrySpec.name)
    expect(Object.keys(yml.inputs).sort()).toEqual(Object.keys(retrySpec.inputs).sort())
    for (const [name, declared] of Object.entries(retrySpec.inputs)) {
      expect({ name, default: yml.inputs[name]?.default, required: Boolean(yml.inputs[name]?.required), description: yml.inputs[name]?.description }).toEqual({
        name,
        default: 'default' in declared ? declared.default : undefined,
        required: Boolean('required' in declared && declared.required),
        description: declared.description
      })
    }
    expect(Object.keys(yml.outputs).sort()).toEqual(Object.keys(retrySpec.outputs).sort())
    expect(yml.runs).toEqual({ using: 'node24', main: '../dist/retry/index.js' })
  })

  it('every output has a value on every path, a settings error included', () => {
    expect(Object.keys(retryOutputValues(undefined)).sort()).toEqual(Object.keys(retrySpec.outputs).sort())
  })
})

describe('the retry action, bundled, run as the runner runs it', () => {
  const bundle = 'dist/retry/index.js'

  // Fails twice with the line Bun prints (https://github.com/oven-sh/bun/issues/6197), then succeeds.
  const flaky = `n=$(cat count 2>/dev/null || echo 0); echo $((n+1)) > count
if [ "$n" -lt 2 ]; then echo 'error: The socket connection was closed unexpectedly. For more information, pass \`verbose: true\` in the second argument to fetch()' >&2; exit 1; fi
echo "ok on attempt $((n+1))"`

  it('retries a transient failure until the command succeeds; outputs attempts, class, rule, exit-code', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'purple-retry-ws-'))
    const run = await runBundle(bundle, { cwd, inputs: { run: flaky } })
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toEqual({ attempts: '3', class: 'success', rule: '', 'exit-code': '0' })
    expect(run.stdout).toContain('ok on attempt 3')
    expect(run.stdout).toContain('retry: attempt 1/5 exited 1 (transient, rule bun-socket-closed')
    expect(run.summary).toContain('Purple retry: succeeded after 3 attempt(s)')
  }, 60_000)

  it('stops at once on a permanent failure, fails the step and reports the command\'s exit code', async () => {
    // https://github.com/anthropics/claude-code/issues/66314
    const script = `echo '{"type":"error","error":{"type":"invalid_request_error","message":"Your credit balance is too low to access the Anthropic API."}}' >&2; exit 3`
    const run = await runBundle(bundle, { inputs: { run: script } })
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toEqual({ attempts: '1', class: 'permanent', rule: 'anthropic-credit-balance', 'exit-code': '3' })
    expect(run.commands).toContainEqual(expect.objectContaining({ command: 'error', message: expect.stringContaining('the command failed (exit code 3, permanent, rule anthropic-credit-balance)') }))
  }, 60_000)

  it('a bad input fails the step with a message naming it, every output still set', async () => {
    const run = await runBundle(bundle, { inputs: { run: 'true', attempts: 'many' } })
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toEqual({ attempts: '0', class: '', rule: '', 'exit-code': '' })
    expect(run.commands).toContainEqual(expect.objectContaining({ command: 'error', message: expect.stringContaining("Input 'attempts' is 'many'") }))
  }, 60_000)
})
