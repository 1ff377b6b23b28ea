import { escapeHtml, logText, neutralizeCommands } from '../../src/core/escaping.js'
import { code, heading, link, paragraph, renderSummary, table } from '../../src/core/summary-html.js'
import { redactSecrets, rememberSecret } from '../../src/core/redaction.js'
import { renderGfm } from '../harness/gfm.js'

// Invented hostile names: GitHub allows any text in a check run name or status context
// (https://docs.github.com/en/rest/checks/runs#create-a-check-run, `name` is a free string).
const hostile = 'lint\n::stop-commands::x\n::error::pwned <img src=x onerror=alert(1)> `tick` [a](https://evil) | pipe'

describe('escaping outside text', () => {
  it('escapes all five HTML specials', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;')
  })

  it.each([
    ['newline', 'a\n::error::b', 'a\\n::error::b'],
    ['CRLF', 'a\r\n::warning::b', 'a\\n::warning::b'],
    ['lone CR', 'a\r::error::b', 'a\\r::error::b'],
    ['unicode line separator', 'a\u2028b', 'a\\u2028b'],
    ['escape sequence', 'a\u001b[31mred', 'a\\u001b[31mred']
  ])('logText keeps %s on one line', (_label, input, expected) => {
    expect(logText(input)).toBe(expected)
    expect(logText(input)).not.toMatch(/[\r\n]/)
  })

  it('neutralizeCommands defuses every line that would start a command, keeping the text', () => {
    const out = neutralizeCommands(`Purple: ${hostile}\n  ::add-mask::x\n##[error]old style`)
    for (const line of out.split('\n')) expect(line.trim()).not.toMatch(/^(::|##\[)/)
    expect(out).toContain('| ::stop-commands::x')
    expect(out).toContain('| ##[error]old style')
  })
})

describe('summaries render as the HTML users see', () => {
  it('shows hostile text as text: no element, no link, no command, cells closed', () => {
    const html = renderGfm(
      renderSummary([
        heading(2, ['Purple merge: ', hostile]),
        paragraph(['Check ', code(hostile), ' said: ', hostile]),
        table(['name', 'state'], [[hostile, 'failure'], [link('https://github.com/o/r/runs/1', hostile), 'ok']])
      ])
    )
    expect(html).not.toContain('<img')
    expect(html).not.toContain('href="https://evil"')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).toContain('<h2>Purple merge: lint<br>::stop-commands::x')
    expect(html.match(/<td>/g)?.length).toBe(html.match(/<\/td>/g)?.length)
    expect(html).toContain('<a href="https://github.com/o/r/runs/1">')
  })

  it('a blank line inside outside text cannot end the HTML block and start markdown', () => {
    const html = renderGfm(renderSummary([paragraph('first\n\n# injected heading\n\n* item')]))
    expect(html).not.toContain('<h1>')
    expect(html).not.toContain('<li>')
  })

  it('a link with a non-http address is shown as text', () => {
    expect(renderGfm(renderSummary([paragraph(link('javascript:alert(1)', 'x'))]))).not.toContain('href')
  })
})

describe('redaction', () => {
  it('removes a remembered secret and its lines from text', () => {
    rememberSecret('ghs_abcdefghijklmnop1234')
    expect(redactSecrets('Bad credentials: token ghs_abcdefghijklmnop1234 echoed')).toBe('Bad credentials: token *** echoed')
  })
})
