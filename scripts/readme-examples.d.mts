/** A ```yaml block of a Markdown file. */
export interface YamlBlock {
  /** 1-based line of the block's first line of YAML. */
  line: number
  kind: 'workflow' | 'fragment' | 'file'
  /** The path a `file` block names in its first-line comment. */
  file?: string
  text: string
}
export function yamlBlocks(markdown: string): YamlBlock[]
export function wrapSteps(text: string): string | undefined
export function exampleWorkflows(markdown: string): Array<[string, string]>
