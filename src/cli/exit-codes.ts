/**
 * The `purple` exit codes, the same with or without `--json`. One table: the
 * README, `purple --help` and every command read it from here.
 */
export const EXIT_CODES = Object.freeze({
  /** Success: green, merged, passed, or the retried command succeeded. */
  success: 0,
  /** A definite failure: a required check failed, the merge was refused, guard found something. */
  failure: 1,
  /** A usage error: an unknown command or option, or a bad value. */
  usage: 2,
  /** Authentication: no token, a 401, a key that cannot sign. */
  auth: 4,
  /** Not yet: timed out waiting, still pending. */
  notYet: 8,
  /** Every attempt failed transiently (sysexits EX_TEMPFAIL). */
  transientExhausted: 75
} as const)

/** The table as `purple --help` prints it. */
export const EXIT_CODE_HELP = `Exit codes (the same with --json):
  ${EXIT_CODES.success}   success
  ${EXIT_CODES.failure}   a definite failure
  ${EXIT_CODES.usage}   usage error
  ${EXIT_CODES.auth}   authentication failed
  ${EXIT_CODES.notYet}   not yet (timed out waiting, still pending)
  ${EXIT_CODES.transientExhausted}  transient failures exhausted
  purple retry exits with the command's own code when it stops on a permanent or auth failure.
`

/** A mistake in how purple was called: exit 2 with this message and a pointer to --help. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose --help explains it; '' for the top level. */
    readonly command = ''
  ) {
    super(message)
    this.name = 'UsageError'
  }
}
