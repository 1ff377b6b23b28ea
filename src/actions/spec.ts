/**
 * One declaration per action of its inputs and outputs. The `action.yml` files
 * and the README's tables are generated from these (src/actions/metadata.ts),
 * so a name, default or description can never drift between the metadata users
 * read and the code that runs.
 */
export interface InputSpec {
  readonly description: string
  /** Default as written in action.yml; absent means no default (''). */
  readonly default?: string
  readonly required?: boolean
}

export interface OutputSpec {
  readonly description: string
}

export interface ActionSpec {
  /** Folder of the action.yml, relative to the repository root ('' = root). */
  readonly dir: string
  readonly name: string
  readonly description: string
  readonly inputs: Readonly<Record<string, InputSpec>>
  readonly outputs: Readonly<Record<string, OutputSpec>>
}

/** Declares an action spec, keeping its literal input/output names as types. */
export function defineAction<const S extends ActionSpec>(spec: S): S {
  return Object.freeze(spec)
}
