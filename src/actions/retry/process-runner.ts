/**
 * The production attempt runner for the retry action and `purple retry`: the
 * command in its own process group, output forwarded live and its tail kept,
 * the whole group killed when the attempt's time is up.
 */
import { spawn } from 'node:child_process'
import { StringDecoder } from 'node:string_decoder'
import { OutputTail, type AttemptResult } from './retry.js'

/** Grace between SIGTERM and SIGKILL for a timed-out attempt's process group. */
const KILL_GRACE_MS = 2000

/**
 * Production `run`: spawns the command in its own process group (so a timeout
 * kills the whole tree, grandchildren included), forwards its output live
 * and keeps the tail. The attempt ends after `timeoutMs`, or when `timer`
 * resolves (tests pass one they control).
 */
export function spawnAttempt(
  command: string,
  args: readonly string[],
  io: { stdout: (chunk: string) => void; stderr: (chunk: string) => void },
  limit: { readonly timeoutMs?: number; readonly timer?: Promise<void>; readonly killGraceMs?: number } = {}
): Promise<AttemptResult> {
  const killGraceMs = limit.killGraceMs ?? KILL_GRACE_MS
  return new Promise((resolve) => {
    let clock: NodeJS.Timeout | undefined
    const timer =
      limit.timer ??
      (limit.timeoutMs !== undefined ? new Promise<void>((done) => (clock = setTimeout(done, limit.timeoutMs))) : undefined)
    const tail = new OutputTail()
    let timedOut = false
    // No stdin: a retry is only sound if every attempt sees the same input, and a
    // process group apart from the terminal's would stop on reading a TTY.
    const child = spawn(command, [...args], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
    const killGroup = (signal: NodeJS.Signals): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, signal)
      } catch {
        // already gone
      }
    }
    const forward = (signal: NodeJS.Signals) => (): void => {
      killGroup(signal)
      process.exit(128 + (signal === 'SIGINT' ? 2 : 15))
    }
    // The child has its own process group, so a Ctrl-C at the terminal reaches only us: pass it on.
    const onInt = forward('SIGINT')
    const onTerm = forward('SIGTERM')
    process.once('SIGINT', onInt)
    process.once('SIGTERM', onTerm)
    for (const [stream, write] of [
      [child.stdout, io.stdout],
      [child.stderr, io.stderr]
    ] as const) {
      const decoder = new StringDecoder('utf8')
      stream.on('data', (chunk: Buffer) => {
        const text = decoder.write(chunk)
        tail.push(text)
        write(text)
      })
    }
    let settled = false
    const finish = (result: Omit<AttemptResult, 'tail' | 'timedOut'>): void => {
      if (settled) return
      settled = true
      clearTimeout(clock)
      process.removeListener('SIGINT', onInt)
      process.removeListener('SIGTERM', onTerm)
      resolve({ ...result, timedOut, tail: tail.value() })
    }
    void timer?.then(() => {
      if (settled) return
      timedOut = true
      killGroup('SIGTERM')
      setTimeout(() => killGroup('SIGKILL'), killGraceMs).unref()
    })
    child.on('error', (error: NodeJS.ErrnoException) => finish({ spawnError: `${error.code ?? 'error'}: ${error.message}` }))
    child.on('close', (code, signal) => {
      // The group may outlive its leader (a background grandchild): end it with the attempt.
      if (timedOut) killGroup('SIGKILL')
      finish({ ...(code !== null ? { exitCode: code } : {}), ...(signal !== null ? { signal } : {}) })
    })
  })
}
