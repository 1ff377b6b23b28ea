/**
 * Runs a bundled action (dist/<action>/index.js) as a subprocess with the
 * environment the Actions runner gives it, and parses what it reported:
 * outputs from GITHUB_OUTPUT, workflow commands (annotations, masks) from
 * stdout, the job summary, and the exit code.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export const repoRoot = resolve(import.meta.dirname, '..', '..')

export interface WorkflowCommand {
  command: string
  properties: Record<string, string>
  message: string
}

export interface BundleRun {
  exitCode: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  commands: WorkflowCommand[]
  summary: string
  /** Every byte the action printed or wrote, for secret-leak assertions. */
  allText: string
}

export interface BundleOptions {
  /** Inputs by their action.yml name; turned into INPUT_<NAME> the way the runner does. */
  inputs?: Record<string, string>
  /** GITHUB_EVENT_PATH content; written to a temp file. */
  event?: unknown
  eventName?: string
  /** Extra environment (GITHUB_API_URL, GITHUB_REPOSITORY, ...). */
  env?: Record<string, string>
  cwd?: string
  /** Real ms before the harness kills the run (default 30 s). */
  timeoutMs?: number
  stdin?: string
  /**
   * The clock the bundle runs on. `virtual` (default): its timers jump ahead whenever it waits on nothing but
   * them (see virtual-time.cjs), so budgets of minutes cost no wall time. `real` only where a test needs a
   * genuine timeout.
   */
  time?: 'virtual' | 'real'
  /** The simulator whose clock keeps step with the bundle's virtual clock (it must run on a manual clock). */
  sim?: ClockedSim
}

/** What the harness needs of a simulator to keep its clock in step with a virtual-time subprocess. */
export interface ClockedSim {
  clockUrl: string
  manualClock: boolean
  clock: { now(): number }
}

/** The preload that gives a subprocess virtual time (test only). */
export const virtualTimePreload = resolve(import.meta.dirname, 'virtual-time.cjs')

/**
 * Node arguments and environment that run a subprocess on virtual time, starting at the simulator's now
 * and moving its clock at every jump. For the CLI tests, which spawn `node bin/purple.js` themselves.
 */
export function virtualTime(sim?: ClockedSim): { execArgv: string[]; env: Record<string, string> } {
  if (sim && !sim.manualClock) throw new Error("virtualTime: start the simulator with clock: { mode: 'manual' } so the bundle's clock drives it")
  return {
    execArgv: ['--require', virtualTimePreload],
    env: sim ? { PURPLE_VIRTUAL_TIME_START: String(sim.clock.now()), PURPLE_VIRTUAL_TIME_CLOCK: sim.clockUrl } : {}
  }
}

/** The runner's env var for an input: spaces become '_', upper-cased; dashes are kept. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/** Parses the runner's GITHUB_OUTPUT file format (`name<<DELIM` heredocs and `name=value`). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delimiter] = heredoc
      const value: string[] = []
      i++
      while (i < lines.length && lines[i] !== delimiter) value.push(lines[i++]!)
      outputs[name!] = value.join('\n')
    } else if (line.includes('=')) {
      const at = line.indexOf('=')
      outputs[line.slice(0, at)] = line.slice(at + 1)
    }
  }
  return outputs
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}
function unescapeProperty(s: string): string {
  return unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',')
}

/** Parses `::command key=value,key=value::message` lines from stdout. */
export function parseCommands(stdout: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = []
  for (const line of stdout.split(/\r?\n/)) {
    const m = /^::([a-zA-Z-]+)(?: ([^:]*))?::(.*)$/.exec(line)
    if (!m) continue
    const properties: Record<string, string> = {}
    for (const pair of (m[2] ?? '').split(',').filter(Boolean)) {
      const at = pair.indexOf('=')
      properties[pair.slice(0, at)] = unescapeProperty(pair.slice(at + 1))
    }
    commands.push({ command: m[1]!, properties, message: unescapeData(m[3]!) })
  }
  return commands
}

/**
 * The node that runs bundles: the test's own by default; `.ci/run` points
 * PURPLE_BUNDLE_NODE at a Node 24 binary too, since action.yml says node24.
 */
export function bundleNode(): string {
  return process.env.PURPLE_BUNDLE_NODE || process.execPath
}

/** Runs `dist/<action>/index.js` (path relative to the repo root) with a scrubbed runner env. */
export async function runBundle(bundle: string, options: BundleOptions = {}): Promise<BundleRun> {
  const temp = mkdtempSync(join(tmpdir(), 'purple-run-'))
  const outputFile = join(temp, 'output')
  const summaryFile = join(temp, 'summary')
  const stateFile = join(temp, 'state')
  const eventFile = join(temp, 'event.json')
  for (const f of [outputFile, summaryFile, stateFile]) writeFileSync(f, '')
  writeFileSync(eventFile, JSON.stringify(options.event ?? {}))

  // A scrubbed environment: only what a runner gives, never the developer's tokens.
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? temp,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_STATE: stateFile,
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_EVENT_NAME: options.eventName ?? 'pull_request',
    GITHUB_WORKSPACE: options.cwd ?? temp,
    GITHUB_REPOSITORY: 'octo-org/purple-demo',
    GITHUB_RUN_ID: '1001',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'gate',
    GITHUB_SHA: '0000000000000000000000000000000000000000',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_SERVER_URL: 'https://github.com',
    RUNNER_TEMP: temp,
    RUNNER_OS: 'Linux',
    ...options.env
  }
  for (const [name, value] of Object.entries(options.inputs ?? {})) env[inputEnvName(name)] = value

  const script = resolve(repoRoot, bundle)
  if (!existsSync(script)) throw new Error(`runBundle: '${bundle}' does not exist; run 'npm run build' first`)
  const clock = options.time === 'real' ? { execArgv: [], env: {} } : virtualTime(options.sim)
  Object.assign(env, clock.env)

  return await new Promise<BundleRun>((resolvePromise, reject) => {
    const child = spawn(bundleNode(), [...clock.execArgv, script], { cwd: options.cwd ?? temp, env, stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000)
    child.on('error', reject)
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer)
      const outputText = readFileSync(outputFile, 'utf8')
      const summary = readFileSync(summaryFile, 'utf8')
      resolvePromise({
        exitCode,
        signal,
        stdout,
        stderr,
        outputs: parseOutputFile(outputText),
        commands: parseCommands(stdout),
        summary,
        allText: [stdout, stderr, outputText, summary].join('\n')
      })
    })
    child.stdin.end(options.stdin ?? '')
  })
}
