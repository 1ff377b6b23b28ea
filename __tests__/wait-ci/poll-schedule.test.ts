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

  it('does not back off while every answer is a free 304: one poll per interval', () => {
    let streak = 0
    const delays: number[] = []
    for (let i = 0; i < 6; i++) {
      const plan = planNextPoll(policy, clock({ unchangedStreak: streak, counted: 0 }))
      if (plan.action !== 'poll') throw new Error('expected a poll')
      delays.push(plan.delayMs)
      streak = plan.unchangedStreak
    }
    expect(delays).toEqual([10_000, 10_000, 10_000, 10_000, 10_000, 10_000])
  })

  it('a free poll after costly ones drops back to the base interval', () => {
    expect(planNextPoll(policy, clock({ unchangedStreak: 4, counted: 0 }))).toMatchObject({ delayMs: 10_000, unchangedStreak: 0 })
  })

  it('spaces polls start to start: the time a poll took is not added to the gap', () => {
    const plan = planNextPoll(policy, clock({ pollStartedAt: t0, now: t0 + 1_200, counted: 0 }))
    expect(plan).toMatchObject({ action: 'poll', delayMs: 8_800 })
    // A poll that took longer than the interval is followed at once, never twice as fast.
    expect(planNextPoll(policy, clock({ pollStartedAt: t0, now: t0 + 12_000, counted: 0 }))).toMatchObject({ delayMs: 0 })
  })

  it('a change resets to the base interval at once', () => {
    expect(planNextPoll(policy, clock({ changed: true, unchangedStreak: 9 }))).toMatchObject({
      action: 'poll',
      delayMs: 10_000,
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
    expect(planNextPoll(tiny, clock({ changed: true }))).toMatchObject({ delayMs: 50 })
  })
})
