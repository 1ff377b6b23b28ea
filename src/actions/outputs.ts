/**
 * How every action reports: a typed output setter built from the action's
 * declaration (a renamed or forgotten output is a compile error), and a job
 * summary written best-effort (core.summary.write() throws when
 * GITHUB_STEP_SUMMARY is unset, as outside the runner).
 */
import * as core from '@actions/core'
import { redactSecrets } from '../core/redaction.js'
import type { ActionSpec } from './spec.js'

/** One string per declared output: every output, every path. */
export type OutputValues<S extends ActionSpec> = { readonly [K in keyof S['outputs'] & string]: string }

/** A setter that writes every declared output of `spec` (names prefixed for the root action), secrets redacted. */
export function outputWriter<S extends ActionSpec>(spec: S, prefix = ''): (values: OutputValues<S>) => void {
  return (values) => {
    for (const name of Object.keys(spec.outputs) as Array<keyof OutputValues<S> & string>) {
      core.setOutput(`${prefix}${name}`, redactSecrets(values[name] ?? ''))
    }
  }
}

/** Appends HTML to the job summary; a summary that cannot be written never fails the step. */
export async function writeSummary(html: string): Promise<void> {
  try {
    await core.summary.addRaw(redactSecrets(html), true).write()
  } catch (error) {
    core.debug(`job summary not written: ${error instanceof Error ? error.message : String(error)}`)
  } finally {
    core.summary.emptyBuffer()
  }
}
