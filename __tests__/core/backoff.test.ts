import { backoffDelay, nextDelay, DEFAULT_BACKOFF } from '../../src/core/backoff.js'

const policy = { baseMs: 100, maxMs: 1000, factor: 2, jitter: 0.5 }

describe('backoff', () => {
  it.each<[number, number, number]>([
    // attempt, random, delay
    [1, 0, 100],
    [2, 0, 200],
    [3, 0, 400],
    [4, 0, 800],
    [5, 0, 1000],
    [50, 0, 1000],
    [3000, 0, 1000],
    [1, 1, 50],
    [3, 0.5, 300],
    [0, 0, 100]
  ])('attempt %i with random %d waits %i ms', (attempt, random, delay) => {
    expect(backoffDelay(attempt, policy, () => random)).toBe(delay)
  })

  it('never exceeds the cap nor drops below (1 - jitter) of it', () => {
    for (let attempt = 1; attempt < 40; attempt++) {
      const d = backoffDelay(attempt, policy)
      expect(d).toBeLessThanOrEqual(1000)
      expect(d).toBeGreaterThanOrEqual(50)
    }
  })

  it('production defaults: 1 s, 2 s, 4 s ...', () => {
    expect([1, 2, 3].map((attempt) => backoffDelay(attempt, DEFAULT_BACKOFF, () => 0))).toEqual([1000, 2000, 4000])
  })

  it('never retries before the server asked (retry-after wins when longer)', () => {
    expect(nextDelay(1, policy, 5000, () => 0)).toBe(5000)
    expect(nextDelay(4, policy, 10, () => 0)).toBe(800)
    expect(nextDelay(2, policy, undefined, () => 0)).toBe(200)
  })
})
