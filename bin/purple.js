#!/usr/bin/env node
// The command line ships bundled, so `npx purple` needs no TypeScript build. CommonJS (bin/package.json), like the
// bundle: an ES module importing it would parse the whole bundle for its exports first (docs/decisions.md,
// "CommonJS bundles").
require('../dist/cli/index.js')
