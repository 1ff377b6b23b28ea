"use strict";
exports.id = 525;
exports.ids = [525];
exports.modules = {

/***/ 4525:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   installHookCommand: () => (/* binding */ installHookCommand)
/* harmony export */ });
/* unused harmony exports HOOK_SIGNATURE, HOOK_MISSING_WARNING, hookScript */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _git_git_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(308);
/* harmony import */ var _git_revisions_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1638);
/**
 * `purple install-hook`: writes a pre-push hook that runs `purple guard
 * --pre-push`. An existing hook that Purple did not write is never replaced
 * silently: without --force it is left alone and the command fails saying how
 * to chain it; with --force it is kept as `pre-push.purple-backup`.
 */




/** Marks a hook as Purple's own, so a re-install may update it. */
const HOOK_SIGNATURE = '# purple pre-push hook';
/** The one line the hook prints when it finds no Purple to run; the push then goes on. */
const HOOK_MISSING_WARNING = 'purple: pre-push check skipped: Purple is not installed here (npm install --save-dev @purple-actions/cli); the push goes on.';
/** A POSIX shell single-quoted word. */
function shellQuote(text) {
    return `'${text.replace(/'/g, `'\\''`)}'`;
}
/**
 * The hook script. It looks Purple up at push time, because the CLI that installed
 * it may be gone by then (an npx cache cleaned, node_modules reinstalled): this
 * project's node_modules/.bin, then PATH, then the installing CLI if it still exists.
 * When none can run it warns in one line and lets the push proceed: a missing tool
 * never blocks a push (see docs/decisions.md, "The pre-push hook never blocks on a missing Purple").
 */
function hookScript(cliPath) {
    return [
        '#!/bin/sh',
        `${HOOK_SIGNATURE} (written by 'purple install-hook'; remove this file to uninstall).`,
        '# Blocks a push that adds conflict markers or merges a branch the policy does not allow.',
        '# Purple is looked up at every push; when it cannot be found the push goes on with a warning.',
        `installed=${shellQuote(cliPath)}`,
        'if command -v node >/dev/null 2>&1; then',
        '  top=$(git rev-parse --show-toplevel 2>/dev/null)',
        '  if [ -n "$top" ] && [ -x "$top/node_modules/.bin/purple" ]; then',
        '    exec "$top/node_modules/.bin/purple" guard --pre-push "$@"',
        '  fi',
        '  if command -v purple >/dev/null 2>&1; then',
        '    exec purple guard --pre-push "$@"',
        '  fi',
        '  if [ -f "$installed" ]; then',
        '    exec node "$installed" guard --pre-push "$@"',
        '  fi',
        'fi',
        `echo ${shellQuote(HOOK_MISSING_WARNING)} >&2`,
        'exit 0',
        ''
    ].join('\n');
}
/** Installs the hook in the repository of io.cwd (honouring core.hooksPath). Returns the exit code. */
async function installHookCommand(force, cliPath, io) {
    // From the top level: a relative core.hooksPath is relative to it, as is git's answer for .git/hooks.
    const top = await (0,_git_revisions_js__WEBPACK_IMPORTED_MODULE_3__/* .topLevel */ .M4)((0,_git_git_js__WEBPACK_IMPORTED_MODULE_2__/* .createGit */ .l)(io.cwd));
    const hooksDir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(top, (await (0,_git_git_js__WEBPACK_IMPORTED_MODULE_2__/* .createGit */ .l)(top).run(['rev-parse', '--git-path', 'hooks'])).stdout.trim());
    const hook = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(hooksDir, 'pre-push');
    const script = hookScript(cliPath);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(hooksDir, { recursive: true });
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(hook)) {
        const current = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(hook, 'utf8');
        if (current === script) {
            io.stdout(`purple: the pre-push hook at ${hook} is already installed\n`);
            return 0;
        }
        if (!current.includes(HOOK_SIGNATURE)) {
            if (!force) {
                io.stderr(`purple: ${hook} already exists and was not written by purple; left it unchanged.\n` +
                    `  Re-run with --force to replace it (the old hook is kept as pre-push.purple-backup),\n` +
                    `  or add this line to your hook: if [ -x node_modules/.bin/purple ]; then node_modules/.bin/purple guard --pre-push "$@" || exit 1; fi\n`);
                return 1;
            }
            const backup = `${hook}.purple-backup`;
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.renameSync)(hook, backup);
            io.stdout(`purple: moved the existing pre-push hook to ${backup}\n`);
        }
        else {
            io.stdout(`purple: updating purple's pre-push hook at ${hook}\n`);
        }
    }
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(hook, script);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.chmodSync)(hook, 0o755);
    io.stdout(`purple: installed the pre-push hook at ${hook}\n`);
    return 0;
}


/***/ })

};
;