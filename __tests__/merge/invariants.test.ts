/**
 * The invariant check can fail: merge calls made by hand against the
 * simulator that break each rule are caught.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { DEFAULT_TOKEN, HEAD_SHA, startSimulator, type Sim } from '../sim/server.js'
import { expectMergeInvariants } from './invariants.js'

let sim: Sim | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

async function put(s: Sim, sha: string): Promise<number> {
  const res = await fetch(`${s.url}/repos/octo-org/purple-demo/pulls/1/merge`, {
    method: 'PUT',
    headers: { authorization: `token ${DEFAULT_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ sha })
  })
  await res.text()
  return res.status
}

describe('expectMergeInvariants', () => {
  it('passes on calls with the verified sha', async () => {
    const s = (sim = await startSimulator())
    expect(await put(s, HEAD_SHA)).toBe(200)
    expect(() => expectMergeInvariants(s, HEAD_SHA)).not.toThrow()
  })

  it('fails on a call with another sha', async () => {
    const s = (sim = await startSimulator())
    expect(await put(s, 'f'.repeat(40))).toBe(409)
    expect(() => expectMergeInvariants(s, HEAD_SHA)).toThrow()
  })

  it('fails on a call after GitHub said a required check is failing', async () => {
    const s = (sim = await startSimulator({
      setup: (st) => {
        st.branches[0]!.protection = { required_status_checks: { strict: false, contexts: ['test'], checks: [] }, required_approving_review_count: null, enforce_admins: false }
      }
    }))
    s.addCheckRun({ name: 'test', conclusion: 'failure' })
    expect(await put(s, HEAD_SHA)).toBe(405)
    expect(() => expectMergeInvariants(s, HEAD_SHA)).not.toThrow()
    expect(await put(s, HEAD_SHA)).toBe(405)
    expect(() => expectMergeInvariants(s, HEAD_SHA)).toThrow()
  })
  it('fails on a branch update that is not pinned to the verified sha, or a second update', async () => {
    const s = (sim = await startSimulator({ setup: (st) => void (st.pulls[0]!.mergeable_state = 'behind') }))
    const update = async (body: object): Promise<number> => {
      const res = await fetch(`${s.url}/repos/octo-org/purple-demo/pulls/1/update-branch`, {
        method: 'PUT',
        headers: { authorization: `token ${DEFAULT_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify(body)
      })
      await res.text()
      return res.status
    }
    expect(await update({ expected_head_sha: HEAD_SHA })).toBe(202)
    expect(() => expectMergeInvariants(s, HEAD_SHA)).not.toThrow()
    expect(await update({})).toBe(422)
    expect(() => expectMergeInvariants(s, HEAD_SHA)).toThrow()
  })
})
