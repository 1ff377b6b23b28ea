/* global fetch, setInterval, clearInterval */
// Bench of wait-ci's cost and speed: counted API requests per waited
// minute and detection latency (mean and p90) on a head with 150 check runs,
// against the loopback simulator, beside the goals (mean latency at most half
// of interval-seconds, at most 1 counted request per waited minute in steady
// state) and beside the naive approach (re-list every check run every poll, no
// ETags, no backoff). It also lists, per endpoint, the requests of wait-ci's
// steady state: how many were conditional (If-None-Match) and how many counted.
//
// Run: npm run build && npm run bench:wait-ci [-- --trials 20] [--bundle path/to/wait-ci/index.js]
//   (--bundle: another build of wait-ci, e.g. an older schedule, in place of dist/wait-ci; not part of npm test)
//
// How: the simulator is TypeScript test code and Node 20 cannot strip types,
// so it is compiled with the project's own tsc into node_modules/.cache/ and
// imported from there. wait-ci runs as the real bundle dist/wait-ci/index.js
// in a subprocess. Time is scaled: both approaches poll every 0.1 s standing
// for the production 10 s (x100), so a waited minute is 0.6 s of real time and
// latencies are reported in production seconds.
import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
// Under node_modules/.cache: git-ignored, skipped by eslint, and node_modules resolve from there.
const benchDir = join(root, 'node_modules', '.cache', 'purple-bench-wait-ci')
const SCALE = 100 // production seconds per real second
const INTERVAL_S = 10 / SCALE
const MINUTE_MS = 60_000 / SCALE
const RUNS = 150
const QUIET_MINUTES = 6 // waited minutes before the deciding check finishes
const argv = process.argv.slice(2)
const TRIALS = argv.includes('--trials') ? Number(argv[argv.indexOf('--trials') + 1]) : 20
const BUNDLE = argv.includes('--bundle') ? resolve(argv[argv.indexOf('--bundle') + 1]) : join(root, 'dist/wait-ci/index.js')
const GOAL_LATENCY_S = (INTERVAL_S * SCALE) / 2
const GOAL_COUNTED_PER_MIN = 1

function compileSimulator() {
  mkdirSync(benchDir, { recursive: true })
  const config = {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      types: ['node'],
      rootDir: join(root, '__tests__', 'sim'),
      outDir: join(benchDir, 'sim'),
      skipLibCheck: true,
      resolveJsonModule: true,
      noEmitOnError: false
    },
    files: [join(root, '__tests__', 'sim', 'server.ts')]
  }
  writeFileSync(join(benchDir, 'tsconfig.json'), JSON.stringify(config, null, 2))
  try {
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(benchDir, 'tsconfig.json')], { stdio: 'pipe' })
  } catch (error) {
    // Type errors still emit JS (noEmitOnError false); only a missing output is fatal.
    process.stderr.write(`tsc reported problems compiling the simulator (JS was emitted anyway):\n${error.stdout}\n`)
  }
}

/** A simulator: main requires `test`; the head has 150 check runs, 149 green and `test` running. */
async function startBenchSim(sims) {
  const sim = await sims.startSimulator({
    setup: (state) => {
      state.branches.find((b) => b.name === 'main').protection = {
        required_status_checks: { strict: false, contexts: ['test'], checks: [{ context: 'test', app_id: null }] },
        required_approving_review_count: null,
        enforce_admins: false
      }
    }
  })
  for (let i = 1; i < RUNS; i++) sim.addCheckRun({ name: `check-${String(i).padStart(3, '0')}`, conclusion: 'success' })
  const test = sim.addCheckRun({ name: 'test', status: 'in_progress' })
  return { sim, test }
}

function runBundle(sim, sims) {
  const temp = mkdtempSync(join(tmpdir(), 'purple-bench-'))
  const files = { GITHUB_OUTPUT: join(temp, 'out'), GITHUB_STEP_SUMMARY: join(temp, 'sum'), GITHUB_EVENT_PATH: join(temp, 'event.json') }
  writeFileSync(files.GITHUB_OUTPUT, '')
  writeFileSync(files.GITHUB_STEP_SUMMARY, '')
  writeFileSync(files.GITHUB_EVENT_PATH, JSON.stringify({ pull_request: { number: 1 } }))
  const env = {
    PATH: process.env.PATH,
    GITHUB_ACTIONS: 'true',
    GITHUB_API_URL: sim.url,
    GITHUB_REPOSITORY: `${sims.OWNER}/${sims.REPO}`,
    GITHUB_EVENT_NAME: 'pull_request',
    RUNNER_TEMP: temp,
    ...files,
    'INPUT_GITHUB-TOKEN': sims.DEFAULT_TOKEN,
    'INPUT_INTERVAL-SECONDS': String(INTERVAL_S),
    'INPUT_TIMEOUT-SECONDS': '60',
    'INPUT_CHECK-RUN-ID': '1'
  }
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BUNDLE], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.on('error', reject)
    child.on('close', (code) => {
      const outputs = Object.fromEntries(
        readFileSync(files.GITHUB_OUTPUT, 'utf8')
          .split('\n')
          .reduce((acc, line, i, lines) => {
            const m = /^([^=<]+)<<(.+)$/.exec(line)
            if (m) acc.push([m[1], lines[i + 1]])
            return acc
          }, [])
      )
      resolvePromise({ code, stdout, outputs, endedAt: Date.now() })
    })
  })
}

/** The naive waiter: every interval, list all check runs (all pages) without ETags until `test` is done. */
async function naiveWait(sim, sims) {
  const headers = { authorization: `token ${sims.DEFAULT_TOKEN}`, accept: 'application/vnd.github+json' }
  for (;;) {
    let done = false
    for (let page = 1; page <= 2; page++) {
      const r = await fetch(`${sim.url}/repos/${sims.OWNER}/${sims.REPO}/commits/${sims.HEAD_SHA}/check-runs?per_page=100&page=${page}`, { headers })
      const body = await r.json()
      const test = body.check_runs.find((c) => c.name === 'test')
      if (test && test.status === 'completed') done = true
    }
    if (done) return Date.now()
    await new Promise((r) => setTimeout(r, INTERVAL_S * 1000))
  }
}

const sum = (xs) => xs.reduce((a, b) => a + b, 0)
const mean = (xs) => sum(xs) / xs.length

function perMinute(sim, fromMs, toMs) {
  const inWindow = sim.log.filter((e) => e.wallTime >= fromMs && e.wallTime < toMs)
  const minutes = (toMs - fromMs) / MINUTE_MS
  return { counted: inWindow.filter((e) => e.counted).length / minutes, all: inWindow.length / minutes }
}

async function trial(sims, approach, busy, index) {
  const { sim, test } = await startBenchSim(sims)
  const t0 = Date.now()
  // Busy: one more of the 149 other checks is re-run and finishes every 20 production seconds.
  let churn
  if (busy) {
    let n = 1
    churn = setInterval(() => {
      const name = `check-${String(n++).padStart(3, '0')}`
      const run = sim.state.checkRuns.find((c) => c.name === name)
      if (run) sim.updateCheckRun(run.id, { started_at: new Date().toISOString(), completed_at: null, status: 'completed', conclusion: 'success' })
    }, (20 * 1000) / SCALE)
  }
  // The deciding transition in the last waited minute, at phases of the golden-ratio sequence: spread
  // evenly over the minute and over each poll gap for any number of trials (a random phase per trial
  // left the mean of a few trials seconds away from the true one; an even grid can line up with the polls).
  const decideAt = t0 + (QUIET_MINUTES - 1) * MINUTE_MS + (((index + 1) * 0.6180339887) % 1) * MINUTE_MS
  let transitionAt = 0
  const timer = setTimeout(() => {
    transitionAt = Date.now()
    sim.updateCheckRun(test.id, { conclusion: 'success' })
  }, decideAt - t0)
  let endedAt
  let conclusion = 'success'
  if (approach === 'wait-ci') {
    const result = await runBundle(sim, sims)
    if (result.code !== 0) throw new Error(`wait-ci exited ${result.code}:\n${result.stdout}`)
    endedAt = result.endedAt
    conclusion = result.outputs.conclusion
  } else {
    endedAt = await naiveWait(sim, sims)
  }
  clearTimeout(timer)
  if (churn) clearInterval(churn)
  const listings = sim.log.filter((e) => /check-runs$/.test(e.path) && e.wallTime >= transitionAt)
  const sawIt = listings.find((e) => e.status === 200) ?? listings[0]
  // Steady state: from a minute after the first request (start-up reads of the gate and PR; a process
  // start alone can take a scaled minute on a loaded machine), up to the transition.
  const firstAt = sim.log.length > 0 ? Math.min(...sim.log.map((e) => e.wallTime)) : t0
  const steady = perMinute(sim, firstAt + MINUTE_MS, transitionAt)
  const whole = perMinute(sim, t0, endedAt)
  const steadyLog = sim.log.filter((e) => e.wallTime >= firstAt + MINUTE_MS && e.wallTime < transitionAt)
  await sim.close()
  return {
    steadyLog,
    steadyMinutes: (transitionAt - firstAt - MINUTE_MS) / MINUTE_MS,
    conclusion,
    steadyCounted: steady.counted,
    steadyAll: steady.all,
    wholeCounted: whole.counted,
    detectS: ((sawIt.wallTime - transitionAt) * SCALE) / 1000,
    returnMs: endedAt - transitionAt
  }
}

const p90 = (xs) => [...xs].sort((a, b) => a - b)[Math.ceil(0.9 * xs.length) - 1]

/** Per endpoint, wait-ci's steady-state requests: all, conditional (If-None-Match sent), counted. */
function endpointTable(trials) {
  const minutes = sum(trials.map((t) => t.steadyMinutes))
  const byOperation = new Map()
  for (const e of trials.flatMap((t) => t.steadyLog)) {
    const row = byOperation.get(e.operation) ?? { all: 0, conditional: 0, counted: 0 }
    row.all++
    if (e.ifNoneMatch !== null) row.conditional++
    if (e.counted) row.counted++
    byOperation.set(e.operation, row)
  }
  return [...byOperation.entries()].map(([operation, r]) => ({ operation, ...r, perMinute: r.all / minutes, countedPerMinute: r.counted / minutes }))
}

async function main() {
  compileSimulator()
  const sims = await import(join(benchDir, 'sim', 'server.js'))
  const rows = []
  for (const busy of [false, true]) {
    for (const approach of ['wait-ci', 'naive']) {
      const trials = []
      for (let i = 0; i < TRIALS; i++) trials.push(await trial(sims, approach, busy, i))
      if (trials.some((t) => t.conclusion !== 'success')) throw new Error(`${approach}: a trial did not end in success`)
      const detect = trials.map((t) => t.detectS)
      rows.push({
        scenario: busy ? 'busy (a check finishes every 20 s)' : 'quiet (only the deciding check changes)',
        approach,
        steadyCounted: mean(trials.map((t) => t.steadyCounted)),
        steadyAll: mean(trials.map((t) => t.steadyAll)),
        wholeCounted: mean(trials.map((t) => t.wholeCounted)),
        detectS: mean(detect),
        detectP90: p90(detect),
        returnMs: mean(trials.map((t) => t.returnMs)),
        endpoints: approach === 'wait-ci' ? endpointTable(trials) : []
      })
    }
  }
  const f = (n, d = 2) => n.toFixed(d)
  const interval = INTERVAL_S * SCALE
  console.log(`wait-ci bench: ${RUNS} check runs on the head, ${QUIET_MINUTES} waited minutes, ${TRIALS} trials each, time x${SCALE} (${interval} s interval = ${INTERVAL_S} s)`)
  console.log('')
  console.log('| scenario | approach | counted req/min (steady) | all req/min (steady, 304s incl.) | counted req/min (whole wait) | detection latency mean (prod s) | p90 | transition -> exit (real ms) |')
  console.log('|---|---|---|---|---|---|---|---|')
  for (const r of rows) {
    console.log(`| ${r.scenario} | ${r.approach} | ${f(r.steadyCounted)} | ${f(r.steadyAll)} | ${f(r.wholeCounted)} | ${f(r.detectS, 1)} | ${f(r.detectP90, 1)} | ${f(r.returnMs, 0)} |`)
  }
  console.log('')
  console.log(`Goals, wait-ci at interval-seconds ${interval}: mean detection latency <= ${GOAL_LATENCY_S} s (half the interval); counted requests per waited minute (steady) <= ${GOAL_COUNTED_PER_MIN}`)
  for (const r of rows.filter((row) => row.approach === 'wait-ci')) {
    const naive = rows.find((n) => n.scenario === r.scenario && n.approach === 'naive')
    const met = (ok) => (ok ? 'met' : 'NOT met')
    console.log(
      `  ${r.scenario}: latency mean ${f(r.detectS, 1)} s (${f(r.detectS / interval)} of the interval), p90 ${f(r.detectP90, 1)} s: ${met(r.detectS <= GOAL_LATENCY_S)}; ` +
        `counted/min ${f(r.steadyCounted)}: ${met(r.steadyCounted <= GOAL_COUNTED_PER_MIN)}; all requests/min ${f(r.steadyAll, 1)} (304s incl.); ` +
        `naive: ${f(naive.steadyCounted)} counted/min, latency ${f(naive.detectS, 1)} s; whole ${QUIET_MINUTES}-minute wait incl. start-up ${f(r.wholeCounted)} vs naive ${f(naive.wholeCounted)} counted/min`
    )
  }
  console.log('')
  console.log("wait-ci's steady-state requests per endpoint (all trials of the scenario):")
  console.log('| scenario | endpoint | requests/min | conditional (If-None-Match) | counted |')
  console.log('|---|---|---|---|---|')
  for (const r of rows.filter((row) => row.approach === 'wait-ci')) {
    for (const e of r.endpoints) console.log(`| ${r.scenario} | ${e.operation} | ${f(e.perMinute, 1)} | ${e.conditional} of ${e.all} | ${e.counted} (${f(e.countedPerMinute)}/min) |`)
  }
}

await main()
