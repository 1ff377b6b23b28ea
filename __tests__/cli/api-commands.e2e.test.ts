/**
 * `purple wait-ci` and `purple merge` as an orchestrator runs them (node
 * bin/purple.js, the bundled CLI) against the loopback simulator, with a clean
 * environment: no runner variables, only PATH, HOME and what each test sets.
 * Every exit code of both commands, in words and with --json (the same code; the
 * words in-process through the same command function, and once per command bundled too),
 * the purple/v1 document, and no credential ever printed.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { main } from '../../src/cli/main.js'
import { closeChecked } from '../sim/openapi-check.js'
import { virtualTime } from '../harness/run-bundle.js'
import { expectMergeInvariants, mergeCalls } from '../merge/invariants.js'
import { gitEnv, tempRepo } from '../git/temp-repo.js'
import { DEFAULT_TOKEN, HEAD_SHA, OWNER, REPO, protectBranch, shaOf, startSimulator, type Sim } from '../sim/server.js'

const bin = resolve(import.meta.dirname, '..', '..', 'bin', 'purple.js')
const PULL = `/repos/${OWNER}/${REPO}/pulls/1`
const MERGE = `${PULL}/merge`
const SHA40 = /^[0-9a-f]{40}$/

let sims: Sim[] = []
afterEach(async () => {
  // Every answer the simulator gave must match GitHub's published schema.
  for (const s of sims) await closeChecked(s)
  sims = []
})

/** A simulator on the manual clock that the CLI's virtual time drives (harness/virtual-time.cjs). */
async function start(setup?: (sim: Sim) => void): Promise<Sim> {
  const sim = await startSimulator({ clock: { mode: 'manual' } })
  sims.push(sim)
  setup?.(sim)
  return sim
}

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

// Asynchronous: the simulator answers from this process, so the CLI must not block its event loop.
// On virtual time, moving the clock of the simulator it talks to: budgets of minutes cost no wall time.
function purple(args: readonly string[], env: Record<string, string>, cwd = tmpdir()): Promise<Run> {
  const clock = virtualTime(sims.find((s) => s.url === env.GITHUB_API_URL))
  return new Promise((done, failed) => {
    const child = spawn(process.execPath, [...clock.execArgv, bin, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: tmpdir(), ...gitEnv, ...env, ...clock.env }
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', failed)
    child.on('close', (code) => done({ code, stdout, stderr }))
  })
}

/** The one document --json prints: stdout is exactly one line of JSON. */
function documentOf(run: Run): Record<string, unknown> {
  expect(run.stdout.endsWith('\n')).toBe(true)
  expect(run.stdout.trimEnd().split('\n')).toHaveLength(1)
  return JSON.parse(run.stdout) as Record<string, unknown>
}

/** With --json, every progress line on stderr is one JSON object. */
function expectJsonProgress(run: Run, command: string): void {
  for (const line of run.stderr.split('\n').filter(Boolean)) {
    expect(JSON.parse(line)).toEqual({ command, level: expect.stringMatching(/^(info|warning)$/), message: expect.any(String) })
  }
}

const REFUSED_TOKEN = 'ghs_refusedTokenNeverPrinted000000000001'
const secrets = [DEFAULT_TOKEN, REFUSED_TOKEN]
function expectNoSecret(run: Run): void {
  for (const secret of secrets) expect(run.stdout + run.stderr).not.toContain(secret)
}

const repo = ['--repo', `${OWNER}/${REPO}`]
// Polls and budgets as an orchestrator sets them; virtual time makes them cost nothing.
const fast = ['--interval', '10', '--request-timeout', '2', '--max-retries', '0']
const tokenEnv = (sim: Sim): Record<string, string> => ({ GH_TOKEN: DEFAULT_TOKEN, GITHUB_API_URL: sim.url })
const requireTest = (sim: Sim): void => void protectBranch(sim.state, 'main', { contexts: ['test'], checks: [{ context: 'test', app_id: null }] })

// The diagnosis read after a refusal is best effort: its blockers as a JSON value (an array, or null when
// it could not be read), never a string of JSON.
const BLOCKERS_ANY = expect.not.stringMatching(/./)

interface Scenario {
  readonly name: string
  readonly args: readonly string[]
  readonly setup?: (sim: Sim) => void
  readonly env?: (sim: Sim) => Record<string, string>
  readonly code: number
  /** What the document must hold besides schema, command and exit-code. */
  readonly document: Record<string, unknown>
  /** What the words on stdout say. */
  readonly words: RegExp
  readonly then?: (sim: Sim) => void
  /** Also run the words as the bundled CLI (and require the same output as in-process). */
  readonly bundleWords?: boolean
  /**
   * Run --json in-process too: for a second scenario with an exit code another scenario of the command
   * already runs as the bundled CLI (the printing path is the same; only GitHub's answers differ).
   */
  readonly jsonInProcess?: boolean
}

/** The command's function in this process, on the simulator's manual clock (every wait advances it). */
async function commandInProcess(args: readonly string[], env: Record<string, string>, sim: Sim): Promise<Run> {
  const { waitCiCommand } = await import('../../src/cli/wait-ci-command.js')
  const { mergeCommand } = await import('../../src/cli/merge-command.js')
  let stdout = ''
  let stderr = ''
  const io = { cwd: tmpdir(), stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t), readStdin: async () => '' }
  const deps = { env: { PATH: process.env.PATH, HOME: tmpdir(), ...env }, now: () => sim.clock.now(), sleep: async (ms: number) => sim.clock.advance(ms) }
  const [name, ...rest] = args
  const code = await (name === 'merge' ? mergeCommand : waitCiCommand)(rest, io, deps)
  return { code, stdout, stderr }
}

/**
 * Runs a scenario twice, each on a fresh simulator: with --json as the bundled CLI (in-process with
 * `jsonInProcess`), and in words through the same command function in-process (what main() calls). With
 * `bundleWords` (one scenario per command) the words also run bundled, and both must print the same.
 * Same code; the document and the words as given.
 */
async function runBoth(s: Scenario): Promise<void> {
  const command = s.args[0]!
  const sim = await start(s.setup)
  const jsonArgs = [...s.args, '--json']
  const json = s.jsonInProcess ? await commandInProcess(jsonArgs, (s.env ?? tokenEnv)(sim), sim) : await purple(jsonArgs, (s.env ?? tokenEnv)(sim))
  expectNoSecret(json)
  s.then?.(sim)
  const simWords = await start(s.setup)
  const plain = await commandInProcess(s.args, (s.env ?? tokenEnv)(simWords), simWords)
  expectNoSecret(plain)
  s.then?.(simWords)
  if (s.bundleWords) {
    const simBundle = await start(s.setup)
    const bundled = await purple(s.args, (s.env ?? tokenEnv)(simBundle))
    expectNoSecret(bundled)
    s.then?.(simBundle)
    expect(bundled).toEqual(plain)
  }
  expect({ plain: plain.code, json: json.code }).toEqual({ plain: s.code, json: s.code })
  expect(plain.stdout).toMatch(s.words)
  expect(documentOf(json)).toEqual({ schema: 'purple/v1', command, 'exit-code': s.code, ...s.document })
  expectJsonProgress(json, command)
  // In words, progress lines on stderr name the command.
  for (const line of plain.stderr.split('\n').filter(Boolean)) expect(line).toMatch(new RegExp(`^purple ${command}: `))
}

const requestCounts = { counted: expect.any(Number), not_modified: expect.any(Number), total: expect.any(Number) }

describe('purple wait-ci: every exit code, in words and with --json', () => {
  const waitCi = (...extra: string[]) => ['wait-ci', ...repo, '--pr', '1', ...fast, '--timeout', '600', ...extra]

  it.each<Scenario>([
    {
      name: 'green: 0, the verified sha',
      bundleWords: true,
      args: waitCi(),
      setup: (sim) => {
        requireTest(sim)
        sim.addCheckRun({ name: 'test', conclusion: 'success' })
      },
      code: 0,
      document: {
        conclusion: 'success',
        sha: HEAD_SHA,
        required: [{ name: 'test', sources: ['protection'], state: 'success' }],
        failed: [],
        pending: [],
        'api-requests': requestCounts,
        message: expect.any(String)
      },
      words: new RegExp(`^wait-ci: success at ${HEAD_SHA}: `)
    },
    {
      name: 'a required check failed: 1, with its link',
      args: waitCi(),
      setup: (sim) => {
        requireTest(sim)
        sim.addCheckRun({ name: 'test', conclusion: 'failure', html_url: 'https://github.com/octo-org/purple-demo/runs/9' })
      },
      code: 1,
      document: {
        conclusion: 'failure',
        sha: HEAD_SHA,
        required: [{ name: 'test', sources: ['protection'], state: 'failed' }],
        failed: [{ name: 'test', conclusion: 'failure', url: 'https://github.com/octo-org/purple-demo/runs/9' }],
        pending: [],
        'api-requests': requestCounts,
        message: expect.any(String)
      },
      words: /^wait-ci: failure at [0-9a-f]{40}: .*\n {2}failed: test \(failure\) https:\/\/github\.com\/octo-org\/purple-demo\/runs\/9\n$/
    },
    {
      name: 'the head is not the --sha given: 1, head-moved',
      jsonInProcess: true,
      args: waitCi('--sha', shaOf('an-older-head')),
      setup: (sim) => {
        requireTest(sim)
        sim.addCheckRun({ name: 'test', conclusion: 'success' })
      },
      code: 1,
      document: { conclusion: 'head-moved', sha: shaOf('an-older-head'), required: [], failed: [], pending: [], 'api-requests': requestCounts, message: expect.stringContaining(`the pull request head is ${HEAD_SHA}`) },
      words: /^wait-ci: head-moved at /
    },
    {
      name: 'still pending at --timeout: 8, naming what is pending',
      args: ['wait-ci', ...repo, '--pr', '1', ...fast, '--timeout', '120'],
      setup: (sim) => {
        requireTest(sim)
        sim.addCheckRun({ name: 'test', status: 'in_progress' })
      },
      code: 8,
      document: {
        conclusion: 'timed_out',
        sha: HEAD_SHA,
        required: [{ name: 'test', sources: ['protection'], state: 'pending' }],
        failed: [],
        pending: [{ name: 'test', state: 'pending', detail: expect.any(String) }],
        'api-requests': requestCounts,
        message: expect.stringContaining('still pending: test')
      },
      words: /^wait-ci: timed_out at [0-9a-f]{40}: timed out/
    },
    {
      name: 'GitHub answers 503 to every read until --timeout: 75',
      args: ['wait-ci', ...repo, '--pr', '1', ...fast, '--timeout', '120'],
      setup: (sim) => {
        requireTest(sim)
        sim.fault({ method: 'GET', path: PULL }, { type: 'server-error', status: 503 }, 1000)
      },
      code: 75,
      document: { conclusion: 'timed_out', sha: '', required: [], failed: [], pending: [], 'api-requests': requestCounts, message: expect.stringContaining('no poll completed') },
      words: /^wait-ci: timed_out: timed out/
    },
    {
      name: 'a token GitHub refuses (401): 4',
      args: waitCi(),
      env: (sim) => ({ GH_TOKEN: REFUSED_TOKEN, GITHUB_API_URL: sim.url }),
      code: 4,
      document: { conclusion: 'failure', sha: '', required: [], failed: [], pending: [], 'api-requests': requestCounts, message: expect.stringContaining('Bad credentials') },
      words: /^wait-ci: failure: GitHub refused a read the wait needs: .*Bad credentials/
    },
    {
      name: 'a merge group (--sha on --base, no pull request): 0',
      jsonInProcess: true,
      args: ['wait-ci', ...repo, '--sha', shaOf('group'), '--base', 'main', ...fast, '--timeout', '600'],
      setup: (sim) => {
        requireTest(sim)
        sim.addCheckRun({ name: 'test', conclusion: 'success', head_sha: shaOf('group') })
      },
      code: 0,
      document: {
        conclusion: 'success',
        sha: shaOf('group'),
        required: [{ name: 'test', sources: ['protection'], state: 'success' }],
        failed: [],
        pending: [],
        'api-requests': requestCounts,
        message: expect.any(String)
      },
      words: new RegExp(`^wait-ci: success at ${shaOf('group')}`)
    }
  ])('$name', async (s) => {
    await runBoth(s)
  })
})

describe('purple merge: every exit code, in words and with --json', () => {
  const mergeArgs = (...extra: string[]) => ['merge', ...repo, '--pr', '1', '--sha', HEAD_SHA, ...fast, '--timeout', '300', ...extra]

  it.each<Scenario>([
    {
      name: 'merged: 0, every call pinned to the sha',
      bundleWords: true,
      args: mergeArgs('--method', 'squash'),
      code: 0,
      document: { merged: true, 'merge-commit-sha': expect.stringMatching(SHA40), attempts: 1, reason: 'merged', message: expect.any(String), 'updated-sha': '', 'merge-group-sha': '', blockers: null },
      words: new RegExp(`^merge: pull request #1 merged at ${HEAD_SHA} as [0-9a-f]{40}: `),
      then: (sim) => {
        expectMergeInvariants(sim, HEAD_SHA)
        expect(mergeCalls(sim).map((c) => c.body)).toEqual([{ sha: HEAD_SHA, merge_method: 'squash' }])
      }
    },
    {
      name: 'GitHub refuses (a required check failed): 1',
      args: mergeArgs(),
      setup: (sim) => {
        requireTest(sim)
        sim.addCheckRun({ name: 'test', conclusion: 'failure' })
      },
      code: 1,
      document: { merged: false, 'merge-commit-sha': '', attempts: 1, reason: 'permanent', message: expect.stringContaining('is failing'), 'updated-sha': '', 'merge-group-sha': '', blockers: expect.arrayContaining([expect.objectContaining({ kind: 'check-failing' })]) },
      words: /^merge: pull request #1 not merged \(permanent\): GitHub refused the merge/,
      then: (sim) => expectMergeInvariants(sim, HEAD_SHA)
    },
    {
      name: 'the head moved past the verified sha: 1, nothing merged',
      jsonInProcess: true,
      args: ['merge', ...repo, '--pr', '1', '--sha', shaOf('verified-earlier'), ...fast, '--timeout', '300'],
      code: 1,
      document: { merged: false, 'merge-commit-sha': '', attempts: expect.any(Number), reason: 'head-moved', message: expect.any(String), 'updated-sha': '', 'merge-group-sha': '', blockers: BLOCKERS_ANY },
      words: /^merge: pull request #1 not merged \(head-moved\)/,
      then: (sim) => {
        expectMergeInvariants(sim, shaOf('verified-earlier'))
        expect(sim.state.pulls[0]!.merged).toBe(false)
      }
    },
    {
      name: 'required checks still expected at --timeout: 8',
      args: ['merge', ...repo, '--pr', '1', '--sha', HEAD_SHA, ...fast, '--timeout', '120'],
      setup: (sim) => {
        requireTest(sim)
        sim.addCheckRun({ name: 'test', status: 'in_progress' })
      },
      code: 8,
      // The advice names the command line's flag, not the action input.
      document: { merged: false, 'merge-commit-sha': '', attempts: expect.any(Number), reason: 'pending-timeout', message: expect.stringContaining('Raise --timeout if checks take longer'), 'updated-sha': '', 'merge-group-sha': '', blockers: BLOCKERS_ANY },
      words: /^merge: pull request #1 not merged \(pending-timeout\): .*Raise --timeout if checks take longer/,
      then: (sim) => expect(sim.state.pulls[0]!.merged).toBe(false)
    },
    {
      name: 'GitHub unreachable (503 to every read): 75',
      args: mergeArgs(),
      setup: (sim) => sim.fault({ method: 'GET', path: PULL }, { type: 'server-error', status: 503 }, 1000),
      code: 75,
      document: { merged: false, 'merge-commit-sha': '', attempts: 0, reason: 'unreachable', message: expect.stringContaining('nothing was merged'), 'updated-sha': '', 'merge-group-sha': '', blockers: null },
      words: /^merge: pull request #1 not merged \(unreachable\)/,
      then: (sim) => expect(mergeCalls(sim)).toEqual([])
    },
    {
      name: "the merge call's answer lost and no read back: 1, unknown-outcome",
      jsonInProcess: true,
      args: ['merge', ...repo, '--pr', '1', '--sha', HEAD_SHA, ...fast, '--timeout', '120'],
      setup: (sim) => {
        sim.fault({ method: 'PUT', path: MERGE }, 'apply-then-reset')
        sim.after({ method: 'GET', path: PULL, count: 1 }, (_st, sm) => sm.fault({ method: 'GET', path: PULL }, { type: 'server-error', status: 502 }, 1000))
      },
      code: 1,
      document: { merged: false, 'merge-commit-sha': '', attempts: expect.any(Number), reason: 'unknown-outcome', message: expect.stringContaining('merged is unknown'), 'updated-sha': '', 'merge-group-sha': '', blockers: BLOCKERS_ANY },
      words: /^merge: pull request #1 not merged \(unknown-outcome\)/,
      then: (sim) => expectMergeInvariants(sim, HEAD_SHA)
    },
    {
      name: 'a token GitHub refuses (401): 4',
      args: mergeArgs(),
      env: (sim) => ({ GITHUB_TOKEN: REFUSED_TOKEN, GITHUB_API_URL: sim.url }),
      code: 4,
      document: { merged: false, 'merge-commit-sha': '', attempts: 0, reason: 'permanent', message: expect.stringContaining('Bad credentials'), 'updated-sha': '', 'merge-group-sha': '', blockers: null },
      words: /^merge: pull request #1 not merged \(permanent\)/,
      then: (sim) => expect(mergeCalls(sim)).toEqual([])
    }
  ])('$name', async (s) => {
    await runBoth(s)
  })
})

describe('credentials', () => {
  it.each(['wait-ci', 'merge'])('%s without any token: 4 before any request, in words and with --json', async (command) => {
    const sim = await start()
    const args = [command, ...repo, '--pr', '1', '--sha', HEAD_SHA]
    const plain = await purple(args, { GITHUB_API_URL: sim.url })
    const json = await purple([...args, '--json'], { GITHUB_API_URL: sim.url })
    expect([plain.code, json.code]).toEqual([4, 4])
    expect(plain.stderr).toContain(`purple ${command}: no token: set GH_TOKEN (or GITHUB_TOKEN)`)
    expect(documentOf(json)).toEqual({ schema: 'purple/v1', command, 'exit-code': 4, error: expect.stringContaining('no token') })
    expect(sim.log).toEqual([])
  })

  it('a GitHub App (PURPLE_APP_ID, PURPLE_PRIVATE_KEY_FILE): the installation token is minted, used and never printed', async () => {
    const sim = await start((s) => {
      requireTest(s)
      s.addCheckRun({ name: 'test', conclusion: 'success' })
    })
    const keyFile = join(mkdtempSync(join(tmpdir(), 'purple-key-')), 'app.pem')
    writeFileSync(keyFile, sim.app.privateKey)
    const run = await purple(['wait-ci', ...repo, '--pr', '1', ...fast, '--json'], { PURPLE_APP_ID: String(sim.app.id), PURPLE_PRIVATE_KEY_FILE: keyFile, GITHUB_API_URL: sim.url })
    expect(run.code).toBe(0)
    expect(documentOf(run)).toMatchObject({ conclusion: 'success', sha: HEAD_SHA })
    const minted = sim.requests({ method: 'POST', path: /\/access_tokens$/ })
    expect(minted).toHaveLength(1)
    const token = (minted[0]!.responseBody as { token: string }).token
    expect(sim.requests({ method: 'GET', path: PULL }).every((e) => e.token === token)).toBe(true)
    expect(run.stdout + run.stderr).not.toContain(token)
    for (const line of sim.app.privateKey.split('\n').filter((l) => l.length > 20)) expect(run.stdout + run.stderr).not.toContain(line)
  })

  it('a private key that cannot sign: 4, the key never quoted', async () => {
    const sim = await start()
    const garbage = '-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n-----END RSA PRIVATE KEY-----'
    for (const command of ['wait-ci', 'merge']) {
      const run = await purple([command, ...repo, '--pr', '1', '--sha', HEAD_SHA, '--json'], { PURPLE_APP_ID: '777001', PURPLE_PRIVATE_KEY: garbage, GITHUB_API_URL: sim.url })
      expect(run.code).toBe(4)
      expect(documentOf(run)).toEqual({ schema: 'purple/v1', command, 'exit-code': 4, error: expect.stringMatching(/^PURPLE_PRIVATE_KEY cannot be used to sign/) })
      expect(run.stdout + run.stderr).not.toContain('MIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu')
    }
    expect(sim.log).toEqual([])
  })
})

// Every usage error takes one path (main's catch: code 2, the message with its help pointer, the --json document):
// two rows run the bundled CLI, one per command; the others call the same main() in-process, the
// environment pointed at a simulator that must see no request.
const usageRows: ReadonlyArray<readonly [readonly string[], string]> = [
  [['wait-ci', ...repo, '--pr', '1', '--timeout', 'soon'], "option '--timeout' is 'soon': write a number of seconds"],
  [['merge', ...repo, '--pr', '1', '--sha', HEAD_SHA, '--bogus'], "Unknown option '--bogus'"],
  [['wait-ci', ...repo, '--pr', '1', '--interval', '0'], "option '--interval' is '0'"],
  [['wait-ci', ...repo, '--pr', 'one'], "option '--pr' is 'one': write the pull request number"],
  [['wait-ci', ...repo, '--pr', '1', '--max-retries', 'lots'], "option '--max-retries' is 'lots'"],
  [['wait-ci', ...repo, '--pr', '1', '--request-timeout', '0'], "option '--request-timeout' is '0'"],
  [['wait-ci', ...repo], 'missing --pr'],
  [['wait-ci', ...repo, '--base', 'main'], '--base needs --sha'],
  [['wait-ci', ...repo, '--pr', '1', '--sha', HEAD_SHA, '--base', 'main'], 'not both'],
  [['wait-ci', '--repo', 'not-a-repo', '--pr', '1'], "--repo is 'not-a-repo': write owner/name"],
  [['merge', ...repo, '--pr', '1'], 'missing --sha'],
  [['merge', ...repo, '--pr', '1', '--sha', 'abc123'], "option '--sha' is 'abc123': write the full commit sha"],
  [['merge', ...repo, '--pr', '1', '--sha', HEAD_SHA, '--method', 'fast-forward'], "option '--method' is 'fast-forward'"],
  [['merge', ...repo, '--sha', HEAD_SHA], 'missing --pr']
]

function expectUsage(args: readonly string[], message: string, plain: Run, json: Run): void {
  expect([plain.code, json.code]).toEqual([2, 2])
  expect(plain.stderr).toContain(message)
  expect(plain.stderr).toContain(`(see purple ${args[0]} --help)`)
  expect(documentOf(json)).toEqual({ schema: 'purple/v1', command: args[0], 'exit-code': 2, error: expect.stringContaining(message) })
}

/** main() in this process with the given environment, its output captured. */
async function purpleInProcess(args: readonly string[], env: Record<string, string>): Promise<Run> {
  const saved = Object.keys(env).map((k) => [k, process.env[k]] as const)
  Object.assign(process.env, env)
  let stdout = ''
  let stderr = ''
  const io = { cwd: tmpdir(), stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t), readStdin: async () => '' }
  try {
    const code = await main(args, io, bin)
    return { code, stdout, stderr }
  } finally {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
  }
}

describe('usage: 2, the message names the flag', () => {
  it.each(usageRows.slice(0, 2))('the bundled CLI: %j', async (args, message) => {
    const sim = await start()
    const env = tokenEnv(sim)
    expectUsage(args, message, await purple(args, env), await purple([...args, '--json'], env))
    expect(sim.log).toEqual([])
  })

  it.each(usageRows.slice(2))('in-process main(): %j', async (args, message) => {
    const sim = await start()
    const env = tokenEnv(sim)
    expectUsage(args, message, await purpleInProcess(args, env), await purpleInProcess([...args, '--json'], env))
    expect(sim.log).toEqual([])
  })
})

describe('--repo from the origin remote', () => {
  function cloneWithOrigin(url: string): string {
    const r = tempRepo()
    r.commit('base', { 'a.txt': 'a\n' })
    r.git(['remote', 'add', 'origin', url])
    return r.dir
  }

  it.each(['https://github.com/octo-org/purple-demo.git', 'git@github.com:octo-org/purple-demo.git', 'ssh://git@github.com/octo-org/purple-demo'])(
    'origin %s: that repository',
    async (url) => {
      const sim = await start((s) => s.addCheckRun({ name: 'test', conclusion: 'success' }))
      const run = await purple(['wait-ci', '--pr', '1', ...fast, '--json'], tokenEnv(sim), cloneWithOrigin(url))
      expect(run.code).toBe(0)
      expect(sim.requests({ method: 'GET', path: PULL })).not.toEqual([])
    }
  )

  it('an origin that is no GitHub repository, no origin, no repository: 2, saying to pass --repo (credentials in the URL never quoted)', async () => {
    const sim = await start()
    const gitlab = await purple(['merge', '--pr', '1', '--sha', HEAD_SHA], tokenEnv(sim), cloneWithOrigin('https://oauth2:glpat-secretNeverShown@gitlab.com/octo-org/purple-demo.git'))
    expect(gitlab.code).toBe(2)
    expect(gitlab.stderr).toContain("no --repo, and the origin remote 'https://***@gitlab.com/octo-org/purple-demo.git' is not a repository on github.com")
    expect(gitlab.stderr).not.toContain('glpat-secretNeverShown')

    const bare = tempRepo()
    const none = await purple(['wait-ci', '--pr', '1'], tokenEnv(sim), bare.dir)
    expect(none.code).toBe(2)
    expect(none.stderr).toContain("no --repo, and this repository has no 'origin' remote: pass --repo owner/name")

    const outside = await purple(['wait-ci', '--pr', '1'], tokenEnv(sim), mkdtempSync(join(tmpdir(), 'purple-no-git-')))
    expect(outside.code).toBe(2)
    expect(outside.stderr).toContain('is not in a git repository: pass --repo owner/name')
    expect(sim.log).toEqual([])
  })
})
