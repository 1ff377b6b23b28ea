/** The GraphQL documents Purple sends for the merge queue, validated against GitHub's published schema. */
import { parse, validate } from 'graphql'
import { ENQUEUE_MUTATION, QUEUE_STATE_QUERY } from '../../src/github/merge-queue.js'
import { githubSchema } from '../sim/graphql.js'

describe('merge-queue GraphQL documents', () => {
  it.each([
    ['the queue-state read', QUEUE_STATE_QUERY],
    ['the enqueue', ENQUEUE_MUTATION]
  ])('%s validates against @octokit/graphql-schema', (_label, document) => {
    expect(validate(githubSchema(), parse(document))).toEqual([])
  })

  it('the enqueue requires the expected head: an unpinned enqueue cannot be sent', () => {
    // `expectedHeadOid` is optional in GitHub's input; Purple's variable is non-null, so GraphQL itself refuses a missing sha.
    expect(ENQUEUE_MUTATION).toMatch(/\$expectedHeadOid: GitObjectID!/)
    expect(ENQUEUE_MUTATION).toMatch(/expectedHeadOid: \$expectedHeadOid/)
    expect(ENQUEUE_MUTATION).not.toMatch(/enablePullRequestAutoMerge/)
  })
})
