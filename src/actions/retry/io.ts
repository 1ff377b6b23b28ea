import { defineAction } from '../spec.js'

/** The retry action's inputs and outputs, declared once; retry/action.yml is held against this by a test. */
export const retrySpec = defineAction({
  dir: 'retry',
  name: 'Purple retry',
  description: 'Runs a command and retries it when its output shows a transient failure; stops at once on a permanent or auth failure.',
  inputs: {
    run: {
      description: 'The command to run, as a bash script (like a run: step). Its output is passed through and read when it fails.',
      required: true
    },
    attempts: { description: 'Attempts in all, the first included.', default: '5' },
    deadline: { description: 'Seconds after which no new attempt starts (empty: none).', default: '' },
    'attempt-timeout': { description: "Seconds after which an attempt's whole process group is killed (empty: none); a timed-out attempt counts as transient.", default: '' },
    'min-delay': { description: 'Shortest wait between attempts, in seconds.', default: '1' },
    'max-delay': { description: "Longest backoff wait, in seconds; a rate limit's own wait (retry-after, \"try again in 18s\") may be longer.", default: '60' },
    rules: { description: 'Path of a rules file checked before the built-in rules: {"version": 1, "rules": [{"id", "class", "pattern", "source"}]}.', default: '' },
    unknown: { description: "What a failure no rule knows means: 'retry' (default) or 'fail'.", default: 'retry' }
  },
  outputs: {
    attempts: { description: 'How many attempts ran.' },
    class: { description: "'success', or the class of the last failure: transient, rate-limited, auth, permanent or unknown (empty when the inputs were invalid)." },
    rule: { description: 'Id of the failure rule that decided (empty on success or when no rule matched).' },
    'exit-code': { description: "The step's exit code: 0 on success, the command's own on a permanent or auth failure, 75 when every attempt failed transiently." }
  }
})
