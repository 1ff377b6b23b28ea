/**
 * guard's fixed cost is its git processes (each start is a few ms of
 * fork/exec): what one git call can answer is asked in one, and the diff does
 * not wait for the merge base. Real repositories; calls counted with onRun.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { runGuard, openRepository, type GuardDeps } from '../../src/guard/engine.js'
import { DEFAULT_LIMITS, type CheckOptions } from '../../src/guard/options.js'
import { resolveRange } from '../../src/guard/range.js'
import { createGit } from '../../src/git/git.js'
import { resolveCommitsAtOnce } from '../../src/git/revisions.js'
import { gitEnv, tempRepo, type TempRepo } from '../git/temp-repo.js'

const options: CheckOptions = { scope: 'changed', exclude: [], policyFile: '.github/purple-policy.json', policyFileExplicit: false, allowedSources: [] }

// The engine's git inherits process.env: give it the tests' identity and no user config.
Object.assign(process.env, gitEnv)

function run(dir: string, base: string, head: string) {
  const calls: string[] = []
  const lines: string[] = []
  const deps: GuardDeps = {
    git: { onRun: (args) => calls.push(args.filter((a, i) => a !== '-c' && args[i - 1] !== '-c').join(' ')) },
    limits: DEFAULT_LIMITS,
    log: { info: (m) => lines.push(m), warning: (m) => lines.push(`warning: ${m}`) }
  }
  const result = runGuard(
    {
      workingDirectory: dir,
      options,
      failSafe: true,
      chooseRange: (git) => resolveRange(git, { base, head, event: null, baseLabel: "input 'base'", headLabel: "input 'head'", headBranch: null })
    },
    deps
  )
  return result.then((r) => ({ ...r, calls, lines }))
}

const markers = (r: { findings: readonly { kind: string; path: string | null; line: number | null }[] }) =>
  r.findings.filter((f) => f.kind === 'conflict-marker').map((f) => `${f.path}:${f.line}`)

function pullRequest(): { repo: TempRepo; base: string; head: string } {
  const repo = tempRepo()
  const base = repo.commit('base', { 'a.txt': 'one\n', 'docs/readme.md': 'Intro\n' })
  repo.git(['checkout', '--quiet', '-b', 'topic'])
  repo.commit('topic', { 'a.txt': 'one\n<<<<<<< ours\nx\n=======\ny\n>>>>>>> theirs\n' })
  return { repo, base, head: repo.sha('topic') }
}

describe('git calls of a changed-scope run', () => {
  it('opens the repository with one rev-parse (top level, shallow, info/attributes) and resolves base and head with one more', async () => {
    const { repo, base } = pullRequest()
    mkdirSync(join(repo.dir, 'docs', 'deep'), { recursive: true })
    const r = await run(join(repo.dir, 'docs'), 'main', 'topic')
    expect(markers(r)).toEqual(['a.txt:2', 'a.txt:4', 'a.txt:6'])
    expect(r.range?.base).toBe(base)
    const revParses = r.calls.filter((c) => c.startsWith('rev-parse'))
    expect(revParses).toEqual([
      'rev-parse --show-toplevel --is-shallow-repository --git-path info/attributes',
      'rev-parse --end-of-options topic^{commit} main^{commit}'
    ])
  })

  it('resolves base and head while the repository is opened, not after (both git calls start before any answer)', async () => {
    const { repo } = pullRequest()
    // Each call notes whether a git answer could have arrived since the first call started (an I/O turn passed).
    let turned = false
    const seen: { call: string; afterAnAnswer: boolean }[] = []
    const lines: string[] = []
    await runGuard(
      {
        workingDirectory: repo.dir,
        options,
        failSafe: true,
        chooseRange: (git) => resolveRange(git, { base: 'main', head: 'topic', event: null, baseLabel: "input 'base'", headLabel: "input 'head'", headBranch: null })
      },
      {
        git: {
          onRun: (args) => {
            if (seen.length === 0) setImmediate(() => (turned = true))
            seen.push({ call: args.slice(0, 2).join(' '), afterAnAnswer: turned })
          }
        },
        limits: DEFAULT_LIMITS,
        log: { info: (m) => lines.push(m), warning: (m) => lines.push(m) }
      }
    )
    expect(seen.slice(0, 2)).toEqual([
      { call: 'rev-parse --show-toplevel', afterAnAnswer: false },
      { call: 'rev-parse --end-of-options', afterAnAnswer: false }
    ])
  })

  it('diffs from base...head: git finds the merge base inside the diff, with no merge-base call before it', async () => {
    const { repo } = pullRequest()
    // main moves on after topic forked, adding a marker-shaped line: the merge base is not main's tip.
    repo.git(['checkout', '--quiet', 'main'])
    const moved = repo.commit('main moves on', { 'b.txt': '<<<<<<< main only\n' })
    const r = await run(repo.dir, moved, 'topic')
    const diff = r.calls.find((c) => c.startsWith('diff -U0'))
    expect(diff).toContain(`${moved}...${repo.sha('topic')}`)
    expect(r.calls.filter((c) => c.startsWith('merge-base'))).toEqual([])
    // The marker main added after the fork is not the pull request's.
    expect(markers(r)).toEqual(['a.txt:2', 'a.txt:4', 'a.txt:6'])
    expect(r.lines).toContain(`guard: conflict markers: scanned lines added in ${moved}...${repo.sha('topic')}`)
  })

  it('histories with no merge base: the whole of base..head is still scanned', async () => {
    const { repo } = pullRequest()
    repo.git(['checkout', '--quiet', '--orphan', 'unrelated'])
    repo.git(['rm', '--quiet', '-r', '-f', '.'])
    const other = repo.commit('unrelated root', { 'c.txt': 'c\n' })
    const r = await run(repo.dir, other, 'topic')
    expect(r.error).toBeNull()
    expect(markers(r)).toEqual(['a.txt:2', 'a.txt:4', 'a.txt:6'])
    expect(r.lines).toContain(`guard: conflict markers: scanned lines added in ${other}..${repo.sha('topic')}`)
    expect(r.calls.filter((c) => c.startsWith('merge-base'))).toHaveLength(1)
  })

  it.each([
    ['a base that is not a commit', 'nope', "input 'base' 'nope' is not a commit in this repository"],
    ['a range as base (rev-parse prints two lines for it)', 'main..topic', "input 'base' 'main..topic' is not a commit in this repository"],
    ['an option-shaped base', '--output=x', "input 'base' '--output=x' is not a commit in this repository"]
  ])('%s: reported as before, naming the input', async (_what, base, message) => {
    const { repo } = pullRequest()
    const r = await run(repo.dir, base, 'topic')
    expect(r.result).toBe('error')
    expect(r.error).toContain(message)
  })

  it("a pull request event: the event's base and head are resolved by one rev-parse, with no cat-file -e for the base", async () => {
    const { repo, base, head } = pullRequest()
    const calls: string[] = []
    const git = createGit(repo.dir, { onRun: (args) => calls.push(args.filter((a, i) => a !== '-c' && args[i - 1] !== '-c').join(' ')) })
    // The shape of a pull_request payload's base and head (docs.github.com webhook payloads), with this repository's shas.
    const event = { name: 'pull_request', ref: 'refs/pull/7/merge', payload: { pull_request: { base: { sha: base }, head: { sha: head, ref: 'topic' } } } }
    const chosen = await resolveRange(git, { base: '', head: '', event, baseLabel: "input 'base'", headLabel: "input 'head'", headBranch: null })
    expect(chosen.range).toEqual({ base, head, description: 'pull request base', headBranch: 'topic' })
    expect(calls).toEqual([`rev-parse --end-of-options ${head}^{commit} ${base}^{commit}`])
  })

  it("a pull request event whose base is not in the clone: the default branch instead, said in a note", async () => {
    const { repo, head } = pullRequest()
    const gone = 'f'.repeat(40)
    const event = { name: 'pull_request', ref: 'refs/pull/7/merge', payload: { pull_request: { base: { sha: gone }, head: { sha: head, ref: 'topic' } } } }
    const chosen = await resolveRange(createGit(repo.dir), { base: '', head: '', event, baseLabel: "input 'base'", headLabel: "input 'head'", headBranch: null })
    expect(chosen.range.head).toBe(head)
    expect(chosen.notes[0]).toBe(`base '${gone}' from the event is not in this clone; using the default branch instead`)
  })

  it('a head that is not a commit is reported before a bad base', async () => {
    const { repo } = pullRequest()
    const r = await run(repo.dir, 'nope', 'missing-head')
    expect(r.error).toContain("input 'head' 'missing-head' is not a commit in this repository")
  })
})

describe('resolveCommitsAtOnce', () => {
  it('answers full ids in order, or null when one call cannot tell', async () => {
    const { repo, base, head } = pullRequest()
    const git = await openRepository(repo.dir, {})
    expect(await resolveCommitsAtOnce(git, ['topic', 'main'])).toEqual([head, base])
    expect(await resolveCommitsAtOnce(git, ['main', 'nope'])).toBeNull()
    expect(await resolveCommitsAtOnce(git, ['main..topic', 'main'])).toBeNull()
    expect(await resolveCommitsAtOnce(git, ['-h', 'main'])).toBeNull()
    // A tree is not a commit.
    expect(await resolveCommitsAtOnce(git, [`${base}^{tree}`, 'main'])).toBeNull()
  })

  it('openRepository gives the facts later steps use instead of asking git', async () => {
    const repo = tempRepo()
    repo.commit('one', { 'a.txt': 'a\n' })
    mkdirSync(join(repo.dir, 'sub'))
    const calls: string[] = []
    const git = await openRepository(join(repo.dir, 'sub'), { onRun: (args) => calls.push(args.join(' ')) })
    expect(git.cwd).toBe(repo.dir)
    expect(git.facts).toEqual({ shallow: false, infoAttributes: join(repo.dir, '.git', 'info', 'attributes') })
    expect(calls).toHaveLength(1)
    expect(createGit(repo.dir).facts).toBeNull()
  })
})

describe('a pull request adding documentation pages', () => {
  const attributeReads = (calls: readonly string[]) => calls.filter((c) => /gitattributes|check-attr|attributesFile|GIT_ATTR|--exec-path/.test(c))

  it('new pages whose `=======` lines all underline a heading: no finding at any size, so no attribute file is read', async () => {
    const repo = tempRepo()
    const base = repo.commit('base', { 'a.txt': 'a\n' })
    const head = repo.commit('docs', {
      'guide/one.md': 'Section one\n=======\n\nProse.\n',
      'guide/two.md': 'Two\r\n=======\r\n\r\nMore\r\n=======\r\n'
    })
    const r = await run(repo.dir, base, head)
    expect(r.error).toBeNull()
    expect(markers(r)).toEqual([])
    expect(attributeReads(r.calls)).toEqual([])
  })

  it.each([
    ['a separator after a blank line with text below (what a conflict leaves)', 'Intro\n\n=======\ntheirs\n', ['new.md:3']],
    ['a separator on the first line', '=======\ntheirs\n', ['new.md:1']],
    ['an underline in a page that also adds an angle marker', 'Title\n=======\n<<<<<<< ours\n', ['new.md:2', 'new.md:3']],
    ['a `|||||||` line beside an angle marker', 'Title\n|||||||\n>>>>>>> theirs\n', ['new.md:2', 'new.md:3']]
  ])('a new page with %s is still judged', async (_what, text, expected) => {
    const repo = tempRepo()
    const base = repo.commit('base', { 'a.txt': 'a\n' })
    const head = repo.commit('page', { 'new.md': text, 'other.md': 'Heading\n=======\n' })
    const r = await run(repo.dir, base, head)
    expect(markers(r)).toEqual(expected)
  })

  it('a heading underline added to an existing page still reads that page (an angle marker may be elsewhere in it)', async () => {
    const repo = tempRepo()
    const base = repo.commit('base', { 'page.md': '<<<<<<< left in long ago\ntext\n' })
    const head = repo.commit('heading', { 'page.md': '<<<<<<< left in long ago\ntext\nTitle\n=======\n' })
    const r = await run(repo.dir, base, head)
    expect(markers(r)).toEqual(['page.md:4'])
  })
})
