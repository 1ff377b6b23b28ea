/**
 * The npm package as a user gets it: `scripts/pack-cli.mjs` packs the bundled
 * CLI (the current dist/cli: run `npm run build` after changing src/cli), the
 * tarball installs offline into an empty folder with no registry in reach, and
 * the installed `purple` runs guard in a fresh git repository.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gitEnv, tempRepo } from '../git/temp-repo.js'

const root = resolve(import.meta.dirname, '..', '..')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string }
let tarball = ''
let installDir = ''

// No registry in reach: a closed loopback port, an empty cache, and --offline.
const offlineEnv = {
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  HOME: mkdtempSync(join(tmpdir(), 'purple-home-')),
  npm_config_registry: 'http://127.0.0.1:9/',
  npm_config_cache: mkdtempSync(join(tmpdir(), 'purple-npm-cache-')),
  npm_config_offline: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false'
}

beforeAll(() => {
  const out = mkdtempSync(join(tmpdir(), 'purple-tarball-'))
  tarball = execFileSync(process.execPath, [join(root, 'scripts', 'pack-cli.mjs'), out], { encoding: 'utf8', env: offlineEnv }).trim()
  installDir = mkdtempSync(join(tmpdir(), 'purple-install-'))
  execFileSync('npm', ['install', '--no-save', tarball], { cwd: installDir, env: offlineEnv, stdio: 'pipe' })
}, 120_000)

function installedPurple(cwd: string, args: string[]) {
  const r = spawnSync(join(installDir, 'node_modules', '.bin', 'purple'), args, { cwd, encoding: 'utf8', env: { ...offlineEnv, ...gitEnv } })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('the npm package', () => {
  it('is the scoped name, carries only the bundled CLI and declares no dependencies', () => {
    const files = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).trim().split('\n').sort()
    expect(files.every((f) => /^package\/(package\.json|README\.md|LICENSE|bin\/purple\.js|bin\/package\.json|dist\/cli\/[^/]+)$/.test(f))).toBe(true)
    expect(files).toEqual(
      expect.arrayContaining(['package/bin/purple.js', 'package/bin/package.json', 'package/dist/cli/index.js', 'package/dist/cli/package.json', 'package/package.json'])
    )
    const manifest = JSON.parse(execFileSync('tar', ['xzOf', tarball, 'package/package.json'], { encoding: 'utf8' })) as Record<string, unknown>
    expect(manifest).toMatchObject({ name: '@purple-actions/cli', version: pkg.version, bin: { purple: 'bin/purple.js' }, engines: { node: '>=20' } })
    expect(manifest.dependencies).toBeUndefined()
    expect(pkg.name).toBe('@purple-actions/cli')
  })

  it('its bin is CommonJS, like the bundle it requires (an ES module importing the bundle would first parse all of it for its exports)', () => {
    const bin = join(installDir, 'node_modules', '@purple-actions', 'cli', 'bin')
    expect(JSON.parse(readFileSync(join(bin, 'package.json'), 'utf8'))).toEqual({ type: 'commonjs' })
    expect(readFileSync(join(bin, 'purple.js'), 'utf8')).toMatch(/^require\('\.\.\/dist\/cli\/index\.js'\)$/m)
  })

  it('installed offline, `purple --version` prints the version', () => {
    expect(installedPurple(installDir, ['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' })
  })

  it('installed offline, the commands bundled as chunks of their own load: wait-ci, merge, why, retry, classify', () => {
    for (const name of ['wait-ci', 'merge', 'why', 'retry', 'classify', 'install-hook']) {
      const help = installedPurple(installDir, [name, '--help'])
      expect({ name, code: help.code, stderr: help.stderr }).toEqual({ name, code: 0, stderr: '' })
      expect(help.stdout).toMatch(new RegExp(`^Usage: purple ${name}`))
    }
  })

  it('installed offline, `purple guard` checks a fresh git repository', () => {
    const repo = tempRepo()
    repo.commit('one', { 'a.txt': 'fine\n' })
    expect(installedPurple(repo.dir, ['guard']).code).toBe(0)
    repo.commit('two', { 'b.txt': '<<<<<<< HEAD\n' })
    const blocked = installedPurple(repo.dir, ['guard'])
    expect(blocked.code).toBe(1)
    expect(blocked.stdout).toContain("b.txt:1: conflict marker '<<<<<<<'")
  })
})
