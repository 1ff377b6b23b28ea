// Benchmark of the guard action: a repository with an 80,000-file tree,
// 2,000 merge commits in the checked range and 20 allowed release/* refs,
// built in seconds with `git fast-import`. Prints each figure beside its floor
// as a ratio from one run: guard's tree scan against `git grep` (git's default
// threads and one thread), the changed scan against `git diff --check`, cold
// start against `node -e ''`, and the per-parent-per-ref approach guard avoids,
// measured on a sample and extrapolated.
//
// Usage: npm run bench:guard [-- --rebuild]   (not part of npm test)
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'

const FILES = 80_000
const MERGES = 2_000
const ALLOWED_REFS = 20
const DISALLOWED_EVERY = 200 // every 200th merge takes a develop commit: 10 disallowed parents
const RUNS = 3

const root = resolve(import.meta.dirname, '..')
const dir = join(root, '.bench', 'guard-repo')
const env = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Bench',
  GIT_AUTHOR_EMAIL: 'bench@purple.invalid',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'bench@purple.invalid'
}
const git = (args, input) =>
  execFileSync('git', args, { cwd: dir, env, input, encoding: 'utf8', maxBuffer: 1 << 30 }).trim()

function fastImportStream() {
  const parts = []
  const out = (s) => parts.push(s)
  const data = (text) => out(`data ${Buffer.byteLength(text)}\n${text}\n`)
  let time = 1_700_000_000
  const commit = (ref, mark, message, from, merge, files) => {
    out(`commit ${ref}\nmark :${mark}\ncommitter Bench <bench@purple.invalid> ${time++} +0000\n`)
    data(message)
    if (from) out(`from ${from}\n`)
    if (merge) out(`merge ${merge}\n`)
    for (const [path, text] of files) {
      out(`M 100644 inline ${path}\n`)
      data(text)
    }
  }
  // The base tree: 80,000 files, some Markdown with setext headings and quotes (marker-shaped lines that are not findings).
  const files = [['.github/purple-policy.json', JSON.stringify({ feature: 'feature/<task>', base: 'main', allowed: ['release/*'] })]]
  for (let i = 0; i < FILES; i++) {
    const d = `pkg${String(i % 400).padStart(3, '0')}`
    if (i % 50 === 0) files.push([`${d}/doc${i}.md`, `Title ${i}\n=======\n\n> quoted ${i}\n\ntext\n`])
    else files.push([`${d}/mod${i}.ts`, `export const v${i} = ${i}\n// line two of ${i}\nexport function f${i}() { return v${i} * 2 }\n`])
  }
  let mark = 1
  commit('refs/heads/main', mark, 'base tree\n', null, null, files)
  const base = mark
  // 20 release branches and develop, forked from main.
  const tips = new Map()
  for (let r = 1; r <= ALLOWED_REFS; r++) tips.set(`release/r${String(r).padStart(2, '0')}`, `:${base}`)
  tips.set('develop', `:${base}`)
  let feature = `:${base}`
  for (let m = 0; m < MERGES; m++) {
    const source = m % DISALLOWED_EVERY === DISALLOWED_EVERY - 1 ? 'develop' : `release/r${String((m % ALLOWED_REFS) + 1).padStart(2, '0')}`
    const file = [`changes/${source.replace('/', '-')}/c${m}.txt`, `change ${m} from ${source}\n`]
    commit(`refs/heads/${source}`, ++mark, `${source} change ${m}\n`, tips.get(source), null, [file])
    tips.set(source, `:${mark}`)
    commit('refs/heads/feature/t1', ++mark, `Merge ${source} (${m})\n`, feature, `:${mark - 1}`, [file])
    feature = `:${mark}`
  }
  out('done\n')
  return parts.join('')
}

function build() {
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  git(['init', '--quiet', '--initial-branch=main'])
  const t0 = performance.now()
  git(['fast-import', '--quiet', '--done'], fastImportStream())
  git(['checkout', '--quiet', '--force', 'feature/t1'])
  writeFileSync(join(dir, '.bench-built'), `${MERGES} ${FILES}\n`)
  return performance.now() - t0
}

function median(values) {
  const s = [...values].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

function time(fn) {
  const samples = []
  let last
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now()
    last = fn()
    samples.push(performance.now() - t0)
  }
  return { ms: median(samples), last }
}

function runGuard(scope, base, head) {
  const temp = mkdtempSync(join(tmpdir(), 'purple-bench-'))
  const trace = join(temp, 'trace')
  const output = join(temp, 'output')
  writeFileSync(output, '')
  const r = spawnSync(process.execPath, [join(root, 'dist', 'guard', 'index.js')], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: {
      ...env,
      GITHUB_ACTIONS: 'true',
      GITHUB_OUTPUT: output,
      GITHUB_WORKSPACE: dir,
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      INPUT_BASE: base,
      INPUT_HEAD: head,
      INPUT_SCOPE: scope,
      'INPUT_FAIL-SAFE': 'true',
      GIT_TRACE: trace
    }
  })
  const outputs = readFileSync(output, 'utf8')
  const gitProcesses = readFileSync(trace, 'utf8').split('\n').filter((l) => l.includes('trace: built-in: git')).length
  rmSync(temp, { recursive: true, force: true })
  const result = /result<<.*\n(.*)\n/.exec(outputs)?.[1] ?? '?'
  const merges = /disallowed-merge-count<<.*\n(.*)\n/.exec(outputs)?.[1] ?? '?'
  if (result === '?' || result === 'error') throw new Error(`guard did not run cleanly:\n${r.stdout}\n${r.stderr}`)
  return { result, merges, gitProcesses }
}

const rebuild = process.argv.includes('--rebuild') || !existsSync(join(dir, '.bench-built'))
if (rebuild) console.log(`built the repository with git fast-import in ${(build() / 1000).toFixed(1)} s (${dir})`)
else console.log(`reusing ${dir} (pass --rebuild to recreate it)`)

const base = git(['rev-parse', 'main'])
const head = git(['rev-parse', 'feature/t1'])
const fileCount = Number(git(['ls-tree', '-r', '--name-only', head]).split('\n').length)
const mergeCount = Number(git(['rev-list', '--merges', '--count', head, `^${base}`]))
console.log(`tree at head: ${fileCount} files; merges in range: ${mergeCount}; allowed refs: ${ALLOWED_REFS} release/* + main`)

const ere = '^(<+|=+|>+|\\|+)([[:space:]]|$)'
const grepWith = (threads) => () =>
  spawnSync('git', ['grep', '--no-color', ...threads, '-I', '-n', '-z', '-E', '-e', ere, head, '--'], { cwd: dir, env, maxBuffer: 1 << 28 })
const grepDefault = time(grepWith([]))
const grepOne = time(grepWith(['--threads', '1']))
const grepTwo = time(grepWith(['--threads', '2']))
const from = git(['merge-base', base, head])
const diffCheck = time(() => spawnSync('git', ['diff', '--check', from, head], { cwd: dir, env, maxBuffer: 1 << 28 }))
const bare = time(() => spawnSync(process.execPath, ['-e', ''], { env: { PATH: process.env.PATH } }))
// Cold start doing nothing: an invalid input ends guard right after it reads its settings.
const coldGuard = time(() => spawnSync(process.execPath, [join(root, 'dist', 'guard', 'index.js')], { env: { PATH: process.env.PATH, INPUT_SCOPE: 'none' } }))
const coldCli = time(() => spawnSync(process.execPath, [join(root, 'dist', 'cli', 'index.js'), 'guard', '--scope', 'none'], { env: { PATH: process.env.PATH } }))
const tree = time(() => runGuard('tree', base, head))
const changed = time(() => runGuard('changed', base, head))
const ms = (t) => `${t.ms.toFixed(0)} ms`.padStart(8)
const ratio = (a, b) => `${(a.ms / b.ms).toFixed(2)}x`
console.log(`git grep, git's default threads:  ${ms(grepDefault)}   --threads 1: ${ms(grepOne)} (${ratio(grepOne, grepDefault)})   --threads 2: ${ms(grepTwo)} (${ratio(grepTwo, grepDefault)})`)
console.log(`guard scope=tree (both layers, node start-up): ${ms(tree)} -> ${ratio(tree, grepDefault)} git grep (default threads), ${ratio(tree, grepOne)} git grep --threads 1; result=${tree.last.result}, disallowed parents=${tree.last.merges}, git processes=${tree.last.gitProcesses}`)
console.log(`guard scope=changed (both layers):             ${ms(changed)} -> ${ratio(changed, diffCheck)} git diff --check (${ms(diffCheck)}); result=${changed.last.result}, git processes=${changed.last.gitProcesses}`)
console.log(`cold start doing nothing: node -e '' ${ms(bare)}; dist/guard ${ms(coldGuard)} (+${(coldGuard.ms - bare.ms).toFixed(0)} ms); purple guard ${ms(coldCli)} (+${(coldCli.ms - bare.ms).toFixed(0)} ms)`)

// The approach guard avoids: one `merge-base --is-ancestor` per parent per allowed ref.
const parents = git(['rev-list', '--merges', '--parents', head, `^${base}`])
  .split('\n')
  .map((l) => l.split(' ')[2])
const refs = git(['for-each-ref', '--format=%(objectname)', 'refs/heads/release']).split('\n')
const sample = parents.slice(0, 25)
const t0 = performance.now()
let calls = 0
for (const p of sample) {
  for (const ref of refs) {
    calls++
    if (spawnSync('git', ['merge-base', '--is-ancestor', p, ref], { cwd: dir, env }).status === 0) break
  }
}
const perCall = (performance.now() - t0) / calls
const worst = parents.length * refs.length
console.log(
  `naive per-parent-per-ref: ${calls} calls on a ${sample.length}-parent sample, ${perCall.toFixed(1)} ms/call; ` +
    `${parents.length} parents x ${refs.length} refs = ${worst} calls ~ ${((worst * perCall) / 1000).toFixed(1)} s worst case`
)
