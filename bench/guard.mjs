// Benchmark of the guard action against git's own floor. Repositories are
// built in seconds with `git fast-import` (cached under .bench/). Every figure
// is printed beside its floor, measured in the same run and interleaved with
// it (floor, guard, floor, guard, ...), as the median of the per-trial ratios:
// on a shared machine the absolute times move, the ratios much less.
//
//   tree     guard `scope: tree` on N files      vs `git grep` (git's default threads, and --threads 1)
//   changed  guard `scope: changed` on a K-file PR vs `git diff --check` over the same range
//   docs     a PR adding K `=======` heading lines (Markdown setext), in new pages and in existing ones, vs `git diff --check`
//   merges   the merge-source check at M merges, 21 refs: whole process vs `node -e ''` in the
//            same clean environment, and git's own two-call floor (rev-list --merges, rev-list --stdin)
//   cold     dist/guard and `purple guard` doing nothing vs `node -e ''`
//
// Usage: npm run bench:guard -- [--tree 10000,40000,80000,160000] [--changed 500,5000,20000]
//          [--docs 5000] [--merges 150,1000,5000] [--trials 5] [--only tree,changed,docs,merges,cold] [--rebuild]
//          [--markdown] [--against <dist folder>]
// --against runs another build's guard (e.g. main's dist/) interleaved with this one in the changed, docs,
// merges and cold figures and prints its figure beside: on a shared machine that is the fair before/after.
// --markdown prints only the README's table (progress goes to stderr). guard runs from dist/ (npm run build
// first). Not part of npm test.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'

const root = resolve(import.meta.dirname, '..')
const argv = process.argv.slice(2)
const flag = (name, fallback) => {
  const i = argv.indexOf(`--${name}`)
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback
}
const sizes = (name, fallback) => flag(name, fallback).split(',').filter(Boolean).map(Number)
const TREE_SIZES = sizes('tree', '10000,40000,80000,160000')
const CHANGED_SIZES = sizes('changed', '500,5000,20000')
const DOCS_SIZES = sizes('docs', '5000')
const MERGE_SIZES = sizes('merges', '150,1000,5000')
const TRIALS = Number(flag('trials', '5'))
const ONLY = new Set(flag('only', 'tree,changed,docs,merges,cold').split(','))
const REBUILD = argv.includes('--rebuild')
const MARKDOWN = argv.includes('--markdown')
const AGAINST = flag('against', null)
const GUARD_BUNDLE = join(root, 'dist', 'guard', 'index.js')
const AGAINST_BUNDLE = AGAINST === null ? null : resolve(AGAINST, 'guard', 'index.js')
// With --markdown, stdout carries the table alone.
const log = MARKDOWN ? (...a) => console.error(...a) : (...a) => console.log(...a)
const ALLOWED_REFS = 20
// The base tree of the changed-scope repository: its code half holds the largest PR.
const CHANGED_BASE_FILES = Math.max(40_000, 2 * Math.max(...CHANGED_SIZES))

// A clean environment: no user or system git configuration, nothing from the caller but PATH.
const cleanEnv = {
  PATH: process.env.PATH,
  HOME: tmpdir(),
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Bench',
  GIT_AUTHOR_EMAIL: 'bench@purple.invalid',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'bench@purple.invalid'
}
const gitIn = (dir) => (args, input) => execFileSync('git', args, { cwd: dir, env: cleanEnv, input, encoding: 'utf8', maxBuffer: 1 << 30 }).trim()

/** A fast-import stream writer. */
function importer() {
  const parts = []
  let time = 1_700_000_000
  const out = (s) => parts.push(s)
  const data = (text) => out(`data ${Buffer.byteLength(text)}\n${text}\n`)
  return {
    commit(ref, mark, message, from, merge, files) {
      out(`commit ${ref}\nmark :${mark}\ncommitter Bench <bench@purple.invalid> ${time++} +0000\n`)
      data(message)
      if (from) out(`from ${from}\n`)
      if (merge) out(`merge ${merge}\n`)
      for (const [path, text] of files) {
        out(`M 100644 inline ${path}\n`)
        data(text)
      }
    },
    reset(ref, from) {
      out(`reset ${ref}\nfrom ${from}\n\n`)
    },
    text: () => `${parts.join('')}done\n`
  }
}

// Half the files are Markdown with a setext heading ("Title\n=======") and a quote: marker-shaped lines that are not findings.
const docText = (i) => `Title ${i}\n=======\n\n> quoted ${i}\n\ntext ${i}\n`
const codeText = (i) => `export const v${i} = ${i}\n// line two of ${i}\nexport function f${i}() { return v${i} * 2 }\n`
const treeFiles = (n) => {
  const files = []
  for (let i = 0; i < n; i++) {
    const d = `pkg${String(i % 400).padStart(3, '0')}`
    files.push(i % 2 === 0 ? [`${d}/doc${i}.md`, docText(i)] : [`${d}/mod${i}.ts`, codeText(i)])
  }
  return files
}

/** Builds (or reuses) a repository under .bench/<name>; `stream` returns the fast-import text. */
function repository(name, stream) {
  const dir = join(root, '.bench', name)
  if (!REBUILD && existsSync(join(dir, '.bench-built'))) return dir
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const git = gitIn(dir)
  git(['init', '--quiet', '--initial-branch=main'])
  const t0 = performance.now()
  git(['fast-import', '--quiet', '--done'], stream())
  writeFileSync(join(dir, '.bench-built'), `${name}\n`)
  log(`  built ${name} in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  return dir
}

const treeRepo = (n) =>
  repository(`tree-${n}`, () => {
    const s = importer()
    s.commit('refs/heads/main', 1, 'tree\n', null, null, treeFiles(n))
    return s.text()
  })

// One base tree; pr-<k> changes the first k code files (a line appended), docs-<k> adds k Markdown files with a heading each.
const changedRepo = () =>
  repository(`changed-${CHANGED_BASE_FILES}-${CHANGED_SIZES.join('_')}-${DOCS_SIZES.join('_')}-edit`, () => {
    const s = importer()
    s.commit('refs/heads/main', 1, 'base\n', null, null, treeFiles(CHANGED_BASE_FILES))
    let mark = 1
    for (const k of CHANGED_SIZES) {
      const files = []
      for (let i = 1; files.length < k; i += 2) {
        const d = `pkg${String(i % 400).padStart(3, '0')}`
        files.push([`${d}/mod${i}.ts`, `${codeText(i)}export const extra${i} = ${i + 1}\n`])
      }
      s.commit(`refs/heads/pr-${k}`, ++mark, `pr ${k}\n`, ':1', null, files)
    }
    for (const k of DOCS_SIZES) {
      const files = []
      for (let i = 0; i < k; i++) files.push([`guide/section${i}.md`, `Section ${i}\n=======\n\nProse of section ${i}.\n`])
      s.commit(`refs/heads/docs-${k}`, ++mark, `docs ${k}\n`, ':1', null, files)
      // The same number of headings added to pages that exist: their other lines are read for a partner marker.
      const edits = []
      for (let i = 0; edits.length < k; i += 2) {
        const d = `pkg${String(i % 400).padStart(3, '0')}`
        edits.push([`${d}/doc${i}.md`, `${docText(i)}\nSection two\n=======\n\nMore prose.\n`])
      }
      s.commit(`refs/heads/docs-edit-${k}`, ++mark, `docs edit ${k}\n`, ':1', null, edits)
    }
    return s.text()
  })

// A 1,000-file tree; feature/work holds M merges from 20 release/* branches (every 50th from develop: disallowed).
// One repository per M, so that no other branch contains the head under test (as in a pull request's clone).
const mergeRepo = (merges) =>
  repository(`merges-${merges}`, () => {
    const s = importer()
    s.commit('refs/heads/main', 1, 'base\n', null, null, [
      ['.github/purple-policy.json', JSON.stringify({ feature: 'feature/<task>', base: 'main', allowed: ['release/*'] })],
      ...treeFiles(1000)
    ])
    const tips = new Map([['develop', ':1']])
    for (let r = 1; r <= ALLOWED_REFS; r++) tips.set(`release/r${String(r).padStart(2, '0')}`, ':1')
    let mark = 1
    let feature = ':1'
    for (let m = 1; m <= merges; m++) {
      const source = m % 50 === 0 ? 'develop' : `release/r${String((m % ALLOWED_REFS) + 1).padStart(2, '0')}`
      const file = [`changes/${source.replace('/', '-')}/c${m}.txt`, `change ${m} from ${source}\n`]
      s.commit(`refs/heads/${source}`, ++mark, `${source} change ${m}\n`, tips.get(source), null, [file])
      tips.set(source, `:${mark}`)
      s.commit('refs/heads/feature/work', ++mark, `Merge ${source} (${m})\n`, feature, `:${mark - 1}`, [file])
      feature = `:${mark}`
    }
    return s.text()
  })

const median = (values) => {
  const s = [...values].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

/** Times `fns` interleaved for TRIALS rounds (one warm-up round first); returns each one's per-trial ms. */
function interleaved(fns) {
  const samples = fns.map(() => [])
  for (let t = -1; t < TRIALS; t++) {
    fns.forEach((fn, i) => {
      const t0 = performance.now()
      fn()
      if (t >= 0) samples[i].push(performance.now() - t0)
    })
  }
  return samples
}
const ratioOf = (a, b) => median(a.map((x, i) => x / b[i]))
const ms = (s) => `${median(s).toFixed(0)} ms`
const x = (r) => `${r.toFixed(2)}x`

function spawnChecked(cmd, args, options) {
  const r = spawnSync(cmd, args, { maxBuffer: 1 << 30, ...options })
  if (r.error) throw r.error
  return r
}

/** Runs dist/guard once as the runner would (clean environment); returns its outputs. */
function runGuard(dir, scope, base, head, bundle = GUARD_BUNDLE) {
  const temp = mkdtempSync(join(tmpdir(), 'purple-bench-'))
  const output = join(temp, 'output')
  writeFileSync(output, '')
  const r = spawnChecked(process.execPath, [bundle], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...cleanEnv,
      GITHUB_ACTIONS: 'true',
      GITHUB_OUTPUT: output,
      GITHUB_WORKSPACE: dir,
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      INPUT_BASE: base,
      INPUT_HEAD: head,
      INPUT_SCOPE: scope,
      'INPUT_FAIL-SAFE': 'true'
    }
  })
  const outputs = readFileSync(output, 'utf8')
  rmSync(temp, { recursive: true, force: true })
  const field = (name) => new RegExp(`${name}<<.*\\n(.*)\\n`).exec(outputs)?.[1] ?? '?'
  const result = field('result')
  if (result === '?' || result === 'error') throw new Error(`guard did not run cleanly:\n${r.stdout}\n${r.stderr}`)
  return { result, markers: field('marker-count'), merges: field('disallowed-merge-count') }
}

/** The --against build's figure for the same trials, or ''. */
const against = (samples, floorSamples) => (samples ? ` (--against build: ${ms(samples)} -> ${x(ratioOf(samples, floorSamples))})` : '')

const rows = []
const report = (figure, floorName, guardSamples, floorSamples, extra = '', beyond = undefined) => {
  const r = ratioOf(guardSamples, floorSamples)
  rows.push({ figure, floorName, guard: median(guardSamples), floor: median(floorSamples), ratio: r, beyond })
  const more = beyond === undefined ? '' : ` (+${beyond.toFixed(0)} ms over node -e '' and the floor together)`
  log(`${figure}: ${ms(guardSamples)} vs ${floorName} ${ms(floorSamples)} -> ${x(r)}${more}${extra}`)
}

const ere = '^(<+|=+|>+|\\|+)([[:space:]]|$)'
log(`node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${execFileSync('git', ['--version'], { encoding: 'utf8' }).trim()}; ${TRIALS} interleaved trials, medians`)

if (ONLY.has('tree')) {
  for (const n of TREE_SIZES) {
    const dir = treeRepo(n)
    const head = gitIn(dir)(['rev-parse', 'main'])
    const grep = (threads) => () => spawnChecked('git', ['grep', '--no-color', ...threads, '-I', '-n', '-z', '-E', '-e', ere, head, '--'], { cwd: dir, env: cleanEnv })
    let last
    const [g, one, guard] = interleaved([grep([]), grep(['--threads', '1']), () => (last = runGuard(dir, 'tree', head, head))])
    log(`tree ${n} files: git grep default ${ms(g)}, --threads 1 ${ms(one)} (${x(ratioOf(one, g))} of default); result=${last.result}`)
    report(`guard scope=tree, ${n} files`, 'git grep (default threads)', guard, g)
    report(`guard scope=tree, ${n} files`, 'git grep --threads 1', guard, one)
  }
}

if (ONLY.has('changed') || ONLY.has('docs')) {
  const dir = changedRepo()
  const git = gitIn(dir)
  const base = git(['rev-parse', 'main'])
  const scenarios = [
    ...(ONLY.has('changed') ? CHANGED_SIZES.map((k) => [`guard scope=changed, ${k}-file PR`, `pr-${k}`]) : []),
    ...(ONLY.has('docs')
      ? DOCS_SIZES.flatMap((k) => [
          [`guard scope=changed, docs PR adding ${k} '=======' headings`, `docs-${k}`],
          [`guard scope=changed, docs PR adding a '=======' heading to ${k} existing pages`, `docs-edit-${k}`]
        ])
      : [])
  ]
  for (const [figure, branch] of scenarios) {
    const head = git(['rev-parse', branch])
    let last
    const [check, bare, guard, other] = interleaved([
      () => spawnChecked('git', ['diff', '--check', base, head], { cwd: dir, env: cleanEnv }),
      () => spawnChecked(process.execPath, ['-e', ''], { cwd: dir, env: cleanEnv }),
      () => (last = runGuard(dir, 'changed', base, head)),
      ...(AGAINST_BUNDLE ? [() => runGuard(dir, 'changed', base, head, AGAINST_BUNDLE)] : [])
    ])
    // What guard adds to Node's start-up and git's own diff: the part a ratio to `git diff --check` alone hides.
    const beyond = median(guard.map((g, i) => g - bare[i] - check[i]))
    report(figure, 'git diff --check', guard, check, `; result=${last.result}, markers=${last.markers}${against(other, check)}`, beyond)
  }
}

if (ONLY.has('merges')) {
  for (const m of MERGE_SIZES) {
    const dir = mergeRepo(m)
    const git = gitIn(dir)
    const base = git(['rev-parse', 'main'])
    const tips = git(['for-each-ref', '--format=%(objectname)', 'refs/heads/release', 'refs/heads/main']).split('\n')
    const head = git(['rev-parse', 'feature/work'])
    // git's own floor: the merges of the range, then which of their parents no allowed tip reaches.
    const floor = () => {
      const merges = spawnChecked('git', ['rev-list', '--merges', '--parents', head, `^${base}`], { cwd: dir, env: cleanEnv, encoding: 'utf8' })
      const parents = merges.stdout.split('\n').filter(Boolean).flatMap((l) => l.split(' ').slice(2))
      spawnChecked('git', ['rev-list', '--stdin'], { cwd: dir, env: cleanEnv, input: [...parents, ...tips.map((t) => `^${t}`)].join('\n') + '\n' })
    }
    let last
    const [bare, gitFloor, guard, other] = interleaved([
      () => spawnChecked(process.execPath, ['-e', ''], { cwd: dir, env: cleanEnv }),
      floor,
      () => (last = runGuard(dir, 'changed', base, head)),
      ...(AGAINST_BUNDLE ? [() => runGuard(dir, 'changed', base, head, AGAINST_BUNDLE)] : [])
    ])
    const over = guard.map((g, i) => g - bare[i])
    rows.push({ merges: m, figure: `merge-source check, ${m} merges, ${ALLOWED_REFS + 1} refs`, floorName: "node -e '' + git's two calls", guard: median(guard), floor: median(bare) + median(gitFloor), ratio: ratioOf(guard, bare.map((b, i) => b + gitFloor[i])), over: median(over), gitFloor: median(gitFloor) })
    log(
      `merge-source check, ${m} merges: guard (whole process, scope=changed) ${ms(guard)}; node -e '' ${ms(bare)} -> +${median(over).toFixed(0)} ms; git's two-call floor ${ms(gitFloor)}; result=${last.result}, disallowed parents=${last.merges}${other ? ` (--against build: ${ms(other)} -> +${median(other.map((g, i) => g - bare[i])).toFixed(0)} ms)` : ''}`
    )
  }
}

if (ONLY.has('cold')) {
  // Doing nothing: an invalid input ends guard right after it reads its settings.
  const cold = (bundle) => () => spawnChecked(process.execPath, [bundle], { env: { ...cleanEnv, INPUT_SCOPE: 'none' } })
  const [bare, coldGuard, coldCli, other] = interleaved([
    () => spawnChecked(process.execPath, ['-e', ''], { env: cleanEnv }),
    cold(GUARD_BUNDLE),
    () => spawnChecked(process.execPath, [join(root, 'dist', 'cli', 'index.js'), 'guard', '--scope', 'none'], { env: cleanEnv }),
    ...(AGAINST_BUNDLE ? [cold(AGAINST_BUNDLE)] : [])
  ])
  report('cold start, dist/guard doing nothing', "node -e ''", coldGuard, bare, against(other, bare))
  report('cold start, purple guard doing nothing', "node -e ''", coldCli, bare)
}

const machine = `node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${execFileSync('git', ['--version'], { encoding: 'utf8' }).trim()}, ${TRIALS} interleaved trials, medians`
if (!MARKDOWN) console.log('')
console.log(`Measured by \`npm run bench:guard\` (${machine}); each ratio from one run.\n`)
console.log('| figure | floor | guard | floor time | ratio |\n|---|---|---|---|---|')
for (const r of rows) {
  const ratio =
    r.over !== undefined
      ? `${x(r.ratio)} (+${r.over.toFixed(0)} ms over node -e ''; git floor ${r.gitFloor.toFixed(0)} ms)`
      : r.beyond !== undefined
        ? `${x(r.ratio)} (+${r.beyond.toFixed(0)} ms over node -e '' and the floor together)`
        : x(r.ratio)
  console.log(`| ${r.figure} | ${r.floorName} | ${r.guard.toFixed(0)} ms | ${r.floor.toFixed(0)} ms | ${ratio} |`)
}
// The merge-source check's growth beside git's: Purple's fixed cost should not grow with history.
const merges = rows.filter((r) => r.gitFloor !== undefined)
if (merges.length > 1) {
  const [first, last] = [merges[0], merges[merges.length - 1]]
  const grew = last.over - first.over
  const gitGrew = last.gitFloor - first.gitFloor
  console.log(`\nMerge-source check from ${first.merges} to ${last.merges} merges: guard +${grew.toFixed(0)} ms, git's two-call floor +${gitGrew.toFixed(0)} ms (${gitGrew > 0 ? x(grew / gitGrew) : 'n/a'}).`)
}
