/**
 * guard never crashes and never skips what it can still check: real
 * repositories with the faults users meet (a clone that cannot be deepened,
 * a missing blob, names that are not UTF-8, symlinks, hooks and monitors
 * configured in the repository, a missing directory, a missing policy).
 */
import { chmodSync, existsSync, mkdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runGuard, type GuardDeps } from '../../src/guard/engine.js'
import { DEFAULT_LIMITS, type CheckOptions } from '../../src/guard/options.js'
import { resolveRange } from '../../src/guard/range.js'
import { gitEnv, tempRepo, type TempRepo } from '../git/temp-repo.js'

const options: CheckOptions = { scope: 'changed', exclude: [], policyFile: '.github/purple-policy.json', policyFileExplicit: false, allowedSources: [] }

// The engine's git inherits process.env: give it the tests' identity and no user config.
Object.assign(process.env, gitEnv)

function deps(limits = DEFAULT_LIMITS): GuardDeps & { lines: string[] } {
  const lines: string[] = []
  return { git: {}, limits, lines, log: { info: (m) => lines.push(m), warning: (m) => lines.push(`warning: ${m}`) } }
}

function run(dir: string, base: string, head: string, opts: Partial<CheckOptions> = {}, failSafe = true, d = deps()) {
  return runGuard(
    {
      workingDirectory: dir,
      options: { ...options, ...opts },
      failSafe,
      chooseRange: (git) => resolveRange(git, { base, head, event: null, baseLabel: "input 'base'", headLabel: "input 'head'", headBranch: null })
    },
    d
  )
}

const markers = (r: Awaited<ReturnType<typeof run>>) => r.findings.filter((f) => f.kind === 'conflict-marker').map((f) => `${f.path}:${f.line}`)

describe('a depth-1 clone whose deepen fails', () => {
  it('still scans the tree for markers and says the merge-source check could not run', async () => {
    const upstream = tempRepo()
    upstream.commit('one', { 'a.txt': 'a\n' })
    upstream.commit('two', { 'b.txt': 'x\n>>>>>>> theirs\n' })
    const dir = `${upstream.dir}-shallow`
    upstream.git(['clone', '--quiet', '--depth=1', '--no-local', `file://${upstream.dir}`, dir])
    const clone = tempRepo(dir)
    clone.git(['remote', 'set-url', 'origin', join(upstream.dir, 'gone')])
    const r = await run(dir, 'HEAD', 'HEAD', { scope: 'tree' })
    expect(markers(r)).toEqual(['b.txt:2'])
    expect(r.result).toBe('blocked')
    expect(r.error).toMatch(/^merge-source check could not run: this is a shallow clone and deepening it from 'origin' failed/)
  })
})

describe('an unreadable blob degrades per file', () => {
  function repoWithMissingBlob(): { repo: TempRepo; base: string; head: string } {
    const repo = tempRepo()
    const base = repo.commit('base', { 'keep.txt': 'k\n' })
    const head = repo.commit('work', { 'broken.txt': 'unreadable content\n', 'found.txt': 'x\n<<<<<<< HEAD\n', 'later.txt': '=======\n>>>>>>> b\n' })
    const blob = repo.git(['rev-parse', `${head}:broken.txt`])
    rmSync(join(repo.dir, '.git', 'objects', blob.slice(0, 2), blob.slice(2)))
    return { repo, base, head }
  }

  it.each(['changed', 'tree'] as const)('scope %s: scans the readable files and names the unreadable one', async (scope) => {
    const { repo, base, head } = repoWithMissingBlob()
    const r = await run(repo.dir, base, head, { scope })
    expect(markers(r).sort()).toEqual(['found.txt:2', 'later.txt:1', 'later.txt:2'])
    expect(r.error).toContain("could not read 1 file(s), which were not checked: 'broken.txt'")
  })

  it.each(['changed', 'tree'] as const)('scope %s: a corrupt object (not zlib data, git itself stops) is named, the other files still scanned', async (scope) => {
    const repo = tempRepo()
    const base = repo.commit('base', { 'keep.txt': 'k\n' })
    const head = repo.commit('work', { 'corrupt.txt': 'c\n', 'found.txt': 'x\n<<<<<<< HEAD\n', 'z.txt': '=======\n>>>>>>> z\n' })
    const oid = repo.git(['rev-parse', `${head}:corrupt.txt`])
    const file = join(repo.dir, '.git', 'objects', oid.slice(0, 2), oid.slice(2))
    chmodSync(file, 0o644)
    writeFileSync(file, 'garbage, not zlib')
    const r = await run(repo.dir, base, head, { scope })
    expect(markers(r).sort()).toEqual(['found.txt:2', 'z.txt:1', 'z.txt:2'])
    expect(r.error).toContain("could not read 1 file(s), which were not checked: 'corrupt.txt'")
  })
})

describe('paths as bytes', () => {
  it("a file name that is not UTF-8 keeps its markers in scope 'changed' (a = line needs the file's < line)", async () => {
    const repo = tempRepo()
    const name = Buffer.from([0x6c, 0xe9, 0x2e, 0x74, 0x78, 0x74]) // "lé.txt" in Latin-1
    const write = (text: string) => writeFileSync(Buffer.concat([Buffer.from(`${repo.dir}/`), name]), text)
    write('<<<<<<< HEAD\nours\n')
    repo.git(['add', '--all'])
    repo.git(['commit', '--quiet', '-m', 'half'])
    const base = repo.sha('HEAD')
    write('<<<<<<< HEAD\nours\n=======\n')
    repo.git(['add', '--all'])
    repo.git(['commit', '--quiet', '-m', 'more'])
    const r = await run(repo.dir, base, 'HEAD')
    expect(markers(r)).toEqual(['l\ufffd.txt:3'])
    expect(r.error).toBeNull()
  })

  it('a symlink whose target reads like a marker is skipped in both scopes', async () => {
    const repo = tempRepo()
    const base = repo.commit('base', { 'a.txt': 'a\n' })
    symlinkSync('<<<<<<< HEAD', join(repo.dir, 'link'))
    const head = repo.commit('link')
    for (const scope of ['changed', 'tree'] as const) {
      const r = await run(repo.dir, base, head, { scope })
      expect({ scope, markers: markers(r), error: r.error }).toEqual({ scope, markers: [], error: null })
    }
  })
})

describe('guard runs no repository command', () => {
  it('core.fsmonitor and the reference-transaction hook of the repository never run', async () => {
    const upstream = tempRepo()
    upstream.commit('one', { 'a.txt': 'a\n' })
    upstream.commit('two', { 'b.txt': 'b\n' })
    const dir = `${upstream.dir}-shallow`
    upstream.git(['clone', '--quiet', '--depth=1', '--no-local', `file://${upstream.dir}`, dir])
    const clone = tempRepo(dir)
    const ran = join(dir, 'ran')
    mkdirSync(join(dir, 'hooks'))
    for (const hook of ['reference-transaction', 'fsmonitor']) {
      writeFileSync(join(dir, 'hooks', hook), `#!/bin/sh\necho ${hook} >> '${ran}'\n`)
      chmodSync(join(dir, 'hooks', hook), 0o755)
    }
    clone.git(['config', 'core.hooksPath', join(dir, 'hooks')])
    clone.git(['config', 'core.fsmonitor', join(dir, 'hooks', 'fsmonitor')])
    const r = await run(dir, 'HEAD', 'HEAD', { scope: 'tree', exclude: ['*.snap'] })
    expect(r.notes.join('\n')).toContain('the clone was shallow')
    expect(existsSync(ran)).toBe(false)
  })
})

describe('what is missing is named', () => {
  it('a working directory that does not exist is reported as such, not as a missing git', async () => {
    const r = await run(join(tempRepo().dir, 'no-such-dir'), 'HEAD', 'HEAD')
    expect(r.result).toBe('error')
    expect(r.error).toContain("does not exist")
    expect(r.error).not.toContain('git was not found')
  })

  it.each([
    [true, 'error', true],
    [false, 'error', false]
  ])('an explicitly named policy file that does not exist: fail-safe off blocks (%s)', async (explicit, result, blocks) => {
    const repo = tempRepo()
    const base = repo.commit('base', { 'a.txt': 'a\n' })
    const head = repo.commit('work', { 'b.txt': 'b\n' })
    const r = await run(repo.dir, base, head, { policyFile: 'policy/missing.json', policyFileExplicit: explicit }, false)
    if (explicit) {
      expect({ result: r.result, blocks: r.blocks }).toEqual({ result, blocks })
      expect(r.error).toContain("'policy/missing.json' was named explicitly but does not exist at the base commit")
    } else {
      expect({ result: r.result, blocks: r.blocks }).toEqual({ result: 'pass', blocks })
    }
  })
})

describe('bounded memory', () => {
  it('more marker-shaped lines than the limit: the layer says so (result=error), the kept ones still count', async () => {
    const repo = tempRepo()
    const base = repo.commit('base', { 'a.txt': 'a\n' })
    const head = repo.commit('many', { 'big.md': `<<<<<<< HEAD\n${'=======\n'.repeat(50)}` })
    const r = await run(repo.dir, base, head, {}, true, deps({ ...DEFAULT_LIMITS, maxKeptLines: 10 }))
    expect(r.markerCount).toBe(10)
    expect(r.error).toContain('stopped keeping marker-shaped lines after 10')
  })
})

describe('a diff larger than any string', () => {
  // Over V8's string limit (about 512 MiB), the old whole-output read threw ERR_STRING_TOO_LONG from a stream callback.
  // One sparse file (a hole reads as NULs, the `diff` attribute makes git show it as text), stored at compression 1: cheap to build.
  it('560 MiB of added text are streamed: the marker next to them is found, no crash', async () => {
    const repo = tempRepo()
    const base = repo.commit('base', { 'a.txt': 'a\n' })
    repo.write({ '.gitattributes': 'big.dat diff\n', 'found.txt': 'x\n<<<<<<< HEAD\n' })
    const big = join(repo.dir, 'big.dat')
    writeFileSync(big, '')
    truncateSync(big, 560 * 1024 * 1024)
    repo.git(['-c', 'core.compression=1', 'add', '--all'])
    repo.git(['commit', '--quiet', '-m', 'big'])
    rmSync(big)
    const r = await run(repo.dir, base, 'HEAD')
    expect({ markers: markers(r), error: r.error }).toEqual({ markers: ['found.txt:2'], error: null })
  }, 120_000)
})
