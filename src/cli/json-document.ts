/** The one JSON document a `--json` run prints on stdout: `{"schema": "purple/v1", "command": ..., ...}`. */
export const JSON_SCHEMA = 'purple/v1'

/** Serialises a command's result as the purple/v1 document, one line ending in a newline. */
export function jsonDocument(command: string, fields: Readonly<Record<string, unknown>>): string {
  const rest = Object.fromEntries(Object.entries(fields).filter(([key]) => key !== 'schema' && key !== 'command'))
  return `${JSON.stringify({ schema: JSON_SCHEMA, command, ...rest })}\n`
}
