import { asRecord, isRecord } from '../../src/core/records.js'

describe('isRecord: an object whose fields may be read', () => {
  it.each([
    // GitHub's rules-for-a-branch answer lists objects like this one (docs.github.com/en/rest/repos/rules#get-rules-for-a-branch).
    [{ type: 'merge_queue', parameters: {} }, true],
    [{}, true],
    [[], false],
    [[{ type: 'merge_queue' }], false],
    [null, false],
    [undefined, false],
    ['{"type":"merge_queue"}', false],
    [42, false]
  ])('%j -> %s', (value, expected) => {
    expect(isRecord(value)).toBe(expected)
    expect(asRecord(value)).toBe(expected ? value : undefined)
  })
})
