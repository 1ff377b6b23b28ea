/**
 * The one way Purple runs git: an argument array (never a shell string), the
 * exit codes the caller accepts, and a clear error for anything else. Every
 * name that came from a user goes after `--end-of-options` or `--` at the call
 * site; this helper never builds a command line from text.
 */
import { spawn } from 'node:child_process'

export interface GitResult {
  readonly exitCode: number
  readonly stdout: string
  readonly stderr: string
}

export interface GitRunOptions {
  /** Exit codes that are answers, not failures (default [0]). */
  readonly okExitCodes?: readonly number[]
  /** Written to git's stdin. */
  readonly input?: string
  /** Extra environment for this call (e.g. GIT_INDEX_FILE for a temporary index). */
  readonly env?: Readonly<Record<string, string>>
}

/** A git runner bound to one working directory. */
export interface Git {
  readonly cwd: string
  run(args: readonly string[], options?: GitRunOptions): Promise<GitResult>
}

export interface GitDeps {
  /** The git executable (default 'git' from PATH). */
  readonly gitPath?: string
  /** Called with each argv before it runs: tests and the benchmark count calls with it. */
  readonly onRun?: (args: readonly string[]) => void
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

/** Creates the git runner for `cwd`. */
export function createGit(cwd: string, deps: GitDeps = {}): Git {
  const gitPath = deps.gitPath ?? 'git'
  return {
    cwd,
    run: (args, options = {}) => {
      deps.onRun?.(args)
      return runGit(gitPath, cwd, args, options)
    }
  }
}

function runGit(gitPath: string, cwd: string, args: readonly string[], options: GitRunOptions): Promise<GitResult> {
  const okExitCodes = options.okExitCodes ?? [0]
  // No pager, no prompts, no optional index writes: the guard only reads (issue 2).
  const env = {
    ...process.env,
    GIT_TERMINAL_PROMPT: '0',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_PAGER: 'cat',
    ...options.env
  }
  return new Promise<GitResult>((resolve, reject) => {
    const child = spawn(gitPath, ['--no-pager', ...args], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (d: Buffer) => out.push(d))
    child.stderr.on('data', (d: Buffer) => err.push(d))
    child.on('error', (e: NodeJS.ErrnoException) => {
      const why = e.code === 'ENOENT' ? `git was not found ('${gitPath}'): install git or put it on PATH` : e.message
      reject(new Error(`could not run git: ${why}`))
    })
    child.on('close', (code) => {
      const stdout = Buffer.concat(out).toString('utf8')
      const stderr = Buffer.concat(err).toString('utf8')
      if (code === null || !okExitCodes.includes(code)) {
        reject(new GitCommandError(args, code, stderr))
        return
      }
      resolve({ exitCode: code, stdout, stderr })
    })
    // git may exit before reading all of stdin (e.g. on a bad revision): that is reported by the exit code.
    child.stdin.on('error', () => undefined)
    child.stdin.end(options.input ?? '')
  })
}
