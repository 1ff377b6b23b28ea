/** The committed request logs: parallel reads never make a snapshot flaky, and a write never moves across a read. */
import type { LogEntry, Sim } from './server.js'
import { conversation } from './request-log.js'

// invented entries: the order a server can see for requests of one simulated instant
function entry(seq: number, method: string, path: string, time = 1000, wallTime = 5000): LogEntry {
  return { seq, method, path, query: {}, body: undefined, status: 200, token: 'ghs_x', ifNoneMatch: null, time, wallTime, fault: null, scripted: false, counted: true, operation: null, early: false }
}
const log = (entries: LogEntry[]) => conversation({ log: entries } as unknown as Sim).trim().split('\n').map((l) => l.split(' [')[0])

describe('conversation', () => {
  it('lists reads of one instant in one order, whatever order they arrived in', () => {
    const a = log([entry(1, 'GET', '/repos/o/r/pulls/1'), entry(2, 'GET', '/repos/o/r')])
    const b = log([entry(1, 'GET', '/repos/o/r'), entry(2, 'GET', '/repos/o/r/pulls/1')])
    expect(a).toEqual(b)
  })

  it('never moves a write across the reads before or after it, even in the same millisecond', () => {
    const lines = log([entry(1, 'GET', '/repos/o/r/pulls/1'), entry(2, 'PUT', '/repos/o/r/pulls/1/merge'), entry(3, 'GET', '/repos/o/r')])
    expect(lines).toEqual(['GET /repos/o/r/pulls/1', 'PUT /repos/o/r/pulls/1/merge', 'GET /repos/o/r'])
  })

  it('orders by simulated time first', () => {
    const lines = log([entry(1, 'PUT', '/b', 2000), entry(2, 'GET', '/a', 1000)])
    expect(lines).toEqual(['GET /a', 'PUT /b'])
  })
})
