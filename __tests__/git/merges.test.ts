/**
 * Reachability of every merge parent is decided in a constant number
 * of git calls, never one per parent per ref. Counted through the one git
 * helper's onRun hook on real repositories.
 */
import { checkRange } from '../../src/guard/layers.js'
import { createGit } from '../../src/git/git.js'
import { unreachableFrom } from '../../src/git/merges.js'
import { tempRepo, type TempRepo } from './temp-repo.js'

/** main; develop and release/r1..r5 ahead of it; feature with `n` merges, alternating develop and release work. */
function repoWithMerges(n: number): { repo: TempRepo; base: string; head: string; developParents: string[] } {
  const repo = tempRepo()
  const base = repo.commit('base', { 'a.txt': 'a\n' })
  const tree = repo.git(['rev-parse', `${base}^{tree}`])
  const commit = (message: string, ...parents: string[]) =>
    repo.git(['commit-tree', tree, ...parents.flatMap((p) => ['-p', p]), '-m', message])
  let feature = base
  let develop = base
  let release = base
  const developParents: string[] = []
  for (let i = 0; i < n; i++) {
    if (i % 2 === 0) {
      develop = commit(`develop ${i}`, develop)
      developParents.push(develop)
      feature = commit(`merge develop ${i}`, feature, develop)
    } else {
      release = commit(`release ${i}`, release)
      feature = commit(`merge release ${i}`, feature, release)
    }
  }
  repo.git(['update-ref', 'refs/heads/develop', develop])
  for (let r = 1; r <= 5; r++) repo.git(['update-ref', `refs/heads/release/r${r}`, release])
  repo.git(['update-ref', 'refs/heads/feature', feature])
  return { repo, base, head: feature, developParents }
}

async function countedCheck(n: number, prepare: (repo: TempRepo, head: string) => void = () => undefined) {
  const { repo, base, head, developParents } = repoWithMerges(n)
  prepare(repo, head)
  const calls: string[] = []
  const git = createGit(repo.dir, { onRun: (args) => calls.push(args[0] === '-c' ? args[2]! : args[0]!) })
  const report = await checkRange(
    git,
    { base, head, description: 'test', headBranch: 'feature' },
    { scope: 'changed', exclude: [], policyFile: '.github/purple-policy.json', policyFileExplicit: false, allowedSources: ['release/*'] }
  )
  return { report, calls, developParents }
}

/** The range of four merges checked with `allowedSources`, every git call in full. */
async function checkFourMerges(allowedSources: string[]) {
  const { repo, base, head } = repoWithMerges(4)
  const calls: string[] = []
  const report = await checkRange(
    createGit(repo.dir, { onRun: (args) => calls.push(args.join(' ')) }),
    { base, head, description: 'test', headBranch: 'feature' },
    { scope: 'changed', exclude: [], policyFile: '.github/purple-policy.json', policyFileExplicit: false, allowedSources }
  )
  return { report, calls }
}

describe('merge-source reachability', () => {
  it('flags exactly the develop parents, in the same number of git calls for 4 and 40 merges', async () => {
    const small = await countedCheck(4)
    const large = await countedCheck(40)
    expect(small.report.error).toBeNull()
    expect(large.report.findings.map((f) => f.parent).sort()).toEqual([...large.developParents].sort())
    expect(large.report.findings).toHaveLength(20)
    expect([...large.calls].sort()).toEqual([...small.calls].sort())
    expect(large.calls.filter((c) => c === 'rev-list')).toHaveLength(2)
  })

  it('unreachableFrom: one rev-list --stdin answers for all parents and tips', async () => {
    const { repo, base, developParents } = repoWithMerges(6)
    const calls: string[] = []
    const git = createGit(repo.dir, { onRun: (args) => calls.push(args.join(' ')) })
    const release = repo.sha('release/r1')
    const unreachable = await unreachableFrom(git, [...developParents, release], [base, release])
    expect([...unreachable].sort()).toEqual([...developParents].sort())
    expect(calls).toEqual(['rev-list --stdin'])
    expect(await unreachableFrom(git, developParents, [repo.sha('develop')])).toEqual(new Set())
  })
})

describe('refs that contain head', () => {
  it('are not waited for when no allowed tip reaches head and nothing needs a name (the walk is ended, not an error)', async () => {
    // A release merge only: nothing to name, and no allowed tip reaches head.
    const { repo, base } = repoWithMerges(2)
    const calls: string[] = []
    const head = repo.git(['commit-tree', repo.git(['rev-parse', `${base}^{tree}`]), '-p', base, '-p', repo.sha('release/r1'), '-m', 'merge release'])
    const report = await checkRange(
      createGit(repo.dir, { onRun: (args) => calls.push(args.join(' ')) }),
      { base, head, description: 'test', headBranch: 'feature' },
      { scope: 'changed', exclude: [], policyFile: '.github/purple-policy.json', policyFileExplicit: false, allowedSources: ['release/*'] }
    )
    expect(report).toMatchObject({ error: null, findings: [] })
    expect(report.notes).toContain('merge sources: 1 merge commit(s) in range, allowed: \'release/*\' and the base')
    // One reachability call answered both questions.
    expect(calls.filter((c) => c.startsWith('rev-list --stdin'))).toHaveLength(1)
  })

  it('an allowed branch that contains head allows nothing it merged (at head, or ahead of it)', async () => {
    const atHead = await countedCheck(6, (repo, head) => repo.git(['update-ref', 'refs/heads/release/r9', head]))
    const ahead = await countedCheck(6, (repo, head) =>
      repo.git(['update-ref', 'refs/heads/release/r9', repo.git(['commit-tree', repo.git(['rev-parse', `${head}^{tree}`]), '-p', head, '-m', 'after head'])])
    )
    for (const { report, developParents } of [atHead, ahead]) {
      expect(report.error).toBeNull()
      expect(report.findings.map((f) => f.parent).sort()).toEqual([...developParents].sort())
    }
    // A branch at head's own commit is known to contain it: one reachability call, not a second after the walk.
    expect(atHead.calls.filter((c) => c === 'rev-list')).toHaveLength(2)
    expect(ahead.calls.filter((c) => c === 'rev-list')).toHaveLength(3)
  })

  it('the pull request branch itself (a feature pattern narrowed to it) costs no second reachability call', async () => {
    const { report, calls } = await checkFourMerges(['release/*', 'feature'])
    expect(report.error).toBeNull()
    expect(report.findings).toHaveLength(2)
    expect(calls.filter((c) => c.startsWith('rev-list --stdin'))).toHaveLength(1)
  })
})

describe('names of flagged parents', () => {
  it('come from a branch that neither contains head nor is allowed (allowed tips cannot reach them, so name-rev skips them)', async () => {
    const { report, calls } = await checkFourMerges(['release/*'])
    expect(report.findings.map((f) => /\(from ([^)]+)\)/.exec(f.message)?.[1]).sort()).toEqual(['develop', 'develop~1'])
    const nameRev = calls.find((c) => c.startsWith('name-rev'))!
    expect(nameRev).toContain('--exclude=refs/heads/feature ')
    for (let r = 1; r <= 5; r++) expect(nameRev).toContain(`--exclude=refs/heads/release/r${r} `)
    expect(nameRev).not.toContain('--exclude=refs/heads/develop')
  })

  it('an allowed branch ahead of head: the names still skip every allowed ref', async () => {
    const { report } = await countedCheck(6, (repo, head) =>
      repo.git(['update-ref', 'refs/heads/release/r9', repo.git(['commit-tree', repo.git(['rev-parse', `${head}^{tree}`]), '-p', head, '-m', 'after head'])])
    )
    expect(report.findings.every((f) => /\(from develop(~\d+)?\)/.test(f.message))).toBe(true)
  })

  it('never come from a branch that is not allowed but contains head (that name would say nothing)', async () => {
    const { report } = await countedCheck(6, (repo, head) => {
      repo.git(['update-ref', '-d', 'refs/heads/develop'])
      repo.git(['update-ref', 'refs/heads/integration', repo.git(['commit-tree', repo.git(['rev-parse', `${head}^{tree}`]), '-p', head, '-m', 'after head'])])
    })
    expect(report.findings).toHaveLength(3)
    for (const f of report.findings) expect(f.message).not.toContain('(from ')
  })
})
