import { formatMs, formatSeconds, formatWaitSeconds } from '../../src/core/durations.js'

describe('formatMs: how long something took', () => {
  it.each([
    [250, '250ms'],
    [45_000, '45s'],
    [59_600, '1m 0s'],
    [330_000, '5m 30s'],
    [725_000, '12m 5s'],
    [3_600_000, '1h 0m']
  ])('%d ms is %s', (ms, text) => {
    expect(formatMs(ms)).toBe(text)
  })
})

describe('formatSeconds: an amount compared with a setting in seconds', () => {
  it.each([
    [300_000, '300 s'],
    [900_000, '900 s'],
    [1500, '1.5 s'],
    [7_512, '7.51 s'],
    [10, '0.01 s'],
    [0, '0 s']
  ])('%d ms is %s', (ms, text) => {
    expect(formatSeconds(ms)).toBe(text)
  })
})

describe('formatWaitSeconds: a wait told to a person, never shorter than the real one', () => {
  it.each([
    [1, '1 s'],
    [1000, '1 s'],
    [59_001, '60 s'],
    [900_000, '900 s']
  ])('%d ms is %s', (ms, text) => {
    expect(formatWaitSeconds(ms)).toBe(text)
  })
})
