/**
 * Renders what users read about each action from its declaration (io.ts): the
 * action.yml files and the README's input and output tables. `npm run build`
 * writes them (src/actions/write-metadata.ts) and a test holds the committed
 * files equal to what this renders, so the two can never drift apart.
 */
import { clientInputs } from '../github/inputs.js'
import type { ActionSpec, InputSpec, OutputSpec } from './spec.js'
import { allActions } from './specs.js'

/** A YAML single-quoted scalar: the only escape is a doubled quote, so `${{ }}` stays literal. */
function yamlString(value: string): string {
  if (/[\n\r]/.test(value)) throw new Error(`metadata: a declaration holds a line break, which action.yml would fold: ${JSON.stringify(value)}`)
  return `'${value.replace(/'/g, "''")}'`
}

/** The action.yml of `spec`, running the bundle `main` (a path from the repository root). */
export function renderActionYml(spec: ActionSpec, main: string): string {
  const depth = spec.dir === '' ? 0 : spec.dir.split('/').length
  const lines = [
    `# Generated from src/actions/${spec.dir || 'pipeline'}/io.ts by 'npm run build': edit the declaration, not this file.`,
    `name: ${yamlString(spec.name)}`,
    `description: ${yamlString(spec.description)}`,
    `author: 'Purple'`,
    'branding:',
    `  icon: 'shield'`,
    `  color: 'purple'`,
    'inputs:'
  ]
  for (const [name, input] of Object.entries(spec.inputs)) {
    lines.push(`  ${name}:`, `    description: ${yamlString(input.description)}`)
    if (input.required) lines.push('    required: true')
    if (input.default !== undefined) lines.push(`    default: ${yamlString(input.default)}`)
  }
  lines.push('outputs:')
  for (const [name, output] of Object.entries(spec.outputs)) {
    lines.push(`  ${name}:`, `    description: ${yamlString(output.description)}`)
  }
  lines.push('runs:', `  using: 'node24'`, `  main: ${yamlString('../'.repeat(depth) + main)}`, '')
  return lines.join('\n')
}

/** One Markdown table cell of declaration text: characters GFM would read as markup are escaped. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\*/g, '\\*').replace(/</g, '&lt;')
}

/** A default as shown in a table: code, or empty when there is none. */
function defaultCell(input: InputSpec): string {
  if (input.required) return 'required'
  if (input.default === undefined || input.default === '') return ''
  // In a GFM table a pipe ends the cell even inside code, unless escaped.
  return `\`${input.default.replace(/\|/g, '\\|')}\``
}

/** The Markdown table of `inputs`: name, default, description. */
export function renderInputsTable(inputs: Readonly<Record<string, InputSpec>>): string {
  const rows = Object.entries(inputs).map(([name, input]) => `| \`${name}\` | ${defaultCell(input)} | ${cell(input.description)} |`)
  return ['| input | default | description |', '|---|---|---|', ...rows].join('\n')
}

/** The Markdown table of `outputs`: name, description. */
export function renderOutputsTable(outputs: Readonly<Record<string, OutputSpec>>): string {
  const rows = Object.entries(outputs).map(([name, output]) => `| \`${name}\` | ${cell(output.description)} |`)
  return ['| output | description |', '|---|---|', ...rows].join('\n')
}

/** Every table the README may hold, by the name its markers use. */
export function readmeTables(): ReadonlyMap<string, string> {
  const tables = new Map<string, string>([['inputs: client', renderInputsTable(clientInputs)]])
  for (const { spec } of allActions) {
    const name = spec.dir || 'root'
    tables.set(`inputs: ${name}`, renderInputsTable(spec.inputs))
    tables.set(`outputs: ${name}`, renderOutputsTable(spec.outputs))
  }
  return tables
}

/** Matches one generated block: `<!-- begin generated inputs: guard -->` ... `<!-- end generated inputs: guard -->`. */
const BLOCK = /<!-- begin generated ([a-z-]+: [a-z-]+) -->\n[\s\S]*?<!-- end generated \1 -->/g

/**
 * The README with every generated block replaced by the table its markers name. Text
 * outside the markers is kept byte for byte; an unknown name is an error, not a silent skip.
 */
export function renderReadme(readme: string, tables: ReadonlyMap<string, string> = readmeTables()): string {
  return readme.replace(BLOCK, (_block, name: string) => {
    const table = tables.get(name)
    if (table === undefined) throw new Error(`README: no generated table is called '${name}' (known: ${[...tables.keys()].join(', ')})`)
    return `<!-- begin generated ${name} -->\n${table}\n<!-- end generated ${name} -->`
  })
}

/** The names of the generated blocks in `readme`, in order. */
export function generatedBlockNames(readme: string): string[] {
  return [...readme.matchAll(BLOCK)].map((match) => match[1]!)
}

/** Every generated file as [path from the repository root, content], given the current README. */
export function generatedFiles(readme: string): Array<[string, string]> {
  const files: Array<[string, string]> = allActions.map(({ spec, main }) => [
    spec.dir === '' ? 'action.yml' : `${spec.dir}/action.yml`,
    renderActionYml(spec, main)
  ])
  files.push(['README.md', renderReadme(readme)])
  return files
}
