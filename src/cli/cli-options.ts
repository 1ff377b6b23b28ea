/** Option parsers shared by the `purple` commands; a bad value is a UsageError naming the flag. */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseRuleFile, withUserRules, type CompiledRule } from '../core/failure-engine.js'
import { UsageError } from './exit-codes.js'

/** Reads a --rules file relative to the working directory; a bad one is a usage error. */
export function loadRules(file: string | undefined, cwd: string, command: string): readonly CompiledRule[] {
  if (file === undefined) return withUserRules([])
  let text: string
  try {
    text = readFileSync(resolve(cwd, file), 'utf8')
  } catch (e) {
    throw new UsageError(`--rules '${file}' cannot be read (${e instanceof Error ? e.message : String(e)})`, command)
  }
  try {
    return withUserRules(parseRuleFile(text, file))
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e), command)
  }
}

/** Parses an integer option; anything else is a usage error naming the flag. */
export function integerOption(flag: string, value: string | undefined, command: string, min = 0): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d{1,9}$/.test(value.trim()) || Number(value) < min) {
    throw new UsageError(`${flag} '${value}' is not valid: expected a whole number of at least ${min}`, command)
  }
  return Number(value)
}
