import { gateReadDue, initialGate, updateGate, type SourceAnswer } from '../../src/core/gate-tracker.js'
import type { GateEntry } from '../../src/core/required-checks.js'

const input = { required: '', onNoGate: 'all-observed' as const }
const protection = (...names: string[]): SourceAnswer => ({
  reading: { source: 'protection', ok: true, entries: names.map((name): GateEntry => ({ name, source: 'protection' })) }
})
const rules = (...names: string[]): SourceAnswer => ({
  reading: { source: 'ruleset', ok: true, entries: names.map((name): GateEntry => ({ name, source: 'ruleset' })) }
})
// GitHub's answer to a branch read after the token lost access (docs.github.com, "Get a branch": 404 Not Found).
const refused = (source: 'protection' | 'ruleset'): SourceAnswer => ({ reading: { source, ok: false, reason: "HTTP 404 'Branch not found': permanent" } })
const transient: SourceAnswer = { pending: 'HTTP 502: transient' }

describe('updateGate', () => {
  it('the first full read builds the set and says it changed', () => {
    const update = updateGate(initialGate, { protection: protection('test', 'lint'), ruleset: rules('e2e') }, 1000, input)
    expect(update.changed).toBe(true)
    expect(update.state.required?.checks.map((c) => c.name)).toEqual(['test', 'lint', 'e2e'])
    expect(update.state.lastReadAt).toBe(1000)
    expect(update.kept).toEqual([])
  })

  it('a refused re-read keeps the last good reading: the set never shrinks on an error', () => {
    const first = updateGate(initialGate, { protection: protection('test', 'lint'), ruleset: rules() }, 1000, input).state
    const update = updateGate(first, { protection: refused('protection'), ruleset: rules() }, 2000, input)
    expect(update.state.required?.checks.map((c) => c.name)).toEqual(['test', 'lint'])
    expect(update.changed).toBe(false)
    expect(update.kept).toEqual([{ source: 'protection', reason: "HTTP 404 'Branch not found': permanent" }])
  })

  it('a refusal on the first read is a reading that says why; the other source still gates', () => {
    const update = updateGate(initialGate, { protection: refused('protection'), ruleset: rules('gate') }, 1000, input)
    expect(update.state.required?.checks.map((c) => c.name)).toEqual(['gate'])
    expect(update.state.required?.notes[0]).toContain('branch protection: could not be read')
  })

  it('a transient failure before any good reading leaves the gate unread, to be read again', () => {
    const update = updateGate(initialGate, { protection: transient, ruleset: rules('gate') }, 1000, input)
    expect(update.state.required).toBeUndefined()
    expect(update.state.pendingWhy).toBe('branch protection: HTTP 502: transient')
    expect(gateReadDue(update.state, false)).toBe(true)
    const next = updateGate(update.state, { protection: protection('test'), ruleset: rules('gate') }, 2000, input)
    expect(next.state.pendingWhy).toBeUndefined()
    expect(next.state.required?.checks.map((c) => c.name)).toEqual(['test', 'gate'])
  })

  it('a transient failure after a good reading keeps it silently; a new rule mid-wait is a change', () => {
    const first = updateGate(initialGate, { protection: protection('test'), ruleset: rules() }, 1000, input).state
    const update = updateGate(first, { protection: transient, ruleset: rules('e2e') }, 2000, input)
    expect(update.changed).toBe(true)
    expect(update.state.required?.checks.map((c) => c.name)).toEqual(['test', 'e2e'])
    expect(update.kept).toEqual([])
  })

  it('is read again only when never read in full or the planner says a refresh is due', () => {
    const read = updateGate(initialGate, { protection: protection('test'), ruleset: rules() }, 1000, input).state
    expect(gateReadDue(initialGate, false)).toBe(true)
    expect(gateReadDue(read, false)).toBe(false)
    expect(gateReadDue(read, true)).toBe(true)
  })
})
