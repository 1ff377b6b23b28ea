/**
 * The README's orchestrator loop, run as written by sh against the loopback
 * simulator: `purple` on PATH is the bundled CLI, `fix` stands in for an
 * agent's fix step (it pushes a new head whose required check passes). The
 * loop must route the failure to the fix and merge exactly the new head.
 */
import { spawn } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { closeChecked } from '../sim/openapi-check.js'
import { githubSchema } from '../sim/graphql.js'
import { expectMergeInvariants, mergeCalls } from '../merge/invariants.js'
import { DEFAULT_TOKEN, HEAD_SHA, OWNER, REPO, protectBranch, startSimulator, type Sim } from '../sim/server.js'
import { virtualTime } from '../harness/run-bundle.js'

const root = resolve(import.meta.dirname, '..', '..')
const readme = readFileSync(join(root, 'README.md'), 'utf8')

/** The first sh block under the README's "An orchestrator's loop" heading. */
function loopScript(): string {
  const section = readme.slice(readme.indexOf("### An orchestrator's loop"))
  const match = /```sh\n([\s\S]*?)```/.exec(section)
  if (!match) throw new Error("README: no sh block under \"### An orchestrator's loop\"")
  return match[1]!
}

let sim: Sim | undefined
beforeAll(() => githubSchema())
afterEach(async () => {
  await closeChecked(sim)
  sim = undefined
})

function sh(script: string, cwd: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, failed) => {
    const child = spawn('sh', ['-c', script], { cwd, env })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', failed)
    child.on('close', (code) => done({ code, stdout, stderr }))
  })
}

it("the README's loop: a failed check goes to the fix with why's blockers, then the fixed head is verified and merged", async () => {
  // Every purple the loop starts runs on virtual time and moves this manual clock (harness/virtual-time.cjs).
  const s = (sim = await startSimulator({ clock: { mode: 'manual' }, setup: (st) => void protectBranch(st, 'main', { contexts: ['test'], checks: [{ context: 'test', app_id: null }] }) }))
  s.addCheckRun({ name: 'test', conclusion: 'failure', html_url: 'https://github.com/octo-org/purple-demo/runs/1' })
  let fixedHead = ''
  // The fix step: a push that moves the head, and CI passing on it.
  s.respond({ method: 'POST', path: '/test-only/fix' }, () => {
    fixedHead = s.pushHead()
    s.addCheckRun({ name: 'test', conclusion: 'success', head_sha: fixedHead })
    return { status: 204 }
  })

  const dir = mkdtempSync(join(tmpdir(), 'purple-loop-'))
  const bin = join(dir, 'bin')
  mkdirSync(bin)
  writeFileSync(join(bin, 'purple'), `#!/bin/sh\nexec "${process.execPath}" "${join(root, 'bin', 'purple.js')}" "$@"\n`)
  chmodSync(join(bin, 'purple'), 0o755)
  const prelude = [
    // Each fix is logged with what it was handed; the request lets the simulator push the fixed head.
    `fix() { cat "$@" >> fixes.log; "${process.execPath}" -e 'fetch(process.argv[1], { method: "POST" }).then((r) => process.exit(r.ok ? 0 : 1))' "${s.url}/test-only/fix"; }`,
    // A loop that never ends must fail the test, not hang it.
    'sleep() { echo "sleep $*: the loop should not be waiting here" >&2; exit 99; }'
  ].join('\n')
  const clock = virtualTime(s)
  const run = await sh(`${prelude}\n${loopScript()}`, dir, {
    ...clock.env,
    NODE_OPTIONS: clock.execArgv.join(' '),
    PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    HOME: dir,
    REPO: `${OWNER}/${REPO}`,
    PR: '1',
    GH_TOKEN: DEFAULT_TOKEN,
    GITHUB_API_URL: s.url
  })

  expect({ code: run.code, stderr: run.code === 0 ? '' : run.stderr }).toEqual({ code: 0, stderr: '' })
  expect(fixedHead).not.toBe('')
  // The fix got the failed check with its link, and why's blockers.
  const handed = readFileSync(join(dir, 'fixes.log'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>)
  expect(handed).toEqual([
    expect.objectContaining({ command: 'wait-ci', conclusion: 'failure', sha: HEAD_SHA, failed: [{ name: 'test', conclusion: 'failure', url: 'https://github.com/octo-org/purple-demo/runs/1' }] }),
    expect.objectContaining({ command: 'why', verdict: 'blocked', blockers: expect.arrayContaining([expect.objectContaining({ kind: 'check-failing' })]) })
  ])
  // Merged once, at the head the second wait verified, never at the failed one.
  expect(JSON.parse(readFileSync(join(dir, 'merge.json'), 'utf8'))).toEqual(expect.objectContaining({ command: 'merge', merged: true, reason: 'merged', 'exit-code': 0 }))
  expect(JSON.parse(readFileSync(join(dir, 'wait.json'), 'utf8'))).toEqual(expect.objectContaining({ conclusion: 'success', sha: fixedHead }))
  expect(mergeCalls(s).map((c) => (c.body as { sha: string }).sha)).toEqual([fixedHead])
  expectMergeInvariants(s, fixedHead)
  expect(s.state.pulls[0]!.merged).toBe(true)
  expect(existsSync(join(dir, 'why.json'))).toBe(true)
  expect(run.stdout + run.stderr).not.toContain(DEFAULT_TOKEN)
})
