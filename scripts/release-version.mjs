#!/usr/bin/env node
/**
 * What the release workflow asks before it publishes anything:
 *   node scripts/release-version.mjs check TAG     exit 1 unless TAG is vX.Y.Z, equals package.json's
 *                                                   version and CHANGELOG.md has its section; prints version=X.Y.Z
 *   node scripts/release-version.mjs notes X.Y.Z   prints that version's CHANGELOG.md section (the release notes)
 *   node scripts/release-version.mjs moving-tags X.Y.Z < existing-tags
 *                                                   prints vX and vX.Y when X.Y.Z is the newest release of that line
 */
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const SEMVER_TAG = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/

/** The version a release tag names, or an Error saying why this tag may not be released. */
export function releaseVersion(tag, packageJson, changelog) {
  const match = SEMVER_TAG.exec(tag)
  if (!match) return new Error(`'${tag}' is not a release tag: write vMAJOR.MINOR.PATCH, e.g. v1.2.3`)
  const version = tag.slice(1)
  const declared = JSON.parse(packageJson).version
  if (declared !== version) {
    return new Error(`tag ${tag} does not match package.json's version '${declared}': set "version": "${version}" in package.json, or tag v${declared}`)
  }
  if (changelogSection(changelog, version) === undefined) {
    return new Error(`CHANGELOG.md has no '## [${version}]' section: add what changed for a user before releasing`)
  }
  return version
}

/** The body of CHANGELOG.md's `## [version]` section (Keep a Changelog), trimmed; undefined when absent. */
export function changelogSection(changelog, version) {
  const lines = changelog.split('\n')
  const start = lines.findIndex((line) => line.startsWith(`## [${version}]`))
  if (start < 0) return undefined
  let end = lines.findIndex((line, i) => i > start && (line.startsWith('## ') || /^\[[^\]]+\]: /.test(line)))
  if (end < 0) end = lines.length
  return lines.slice(start + 1, end).join('\n').trim()
}

/** Compares two [major, minor, patch] triples. */
function compare(a, b) {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]
}

/** The moving tags (vX, vX.Y) that should point at `version`: those of lines it is the newest release of. */
export function movingTags(version, existingTags) {
  const mine = version.split('.').map(Number)
  const releases = existingTags.map((tag) => SEMVER_TAG.exec(tag.trim().replace(/^refs\/tags\//, ''))).filter(Boolean).map((m) => m.slice(1, 4).map(Number))
  const newest = (sameLine) => releases.filter(sameLine).every((other) => compare(other, mine) <= 0)
  const tags = []
  if (newest((r) => r[0] === mine[0])) tags.push(`v${mine[0]}`)
  if (newest((r) => r[0] === mine[0] && r[1] === mine[1])) tags.push(`v${mine[0]}.${mine[1]}`)
  return tags
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const root = process.cwd()
  const [command, arg] = process.argv.slice(2)
  const read = (name) => readFileSync(join(root, name), 'utf8')
  if (command === 'check') {
    const result = releaseVersion(arg ?? '', read('package.json'), read('CHANGELOG.md'))
    if (result instanceof Error) {
      console.error(`release refused: ${result.message}`)
      process.exit(1)
    }
    console.log(`version=${result}`)
  } else if (command === 'notes') {
    const notes = changelogSection(read('CHANGELOG.md'), arg ?? '')
    if (notes === undefined) {
      console.error(`CHANGELOG.md has no '## [${arg}]' section`)
      process.exit(1)
    }
    console.log(notes)
  } else if (command === 'moving-tags') {
    console.log(movingTags(arg ?? '', readFileSync(0, 'utf8').split('\n').filter(Boolean)).join('\n'))
  } else {
    console.error('usage: node scripts/release-version.mjs check TAG | notes X.Y.Z | moving-tags X.Y.Z < tags')
    process.exit(2)
  }
}
