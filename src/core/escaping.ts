/**
 * Text from outside (check names, GitHub's messages, file names, branch names)
 * is data. These turn it into something that can only ever be read: in the job
 * log it can start no workflow command, in a summary it can render no markup.
 * See docs/decisions.md, "Outside text is data".
 */

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** HTML text or attribute value: escapes & < > " and '. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!)
}

// Line breaks the runner splits on, plus the Unicode ones a viewer may break on.
const LINE_BREAKS = /\r\n|[\r\n\u0085\u2028\u2029]/g
// Other C0/C1 controls (ESC starts terminal sequences) except tab.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g

/**
 * One line of outside text for the log: line breaks shown as `\n`, other control
 * characters as `\u00XX`. Printed after Purple's own words, it cannot begin a line,
 * so it cannot start a workflow command (`::error::`, `::stop-commands::`).
 */
export function logText(text: string): string {
  return text
    .replace(LINE_BREAKS, (m) => (m === '\r\n' || m === '\n' ? '\\n' : m === '\r' ? '\\r' : `\\u${m.charCodeAt(0).toString(16).padStart(4, '0')}`))
    .replace(CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

// The runner reads a line as a command when, trimmed, it starts with `::` (or the older `##[`).
const COMMAND_START = /^(\s*)(::|##\[)/

/**
 * A whole message for stdout, as a last line of defence: every line that would
 * start a workflow command gets a visible `| ` in front. Purple's own commands go
 * through @actions/core, never through this.
 */
export function neutralizeCommands(message: string): string {
  return message
    .split(/\r\n|\r|\n/)
    .map((line) => (COMMAND_START.test(line) ? line.replace(COMMAND_START, '$1| $2') : line))
    .join('\n')
}
