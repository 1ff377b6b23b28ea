/**
 * The pre-push hook after its install: it finds Purple at push time (the project's
 * node_modules/.bin, then PATH), and when the CLI that installed it is gone it warns in
 * one line and lets the push proceed. Real git, temporary repositories, a bare remote,
 * and the real bundled CLI laid out as npm installs the package.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { HOOK_MISSING_WARNING, installHookCommand } from '../../src/cli/install-hook.js'
import { gitEnv, tempRepo, type TempRepo } from '../git/temp-repo.js'

const purpleRoot = resolve(import.meta.dirname, '..', '..')
/** A PATH with node, git and the shell's tools, and no `purple`. */
const BARE_PATH = '/usr/bin:/bin'

/** Lays the built CLI out as npm installs the package: <dir>/@purple-actions/cli/{bin,dist/cli,package.json}. */
function installPackage(nodeModules: string): string {
  const pkg = join(nodeModules, '@purple-actions', 'cli')
  mkdirSync(join(pkg, 'bin'), { recursive: true })
  for (const file of ['purple.js', 'package.json']) cpSync(join(purpleRoot, 'bin', file), join(pkg, 'bin', file))
  cpSync(join(purpleRoot, 'dist', 'cli'), join(pkg, 'dist', 'cli'), { recursive: true })
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: '@purple-actions/cli', type: 'module', bin: { purple: 'bin/purple.js' } }))
  return join(pkg, 'bin', 'purple.js')
}

/** A bare origin and a clone on a feature branch whose node_modules holds the CLI, linked from .bin like npm does. */
function project(): { origin: TempRepo; repo: TempRepo; bin: string } {
  const seed = tempRepo()
  seed.commit('base', { 'app.txt': 'app\n' })
  const originDir = `${seed.dir}-origin.git`
  seed.git(['clone', '--quiet', '--bare', seed.dir, originDir])
  const dir = `${seed.dir}-work`
  seed.git(['clone', '--quiet', originDir, dir])
  const repo = tempRepo(dir)
  repo.git(['checkout', '--quiet', '-b', 'feature/t1'])
  writeFileSync(join(dir, '.git', 'info', 'exclude'), 'node_modules/\n')
  const target = installPackage(join(dir, 'node_modules'))
  mkdirSync(join(dir, 'node_modules', '.bin'))
  symlinkSync('../@purple-actions/cli/bin/purple.js', join(dir, 'node_modules', '.bin', 'purple'))
  return { origin: tempRepo(originDir), repo, bin: target }
}

function run(cwd: string, command: string, args: string[], path = BARE_PATH) {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env: { PATH: path, HOME: cwd, ...gitEnv } })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

const push = (repo: TempRepo, path = BARE_PATH) => run(repo.dir, 'git', ['push', '--quiet', 'origin', 'feature/t1'], path)

beforeAll(() => {
  expect(spawnSync('sh', ['-c', 'command -v purple'], { env: { PATH: BARE_PATH } }).status).not.toBe(0)
  expect(existsSync(join(purpleRoot, 'dist', 'cli', 'index.js'))).toBe(true)
})

describe('the installed pre-push hook', () => {
  it("runs the project's own CLI from node_modules/.bin and blocks a pushed conflict marker", () => {
    const { origin, repo } = project()
    expect(run(repo.dir, 'node', ['node_modules/.bin/purple', 'install-hook']).code).toBe(0)
    repo.commit('marker', { 'f.txt': '<<<<<<< HEAD\n' })
    const blocked = push(repo)
    expect(blocked.code).not.toBe(0)
    expect(blocked.stdout + blocked.stderr).toContain('f.txt:1: ')
    expect(origin.git(['branch', '--list', 'feature/t1'])).toBe('')
  })

  it('lets the push proceed with one warning line after the CLI that installed it is deleted', () => {
    const { origin, repo } = project()
    expect(run(repo.dir, 'node', ['node_modules/.bin/purple', 'install-hook']).code).toBe(0)
    rmSync(join(repo.dir, 'node_modules'), { recursive: true, force: true })
    repo.commit('change', { 'g.txt': 'g\n' })
    const pushed = push(repo)
    expect(pushed).toEqual({ code: 0, stdout: '', stderr: `${HOOK_MISSING_WARNING}\n` })
    expect(origin.git(['rev-parse', 'feature/t1'])).toBe(repo.sha('HEAD'))
  })

  it('finds Purple on PATH at push time when the project has none', () => {
    const { origin, repo } = project()
    expect(run(repo.dir, 'node', ['node_modules/.bin/purple', 'install-hook']).code).toBe(0)
    rmSync(join(repo.dir, 'node_modules'), { recursive: true, force: true })
    const global = mkdtempSync(join(tmpdir(), 'purple-global-'))
    const target = installPackage(join(global, 'lib', 'node_modules'))
    mkdirSync(join(global, 'bin'))
    symlinkSync(target, join(global, 'bin', 'purple'))
    repo.commit('marker', { 'f.txt': '>>>>>>> theirs\n' })
    const blocked = push(repo, `${join(global, 'bin')}:${BARE_PATH}`)
    expect(blocked.code).not.toBe(0)
    expect(blocked.stdout + blocked.stderr).toContain('f.txt:1: ')
    expect(origin.git(['branch', '--list', 'feature/t1'])).toBe('')
  })

  it('lets the push proceed with the warning where node itself is not on PATH', () => {
    const { origin, repo } = project()
    expect(run(repo.dir, 'node', ['node_modules/.bin/purple', 'install-hook']).code).toBe(0)
    const gitOnly = mkdtempSync(join(tmpdir(), 'purple-nodeless-'))
    symlinkSync(execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim(), join(gitOnly, 'git'))
    repo.commit('marker', { 'f.txt': '<<<<<<< HEAD\n' })
    expect(push(repo, gitOnly)).toEqual({ code: 0, stdout: '', stderr: `${HOOK_MISSING_WARNING}\n` })
    expect(origin.git(['rev-parse', 'feature/t1'])).toBe(repo.sha('HEAD'))
  })

  it('never runs the recorded CLI path as shell code', async () => {
    const { repo } = project()
    rmSync(join(repo.dir, 'node_modules'), { recursive: true, force: true })
    const witness = join(repo.dir, 'pwned')
    const io = { cwd: repo.dir, stdout: () => undefined, stderr: () => undefined, readStdin: async () => '' }
    expect(await installHookCommand(false, `/gone/it's $(touch ${witness})/\`touch ${witness}\`/purple.js`, io)).toBe(0)
    repo.commit('change', { 'g.txt': 'g\n' })
    expect(push(repo).stderr).toBe(`${HOOK_MISSING_WARNING}\n`)
    expect(existsSync(witness)).toBe(false)
    expect(readFileSync(join(repo.dir, '.git', 'hooks', 'pre-push'), 'utf8')).toContain("installed='/gone/it'\\''s $(touch")
  })
})

it('the hook is a POSIX shell script that sh accepts', () => {
  const { repo } = project()
  execFileSync('node', ['node_modules/.bin/purple', 'install-hook'], { cwd: repo.dir, env: { PATH: BARE_PATH, ...gitEnv } })
  expect(spawnSync('sh', ['-n', join(repo.dir, '.git', 'hooks', 'pre-push')]).status).toBe(0)
})
