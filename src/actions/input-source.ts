/**
 * The one reader of action inputs through @actions/core: an InputSource with
 * the action.yml defaults applied (core.getInput gives '' for a left-out
 * input only when action.yml has no default, e.g. when run outside the runner).
 */
import * as core from '@actions/core'
import { specInputSource, type InputSource } from '../core/inputs.js'
import type { InputSpec } from './spec.js'

/** The action's inputs as the runner passes them, defaults applied; `prefix` and `shared` as in specInputSource. */
export function actionInputs<N extends string>(
  inputs: Readonly<Record<N, InputSpec>>,
  prefix = '',
  shared: readonly string[] = []
): InputSource<N> {
  return specInputSource(inputs, (label) => core.getInput(label), prefix, shared)
}
