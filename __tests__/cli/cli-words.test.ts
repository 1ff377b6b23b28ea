/**
 * The messages merge and wait-ci share with the actions, as the command line prints them: its flags and the
 * App's environment variables, never the action inputs a terminal cannot set. The messages are the real ones.
 */
import { describe, expect, it } from '@jest/globals'
import { cliWords } from '../../src/cli/api-command.js'
import { APP_AUTH_ADVICE, queueTimeoutMessage, tokenAuthWarning } from '../../src/core/merge-queue.js'

// merge's own flag table (src/cli/merge-command.ts).
const words = cliWords({ 'pull-request': 'pr', sha: 'sha', method: 'method', 'timeout-seconds': 'timeout', 'interval-seconds': 'interval' })
const entry = { state: 'AWAITING_CHECKS' as const, position: 1, groupSha: 'a'.repeat(40) }

describe('cliWords', () => {
  it('names --timeout where the queue timeout names the input', () => {
    const message = queueTimeoutMessage({ pull: 1, entry, waitedMs: 600_000, groupStarted: true, checkResponseTimeoutMinutes: 60, owner: 'other' })
    expect(message).toContain("give 'timeout-seconds' about 3600")
    expect(words(message)).toContain('give --timeout about 3600')
    expect(words(message)).not.toContain("'timeout-seconds'")
  })

  it('names the App environment where the advice names the App inputs', () => {
    const warning = tokenAuthWarning('actions')!
    expect(warning).toContain(APP_AUTH_ADVICE)
    expect(words(warning)).toContain('Use GitHub App auth (PURPLE_APP_ID with PURPLE_PRIVATE_KEY_FILE; ')
    expect(words(warning)).not.toMatch(/'app-id'|'private-key'/)
  })

  it('leaves a message with no action input as it is, and never rewrites an unhyphenated word', () => {
    const text = "GitHub refused the merge: Required status check 'sha' is expected. 'method' was squash."
    expect(words(text)).toBe(text)
  })
})
