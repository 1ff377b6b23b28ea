/**
 * The real GitHub client against the loopback simulator on its manual clock: the client's sleep
 * moves the simulator's clock, so no test waits a real retry delay. Every log line, masked secret
 * and wait is recorded for the test to read.
 */
import { createServer } from 'node:net'
import { DEFAULT_TOKEN, type Sim } from '../sim/server.js'
import { createGitHubClient, type GitHubClientOptions } from '../../src/github/client.js'

/** A client with `options` over the simulator's defaults (its token, no write spacing, injected time). */
export function simClient(sim: Sim, options: Partial<GitHubClientOptions> = {}) {
  const lines: string[] = []
  const secrets: string[] = []
  const slept: number[] = []
  const c = createGitHubClient({
    auth: { kind: 'token', token: DEFAULT_TOKEN },
    baseUrl: sim.url,
    writeSpacingMs: 0,
    now: () => sim.clock.now(),
    sleep: async (ms) => {
      slept.push(ms)
      sim.clock.advance(ms)
    },
    log: (line) => lines.push(line),
    setSecret: (secret) => secrets.push(secret),
    ...options
  })
  return { c, lines, secrets, slept }
}

/** A loopback port nothing listens on: connecting is refused at once. */
export async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}
