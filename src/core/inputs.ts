/**
 * Input parsing shared by every action and by the GitHub client's inputs
 * (src/github/inputs.ts), written once so that guard, wait-ci, merge and the
 * root pipeline accept the same spellings and word their errors alike. In
 * src/core because src/github may not import the action shells. Pure: no
 * `@actions/*` (the readers over core.getInput are actions/input-source.ts and
 * github/inputs.ts). Errors name the input as the workflow spells it, so the
 * root action's `wait-timeout-seconds` is named by construction, not by
 * rewriting a stage's message afterwards.
 */

/** What the reader needs of an input's declaration (a structural slice of actions/spec.ts InputSpec, which core may not import). */
export interface InputDeclaration {
  readonly description: string
  /** Default as written in action.yml; absent means no default (''). */
  readonly default?: string
}

/** Where an action's inputs come from: the value (action.yml default applied) and the name the workflow wrote. */
export interface InputSource<N extends string = string> {
  /** The raw value, untrimmed; the action.yml default when the workflow left the input out. */
  get(name: N): string
  /** The input's name as the workflow spells it, e.g. `wait-timeout-seconds` for wait-ci's `timeout-seconds` in the root action. */
  label(name: N): string
}

/** The error for an invalid input: which input, the value it had, what to write instead. */
export function inputError(label: string, value: string, expected: string): Error {
  return new Error(`Input '${label}' is '${value}': ${expected}`)
}

/**
 * An InputSource over `read` (a reader of inputs by the workflow's name, '' when unset), with each input's
 * action.yml default applied; `prefix` names the inputs in the root action, except the `shared` ones.
 */
export function specInputSource<N extends string>(
  inputs: Readonly<Record<N, InputDeclaration>>,
  read: (label: string) => string,
  prefix = '',
  shared: readonly string[] = []
): InputSource<N> {
  const label = (name: N): string => (shared.includes(name) ? name : `${prefix}${name}`)
  return Object.freeze({
    label,
    get: (name: N): string => {
      const raw = read(label(name))
      if (raw !== '') return raw
      // The runner passes '' for a left-out input only when there is no default; an unevaluated `${{ … }}`
      // default (run outside the runner) counts as unset.
      const fallback = inputs[name].default ?? ''
      return fallback.startsWith('${{') ? '' : fallback
    }
  })
}

/** A YAML 1.2 core boolean (true/True/TRUE, false/False/FALSE), as core.getBooleanInput, with a message that says what to write. */
export function parseBooleanInput<N extends string>(source: InputSource<N>, name: N): boolean {
  const value = source.get(name).trim()
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  throw inputError(source.label(name), value, "write 'true' or 'false'.")
}

/** A number of seconds of at least `min`, or above `above` (fractions allowed), as whole milliseconds. */
export function parseSecondsInput<N extends string>(
  source: InputSource<N>,
  name: N,
  bound: { readonly min: number } | { readonly above: number }
): number {
  const value = source.get(name).trim()
  const seconds = Number(value)
  const inRange = 'min' in bound ? seconds >= bound.min : seconds > bound.above
  if (value === '' || !Number.isFinite(seconds) || !inRange) {
    const range = 'min' in bound ? `of at least ${bound.min}` : `above ${bound.above}`
    // The examples must be values the input accepts: '0.5' is no example for 'at least 1'.
    const accepts = (n: number) => ('min' in bound ? n >= bound.min : n > bound.above)
    const examples = ['10', '0.5'].filter((e) => accepts(Number(e))).map((e) => `'${e}'`)
    const hint = examples.length > 0 ? `, e.g. ${examples.join(' or ')}` : ''
    throw inputError(source.label(name), value, `write a number of seconds ${range}${hint}.`)
  }
  return Math.round(seconds * 1000)
}

/** A positive whole number (`what` says which), or undefined when the input is empty. */
export function parsePositiveIntegerInput<N extends string>(source: InputSource<N>, name: N, what: string): number | undefined {
  const value = source.get(name).trim()
  if (value === '') return undefined
  if (!/^[1-9][0-9]*$/.test(value)) throw inputError(source.label(name), value, `write ${what}, a positive whole number.`)
  return Number(value)
}

/** A pull request number, or undefined when empty (the pull request of the triggering event). */
export function parsePullRequestInput<N extends string>(source: InputSource<N>, name: N): number | undefined {
  return parsePositiveIntegerInput(source, name, 'the pull request number')
}

/** A full commit sha, lowercased (40 hex characters, or 64 in a SHA-256 repository), or undefined when empty. */
export function parseShaInput<N extends string>(source: InputSource<N>, name: N): string | undefined {
  const value = source.get(name).trim()
  if (value === '') return undefined
  const sha = value.toLowerCase()
  if (!/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(sha)) {
    throw inputError(source.label(name), value, 'write the full commit sha (40 hex characters, 64 in a SHA-256 repository), or leave it empty.')
  }
  return sha
}
