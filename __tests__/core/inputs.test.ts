/** The shared input parsers, with values as workflows write them (and as core.getInput passes them). */
import {
  inputError,
  parseBooleanInput,
  parsePositiveIntegerInput,
  parsePullRequestInput,
  parseSecondsInput,
  parseShaInput,
  specInputSource
} from '../../src/core/inputs.js'
import { waitCiOwnInputs } from '../../src/actions/wait-ci/io.js'

const inputs = {
  flag: { description: 'a boolean', default: 'true' },
  seconds: { description: 'a duration', default: '10' },
  'pull-request': { description: 'a pull request', default: '' },
  sha: { description: 'a head' },
  'check-run-id': { description: 'from the runner', default: '${{ job.check_run_id }}' }
} as const
type Name = keyof typeof inputs

/** One input set to `value` (as the workflow wrote it), the others left out. */
const one = (name: Name, value: string, prefix = '', shared: readonly string[] = []) =>
  specInputSource(inputs, (label) => (label === (shared.includes(name) ? name : `${prefix}${name}`) ? value : ''), prefix, shared)

const SHA1 = '6dcb09b5b57875f334f61aebed695e2e4193db5e'
const SHA256 = 'b1c2d3e4f5a6978812345678901234567890abcdefabcdefabcdefabcdef0123'

describe('specInputSource', () => {
  it.each([
    ['flag', '', 'true'],
    ['flag', 'False', 'False'],
    ['seconds', '', '10'],
    ['sha', '', ''],
    // Outside the runner the `${{ }}` default is not evaluated: it counts as unset, never as a value.
    ['check-run-id', '', ''],
    ['check-run-id', '51725241954', '51725241954']
  ] as const)('%s given %j reads %j', (name, value, expected) => {
    expect(one(name, value).get(name)).toBe(expected)
  })

  it('reads prefixed inputs under their prefixed name and shared ones under their own', () => {
    const read: string[] = []
    const source = specInputSource(inputs, (label) => (read.push(label), ''), 'wait-', ['pull-request', 'sha'])
    expect([source.label('seconds'), source.label('pull-request'), source.label('sha')]).toEqual(['wait-seconds', 'pull-request', 'sha'])
    source.get('seconds')
    source.get('sha')
    expect(read).toEqual(['wait-seconds', 'sha'])
  })

  it("applies wait-ci's real defaults", () => {
    const source = specInputSource(waitCiOwnInputs, () => '')
    expect(['strict', 'on-no-gate', 'timeout-seconds', 'interval-seconds', 'fail-fast', 'check-run-id', 'required'].map((n) => source.get(n as keyof typeof waitCiOwnInputs))).toEqual([
      'true',
      'all-observed',
      '3600',
      '10',
      'true',
      '',
      ''
    ])
  })
})

describe('inputError', () => {
  it('names the input, quotes the value, says what to write', () => {
    expect(inputError('merge-method', 'ff', "write 'merge'.").message).toBe("Input 'merge-method' is 'ff': write 'merge'.")
  })
})

describe('parseBooleanInput', () => {
  it.each([
    ['true', true],
    ['True', true],
    ['TRUE', true],
    [' true ', true],
    ['false', false],
    ['False', false],
    ['FALSE', false],
    ['', true]
  ])('%j -> %s', (value, expected) => {
    expect(parseBooleanInput(one('flag', value), 'flag')).toBe(expected)
  })

  it.each(['yes', 'no', '1', '0', 'on', 'tRUE', 'y'])('rejects %j, naming the prefixed input', (value) => {
    expect(() => parseBooleanInput(one('flag', value, 'merge-'), 'flag')).toThrow(`Input 'merge-flag' is '${value}': write 'true' or 'false'.`)
  })
})

describe('parseSecondsInput', () => {
  it.each([
    [' 10 ', 1, 10_000],
    ['0.5', 0.01, 500],
    ['0.05', 0.01, 50],
    ['2.5', 1, 2500],
    ['0', 0, 0],
    ['0.0014', 0.001, 1],
    ['1e1', 1, 10_000],
    ['', 1, 10_000]
  ])('%j (at least %s) -> %s ms', (value, min, ms) => {
    expect(parseSecondsInput(one('seconds', value), 'seconds', { min })).toBe(ms)
  })

  it.each([
    ['1h', 1],
    ['ten', 0.01],
    ['0', 0.01],
    ['-5', 0],
    ['Infinity', 1],
    ['10s', 1]
  ])('rejects %j (at least %s)', (value, min) => {
    // The examples are only values the input accepts: at least 1 rejects '0.5', so it is no example.
    const examples = min <= 0.5 ? "'10' or '0.5'" : "'10'"
    expect(() => parseSecondsInput(one('seconds', value, 'wait-'), 'seconds', { min })).toThrow(
      `Input 'wait-seconds' is '${value}': write a number of seconds of at least ${min}, e.g. ${examples}.`
    )
  })

  it("never suggests a value it rejects: at least 1 given '0.5'", () => {
    expect(() => parseSecondsInput(one('seconds', '0.5', 'timeout-'), 'seconds', { min: 1 })).toThrow(
      "Input 'timeout-seconds' is '0.5': write a number of seconds of at least 1, e.g. '10'."
    )
  })

  it.each([
    ['0.001', 1],
    ['2.5', 2500],
    ['30', 30_000]
  ])('%j (above 0) -> %s ms', (value, ms) => {
    expect(parseSecondsInput(one('seconds', value), 'seconds', { above: 0 })).toBe(ms)
  })

  it.each(['0', '-1', '0.0', 'ten'])('rejects %j (above 0)', (value) => {
    expect(() => parseSecondsInput(one('seconds', value, 'wait-'), 'seconds', { above: 0 })).toThrow(
      `Input 'wait-seconds' is '${value}': write a number of seconds above 0, e.g. '10' or '0.5'.`
    )
  })
})

describe('parsePullRequestInput and parsePositiveIntegerInput', () => {
  it.each([
    ['42', 42],
    [' 7 ', 7],
    ['', undefined]
  ])('pull-request %j -> %s', (value, expected) => {
    expect(parsePullRequestInput(one('pull-request', value), 'pull-request')).toBe(expected)
  })

  it.each(['#12', '0', '-1', '1.5', '012', 'abc', '${{ github.event.number }}'])('rejects pull-request %j under its shared name', (value) => {
    expect(() => parsePullRequestInput(one('pull-request', value, 'merge-', ['pull-request']), 'pull-request')).toThrow(
      `Input 'pull-request' is '${value}': write the pull request number, a positive whole number.`
    )
  })

  it.each([
    ['51725241954', 51725241954],
    ['', undefined]
  ])('check-run-id %j -> %s', (value, expected) => {
    expect(parsePositiveIntegerInput(one('check-run-id', value), 'check-run-id', "the job's check run id")).toBe(expected)
  })

  it('rejects a check run id that is not a number', () => {
    expect(() => parsePositiveIntegerInput(one('check-run-id', 'null'), 'check-run-id', "the job's check run id")).toThrow(
      "Input 'check-run-id' is 'null': write the job's check run id, a positive whole number."
    )
  })
})

describe('parseShaInput', () => {
  it.each([
    [SHA1, SHA1],
    [SHA1.toUpperCase(), SHA1],
    [` ${SHA1} `, SHA1],
    [SHA256, SHA256],
    [SHA256.toUpperCase(), SHA256],
    ['', undefined]
  ])('%j -> %j', (value, expected) => {
    expect(parseShaInput(one('sha', value), 'sha')).toBe(expected)
  })

  it.each(['HEAD', 'main', SHA1.slice(0, 7), `${SHA1}0`, SHA1.replace('6', 'g'), SHA256.slice(0, 63), 'refs/heads/main'])('rejects %j', (value) => {
    expect(() => parseShaInput(one('sha', value), 'sha')).toThrow(
      `Input 'sha' is '${value}': write the full commit sha (40 hex characters, 64 in a SHA-256 repository), or leave it empty.`
    )
  })
})
