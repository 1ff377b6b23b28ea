/**
 * The one way Purple runs git: an argument array (never a shell string), the
 * exit codes the caller accepts, and a clear error for anything else. Every
 * name that came from a user goes after `--end-of-options` or `--` at the call
 * site; this helper never builds a command line from text.
 *
 * Output is either collected (small answers, bounded by `maxOutputBytes`) or
 * streamed to the caller chunk by chunk (diffs and searches, whose size is the
 * repository's), so no answer of git ever has to fit in one string.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'

export interface GitResult {
  readonly exitCode: number
  readonly stdout: string
  readonly stderr: string
}

export interface GitRunOptions {
  /** Exit codes that are answers, not failures (default [0]). */
  readonly okExitCodes?: readonly number[]
  /** Written to git's stdin (a Buffer keeps path bytes exactly). */
  readonly input?: string | Buffer
  /** Extra environment for this call (e.g. GIT_INDEX_FILE for a temporary index). */
  readonly env?: Readonly<Record<string, string>>
  /** Extra `-c key=value` settings for this call (e.g. core.hooksPath for a call that writes refs). */
  readonly config?: readonly string[]
  /** 'latin1' keeps every byte as one character (paths that are not UTF-8); default 'utf8'. */
  readonly encoding?: 'utf8' | 'latin1'
  /** Ends a read-only call whose answer is no longer needed (the call then rejects). */
  readonly signal?: AbortSignal
}

/** A streamed call: stdout goes to `onData` as it arrives; stderr is kept (bounded) for the error message. */
export interface GitStreamOptions extends Omit<GitRunOptions, 'encoding'> {
  readonly onData: (chunk: Buffer) => void
}

/** What one `rev-parse` said about the repository when it was opened (see openRepository). */
export interface RepositoryFacts {
  /** A shallow clone (merge parents may be hidden). */
  readonly shallow: boolean
  /** Absolute path of `$GIT_DIR/info/attributes`. */
  readonly infoAttributes: string
}

/** A git runner bound to one working directory. */
export interface Git {
  readonly cwd: string
  /** Facts learnt when the repository was opened, so no later call asks git again; null when not known. */
  readonly facts: RepositoryFacts | null
  run(args: readonly string[], options?: GitRunOptions): Promise<GitResult>
  /** Runs git and hands stdout to `options.onData` chunk by chunk; resolves with the exit code and stderr. */
  stream(args: readonly string[], options: GitStreamOptions): Promise<{ exitCode: number; stderr: string }>
}

export interface GitDeps {
  /** The git executable (default 'git' from PATH). */
  readonly gitPath?: string
  /** Called with each argv before it runs: tests and the benchmark count calls with it. */
  readonly onRun?: (args: readonly string[]) => void
  /** Largest collected stdout of one call (default 64 MiB); streamed calls have no such limit. */
  readonly maxOutputBytes?: number
}

/** A git call that ended with an exit code the caller did not accept. */
export class GitCommandError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly exitCode: number | null,
    readonly stderr: string
  ) {
    const detail = stderr.trim().split('\n').slice(-3).join(' / ') || 'no message'
    super(`'git ${args.join(' ')}' failed with exit code ${exitCode ?? 'none'}: ${detail}`)
    this.name = 'GitCommandError'
  }
}

const DEFAULT_MAX_OUTPUT = 64 * 1024 * 1024
const MAX_STDERR = 64 * 1024

// Read-only by construction: the repository's fsmonitor command never runs (git would start it for index reads).
const ALWAYS_CONFIG = ['core.fsmonitor=false']

/** Creates the git runner for `cwd`. */
export function createGit(cwd: string, deps: GitDeps = {}, facts: RepositoryFacts | null = null): Git {
  const gitPath = deps.gitPath ?? 'git'
  const maxOutput = deps.maxOutputBytes ?? DEFAULT_MAX_OUTPUT
  return {
    cwd,
    facts,
    run: async (args, options = {}) => {
      deps.onRun?.(args)
      const out: Buffer[] = []
      let size = 0
      let overflow = false
      const r = await spawnGit(gitPath, cwd, args, options, (chunk) => {
        size += chunk.length
        if (size > maxOutput) overflow = true
        else out.push(chunk)
      })
      if (overflow) throw new Error(`'git ${args.join(' ')}' printed more than ${maxOutput} bytes: more than guard reads from one answer`)
      return { exitCode: r.exitCode, stdout: Buffer.concat(out).toString(options.encoding ?? 'utf8'), stderr: r.stderr }
    },
    stream: (args, options) => {
      deps.onRun?.(args)
      return spawnGit(gitPath, cwd, args, options, options.onData)
    }
  }
}

function spawnGit(
  gitPath: string,
  cwd: string,
  args: readonly string[],
  options: Omit<GitRunOptions, 'encoding'>,
  onData: (chunk: Buffer) => void
): Promise<{ exitCode: number; stderr: string }> {
  const okExitCodes = options.okExitCodes ?? [0]
  // No pager, no prompts, no optional index writes: guard only reads.
  const env = { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_PAGER: 'cat', ...options.env }
  const config = [...ALWAYS_CONFIG, ...(options.config ?? [])].flatMap((c) => ['-c', c])
  return new Promise((resolve, reject) => {
    let failed: unknown = null
    const child = spawn(gitPath, ['--no-pager', ...config, ...args], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'], signal: options.signal })
    const err: Buffer[] = []
    let errSize = 0
    child.stdout.on('data', (d: Buffer) => {
      if (failed !== null) return
      // A throw inside the consumer must end this call, never escape as an uncaught exception.
      try {
        onData(d)
      } catch (e) {
        failed = e
        child.kill()
      }
    })
    child.stderr.on('data', (d: Buffer) => {
      if (errSize < MAX_STDERR) err.push(d)
      errSize += d.length
    })
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (e.name === 'AbortError') return reject(new Error(`'git ${args.join(' ')}' was ended: its answer was no longer needed`))
      reject(new Error(`could not run git: ${spawnFailure(e, gitPath, cwd)}`))
    })
    child.on('close', (code) => {
      if (failed !== null) return reject(failed)
      const stderr = Buffer.concat(err).toString('utf8')
      if (code === null || !okExitCodes.includes(code)) return reject(new GitCommandError(args, code, stderr))
      resolve({ exitCode: code, stderr })
    })
    // git may exit before reading all of stdin (e.g. on a bad revision): that is reported by the exit code.
    child.stdin.on('error', () => undefined)
    child.stdin.end(options.input ?? '')
  })
}

/** Why git could not start: spawn says ENOENT both for a missing program and a missing working directory. */
function spawnFailure(e: NodeJS.ErrnoException, gitPath: string, cwd: string): string {
  if (e.code !== 'ENOENT') return e.message
  if (!existsSync(cwd)) return `the working directory '${cwd}' does not exist: check out the repository first or fix the path`
  return `git was not found ('${gitPath}'): install git or put it on PATH`
}
