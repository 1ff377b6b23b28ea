/**
 * Job summaries, built once as HTML from escaped parts. GitHub renders a summary
 * as GitHub Flavored Markdown: an HTML block ends at the first blank line, and
 * markdown inside it is not parsed, so every block here is one HTML element with
 * no blank line inside, and every piece of text goes through `escapeHtml` with its
 * line breaks turned into `<br>`. See docs/decisions.md, "Outside text is data".
 */
import { escapeHtml } from './escaping.js'

/** Markup that is already safe: only this module makes it. */
export interface Html {
  readonly html: string
}

export type Inline = string | Html | ReadonlyArray<string | Html>

const markup = (html: string): Html => Object.freeze({ html })

/** Renders inline content: strings are escaped text (line breaks become `<br>`), Html passes through. */
export function inline(content: Inline): string {
  if (typeof content === 'string') return escapeHtml(content).replace(/\r\n|\r|\n/g, '<br>')
  if (Array.isArray(content)) return (content as ReadonlyArray<string | Html>).map((part) => inline(part)).join('')
  return (content as Html).html
}

/** `<code>` around escaped text. */
export function code(text: string): Html {
  return markup(`<code>${inline(text)}</code>`)
}

/** `<strong>` around escaped content. */
export function strong(content: Inline): Html {
  return markup(`<strong>${inline(content)}</strong>`)
}

/** A link, only for http(s) addresses; anything else is shown as text. */
export function link(href: string, content: Inline): Html {
  if (!/^https?:\/\//i.test(href)) return markup(inline(content))
  return markup(`<a href="${escapeHtml(href)}">${inline(content)}</a>`)
}

/** A heading block. */
export function heading(level: 1 | 2 | 3 | 4, content: Inline): Html {
  return markup(`<h${level}>${inline(content)}</h${level}>`)
}

/** A paragraph block. */
export function paragraph(content: Inline): Html {
  return markup(`<p>${inline(content)}</p>`)
}

/** A bulleted list block. */
export function list(items: readonly Inline[]): Html {
  return markup(`<ul>${items.map((item) => `<li>${inline(item)}</li>`).join('')}</ul>`)
}

/** A table block: a header row, then one row per entry, every cell closed. */
export function table(headers: readonly Inline[], rows: ReadonlyArray<readonly Inline[]>): Html {
  const head = `<tr>${headers.map((h) => `<th>${inline(h)}</th>`).join('')}</tr>`
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${inline(cell)}</td>`).join('')}</tr>`).join('')
  return markup(`<table><thead>${head}</thead><tbody>${body}</tbody></table>`)
}

/** A summary: blocks separated by blank lines, so each stays one HTML block. */
export function renderSummary(blocks: readonly Html[]): string {
  return `${blocks.map((b) => b.html).join('\n\n')}\n\n`
}
