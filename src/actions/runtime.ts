/**
 * The production clock, sleep and log every action's deps default to; tests
 * pass their own (a fake clock, a sleep that advances it, a collecting log).
 */
import * as core from '@actions/core'
import { neutralizeCommands } from '../core/escaping.js'

/** Where an action says what it does: the job log (warnings become annotations). */
export interface ActionLog {
  info(message: string): void
  warning(message: string): void
}

/** Time and logging, the side effects a wait or retry loop needs besides the API. */
export interface ActionRuntime {
  readonly now: () => number
  readonly sleep: (ms: number) => Promise<void>
  readonly log: ActionLog
}

/** The real clock, a real timer and the runner's log. */
export const productionRuntime: ActionRuntime = Object.freeze({
  now: () => Date.now(),
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  // Every line passes neutralizeCommands: outside text inside a message can start no workflow command.
  log: Object.freeze({ info: (m: string) => core.info(neutralizeCommands(m)), warning: (m: string) => core.warning(m) })
})
