import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'build/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly' }
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  {
    // The npm bin is CommonJS (bin/package.json), like the bundle it loads.
    files: ['bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  },
  {
    // Pure decisions import nothing of git, GitHub or the Actions toolkit.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@actions/*', '@octokit/*', 'node:child_process', '../git/*', '../github/*', '../actions/*'] }]
    }
  },
  {
    // The layers that talk to the world serve the actions and the CLI; they never reach back into them.
    files: ['src/git/**/*.ts', 'src/github/**/*.ts', 'src/guard/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['../actions/*', '../cli/*'] }]
    }
  }
)
