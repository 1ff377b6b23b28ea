import * as core from '@actions/core'

/** Renders any thrown value as a message; a thrown string or object must still fail the step. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message
  if (typeof error === 'string') return error
  try {
    return JSON.stringify(error)
  } catch {
    return String(error)
  }
}

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
