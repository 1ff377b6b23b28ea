/**
 * The few runner interactions guard needs, written directly (inputs from
 * INPUT_*, outputs to GITHUB_OUTPUT, annotations and the summary), so the
 * guard bundle and `purple guard` load no Actions toolkit and with it no HTTP
 * client: guard never calls the network. Formats as the runner documents
 * them: see docs/decisions.md, "guard writes workflow commands itself".
 */
import { appendFileSync } from 'node:fs'
import { EOL } from 'node:os'

type Env = Readonly<Record<string, string | undefined>>

/** An input as the runner passes it (`INPUT_<NAME>`, spaces as '_'), trimmed; '' when unset. */
export function readInput(name: string, env: Env = process.env): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C')

/** Annotation properties, as the runner names them. */
export interface AnnotationProperties {
  readonly title?: string
  readonly file?: string
  readonly line?: number
}

/** Prints one workflow command (`::error title=..,file=..,line=..::message`), every part escaped. */
export function issueCommand(command: 'error' | 'warning' | 'notice' | 'debug', message: string, properties: AnnotationProperties = {}): void {
  const props = Object.entries(properties)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',')
  process.stdout.write(`::${command}${props ? ` ${props}` : ''}::${escapeData(message)}${EOL}`)
}

/** Prints a plain log line. */
export function info(message: string): void {
  process.stdout.write(`${message}${EOL}`)
}

/**
 * A heredoc delimiter that occurs in neither the name nor the value, so the
 * value cannot end the heredoc early and set other outputs. Checked rather
 * than trusted to chance, so it needs no cryptographic randomness (loading
 * node:crypto is a measurable share of guard's start-up).
 */
export function outputDelimiter(name: string, value: string, seed: number = Math.floor(Math.random() * 2 ** 32)): string {
  for (let n = seed; ; n++) {
    const delimiter = `ghadelimiter_${n.toString(36)}`
    if (!value.includes(delimiter) && !name.includes(delimiter)) return delimiter
  }
}

/** Sets a step output (a GITHUB_OUTPUT heredoc; the old command outside the runner). */
export function setOutput(name: string, value: string, env: Env = process.env): void {
  const file = env.GITHUB_OUTPUT
  if (!file) {
    process.stdout.write(`${EOL}::set-output name=${escapeProperty(name)}::${escapeData(value)}${EOL}`)
    return
  }
  const delimiter = outputDelimiter(name, value)
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, { encoding: 'utf8' })
}

/** Appends HTML to the job summary; returns false when there is none to write (outside the runner) or it failed. */
export function appendSummary(html: string, env: Env = process.env): boolean {
  const file = env.GITHUB_STEP_SUMMARY
  if (!file) return false
  try {
    appendFileSync(file, html, { encoding: 'utf8' })
    return true
  } catch {
    return false
  }
}

/** Fails the step: an error annotation and exit code 1. */
export function setFailed(message: string): void {
  process.exitCode = 1
  issueCommand('error', message)
}
