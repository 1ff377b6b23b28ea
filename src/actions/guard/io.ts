import { defineAction } from '../spec.js'

/** guard's inputs and outputs, declared once; guard/action.yml is held against this by a test. */
export const guardSpec = defineAction({
  dir: 'guard',
  name: 'Purple guard',
  description: 'Blocks conflict markers and merges from disallowed branches in the committed range.',
  inputs: {
    base: {
      description:
        "Base of the range to check (branch, tag or sha). Default: the pull request's base sha; for a push, the 'before' sha; otherwise the merge base with the remote default branch.",
      default: ''
    },
    head: {
      description: "Head of the range to check. Default: the pull request's head sha, else HEAD.",
      default: ''
    },
    scope: {
      description:
        "'changed': conflict markers on lines added in base..head. 'tree': audit every file of the committed tree at head. Never the working tree.",
      default: 'changed'
    },
    exclude: {
      description: 'Newline-separated globs of paths never scanned for markers (a glob without / matches a file name anywhere).',
      default: ''
    },
    'policy-file': {
      description:
        'Merge-source policy, read from the BASE commit (the branch under test cannot loosen it). Absent file: the allowlist layer is off unless allowed-sources is set.',
      default: '.github/purple-policy.json'
    },
    'allowed-sources': {
      description: 'Extra allowed merge sources (branch names or globs such as release/*), newline or comma separated; added to the policy file.',
      default: ''
    },
    'fail-safe': {
      description:
        'When guard itself fails (git missing, unreadable repository, malformed policy, a bug), warn and exit 0 with result=error. A finding always blocks.',
      default: 'true'
    }
  },
  outputs: {
    result: { description: "'pass', 'blocked' or 'error' (guard itself failed and fail-safe let the step pass)." },
    findings: { description: 'JSON array of {kind, path, line, commit, parent, message}; kind is conflict-marker or disallowed-merge.' },
    'marker-count': { description: 'Number of conflict-marker lines found.' },
    'disallowed-merge-count': { description: 'Number of merge parents that no allowed source reaches.' }
  }
})
