/**
 * The marker layer against real repositories: conflicts written by git itself
 * in each style, attributes read at the scanned commit, committed objects only.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { checkRange } from '../../src/guard/layers.js'
import type { CheckOptions } from '../../src/guard/options.js'
import { createGit } from '../../src/git/git.js'
import { committedConflict, tempRepo, type TempRepo } from '../git/temp-repo.js'

const changed: CheckOptions = { scope: 'changed', exclude: [], policyFile: '.github/purple-policy.json', policyFileExplicit: false, allowedSources: [] }
const tree: CheckOptions = { ...changed, scope: 'tree' }

async function scan(repo: TempRepo, base: string | null, head: string, options: CheckOptions = changed) {
  const report = await checkRange(createGit(repo.dir), { base, head, description: 'test', headBranch: null }, options)
  return {
    error: report.error,
    markers: report.findings.filter((f) => f.kind === 'conflict-marker').map((f) => `${f.path}:${f.line}`)
  }
}

/** `base`, then `theirs` on a branch and `ours` on main, merged by git and committed with its markers left in. */
function markersLeftIn(base: Record<string, string>, theirs: Record<string, string>, ours: Record<string, string>) {
  const repo = tempRepo()
  const baseSha = repo.commit('base', base)
  repo.git(['checkout', '--quiet', '-b', 'other'])
  repo.commit('theirs', theirs)
  repo.git(['checkout', '--quiet', 'main'])
  repo.commit('ours', ours)
  repo.git(['merge', '--no-edit', 'other'], { allowFail: true })
  repo.git(['commit', '--quiet', '--all', '-m', 'markers left in'])
  return { repo, base: baseSha, head: repo.sha('HEAD') }
}

describe('conflicts written by git and committed', () => {
  it.each([
    ['merge', ['app.txt:2', 'app.txt:4', 'app.txt:6']],
    ['diff3', ['app.txt:2', 'app.txt:4', 'app.txt:6', 'app.txt:8']],
    ['zdiff3', ['app.txt:2', 'app.txt:4', 'app.txt:6', 'app.txt:8']]
  ] as const)('%s style: every marker line, scope changed and tree', async (style, expected) => {
    const { repo, base, head } = committedConflict(style)
    const text = repo.git(['show', `${head}:app.txt`])
    expect(text).toMatch(/^<<<<<<< HEAD$/m)
    if (style !== 'merge') expect(text).toMatch(/^\|\|\|\|\|\|\| /m)
    expect(await scan(repo, base, head)).toEqual({ error: null, markers: expected })
    expect(await scan(repo, base, head, tree)).toEqual({ error: null, markers: expected })
  })

  it('a CRLF file conflicted by git (markers end in CR)', async () => {
    const { repo, base, head } = markersLeftIn(
      { 'win.txt': 'one\r\ntwo\r\nthree\r\n' },
      { 'win.txt': 'one\r\nTWO\r\nthree\r\n' },
      { 'win.txt': 'one\r\nzwei\r\nthree\r\n' }
    )
    expect(repo.git(['show', `${head}:win.txt`])).toContain('=======\r\n')
    expect((await scan(repo, base, head)).markers).toEqual(['win.txt:2', 'win.txt:4', 'win.txt:6'])
  })

  it('conflict-marker-size=12: git writes 12-character markers and they are found', async () => {
    const { repo, base, head } = markersLeftIn(
      { '.gitattributes': '*.md conflict-marker-size=12\n', 'doc.md': 'a\nb\nc\n' },
      { 'doc.md': 'a\nB\nc\n' },
      { 'doc.md': 'a\nbee\nc\n' }
    )
    expect(repo.git(['show', `${head}:doc.md`])).toContain('<<<<<<<<<<<< HEAD')
    expect((await scan(repo, base, head)).markers).toEqual(['doc.md:2', 'doc.md:4', 'doc.md:6'])
  })
})

describe('lines that look like markers but are not', () => {
  const cases: Array<[string, Record<string, string | Buffer>, string[]]> = [
    ['eight = signs', { 'a.txt': 'x\n========\ny\n' }, []],
    ['indented markers', { 'a.py': 'x\n  <<<<<<< HEAD\n  =======\n  >>>>>>> b\n' }, []],
    ['commented markers', { 'a.js': '// <<<<<<< HEAD\n// =======\n// >>>>>>> b\n' }, []],
    ['a Markdown setext heading', { 'README.md': 'License\n=======\n\nMIT\n' }, []],
    ['a reST heading and a bar line', { 'index.rst': 'Guide\n=======\n\n|||||||\n' }, []],
    ['a binary file full of markers', { 'blob.bin': Buffer.from('<<<<<<< HEAD\n\0\0\0\n=======\n>>>>>>> b\n') }, []],
    ['7-char examples under conflict-marker-size=32', { '.gitattributes': 'docs/** conflict-marker-size=32\n', 'docs/merge.txt': '<<<<<<< ours\n=======\n>>>>>>> theirs\n' }, []],
    ['a nested .gitattributes sets the size for its folder only', { 'docs/.gitattributes': '*.txt conflict-marker-size=32\n', 'docs/ex.txt': '<<<<<<< a\n', 'src/ex.txt': '<<<<<<< a\n' }, ['src/ex.txt:1']],
    ['a real marker next to them', { 'b.txt': 'ok\n>>>>>>> theirs\n', 'README.md': 'T\n=======\n' }, ['b.txt:2']],
    ['any path: spaces and non-ASCII', { 'dir with space/é file.txt': '<<<<<<< HEAD\n' }, ['dir with space/é file.txt:1']],
    ['a path with a tab and quotes', { 'we"ird\tname.txt': 'x\n>>>>>>> b\n' }, ['we"ird\tname.txt:2']],
    // pre-commit-hooks check_merge_conflict / rustc diff-markers: a separator no underline can explain.
    ['======= first, code below', { 'x.rs': '=======\nfn b() {}\n' }, ['x.rs:1']],
    ['======= after a blank line, code below', { 'y.rs': 'fn a() {}\n\n=======\nfn b() {}\n' }, ['y.rs:3']],
    ['a reST title with an overline', { 'g.rst': '=======\nGuide\n=======\n\ntext\n' }, []],
    ['longer angle markers with a 7-character base line', { 'm.txt': '<<<<<<<<< ours\na\n||||||| base\nb\n>>>>>>>>> theirs\n' }, ['m.txt:3']]
  ]

  it.each(cases)('%s', async (_label, files, expected) => {
    const repo = tempRepo()
    const base = repo.commit('base', { 'keep.txt': 'k\n' })
    const head = repo.commit('change', files)
    expect(await scan(repo, base, head)).toEqual({ error: null, markers: expected })
    expect(await scan(repo, base, head, tree)).toEqual({ error: null, markers: expected })
  })
})

describe('what is scanned', () => {
  it('only added lines in scope changed; the whole tree in scope tree', async () => {
    const repo = tempRepo()
    const base = repo.commit('old marker', { 'old.txt': '<<<<<<< HEAD\n' })
    const head = repo.commit('new marker', { 'new.txt': 'x\n>>>>>>> b\n' })
    expect((await scan(repo, base, head)).markers).toEqual(['new.txt:2'])
    expect((await scan(repo, base, head, tree)).markers).toEqual(['new.txt:2', 'old.txt:1'])
  })

  it('a tree with hundreds of heading files: underlines after text need no second read, separators after a blank line are read by blob id', async () => {
    const repo = tempRepo()
    // invented: 300 setext headings (not findings), 150 reST-style transitions (blank line on both sides: not findings),
    // and lone separators after a blank line (findings), one in a file whose name starts with "--" and a newline.
    const files: Record<string, string> = {}
    for (let i = 0; i < 300; i++) files[`docs/d${i}.md`] = `Title ${i}\n=======\n\ntext\n`
    for (let i = 0; i < 150; i++) files[`docs/t${i}.rst`] = `para\n\n=======\n\nmore\n`
    files['docs/lone.md'] = 'intro\n\n=======\ntheirs\n'
    files['docs/café\nx.md'] = '=======\nstarts the file\n'
    files['--\nodd.md'] = 'a\nb\nc\nd\n\n=======\ntext\n'
    const head = repo.commit('docs', files)
    const calls: string[] = []
    const report = await checkRange(createGit(repo.dir, { onRun: (args) => calls.push(args.join(' ')) }), { base: null, head, description: 'test', headBranch: null }, tree)
    expect(report.findings.map((f) => `${f.path}:${f.line}`).sort()).toEqual(['--\nodd.md:6', 'docs/café\nx.md:1', 'docs/lone.md:3'])
    // The 153 files that need their following lines are found by listing the tree once, not by a tree walk each.
    expect(calls.filter((c) => c.startsWith('ls-tree -r'))).toHaveLength(1)
  })

  it('a tree whose separators all follow a line of text reads no file a second time', async () => {
    const repo = tempRepo()
    // invented: Markdown setext headings, the line before each printed by the search itself.
    const head = repo.commit('docs', { 'a.md': 'Title\n=======\n\ntext\n', 'b.md': 'x\n\nOther\n=======\n' })
    const calls: string[] = []
    const report = await checkRange(createGit(repo.dir, { onRun: (args) => calls.push(args.join(' ')) }), { base: null, head, description: 'test', headBranch: null }, tree)
    expect(report.findings).toEqual([])
    expect(calls.filter((c) => c.startsWith('cat-file --batch --buffer') || c.startsWith('ls-tree'))).toEqual([])
  })

  it('an added ======= counts when the file had a > marker before the range', async () => {
    const repo = tempRepo()
    const base = repo.commit('half', { 'a.txt': 'x\n>>>>>>> b\n' })
    const head = repo.commit('more', { 'a.txt': 'x\n=======\n>>>>>>> b\n' })
    expect((await scan(repo, base, head)).markers).toEqual(['a.txt:2'])
  })

  it('an added ======= counts when the file had a < marker before, even next to an added blockquote', async () => {
    const repo = tempRepo()
    const base = repo.commit('half', { 'a.md': '<<<<<<< HEAD\nx\n' })
    const head = repo.commit('more', { 'a.md': '<<<<<<< HEAD\nx\n> quote\n=======\n' })
    expect((await scan(repo, base, head)).markers).toEqual(['a.md:4'])
  })

  it('counts from the merge base: a base branch that moved on adds nothing', async () => {
    const repo = tempRepo()
    const fork = repo.commit('fork', { 'a.txt': 'a\n' })
    repo.git(['checkout', '--quiet', '-b', 'feature'])
    const head = repo.commit('feature work', { 'f.txt': 'fine\n' })
    repo.git(['checkout', '--quiet', 'main'])
    repo.commit('main removes a marker-looking line', { 'a.txt': 'a\n' })
    const base = repo.sha('main')
    expect(fork).not.toBe(base)
    expect(await scan(repo, base, head)).toEqual({ error: null, markers: [] })
  })

  it('never the working tree: uncommitted markers are not findings, committed ones are', async () => {
    const repo = tempRepo()
    const base = repo.commit('base', { 'a.txt': 'a\n' })
    const head = repo.commit('clean', { 'b.txt': 'b\n' })
    repo.write({ 'b.txt': '<<<<<<< HEAD\n', '.gitattributes': '* conflict-marker-size=3\n' })
    expect((await scan(repo, base, head, tree)).markers).toEqual([])
    const dirty = repo.commit('now committed')
    expect((await scan(repo, base, dirty, tree)).markers).toEqual([])
    repo.commit('attribute gone', { '.gitattributes': '' })
    expect((await scan(repo, base, repo.sha('HEAD'), tree)).markers).toEqual(['b.txt:1'])
  })

  it('reads conflict-marker-size at the scanned commit, not at the checkout', async () => {
    const repo = tempRepo()
    const base = repo.commit('base', { 'a.txt': 'a\n' })
    const head = repo.commit('examples', { '.gitattributes': '*.txt conflict-marker-size=32\n', 'ex.txt': '<<<<<<< a\n' })
    repo.commit('drop attribute', { '.gitattributes': '' })
    expect((await scan(repo, base, head, tree)).markers).toEqual([])
    expect((await scan(repo, base, repo.sha('HEAD'), tree)).markers).toEqual(['ex.txt:1'])
  })

  it.each([
    [['*.snap'], ['src/a.txt:1', 'vendor/lib/z.txt:1']],
    [['vendor/'], ['src/a.txt:1', 't/x.snap:1']],
    [['vendor/**', 't/*.snap'], ['src/a.txt:1']]
  ])('exclude %j', async (exclude, expected) => {
    const repo = tempRepo()
    const base = repo.commit('base', { k: 'k\n' })
    const head = repo.commit('markers', {
      'src/a.txt': '<<<<<<< HEAD\n',
      't/x.snap': '<<<<<<< HEAD\n',
      'vendor/lib/z.txt': '<<<<<<< HEAD\n'
    })
    expect((await scan(repo, base, head, { ...changed, exclude })).markers).toEqual(expected)
  })

  it("a user's git config does not change what is found (column, colour, prefixes, quoting, interhunk context)", async () => {
    const repo = tempRepo()
    const base = repo.commit('base', { 'a b/é.txt': 'one\ntwo\nthree\nfour\n' })
    const head = repo.commit('markers', { 'a b/é.txt': '<<<<<<< HEAD\ntwo\n=======\nfour\n>>>>>>> x\n' })
    for (const [key, value] of [
      ['grep.column', 'true'],
      ['grep.fullName', 'false'],
      ['grep.patternType', 'fixed'],
      ['color.ui', 'always'],
      ['diff.noprefix', 'true'],
      ['diff.mnemonicPrefix', 'true'],
      ['diff.interHunkContext', '5'],
      ['diff.relative', 'true'],
      ['core.quotePath', 'false']
    ]) {
      repo.git(['config', key!, value!])
    }
    const expected = ['a b/é.txt:1', 'a b/é.txt:3', 'a b/é.txt:5']
    expect(await scan(repo, base, head)).toEqual({ error: null, markers: expected })
    expect(await scan(repo, base, head, tree)).toEqual({ error: null, markers: expected })
  })

  it('git grep exit 128 is an error, not clean', async () => {
    const repo = tempRepo()
    repo.commit('base', { a: 'a\n' })
    const missing = 'f'.repeat(40)
    const r = await scan(repo, null, missing, tree)
    expect(r.markers).toEqual([])
    expect(r.error).toMatch(/conflict-marker check failed: 'git .*' failed with exit code 128/)
  })
})

describe('the tree search at the default marker size', () => {
  let cleanups: Array<() => unknown> = []
  const afterThis = (cleanup: () => unknown) => cleanups.push(cleanup)
  afterEach(() => {
    for (const cleanup of cleanups) cleanup()
    cleanups = []
  })

  const treeCalls = async (repo: TempRepo, head: string) => {
    const calls: string[] = []
    const git = createGit(repo.dir, { onRun: (args) => calls.push(args.join(' ')) })
    const report = await checkRange(git, { base: null, head, description: 'test', headBranch: null }, tree)
    return { calls, error: report.error, markers: report.findings.map((f) => `${f.path}:${f.line}`).sort() }
  }

  it('finds the one conflict and the one lone separator among thousands of heading underlines and quotes', async () => {
    const repo = tempRepo()
    // invented: a docs tree (setext headings, blockquotes, longer and shorter underlines) around one real conflict.
    const files: Record<string, string> = {}
    for (let i = 0; i < 3000; i++) files[`docs/d${i}.md`] = `Title ${i}\n=======\n\n> quoted ${i}\n\nShort\n=====\n\nLong\n==========\n`
    files['docs/conflict.md'] = 'Intro\n=======\n\n<<<<<<< HEAD\nours\n=======\ntheirs\n>>>>>>> other\n'
    files['docs/lone.md'] = 'Title\n=======\n\ntext\n\n=======\nleft from a conflict\n'
    files['src/app.ts'] = 'export const a = 1\n'
    const head = repo.commit('docs', files)
    const r = await treeCalls(repo, head)
    expect(r).toMatchObject({ error: null, markers: ['docs/conflict.md:2', 'docs/conflict.md:4', 'docs/conflict.md:6', 'docs/conflict.md:8', 'docs/lone.md:6'] })
    // No attribute file names a size: no path's attributes are read.
    expect(r.calls.filter((c) => c.includes('check-attr'))).toEqual([])
  })

  it('finds markers in files whose names have spaces, newlines and bytes that are not UTF-8, and skips symlinks', async () => {
    const repo = tempRepo()
    repo.write({ 'a dir/x y.txt': 'ok\n>>>>>>> theirs\n', 'n\nl.txt': '<<<<<<< HEAD\n', 'café.txt': '=======\ncode\n' })
    // "lé.txt" in Latin-1: not UTF-8.
    writeFileSync(Buffer.concat([Buffer.from(`${repo.dir}/`), Buffer.from([0x6c, 0xe9, 0x2e, 0x74, 0x78, 0x74])]), 'x\n|||||||\n<<<<<<< a\n')
    symlinkSync('<<<<<<< HEAD', join(repo.dir, 'link'))
    const head = repo.commit('odd names')
    expect(repo.git(['ls-tree', '--name-only', head])).toContain('link')
    const r = await treeCalls(repo, head)
    expect(r.error).toBeNull()
    expect(r.markers).toEqual(['a dir/x y.txt:2', 'café.txt:1', 'l\uFFFD.txt:2', 'l\uFFFD.txt:3', 'n\nl.txt:1'])
  })

  it.each([
    ['the info/attributes file', (repo: TempRepo) => repo.write({ '.git/info/attributes': '*.txt conflict-marker-size=3\n' })],
    [
      'the global attributes file (core.attributesFile)',
      (repo: TempRepo) => {
        const file = join(mkdtempSync(join(tmpdir(), 'purple-attr-global-')), 'attributes')
        writeFileSync(file, '[attr]short conflict-marker-size=3\n*.txt short\n')
        repo.git(['config', 'core.attributesFile', file])
      }
    ],
    ['a .gitattributes in the tree', (repo: TempRepo) => repo.commit('attributes', { 'sub/.gitattributes': '*.txt conflict-marker-size=3\n' })],
    [
      'the XDG attributes file',
      (repo: TempRepo) => {
        const home = mkdtempSync(join(tmpdir(), 'purple-xdg-'))
        mkdirSync(join(home, 'git'))
        writeFileSync(join(home, 'git', 'attributes'), '*.txt conflict-marker-size=3\n')
        const before = process.env.XDG_CONFIG_HOME
        process.env.XDG_CONFIG_HOME = home
        afterThis(() => (before === undefined ? delete process.env.XDG_CONFIG_HOME : (process.env.XDG_CONFIG_HOME = before)))
        expect(repo.git(['check-attr', 'conflict-marker-size', '--', 'sub/a.txt'])).toBe('sub/a.txt: conflict-marker-size: 3')
      }
    ]
  ])('a size named in %s: 3-character markers are found too', async (_where, nameSize) => {
    const repo = tempRepo()
    repo.commit('base', { 'sub/a.txt': 'x\n<<< HEAD\nours\n===\ntheirs\n>>> other\n', 'sub/b.md': 'T\n=======\n' })
    nameSize(repo)
    const r = await treeCalls(repo, repo.sha('HEAD'))
    expect(r.markers).toEqual(['sub/a.txt:2', 'sub/a.txt:4', 'sub/a.txt:6'])
    expect(r.calls.filter((c) => c.includes('check-attr'))).toHaveLength(1)
  })
})

describe('the changed scope reads no file the diff already shows whole', () => {
  const changedCalls = async (repo: TempRepo, base: string, head: string) => {
    const calls: string[] = []
    const git = createGit(repo.dir, { onRun: (args) => calls.push(args.join(' ')) })
    const report = await checkRange(git, { base, head, description: 'test', headBranch: null }, changed)
    return { calls, error: report.error, markers: report.findings.map((f) => `${f.path}:${f.line}`).sort() }
  }

  it('finds the markers of new and changed files beside thousands of new heading underlines', async () => {
    const repo = tempRepo()
    const base = repo.commit('base', { 'src/old.ts': '<<<<<<< HEAD\nconst a = 1\n', 'src/keep.ts': 'x\n' })
    // invented: a docs PR (new Markdown files with setext headings) that also carries what conflicts leave behind.
    const files: Record<string, string> = {}
    for (let i = 0; i < 2000; i++) files[`guide/s${i}.md`] = `Section ${i}\n=======\n\n> quoted\n\nProse ${i}.\n`
    files['guide/lone.md'] = 'intro\n\n=======\ntheirs\n'
    files['guide/first.md'] = '=======\nstarts the file\n'
    files['guide/rest.rst'] = '=======\nGuide\n=======\n\npara\n\n=======\n\nmore\n'
    files['guide/conflict.md'] = 'T\n=======\n\n<<<<<<< HEAD\nours\n=======\ntheirs\n>>>>>>> b\n'
    // An underline added under an added title still counts in a file that had a < marker before the range.
    files['src/old.ts'] = '<<<<<<< HEAD\nconst a = 1\nTitle\n=======\n'
    const head = repo.commit('docs', files)
    const r = await changedCalls(repo, base, head)
    expect(r.error).toBeNull()
    expect(r.markers).toEqual([
      'guide/conflict.md:2',
      'guide/conflict.md:4',
      'guide/conflict.md:6',
      'guide/conflict.md:8',
      'guide/first.md:1',
      'guide/lone.md:3',
      'src/old.ts:4'
    ])
  })

  it('a PR of new heading files reads no blob and no attribute', async () => {
    const repo = tempRepo()
    const base = repo.commit('base', { 'a.txt': 'a\n' })
    const files: Record<string, string> = {}
    for (let i = 0; i < 50; i++) files[`guide/s${i}.md`] = `Section ${i}\n=======\n\nProse ${i}.\n`
    const head = repo.commit('docs', files)
    const r = await changedCalls(repo, base, head)
    expect(r).toMatchObject({ error: null, markers: [] })
    expect(r.calls.filter((c) => c.startsWith('cat-file --batch --buffer') || c.includes('check-attr'))).toEqual([])
  })

  it('a range that adds no marker-shaped line reads no attribute file', async () => {
    const repo = tempRepo()
    const base = repo.commit('base', { '.gitattributes': '*.md conflict-marker-size=3\n', 'a.ts': 'a\n' })
    const head = repo.commit('code', { 'a.ts': 'a\nb\n', 'b.ts': 'export const b = 1\n' })
    const r = await changedCalls(repo, base, head)
    expect(r).toMatchObject({ error: null, markers: [] })
    expect(r.calls.filter((c) => /gitattributes|check-attr|attributesFile|GIT_ATTR/.test(c))).toEqual([])
  })

  it('a changed file whose only marker sits beside many added underlines, and symlinks skipped', async () => {
    const repo = tempRepo()
    const base = repo.commit('base', { 'docs/book.md': 'Book\n====\n' })
    const chapters = Array.from({ length: 500 }, (_, i) => `Chapter ${i}\n=======\n\ntext\n`).join('\n')
    symlinkSync('=======', join(repo.dir, 'link'))
    const head = repo.commit('chapters', { 'docs/book.md': `Book\n====\n\n${chapters}\n=======\nleft over\n` })
    const lines = repo.git(['show', `${head}:docs/book.md`]).split('\n')
    const r = await changedCalls(repo, base, head)
    expect(r).toMatchObject({ error: null, markers: [`docs/book.md:${lines.lastIndexOf('=======') + 1}`] })
  })
})
