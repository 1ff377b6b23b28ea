/** The root action's own input: how many branch updates may go round again. */
import { describe, expect, it } from '@jest/globals'
import { parseMaxUpdates } from '../../src/actions/pipeline/settings.js'

describe('max-updates', () => {
  // invented: values a workflow author might write
  it.each([
    ['2', 2],
    ['0', 0],
    [' 10 ', 10]
  ])('%j reads as %d', (value, rounds) => {
    expect(parseMaxUpdates(value)).toBe(rounds)
  })

  // invented: each is refused with the input's name, the value quoted, and what to write
  it.each(['', 'two', '-1', '1.5', '11', '1e1'])('%j is refused, naming the input and what to write', (value) => {
    expect(() => parseMaxUpdates(value, 'max-updates')).toThrow(new RegExp(`^Input 'max-updates' is '${value.replace('.', '\\.')}': write a whole number from 0 to 10`))
  })
})
