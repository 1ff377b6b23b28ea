import { whyExitCode } from '../../src/cli/why-command.js'
import type { Diagnosis, MergeFacts } from '../../src/core/diagnosis.js'

const pull = (over: Partial<MergeFacts['pull']> = {}): Pick<MergeFacts, 'pull'> => ({
  pull: { number: 1, state: 'OPEN', isDraft: false, headSha: 'a'.repeat(40), baseRef: 'main', author: null, mergeable: 'MERGEABLE', mergeStateStatus: 'BLOCKED', reads: 5, ...over }
})
const verdict = (v: Diagnosis['verdict']): Diagnosis => ({ verdict: v, reason: '', blockers: [], unreadable: [] })

describe('purple why exit codes', () => {
  it.each<[Diagnosis['verdict'], Pick<MergeFacts, 'pull'>, number]>([
    ['mergeable', pull({ mergeStateStatus: 'CLEAN' }), 0],
    ['waiting', pull(), 8],
    ['blocked', pull(), 1],
    // Still computing after every re-read: ask again later.
    ['unknown', pull({ mergeStateStatus: 'UNKNOWN', mergeable: 'UNKNOWN' }), 8],
    // GitHub blocks and no readable rule says why: waiting will not help.
    ['unknown', pull(), 1]
  ])('%s (%j) exits %i', (v, facts, code) => {
    expect(whyExitCode(verdict(v), facts)).toBe(code)
  })
})
