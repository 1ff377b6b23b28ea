import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parse } from 'yaml'
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
  const yml = parse(readFileSync(file, 'utf8')) as ActionYml

  it('runs its own bundle on node24', () => {
    expect(yml.runs.using).toBe('node24')
    expect(resolve(root, spec.dir, yml.runs.main)).toBe(resolve(root, main))
    expect(existsSync(join(root, main))).toBe(true)
  })

  it('declares exactly the inputs of the spec, with the same defaults and a description each', () => {
    const inputs = yml.inputs ?? {}
    expect(Object.keys(inputs).sort()).toEqual(Object.keys(spec.inputs).sort())
    for (const [name, declared] of Object.entries(spec.inputs)) {
      const written = inputs[name]!
      expect({ name, default: written.default === undefined ? undefined : String(written.default) }).toEqual({
        name,
        default: declared.default
      })
      expect(written.description?.trim()).toBeTruthy()
      expect(Boolean(written.required)).toBe(Boolean(declared.required))
    }
  })

  it('declares exactly the outputs of the spec, each described', () => {
    const outputs = yml.outputs ?? {}
    expect(Object.keys(outputs).sort()).toEqual(Object.keys(spec.outputs).sort())
    for (const out of Object.values(outputs)) expect(out.description?.trim()).toBeTruthy()
  })

  it('uses kebab-case names only', () => {
    for (const name of [...Object.keys(spec.inputs), ...Object.keys(spec.outputs)]) {
      expect(name).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/)
    }
  })
})
