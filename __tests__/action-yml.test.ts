import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parse } from 'yaml'
import { renderActionYml } from '../src/actions/metadata.js'
import { allActions } from '../src/actions/specs.js'

const root = resolve(import.meta.dirname, '..')

interface ActionYml {
  name: string
  description: string
  inputs?: Record<string, { description?: string; default?: string; required?: boolean }>
  outputs?: Record<string, { description?: string }>
  runs: { using: string; main: string }
}

describe.each(allActions.map((a) => [a.spec.dir || '(root)', a] as const))('%s/action.yml', (_label, { spec, main }) => {
  const file = join(root, spec.dir, 'action.yml')
  const generated = renderActionYml(spec, main)
  const yml = parse(generated) as ActionYml

  it('is committed exactly as generated from the declaration (run `npm run build` after editing io.ts)', () => {
    expect(readFileSync(file, 'utf8')).toBe(generated)
  })

  it('runs its own bundle on node24', () => {
    expect(yml.runs.using).toBe('node24')
    expect(resolve(root, spec.dir, yml.runs.main)).toBe(resolve(root, main))
    expect(existsSync(join(root, main))).toBe(true)
  })

  it('reads back as the declared inputs: names, defaults (`${{ }}` and quotes literal), descriptions', () => {
    const inputs = yml.inputs ?? {}
    expect(Object.keys(inputs)).toEqual(Object.keys(spec.inputs))
    for (const [name, declared] of Object.entries(spec.inputs)) {
      const written = inputs[name]!
      expect({ name, default: written.default, description: written.description }).toEqual({
        name,
        default: declared.default,
        description: declared.description
      })
      expect(declared.description.trim()).toBeTruthy()
      expect(Boolean(written.required)).toBe(Boolean(declared.required))
    }
  })

  it('reads back as the declared outputs, each described', () => {
    const outputs = yml.outputs ?? {}
    expect(Object.keys(outputs)).toEqual(Object.keys(spec.outputs))
    for (const [name, declared] of Object.entries(spec.outputs)) {
      expect(declared.description.trim()).toBeTruthy()
      expect(outputs[name]!.description).toBe(declared.description)
    }
  })

  it('uses kebab-case names only', () => {
    for (const name of [...Object.keys(spec.inputs), ...Object.keys(spec.outputs)]) {
      expect(name).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/)
    }
  })
})
