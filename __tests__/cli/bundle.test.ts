/**
 * The bundled CLI's local commands stay slim: `purple guard` runs in git hooks
 * people wait for and makes no HTTP call, so neither it nor install-hook,
 * classify or --help may load the GitHub client, Octokit or undici. The proof
 * runs the CLI from a copy of dist/cli with every chunk that holds an HTTP
 * module deleted: what is not there cannot have been loaded. Reads the
 * committed bundle: rebuild dist/ (npm run build) after changing src/cli.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { repoRoot } from '../harness/run-bundle.js'
import { gitEnv, tempRepo } from '../git/temp-repo.js'

const HTTP_MODULES = ['undici', '@actions/http-client', '@octokit/', '@actions/github']
const distCli = join(repoRoot, 'dist', 'cli')
const chunks = readdirSync(distCli).filter((f) => f.endsWith('.js'))
// By the module paths ncc writes beside each bundled package: the failure rules
// quote undici's error messages, so the bare name alone would also match them.
const holdsHttp = (file: string) => {
  const text = readFileSync(join(distCli, file), 'utf8')
  return HTTP_MODULES.some((name) => text.includes(`node_modules/${name}`))
}

let slimCli = ''
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'purple-slim-cli-'))
  cpSync(distCli, dir, { recursive: true })
  for (const file of chunks.filter(holdsHttp)) rmSync(join(dir, file))
  slimCli = join(dir, 'index.js')
})

function purple(cwd: string, args: string[], stdin = '') {
  const r = spawnSync(process.execPath, [slimCli, ...args], { cwd, input: stdin, encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: cwd, ...gitEnv } })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('dist/cli', () => {
  it.each(HTTP_MODULES)('its entry chunk carries no %s', (name) => {
    expect(readFileSync(join(distCli, 'index.js'), 'utf8')).not.toContain(name)
  })

  it('keeps the GitHub client in a chunk of its own, loaded by the API commands only', () => {
    expect(chunks.filter(holdsHttp).length).toBeGreaterThan(0)
    const repo = tempRepo()
    // Without the HTTP chunks the API commands cannot even print their help: the copy is what runs.
    const missing = purple(repo.dir, ['wait-ci', '--help'])
    expect(missing.code).toBe(1)
    // A clear line naming the command and the fix, never a stack trace.
    expect(missing.stderr).toMatch(/^purple wait-ci: could not load the command \(Cannot find module .*\): the installed CLI is incomplete, reinstall it\n$/)
    expect(JSON.parse(purple(repo.dir, ['merge', '--json']).stdout)).toMatchObject({ command: 'merge', 'exit-code': 1, error: 'could not load the command' })
  })

  it('runs purple guard, with and without findings, without any HTTP chunk', () => {
    const repo = tempRepo()
    repo.commit('one', { 'a.txt': 'fine\n' })
    expect(purple(repo.dir, ['guard'])).toMatchObject({ code: 0 })
    repo.commit('two', { 'b.txt': '<<<<<<< HEAD\n' })
    const blocked = purple(repo.dir, ['guard', '--json'])
    expect(blocked.code).toBe(1)
    expect(JSON.parse(blocked.stdout)).toMatchObject({ command: 'guard', findings: [{ path: 'b.txt', line: 1 }] })
  })

  it('runs purple --help, guard --help, install-hook and classify without any HTTP chunk', () => {
    const repo = tempRepo()
    repo.commit('one', { 'a.txt': 'fine\n' })
    expect(purple(repo.dir, ['--help'])).toMatchObject({ code: 0, stderr: '' })
    expect(purple(repo.dir, ['guard', '--help']).stdout).toMatch(/^Usage: purple guard/)
    expect(purple(repo.dir, ['install-hook'])).toMatchObject({ code: 0 })
    const classified = purple(repo.dir, ['classify', '--exit-code', '1'], 'npm ERR! network request to https://registry.npmjs.org/x failed, reason: getaddrinfo EAI_AGAIN registry.npmjs.org\n')
    expect(classified.stderr).toBe('')
    expect(classified.stdout).toContain('transient')
  })
})
