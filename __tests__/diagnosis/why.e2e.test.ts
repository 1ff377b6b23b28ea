/**
 * `purple why` as users run it (node bin/purple.js, the bundled CLI) against
 * the loopback simulator, with a clean environment (no runner variables) and
 * the workflow token's permissions (no administration).
 */
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { tmpdir } from 'node:os'
import { closeChecked } from '../sim/openapi-check.js'
import { githubSchema } from '../sim/graphql.js'
import { DEFAULT_TOKEN, addRuleset, pullRequestRule, startSimulator as startSim, type Sim, type SimOptions } from '../sim/server.js'
import { virtualTime } from '../harness/run-bundle.js'

/** A simulator on the manual clock the CLI's virtual time drives (harness/virtual-time.cjs). */
const startSimulator = (options: SimOptions = {}): Promise<Sim> => startSim({ ...options, clock: { mode: 'manual' } })

const bin = resolve(import.meta.dirname, '..', '..', 'bin', 'purple.js')

let sim: Sim | undefined
beforeAll(() => githubSchema())
afterEach(async () => {
  await closeChecked(sim)
  sim = undefined
})

// Asynchronous: the simulator answers from this process, so the CLI must not block its event loop.
function purple(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const clock = virtualTime(sim)
  return new Promise((done, failed) => {
    const child = spawn(process.execPath, [...clock.execArgv, bin, ...args], {
      cwd: tmpdir(),
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: tmpdir(), ...env, ...clock.env }
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', failed)
    child.on('close', (code) => done({ code, stdout, stderr }))
  })
}

const reviewRule = pullRequestRule()
const why = (extra: string[] = []) => ['why', '--repo', 'octo-org/purple-demo', '--pr', '1', ...extra]
const env = () => ({ GH_TOKEN: DEFAULT_TOKEN, GITHUB_API_URL: sim!.url })

describe('purple why', () => {
  it('blocked by a failing check and a missing review: names both, exits 1, in words and in JSON', async () => {
    sim = await startSimulator({
      setup: (s) => {
        addRuleset(s, { name: 'gate', requiredChecks: [{ context: 'test' }], rules: [reviewRule] })
        s.pulls[0]!.mergeable_state = 'blocked'
      }
    })
    sim.addCheckRun({ name: 'test', conclusion: 'failure', html_url: 'https://github.com/octo-org/purple-demo/runs/9' })

    const words = await purple(why(), env())
    expect(words.code).toBe(1)
    expect(words.stdout).toMatch(/^octo-org\/purple-demo#1 \(head [0-9a-f]{7}\): blocked: 2 blockers stand in the way\n/)
    expect(words.stdout).toContain("  - check-failing: required check 'test' concluded failure")
    expect(words.stdout).toContain('  - review-required: 1 approving review required, 0 given; no reviewer is requested')
    expect(words.stdout).not.toContain(DEFAULT_TOKEN)

    const json = await purple(why(['--json']), env())
    expect(json.code).toBe(1)
    const doc = JSON.parse(json.stdout) as Record<string, unknown>
    expect(doc).toEqual(
      expect.objectContaining({ schema: 'purple/v1', command: 'why', verdict: 'blocked', repo: 'octo-org/purple-demo', pr: 1, 'exit-code': 1 })
    )
    expect(doc.blockers).toEqual([
      expect.objectContaining({ kind: 'check-failing', who: 'author', link: 'https://github.com/octo-org/purple-demo/runs/9' }),
      expect.objectContaining({ kind: 'review-required', who: 'reviewer' })
    ])
    expect((doc.unreadable as { what: string }[]).map((u) => u.what)).toContain('rule-suite history')
    expect(sim.requests({ path: /protection/ })).toEqual([])
  })

  it('only a pending check in the way: waiting, exit 8', async () => {
    sim = await startSimulator({
      setup: (s) => {
        addRuleset(s, { requiredChecks: [{ context: 'test' }] })
        s.pulls[0]!.mergeable_state = 'blocked'
      }
    })
    sim.addCheckRun({ name: 'test', status: 'in_progress' })
    const r = await purple(why(['--json']), env())
    expect(r.code).toBe(8)
    expect(JSON.parse(r.stdout)).toEqual(expect.objectContaining({ verdict: 'waiting', blockers: [expect.objectContaining({ kind: 'check-pending', who: 'ci' })] }))
  })

  it('nothing in the way: mergeable, exit 0', async () => {
    sim = await startSimulator()
    const r = await purple(why(), { GITHUB_TOKEN: DEFAULT_TOKEN, GITHUB_API_URL: sim.url })
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('mergeable: mergeable')
  })

  it('a refused token exits 4 and says what to do; no token exits 4; bad usage exits 2', async () => {
    sim = await startSimulator()
    const refused = await purple(why(['--json']), { GH_TOKEN: 'ghs_notAValidToken', GITHUB_API_URL: sim.url })
    expect(refused.code).toBe(4)
    expect(JSON.parse(refused.stdout)).toEqual(expect.objectContaining({ schema: 'purple/v1', command: 'why', 'exit-code': 4, error: expect.stringContaining('Bad credentials') }))
    expect(refused.stdout + refused.stderr).not.toContain('ghs_notAValidToken')

    const none = await purple(why(), { GITHUB_API_URL: sim.url })
    expect(none.code).toBe(4)
    expect(none.stderr).toContain('no token: set GH_TOKEN')

    const usage = await purple(['why', '--repo', 'octo-org/purple-demo', '--pr', 'x1'], env())
    expect(usage.code).toBe(2)
    expect(usage.stderr).toContain("--pr is 'x1': write the pull request number")
  })
})
