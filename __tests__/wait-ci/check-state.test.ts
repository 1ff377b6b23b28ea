import {
  evaluateChecks,
  observationKey,
  runState,
  statusDurations,
  statusState,
  type EvaluateInput,
  type ObservedCheckRun,
  type ObservedStatus
} from '../../src/core/check-state.js'
import { buildRequiredSet, type GateEntry } from '../../src/core/required-checks.js'
import { MalformedResponseError, parseCheckRunsPage, parseCombinedStatus, parseStatusHistory } from '../../src/github/responses.js'

const checkRunsFromPage = (body: unknown) => parseCheckRunsPage('check runs', body)
const statusesFromCombined = (body: unknown) => parseCombinedStatus('status', body)
const statusesFromHistory = (body: unknown) => parseStatusHistory('statuses', body)

const sha = '6dcb09b5b57875f334f61aebed695e2e4193db5e'
const ACTIONS = 15368
const OTHER_APP = 4242

// A check run as GET /repos/{o}/{r}/commits/{sha}/check-runs returns it (trimmed).
function apiRun(
  id: number,
  name: string,
  status: string,
  conclusion: string | null,
  startedAt: string | null,
  app: { id: number; slug: string } = { id: ACTIONS, slug: 'github-actions' }
): Record<string, unknown> {
  return {
    id,
    head_sha: sha,
    node_id: `CR_kwDO${id}`,
    external_id: '',
    url: `https://api.github.com/repos/octo-org/purple-demo/check-runs/${id}`,
    html_url: `https://github.com/octo-org/purple-demo/actions/runs/1/job/${id}`,
    details_url: `https://github.com/octo-org/purple-demo/actions/runs/1/job/${id}`,
    status,
    conclusion,
    started_at: startedAt,
    completed_at: status === 'completed' ? '2026-11-27T05:10:00Z' : null,
    output: { title: null, summary: null, text: null, annotations_count: 0, annotations_url: '' },
    name,
    check_suite: { id: 5 },
    app: { id: app.id, slug: app.slug, name: app.slug, owner: { login: 'github' } },
    pull_requests: []
  }
}

function runs(...raw: Record<string, unknown>[]): ObservedCheckRun[] {
  return checkRunsFromPage({ total_count: raw.length, check_runs: raw }).runs
}

function status(context: string, state: string, updatedAt = '2026-11-27T05:05:00Z'): ObservedStatus {
  return statusesFromCombined({
    state,
    sha,
    total_count: 1,
    statuses: [
      {
        url: `https://api.github.com/repos/octo-org/purple-demo/statuses/${sha}`,
        id: 1,
        node_id: 'MDY6U3RhdHVzMQ==',
        state,
        description: 'Build',
        target_url: 'https://ci.example.com/1000/output',
        context,
        created_at: '2026-11-27T05:00:00Z',
        updated_at: updatedAt
      }
    ]
  }).statuses[0]!
}

const gate = (...entries: GateEntry[]) =>
  buildRequiredSet([{ source: 'protection', ok: true, entries }], '', 'all-observed')
const need = (name: string, appId?: number): GateEntry => ({ name, appId, source: 'protection' })

function evaluate(partial: Partial<EvaluateInput> & Pick<EvaluateInput, 'required'>) {
  return evaluateChecks({ runs: [], statuses: [], ignore: [], strict: true, failFast: true, ...partial })
}

describe('runState / statusState', () => {
  it.each([
    ['completed', 'success', 'success'],
    ['completed', 'neutral', 'success'],
    ['completed', 'skipped', 'success'],
    ['completed', 'failure', 'failed'],
    ['completed', 'cancelled', 'failed'],
    ['completed', 'timed_out', 'failed'],
    ['completed', 'action_required', 'failed'],
    ['completed', 'startup_failure', 'failed'],
    ['completed', 'stale', 'failed'],
    ['completed', 'some_future_value', 'failed'],
    ['queued', null, 'pending'],
    ['in_progress', null, 'pending'],
    ['waiting', null, 'pending'],
    ['requested', null, 'pending'],
    ['pending', null, 'pending']
  ])('%s/%s is %s', (st, conclusion, expected) => {
    expect(runState({ status: st, conclusion })).toBe(expected)
  })
  it.each([
    ['success', 'success'],
    ['failure', 'failed'],
    ['error', 'failed'],
    ['pending', 'pending']
  ])('status %s is %s', (state, expected) => {
    expect(statusState(state)).toBe(expected)
  })
})

describe('evaluateChecks with a gate', () => {
  it.each([
    [
      'a required test not registered yet while everything visible is green',
      [need('test'), need('lint')],
      runs(apiRun(1, 'lint', 'completed', 'success', '2026-11-27T05:00:00Z')),
      [],
      'pending',
      { test: 'missing', lint: 'success' }
    ],
    [
      'registered and green',
      [need('test'), need('lint')],
      runs(
        apiRun(1, 'lint', 'completed', 'success', '2026-11-27T05:00:00Z'),
        apiRun(2, 'test', 'completed', 'success', '2026-11-27T05:03:00Z')
      ),
      [],
      'success',
      { test: 'success', lint: 'success' }
    ],
    [
      'skipped satisfies',
      [need('deploy-preview')],
      runs(apiRun(3, 'deploy-preview', 'completed', 'skipped', '2026-11-27T05:00:00Z')),
      [],
      'success',
      { 'deploy-preview': 'success' }
    ],
    [
      'old failure followed by a running re-run is pending',
      [need('test')],
      runs(
        apiRun(10, 'test', 'completed', 'failure', '2026-11-27T05:00:00Z'),
        apiRun(11, 'test', 'in_progress', null, '2026-11-27T05:04:00Z')
      ),
      [],
      'pending',
      { test: 'pending' }
    ],
    [
      're-run turns the failure green',
      [need('test')],
      runs(
        apiRun(11, 'test', 'completed', 'success', '2026-11-27T05:04:00Z'),
        apiRun(10, 'test', 'completed', 'failure', '2026-11-27T05:00:00Z')
      ),
      [],
      'success',
      { test: 'success' }
    ],
    [
      'a queued re-run (not started) after a success is pending',
      [need('test')],
      runs(
        apiRun(20, 'test', 'completed', 'success', '2026-11-27T05:00:00Z'),
        apiRun(21, 'test', 'queued', null, null)
      ),
      [],
      'pending',
      { test: 'pending' }
    ],
    [
      'same started_at: the higher id wins',
      [need('test')],
      runs(
        apiRun(31, 'test', 'completed', 'failure', '2026-11-27T05:00:00Z'),
        apiRun(30, 'test', 'completed', 'success', '2026-11-27T05:00:00Z')
      ),
      [],
      'failure',
      { test: 'failed' }
    ],
    [
      // fountainhead/action-wait-for-check __tests__/poll.test.ts, "returns conclusion of completed check":
      // a pending run with id 1 beside a completed run with id 2 of the same name is the completed one's verdict.
      'a pending run with a lower id beside a newer completed run: the newer decides',
      [need('test')],
      runs(apiRun(1, 'test', 'pending', null, null), apiRun(2, 'test', 'completed', 'success', '2026-11-27T05:00:00Z')),
      [],
      'success',
      { test: 'success' }
    ],
    [
      // A stuck queued run (never started) created before the run that completed: ids order creation, and a re-run always gets a new, higher id.
      'a queued run with no started_at and a lower id is not the newest',
      [need('test')],
      runs(apiRun(50, 'test', 'completed', 'success', '2026-11-27T05:03:00Z'), apiRun(49, 'test', 'queued', null, null)),
      [],
      'success',
      { test: 'success' }
    ],
    [
      // invented: clocks of two runners disagree; creation order (id) still decides, not started_at.
      'a newer run (higher id) that reports an earlier started_at still decides',
      [need('test')],
      runs(apiRun(60, 'test', 'completed', 'success', '2026-11-27T05:10:00Z'), apiRun(61, 'test', 'completed', 'failure', '2026-11-27T05:05:00Z')),
      [],
      'failure',
      { test: 'failed' }
    ],
    [
      'app-scoped: a same-named run of another app does not count',
      [need('test', ACTIONS)],
      runs(apiRun(40, 'test', 'completed', 'success', '2026-11-27T05:00:00Z', { id: OTHER_APP, slug: 'impostor-ci' })),
      [],
      'pending',
      { test: 'missing' }
    ],
    [
      'app-scoped: the right app counts even beside another app failing',
      [need('test', ACTIONS)],
      runs(
        apiRun(41, 'test', 'completed', 'failure', '2026-11-27T05:09:00Z', { id: OTHER_APP, slug: 'impostor-ci' }),
        apiRun(42, 'test', 'completed', 'success', '2026-11-27T05:00:00Z')
      ),
      [],
      'success',
      { test: 'success' }
    ],
    ['a commit status as the required context', [need('ci/circleci: build')], [], [status('ci/circleci: build', 'success')], 'success', { 'ci/circleci: build': 'success' }],
    ['a pending commit status', [need('ci/circleci: build')], [], [status('ci/circleci: build', 'pending')], 'pending', { 'ci/circleci: build': 'pending' }],
    ['an error commit status fails', [need('ci/circleci: build')], [], [status('ci/circleci: build', 'error')], 'failure', { 'ci/circleci: build': 'failed' }],
    [
      'a status never satisfies an app-scoped requirement',
      [need('ci/circleci: build', ACTIONS)],
      [],
      [status('ci/circleci: build', 'success')],
      'pending',
      { 'ci/circleci: build': 'missing' }
    ],
    [
      'cancelled fails',
      [need('test')],
      runs(apiRun(50, 'test', 'completed', 'cancelled', '2026-11-27T05:00:00Z')),
      [],
      'failure',
      { test: 'failed' }
    ],
    [
      'action_required fails',
      [need('test')],
      runs(apiRun(51, 'test', 'completed', 'action_required', '2026-11-27T05:00:00Z')),
      [],
      'failure',
      { test: 'failed' }
    ]
  ])('%s', (_label, entries, observedRuns, statuses, verdict, states) => {
    const evaluation = evaluate({ required: gate(...entries), runs: observedRuns, statuses })
    expect(evaluation.verdict).toBe(verdict)
    expect(Object.fromEntries(evaluation.checks.map((c) => [c.name, c.state]))).toEqual(states)
  })

  it('fail-fast stops at the first failure; without it the wait goes on while others are pending', () => {
    const required = gate(need('test'), need('lint'))
    const observed = runs(
      apiRun(1, 'lint', 'completed', 'failure', '2026-11-27T05:00:00Z'),
      apiRun(2, 'test', 'in_progress', null, '2026-11-27T05:00:00Z')
    )
    expect(evaluate({ required, runs: observed }).verdict).toBe('failure')
    expect(evaluate({ required, runs: observed, failFast: false }).verdict).toBe('pending')
    const done = runs(
      apiRun(1, 'lint', 'completed', 'failure', '2026-11-27T05:00:00Z'),
      apiRun(2, 'test', 'completed', 'success', '2026-11-27T05:00:00Z')
    )
    expect(evaluate({ required, runs: done, failFast: false }).verdict).toBe('failure')
  })

  it('without strict mode a missing required check does not hold the wait, but nothing never passes', () => {
    const required = gate(need('test'), need('lint'))
    const observed = runs(apiRun(1, 'lint', 'completed', 'success', '2026-11-27T05:00:00Z'))
    expect(evaluate({ required, runs: observed, strict: false }).verdict).toBe('success')
    expect(evaluate({ required, runs: [], strict: false }).verdict).toBe('pending')
  })

  it('the own check run with a custom name in the required set is not waited on, even with an older failed attempt', () => {
    const required = gate(need('Gate / wait'), need('test'))
    const observed = runs(
      apiRun(60, 'Gate / wait', 'completed', 'failure', '2026-11-27T04:00:00Z'),
      apiRun(61, 'Gate / wait', 'in_progress', null, '2026-11-27T05:00:00Z'),
      apiRun(62, 'test', 'completed', 'success', '2026-11-27T05:00:00Z')
    )
    const evaluation = evaluate({ required, runs: observed, ownCheckRunId: 61 })
    expect(evaluation.verdict).toBe('success')
    expect(evaluation.checks.find((c) => c.name === 'Gate / wait')?.state).toBe('self')
    // Without knowing its own id it would wait on itself: pending, never success.
    expect(evaluate({ required, runs: observed }).verdict).toBe('pending')
  })

  it('never ignores a required check, and reports the attempt', () => {
    const evaluation = evaluate({ required: gate(need('test')), ignore: ['te*'] })
    expect(evaluation.verdict).toBe('pending')
    expect(evaluation.ignoredRequired).toEqual(['test'])
  })

  it('keeps the link and the time to complete of the deciding run', () => {
    const observed = runs(apiRun(70, 'test', 'completed', 'success', '2026-11-27T05:08:00Z'))
    const [check] = evaluate({ required: gate(need('test')), runs: observed }).checks
    expect(check).toMatchObject({
      kind: 'check-run',
      detail: 'success',
      url: 'https://github.com/octo-org/purple-demo/actions/runs/1/job/70',
      durationMs: 120_000,
      sources: ['protection']
    })
  })
})

describe('evaluateChecks without a gate', () => {
  const none = buildRequiredSet([{ source: 'protection', ok: false, reason: '403' }], '', 'all-observed')
  it('zero observed checks is pending, never success', () => {
    const evaluation = evaluate({ required: none })
    expect(evaluation.verdict).toBe('pending')
    expect(evaluation.line).toBe('waiting: no checks observed yet')
  })
  it('only the own run observed is still pending', () => {
    const observed = runs(apiRun(1, 'wait', 'in_progress', null, '2026-11-27T05:00:00Z'))
    expect(evaluate({ required: none, runs: observed, ownCheckRunId: 1 }).verdict).toBe('pending')
  })
  it('waits on every observed check and status, minus ignored names and itself', () => {
    const observed = runs(
      apiRun(1, 'wait', 'in_progress', null, '2026-11-27T05:00:00Z'),
      apiRun(2, 'test', 'completed', 'success', '2026-11-27T05:00:00Z'),
      apiRun(3, 'deploy-preview', 'in_progress', null, '2026-11-27T05:00:00Z')
    )
    const evaluation = evaluate({
      required: none,
      runs: observed,
      statuses: [status('codecov/patch', 'success')],
      ownCheckRunId: 1,
      ignore: ['deploy*']
    })
    expect(evaluation.checks.map((c) => [c.name, c.state])).toEqual([
      ['codecov/patch', 'success'],
      ['test', 'success']
    ])
    expect(evaluation.verdict).toBe('success')
  })
  it('on-no-gate fail is a failure', () => {
    const fail = buildRequiredSet([], '', 'fail')
    expect(evaluate({ required: fail }).verdict).toBe('failure')
  })
})

describe('parsers', () => {
  it.each([[''], [undefined], [{ total_count: 1 }], [{ total_count: 1, check_runs: [{ id: 1 }] }]])(
    'rejects check-runs body %j as malformed',
    (body) => {
      expect(() => checkRunsFromPage(body)).toThrow(MalformedResponseError)
    }
  )
  it.each([[''], [{ state: 'success' }], [{ sha, statuses: [{ state: 'success' }] }]])('rejects status body %j', (body) => {
    expect(() => statusesFromCombined(body)).toThrow(MalformedResponseError)
  })
  it('the observation key changes when a state changes and only then', () => {
    const required = gate(need('test'))
    const a = evaluate({ required, runs: runs(apiRun(1, 'test', 'queued', null, null)) })
    const b = evaluate({ required, runs: runs(apiRun(1, 'test', 'queued', null, null)) })
    const c = evaluate({ required, runs: runs(apiRun(1, 'test', 'in_progress', null, '2026-11-27T05:00:00Z')) })
    expect(observationKey(a)).toBe(observationKey(b))
    expect(observationKey(a)).not.toBe(observationKey(c))
  })
})

describe('statusDurations', () => {
  it('dates each context from its first status to its newest in the history', () => {
    // GET /commits/{ref}/statuses: newest first, one immutable status per state change.
    const history = statusesFromHistory([
      { id: 3, context: 'ci/circleci: build', state: 'success', created_at: '2026-11-27T05:07:30Z', updated_at: '2026-11-27T05:07:30Z', target_url: null },
      { id: 2, context: 'codecov/patch', state: 'success', created_at: '2026-11-27T05:06:00Z', updated_at: '2026-11-27T05:06:00Z', target_url: null },
      { id: 1, context: 'ci/circleci: build', state: 'pending', created_at: '2026-11-27T05:00:00Z', updated_at: '2026-11-27T05:00:00Z', target_url: null }
    ])
    expect(statusDurations(history)).toEqual(new Map([['ci/circleci: build', 450_000], ['codecov/patch', 0]]))
  })
  it('rejects a body that is not a list', () => {
    expect(() => statusesFromHistory({ message: 'Not Found' })).toThrow(MalformedResponseError)
  })
})
