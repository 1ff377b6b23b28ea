/**
 * purple retry against real processes: small node scripts that print real
 * tools' failure lines and exit non-zero a scripted number of times. Time is
 * injected (a fake clock that the fake sleep advances); processes are real.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { builtInRules } from '../../src/core/failure-engine.js'
import { formatRetryEvent, runRetry, type RetryDeps, type RetryOptions } from '../../src/actions/retry/retry.js'
import { spawnAttempt } from '../../src/actions/retry/process-runner.js'
import { main } from '../../src/cli/main.js'
import { EXIT_CODES } from '../../src/cli/exit-codes.js'

const dir = mkdtempSync(join(tmpdir(), 'purple-retry-'))

// Fails `failures` times, printing the given line on stderr and exiting with `code`, then succeeds.
const FLAKY = join(dir, 'flaky.mjs')
writeFileSync(
  FLAKY,
  `import { existsSync, readFileSync, writeFileSync } from 'node:fs'
const [state, failures, code, line] = process.argv.slice(2)
const n = existsSync(state) ? Number(readFileSync(state, 'utf8')) : 0
writeFileSync(state, String(n + 1))
if (n < Number(failures)) { process.stdout.write('working...\\n'); process.stderr.write(line + '\\n'); process.exit(Number(code)) }
process.stdout.write('done on run ' + (n + 1) + '\\n')
`
)
// Starts a grandchild in the same process group, records both pids, then hangs.
const HANG = join(dir, 'hang.mjs')
writeFileSync(
  HANG,
  `import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' })
writeFileSync(process.argv[2], JSON.stringify([process.pid, child.pid]))
setInterval(() => {}, 1000)
`
)

let runs = 0
function flaky(failures: number, code: number, line: string): { command: string; args: string[]; runs: () => number } {
  const state = join(dir, `state-${runs++}`)
  return { command: process.execPath, args: [FLAKY, state, String(failures), String(code), line], runs: () => (existsSync(state) ? Number(readFileSync(state, 'utf8')) : 0) }
}

function fakeTime(): { deps: Omit<RetryDeps, 'run'>; sleeps: number[]; logs: string[] } {
  let now = Date.parse('2026-11-27T06:00:00Z')
  const sleeps: number[] = []
  const logs: string[] = []
  return {
    sleeps,
    logs,
    deps: {
      now: () => now,
      sleep: async (ms) => {
        sleeps.push(ms)
        now += ms
      },
      random: () => 0.5,
      log: (event) => logs.push(formatRetryEvent(event))
    }
  }
}

const output: string[] = []
const realRun: RetryDeps['run'] = (command, args) => spawnAttempt(command, args, { stdout: (t) => output.push(t), stderr: (t) => output.push(t) })

function options(cmd: { command: string; args: string[] }, over: Partial<RetryOptions> = {}): RetryOptions {
  return { ...cmd, attempts: 4, minDelayMs: 1000, maxDelayMs: 60_000, unknown: 'retry', rules: builtInRules(), ...over }
}

describe('purple retry: real processes, injected time', () => {
  it('retries a transient failure until the command succeeds', async () => {
    // https://github.com/anthropics/claude-code/issues/5184
    const cmd = flaky(2, 1, 'API Error (529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})')
    const time = fakeTime()
    const result = await runRetry(options(cmd), { ...time.deps, run: realRun })
    expect(result).toMatchObject({ exitCode: 0, attempts: 3, class: 'success' })
    expect(cmd.runs()).toBe(3)
    // Full jitter above the 1 s floor: retry n waits within [1 s, 2^n s].
    expect(time.sleeps).toEqual([1000, 2000])
    expect(time.logs[0]).toContain("attempt 1/4 exited 1 (transient, rule anthropic-overloaded; next attempt in 1000 ms): 'API Error (529")
    expect(output.join('')).toContain('done on run 3')
  })

  it('Bun\'s socket-closed line is retried (the line a hand-written list once missed)', async () => {
    // https://github.com/oven-sh/bun/issues/6197
    const cmd = flaky(1, 1, 'error: The socket connection was closed unexpectedly. For more information, pass `verbose: true` in the second argument to fetch()')
    const result = await runRetry(options(cmd), { ...fakeTime().deps, run: realRun })
    expect(result).toMatchObject({ exitCode: 0, attempts: 2 })
  })

  it.each([
    // https://github.com/anthropics/claude-code/issues/66314
    ['permanent', 1, 'Error: 400 {"type":"error","error":{"type":"invalid_request_error","message":"Your credit balance is too low to access the Anthropic API."}}', 'anthropic-credit-balance'],
    // https://github.com/gogs/gogs/issues/4718: the cause line decides, not the hang-up after it.
    ['auth', 128, 'error: RPC failed; HTTP 401 curl 22 The requested URL returned error: 401\nfatal: The remote end hung up unexpectedly', 'git-http-auth']
  ])('a %s failure runs once and exits with the command\'s own code', async (cls, code, line, rule) => {
    const cmd = flaky(5, code, line)
    const time = fakeTime()
    const result = await runRetry(options(cmd), { ...time.deps, run: realRun })
    expect(result).toMatchObject({ exitCode: code, attempts: 1, class: cls, rule })
    expect(cmd.runs()).toBe(1)
    expect(time.sleeps).toEqual([])
  })

  it('waits out a rate limit\'s own hint when it is longer than the backoff', async () => {
    // https://github.com/n3d1117/chatgpt-telegram-bot/pull/341 (the wording), with the 18.642s
    const cmd = flaky(1, 1, "error_message='Rate limit reached for default-gpt-3.5-turbo in organization org-xxx on requests per min. Limit: 3 / min. Please try again in 18.642s. Contact us'")
    const time = fakeTime()
    const result = await runRetry(options(cmd), { ...time.deps, run: realRun })
    expect(result).toMatchObject({ exitCode: 0, attempts: 2 })
    expect(time.sleeps).toEqual([18_642])
  })

  it('gives 75 when every attempt failed transiently', async () => {
    // https://github.com/npm/cli/issues/7477
    const cmd = flaky(99, 1, 'npm ERR! code ECONNRESET\nnpm ERR! network aborted')
    const time = fakeTime()
    const result = await runRetry(options(cmd, { attempts: 3 }), { ...time.deps, run: realRun })
    expect(result).toMatchObject({ exitCode: EXIT_CODES.transientExhausted, attempts: 3, class: 'transient', rule: 'node-econnreset', line: 'npm ERR! code ECONNRESET' })
    expect(cmd.runs()).toBe(3)
  })

  it('stops with 75 when the next wait would pass the deadline', async () => {
    const cmd = flaky(99, 1, 'npm ERR! code ECONNRESET')
    const time = fakeTime()
    const result = await runRetry(options(cmd, { attempts: 10, deadlineMs: 4000 }), { ...time.deps, run: realRun })
    // Waits 1 s, then 2 s; the third wait (4 s) would end past 4 s.
    expect(result.exitCode).toBe(75)
    expect(time.sleeps).toEqual([1000, 2000])
    expect(cmd.runs()).toBe(3)
  })

  it('retries the unknown by default; --unknown fail stops on it', async () => {
    const line = 'Segmentation fault (core dumped)'
    const again = flaky(1, 139, line)
    expect(await runRetry(options(again), { ...fakeTime().deps, run: realRun })).toMatchObject({ exitCode: 0, attempts: 2 })
    const stop = flaky(1, 139, line)
    expect(await runRetry(options(stop, { unknown: 'fail' }), { ...fakeTime().deps, run: realRun })).toMatchObject({ exitCode: 139, attempts: 1, class: 'unknown' })
  })

  it('a command that does not exist is permanent, exit 127, one attempt', async () => {
    const result = await runRetry(options({ command: join(dir, 'no-such-command'), args: [] }), { ...fakeTime().deps, run: realRun })
    expect(result).toMatchObject({ exitCode: 127, attempts: 1, class: 'permanent', rule: 'command-not-found' })
  })
})

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch {
    return false
  }
  // A killed process not yet reaped by its new parent is a zombie: dead for our purpose.
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return false
  }
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10))
}

describe('purple retry: --attempt-timeout kills the whole process tree', () => {
  it('a hung attempt and its grandchild are killed; the timeout is transient and retried', async () => {
    const pidFiles: string[] = []
    let attempt = 0
    // The attempt's time is up once the script has started its grandchild: no wall-clock window.
    const run: RetryDeps['run'] = (command, args) => {
      const pidFile = join(dir, `pids-${attempt++}-${Date.now()}`)
      pidFiles.push(pidFile)
      return spawnAttempt(command, [...args, pidFile], { stdout: () => undefined, stderr: () => undefined }, { timer: until(() => existsSync(pidFile)), killGraceMs: 50 })
    }
    const time = fakeTime()
    const result = await runRetry({ command: process.execPath, args: [HANG], attempts: 2, attemptTimeoutMs: 1000, minDelayMs: 0, maxDelayMs: 0, unknown: 'retry', rules: builtInRules() }, { ...time.deps, run })
    expect(result).toMatchObject({ exitCode: 75, attempts: 2, class: 'transient', rule: 'attempt-timeout' })
    for (const file of pidFiles) {
      const pids = JSON.parse(readFileSync(file, 'utf8')) as number[]
      await until(() => pids.every((p) => !alive(p)))
      expect(pids.map(alive)).toEqual([false, false])
    }
  })
})

describe('purple retry and classify on the command line (in process)', () => {
  function io(stdin = '') {
    const out: string[] = []
    const err: string[] = []
    return { out, err, io: { cwd: dir, stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), readStdin: async () => stdin } }
  }

  it('retry --json prints exactly one purple/v1 document on stdout; the command\'s stdout goes to stderr', async () => {
    const cmd = flaky(1, 1, 'TypeError: fetch failed')
    const r = io()
    const code = await main(['retry', '--json', '--min-delay', '0', '--max-delay', '0', '--', cmd.command, ...cmd.args], r.io, 'purple')
    expect(code).toBe(0)
    expect(JSON.parse(r.out.join(''))).toEqual({ schema: 'purple/v1', command: 'retry', 'exit-code': 0, attempts: 2, class: 'success', rule: '', line: '', reason: 'the command succeeded' })
    expect(r.err.join('')).toContain('working...')
    // Progress with --json: one JSON object per line on stderr.
    const events = r.err.join('').split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(events).toEqual([
      expect.objectContaining({ schema: 'purple/v1', command: 'retry', event: 'attempt-failed', attempt: 1, class: 'transient', rule: 'undici-fetch-failed', line: 'TypeError: fetch failed', next: 'retry', delayMs: 0 })
    ])
  })

  it.each([
    [['retry', 'npm', 'ci'], "put the command after '--'"],
    [['retry', '--attempts', '0', '--', 'true'], "--attempts '0' is not valid: expected a whole number of at least 1"],
    [['retry', '--deadline', 'soon', '--', 'true'], "--deadline 'soon' is not valid: expected a number of seconds"],
    [['retry', '--unknown', 'maybe', '--', 'true'], "--unknown 'maybe' is not valid: expected 'retry' or 'fail'"],
    [['retry', '--min-delay', '5', '--max-delay', '1', '--', 'true'], '--max-delay is shorter than --min-delay'],
    [['retry', '--rules', 'missing.json', '--', 'true'], "--rules 'missing.json' cannot be read"],
    [['retry', '--bogus', '--', 'true'], "Unknown option '--bogus'"],
    [['classify', '--exit-code', 'x'], "--exit-code 'x' is not valid"],
    [['classify', 'file.txt'], 'classify reads the output on stdin']
  ])('%j is a usage error (exit 2) that says what to do', async (argv, message) => {
    const r = io()
    expect(await main(argv, r.io, 'purple')).toBe(2)
    expect(r.err.join('')).toContain(message)
    expect(r.err.join('')).toContain(`(see purple ${argv[0]} --help)`)
  })

  it('with --json a usage error is still one purple/v1 document on stdout', async () => {
    const r = io()
    expect(await main(['retry', '--json', '--attempts', 'x', '--', 'true'], r.io, 'purple')).toBe(2)
    expect(JSON.parse(r.out.join(''))).toEqual({ schema: 'purple/v1', command: 'retry', 'exit-code': 2, error: "--attempts 'x' is not valid: expected a whole number of at least 1" })
  })

  it('a --rules file adds the user\'s own rule', async () => {
    writeFileSync(join(dir, 'rules.json'), JSON.stringify({ version: 1, rules: [{ id: 'corp-proxy', class: 'transient', pattern: 'proxy refused the tunnel' }] }))
    const r = io('curl: (56) proxy refused the tunnel\n')
    expect(await main(['classify', '--rules', 'rules.json'], r.io, 'purple')).toBe(0)
    expect(r.out.join('')).toBe('transient corp-proxy: curl: (56) proxy refused the tunnel\n')
  })

  it('classify prints class, rule and the line; --json the same as one document', async () => {
    // https://github.com/desktop/desktop/issues/12186
    const text = 'error: RPC failed; curl 92 HTTP/2 stream 0 was not closed cleanly: CANCEL (err 8)\nfatal: the remote end hung up unexpectedly\n'
    const plain = io(text)
    expect(await main(['classify', '--exit-code', '128'], plain.io, 'purple')).toBe(0)
    expect(plain.out.join('')).toBe('transient git-curl-transport: error: RPC failed; curl 92 HTTP/2 stream 0 was not closed cleanly: CANCEL (err 8)\n')
    const json = io(text)
    await main(['classify', '--json'], json.io, 'purple')
    expect(JSON.parse(json.out.join(''))).toMatchObject({ schema: 'purple/v1', command: 'classify', class: 'transient', rule: 'git-curl-transport' })
    const unknown = io('something odd\n')
    await main(['classify'], unknown.io, 'purple')
    expect(unknown.out.join('')).toBe('unknown\n')
  })
})

describe('progress lines carry the matched output as data', () => {
  it('a carriage return in the matched line cannot start a workflow command', () => {
    const line = formatRetryEvent({ attempt: 1, attempts: 3, ended: 'exited 1', class: 'transient', rule: 'undici-fetch-failed', line: 'fetch failed\r::error::forged', next: 'retry', delayMs: 0, reason: 'r' }, 'retry')
    expect(line).not.toContain('\r')
    expect(line).toContain("'fetch failed\\r::error::forged'")
  })
})

describe('every attempt sees the same input', () => {
  it('stdin is not passed to the command', async () => {
    const out: string[] = []
    const result = await spawnAttempt(process.execPath, ['-e', "let n = 0; process.stdin.on('data', (c) => (n += c.length)).on('end', () => console.log('read', n))"], { stdout: (t) => out.push(t), stderr: () => undefined })
    expect({ code: result.exitCode, out: out.join('') }).toEqual({ code: 0, out: 'read 0\n' })
  })
})
