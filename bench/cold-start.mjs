/* global performance */
// Bench of each bundle's cold start: the whole process doing nothing (an input
// error ends it right after the settings are read), beside `node -e ''` started
// in the same clean environment, interleaved (bare, bundle, bare, bundle, ...)
// so a shared machine's drift hits both. Printed: median ms, and the median of
// the per-trial differences to `node -e ''` beside the goal (guard and
// `purple guard`: within 20 ms). Each Node binary given is measured; with
// --compile-cache, also with NODE_COMPILE_CACHE pointing at an empty folder
// (what a hosted runner starts with) and at one a previous run filled.
//
// Usage: npm run bench:cold-start -- [--trials 15] [--node /path/to/node24] [--compile-cache]
//   (PURPLE_BUNDLE_NODE, as .ci/run sets it, is measured too.) Bundles from dist/: npm run build first.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const argv = process.argv.slice(2)
const flag = (name, fallback) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : fallback)
const TRIALS = Number(flag('trials', '15'))
const COMPILE_CACHE = argv.includes('--compile-cache')
const GOAL_MS = 20
const nodes = [...new Set([process.execPath, ...argv.filter((_, i) => argv[i - 1] === '--node'), process.env.PURPLE_BUNDLE_NODE].filter(Boolean))]

// No GITHUB_*/INPUT_* variables: every bundle stops at its first input check.
const cleanEnv = { PATH: process.env.PATH, HOME: tmpdir(), LANG: 'C' }
const dist = (name) => join(root, 'dist', name, 'index.js')

/** What is started; `goal` marks the figures the 20 ms goal applies to. */
const cases = [
  { name: 'dist/guard, invalid scope', args: [dist('guard')], env: { INPUT_SCOPE: 'none' }, goal: true },
  { name: 'purple guard --scope none', args: [dist('cli'), 'guard', '--scope', 'none'], goal: true },
  // What `npx purple` and an installed hook start: the npm bin, which requires the bundle.
  { name: 'bin/purple.js guard --scope none', args: [join(root, 'bin', 'purple.js'), 'guard', '--scope', 'none'], goal: true },
  { name: 'purple --help', args: [dist('cli'), '--help'], goal: true },
  { name: 'purple wait-ci (no --pr)', args: [dist('cli'), 'wait-ci'] },
  { name: 'dist/wait-ci, no repository', args: [dist('wait-ci')] },
  { name: 'dist/merge, no repository', args: [dist('merge')] },
  { name: 'dist/pipeline, no repository', args: [dist('pipeline')] },
  { name: 'dist/retry, no command', args: [dist('retry')] }
]

function timed(node, args, env) {
  const t0 = performance.now()
  const r = spawnSync(node, args, { env: { ...cleanEnv, ...env }, cwd: tmpdir(), stdio: 'ignore' })
  const ms = performance.now() - t0
  if (r.error) throw r.error
  return ms
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const version = (node) => spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim()

/** Interleaves bare node and the case for TRIALS rounds (one warm-up); `cache` is 'none', 'empty' or 'filled'. */
function measure(node, c, cache) {
  const bare = []
  const bundle = []
  const filled = mkdtempSync(join(tmpdir(), 'purple-cc-'))
  for (let t = -1; t < TRIALS; t++) {
    const empty = mkdtempSync(join(tmpdir(), 'purple-cc-'))
    const cacheEnv = cache === 'none' ? {} : { NODE_COMPILE_CACHE: cache === 'empty' ? empty : filled }
    const b = timed(node, ['-e', ''], {})
    const x = timed(node, c.args, { ...c.env, ...cacheEnv })
    rmSync(empty, { recursive: true, force: true })
    if (t >= 0) {
      bare.push(b)
      bundle.push(x)
    }
  }
  rmSync(filled, { recursive: true, force: true })
  return { bare: median(bare), bundle: median(bundle), over: median(bundle.map((x, i) => x - bare[i])) }
}

console.log(`cold start, ${TRIALS} interleaved trials each, medians; "over" is the median per-trial difference to node -e ''`)
for (const node of nodes) {
  const v = version(node)
  const hasCache = Number(v.slice(1).split('.')[0]) >= 22
  console.log(`\nnode ${v} (${node})\n`)
  console.log('| figure | entry file | compile cache | node -e \'\' | bundle | over node -e \'\' | goal |')
  console.log('|---|---|---|---|---|---|---|')
  for (const c of cases) {
    for (const cache of COMPILE_CACHE && hasCache ? ['none', 'empty', 'filled'] : ['none']) {
      const r = measure(node, c, cache)
      const goal = c.goal ? `<= ${GOAL_MS} ms: ${r.over <= GOAL_MS ? 'met' : 'NOT met'}` : 'reported'
      console.log(`| ${c.name} | ${(statSync(c.args[0]).size / 1024).toFixed(0)} KB | ${cache} | ${r.bare.toFixed(0)} ms | ${r.bundle.toFixed(0)} ms | +${r.over.toFixed(0)} ms | ${goal} |`)
    }
  }
}
