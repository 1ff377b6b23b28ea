/**
 * The `purple` command line as users run it (`node bin/purple.js`, what npx
 * starts), on real temporary repositories, including a real `git push`
 * through the installed pre-push hook.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync, chmodSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gitEnv, tempRepo, type TempRepo } from '../git/temp-repo.js'
import { COMMANDS } from '../../src/cli/main.js'
import { EXIT_CODES } from '../../src/cli/exit-codes.js'

const bin = resolve(import.meta.dirname, '..', '..', 'bin', 'purple.js')
const ZERO40 = '0'.repeat(40)

function purple(cwd: string, args: string[], stdin = '') {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    input: stdin,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? cwd, ...gitEnv }
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** A bare "origin" with main, and a clone of it on a feature branch. */
function cloneWithOrigin(): { origin: TempRepo; repo: TempRepo } {
  const seed = tempRepo()
  seed.commit('base', { 'README.md': 'Title\n=======\n', 'app.txt': 'app\n' })
  const originDir = `${seed.dir}-origin.git`
  seed.git(['clone', '--quiet', '--bare', seed.dir, originDir])
  const dir = `${seed.dir}-work`
  seed.git(['clone', '--quiet', originDir, dir])
  const repo = tempRepo(dir)
  repo.git(['checkout', '--quiet', '-b', 'feature/t1'])
  return { origin: tempRepo(originDir), repo }
}

describe('purple --version, --help, <command> --help', () => {
  it('--version prints the package version', () => {
    const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }
    expect(purple(tmpdir(), ['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' })
  })

  it.each(COMMANDS.map((c) => c.name))('purple %s --help prints its own usage and runs nothing', (name) => {
    const r = purple(tmpdir(), [name, '--help'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(new RegExp(`^Usage: purple ${name}`))
    expect(r.stderr).toBe('')
  })

  it('--help lists every command and the exit-code table', () => {
    const r = purple(tmpdir(), ['--help'])
    for (const c of COMMANDS) expect(r.stdout).toContain(`  ${c.name} `)
    for (const code of Object.values(EXIT_CODES)) expect(r.stdout).toMatch(new RegExp(`^  ${code} `, 'm'))
  })

  it('no command at all is a usage error: exit 2, the usage on stderr', () => {
    const r = purple(tmpdir(), [])
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain('Usage: purple <command>')
  })

  it('the exit-code table is the documented one', () => {
    expect(EXIT_CODES).toEqual({ success: 0, failure: 1, usage: 2, auth: 4, notYet: 8, transientExhausted: 75 })
  })
})

describe('purple --help and usage errors', () => {
  it('prints the commands', () => {
    const r = purple(tmpdir(), ['--help'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('guard --pre-push')
    expect(r.stdout).toContain('install-hook')
  })

  it.each([
    [['frobnicate'], "unknown command 'frobnicate'"],
    // The flag, as typed, not the action input it maps to.
    [['guard', '--scope', 'all'], "purple guard: option '--scope' is 'all': expected 'changed'"],
    [['guard', '--bogus'], "Unknown option '--bogus'"]
  ])('%j exits 2 with a message', (args, message) => {
    const r = purple(tmpdir(), args)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(message)
    expect(r.stderr).not.toContain('Input ')
  })
})

describe('purple guard on the current repository', () => {
  it('with no arguments checks from the merge base with origin/main and prints path:line: message', () => {
    const { repo } = cloneWithOrigin()
    repo.commit('half-resolved', { 'src/a.ts': 'ok\n<<<<<<< HEAD\n' })
    const r = purple(join(repo.dir, 'src'), ['guard'])
    expect(r.code).toBe(1)
    expect(r.stdout).toBe("src/a.ts:2: conflict marker '<<<<<<<' (start of a conflict, 'ours' side): resolve the conflict and commit the result\n")
    expect(r.stderr).toContain('merge base with the remote default branch refs/remotes/origin/main')
  })

  it('passes a clean branch, exit 0', () => {
    const { repo } = cloneWithOrigin()
    repo.commit('clean', { 'src/a.ts': 'ok\n' })
    const r = purple(repo.dir, ['guard'])
    expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 0, stdout: '' })
    expect(r.stderr).toContain('purple guard: pass')
  })

  it('on the default branch with nothing ahead of it, audits the whole tree at HEAD', () => {
    const { repo } = cloneWithOrigin()
    repo.git(['checkout', '--quiet', 'main'])
    const clean = purple(repo.dir, ['guard'])
    expect({ code: clean.code, stdout: clean.stdout }).toEqual({ code: 0, stdout: '' })
    expect(clean.stderr).toContain('nothing ahead of it: the whole tree at HEAD')
    expect(clean.stderr).toContain('conflict markers: scanned the whole tree')
  })

  it('without any remote scans the whole tree at HEAD and says so', () => {
    const repo = tempRepo()
    repo.commit('one', { 'x.txt': '>>>>>>> theirs\n' })
    const r = purple(repo.dir, ['guard'])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('x.txt:1: ')
    expect(r.stderr).toContain('the whole tree at HEAD')
  })

  it('--json prints one purple/v1 document with the result; the exit code is the same as without it', () => {
    const repo = tempRepo()
    const base = repo.commit('one', { 'x.txt': 'x\n' })
    repo.commit('two', { 'y.txt': '=======\n<<<<<<< a\n' })
    const r = purple(repo.dir, ['guard', '--base', base, '--json'])
    expect(r.stdout.trim().split('\n')).toHaveLength(1)
    const result = JSON.parse(r.stdout) as Record<string, unknown>
    expect({ code: r.code, schema: result.schema, command: result.command, exit: result['exit-code'], result: result.result, markers: result.markerCount }).toEqual({
      code: 1,
      schema: 'purple/v1',
      command: 'guard',
      exit: 1,
      result: 'blocked',
      markers: 2
    })
    expect(r.stderr).toContain('purple guard: blocked')
    expect(purple(repo.dir, ['guard', '--base', base]).code).toBe(1)
  })
})

describe('purple guard --pre-push (stdin as git writes it)', () => {
  it('a new branch (remote oid all zeros) is checked from the merge base with the remote default branch', () => {
    const { repo } = cloneWithOrigin()
    const head = repo.commit('marker', { 'b.txt': '>>>>>>> theirs\n' })
    const stdin = `refs/heads/feature/t1 ${head} refs/heads/feature/t1 ${ZERO40}\n`
    const r = purple(repo.dir, ['guard', '--pre-push', 'origin', 'unused-url'], stdin)
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('b.txt:1: ')
    expect(r.stderr).toContain('new branch: merge base with refs/remotes/origin/main')
  })

  it('two refs pushing the same commit report each marker once', () => {
    const { repo } = cloneWithOrigin()
    const head = repo.commit('marker', { 'b.txt': '>>>>>>> theirs\n' })
    const stdin = `refs/heads/feature/t1 ${head} refs/heads/a ${ZERO40}\nrefs/heads/feature/t1 ${head} refs/heads/b ${ZERO40}\n`
    const r = purple(repo.dir, ['guard', '--pre-push', 'origin'], stdin)
    expect({ code: r.code, lines: r.stdout.split('\n').filter(Boolean).length }).toEqual({ code: 1, lines: 1 })
  })

  it('a deletion is skipped', () => {
    const { repo } = cloneWithOrigin()
    const r = purple(repo.dir, ['guard', '--pre-push', 'origin'], `(delete) ${ZERO40} refs/heads/old ${repo.sha('HEAD')}\n`)
    expect(r.code).toBe(0)
    expect(r.stderr).toContain('refs/heads/old: deleted, nothing to check')
  })

  it('checks only the commits the push adds (remote oid known)', () => {
    const { repo } = cloneWithOrigin()
    const pushed = repo.commit('old marker, already on the remote', { 'old.txt': '<<<<<<< HEAD\n' })
    const head = repo.commit('clean', { 'c.txt': 'c\n' })
    const r = purple(repo.dir, ['guard', '--pre-push', 'origin'], `refs/heads/feature/t1 ${head} refs/heads/feature/t1 ${pushed}\n`)
    expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 0, stdout: '' })
  })

  it('a force push whose remote oid is missing locally compares with the remote-tracking branch', () => {
    const { repo } = cloneWithOrigin()
    repo.commit('pushed before', { 'a.txt': 'a\n' })
    repo.git(['push', '--quiet', 'origin', 'feature/t1'])
    const head = repo.commit('marker', { 'd.txt': '=======\n>>>>>>> x\n' })
    const r = purple(repo.dir, ['guard', '--pre-push', 'origin'], `refs/heads/feature/t1 ${head} refs/heads/feature/t1 ${'d'.repeat(40)}\n`)
    expect(r.code).toBe(1)
    expect(r.stdout.split('\n').filter(Boolean).map((l) => l.split(': ')[0])).toEqual(['d.txt:1', 'd.txt:2'])
    expect(r.stderr).toContain('is not in this clone (force push?): merge base with refs/remotes/origin/feature/t1')
  })

  it('a SHA-256 repository: 64-hex zero oid is a new branch', () => {
    const repo = tempRepo(mkdtempSync(join(tmpdir(), 'purple-sha256-')))
    repo.git(['init', '--quiet', '--object-format=sha256', '--initial-branch=main'])
    const head = repo.commit('marker', { 'e.txt': '<<<<<<< HEAD\n' })
    expect(head).toHaveLength(64)
    const r = purple(repo.dir, ['guard', '--pre-push', 'origin'], `refs/heads/main ${head} refs/heads/main ${'0'.repeat(64)}\n`)
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('e.txt:1: ')
  })

  it('garbage on stdin is a guard error: fail-safe lets the push through with a warning', () => {
    const { repo } = cloneWithOrigin()
    const r = purple(repo.dir, ['guard', '--pre-push', 'origin'], 'not a pre-push line\n')
    expect(r.code).toBe(0)
    expect(r.stderr).toContain("could not complete, not blocking (fail-safe): unexpected pre-push input line 'not a pre-push line'")
    expect(purple(repo.dir, ['guard', '--pre-push', '--no-fail-safe', 'origin'], 'x\n').code).toBe(2)
  })
})

describe('purple install-hook and a real git push', () => {
  it('installs the hook; git push is blocked on a marker and goes through when clean', () => {
    const { origin, repo } = cloneWithOrigin()
    const installed = purple(repo.dir, ['install-hook'])
    expect(installed.code).toBe(0)
    const hook = join(repo.dir, '.git', 'hooks', 'pre-push')
    expect(readFileSync(hook, 'utf8')).toContain('guard --pre-push "$@"')

    repo.commit('marker', { 'f.txt': '<<<<<<< HEAD\n' })
    const blocked = spawnSync('git', ['push', '--quiet', 'origin', 'feature/t1'], { cwd: repo.dir, encoding: 'utf8', env: { ...process.env, ...gitEnv } })
    expect(blocked.status).not.toBe(0)
    expect(blocked.stdout + blocked.stderr).toContain('f.txt:1: ')
    expect(origin.git(['branch', '--list', 'feature/t1'])).toBe('')

    repo.commit('resolved', { 'f.txt': 'resolved\n' })
    repo.git(['reset', '--quiet', '--soft', 'HEAD~2'])
    repo.git(['commit', '--quiet', '-m', 'clean'])
    const pushed = spawnSync('git', ['push', '--quiet', 'origin', 'feature/t1'], { cwd: repo.dir, encoding: 'utf8', env: { ...process.env, ...gitEnv } })
    expect(pushed.status).toBe(0)
    expect(origin.git(['rev-parse', 'feature/t1'])).toBe(repo.sha('HEAD'))
  })

  it('honours a relative core.hooksPath when run from a subdirectory', () => {
    const repo = tempRepo()
    repo.commit('one', { 'sub/a.txt': 'a\n' })
    repo.git(['config', 'core.hooksPath', '.githooks'])
    expect(purple(join(repo.dir, 'sub'), ['install-hook']).code).toBe(0)
    expect(readFileSync(join(repo.dir, '.githooks', 'pre-push'), 'utf8')).toContain('purple pre-push hook')
  })

  it('does not clobber an existing hook; --force keeps it as a backup', () => {
    const repo = tempRepo()
    repo.commit('one', { a: 'a\n' })
    const hook = join(repo.dir, '.git', 'hooks', 'pre-push')
    writeFileSync(hook, '#!/bin/sh\necho mine\n')
    chmodSync(hook, 0o755)
    const refused = purple(repo.dir, ['install-hook'])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('already exists and was not written by purple; left it unchanged')
    expect(readFileSync(hook, 'utf8')).toBe('#!/bin/sh\necho mine\n')

    const forced = purple(repo.dir, ['install-hook', '--force'])
    expect(forced.code).toBe(0)
    expect(readFileSync(`${hook}.purple-backup`, 'utf8')).toBe('#!/bin/sh\necho mine\n')
    expect(readFileSync(hook, 'utf8')).toContain('purple pre-push hook')
    expect(purple(repo.dir, ['install-hook']).stdout).toContain('already installed')
    expect(existsSync(hook)).toBe(true)
  })
})
