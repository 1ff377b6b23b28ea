import { diagnosisDocument, renderDiagnosisHtml, renderDiagnosisText } from '../../src/core/diagnosis-report.js'
import type { Diagnosis } from '../../src/core/diagnosis.js'
import { renderSummary } from '../../src/core/summary-html.js'
import { renderGfm } from '../harness/gfm.js'

// Invented hostile check name: a check run's `name` is free text
// (https://docs.github.com/en/rest/checks/runs#create-a-check-run).
const hostile = "lint\n::error::pwned <img src=x onerror=alert(1)> | pipe"

const blocked: Diagnosis = {
  verdict: 'blocked',
  reason: '2 blockers stand in the way',
  blockers: [
    { kind: 'check-failing', source: 'ruleset 42 (repository o/r)', evidence: `required check '${hostile}' concluded failure`, who: 'author', link: 'https://github.com/o/r/runs/1' },
    { kind: 'review-required', source: 'ruleset 42 (repository o/r)', evidence: '1 approving review required, 0 given', who: 'reviewer' }
  ],
  unreadable: [{ what: 'rule-suite history', reason: 'needs administration access' }]
}

describe('renderDiagnosisHtml and renderDiagnosisText', () => {
  it('summary: one row per blocker with who can clear it, hostile text as text, the link kept', () => {
    const html = renderGfm(renderSummary(renderDiagnosisHtml(blocked)))
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html.match(/<tr>/g)).toHaveLength(3)
    expect(html).toContain('<a href="https://github.com/o/r/runs/1">details</a>')
    expect(html).toContain('<td>a reviewer</td>')
    expect(html).toContain('<strong>rule-suite history</strong>')
  })

  it('text: every blocker named, no line starts a workflow command', () => {
    const lines = renderDiagnosisText(blocked)
    expect(lines[0]).toBe('blocked: 2 blockers stand in the way')
    expect(lines.join('\n')).toContain('review-required: 1 approving review required, 0 given')
    for (const line of lines) {
      expect(line).not.toMatch(/[\r\n]/)
      expect(line.trim()).not.toMatch(/^::/)
    }
  })

  it('document: schema, command, verdict, blockers and unreadable', () => {
    const doc = diagnosisDocument(blocked, { repo: 'o/r', pr: 7 })
    expect(doc).toEqual(
      expect.objectContaining({ schema: 'purple/v1', command: 'why', repo: 'o/r', pr: 7, verdict: 'blocked', unreadable: [{ what: 'rule-suite history', reason: 'needs administration access' }] })
    )
    expect((doc.blockers as { kind: string }[]).map((b) => b.kind)).toEqual(['check-failing', 'review-required'])
  })
})
