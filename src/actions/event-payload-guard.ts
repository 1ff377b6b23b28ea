/**
 * Imported first by an action's entry: reads the event payload before
 * @actions/github loads, because that package parses GITHUB_EVENT_PATH as it
 * loads and a payload that is not JSON would end the step with a bare
 * SyntaxError and a stack trace, before any output is set. A broken payload is
 * hidden from it here; the entry reports `eventPayloadError` instead, with
 * every output set.
 */
import { readEventPayload } from '../github/context.js'

function checkEventPayload(): Error | undefined {
  try {
    readEventPayload()
    return undefined
  } catch (error) {
    delete process.env['GITHUB_EVENT_PATH']
    return error instanceof Error ? error : new Error(String(error))
  }
}

/** The clear error for an event payload that cannot be read, or undefined when it is fine. */
export const eventPayloadError: Error | undefined = checkEventPayload()
