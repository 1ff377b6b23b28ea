import {
  buildRequiredSet,
  compileGlob,
  requiredFromInput,
  unionRequired,
  type GateEntry
} from '../../src/core/required-checks.js'
import { MalformedResponseError, requiredFromBranch as parseBranch, requiredFromRules as parseRules } from '../../src/github/responses.js'

const requiredFromBranch = (body: unknown) => parseBranch('branch', body)
const requiredFromRules = (body: unknown) => parseRules('rules', body)

// Shapes as GET /repos/{o}/{r}/branches/{b} returns them (trimmed of commit/_links).
const protectedBranch = {
  name: 'main',
  commit: { sha: '6dcb09b5b57875f334f61aebed695e2e4193db5e' },
  protected: true,
  protection: {
    enabled: true,
    required_status_checks: {
      enforcement_level: 'non_admins',
      contexts: ['test', 'lint', 'ci/circleci: build'],
      checks: [
        { context: 'test', app_id: 15368 },
        { context: 'lint', app_id: null },
        { context: 'ci/circleci: build', app_id: null }
      ]
    }
  },
  protection_url: 'https://api.github.com/repos/octo-org/purple-demo/branches/main/protection'
}
const unprotectedBranch = {
  name: 'main',
  commit: { sha: '6dcb09b5b57875f334f61aebed695e2e4193db5e' },
  protected: false,
  protection: { enabled: false, required_status_checks: { enforcement_level: 'off', contexts: [], checks: [] } },
  protection_url: 'https://api.github.com/repos/octo-org/purple-demo/branches/main/protection'
}
// Older protections only list contexts.
const contextsOnly = {
  name: 'main',
  protected: true,
  protection: { enabled: true, required_status_checks: { enforcement_level: 'everyone', contexts: ['build'] } }
}

// Shape of GET /repos/{o}/{r}/rules/branches/{b}.
const rules = [
  { type: 'deletion', ruleset_source_type: 'Repository', ruleset_source: 'octo-org/purple-demo', ruleset_id: 42 },
  {
    type: 'pull_request',
    parameters: { required_approving_review_count: 1, dismiss_stale_reviews_on_push: false },
    ruleset_source_type: 'Repository',
    ruleset_source: 'octo-org/purple-demo',
    ruleset_id: 42
  },
  {
    type: 'required_status_checks',
    parameters: {
      strict_required_status_checks_policy: false,
      do_not_enforce_on_create: false,
      required_status_checks: [{ context: 'gate' }, { context: 'test', integration_id: 15368 }]
    },
    ruleset_source_type: 'Organization',
    ruleset_source: 'octo-org',
    ruleset_id: 7
  }
]

describe('requiredFromBranch', () => {
  it.each([
    [
      'protected, checks with and without app',
      protectedBranch,
      [
        { name: 'test', appId: 15368, source: 'protection' },
        { name: 'lint', appId: undefined, source: 'protection' },
        { name: 'ci/circleci: build', appId: undefined, source: 'protection' }
      ]
    ],
    ['unprotected: empty', unprotectedBranch, []],
    ['contexts only', contextsOnly, [{ name: 'build', source: 'protection' }]],
    ['protected without status checks', { name: 'main', protected: true, protection: { enabled: true } }, []]
  ])('%s', (_label, body, expected) => {
    expect(requiredFromBranch(body)).toEqual(expected)
  })

  it.each([
    ['a cut body (Octokit resolves it as "")', ''],
    ['an HTML page', '<html><body>524</body></html>'],
    ['a check without context', { ...protectedBranch, protection: { required_status_checks: { checks: [{ app_id: 1 }] } } }]
  ])('rejects %s as malformed', (_label, body) => {
    expect(() => requiredFromBranch(body)).toThrow(MalformedResponseError)
  })
})

describe('requiredFromRules', () => {
  it('takes only required_status_checks rules, with integration ids', () => {
    expect(requiredFromRules(rules)).toEqual([
      { name: 'gate', appId: undefined, source: 'ruleset' },
      { name: 'test', appId: 15368, source: 'ruleset' }
    ])
  })
  it('reads an empty list as no rules', () => {
    expect(requiredFromRules([])).toEqual([])
  })
  it.each([[''], [{ message: 'Not Found' }], [[{ type: 'required_status_checks', parameters: {} }]]])(
    'rejects %j as malformed',
    (body) => {
      expect(() => requiredFromRules(body)).toThrow(MalformedResponseError)
    }
  )
})

describe('requiredFromInput', () => {
  it('splits on newlines only, trims, drops blanks and duplicates', () => {
    expect(requiredFromInput('test (ubuntu-latest, 20)\n\n  e2e  \r\ntest (ubuntu-latest, 20)\n')).toEqual([
      { name: 'test (ubuntu-latest, 20)', source: 'input' },
      { name: 'e2e', source: 'input' }
    ])
  })
})

describe('unionRequired', () => {
  const e = (name: string, source: GateEntry['source'], appId?: number): GateEntry => ({ name, source, appId })
  it.each([
    ['same name, any app, two sources', [e('gate', 'ruleset'), e('gate', 'input')], [{ name: 'gate', sources: ['ruleset', 'input'] }]],
    [
      'any app plus app X needs app X',
      [e('test', 'protection', 15368), e('test', 'input')],
      [{ name: 'test', appId: 15368, sources: ['protection', 'input'] }]
    ],
    [
      'two different apps stay two requirements',
      [e('test', 'protection', 15368), e('test', 'ruleset', 99)],
      [
        { name: 'test', appId: 99, sources: ['ruleset'] },
        { name: 'test', appId: 15368, sources: ['protection'] }
      ]
    ],
    [
      'the same app from two sources is one',
      [e('test', 'ruleset', 15368), e('test', 'protection', 15368)],
      [{ name: 'test', appId: 15368, sources: ['protection', 'ruleset'] }]
    ]
  ])('%s', (_label, entries, expected) => {
    expect(unionRequired(entries)).toEqual(expected)
  })
})

describe('buildRequiredSet', () => {
  const protection = { source: 'protection' as const, ok: true as const, entries: requiredFromBranch(protectedBranch) }
  const ruleset = { source: 'ruleset' as const, ok: true as const, entries: requiredFromRules(rules) }
  const forbidden = {
    source: 'protection' as const,
    ok: false as const,
    reason: '403 Resource not accessible by integration'
  }
  const rulesDown = { source: 'ruleset' as const, ok: false as const, reason: '404 Not Found' }

  it('unions the three sources, each name tagged', () => {
    const set = buildRequiredSet([protection, ruleset], 'e2e\ngate', 'all-observed')
    expect(set.mode).toBe('gate')
    expect(set.checks).toEqual([
      { name: 'test', appId: 15368, sources: ['protection', 'ruleset'] },
      { name: 'lint', sources: ['protection'] },
      { name: 'ci/circleci: build', sources: ['protection'] },
      { name: 'gate', sources: ['ruleset', 'input'] },
      { name: 'e2e', sources: ['input'] }
    ])
    expect(set.notes).toEqual([
      'branch protection: read, 3 required check(s)',
      'rulesets: read, 2 required check(s)',
      'required input: 2 name(s)'
    ])
  })

  it('goes on with the readable sources and says which could not be read and why', () => {
    const set = buildRequiredSet([forbidden, ruleset], '', 'fail')
    expect(set.mode).toBe('gate')
    expect(set.checks.map((c) => c.name)).toEqual(['gate', 'test'])
    expect(set.notes[0]).toBe(
      'branch protection: could not be read (403 Resource not accessible by integration); going on with the other sources'
    )
  })

  it.each([
    ['all-observed', 'all-observed', 'no gate source could be read'],
    ['fail', 'fail', 'no gate source could be read']
  ] as const)('nothing readable, no input, on-no-gate %s', (_label, policy, says) => {
    const set = buildRequiredSet([forbidden, rulesDown], '  \n', policy)
    expect(set.mode).toBe(policy)
    expect(set.checks).toEqual([])
    expect(set.notes.join('\n')).toContain(says)
  })

  it('an unprotected branch without rulesets is no gate either', () => {
    const set = buildRequiredSet(
      [
        { source: 'protection', ok: true, entries: requiredFromBranch(unprotectedBranch) },
        { source: 'ruleset', ok: true, entries: [] }
      ],
      '',
      'all-observed'
    )
    expect(set.mode).toBe('all-observed')
    expect(set.notes.join('\n')).toContain('the branch has no required status checks')
  })
})

describe('globs', () => {
  it.each([
    ['wait-ci*', 'wait-ci / gate', true],
    ['*/gate', 'ci/circleci: build/gate', true],
    ['test (*)', 'test (ubuntu-latest, 20)', true],
    ['test (*)', 'test', false],
    ['lint?', 'lint2', true],
    ['a.b', 'axb', false],
    ['[x]', '[x]', true]
  ])('%s matches %s: %s', (glob, name, expected) => {
    expect(compileGlob(glob).test(name)).toBe(expected)
  })
})
