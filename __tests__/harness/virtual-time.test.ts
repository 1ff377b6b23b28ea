/**
 * The virtual clock bundles run on in end-to-end tests (virtual-time.cjs): a sleep of minutes costs no wall time,
 * yet never fires while a request is in flight, and the simulator's clock keeps step.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, expect, it } from '@jest/globals'
import { runBundle } from './run-bundle.js'
import { startSimulator, type Sim } from '../sim/server.js'

let sim: Sim | undefined
let server: Server | undefined
afterEach(async () => {
  await sim?.close()
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()))
  sim = server = undefined
})

interface Report {
  events: { event: string; at?: number; text?: string; ticks?: number }[]
  perf: number
  date: number
  start: number
}

/** A server that answers only when the test says so. */
async function heldServer(): Promise<{ url: string; answer: () => void; asked: Promise<void> }> {
  let answer = (): void => undefined
  let asked = (): void => undefined
  const askedPromise = new Promise<void>((done) => (asked = done))
  server = createServer((_req, res) => {
    answer = () => res.end('late answer')
    asked()
  })
  await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, answer: () => answer(), asked: askedPromise }
}

it('a 10-minute sleep does not fire while a request is in flight; then the clocks (and the simulator) move 10 minutes', async () => {
  sim = await startSimulator({ clock: { mode: 'manual', start: Date.UTC(2026, 0, 1) } })
  const held = await heldServer()
  const running = runBundle('__tests__/harness/fixtures/sleep-during-request.mjs', { sim, env: { SLOW_URL: held.url } })
  await held.asked
  // Give the subprocess every chance to fire early: it must not, while its request is pending.
  await new Promise((done) => setTimeout(done, 300))
  expect(sim.clock.now()).toBe(Date.UTC(2026, 0, 1))
  held.answer()
  const run = await running
  expect(run.stderr).toBe('')
  const report = JSON.parse(run.stdout) as Report
  expect(report.start).toBeGreaterThanOrEqual(Date.UTC(2026, 0, 1))
  expect(report.start).toBeLessThan(Date.UTC(2026, 0, 1) + 60_000)
  const [answer, slept, ticked] = report.events
  expect(answer).toMatchObject({ event: 'answer', text: 'late answer' })
  expect(answer!.at).toBeLessThan(600_000)
  expect(slept!.event).toBe('slept')
  expect(slept!.at).toBeGreaterThanOrEqual(600_000)
  expect(ticked).toMatchObject({ event: 'ticked', ticks: 3 })
  expect(ticked!.at).toBeGreaterThanOrEqual(780_000)
  expect(report.events).toHaveLength(3)
  expect(report.date).toBeGreaterThanOrEqual(780_000)
  expect(report.perf).toBeGreaterThanOrEqual(780_000)
  // The simulator followed every jump: at least the 13 minutes the subprocess waited.
  expect(sim.clock.now() - Date.UTC(2026, 0, 1)).toBeGreaterThanOrEqual(780_000)
  expect(sim.log).toEqual([])
})

it('keeps the simulator at least `by` past its own now, and never moves it back', async () => {
  sim = await startSimulator({ clock: { mode: 'manual', start: 1_000_000 } })
  const post = async (body: object): Promise<number> => ((await (await fetch(sim!.clockUrl, { method: 'POST', body: JSON.stringify(body) })).json()) as { now: number }).now
  expect(await post({ to: 1_005_000, by: 5000 })).toBe(1_005_000)
  expect(await post({ to: 1_000_000, by: 1000 })).toBe(1_006_000)
  expect(await post({ to: 2_000_000, by: 0 })).toBe(2_000_000)
  expect(sim.log).toEqual([])
})

it('refuses to drive a simulator on the real clock', async () => {
  sim = await startSimulator()
  await expect(runBundle('__tests__/harness/fixtures/emit.mjs', { sim })).rejects.toThrow(/clock: \{ mode: 'manual' \}/)
})
