import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { generatedBlockNames, readmeTables, renderInputsTable, renderOutputsTable, renderReadme } from '../src/actions/metadata.js'
import { allActions } from '../src/actions/specs.js'
import { renderGfm } from './harness/gfm.js'

const root = resolve(import.meta.dirname, '..')
const readme = readFileSync(join(root, 'README.md'), 'utf8')

/** The text of a `## title` section, up to the next `## ` heading. */
function section(title: string): string {
  const start = readme.indexOf(`\n## ${title}\n`)
  if (start < 0) throw new Error(`README has no '## ${title}' section`)
  const next = readme.indexOf('\n## ', start + 1)
  return readme.slice(start, next < 0 ? undefined : next)
}

const titles: Record<string, string> = { guard: 'guard', 'wait-ci': 'wait-ci', merge: 'merge', '': 'The whole pipeline', retry: 'retry' }

describe.each(allActions.map((a) => [titles[a.spec.dir]!, a.spec] as const))('README section %s', (title, spec) => {
  const text = section(title)

  it('documents every input and output the action declares', () => {
    const missing = [...Object.keys(spec.inputs), ...Object.keys(spec.outputs)].filter((name) => !text.includes(`\`${name}\``))
    expect(missing).toEqual([])
  })

  it('has a workflow example that uses the action', () => {
    const uses = spec.dir === '' ? 'OWNER/purple@v1' : `OWNER/purple/${spec.dir}@v1`
    expect(text).toContain(`uses: ${uses}`)
  })
})

it('README and .ci/run agree on the test command, so a fresh machine that follows the README passes CI', () => {
  const ci = readFileSync(join(root, '.ci', 'run'), 'utf8')
  const command = 'npm ci && npm test'
  expect(readme).toContain(`\n${command}\n`)
  expect(ci.split('\n')).toContain(command)
})

describe('generated tables', () => {
  it('equal what the declarations render (run `npm run build` after editing an io.ts)', () => {
    expect(readme).toBe(renderReadme(readme))
  })

  it('are all present: every action has its inputs and outputs table, and the client inputs have theirs', () => {
    expect(generatedBlockNames(readme).sort()).toEqual([...readmeTables().keys()].sort())
  })

  it('fail loudly on a marker that names no table, rather than leaving it stale', () => {
    const typo = '<!-- begin generated inputs: gaurd -->\n| old |\n<!-- end generated inputs: gaurd -->\n'
    expect(() => renderReadme(typo)).toThrow("no generated table is called 'inputs: gaurd'")
  })
})

it('cites nothing a reader of the repository cannot open: no missing file, no private record', () => {
  const linked = [...readme.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]!).filter((target) => !/^[a-z]+:/.test(target))
  expect(linked.filter((target) => !existsSync(join(root, target)))).toEqual([])
  const citations = readme.match(/\b(?:incident|issue) \d+\b|\bthe brief\b|TOOLCHAIN|client\.md|merge\.md/gi) ?? []
  expect(citations).toEqual([])
})

it('states its repository placeholder once and uses no other', () => {
  expect(readme.match(/`OWNER\/purple` stands for/g)).toHaveLength(1)
  expect(readme.match(/<owner>|\{owner\}\/purple|YOUR[-_]?ORG/gi) ?? []).toEqual([])
})

describe('a generated table, rendered as GitHub renders the README', () => {
  const decode = (html: string): string =>
    html.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')

  /** The cells of every body row of the first table in `html`, as text. */
  function rows(html: string): string[][] {
    const body = html.slice(html.indexOf('<tbody>'))
    return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((cell) => decode(cell[1]!)))
  }

  it.each(allActions.map((a) => [a.spec.dir || 'root', a.spec] as const))('%s: one row per declaration, each description shown verbatim', (_name, spec) => {
    const inputs = rows(renderGfm(renderInputsTable(spec.inputs)))
    expect(inputs.map((cells) => cells.length)).toEqual(Object.keys(spec.inputs).map(() => 3))
    expect(inputs.map((cells) => [cells[0], cells[2]])).toEqual(Object.entries(spec.inputs).map(([name, input]) => [name, input.description]))
    const outputs = rows(renderGfm(renderOutputsTable(spec.outputs)))
    expect(outputs).toEqual(Object.entries(spec.outputs).map(([name, output]) => [name, output.description]))
  })

  it('keeps markup characters in a description literal', () => {
    // invented: a description with every character GFM would otherwise read as markup
    const tricky = { x: { description: 'a | b, release/* and *not emphasis*, <b>tag</b>, C:\\path\\*', default: 'a|b' } }
    expect(rows(renderGfm(renderInputsTable(tricky)))).toEqual([['x', 'a|b', tricky.x.description]])
  })
})
