/**
 * The bundled action (dist/guard/index.js) run as the runner runs it, in
 * real temporary repositories: inputs as INPUT_*, outputs from GITHUB_OUTPUT,
 * annotations from stdout.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { runBundle } from '../harness/run-bundle.js'
import { gitEnv, tempRepo, type TempRepo } from '../git/temp-repo.js'

const bundle = 'dist/guard/index.js'
const policy = JSON.stringify({ feature: 'feature/<task>', base: 'main', allowed: ['release/*'] })

/** main (with the policy), develop and release/x with their own work, feature/t1 forked from main. */
function policyRepo(): { repo: TempRepo; base: string } {
  const repo = tempRepo()
  const base = repo.commit('main with policy', { '.github/purple-policy.json': policy, 'app.txt': 'app\n' })
  for (const branch of ['develop', 'release/x']) {
    repo.git(['checkout', '--quiet', '-b', branch, 'main'])
    repo.commit(`${branch} work`, { [`${branch.replace('/', '-')}.txt`]: `${branch}\n` })
  }
  repo.git(['checkout', '--quiet', '-b', 'feature/t1', 'main'])
  repo.commit('feature work', { 'feature.txt': 'feature\n' })
  return { repo, base }
}

function merge(repo: TempRepo, branch: string): string {
  repo.git(['merge', '--quiet', '--no-ff', '--no-edit', branch])
  return repo.sha('HEAD')
}

const run = (repo: TempRepo, inputs: Record<string, string>, extra: { event?: unknown; eventName?: string } = {}) =>
  runBundle(bundle, { cwd: repo.dir, inputs, env: gitEnv, ...extra })

describe('guard action, merge-source allowlist', () => {
  it('blocks a PR that merged a disallowed branch (develop) and names the parent', async () => {
    const { repo, base } = policyRepo()
    const head = merge(repo, 'develop')
    const r = await run(repo, { base, head })
    expect(r.exitCode).toBe(1)
    expect(r.outputs.result).toBe('blocked')
    expect(r.outputs['disallowed-merge-count']).toBe('1')
    const findings = JSON.parse(r.outputs.findings!) as Array<Record<string, unknown>>
    expect(findings).toEqual([
      expect.objectContaining({ kind: 'disallowed-merge', commit: head, parent: repo.sha('develop'), path: null, line: null })
    ])
    expect(findings[0]!.message).toContain('(from develop)')
    expect(r.commands.filter((c) => c.command === 'error').map((c) => c.properties.title)).toContain('Disallowed merge source')
  })

  it('passes an allowed release/x merge and a merge of main', async () => {
    const { repo, base } = policyRepo()
    merge(repo, 'release/x')
    repo.git(['checkout', '--quiet', 'main'])
    repo.commit('main moves on', { 'm.txt': 'm\n' })
    repo.git(['checkout', '--quiet', 'feature/t1'])
    const head = merge(repo, 'main')
    const r = await run(repo, { base, head })
    expect({ exit: r.exitCode, result: r.outputs.result, findings: r.outputs.findings }).toEqual({
      exit: 0,
      result: 'pass',
      findings: '[]'
    })
    expect(r.stdout).toContain('2 merge commit(s) in range')
  })

  it('an allowed branch missing from the clone is named in the finding (fetch-depth: 0 advice)', async () => {
    const { repo, base } = policyRepo()
    const head = merge(repo, 'release/x')
    repo.git(['branch', '--quiet', '-D', 'release/x'])
    const r = await run(repo, { base, head })
    expect(r.outputs.result).toBe('blocked')
    expect(JSON.parse(r.outputs.findings!)[0].message).toContain("'release/*' matched no branch in this clone (fetch-depth: 0 fetches them)")
  })

  it('ignores a policy change made on the head branch: the base commit decides', async () => {
    const { repo, base } = policyRepo()
    repo.commit('loosen the policy', {
      '.github/purple-policy.json': JSON.stringify({ base: 'main', allowed: ['release/*', 'develop'] })
    })
    const head = merge(repo, 'develop')
    const r = await run(repo, { base, head })
    expect(r.outputs.result).toBe('blocked')
    expect(r.outputs['disallowed-merge-count']).toBe('1')
  })

  it('allowed-sources input adds to the policy', async () => {
    const { repo, base } = policyRepo()
    const head = merge(repo, 'develop')
    const r = await run(repo, { base, head, 'allowed-sources': 'develop' })
    expect(r.outputs.result).toBe('pass')
  })

  it('a feature branch containing head is never an allowed source of its own merges', async () => {
    const { repo, base } = policyRepo()
    const head = merge(repo, 'develop')
    // feature/<task> matches feature/t1, which is the head itself: it must not vouch for develop.
    const r = await run(repo, { base, head, 'allowed-sources': 'feature/*' })
    expect(r.outputs.result).toBe('blocked')
  })

  it.each([
    ['true', 0, 'error'],
    ['false', 1, 'error']
  ])('a malformed policy file with fail-safe %s -> exit %i, result %s', async (failSafe, exit, result) => {
    const repo = tempRepo()
    const base = repo.commit('broken policy', { '.github/purple-policy.json': '{"allowed": ["develop",' })
    const head = repo.commit('work', { 'a.txt': 'a\n' })
    const r = await run(repo, { base, head, 'fail-safe': failSafe })
    expect({ exit: r.exitCode, result: r.outputs.result }).toEqual({ exit, result })
    expect(r.allText).toContain("policy file '.github/purple-policy.json@")
    expect(r.allText).toContain('is not valid JSON')
    if (failSafe === 'true') {
      expect(r.commands.some((c) => c.command === 'warning' && c.message.includes('not blocking (fail-safe)'))).toBe(true)
    }
  })

  it('a real finding blocks even when the policy is broken', async () => {
    const repo = tempRepo()
    const base = repo.commit('broken policy', { '.github/purple-policy.json': 'not json' })
    const head = repo.commit('markers', { 'a.txt': '<<<<<<< HEAD\n' })
    const r = await run(repo, { base, head })
    expect({ exit: r.exitCode, result: r.outputs.result, markers: r.outputs['marker-count'] }).toEqual({
      exit: 1,
      result: 'blocked',
      markers: '1'
    })
  })
})

describe('guard action, markers', () => {
  it('annotates each marker on its file and line and fails the step', async () => {
    const repo = tempRepo()
    const base = repo.commit('base', { 'README.md': 'Title\n=======\n' })
    const head = repo.commit('half-resolved', { 'src/x y.ts': 'a\n<<<<<<< HEAD\nb\n=======\nc\n>>>>>>> develop\n' })
    const r = await run(repo, { base, head })
    expect(r.exitCode).toBe(1)
    expect(r.outputs['marker-count']).toBe('3')
    const errors = r.commands.filter((c) => c.command === 'error' && c.properties.file)
    expect(errors.map((c) => `${c.properties.file}:${c.properties.line}`)).toEqual(['src/x y.ts:2', 'src/x y.ts:4', 'src/x y.ts:6'])
    expect(r.summary).toContain('Purple guard: blocked')
  })

  it('takes base and head from the pull_request event', async () => {
    const repo = tempRepo()
    const base = repo.commit('base', { 'a.txt': 'a\n' })
    const head = repo.commit('marker', { 'b.txt': '>>>>>>> theirs\n' })
    repo.commit('later, outside the PR', { 'c.txt': '<<<<<<< HEAD\n' })
    const event = { pull_request: { base: { sha: base }, head: { sha: head, ref: 'feature/t1' } } }
    const r = await run(repo, {}, { event, eventName: 'pull_request' })
    expect(JSON.parse(r.outputs.findings!)).toEqual([expect.objectContaining({ path: 'b.txt', line: 1, commit: head })])
    expect(r.stdout).toContain('base: pull request base')
  })

  it("takes a push's before sha, and falls back to the default branch when before is not in the clone", async () => {
    const upstream = tempRepo()
    const first = upstream.commit('base', { 'a.txt': 'a\n' })
    const dir = `${upstream.dir}-clone`
    upstream.git(['clone', '--quiet', upstream.dir, dir])
    const repo = tempRepo(dir)
    const after = repo.commit('marker', { 'b.txt': '>>>>>>> theirs\n' })
    const ok = await run(repo, {}, { event: { before: first, after, ref: 'refs/heads/main' }, eventName: 'push' })
    expect(ok.outputs['marker-count']).toBe('1')
    expect(ok.stdout).toContain("base: push 'before'")
    const forced = await run(repo, {}, { event: { before: 'e'.repeat(40), after }, eventName: 'push' })
    expect(forced.outputs['marker-count']).toBe('1')
    expect(forced.stdout).toContain('is not in this clone')
    expect(forced.stdout).toContain('base: merge base with refs/remotes/origin/main')
  })
})

describe('guard action, safety of the guard itself', () => {
  it.each(['--output=x', '--open-files-in-pager=y'])('a branch named %s is a revision, never an option', async (name) => {
    const { repo, base } = policyRepo()
    merge(repo, 'develop')
    repo.git(['update-ref', `refs/heads/${name}`, 'HEAD'])
    repo.git(['update-ref', 'refs/heads/--base-branch', base])
    const r = await run(repo, { base: '--base-branch', head: name })
    expect(r.outputs.result).toBe('blocked')
    expect(r.outputs['disallowed-merge-count']).toBe('1')
    expect(existsSync(join(repo.dir, 'x'))).toBe(false)
    expect(existsSync(join(repo.dir, '=x'))).toBe(false)
  })

  it('an unknown revision is a guard error, reported with the input name', async () => {
    const repo = tempRepo()
    repo.commit('base', { a: 'a\n' })
    const r = await run(repo, { base: 'no-such-branch', head: 'HEAD' })
    expect({ exit: r.exitCode, result: r.outputs.result }).toEqual({ exit: 0, result: 'error' })
    expect(r.allText).toContain("input 'base' 'no-such-branch' is not a commit in this repository")
  })

  it('git missing from PATH is a guard error: warning, exit 0, result=error', async () => {
    const repo = tempRepo()
    repo.commit('base', { a: 'a\n' })
    const r = await runBundle(bundle, { cwd: repo.dir, inputs: { base: 'HEAD' }, env: { ...gitEnv, PATH: '/nonexistent' } })
    expect({ exit: r.exitCode, result: r.outputs.result }).toEqual({ exit: 0, result: 'error' })
    expect(r.commands.find((c) => c.command === 'warning')?.message).toContain("git was not found ('git')")
  })

  it('a directory that is not a repository gives result=error, exit 0', async () => {
    const r = await runBundle(bundle, { inputs: { base: 'main' }, env: gitEnv })
    expect({ exit: r.exitCode, result: r.outputs.result }).toEqual({ exit: 0, result: 'error' })
    expect(r.allText).toContain('is not inside a git work tree')
  })

  it('an invalid input fails the step and names the input', async () => {
    const repo = tempRepo()
    repo.commit('base', { a: 'a\n' })
    const r = await run(repo, { scope: 'everything' })
    expect(r.exitCode).toBe(1)
    expect(r.allText).toContain("Input 'scope' is 'everything'")
  })

  it('an invalid input still sets every output and says in the summary why the step ended', async () => {
    const repo = tempRepo()
    repo.commit('base', { a: 'a\n' })
    const r = await run(repo, { 'fail-safe': 'maybe' })
    expect(r.exitCode).toBe(1)
    expect(r.outputs).toEqual({ result: 'error', findings: '[]', 'marker-count': '', 'disallowed-merge-count': '' })
    expect(r.summary).toContain("Input &#39;fail-safe&#39; is &#39;maybe&#39;")
  })

  it('a working directory that does not exist is named, not reported as a missing git', async () => {
    const repo = tempRepo()
    repo.commit('base', { a: 'a\n' })
    const r = await runBundle(bundle, { cwd: repo.dir, inputs: { base: 'HEAD' }, env: { ...gitEnv, GITHUB_WORKSPACE: join(repo.dir, 'gone') } })
    expect({ exit: r.exitCode, result: r.outputs.result }).toEqual({ exit: 0, result: 'error' })
    expect(r.allText).toContain('does not exist')
    expect(r.allText).not.toContain('git was not found')
  })
})

describe('guard action, shallow clones', () => {
  function shallowCloneOf(upstream: TempRepo): TempRepo {
    const dir = `${upstream.dir}-shallow`
    upstream.git(['clone', '--quiet', '--depth=1', '--no-local', `file://${upstream.dir}`, dir])
    return tempRepo(dir)
  }

  it('deepens a depth-1 clone from its remote and then sees the disallowed merge', async () => {
    const { repo } = policyRepo()
    merge(repo, 'develop')
    const clone = shallowCloneOf(repo)
    expect(clone.git(['rev-parse', '--is-shallow-repository'])).toBe('true')
    const r = await run(clone, { base: 'origin/main', head: 'HEAD' })
    expect(r.stdout).toContain('the clone was shallow')
    expect(r.outputs.result).toBe('blocked')
  })

  it('a shallow clone that cannot be deepened is reported, never a silent pass', async () => {
    const { repo } = policyRepo()
    merge(repo, 'develop')
    const clone = shallowCloneOf(repo)
    clone.git(['remote', 'remove', 'origin'])
    const r = await run(clone, { base: 'HEAD', head: 'HEAD' })
    expect({ exit: r.exitCode, result: r.outputs.result }).toEqual({ exit: 0, result: 'error' })
    expect(r.allText).toContain('shallow clone with no remote')
  })
})
