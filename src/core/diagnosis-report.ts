/**
 * A diagnosis shown to people: summary-html blocks for a job summary, plain
 * lines for a terminal or a log (outside text kept on one line each), and the
 * JSON document `purple why --json` prints.
 */
import { logText } from './escaping.js'
import { heading, link, list, paragraph, strong, table, type Html } from './summary-html.js'
import type { Blocker, Diagnosis, Who } from './diagnosis.js'

const WHO_WORDS: Readonly<Record<Who, string>> = {
  author: 'the author (push a fix, update the branch)',
  reviewer: 'a reviewer',
  admin: 'an admin (settings or token)',
  ci: 'CI (wait, or re-run)',
  anyone: 'anyone (retry)'
}

const VERDICT_WORDS: Readonly<Record<Diagnosis['verdict'], string>> = {
  mergeable: 'mergeable',
  waiting: 'waiting',
  blocked: 'blocked',
  unknown: 'unknown'
}

/** The diagnosis as job-summary blocks: a heading, the verdict, a table of blockers, and what could not be read. */
export function renderDiagnosisHtml(diagnosis: Diagnosis, title = 'What stands between this PR and a merge'): Html[] {
  const blocks: Html[] = [heading(3, title), paragraph([strong(VERDICT_WORDS[diagnosis.verdict]), `: ${diagnosis.reason}.`])]
  if (diagnosis.blockers.length > 0) {
    const evidence = (b: Blocker) => (b.link ? [b.evidence, ' (', link(b.link, 'details'), ')'] : b.evidence)
    blocks.push(table(['blocker', 'evidence', 'rule', 'who can clear it'], diagnosis.blockers.map((b) => [b.kind, evidence(b), b.source, WHO_WORDS[b.who]])))
  }
  if (diagnosis.unreadable.length > 0) {
    blocks.push(paragraph('Not readable with this token (not guessed):'))
    blocks.push(list(diagnosis.unreadable.map((u) => [strong(u.what), `: ${u.reason}`])))
  }
  return blocks
}

/** The diagnosis as plain lines (no trailing newlines); outside text cannot break a line or start a workflow command. */
export function renderDiagnosisText(diagnosis: Diagnosis): string[] {
  const lines = [`${VERDICT_WORDS[diagnosis.verdict]}: ${logText(diagnosis.reason)}`]
  for (const b of diagnosis.blockers) {
    lines.push(`  - ${b.kind}: ${logText(b.evidence)}`)
    lines.push(`      rule: ${logText(b.source)}; who: ${WHO_WORDS[b.who]}${b.link ? `; ${logText(b.link)}` : ''}`)
  }
  if (diagnosis.unreadable.length > 0) {
    lines.push('  not readable with this token:')
    for (const u of diagnosis.unreadable) lines.push(`  - ${logText(u.what)}: ${logText(u.reason)}`)
  }
  return lines
}

/** The machine-readable document (`schema: purple/v1`). */
export function diagnosisDocument(diagnosis: Diagnosis, extra: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
  return {
    schema: 'purple/v1',
    command: 'why',
    ...extra,
    verdict: diagnosis.verdict,
    reason: diagnosis.reason,
    blockers: diagnosis.blockers.map((b) => ({ kind: b.kind, source: b.source, evidence: b.evidence, who: b.who, ...(b.link ? { link: b.link } : {}) })),
    unreadable: diagnosis.unreadable.map((u) => ({ what: u.what, reason: u.reason }))
  }
}

