import { defaultPollPolicy, planNextPoll, type PollClock } from '../../src/core/poll-schedule.js'

const policy = defaultPollPolicy(10_000, 3_600_000)
const t0 = 1_800_000_000_000
const clock = (over: Partial<PollClock>): PollClock => ({
  startedAt: t0,
  now: t0,
  changed: false,
  unchangedStreak: 0,
  lastGateReadAt: t0,
  ...over
})

describe('planNextPoll', () => {
  // The 10 s interval (the input's default): every row is one poll's outcome and the gap the planner picks.
  it.each([
    ['a free poll (all 304s), nothing changed', { counted: 0 }, 5_000, 0],
    ['a poll that saw a change (counted 200s)', { changed: true, counted: 2 }, 5_000, 0],
    ['a free poll after four costly unchanged ones', { counted: 0, unchangedStreak: 4 }, 5_000, 0],
    ['an unchanged poll that still cost counted requests (ETags dropped on the way)', { counted: 2 }, 15_000, 1],
    ['the second costly unchanged poll in a row: capped at twice the interval', { counted: 2, unchangedStreak: 1 }, 20_000, 2],
    ['a free poll that took 1.2 s: start to start', { counted: 0, pollStartedAt: t0, now: t0 + 1_200 }, 3_800, 0],
    ['a free poll that took longer than the gap: at once, never a burst', { counted: 0, pollStartedAt: t0, now: t0 + 12_000 }, 0, 0]
  ] as const)('%s', (_situation, over, delayMs, unchangedStreak) => {
    expect(planNextPoll(policy, clock(over))).toMatchObject({ action: 'poll', delayMs, unchangedStreak })
  })

  it('backs off while nothing changes but answers still cost counted requests, up to twice the interval', () => {
    let streak = 0
    const delays: number[] = []
    for (let i = 0; i < 6; i++) {
      const plan = planNextPoll(policy, clock({ unchangedStreak: streak, counted: 2 }))
      if (plan.action !== 'poll') throw new Error('expected a poll')
      delays.push(plan.delayMs)
      streak = plan.unchangedStreak
    }
    expect(delays).toEqual([15_000, 20_000, 20_000, 20_000, 20_000, 20_000])
  })

  it('polls twice per interval while every answer is a free 304: twelve polls a minute at 10 s, no more', () => {
    const starts: number[] = []
    let now = t0
    while (now < t0 + 60_000) {
      starts.push(now)
      const plan = planNextPoll(policy, clock({ now: now + 200, pollStartedAt: now, counted: 0 }))
      if (plan.action !== 'poll') throw new Error('expected a poll')
      now += 200 + plan.delayMs
    }
    expect(starts).toHaveLength(12)
    expect(new Set(starts.slice(1).map((s, i) => s - starts[i]!))).toEqual(new Set([5_000]))
  })

  // Detection latency: a check changes at a moment spread evenly over a minute, polls (300 ms each, all 304s
  // until the change) run as the planner says; the change is seen when the first poll after it answers.
  it.each([10_000, 2_000, 60_000])('a change is seen within half of a %i ms interval on average, and within half of it plus a poll at worst', (intervalMs) => {
    const p = defaultPollPolicy(intervalMs, 3_600_000)
    const pollMs = 300
    const starts: number[] = []
    for (let now = t0; now < t0 + 3 * 60_000; ) {
      starts.push(now)
      const plan = planNextPoll(p, clock({ now: now + pollMs, pollStartedAt: now, counted: 0 }))
      if (plan.action !== 'poll') throw new Error('expected a poll')
      now += pollMs + plan.delayMs
    }
    const latencies = Array.from({ length: 600 }, (_, i) => {
      const changeAt = t0 + 60_000 + (i + 0.5) * 100
      return starts.find((s) => s >= changeAt)! + pollMs - changeAt
    })
    const mean = latencies.reduce((a, b) => a + b, 0) / latencies.length
    expect(mean).toBeLessThanOrEqual(intervalMs / 2)
    expect(Math.max(...latencies)).toBeLessThanOrEqual(intervalMs / 2 + pollMs)
  })

  it('a change after a long costly streak goes back to two polls per interval at once', () => {
    expect(planNextPoll(policy, clock({ changed: true, unchangedStreak: 9 }))).toMatchObject({
      action: 'poll',
      delayMs: 5_000,
      unchangedStreak: 0
    })
  })

  it('never polls before a rate-limit wait ends', () => {
    const plan = planNextPoll(policy, clock({ changed: true, notBefore: t0 + 61_000 }))
    expect(plan).toMatchObject({ action: 'poll', delayMs: 61_000 })
  })

  it('a rate-limit wait past the deadline ends the wait', () => {
    const plan = planNextPoll(policy, clock({ notBefore: t0 + 3_700_000 }))
    expect(plan).toEqual({ action: 'timeout', reason: 'rate limited until after the deadline (1h 0m)' })
  })

  it('polls one last time at the deadline, then times out', () => {
    const near = planNextPoll(policy, clock({ now: t0 + 3_595_000, unchangedStreak: 5, counted: 1 }))
    expect(near).toMatchObject({ action: 'poll', delayMs: 5_000 })
    expect(planNextPoll(policy, clock({ now: t0 + 3_600_000 }))).toEqual({
      action: 'timeout',
      reason: 'no verdict after 1h 0m'
    })
  })

  it('re-reads the gate every five minutes', () => {
    const early = planNextPoll(policy, clock({ now: t0 + 200_000, lastGateReadAt: t0 }))
    const late = planNextPoll(policy, clock({ now: t0 + 295_000, lastGateReadAt: t0 }))
    expect(early).toMatchObject({ refreshGate: false })
    expect(late).toMatchObject({ refreshGate: true })
  })

  it('fractions of a second work (tests and impatient users)', () => {
    const tiny = defaultPollPolicy(50, 2_000)
    expect(planNextPoll(tiny, clock({ changed: true }))).toMatchObject({ delayMs: 25 })
  })
})
