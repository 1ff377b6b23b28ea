/**
 * purple retry's decisions as data: stop or wait, and how long; and the waits
 * that real rate-limited tools print.
 */
import { classifyText } from '../../src/core/failure-engine.js'
import { parseDuration, rateLimitHintMs } from '../../src/core/rate-limit-hint.js'
import { backoffWaitMs, decideAfterFailure, EXIT_TRANSIENT_EXHAUSTED, type RetryPolicy } from '../../src/core/retry-plan.js'

const NOW = Date.parse('2026-11-27T06:00:00Z')
const POLICY: RetryPolicy = { attempts: 5, minDelayMs: 1000, maxDelayMs: 60_000, unknown: 'retry' }

describe('rateLimitHintMs: the wait a tool asked for', () => {
  it.each<[string, string, number | undefined]>([
    // https://github.com/n3d1117/chatgpt-telegram-bot/pull/341
    ['OpenAI "try again in 20s"', "error_message='Rate limit reached for default-gpt-3.5-turbo in organization org-xxx on requests per min. Limit: 3 / min. Please try again in 20s. Contact us'", 20_000],
    // https://github.com/hwchase17/notion-qa/issues/19
    ['OpenAI "try again in 1s"', 'openai.error.RateLimitError: Rate limit reached for default-global-with-image-limits in organization org-8Ch0kYQaMzstRX0szWKe1GLd on requests per min. Limit: 60 / min. Please try again in 1s. Contact', 1000],
    // OpenAI's token-limit wording with milliseconds of precision (the form the issue quotes).
    ['fractional seconds', 'Rate limit reached for gpt-4o on tokens per min (TPM): Limit 30000, Used 29000, Requested 1500. Please try again in 18.642s.', 18_642],
    ['minutes and seconds', 'Please try again in 1m30s.', 90_000],
    ['milliseconds', 'Please try again in 52ms.', 52],
    // RFC 9110 section 10.2.3: seconds or an HTTP date.
    ['retry-after seconds (curl -i)', 'HTTP/2 429\nretry-after: 30\ncontent-type: application/json', 30_000],
    ['retry-after date', 'Retry-After: Fri, 27 Nov 2026 06:02:00 GMT', 120_000],
    ['retry-after in a JSON header dump', '{"retry-after": "7", "x-request-id": "abc"}', 7000],
    // https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api (epoch seconds)
    ['GitHub x-ratelimit-reset', `x-ratelimit-remaining: 0\nx-ratelimit-reset: ${NOW / 1000 + 300}`, 300_000],
    // https://docs.anthropic.com/en/api/rate-limits (RFC 3339 reset times)
    ['Anthropic reset time', 'anthropic-ratelimit-requests-reset: 2026-11-27T06:00:45Z', 45_000],
    // OpenAI's reset headers are durations.
    ['OpenAI reset duration', 'x-ratelimit-reset-tokens: 6m0s', 360_000],
    ['the longest of several', 'x-ratelimit-reset-requests: 1s\nx-ratelimit-reset-tokens: 20s', 20_000],
    ['a reset in the past waits 0', 'anthropic-ratelimit-tokens-reset: 2026-11-27T05:00:00Z', 0],
    ['no hint', 'Error: 429 {"type":"error","error":{"type":"rate_limit_error","message":"Rate limited"}}', undefined],
    // The client's own schedule is not the server's hint.
    ['a client "Retrying in 1 seconds" is not a hint', 'API Error (529 overloaded_error) · Retrying in 1 seconds… (attempt 1/10)', undefined]
  ])('%s', (_label, text, ms) => {
    expect(rateLimitHintMs(text, NOW)).toBe(ms)
  })

  it('reads only a bounded tail, fast, on 1 MB of near-misses', () => {
    const text = 'retry-after: x '.repeat(70_000) + 'Please try again in 3s'
    const start = performance.now()
    expect(rateLimitHintMs(text, NOW)).toBe(3000)
    expect(performance.now() - start).toBeLessThan(200)
  })

  it.each([['1h2m3s', 3_723_000], ['0.5s', 500], ['6m0s', 360_000], ['20', undefined], ['5 s', undefined]])('parseDuration(%j)', (text, ms) => {
    expect(parseDuration(text)).toBe(ms)
  })
})

describe('backoffWaitMs: full jitter above a floor', () => {
  it.each([
    [1, 0, 1000],
    [1, 0.999, 1998],
    [3, 0.5, 4000],
    [10, 0.999, 59_940],
    [10, 0, 1000]
  ])('retry %i with random %d waits %i ms', (retry, r, ms) => {
    expect(backoffWaitMs(retry, POLICY, () => 1 - r)).toBe(ms)
  })
})

function verdictFor(text: string, exitCode = 1) {
  return classifyText(text, { exitCode })
}

describe('decideAfterFailure', () => {
  // https://github.com/anthropics/claude-code/issues/5184
  const overloaded = verdictFor('API Error (529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})')
  // https://github.com/anthropics/claude-code/issues/66314
  const credit = verdictFor('{"type":"error","error":{"type":"invalid_request_error","message":"Your credit balance is too low to access the Anthropic API."}}')
  // https://github.com/Shpota/github-activity-generator/issues/75
  const gitAuth = verdictFor("fatal: Authentication failed for 'https://github.com/Bushan101/sss.git/'", 128)
  const unknown = verdictFor('Segmentation fault (core dumped)', 139)

  it('retries a transient failure after the backoff', () => {
    expect(decideAfterFailure({ attempt: 1, exitCode: 1, verdict: overloaded }, POLICY, 0, () => 0)).toMatchObject({ action: 'retry', delayMs: 2000 })
  })

  it('stops at once on permanent and auth failures with the command\'s own exit code', () => {
    expect(decideAfterFailure({ attempt: 1, exitCode: 1, verdict: credit }, POLICY, 0, () => 0)).toMatchObject({ action: 'stop', exitCode: 1 })
    expect(decideAfterFailure({ attempt: 1, exitCode: 128, verdict: gitAuth }, POLICY, 0, () => 0)).toMatchObject({ action: 'stop', exitCode: 128 })
  })

  it('retries the unknown by default and stops on it with --unknown fail', () => {
    expect(decideAfterFailure({ attempt: 1, exitCode: 139, verdict: unknown }, POLICY, 0, () => 0).action).toBe('retry')
    expect(decideAfterFailure({ attempt: 1, exitCode: 139, verdict: unknown }, { ...POLICY, unknown: 'fail' }, 0, () => 0)).toMatchObject({ action: 'stop', exitCode: 139 })
  })

  it('gives 75 when the attempts are used up', () => {
    expect(decideAfterFailure({ attempt: 5, exitCode: 1, verdict: overloaded }, POLICY, 0, () => 0)).toMatchObject({ action: 'stop', exitCode: EXIT_TRANSIENT_EXHAUSTED })
  })

  it('waits out a rate-limit hint longer than the backoff, and stops with 75 when it would pass the deadline', () => {
    const limited = verdictFor('Error: 429 {"type":"error","error":{"type":"rate_limit_error","message":"Rate limited"}}')
    expect(decideAfterFailure({ attempt: 1, exitCode: 1, verdict: limited, hintMs: 18_642 }, POLICY, 0, () => 0)).toMatchObject({ action: 'retry', delayMs: 18_642 })
    expect(decideAfterFailure({ attempt: 1, exitCode: 1, verdict: limited, hintMs: 10 }, POLICY, 0, () => 0)).toMatchObject({ action: 'retry', delayMs: 2000 })
    expect(decideAfterFailure({ attempt: 1, exitCode: 1, verdict: limited, hintMs: 18_642 }, { ...POLICY, deadlineMs: 15_000 }, 0, () => 0)).toMatchObject({
      action: 'stop',
      exitCode: EXIT_TRANSIENT_EXHAUSTED
    })
  })
})
