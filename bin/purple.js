#!/usr/bin/env node
// The command line ships bundled, so `npx purple` needs no TypeScript build.
await import('../dist/cli/index.js')
