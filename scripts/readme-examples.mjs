#!/usr/bin/env node
/**
 * The YAML examples of a Markdown file. Each ```yaml block is a complete workflow, a
 * fragment (its first line is a `# fragment` comment), or a named file (its first line
 * is a comment naming a path such as `# .github/dependabot.yml`).
 * Usage: node scripts/readme-examples.mjs OUT_DIR   writes each workflow of README.md, and each
 * fragment that is a list of steps wrapped in a one-job workflow, to OUT_DIR/readme-line-N.yml
 * (the lint job runs zizmor on them).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parse, stringify } from 'yaml'

/** Every ```yaml block: { line (1-based, of its first line), kind, file, text }. */
export function yamlBlocks(markdown) {
  const blocks = []
  const lines = markdown.split('\n')
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== '```yaml') continue
    const end = lines.indexOf('```', i + 1)
    if (end < 0) throw new Error(`line ${i + 1}: a yaml block that never closes`)
    const text = lines.slice(i + 1, end).join('\n') + '\n'
    const first = lines[i + 1]?.trim() ?? ''
    const file = /^# (\.github\/\S+)$/.exec(first)?.[1]
    const kind = first.startsWith('# fragment') ? 'fragment' : file ? 'file' : 'workflow'
    blocks.push({ line: i + 2, kind, file, text })
    i = end
  }
  return blocks
}

/** A fragment that is a list of steps, as a one-job workflow a linter can read; undefined otherwise. */
export function wrapSteps(text) {
  const steps = parse(text)
  if (!Array.isArray(steps)) return undefined
  return stringify({ name: 'fragment', on: 'push', permissions: {}, jobs: { fragment: { 'runs-on': 'ubuntu-latest', steps } } })
}

/** The README's examples as workflow files: [name, text]. */
export function exampleWorkflows(markdown) {
  const out = []
  for (const block of yamlBlocks(markdown)) {
    const text = block.kind === 'workflow' ? block.text : block.kind === 'fragment' ? wrapSteps(block.text) : undefined
    if (text !== undefined) out.push([`readme-line-${block.line}.yml`, text])
  }
  return out
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const outDir = process.argv[2]
  if (!outDir) throw new Error('usage: node scripts/readme-examples.mjs OUT_DIR')
  const root = resolve(import.meta.dirname, '..')
  mkdirSync(outDir, { recursive: true })
  for (const [name, text] of exampleWorkflows(readFileSync(join(root, 'README.md'), 'utf8'))) writeFileSync(join(outDir, name), text)
}
