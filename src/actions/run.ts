import * as core from '@actions/core'
import { describeError } from '../core/describe-error.js'

/**
 * Runs an action body and calls setFailed exactly once on a throw, whatever
 * was thrown (the template only fails `if (error instanceof Error)`, which
 * leaves the step green on a thrown string).
 */
export async function runAction(body: () => Promise<void>): Promise<void> {
  try {
    await body()
  } catch (error) {
    core.setFailed(describeError(error))
  }
}
