/**
 * The event file, read before anything else is imported: @actions/github (under
 * the client) parses it at import time and dies on a file that is not JSON with
 * a bare SyntaxError and a stack trace, before any output can be set. A bad
 * file is kept from that parse and reported by the entry as one clear error.
 */
import { readEventPayload } from '../../github/context.js'

/** Why the event file cannot be used, or undefined when it can. */
export const eventFileError: unknown = ((): unknown => {
  try {
    readEventPayload()
    return undefined
  } catch (error) {
    delete process.env['GITHUB_EVENT_PATH']
    return error
  }
})()
