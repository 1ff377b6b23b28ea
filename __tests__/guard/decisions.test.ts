/** Pure decisions of guard: policy, source patterns, diff parsing, pre-push input, globs, verdict. */
import {
  allowedTips,
  branchOfRef,
  parseMergePolicy,
  parseSourceList,
  sourcePatterns
} from '../../src/core/merge-policy.js'
import { addedLines, unquoteGitPath } from './diff-text.js'
import { isMarkerCandidate } from '../../src/core/markers.js'
import { parsePrePushInput } from '../../src/core/pre-push.js'
import { excludeMatcher, parseGlobList } from '../../src/core/path-globs.js'
import { decideVerdict, formatFinding, type Finding } from '../../src/core/guard-verdict.js'
import { defaultGrepThreads } from '../../src/guard/options.js'

describe('parseMergePolicy', () => {
  it('reads the documented format', () => {
    expect(parseMergePolicy('{"feature": "feature/<task-id>", "base": "main", "allowed": ["develop", "release/*"]}', 'p')).toEqual({
      feature: 'feature/<task-id>',
      base: 'main',
      allowed: ['develop', 'release/*']
    })
  })

  it.each([
    ['{"allowed": ["develop",', /is not valid JSON/],
    ['[]', /must hold a JSON object/],
    ['{"allow": ["develop"]}', /unknown key\(s\) 'allow'/],
    ['{"allowed": "develop"}', /'allowed' must be an array/],
    ['{"allowed": [""]}', /'allowed' must be an array/],
    ['{"base": 3}', /'base' must be a non-empty branch name/]
  ])('%s -> error', (text, message) => {
    expect(() => parseMergePolicy(text, '.github/purple-policy.json@abc')).toThrow(message)
  })
})

describe('sourcePatterns', () => {
  const policy = parseMergePolicy('{"feature": "feature/<task-id>", "base": "main", "allowed": ["release/*"]}', 'p')
  it('narrows the feature placeholder to the branch under test', () => {
    expect(sourcePatterns(policy, ['develop'], 'feature/t1')).toEqual(['feature/t1', 'main', 'release/*', 'develop'])
  })
  it('keeps the placeholder as a glob when the branch is unknown or does not fit', () => {
    expect(sourcePatterns(policy, [], null)).toEqual(['feature/*', 'main', 'release/*'])
    expect(sourcePatterns(policy, [], 'bugfix/x')).toEqual(['feature/*', 'main', 'release/*'])
  })
  it('parses the inline list', () => {
    expect(parseSourceList('develop, release/*\n# comment\n\nhotfix/*')).toEqual(['develop', 'release/*', 'hotfix/*'])
  })
})

describe('branchOfRef and allowedTips', () => {
  it.each([
    ['refs/heads/release/x', 'release/x'],
    ['refs/remotes/origin/release/x', 'release/x'],
    ['refs/remotes/up/stream/main', 'main'],
    ['refs/remotes/origin/HEAD', null],
    ['refs/remotes/pull/12/merge', null],
    ['refs/tags/v1', null]
  ])('%s -> %s', (ref, branch) => {
    expect(branchOfRef(ref, ['origin', 'up/stream'])).toBe(branch)
  })

  it('drops refs that contain head and reports patterns that match nothing', () => {
    const refs = [
      { ref: 'refs/heads/feature/t1', sha: 'a' },
      { ref: 'refs/remotes/origin/release/x', sha: 'b' },
      { ref: 'refs/remotes/origin/release/y', sha: 'c' },
      { ref: 'refs/remotes/origin/develop', sha: 'd' }
    ]
    const contains = new Set(['refs/heads/feature/t1', 'refs/remotes/origin/release/y'])
    expect(allowedTips(refs, ['feature/t1', 'release/*', 'main'], contains, ['origin'])).toEqual({
      tips: [{ ref: 'refs/remotes/origin/release/x', sha: 'b' }],
      unmatched: ['main']
    })
  })
})

describe('addedLines of a -U0 diff (real git output)', () => {
  const diff = [
    'diff --git a/a.txt b/a.txt',
    'index 0f1a2b3..4c5d6e7 100644',
    '--- a/a.txt',
    '+++ b/a.txt',
    '@@ -2 +2,3 @@ context',
    '-old',
    '+++ not a header',
    '+<<<<<<< HEAD',
    '+=======\r',
    '@@ -9,0 +12 @@',
    '+>>>>>>> theirs',
    '\\ No newline at end of file',
    'diff --git "a/dir/\\303\\251 x\\ty.txt" "b/dir/\\303\\251 x\\ty.txt"',
    'new file mode 100644',
    'index 0000000..1111111',
    '--- /dev/null',
    '+++ "b/dir/\\303\\251 x\\ty.txt"',
    '@@ -0,0 +1 @@',
    '+|||||||',
    'diff --git a/sp ace.txt b/sp ace.txt',
    '--- a/sp ace.txt\t',
    '+++ b/sp ace.txt\t',
    '@@ -1 +1 @@',
    '-a',
    '+<<<<<<< x',
    'diff --git a/gone.txt b/gone.txt',
    'deleted file mode 100644',
    '--- a/gone.txt',
    '+++ /dev/null',
    '@@ -1 +0,0 @@',
    '-<<<<<<< HEAD',
    'diff --git a/img.png b/img.png',
    'Binary files a/img.png and b/img.png differ',
    ''
  ].join('\n')

  it('numbers added lines in the new file and decodes quoted paths', () => {
    expect(Object.fromEntries(addedLines(diff, isMarkerCandidate))).toEqual({
      'a.txt': [
        { line: 3, text: '<<<<<<< HEAD' },
        { line: 4, text: '=======\r' },
        { line: 12, text: '>>>>>>> theirs' }
      ],
      'dir/é x\ty.txt': [{ line: 1, text: '|||||||' }],
      'sp ace.txt': [{ line: 1, text: '<<<<<<< x' }]
    })
  })

  it.each([
    ['plain', 'plain'],
    ['"a\\"b\\\\c"', 'a"b\\c'],
    ['"\\303\\251"', 'é']
  ])('unquoteGitPath(%s)', (quoted, path) => {
    expect(unquoteGitPath(quoted)).toBe(path)
  })
})

describe('parsePrePushInput', () => {
  const a = 'a'.repeat(40)
  const b = 'b'.repeat(40)
  it.each([
    [`refs/heads/x ${a} refs/heads/x ${b}\n`, [{ kind: 'update', localRef: 'refs/heads/x', localOid: a, remoteRef: 'refs/heads/x', remoteOid: b }]],
    [`refs/heads/x ${a} refs/heads/x ${'0'.repeat(40)}\n`, [{ kind: 'create', localRef: 'refs/heads/x', localOid: a, remoteRef: 'refs/heads/x' }]],
    [`refs/heads/x ${'c'.repeat(64)} refs/heads/x ${'0'.repeat(64)}\n`, [{ kind: 'create', localRef: 'refs/heads/x', localOid: 'c'.repeat(64), remoteRef: 'refs/heads/x' }]],
    [`(delete) ${'0'.repeat(40)} refs/heads/old ${b}\r\n`, [{ kind: 'delete', remoteRef: 'refs/heads/old' }]],
    ['', []]
  ])('%j', (text, updates) => {
    expect(parsePrePushInput(text)).toEqual(updates)
  })

  it.each(['refs/heads/x abc refs/heads/x def', `refs/heads/x ${a} refs/heads/x`])('rejects %j', (line) => {
    expect(() => parsePrePushInput(line)).toThrow(/unexpected pre-push input line/)
  })
})

describe('exclude globs', () => {
  it.each([
    ['*.snap', 'a/b/c.snap', true],
    ['*.snap', 'c.snap', true],
    ['vendor/', 'vendor/x/y.js', true],
    ['vendor/**', 'src/vendor/x.js', false],
    ['docs/*.md', 'docs/a.md', true],
    ['docs/*.md', 'docs/sub/a.md', false],
    ['.github/**', '.github/workflows/ci.yml', true]
  ])('%s vs %s -> %s', (glob, path, excluded) => {
    expect(excludeMatcher(parseGlobList(`# list\n${glob}\n`))(path)).toBe(excluded)
  })
})

describe('decideVerdict', () => {
  const marker: Finding = { kind: 'conflict-marker', path: 'a.txt', line: 3, commit: 'c', parent: null, message: 'm' }
  it.each([
    [[marker], null, true, { result: 'blocked', blocks: true }],
    [[marker], 'policy broken', true, { result: 'blocked', blocks: true }],
    [[], 'git missing', true, { result: 'error', blocks: false }],
    [[], 'git missing', false, { result: 'error', blocks: true }],
    [[], null, true, { result: 'pass', blocks: false }]
  ] as const)('%j error=%s failSafe=%s', (findings, error, failSafe, verdict) => {
    expect(decideVerdict(findings, error, failSafe)).toEqual(verdict)
  })
  it('formats a marker as path:line: message', () => {
    expect(formatFinding(marker)).toBe('a.txt:3: m')
  })
})

describe('defaultGrepThreads', () => {
  it.each([
    [1, 1],
    [2, 1],
    [4, null],
    [16, null]
  ])('%i cores -> %s', (cores, threads) => {
    expect(defaultGrepThreads(cores)).toBe(threads)
  })
})

describe('defaultGrepThreads from the cores and the average object size', () => {
  // bench/guard.mjs and docs/decisions.md, "git grep's threads follow the size of the objects": on 2 cores one thread
  // was faster at 112 and 212 bytes per packed object, two threads at 397 and about 900.
  it.each([
    [1, 900, 1],
    [2, 112, 1],
    [2, 212, 1],
    [2, 397, null],
    [4, 112, 1],
    [4, 900, null],
    [16, 900, null]
  ])('%i cores, %i bytes per object -> %s', (cores, bytes, threads) => {
    expect(defaultGrepThreads(cores, bytes)).toBe(threads)
  })
})

