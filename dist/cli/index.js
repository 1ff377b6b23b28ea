/******/ (() => { // webpackBootstrap
/******/ 	"use strict";
/******/ 	var __webpack_modules__ = ({

/***/ 8551:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   ZJ: () => (/* binding */ EXIT_CODE_HELP),
/* harmony export */   ai: () => (/* binding */ EXIT_CODES),
/* harmony export */   eb: () => (/* binding */ UsageError)
/* harmony export */ });
/**
 * The `purple` exit codes, the same with or without `--json`. One table: the
 * README, `purple --help` and every command read it from here.
 */
const EXIT_CODES = Object.freeze({
    /** Success: green, merged, passed, or the retried command succeeded. */
    success: 0,
    /** A definite failure: a required check failed, the merge was refused, guard found something. */
    failure: 1,
    /** A usage error: an unknown command or option, or a bad value. */
    usage: 2,
    /** Authentication: no token, a 401, a key that cannot sign. */
    auth: 4,
    /** Not yet: timed out waiting, still pending. */
    notYet: 8,
    /** Every attempt failed transiently (sysexits EX_TEMPFAIL). */
    transientExhausted: 75
});
/** The table as `purple --help` prints it. */
const EXIT_CODE_HELP = `Exit codes (the same with --json):
  ${EXIT_CODES.success}   success
  ${EXIT_CODES.failure}   a definite failure
  ${EXIT_CODES.usage}   usage error
  ${EXIT_CODES.auth}   authentication failed
  ${EXIT_CODES.notYet}   not yet (timed out waiting, still pending)
  ${EXIT_CODES.transientExhausted}  transient failures exhausted
  purple retry exits with the command's own code when it stops on a permanent or auth failure.
`;
/** A mistake in how purple was called: exit 2 with this message and a pointer to --help. */
class UsageError extends Error {
    command;
    constructor(message, 
    /** The command whose --help explains it; '' for the top level. */
    command = '') {
        super(message);
        this.command = command;
        this.name = 'UsageError';
    }
}


/***/ }),

/***/ 970:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ jsonDocument),
/* harmony export */   r: () => (/* binding */ JSON_SCHEMA)
/* harmony export */ });
/** The one JSON document a `--json` run prints on stdout: `{"schema": "purple/v1", "command": ..., ...}`. */
const JSON_SCHEMA = 'purple/v1';
/** Serialises a command's result as the purple/v1 document, one line ending in a newline. */
function jsonDocument(command, fields) {
    const rest = Object.fromEntries(Object.entries(fields).filter(([key]) => key !== 'schema' && key !== 'command'));
    return `${JSON.stringify({ schema: JSON_SCHEMA, command, ...rest })}\n`;
}


/***/ }),

/***/ 4505:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ describeError)
/* harmony export */ });
/** Renders any thrown value as a message; a thrown string or object must still fail the step. */
function describeError(error) {
    if (error instanceof Error)
        return error.message;
    if (typeof error === 'string')
        return error;
    try {
        return JSON.stringify(error);
    }
    catch {
        return String(error);
    }
}


/***/ }),

/***/ 811:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Kw: () => (/* binding */ neutralizeCommands),
/* harmony export */   kc: () => (/* binding */ logText)
/* harmony export */ });
/* unused harmony export escapeHtml */
/**
 * Text from outside (check names, GitHub's messages, file names, branch names)
 * is data. These turn it into something that can only ever be read: in the job
 * log it can start no workflow command, in a summary it can render no markup.
 * See docs/decisions.md, "Outside text is data".
 */
const HTML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** HTML text or attribute value: escapes & < > " and '. */
function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}
// Line breaks the runner splits on, plus the Unicode ones a viewer may break on.
const LINE_BREAKS = /\r\n|[\r\n\u0085\u2028\u2029]/g;
// Other C0/C1 controls (ESC starts terminal sequences) except tab.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/**
 * One line of outside text for the log: line breaks shown as `\n`, other control
 * characters as `\u00XX`. Printed after Purple's own words, it cannot begin a line,
 * so it cannot start a workflow command (`::error::`, `::stop-commands::`).
 */
function logText(text) {
    return text
        .replace(LINE_BREAKS, (m) => (m === '\r\n' || m === '\n' ? '\\n' : m === '\r' ? '\\r' : `\\u${m.charCodeAt(0).toString(16).padStart(4, '0')}`))
        .replace(CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
// The runner reads a line as a command when, trimmed, it starts with `::` (or the older `##[`).
const COMMAND_START = /^(\s*)(::|##\[)/;
/**
 * A whole message for stdout, as a last line of defence: every line that would
 * start a workflow command gets a visible `| ` in front. Purple's own commands go
 * through @actions/core, never through this.
 */
function neutralizeCommands(message) {
    return message
        .split(/\r\n|\r|\n/)
        .map((line) => (COMMAND_START.test(line) ? line.replace(COMMAND_START, '$1| $2') : line))
        .join('\n');
}


/***/ }),

/***/ 9114:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   AW: () => (/* binding */ parseShaInput),
/* harmony export */   S8: () => (/* binding */ parseBooleanInput),
/* harmony export */   Vm: () => (/* binding */ parsePositiveIntegerInput),
/* harmony export */   Xu: () => (/* binding */ inputError),
/* harmony export */   f0: () => (/* binding */ specInputSource),
/* harmony export */   gF: () => (/* binding */ parsePullRequestInput),
/* harmony export */   lp: () => (/* binding */ parseSecondsInput)
/* harmony export */ });
/**
 * Input parsing shared by every action and by the GitHub client's inputs
 * (src/github/inputs.ts), written once so that guard, wait-ci, merge and the
 * root pipeline accept the same spellings and word their errors alike. In
 * src/core because src/github may not import the action shells. Pure: no
 * `@actions/*` (the readers over core.getInput are actions/input-source.ts and
 * github/inputs.ts). Errors name the input as the workflow spells it, so the
 * root action's `wait-timeout-seconds` is named by construction, not by
 * rewriting a stage's message afterwards.
 */
/** The error for an invalid input: which input, the value it had, what to write instead. */
function inputError(label, value, expected) {
    return new Error(`Input '${label}' is '${value}': ${expected}`);
}
/**
 * An InputSource over `read` (a reader of inputs by the workflow's name, '' when unset), with each input's
 * action.yml default applied; `prefix` names the inputs in the root action, except the `shared` ones.
 */
function specInputSource(inputs, read, prefix = '', shared = []) {
    const label = (name) => (shared.includes(name) ? name : `${prefix}${name}`);
    return Object.freeze({
        label,
        get: (name) => {
            const raw = read(label(name));
            if (raw !== '')
                return raw;
            // The runner passes '' for a left-out input only when there is no default; an unevaluated `${{ … }}`
            // default (run outside the runner) counts as unset.
            const fallback = inputs[name].default ?? '';
            return fallback.startsWith('${{') ? '' : fallback;
        }
    });
}
/** A YAML 1.2 core boolean (true/True/TRUE, false/False/FALSE), as core.getBooleanInput, with a message that says what to write. */
function parseBooleanInput(source, name) {
    const value = source.get(name).trim();
    if (['true', 'True', 'TRUE'].includes(value))
        return true;
    if (['false', 'False', 'FALSE'].includes(value))
        return false;
    throw inputError(source.label(name), value, "write 'true' or 'false'.");
}
/** A number of seconds of at least `min`, or above `above` (fractions allowed), as whole milliseconds. */
function parseSecondsInput(source, name, bound) {
    const value = source.get(name).trim();
    const seconds = Number(value);
    const inRange = 'min' in bound ? seconds >= bound.min : seconds > bound.above;
    if (value === '' || !Number.isFinite(seconds) || !inRange) {
        const range = 'min' in bound ? `of at least ${bound.min}` : `above ${bound.above}`;
        // The examples must be values the input accepts: '0.5' is no example for 'at least 1'.
        const accepts = (n) => ('min' in bound ? n >= bound.min : n > bound.above);
        const examples = ['10', '0.5'].filter((e) => accepts(Number(e))).map((e) => `'${e}'`);
        const hint = examples.length > 0 ? `, e.g. ${examples.join(' or ')}` : '';
        throw inputError(source.label(name), value, `write a number of seconds ${range}${hint}.`);
    }
    return Math.round(seconds * 1000);
}
/** A positive whole number (`what` says which), or undefined when the input is empty. */
function parsePositiveIntegerInput(source, name, what) {
    const value = source.get(name).trim();
    if (value === '')
        return undefined;
    if (!/^[1-9][0-9]*$/.test(value))
        throw inputError(source.label(name), value, `write ${what}, a positive whole number.`);
    return Number(value);
}
/** A pull request number, or undefined when empty (the pull request of the triggering event). */
function parsePullRequestInput(source, name) {
    return parsePositiveIntegerInput(source, name, 'the pull request number');
}
/** A full commit sha, lowercased (40 hex characters, or 64 in a SHA-256 repository), or undefined when empty. */
function parseShaInput(source, name) {
    const value = source.get(name).trim();
    if (value === '')
        return undefined;
    const sha = value.toLowerCase();
    if (!/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(sha)) {
        throw inputError(source.label(name), value, 'write the full commit sha (40 hex characters, 64 in a SHA-256 repository), or leave it empty.');
    }
    return sha;
}


/***/ }),

/***/ 308:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ GitCommandError),
/* harmony export */   l: () => (/* binding */ createGit)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/**
 * The one way Purple runs git: an argument array (never a shell string), the
 * exit codes the caller accepts, and a clear error for anything else. Every
 * name that came from a user goes after `--end-of-options` or `--` at the call
 * site; this helper never builds a command line from text.
 *
 * Output is either collected (small answers, bounded by `maxOutputBytes`) or
 * streamed to the caller chunk by chunk (diffs and searches, whose size is the
 * repository's), so no answer of git ever has to fit in one string.
 */


/** A git call that ended with an exit code the caller did not accept. */
class GitCommandError extends Error {
    args;
    exitCode;
    stderr;
    constructor(args, exitCode, stderr) {
        const detail = stderr.trim().split('\n').slice(-3).join(' / ') || 'no message';
        super(`'git ${args.join(' ')}' failed with exit code ${exitCode ?? 'none'}: ${detail}`);
        this.args = args;
        this.exitCode = exitCode;
        this.stderr = stderr;
        this.name = 'GitCommandError';
    }
}
const DEFAULT_MAX_OUTPUT = 64 * 1024 * 1024;
const MAX_STDERR = 64 * 1024;
// Read-only by construction: the repository's fsmonitor command never runs (git would start it for index reads).
const ALWAYS_CONFIG = ['core.fsmonitor=false'];
/** Creates the git runner for `cwd`. */
function createGit(cwd, deps = {}, facts = null) {
    const gitPath = deps.gitPath ?? 'git';
    const maxOutput = deps.maxOutputBytes ?? DEFAULT_MAX_OUTPUT;
    return {
        cwd,
        facts,
        run: async (args, options = {}) => {
            deps.onRun?.(args);
            const out = [];
            let size = 0;
            let overflow = false;
            const r = await spawnGit(gitPath, cwd, args, options, (chunk) => {
                size += chunk.length;
                if (size > maxOutput)
                    overflow = true;
                else
                    out.push(chunk);
            });
            if (overflow)
                throw new Error(`'git ${args.join(' ')}' printed more than ${maxOutput} bytes: more than guard reads from one answer`);
            return { exitCode: r.exitCode, stdout: Buffer.concat(out).toString(options.encoding ?? 'utf8'), stderr: r.stderr };
        },
        stream: (args, options) => {
            deps.onRun?.(args);
            return spawnGit(gitPath, cwd, args, options, options.onData);
        }
    };
}
function spawnGit(gitPath, cwd, args, options, onData) {
    const okExitCodes = options.okExitCodes ?? [0];
    // No pager, no prompts, no optional index writes: guard only reads.
    const env = { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_PAGER: 'cat', ...options.env };
    const config = [...ALWAYS_CONFIG, ...(options.config ?? [])].flatMap((c) => ['-c', c]);
    return new Promise((resolve, reject) => {
        let failed = null;
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(gitPath, ['--no-pager', ...config, ...args], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'], signal: options.signal });
        const err = [];
        let errSize = 0;
        child.stdout.on('data', (d) => {
            if (failed !== null)
                return;
            // A throw inside the consumer must end this call, never escape as an uncaught exception.
            try {
                onData(d);
            }
            catch (e) {
                failed = e;
                child.kill();
            }
        });
        child.stderr.on('data', (d) => {
            if (errSize < MAX_STDERR)
                err.push(d);
            errSize += d.length;
        });
        child.on('error', (e) => {
            if (e.name === 'AbortError')
                return reject(new Error(`'git ${args.join(' ')}' was ended: its answer was no longer needed`));
            reject(new Error(`could not run git: ${spawnFailure(e, gitPath, cwd)}`));
        });
        child.on('close', (code) => {
            if (failed !== null)
                return reject(failed);
            const stderr = Buffer.concat(err).toString('utf8');
            if (code === null || !okExitCodes.includes(code))
                return reject(new GitCommandError(args, code, stderr));
            resolve({ exitCode: code, stderr });
        });
        // git may exit before reading all of stdin (e.g. on a bad revision): that is reported by the exit code.
        child.stdin.on('error', () => undefined);
        child.stdin.end(options.input ?? '');
    });
}
/** Why git could not start: spawn says ENOENT both for a missing program and a missing working directory. */
function spawnFailure(e, gitPath, cwd) {
    if (e.code !== 'ENOENT')
        return e.message;
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(cwd))
        return `the working directory '${cwd}' does not exist: check out the repository first or fix the path`;
    return `git was not found ('${gitPath}'): install git or put it on PATH`;
}


/***/ }),

/***/ 1638:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ar: () => (/* binding */ openFacts),
/* harmony export */   Ki: () => (/* binding */ remoteDefaultBranch),
/* harmony export */   M4: () => (/* binding */ topLevel),
/* harmony export */   QG: () => (/* binding */ unshallow),
/* harmony export */   RS: () => (/* binding */ remoteNames),
/* harmony export */   Sm: () => (/* binding */ commitExists),
/* harmony export */   WL: () => (/* binding */ resolveCommit),
/* harmony export */   YB: () => (/* binding */ isFullOid),
/* harmony export */   eR: () => (/* binding */ currentBranch),
/* harmony export */   fE: () => (/* binding */ isShallow),
/* harmony export */   nM: () => (/* binding */ resolveCommitsAtOnce),
/* harmony export */   tw: () => (/* binding */ upstreamRef),
/* harmony export */   wu: () => (/* binding */ mergeBase)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _git_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(308);
/**
 * Revisions and repository facts guard needs. Every user-influenced name is
 * resolved once here with `rev-parse --verify --end-of-options <name>^{commit}`
 * (a branch named `--output=x` must never become an option); every
 * later call gets full object ids only.
 */


const FULL_OID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
/** True for a full SHA-1 or SHA-256 object id. */
function isFullOid(text) {
    return FULL_OID.test(text);
}
/** Resolves a user-given revision to the full commit id; throws naming `what` (the input) when it is not a commit here. */
async function resolveCommit(git, name, what) {
    const r = await git.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${name}^{commit}`], {
        okExitCodes: [0, 1, 128]
    });
    const sha = r.stdout.trim();
    if (r.exitCode !== 0 || !isFullOid(sha)) {
        throw new Error(`${what} '${name}' is not a commit in this repository: fetch it first (actions/checkout with fetch-depth: 0) or pass a branch, tag or sha that exists`);
    }
    return sha;
}
/** True when the object exists locally as a commit (a force-pushed remote oid may not). */
async function commitExists(git, oid) {
    if (!isFullOid(oid))
        return false;
    const r = await git.run(['cat-file', '-e', `${oid}^{commit}`], { okExitCodes: [0, 1, 128] });
    return r.exitCode === 0;
}
/** The merge base of two commits, or null when they share no history. */
async function mergeBase(git, a, b) {
    const r = await git.run(['merge-base', '--end-of-options', a, b], { okExitCodes: [0, 1] });
    const sha = r.stdout.trim().split('\n')[0] ?? '';
    return r.exitCode === 0 && isFullOid(sha) ? sha : null;
}
/** The repository's top-level directory (scans run from there so paths are repository-relative). */
async function topLevel(git) {
    return (await openFacts(git)).topLevel;
}
/**
 * The top-level directory and the facts later steps need, from one
 * `rev-parse` (each further call is a process start of a few ms).
 */
async function openFacts(git) {
    let out;
    try {
        out = (await git.run(['rev-parse', '--show-toplevel', '--is-shallow-repository', '--git-path', 'info/attributes'])).stdout;
    }
    catch (e) {
        if (e instanceof _git_js__WEBPACK_IMPORTED_MODULE_1__/* .GitCommandError */ .i) {
            throw new Error(`'${git.cwd}' is not inside a git work tree that guard can read: ${e.stderr.trim() || e.message}`, { cause: e });
        }
        throw e;
    }
    const [top, shallow, info] = out.split('\n');
    if (top === undefined || top === '' || (shallow !== 'true' && shallow !== 'false') || info === undefined || info === '') {
        throw new Error(`'${git.cwd}': unexpected answer of 'git rev-parse --show-toplevel': '${out.slice(0, 200)}'`);
    }
    // --git-path answers relative to the directory git ran in.
    return { topLevel: top, shallow: shallow === 'true', infoAttributes: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(git.cwd, info) };
}
/** True in a shallow clone (actions/checkout's default depth 1 hides merge parents). */
async function isShallow(git) {
    if (git.facts !== null)
        return git.facts.shallow;
    return (await git.run(['rev-parse', '--is-shallow-repository'])).stdout.trim() === 'true';
}
/**
 * Full commit ids of several user-given revisions from one `rev-parse`, in
 * order, or null when one call cannot tell: a name that is not a commit (the
 * caller then resolves each with resolveCommit, whose errors name the input),
 * a name starting with '-' (rev-parse without --verify could read it as an
 * option), or an answer that is not one full id per name (`a..b` prints two).
 */
async function resolveCommitsAtOnce(git, names) {
    if (names.some((n) => n.startsWith('-')))
        return null;
    // git 2.39's rev-parse prints --end-of-options back when --verify is absent; later versions consume it.
    const r = await git.run(['rev-parse', '--end-of-options', ...names.map((n) => `${n}^{commit}`)], { okExitCodes: [0, 1, 128] });
    const lines = r.stdout.split('\n').filter((l) => l !== '' && l !== '--end-of-options');
    return r.exitCode === 0 && lines.length === names.length && lines.every(isFullOid) ? lines : null;
}
/** Remote names, `origin` first. */
async function remoteNames(git) {
    const names = (await git.run(['remote'])).stdout.split('\n').filter(Boolean);
    return names.sort((a, b) => (a === 'origin' ? -1 : b === 'origin' ? 1 : 0));
}
/**
 * Turns a shallow clone into a full one with every branch of `remote`, so
 * merge parents and allowed refs become visible. Throws when the fetch fails.
 */
async function unshallow(git, remote) {
    // Writing refs would run the repository's reference-transaction hook: guard runs no repository command.
    const config = ['core.hooksPath=/dev/null'];
    await git.run([
        'fetch',
        '--quiet',
        '--no-tags',
        '--unshallow',
        '--end-of-options',
        remote,
        `+refs/heads/*:refs/remotes/${remote}/*`
    ], { config });
}
/** The remote's default branch ref (`refs/remotes/origin/HEAD` -> `refs/remotes/origin/main`), or null. */
async function remoteDefaultBranch(git, remotes, hint) {
    for (const remote of remotes) {
        const r = await git.run(['symbolic-ref', '--quiet', `refs/remotes/${remote}/HEAD`], { okExitCodes: [0, 1, 128] });
        if (r.exitCode === 0 && r.stdout.trim() !== '')
            return r.stdout.trim();
    }
    const names = hint ? [hint] : ['main', 'master'];
    for (const remote of remotes) {
        for (const name of names) {
            const ref = `refs/remotes/${remote}/${name}`;
            const r = await git.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], {
                okExitCodes: [0, 1, 128]
            });
            if (r.exitCode === 0)
                return ref;
        }
    }
    return null;
}
/** The upstream ref of the current branch (`refs/remotes/origin/x`), or null. */
async function upstreamRef(git) {
    const r = await git.run(['rev-parse', '--symbolic-full-name', '--verify', '--quiet', '@{upstream}'], {
        okExitCodes: [0, 1, 128]
    });
    return r.exitCode === 0 && r.stdout.trim() !== '' ? r.stdout.trim() : null;
}
/** The current branch name, or null when detached. */
async function currentBranch(git) {
    const r = await git.run(['symbolic-ref', '--quiet', '--short', 'HEAD'], { okExitCodes: [0, 1, 128] });
    return r.exitCode === 0 && r.stdout.trim() !== '' ? r.stdout.trim() : null;
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = require("assert");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = require("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = require("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = require("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = require("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = require("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = require("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = require("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = require("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = require("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = require("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = require("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = require("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = require("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = require("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = require("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = require("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = require("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = require("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = require("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = require("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = require("node:net");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = require("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = require("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = require("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = require("node:stream");

/***/ }),

/***/ 6193:
/***/ ((module) => {

module.exports = require("node:string_decoder");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = require("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = require("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = require("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = require("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = require("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = require("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = require("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = require("path");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = require("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = require("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = require("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = require("util");

/***/ })

/******/ 	});
/************************************************************************/
/******/ 	// The module cache
/******/ 	var __webpack_module_cache__ = {};
/******/ 	
/******/ 	// The require function
/******/ 	function __nccwpck_require__(moduleId) {
/******/ 		// Check if module is in cache
/******/ 		var cachedModule = __webpack_module_cache__[moduleId];
/******/ 		if (cachedModule !== undefined) {
/******/ 			return cachedModule.exports;
/******/ 		}
/******/ 		// Create a new module (and put it into the cache)
/******/ 		var module = __webpack_module_cache__[moduleId] = {
/******/ 			// no module.id needed
/******/ 			// no module.loaded needed
/******/ 			exports: {}
/******/ 		};
/******/ 	
/******/ 		// Execute the module function
/******/ 		var threw = true;
/******/ 		try {
/******/ 			__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 			threw = false;
/******/ 		} finally {
/******/ 			if(threw) delete __webpack_module_cache__[moduleId];
/******/ 		}
/******/ 	
/******/ 		// Return the exports of the module
/******/ 		return module.exports;
/******/ 	}
/******/ 	
/******/ 	// expose the modules object (__webpack_modules__)
/******/ 	__nccwpck_require__.m = __webpack_modules__;
/******/ 	
/************************************************************************/
/******/ 	/* webpack/runtime/asset-relocator-loader */
/******/ 	if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = __dirname + "/";
/******/ 	
/******/ 	/* webpack/runtime/compat get default export */
/******/ 	(() => {
/******/ 		// getDefaultExport function for compatibility with non-harmony modules
/******/ 		__nccwpck_require__.n = (module) => {
/******/ 			var getter = module && module.__esModule ?
/******/ 				() => (module['default']) :
/******/ 				() => (module);
/******/ 			__nccwpck_require__.d(getter, { a: getter });
/******/ 			return getter;
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/define property getters */
/******/ 	(() => {
/******/ 		// define getter functions for harmony exports
/******/ 		__nccwpck_require__.d = (exports, definition) => {
/******/ 			for(var key in definition) {
/******/ 				if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 					Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 				}
/******/ 			}
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/ensure chunk */
/******/ 	(() => {
/******/ 		__nccwpck_require__.f = {};
/******/ 		// This file contains only the entry chunk.
/******/ 		// The chunk loading function for additional chunks
/******/ 		__nccwpck_require__.e = (chunkId) => {
/******/ 			return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 				__nccwpck_require__.f[key](chunkId, promises);
/******/ 				return promises;
/******/ 			}, []));
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/get javascript chunk filename */
/******/ 	(() => {
/******/ 		// This function allow to reference async chunks
/******/ 		__nccwpck_require__.u = (chunkId) => {
/******/ 			// return url for filenames based on template
/******/ 			return "" + chunkId + ".index.js";
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/hasOwnProperty shorthand */
/******/ 	(() => {
/******/ 		__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/require chunk loading */
/******/ 	(() => {
/******/ 		// no baseURI
/******/ 		
/******/ 		// object to store loaded chunks
/******/ 		// "1" means "loaded", otherwise not loaded yet
/******/ 		var installedChunks = {
/******/ 			792: 1
/******/ 		};
/******/ 		
/******/ 		// no on chunks loaded
/******/ 		
/******/ 		var installChunk = (chunk) => {
/******/ 			var moreModules = chunk.modules, chunkIds = chunk.ids, runtime = chunk.runtime;
/******/ 			for(var moduleId in moreModules) {
/******/ 				if(__nccwpck_require__.o(moreModules, moduleId)) {
/******/ 					__nccwpck_require__.m[moduleId] = moreModules[moduleId];
/******/ 				}
/******/ 			}
/******/ 			if(runtime) runtime(__nccwpck_require__);
/******/ 			for(var i = 0; i < chunkIds.length; i++)
/******/ 				installedChunks[chunkIds[i]] = 1;
/******/ 		
/******/ 		};
/******/ 		
/******/ 		// require() chunk loading for javascript
/******/ 		__nccwpck_require__.f.require = (chunkId, promises) => {
/******/ 			// "1" is the signal for "already loaded"
/******/ 			if(!installedChunks[chunkId]) {
/******/ 				if(true) { // all chunks have JS
/******/ 					installChunk(require("./" + __nccwpck_require__.u(chunkId)));
/******/ 				} else installedChunks[chunkId] = 1;
/******/ 			}
/******/ 		};
/******/ 		
/******/ 		// no external install chunk
/******/ 		
/******/ 		// no HMR
/******/ 		
/******/ 		// no HMR manifest
/******/ 	})();
/******/ 	
/************************************************************************/
var __webpack_exports__ = {};

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __nccwpck_require__(7975);
;// CONCATENATED MODULE: ./node_modules/balanced-match/dist/esm/index.js
const balanced = (a, b, str) => {
    const ma = a instanceof RegExp ? maybeMatch(a, str) : a;
    const mb = b instanceof RegExp ? maybeMatch(b, str) : b;
    const r = ma !== null && mb != null && range(ma, mb, str);
    return (r && {
        start: r[0],
        end: r[1],
        pre: str.slice(0, r[0]),
        body: str.slice(r[0] + ma.length, r[1]),
        post: str.slice(r[1] + mb.length),
    });
};
const maybeMatch = (reg, str) => {
    const m = str.match(reg);
    return m ? m[0] : null;
};
const range = (a, b, str) => {
    let begs, beg, left, right = undefined, result;
    let ai = str.indexOf(a);
    let bi = str.indexOf(b, ai + 1);
    let i = ai;
    if (ai >= 0 && bi > 0) {
        if (a === b) {
            return [ai, bi];
        }
        begs = [];
        left = str.length;
        while (i >= 0 && !result) {
            if (i === ai) {
                begs.push(i);
                ai = str.indexOf(a, i + 1);
            }
            else if (begs.length === 1) {
                const r = begs.pop();
                if (r !== undefined)
                    result = [r, bi];
            }
            else {
                beg = begs.pop();
                if (beg !== undefined && beg < left) {
                    left = beg;
                    right = bi;
                }
                bi = str.indexOf(b, i + 1);
            }
            i = ai < bi && ai >= 0 ? ai : bi;
        }
        if (begs.length && right !== undefined) {
            result = [left, right];
        }
    }
    return result;
};
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/brace-expansion/dist/esm/index.js

const escSlash = '\0SLASH' + Math.random().toFixed(16) + '\0';
const escOpen = '\0OPEN' + Math.random().toFixed(16) + '\0';
const escClose = '\0CLOSE' + Math.random().toFixed(16) + '\0';
const escComma = '\0COMMA' + Math.random().toFixed(16) + '\0';
const escPeriod = '\0PERIOD' + Math.random().toFixed(16) + '\0';
const escSlashPattern = new RegExp(escSlash, 'g');
const escOpenPattern = new RegExp(escOpen, 'g');
const escClosePattern = new RegExp(escClose, 'g');
const escCommaPattern = new RegExp(escComma, 'g');
const escPeriodPattern = new RegExp(escPeriod, 'g');
const slashPattern = /\\\\/g;
const openPattern = /\\{/g;
const closePattern = /\\}/g;
const commaPattern = /\\,/g;
const periodPattern = /\\\./g;
const EXPANSION_MAX = 100_000;
// `EXPANSION_MAX` caps the *number* of expansions, but not their length. An
// input like `'{a,b}'.repeat(1500)` stays under that count - its output is
// truncated to 100k results - while making every result ~1500 characters
// long. The result set, and the intermediate arrays built while combining
// brace sets, then grow large enough to exhaust memory and crash the process
// (CVE-2026-14257). `EXPANSION_MAX_LENGTH` bounds the total number of
// characters the accumulator may hold at any point, so memory stays flat no
// matter how many brace groups are chained. The limit sits well above any
// realistic expansion (100k results hitting `EXPANSION_MAX` measure ~1M
// characters) so legitimate input is unaffected.
const EXPANSION_MAX_LENGTH = 4_000_000;
// `expand_` recurses once per level of brace *nesting* - both when expanding a
// set's comma members and when re-wrapping a set whose body is a single part.
// The CVE-2026-14257 fix made the *tail* iterative (recursion on `m.post`, one
// level per chained group), which left nesting depth unbounded: about 3,100
// levels of `{{{...a,b...}}}` - only ~6KB of input - exhausted the native stack
// and crashed the process. `EXPANSION_MAX_DEPTH` bounds how deep the parser
// will follow nesting. It sits far above any realistic pattern and well below
// the depth at which the stack runs out.
const EXPANSION_MAX_DEPTH = 1_000;
// Bash keeps a quirk where a brace group followed by a comma set still expands
// (`{a},b}`). The parser implements it by rewriting the string and restarting
// the scan, absorbing one `}` per pass. `n` trailing braces therefore cost `n`
// full passes over a string that itself grows by one `escClose` sentinel each
// time - quadratic in `n`, with a ~26x constant from the sentinel's length.
// 128KB of `'{a}' + '}'.repeat(n) + ',z}'` blocked the event loop for 27
// seconds to produce two results. `EXPANSION_MAX_REWRITES` bounds how many
// times the scan may restart. Real `{a},b}` input needs a handful.
const EXPANSION_MAX_REWRITES = 1_000;
// `EXPANSION_MAX_STEPS` bounds the work one `expand` call does, which `max`,
// `maxLength` and `maxDepth` don't: nested sets are rescanned at every level
// and chained groups each rebuild up to `max` results, so 2KB of input could
// block the event loop for over 30 seconds. Each character scanned, result
// built and sequence value generated is a step, and each `expand_` call costs
// `CALL_STEPS` more. Past the budget, the set being expanded and everything
// after it stay literal. A glob needs a few hundred steps, and nesting all the
// way to `EXPANSION_MAX_DEPTH` about 4M.
const EXPANSION_MAX_STEPS = 20_000_000;
// What one `expand_` call costs on top of what it scans and builds. Setting
// one up takes about as long as scanning 16 characters, and a set whose
// results are wrapped to be expanded again makes one call per result, each
// scanning and building next to nothing: 64KB of
// `('{{' + ','.repeat(316) + '}{' + ','.repeat(316) + '}}').repeat(n)` made
// 4M such calls, which spent the budget three times as slowly as anything
// else.
const CALL_STEPS = 16;
function numeric(str) {
    return !isNaN(str) ? parseInt(str, 10) : str.charCodeAt(0);
}
function escapeBraces(str) {
    return str
        .replace(slashPattern, escSlash)
        .replace(openPattern, escOpen)
        .replace(closePattern, escClose)
        .replace(commaPattern, escComma)
        .replace(periodPattern, escPeriod);
}
function unescapeBraces(str) {
    return str
        .replace(escSlashPattern, '\\')
        .replace(escOpenPattern, '{')
        .replace(escClosePattern, '}')
        .replace(escCommaPattern, ',')
        .replace(escPeriodPattern, '.');
}
// Like `target.push(...items)` but doesn't overflow the stack
function pushAll(target, items) {
    for (let i = 0; i < items.length; i++) {
        target.push(items[i]);
    }
}
// `balanced`, run on `masked` (see `maskUnmatchedOpens`), sliced from `str`
// and charged for the characters it walks: up to the group's `}`, or the
// whole string when there is no match or unmatched `{` come first, which
// `unmatched` then flags for masking. Once a call overdraws the budget, it
// and every later one return undefined, so the rest stays literal.
function balancedWithBudget(str, masked, budget) {
    if (budget.remaining < 0) {
        return undefined;
    }
    const r = range('{', '}', masked);
    const unmatched = r !== undefined && masked.indexOf('{') < r[0];
    budget.remaining -= r && !unmatched ? r[1] + 1 : str.length;
    if (!r || budget.remaining < 0) {
        return undefined;
    }
    return {
        end: r[1],
        pre: str.slice(0, r[0]),
        body: str.slice(r[0] + 1, r[1]),
        post: str.slice(r[1] + 1),
        unmatched,
    };
}
// `masked` with every `{` that has no matching `}` swapped for a `\0`, which
// keeps the length, so a scan of it still lines up with the string it was
// made from. Such a `{` is literal either way, but `balanced` only learns that
// one is unmatched by reading to the end of the string, so with one at the
// head of every group (`'{a,{b,c}'.repeat(n)`) each scan read the rest of the
// input. That was quadratic, and once the step budget charged for it, it ran
// out partway through and left the rest literal. A scan of the masked copy
// stops at the group's `}`. It is one pass, charged as such.
function maskUnmatchedOpens(masked, budget) {
    budget.remaining -= masked.length;
    const open = [];
    for (let i = 0; i < masked.length; i++) {
        const c = masked.charCodeAt(i);
        if (c === 0x7b) {
            open.push(i);
        }
        else if (c === 0x7d && open.length) {
            open.pop();
        }
    }
    let out = '';
    let last = 0;
    for (let i = 0; i < open.length; i++) {
        const at = open[i];
        out += masked.slice(last, at) + '\0';
        last = at + 1;
    }
    return out + masked.slice(last);
}
// Whether `str` has a `,` not followed by another `,`, with a `}` after it on
// the same line - what `/,(?!,).*\}/.test(str)` asks, answered in one pass from
// the end. The regex tries every `,` and backtracks through the rest of its
// line from each, which is quadratic, and the `{a},b}` rewrite asks again on
// every pass. Like a scan, it is charged for the whole string and refused if
// that overdraws the budget.
function commaSetFollows(str, budget) {
    budget.remaining -= str.length;
    if (budget.remaining < 0) {
        return false;
    }
    // Whether a `}` follows the current position before the line ends
    let close = false;
    for (let i = str.length - 1; i >= 0; i--) {
        const c = str.charCodeAt(i);
        if (c === 0x7d) {
            close = true;
        }
        else if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) {
            // A line terminator, which `.` does not match
            close = false;
        }
        else if (c === 0x2c && close && str.charCodeAt(i + 1) !== 0x2c) {
            return true;
        }
    }
    return false;
}
/**
 * Basically just str.split(","), but handling cases
 * where we have nested braced sections, which should be
 * treated as individual members, like {a,{b,c},d}
 *
 * Returns `undefined` if the step budget runs out before the whole set is
 * split, since splitting what is left on every comma would tear apart the
 * nested sets it still holds.
 */
function parseCommaParts(str, budget) {
    const parts = [];
    // Walk the brace groups iteratively. Recursing on `post` once per group let a
    // chain of them exhaust the stack - the parsing-side counterpart to
    // the `expand_` overflow fixed for CVE-2026-14257, and not something `max` or
    // `maxLength` can bound, since it happens before expansion.
    //
    // The part the next chunk continues
    let carry = '';
    for (;;) {
        // A set's body holds no unmatched `{`, so there is nothing to mask.
        const m = balancedWithBudget(str, str, budget);
        if (budget.remaining < 0) {
            return undefined;
        }
        if (!m) {
            const tail = str.split(',');
            tail[0] = carry + tail[0];
            pushAll(parts, tail);
            return parts;
        }
        const { pre, body, post } = m;
        const p = pre.split(',');
        p[0] = carry + p[0];
        p[p.length - 1] += '{' + body + '}';
        if (!post.length) {
            pushAll(parts, p);
            return parts;
        }
        carry = p.pop();
        pushAll(parts, p);
        str = post;
    }
}
// An option that is left out, or that is NaN, gets its default. Every
// comparison against NaN is false, so a NaN bound would never be reached:
// `{ maxSteps: NaN }` let 15KB of input block the event loop for 16 seconds,
// and `{ maxDepth: NaN }` overflowed the stack again (CVE-2026-102278). Pass
// `Infinity` to lift a bound.
function bound(value, fallback) {
    return value === undefined || isNaN(value) ? fallback : value;
}
function expand(str, options = {}) {
    if (!str) {
        return [];
    }
    const max = bound(options.max, EXPANSION_MAX);
    const maxLength = bound(options.maxLength, EXPANSION_MAX_LENGTH);
    const maxDepth = bound(options.maxDepth, EXPANSION_MAX_DEPTH);
    const maxRewrites = bound(options.maxRewrites, EXPANSION_MAX_REWRITES);
    const maxSteps = bound(options.maxSteps, EXPANSION_MAX_STEPS);
    // I don't know why Bash 4.3 does this, but it does.
    // Anything starting with {} will have the first two bytes preserved
    // but *only* at the top level, so {},a}b will not expand to anything,
    // but a{},b}c will be expanded to [a}c,abc].
    // One could argue that this is a bug in Bash, but since the goal of
    // this module is to match Bash's rules, we escape a leading {}
    if (str.slice(0, 2) === '{}') {
        str = '\\{\\}' + str.slice(2);
    }
    return expand_(escapeBraces(str), max, maxLength, maxDepth, 0, maxRewrites, { remaining: maxSteps }, true).map(unescapeBraces);
}
function embrace(str) {
    return '{' + str + '}';
}
function isPadded(el) {
    return /^-?0\d/.test(el);
}
function lte(i, y) {
    return i <= y;
}
function gte(i, y) {
    return i >= y;
}
// Build `{ acc[a] + pre + values[v] }` for every combination, capping the
// number of results at `max` and the total number of characters at `maxLength`.
// This is the one place output grows, so bounding it here keeps the single
// accumulator - and therefore memory - flat regardless of how many brace groups
// are combined (CVE-2026-14257). Each result built is a step, since `max` and
// `maxLength` bound one combination, not how many brace groups are combined.
function combine(acc, pre, values, max, maxLength, dropEmpties, budget) {
    const out = [];
    let length = 0;
    // Bash drops empty results at the top level, and they don't count against
    // `max`, so `max` bounds the number of *kept* results. Only an empty
    // `acc[a] + pre` can make one, so for those the empty values are skipped
    // without being visited. Visiting them one at a time let a set of empties
    // cost `acc.length * values.length` while keeping nothing.
    let nonEmpty;
    outer: for (let a = 0; a < acc.length; a++) {
        const prefix = acc[a] + pre;
        let vs = values;
        if (dropEmpties && !prefix) {
            if (!nonEmpty)
                nonEmpty = values.filter(v => v);
            vs = nonEmpty;
        }
        for (let v = 0; v < vs.length; v++) {
            if (out.length >= max)
                break outer;
            const expansion = prefix + vs[v];
            if (length + expansion.length > maxLength)
                break outer;
            out.push(expansion);
            length += expansion.length;
        }
    }
    budget.remaining -= out.length;
    return out;
}
// The expansion values of a single numeric (`1..5`) or alphabetic (`a..e..2`)
// sequence body, or `undefined` if the step budget runs out generating them.
function expandSequence(body, isAlphaSequence, max, maxLength, budget) {
    const n = body.split(/\.\./);
    const N = [];
    // A sequence body always splits into two or three parts, but the compiler
    // can't know that.
    /* c8 ignore start */
    if (n[0] === undefined || n[1] === undefined) {
        return N;
    }
    /* c8 ignore stop */
    const x = numeric(n[0]);
    const y = numeric(n[1]);
    const width = Math.max(n[0].length, n[1].length);
    let incr = n.length === 3 && n[2] !== undefined ?
        Math.max(Math.abs(numeric(n[2])), 1)
        : 1;
    let test = lte;
    const reverse = y < x;
    if (reverse) {
        incr *= -1;
        test = gte;
    }
    const pad = n.some(isPadded);
    // A padded value is built a character at a time to `width`, which the input
    // sets, so it costs one step per character: 64KB of
    // `('{' + '0'.repeat(100) + '..99999}').repeat(n)` took 7 seconds charged
    // one step per value.
    const cost = pad ? width : 1;
    let length = 0;
    for (let i = x; test(i, y) && N.length < max; i += incr) {
        // Each value is a step. `max` and `maxLength` bound one sequence, but a
        // chain of them still generated up to `max` values each, however few
        // combining could keep.
        budget.remaining -= cost;
        if (budget.remaining < 0) {
            return undefined;
        }
        let c;
        if (isAlphaSequence) {
            c = String.fromCharCode(i);
            if (c === '\\') {
                c = '';
            }
        }
        else {
            c = String(i);
            if (pad) {
                const need = width - c.length;
                if (need > 0) {
                    const z = new Array(need + 1).join('0');
                    if (i < 0) {
                        c = '-' + z + c.slice(1);
                    }
                    else {
                        c = z + c;
                    }
                }
            }
        }
        if (length + c.length > maxLength)
            break;
        N.push(c);
        length += c.length;
    }
    return N;
}
function expand_(str, max, maxLength, maxDepth, depth, maxRewrites, budget, isTop) {
    // An overdraft here makes the first scan refuse, so `str` stays literal.
    budget.remaining -= CALL_STEPS;
    // Too deeply nested to keep following: treat the rest as literal, the same
    // way a group that cannot expand is already handled. Truncating rather than
    // throwing keeps `expand` total, matching `max` and `maxLength`.
    if (depth > maxDepth) {
        return [str];
    }
    // Consume the string's top-level brace groups left to right, threading a
    // running set of combined prefixes (`acc`). Expanding the tail iteratively -
    // rather than recursing on `m.post` once per group - keeps the native stack
    // depth constant, so deeply chained input (`'{a,b}'.repeat(3000)`) can no
    // longer overflow the stack, and leaves a single accumulator whose size
    // `maxLength` bounds directly (CVE-2026-14257).
    let acc = [''];
    // Bash drops empty results, but only when the *first* top-level group is a
    // comma set - a sequence like `{a..\}` may legitimately yield ''. The drop
    // is on the final strings, so it is applied to whichever `combine` produces
    // them (the one with no brace set left in the tail).
    // How many times the `{a},b}` rewrite below has restarted the scan. Each pass
    // re-reads the whole string, so leaving this unbounded is quadratic.
    let rewrites = 0;
    let dropEmpties = false;
    let firstGroup = true;
    // `str` with its unmatched `{` masked, once a scan has run into them
    let masked = str;
    for (;;) {
        const m = balancedWithBudget(str, masked, budget);
        // No brace set left, or no step budget left to look for one: the rest of
        // the string is literal.
        if (!m) {
            return combine(acc, str, [''], max, maxLength, dropEmpties, budget);
        }
        if (m.unmatched) {
            masked = maskUnmatchedOpens(masked, budget);
        }
        // no need to expand pre, since it is guaranteed to be free of brace-sets
        const pre = m.pre;
        // This set and the rest of the string, literal: for a set that cannot
        // expand, and for one the step budget runs out on. Once it is overdrawn,
        // every set still being expanded, at every level, stays literal like this -
        // otherwise each level above would go on combining, and wrapping and
        // expanding again, results the budget was too small for.
        const literal = () => combine(acc, pre + '{' + m.body + '}' + m.post, [''], max, maxLength, dropEmpties, budget);
        if (/\$$/.test(pre)) {
            acc = combine(acc, pre + '{' + m.body + '}', [''], max, maxLength, dropEmpties && !m.post.length, budget);
            firstGroup = false;
            if (!m.post.length)
                break;
            str = m.post;
            masked = masked.slice(m.end + 1);
            continue;
        }
        const isNumericSequence = /^-?\d+\.\.-?\d+(?:\.\.-?\d+)?$/.test(m.body);
        const isAlphaSequence = /^[a-zA-Z]\.\.[a-zA-Z](?:\.\.-?\d+)?$/.test(m.body);
        const isSequence = isNumericSequence || isAlphaSequence;
        const isOptions = m.body.indexOf(',') >= 0;
        if (!isSequence && !isOptions) {
            // {a},b}
            if (rewrites < maxRewrites && commaSetFollows(m.post, budget)) {
                rewrites++;
                str = m.pre + '{' + m.body + escClose + m.post;
                // Taking a `}` away never gives an unmatched `{` a partner, so what
                // is masked stays unmatched. The `{` it closed can be left without
                // one, and the next scan masks it.
                masked =
                    masked.slice(0, m.end) + escClose + masked.slice(m.end + 1);
                isTop = true;
                continue;
            }
            // Nothing here expands, so the whole remaining string is literal.
            return literal();
        }
        if (firstGroup) {
            dropEmpties = isTop && !isSequence;
            firstGroup = false;
        }
        let values;
        if (isSequence) {
            values = expandSequence(m.body, isAlphaSequence, max, maxLength, budget);
            if (!values) {
                return literal();
            }
        }
        else {
            let n = parseCommaParts(m.body, budget);
            // The step budget ran out partway through the set.
            if (!n) {
                return literal();
            }
            if (n.length === 1 && n[0] !== undefined) {
                // x{{a,b}}y ==> x{a}y x{b}y
                n = expand_(n[0], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false).map(embrace);
                // The step budget ran out expanding the set's only part.
                if (budget.remaining < 0) {
                    return literal();
                }
                //XXX is this necessary? Can't seem to hit it in tests.
                /* c8 ignore start */
                if (n.length === 1) {
                    const next = combine(acc, pre + n[0], [''], max, maxLength, dropEmpties && !m.post.length, budget);
                    if (budget.remaining < 0) {
                        return literal();
                    }
                    acc = next;
                    if (!m.post.length)
                        break;
                    str = m.post;
                    masked = masked.slice(m.end + 1);
                    continue;
                }
                /* c8 ignore stop */
            }
            // Values that `combine` is going to drop as empty produce no result, so
            // they must not count against `max` - otherwise `{a,,b}` with `max: 2`
            // would stop at `['a', '']` and yield one result instead of two. Skipping
            // them outright keeps `values` bounded while leaving `max` a bound on
            // *kept* results.
            let dropsEmpties = dropEmpties && !m.post.length && !pre;
            for (let d = 0; dropsEmpties && d < acc.length; d++) {
                if (acc[d]) {
                    dropsEmpties = false;
                }
            }
            values = [];
            let valuesLength = 0;
            outer: for (let j = 0; j < n.length; j++) {
                const expanded = expand_(n[j], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false);
                // The step budget ran out expanding a member.
                if (budget.remaining < 0) {
                    return literal();
                }
                for (let k = 0; k < expanded.length; k++) {
                    const v = expanded[k];
                    if (dropsEmpties && !v)
                        continue;
                    if (values.length >= max ||
                        valuesLength + v.length > maxLength) {
                        break outer;
                    }
                    values.push(v);
                    valuesLength += v.length;
                }
            }
        }
        const next = combine(acc, pre, values, max, maxLength, dropEmpties && !m.post.length, budget);
        // The step budget ran out combining the set's values in.
        if (budget.remaining < 0) {
            return literal();
        }
        acc = next;
        if (!m.post.length)
            break;
        str = m.post;
        masked = masked.slice(m.end + 1);
    }
    return acc;
}

//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@isaacs/nonrecursive-glob-match/dist/esm/numeric-range.js
// One digit, or a class of digits from a to b.
const digit = (a, b) => a === b ?
    { t: 'lit', ch: String(a) }
    : { t: 'class', re: new RegExp(`^[${a}-${b}]$`) };
const prefix = (d, alts) => alts.map(s => [digit(d, d), ...s]);
// The digit strings from a to b, which have the same length.
const fixed = (a, b) => {
    if (!a)
        return [[]];
    let lo = +a[0];
    let hi = +b[0];
    const ra = a.slice(1);
    const rb = b.slice(1);
    if (lo === hi)
        return prefix(lo, fixed(ra, rb));
    const zeros = '0'.repeat(ra.length);
    const nines = '9'.repeat(ra.length);
    const out = [];
    if (ra !== zeros)
        out.push(...prefix(lo++, fixed(ra, nines)));
    const last = rb === nines ? [] : prefix(hi--, fixed(zeros, rb));
    if (lo <= hi) {
        out.push([digit(lo, hi), ...Array.from(ra, () => digit(0, 9))]);
    }
    out.push(...last);
    return out;
};
// The numbers from a to b, where 0 <= a <= b. If width is set, each
// one has leading zeros to make it that many digits.
const nonneg = (a, b, width) => {
    if (width) {
        return fixed(String(a).padStart(width, '0'), String(b).padStart(width, '0'));
    }
    const out = [];
    for (let len = String(a).length; len <= String(b).length; len++) {
        const lo = Math.max(a, len === 1 ? 0 : 10 ** (len - 1));
        const hi = Math.min(b, 10 ** len - 1);
        out.push(...fixed(String(lo), String(hi)));
    }
    return out;
};
/**
 * The strings that the bash brace expansion `{lo..hi}` makes, as
 * the alternatives of an `@(...)` extglob. Each one is a sequence of
 * digits and digit classes, so there are only a few of them, even for
 * a large range.
 *
 * If either end has a leading zero, such as `{01..10}`, each number
 * has leading zeros to make it as long as the longer end, counting a
 * `-` sign. So `{-05..3}` makes `-05` to `-01`, then `000` to `003`.
 *
 * Returns undefined if either end is not a safe integer.
 */
const numericRange = (loStr, hiStr) => {
    let lo = Number(loStr);
    let hi = Number(hiStr);
    if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi))
        return;
    if (lo > hi)
        [lo, hi] = [hi, lo];
    const padded = /^-?0\d/.test(loStr) || /^-?0\d/.test(hiStr);
    const width = padded ? Math.max(loStr.length, hiStr.length) : 0;
    const out = [];
    if (lo < 0) {
        const neg = nonneg(Math.max(-hi, 1), -lo, width && width - 1);
        out.push(...neg.map(s => [{ t: 'lit', ch: '-' }, ...s]));
    }
    if (hi >= 0)
        out.push(...nonneg(Math.max(lo, 0), hi, width));
    return out;
};
//# sourceMappingURL=numeric-range.js.map
;// CONCATENATED MODULE: ./node_modules/@isaacs/nonrecursive-glob-match/dist/esm/parse-class.js
// translate the various posix character classes into unicode properties
// this works across all unicode locales
// { <posix class>: [<translation>, negated]
const posixClasses = {
    '[:alnum:]': ['\\p{L}\\p{Nl}\\p{Nd}'],
    '[:alpha:]': ['\\p{L}\\p{Nl}'],
    '[:ascii:]': ['\\x' + '00-\\x' + '7f'],
    '[:blank:]': ['\\p{Zs}\\t'],
    '[:cntrl:]': ['\\p{Cc}'],
    '[:digit:]': ['\\p{Nd}'],
    '[:graph:]': ['\\p{Z}\\p{C}', true],
    '[:lower:]': ['\\p{Ll}'],
    '[:print:]': ['\\p{C}', true],
    '[:punct:]': ['\\p{P}\\p{S}'],
    '[:space:]': ['\\p{Z}\\t\\r\\n\\v\\f'],
    '[:upper:]': ['\\p{Lu}'],
    '[:word:]': ['\\p{L}\\p{Nl}\\p{Nd}\\p{Pc}'],
    '[:xdigit:]': ['A-Fa-f0-9'],
};
// only need to escape a few things inside of brace expressions
// escapes: [ \ ] -
const braceEscape = (s) => s.replace(/[[\]\\-]/g, '\\$&');
const noMatch = /$./;
// Takes a glob string at a posix brace expression. Returns a RegExp
// that tests one character, and the number of glob chars consumed.
// If the class is not closed, consumed is 0, and the `[` must be
// treated as a literal character.
// Out of order ranges are removed. If nothing is left, the RegExp
// is `/$./`, and the rest of the glob is consumed, so that the
// whole glob cannot match.
const parseClass = (glob, position, nocase = false, form) => {
    // normalize one class member, if it stays one code point
    const norm = (c) => {
        const n = form ? c.normalize(form) : c;
        return [...n].length === 1 ? n : c;
    };
    const pos = position;
    /* c8 ignore start */
    if (glob.charAt(pos) !== '[') {
        throw new Error('not in a brace expression');
    }
    /* c8 ignore stop */
    const ranges = [];
    const negs = [];
    let i = pos + 1;
    let sawStart = false;
    let escaping = false;
    let negate = false;
    let endPos = pos;
    let rangeStart = '';
    WHILE: while (i < glob.length) {
        const c = String.fromCodePoint(glob.codePointAt(i));
        if ((c === '!' || c === '^') && i === pos + 1) {
            negate = true;
            i++;
            continue;
        }
        if (c === ']' && sawStart && !escaping) {
            endPos = i + 1;
            break;
        }
        sawStart = true;
        if (c === '\\') {
            if (!escaping) {
                escaping = true;
                i++;
                continue;
            }
            // escaped \ char, fall through and treat like normal char
        }
        if (c === '[' && !escaping) {
            // either a posix class, a collation equivalent, or just a [
            for (const [cls, [unip, neg]] of Object.entries(posixClasses)) {
                if (glob.startsWith(cls, i)) {
                    // invalid, [a-[] is fine, but not [a-[:alpha]]
                    if (rangeStart) {
                        return [noMatch, glob.length - pos];
                    }
                    i += cls.length;
                    if (neg)
                        negs.push(unip);
                    else
                        ranges.push(unip);
                    continue WHILE;
                }
            }
        }
        // now it's just a normal character, effectively
        escaping = false;
        const n = norm(c);
        if (rangeStart) {
            // throw this range away if it's not valid, but others
            // can still match.
            if (n.codePointAt(0) > rangeStart.codePointAt(0)) {
                ranges.push(braceEscape(rangeStart) + '-' + braceEscape(n));
            }
            else if (n === rangeStart) {
                ranges.push(braceEscape(n));
            }
            rangeStart = '';
            i += c.length;
            continue;
        }
        // now might be the start of a range.
        // can be either c-d or c-] or c<more...>] or c] at this point
        if (glob.startsWith('-]', i + c.length)) {
            ranges.push(braceEscape(n + '-'));
            i += c.length + 1;
            continue;
        }
        if (glob.startsWith('-', i + c.length)) {
            rangeStart = n;
            i += c.length + 1;
            continue;
        }
        // not the start of a range, just a single character
        ranges.push(braceEscape(n));
        i += c.length;
    }
    if (endPos < i) {
        // didn't see the end of the class, not a valid class,
        // but might still be valid as a literal match.
        return [noMatch, 0];
    }
    // if we got no ranges and no negates, then we have a range that
    // cannot possibly match anything, and that poisons the whole glob
    if (!ranges.length && !negs.length) {
        return [noMatch, glob.length - pos];
    }
    const sranges = '[' + (negate ? '^' : '') + ranges.join('') + ']';
    const snegs = '[' + (negate ? '' : '^') + negs.join('') + ']';
    const comb = '^' +
        (ranges.length && negs.length ? '(' + sranges + '|' + snegs + ')'
            : ranges.length ? sranges
                : snegs);
    return [new RegExp(comb, nocase ? 'iu' : 'u'), endPos - pos];
};
//# sourceMappingURL=parse-class.js.map
;// CONCATENATED MODULE: ./node_modules/@isaacs/nonrecursive-glob-match/dist/esm/index.js


// the end of the pattern, or of a negated sub-pattern
const MATCH = { t: 'match', id: 0 };
const extTypes = '!?+*@';
const lit = (ch) => ({ t: 'lit', ch });
const reEscape = (s) => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
// a RegExp that only matches `s`, with unicode case folding
const newFoldRe = (s) => new RegExp(`^${reEscape(s)}$`, 'iu');
// foldRe for one literal char. The same chars are in most patterns,
// so keep them. A RegExp without the `g` or `y` flag has no state to
// share.
const foldCache = new Map();
const foldRe = (ch) => {
    let re = foldCache.get(ch);
    if (!re) {
        re = newFoldRe(ch);
        if (foldCache.size >= 1000)
            foldCache.clear();
        foldCache.set(ch, re);
    }
    return re;
};
const litMatch = (l, c) => {
    if (c === l.ch)
        return true;
    if (!l.re)
        return false;
    const code = c.charCodeAt(0);
    if (code >= 128)
        return l.re.test(c);
    const ascii = (l.ascii ??= new Uint8Array(128));
    ascii[code] ||= l.re.test(c) ? 1 : 2;
    return ascii[code] === 1;
};
const tokenize = (p, nocase, noext, form, mark) => {
    const toks = [];
    for (let i = 0; i < p.length;) {
        const c = String.fromCodePoint(p.codePointAt(i));
        if (mark) {
            // a \ before a range would only escape its first char
            const m = c === '\\' && p.startsWith(mark, i + 1) ? 1 : 0;
            if (m || c === mark) {
                const start = i + m + mark.length;
                const end = p.indexOf(mark, start);
                const r = /^(-?\d+)\.\.(-?\d+)$/.exec(p.slice(start, end));
                const alts = end !== -1 && r && numericRange(r[1], r[2]);
                if (alts) {
                    toks.push({ t: 'ext', type: '@', alts });
                    i = end + mark.length;
                    continue;
                }
            }
        }
        if (c === '\\') {
            // a trailing \ is a literal \
            const e = p.codePointAt(i + 1);
            const ch = e === undefined ? c : String.fromCodePoint(e);
            toks.push(lit(ch));
            i += 1 + ch.length;
            continue;
        }
        if (c === '[') {
            const [re, consumed] = parseClass(p, i, nocase, form);
            if (consumed) {
                toks.push({ t: 'class', re });
                i += consumed;
                continue;
            }
        }
        if (!noext && extTypes.includes(c) && p[i + 1] === '(') {
            toks.push({ t: 'open', type: c });
            i += 2;
            continue;
        }
        toks.push(!noext && c === '|' ? { t: 'bar' }
            : !noext && c === ')' ? { t: 'close' }
                : c === '*' ? { t: 'star' }
                    : c === '?' ? { t: 'any' }
                        : lit(c));
        i += c.length;
    }
    return toks;
};
// map each open token index to the index of its close token
const pair = (toks) => {
    const pairs = new Map();
    const stack = [];
    toks.forEach((tok, i) => {
        if (tok.t === 'open')
            stack.push(i);
        else if (tok.t === 'close' && stack.length)
            pairs.set(stack.pop(), i);
    });
    return pairs;
};
// build the alternatives between start and end. An open token that
// is not closed is never inside a closed extglob, so bar and close
// tokens are only literal at the top level.
const build = (toks, pairs, start, end, top) => {
    let seq = [];
    const alts = [seq];
    for (let i = start; i < end; i++) {
        const tok = toks[i];
        const close = pairs.get(i);
        if (tok.t === 'open' && close !== undefined) {
            const sub = build(toks, pairs, i + 1, close, false);
            seq.push({ t: 'ext', type: tok.type, alts: sub });
            i = close;
        }
        else if (tok.t === 'bar' && !top) {
            alts.push((seq = []));
        }
        else if (tok.t === 'open') {
            seq.push(lit(tok.type), lit('('));
        }
        else if (tok.t === 'bar') {
            seq.push(lit('|'));
        }
        else if (tok.t === 'close') {
            seq.push(lit(')'));
        }
        else {
            seq.push(tok);
        }
    }
    return alts;
};
// normalize each run of literal chars as one string, so that a char
// and the combining marks after it compose (or decompose) together.
// Syntax is already parsed, so a char that normalizes to a syntax
// char (such as full-width `＊` in NFKC) stays a literal.
const normalize = (items, form) => {
    const out = [];
    let run = '';
    const flush = () => {
        for (const ch of run.normalize(form))
            out.push(lit(ch));
        run = '';
    };
    for (const it of items) {
        if (it.t === 'lit') {
            run += it.ch;
            continue;
        }
        flush();
        out.push(it.t === 'ext' ?
            { ...it, alts: it.alts.map(a => normalize(a, form)) }
            : it);
    }
    flush();
    return out;
};
// the start node, and the number of node ids. Ids are dense, from 0
// for the match node.
const compile = (items, nocase) => {
    let id = 1;
    const split = (out) => ({ t: 'split', id: id++, out });
    const seq = (items, next) => items.reduceRight((next, it) => item(it, next), next);
    const item = (it, next) => {
        switch (it.t) {
            case 'lit':
                const re = nocase ? foldRe(it.ch) : undefined;
                return { t: 'lit', id: id++, ch: it.ch, re, next };
            case 'any':
            case 'star':
                return { t: it.t, id: id++, next };
            case 'class':
                return { t: 'class', id: id++, re: it.re, next };
        }
        const alts = (next) => it.alts.map(a => seq(a, next));
        switch (it.type) {
            case '@':
                return split(alts(next));
            case '?':
                return split([next, ...alts(next)]);
            case '!':
                return { t: 'neg', id: id++, sub: split(alts(MATCH)), next };
        }
        // * and +, loop back after each match
        const after = split([]);
        const entry = split(alts(after));
        after.out.push(next, entry);
        return it.type === '*' ? after : entry;
    };
    const start = seq(items, MATCH);
    return [start, id];
};
// one line per node, in the order that a walk from the start
// reaches them. Edges point to node ids. The nodes of a negated
// sub-pattern are indented under their negation.
const show = (start) => {
    const lines = [];
    const seen = new Set();
    const ref = (n) => (n.t === 'match' ? 'match' : String(n.id));
    const walk = (n, indent) => {
        if (n.t === 'match' || seen.has(n))
            return;
        seen.add(n);
        const line = (desc) => lines.push(`${indent}${n.id}: ${desc}`);
        switch (n.t) {
            case 'split':
                line(`split -> ${n.out.map(ref).join(', ')}`);
                for (const o of n.out)
                    walk(o, indent);
                return;
            case 'neg':
                line(`!(${ref(n.sub)}) -> ${ref(n.next)}`);
                walk(n.sub, indent + '  ');
                return walk(n.next, indent);
            case 'lit':
                line(`${JSON.stringify(n.ch)} -> ${ref(n.next)}`);
                break;
            case 'class':
                line(`${n.re} -> ${ref(n.next)}`);
                break;
            default:
                line(`${n.t === 'any' ? '?' : '*'} -> ${ref(n.next)}`);
        }
        walk(n.next, indent);
    };
    walk(start, '');
    return [`start -> ${ref(start)}`, ...lines].join('\n');
};
// The threads at one position in the string. Each node thread is
// only kept once, and runs with the same state are only kept once,
// so that identical threads merge. The match node is not in
// `threads`, because it can not step. It sets `match` instead.
class State {
    // set by the Sim, to mark the nodes that this state has
    gen;
    threads = [];
    match = false;
    runs = [];
    // the sorted ids of the threads, with 0 for a match, once the
    // state is done
    ids = [];
    constructor(gen) {
        this.gen = gen;
    }
    // no threads, so nothing more can match
    get dead() {
        return !this.threads.length && !this.match && !this.runs.length;
    }
}
// true if the two states hold the same threads
const sameState = (a, b) => {
    if (a.ids.length !== b.ids.length)
        return false;
    if (a.runs.length !== b.runs.length)
        return false;
    if (a.ids.some((id, i) => id !== b.ids[i]))
        return false;
    return a.runs.every(r => b.runs.some(o => o.neg === r.neg && sameState(o.state, r.state)));
};
const marks = (size) => ({
    has: new Float64Array(size),
    seen: new Float64Array(size),
    gen: 0,
});
class Sim {
    // `.` and `..` only match literal dots, even with `dot:true`
    dots;
    // the string starts with `.`, and `dot:true` is not set
    dotStart;
    #marks;
    constructor(dots, dotStart, marks) {
        this.dots = dots;
        this.dotStart = dotStart;
        this.#marks = marks;
    }
    state() {
        return new State(++this.#marks.gen);
    }
    // sort the ids of a state, once it has all of its threads
    done(state) {
        state.ids = state.threads.map(n => n.id).sort((a, b) => a - b);
        if (state.match)
            state.ids.unshift(MATCH.id);
        return state;
    }
    // true the first time that the state walks through the node, so
    // that loops in the graph stop
    #visit(state, node) {
        const { seen } = this.#marks;
        if (seen[node.id] === state.gen)
            return false;
        seen[node.id] = state.gen;
        return true;
    }
    #addThread(state, node) {
        const { has } = this.#marks;
        if (has[node.id] === state.gen)
            return false;
        has[node.id] = state.gen;
        state.threads.push(node);
        return true;
    }
    // wildcards only match a leading dot if `dot:true`. In a negated
    // sub-pattern, this does not apply, because the negation itself
    // can not match a leading dot.
    restricted(i, top) {
        return top && (this.dots || (this.dotStart && i === 0));
    }
    add(state, node, i, top) {
        switch (node.t) {
            case 'split':
                if (!this.#visit(state, node))
                    return;
                for (const o of node.out)
                    this.add(state, o, i, top);
                return;
            case 'neg':
                if (!this.#visit(state, node))
                    return;
                const sub = this.state();
                this.add(sub, node.sub, i, false);
                this.done(sub);
                return this.addRun(state, { t: 'run', neg: node, state: sub }, i, top);
            case 'star':
                // a * can not start a dotfile, even if it matches nothing
                if (this.restricted(i, top))
                    return;
                if (this.#addThread(state, node))
                    this.add(state, node.next, i, top);
                return;
            case 'match':
                state.match = true;
                return;
            default:
                this.#addThread(state, node);
        }
    }
    addRun(state, run, i, top) {
        for (const r of state.runs) {
            if (r.neg === run.neg && sameState(r.state, run.state))
                return;
        }
        state.runs.push(run);
        if (!run.state.match) {
            this.add(state, run.neg.next, i, top);
        }
    }
    // the threads after char `c`, at index `i`
    step(state, c, i, top) {
        const next = this.state();
        for (const th of state.threads) {
            switch (th.t) {
                case 'lit':
                    if (litMatch(th, c)) {
                        this.add(next, th.next, i + 1, top);
                    }
                    break;
                case 'any':
                    if (!this.restricted(i, top))
                        this.add(next, th.next, i + 1, top);
                    break;
                case 'class':
                    if (!this.restricted(i, top) && th.re.test(c)) {
                        this.add(next, th.next, i + 1, top);
                    }
                    break;
                case 'star':
                    if (!this.restricted(i, top))
                        this.add(next, th, i + 1, top);
            }
        }
        if (!this.restricted(i, top)) {
            for (const run of state.runs) {
                // a sub-pattern with no threads can not match again, so the
                // run stays the same
                if (run.state.dead) {
                    this.addRun(next, run, i + 1, top);
                    continue;
                }
                const sub = this.step(run.state, c, i, false);
                this.addRun(next, { t: 'run', neg: run.neg, state: sub }, i + 1, top);
            }
        }
        return this.done(next);
    }
}
// A canonical key for the threads in a state. States with the same
// key hold the same threads, so they match the same strings.
const stateKey = (state) => {
    const ids = state.ids.join();
    if (!state.runs.length)
        return ids;
    const runs = state.runs.map(r => `${r.neg.id}(${stateKey(r.state)})`);
    return `${ids}|${runs.sort().join('|')}`;
};
// The cache can hold about this many chars of state keys and
// transitions. When it is full, it is cleared, so that a pattern
// can not use an unbounded amount of memory.
const DFA_BUDGET = 1 << 18;
// A cache of the states that the simulation reaches, built as the
// matcher is used. Each char of a string is then one Map lookup,
// once the states that it leads to are known.
//
// The dot rules only restrict the first char of a dotfile (strings
// that are only `.` or `..` do not use the cache). So a dotfile
// starts at its own state, which takes its first step with the
// restriction, and every other state takes steps without it.
class Dfa {
    #start;
    #states = new Map();
    #size = 0;
    #plain;
    #dotStart;
    #sim;
    #dotSim;
    constructor(start, marks) {
        this.#start = start;
        this.#sim = new Sim(false, false, marks);
        this.#dotSim = new Sim(false, true, marks);
    }
    #make(state) {
        return {
            state,
            match: state.match,
            dead: state.dead,
            next: new Map(),
        };
    }
    #intern(state) {
        const key = stateKey(state);
        const found = this.#states.get(key);
        if (found)
            return found;
        if (this.#size > DFA_BUDGET)
            this.#clear();
        const d = this.#make(state);
        this.#states.set(key, d);
        this.#size += key.length + 1;
        return d;
    }
    #clear() {
        this.#states.clear();
        this.#size = 0;
        this.#plain = undefined;
        this.#dotStart = undefined;
    }
    start(dotStart) {
        if (dotStart) {
            if (this.#dotStart)
                return this.#dotStart;
            const state = this.#dotSim.state();
            this.#dotSim.add(state, this.#start, 0, true);
            return (this.#dotStart = this.#make(this.#dotSim.done(state)));
        }
        if (this.#plain)
            return this.#plain;
        const state = this.#sim.state();
        this.#sim.add(state, this.#start, 0, true);
        return (this.#plain = this.#intern(this.#sim.done(state)));
    }
    // the next state, after a miss in `d.ascii`
    next(d, c) {
        const code = c.charCodeAt(0);
        const found = code < 128 ? undefined : d.next.get(c);
        if (found)
            return found;
        // the dotfile start is not in the cache, so it is never shared
        const n = d === this.#dotStart ?
            this.#intern(this.#dotSim.step(d.state, c, 0, true))
            : this.#intern(this.#sim.step(d.state, c, 1, true));
        if (code < 128) {
            if (!d.ascii) {
                d.ascii = new Array(128);
                this.#size += 128;
            }
            d.ascii[code] = n;
        }
        else {
            d.next.set(c, n);
        }
        this.#size++;
        return n;
    }
}
// the nodes in order, if the graph is a single chain
const linear = (start) => {
    const nodes = [];
    for (let n = start; n.t !== 'match'; n = n.next) {
        if (n.t === 'split' || n.t === 'neg')
            return undefined;
        nodes.push(n);
    }
    return nodes;
};
// Match a chain of nodes. Each node other than `*` matches exactly
// one char, so on a failure it is enough to go back to the last `*`
// and let it match one more char. This takes at most
// nodes.length * chars.length steps.
const testLinear = (nodes, chars, start, end) => {
    let ni = 0;
    let ci = start;
    let starNi = -1;
    let starCi = 0;
    while (ci < end) {
        const n = nodes[ni];
        if (n?.t === 'star') {
            starNi = ni++;
            starCi = ci;
            continue;
        }
        const c = chars[ci];
        if (n &&
            (n.t === 'any' ||
                (n.t === 'lit' && litMatch(n, c)) ||
                (n.t === 'class' && n.re.test(c)))) {
            ni++;
            ci++;
            continue;
        }
        if (starNi === -1)
            return false;
        ni = starNi + 1;
        ci = ++starCi;
    }
    while (nodes[ni]?.t === 'star')
        ni++;
    return ni === nodes.length;
};
// The least and most chars that the items can match. These are only
// bounds: a negation can match a string of any length, so it counts
// as 0 to Infinity.
const lengths = (items) => {
    let min = 0;
    let max = 0;
    for (const it of items) {
        const [lo, hi] = itemLengths(it);
        min += lo;
        max += hi;
    }
    return [min, max];
};
const itemLengths = (it) => {
    if (it.t === 'star')
        return [0, Infinity];
    if (it.t !== 'ext')
        return [1, 1];
    if (it.type === '!')
        return [0, Infinity];
    const alts = it.alts.map(lengths);
    const min = Math.min(...alts.map(a => a[0]));
    const max = Math.max(...alts.map(a => a[1]));
    // a loop of alternatives that only match the empty string is empty
    const loop = max === 0 ? 0 : Infinity;
    return (it.type === '@' ? [min, max]
        : it.type === '?' ? [0, max]
            : it.type === '*' ? [0, loop]
                : [min, loop]);
};
// true if the chars from `start` match the literals
const hasAffix = (lits, chars, start) => {
    for (let j = 0; j < lits.length; j++) {
        if (!litMatch(lits[j], chars[start + j]))
            return false;
    }
    return true;
};
// a `/`, or half of a surrogate pair
const slashOrSurrogate = /[/\ud800-\udfff]/;
const surrogate = /[\ud800-\udfff]/;
// a string can be indexed by code point, unless it has surrogate
// pairs
const codePoints = (s) => surrogate.test(s) ? [...s] : s;
const noSlash = (s) => {
    if (s.includes('/')) {
        throw new Error('can only match a single path portion, got: ' + s);
    }
};
class Matcher {
    pattern;
    options;
    #start;
    // the number of node ids
    #size;
    #marks;
    // the Sim for strings that are only `.` or `..`
    #dotsSim;
    // the string to compare, if the pattern has no magic. With
    // `nocase:true`, the RegExp that folds case is made when it is
    // first used.
    #literal;
    #literalFold = false;
    #literalRe;
    // the nodes between the prefix and suffix, if the graph is a
    // single chain
    #linear;
    // the linear nodes are only `*` and `?`, so the length bounds and
    // the prefix and suffix decide the match
    #wild = false;
    // the least and most chars that a match can have
    #min = 0;
    #max = Infinity;
    // the literals that a match must start and end with. Each one
    // matches exactly one char, and they are distinct items in the
    // pattern, so a string that does not have them can not match.
    #prefix = [];
    #suffix = [];
    // the prefix and suffix as strings, if they do not fold case
    #prefixStr;
    #suffixStr;
    // there is a prefix or suffix to check
    #affix = false;
    #dfa;
    #form;
    constructor(pattern, options = {}) {
        if (pattern.includes('/')) {
            throw new Error('can only match a single path portion, got pattern: ' + pattern);
        }
        this.pattern = pattern;
        this.options = options;
        const { nocase = false, noext = false, normalize: n } = options;
        this.#form = n === true ? 'NFC' : n || undefined;
        // a pattern that is only an empty extglob is a literal string,
        // except for `!()`, which matches any non-empty string
        const literal = /^[?*+@]\(\)$/.test(pattern);
        const toks = tokenize(pattern, nocase, noext || literal, this.#form, options.rangeMark);
        let [items] = build(toks, pair(toks), 0, toks.length, true);
        if (this.#form)
            items = normalize(items, this.#form);
        const [start, size] = compile(items, nocase);
        this.#start = start;
        this.#size = size;
        if (items.every(it => it.t === 'lit')) {
            this.#literal = items.map(it => it.ch).join('');
            this.#literalFold = nocase;
        }
        else {
            const lit = (it) => it.t !== 'lit' ? undefined
                : nocase ? { ch: it.ch, re: foldRe(it.ch) }
                    : { ch: it.ch };
            for (const it of items) {
                const l = lit(it);
                if (!l)
                    break;
                this.#prefix.push(l);
            }
            for (let j = items.length - 1; j >= 0; j--) {
                const l = lit(items[j]);
                if (!l)
                    break;
                this.#suffix.unshift(l);
            }
            this.#affix = !!(this.#prefix.length || this.#suffix.length);
            if (!nocase) {
                this.#prefixStr = this.#prefix.map(l => l.ch).join('');
                this.#suffixStr = this.#suffix.map(l => l.ch).join('');
            }
            this.#linear = linear(this.#start)?.slice(this.#prefix.length, -this.#suffix.length || undefined);
            this.#wild = !!this.#linear?.every(n => n.t === 'star' || n.t === 'any');
            const [min, max] = lengths(items);
            this.#min = min;
            this.#max = max;
        }
    }
    test(s) {
        // The `/` check uses the string as given, so with normalization it
        // is a separate step. Otherwise, one scan finds both a `/` and the
        // surrogate pairs that stop the string being indexed by code point.
        if (this.#form) {
            noSlash(s);
            return this.#test(s.normalize(this.#form));
        }
        if (slashOrSurrogate.test(s)) {
            noSlash(s);
            return this.#test(s, [...s]);
        }
        return this.#test(s, s);
    }
    /**
     * The same as {@link Matcher#test}, but the string is not checked
     * for `/` chars, so the result for a string that has one is not
     * defined. Only use it for a string that is known to be one path
     * portion, such as a part of a path that was split on `/`. It can
     * be faster, because some patterns do not need to look at each char
     * of the string.
     */
    testUnchecked(s) {
        return this.#test(this.#form ? s.normalize(this.#form) : s);
    }
    // Test a string that has no `/`. `chars` indexes it by code point.
    // If it is not given, it is only found if a step needs it.
    #test(s, chars) {
        if (this.#literal !== undefined) {
            return this.#literalFold ?
                (this.#literalRe ??= newFoldRe(this.#literal)).test(s)
                : s === this.#literal;
        }
        // the length check means that the prefix and suffix do not
        // overlap. Without the chars, the length in code points is from
        // half of the UTF-16 length (if each one is a surrogate pair) to
        // all of it, which is often enough to know.
        const min = this.#min;
        const max = this.#max;
        if (chars === undefined) {
            const most = s.length;
            const least = (most + 1) >> 1;
            if (most < min || least > max)
                return false;
            if (least < min || most > max)
                chars = codePoints(s);
        }
        if (chars !== undefined &&
            (chars.length < min || chars.length > max)) {
            return false;
        }
        const prefix = this.#prefix.length;
        if (this.#affix) {
            if (this.#prefixStr !== undefined && this.#suffixStr !== undefined) {
                if (!s.startsWith(this.#prefixStr) ||
                    !s.endsWith(this.#suffixStr)) {
                    return false;
                }
            }
            else {
                chars ??= codePoints(s);
                const end = chars.length - this.#suffix.length;
                if (!hasAffix(this.#prefix, chars, 0) ||
                    !hasAffix(this.#suffix, chars, end)) {
                    return false;
                }
            }
        }
        const dotStart = !this.options.dot && s.startsWith('.');
        if (this.#linear) {
            // `.` and `..` only match literal dots, even with `dot:true`
            if (s === '.' || s === '..')
                return false;
            // only a literal can match the leading dot. A `*` can not
            // start a dotfile, even if it matches nothing.
            if (dotStart && !prefix)
                return false;
            if (this.#wild)
                return true;
            chars ??= codePoints(s);
            const end = chars.length - this.#suffix.length;
            return testLinear(this.#linear, chars, prefix, end);
        }
        chars ??= codePoints(s);
        if (s === '.' || s === '..') {
            this.#marks ??= marks(this.#size);
            const sim = (this.#dotsSim ??= new Sim(true, false, this.#marks));
            const start = sim.state();
            sim.add(start, this.#start, 0, true);
            let state = sim.done(start);
            for (let i = 0; i < chars.length; i++) {
                state = sim.step(state, chars[i], i, true);
            }
            return state.match;
        }
        this.#marks ??= marks(this.#size);
        const dfa = (this.#dfa ??= new Dfa(this.#start, this.#marks));
        let d = dfa.start(dotStart);
        // read char codes from the string, so that a one-char string is
        // only made for a cache miss
        const str = chars === s;
        for (let i = 0; i < chars.length; i++) {
            if (d.dead)
                return false;
            const code = str ? s.charCodeAt(i) : chars[i].charCodeAt(0);
            d = d.ascii?.[code] ?? dfa.next(d, chars[i]);
        }
        return d.match;
    }
    /** a readable listing of the state machine */
    toString() {
        return show(this.#start);
    }
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/assert-valid-pattern.js
const MAX_PATTERN_LENGTH = 1024 * 64;
const assertValidPattern = (pattern) => {
    if (typeof pattern !== 'string') {
        throw new TypeError('invalid pattern');
    }
    if (pattern.length > MAX_PATTERN_LENGTH) {
        throw new TypeError('pattern is too long');
    }
};
//# sourceMappingURL=assert-valid-pattern.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/escape.js
/**
 * Escape all magic characters in a glob pattern.
 *
 * If the {@link MinimatchOptions.windowsPathsNoEscape}
 * option is used, then characters are escaped by wrapping in `[]`, because
 * a magic character wrapped in a character class can only be satisfied by
 * that exact character.  In this mode, `\` is _not_ escaped, because it is
 * not interpreted as a magic character, but instead as a path separator.
 *
 * If the {@link MinimatchOptions.magicalBraces} option is used,
 * then braces (`{` and `}`) will be escaped.
 *
 * A leading `#` or `!` is escaped as well, so that the result is never a
 * comment or a negated pattern. In `windowsPathsNoEscape` mode, a leading
 * `!` is written as `@(!)`, because `[!` starts a negated class.
 */
const escape_escape = (s, { windowsPathsNoEscape = false, magicalBraces = false, } = {}) => {
    // don't need to escape +@! because we escape the parens
    // that make those magic, and escaping ! as [!] isn't valid,
    // because [!]] is a valid glob class meaning not ']'.
    // However, at the start of the pattern, '!' negates the pattern and
    // '#' makes it a comment, so the first character is handled below.
    const e = magicalBraces ?
        windowsPathsNoEscape ? s.replace(/[?*()[\]{}]/g, '[$&]')
            : s.replace(/[?*()[\]\\{}]/g, '\\$&')
        : windowsPathsNoEscape ? s.replace(/[?*()[\]]/g, '[$&]')
            : s.replace(/[?*()[\]\\]/g, '\\$&');
    const c = e.charAt(0);
    if (c === '#') {
        return (windowsPathsNoEscape ? '[#]' : '\\#') + e.slice(1);
    }
    if (c === '!') {
        // '[!]' can not be used, because '[!' starts a negated class, and
        // '\' is a path separator in windowsPathsNoEscape mode. '@(!)'
        // matches only '!'. If extglobs are disabled with `noext`, it
        // matches nothing, rather than everything.
        return (windowsPathsNoEscape ? '@(!)' : '\\!') + e.slice(1);
    }
    return e;
};
//# sourceMappingURL=escape.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/unescape.js
/**
 * Un-escape a string that has been escaped with {@link escape}.
 *
 * If the {@link MinimatchOptions.windowsPathsNoEscape} option is used, then
 * square-bracket escapes are removed, but not backslash escapes.
 *
 * For example, it will turn the string `'[*]'` into `*`, but it will not
 * turn `'\\*'` into `'*'`, because `\` is a path separator in
 * `windowsPathsNoEscape` mode.
 *
 * When `windowsPathsNoEscape` is not set, then both square-bracket escapes and
 * backslash escapes are removed.
 *
 * Slashes (and backslashes in `windowsPathsNoEscape` mode) cannot be escaped
 * or unescaped.
 *
 * When `magicalBraces` is not set, escapes of braces (`{` and `}`) will not be
 * unescaped.
 */
const unescape_unescape = (s, { windowsPathsNoEscape = false, magicalBraces = true, } = {}) => {
    // escape() writes a leading '!' as '@(!)' in windowsPathsNoEscape mode
    if (windowsPathsNoEscape && s.startsWith('@(!)')) {
        return ('!' + unescape_unescape(s.slice(4), { windowsPathsNoEscape, magicalBraces }));
    }
    if (magicalBraces) {
        return windowsPathsNoEscape ?
            s.replace(/\[([^/\\])\]/g, '$1')
            : s
                .replace(/((?!\\).|^)\[([^/\\])\]/g, '$1$2')
                .replace(/\\([^/])/g, '$1');
    }
    return windowsPathsNoEscape ?
        s.replace(/\[([^/\\{}])\]/g, '$1')
        : s
            .replace(/((?!\\).|^)\[([^/\\{}])\]/g, '$1$2')
            .replace(/\\([^/{}])/g, '$1');
};
//# sourceMappingURL=unescape.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/index.js





const DEFAULT_BRACE_EXPAND_MAX = 100_000;
const DEFAULT_GLOB_STAR_RECURSION_MAX = 200;
// avoid the annoying deprecation flag lol
const AWE_KEY = ('allowWindow' + 'sEscape');
const minimatch = (p, pattern, options) => {
    assertValidPattern(pattern);
    // shortcut: comments match nothing.
    if (!options?.nocomment && pattern.charAt(0) === '#') {
        return false;
    }
    return cachedMinimatch(pattern, options).match(p);
};
// The Minimatch objects that minimatch() used most recently, by options
// and then by pattern. When the cache is full, it becomes the old one,
// and the objects used from the old one are moved back to a new one.
// So it keeps 256 to 512 objects.
// The patterns can come from users, so the cache is also bounded by
// the total weight of the objects (see cacheWeight()), and an object
// that is too heavy is never kept. Otherwise a few unique patterns
// with large brace expansions would fill the heap.
let cache = new Map();
let oldCache = new Map();
let cacheSize = 0;
let cacheTotalWeight = 0;
const cacheMax = 256;
const cacheMaxWeight = 1 << 15;
const cacheMaxEntryWeight = 1 << 12;
// About the memory that a compiled object keeps: the pattern and the
// expanded patterns, of which each row in set is made.
const cacheWeight = (mm) => {
    let w = mm.pattern.length;
    for (const s of mm.globSet) {
        w += s.length + 1;
        if (w > cacheMaxEntryWeight)
            break;
    }
    return w;
};
// tsc fails here if a new option is in neither type. Add it to
// optionsKey() too.
const allOptionsKeyed = true;
void allOptionsKeyed;
// 0, 1 or 2 for undefined, falsy or truthy.
const tri = (v) => v === undefined ? 0
    : v ? 2
        : 1;
// The weight of each boolean option's base-3 digit in the key. The
// weights below 24 are for optimizationLevel (1), platform (3) and
// windowsPathsNoEscape (12). tsc fails here if a boolean option is
// not in the list.
const booleanWeights = new Map(Object.keys({
    nobrace: 0,
    nocomment: 0,
    nonegate: 0,
    noglobstar: 0,
    noext: 0,
    nonull: 0,
    partial: 0,
    dot: 0,
    nocase: 0,
    nocaseMagicOnly: 0,
    magicalBraces: 0,
    matchBase: 0,
    flipNegate: 0,
    preserveMultipleSlashes: 0,
    windowsNoMagicRoot: 0,
}).map((k, i) => [k, 24 * 3 ** i]));
// The cache key for a set of options. It is a number, unless an
// option is set to a value that the number can not show, such as
// normalize or an uncommon platform. Then it is a JSON string.
// The defaults give 0, the same key as no options.
// It only reads the keys that are set, so that the speed does not
// depend on the shape of the options object.
const optionsKey = (o) => {
    let n = 0;
    let wpe = false;
    // inherited keys too, because Minimatch reads them
    // oxlint-disable-next-line guard-for-in
    for (const k in o) {
        const v = o[k];
        switch (k) {
            // the same test as the Minimatch constructor
            case 'windowsPathsNoEscape':
                if (v)
                    wpe = true;
                break;
            case AWE_KEY:
                if (v === false)
                    wpe = true;
                break;
            case 'platform': {
                // the same test as the Minimatch constructor
                const p = v || defaultPlatform;
                if (p === defaultPlatform)
                    break;
                if (p === 'darwin')
                    n += 3;
                else if (p === 'win32')
                    n += 6;
                else if (p === 'linux')
                    n += 9;
                else
                    return JSON.stringify(o);
                break;
            }
            case 'optimizationLevel':
                // The same tests as Minimatch: 1 when undefined, then >= 2,
                // >= 1, or else 0. The default level 1 adds 0.
                if (v === undefined)
                    break;
                n +=
                    v >= 2 ? 1
                        : v >= 1 ? 0
                            : 2;
                break;
            case 'braceExpandMax':
                if (v !== undefined && v !== DEFAULT_BRACE_EXPAND_MAX) {
                    return JSON.stringify(o);
                }
                break;
            case 'maxGlobstarRecursion':
                if (v !== undefined && v !== DEFAULT_GLOB_STAR_RECURSION_MAX) {
                    return JSON.stringify(o);
                }
                break;
            case 'normalize':
                if (v !== undefined)
                    return JSON.stringify(o);
                break;
            default:
                // unknown keys have no weight
                n += (booleanWeights.get(k) ?? 0) * tri(v);
        }
    }
    return wpe ? n + 12 : n;
};
// A copy, so a later change to the options can not change it. Unlike
// a spread, it keeps the inherited keys, which optionsKey() and the
// Minimatch constructor also read.
const copyOptions = (o) => {
    const copy = {};
    // oxlint-disable-next-line guard-for-in
    for (const k in o)
        copy[k] = o[k];
    return copy;
};
const cachedMinimatch = (pattern, options) => {
    const key = options ? optionsKey(options) : 0;
    let mm = cache.get(key)?.get(pattern);
    if (mm)
        return mm;
    mm =
        oldCache.get(key)?.get(pattern) ??
            new Minimatch(pattern, copyOptions(options));
    const weight = cacheWeight(mm);
    // too big to keep, so it is compiled again each time
    if (weight > cacheMaxEntryWeight)
        return mm;
    if (cacheSize >= cacheMax ||
        cacheTotalWeight + weight > cacheMaxWeight) {
        oldCache = cache;
        cache = new Map();
        cacheSize = 0;
        cacheTotalWeight = 0;
    }
    let byPattern = cache.get(key);
    if (!byPattern)
        cache.set(key, (byPattern = new Map()));
    byPattern.set(pattern, mm);
    cacheSize++;
    cacheTotalWeight += weight;
    return mm;
};
/* c8 ignore start */
const defaultPlatform = (typeof process === 'object' && process ?
    process.env?.__MINIMATCH_TESTING_PLATFORM__ || process.platform
    : 'posix');
const path = {
    win32: { sep: '\\' },
    posix: { sep: '/' },
};
/* c8 ignore stop */
const sep = defaultPlatform === 'win32' ? path.win32.sep : path.posix.sep;
minimatch.sep = sep;
const GLOBSTAR = Symbol('globstar **');
minimatch.GLOBSTAR = GLOBSTAR;
const filter = (pattern, options) => {
    let mm;
    return (p) => (mm ??= cachedMinimatch(pattern, options)).match(p);
};
minimatch.filter = filter;
const ext = (a, b = {}) => Object.assign({}, a, b);
const defaults = (def) => {
    if (!def || typeof def !== 'object' || !Object.keys(def).length) {
        return minimatch;
    }
    const orig = minimatch;
    const m = (p, pattern, options = {}) => orig(p, pattern, ext(def, options));
    return Object.assign(m, {
        Minimatch: class Minimatch extends orig.Minimatch {
            constructor(pattern, options = {}) {
                super(pattern, ext(def, options));
            }
            static defaults(options) {
                return orig.defaults(ext(def, options)).Minimatch;
            }
        },
        unescape: (s, options = {}) => orig.unescape(s, ext(def, options)),
        escape: (s, options = {}) => orig.escape(s, ext(def, options)),
        filter: (pattern, options = {}) => orig.filter(pattern, ext(def, options)),
        defaults: (options) => orig.defaults(ext(def, options)),
        braceExpand: (pattern, options = {}) => orig.braceExpand(pattern, ext(def, options)),
        match: (list, pattern, options = {}) => orig.match(list, pattern, ext(def, options)),
        sep: orig.sep,
        GLOBSTAR: GLOBSTAR,
    });
};
minimatch.defaults = defaults;
// Brace expansion:
// a{b,c}d -> abd acd
// a{b,}c -> abc ac
// a{0..3}d -> a0d a1d a2d a3d
// a{b,c{d,e}f}g -> abg acdfg acefg
// a{b,c}d{e,f}g -> abdeg acdeg abdeg abdfg
//
// Invalid sets are not expanded.
// a{2..}b -> a{2..}b
// a{b}c -> a{b}c
const braceExpand = (pattern, options = {}) => {
    assertValidPattern(pattern);
    // Thanks to Yeting Li <https://github.com/yetingli> for
    // improving this regexp to avoid a ReDOS vulnerability.
    if (options.nobrace || !/\{(?:(?!\{).)*\}/.test(pattern)) {
        // shortcut. no need to expand.
        return [pattern];
    }
    // brace-expansion turns each escaped backslash '\\' into a single '\',
    // which then escapes the next character instead, and can turn an
    // escaped magic character (for example '\\\*') into a live one.
    // Double every pair, so an escaped backslash comes back out still
    // escaped. The parity of each run of backslashes is unchanged.
    let p = pattern.replace(/\\\\/g, '\\\\\\\\');
    // brace-expansion does not know about [...] classes. In
    // windowsPathsNoEscape mode, escape() writes a literal brace as '[{]'
    // or '[}]'. Escape the brace for brace-expansion, which removes that
    // backslash again, leaving '[{]' or '[}]'.
    if (options.windowsPathsNoEscape || options[AWE_KEY] === false) {
        p = p.replace(/\[([{}])\]/g, '[\\$1]');
    }
    return expand(p, { max: options.braceExpandMax });
};
minimatch.braceExpand = braceExpand;
// A numeric range with at least this many values is matched as one
// pattern portion, rather than expanded. For a glob walk, that is
// one directory read, in place of a stat for each value.
const RANGE_MIN = 100;
// a {lo..hi} range that is not escaped, and not a ${...} variable
const rangeRe = /(?<![\\$])\{(-?\d+)\.\.(-?\d+)\}/g;
// true if a range mark in this portion is inside a `!(...)`,
// `*(...)` or `+(...)` extglob. Those repeat or negate their
// contents, so one Matcher for the whole range does not match the
// same strings as the union of one pattern per value. For example,
// `*({1..100})` would match `510` as `5` then `10`, and `!({1..100})`
// would not match `5`, but every expanded pattern except `!(5)` does.
// `@(...)` and `?(...)` are fine: they pick one value at most.
const inRepeatOrNegExt = (portion, mark) => {
    const stack = [];
    for (let i = 0; i < portion.length; i++) {
        const c = portion.charAt(i);
        if (c === '\\') {
            i++;
        }
        else if (c === mark) {
            if (stack.some(t => t !== '@' && t !== '?'))
                return true;
        }
        else if (portion.charAt(i + 1) === '(' && '!?+*@'.includes(c)) {
            stack.push(c);
            i++;
        }
        else if (c === ')') {
            stack.pop();
        }
    }
    return false;
};
const match = (list, pattern, options = {}) => {
    const mm = new Minimatch(pattern, options);
    list = list.filter(f => mm.match(f));
    if (mm.options.nonull && !list.length) {
        list.push(pattern);
    }
    return list;
};
minimatch.match = match;
const globMagic = /[?*]|[+@!]\(.*?\)|\[|\]/;
// Index of the `]` that closes the class that starts at `start`,
// or -1 if it is not closed. Posix classes such as `[:alpha:]` are
// not skipped, so this can find a `]` before the real end. That
// only makes a class look less like a literal.
const classEnd = (pattern, start) => {
    let i = start + 1;
    if (pattern.charAt(i) === '!' || pattern.charAt(i) === '^')
        i++;
    let sawStart = false;
    for (; i < pattern.length; i++) {
        const c = pattern.charAt(i);
        if (c === ']' && sawStart)
            return i;
        sawStart = true;
        if (c === '\\')
            i++;
    }
    return -1;
};
// If a path portion pattern has no magic, return the string it
// matches. Otherwise, return undefined. This can report magic for
// a pattern that is in fact literal (eg, `[]`), but never the
// reverse, so a string result is always safe to compare directly.
const literal = (pattern, noext) => {
    if (!noext && (pattern === '+()' || pattern === '@()'))
        return pattern;
    let lit = '';
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern.charAt(i);
        if (c === '\\') {
            // a trailing \ is a literal \
            lit += pattern.charAt(++i) || c;
        }
        else if (c === '*' || c === '?') {
            return undefined;
        }
        else if (c === '[') {
            const close = classEnd(pattern, i);
            if (close === -1) {
                // not closed, so the [ is a literal
                lit += c;
                continue;
            }
            // a class of one char, such as `[*]` or `[\b]`, is a literal
            let body = pattern.slice(i + 1, close);
            if (body.startsWith('\\'))
                body = body.slice(1);
            if ([...body].length !== 1 || '!^'.includes(pattern.charAt(i + 1))) {
                return undefined;
            }
            lit += body;
            i = close;
        }
        else if (!noext &&
            '+@!'.includes(c) &&
            pattern.charAt(i + 1) === '(' &&
            pattern.includes(')', i + 2)) {
            return undefined;
        }
        else {
            lit += c;
        }
    }
    return lit;
};
// The matching engine compiles and walks extglobs recursively, so a
// path portion with very many extglobs (nested, such as `*(*(*(a)))`,
// or in a row, such as `?(a)?(a)?(a)`) can exhaust the call stack.
// Portions with more than this many extglobs are rejected.
const MAX_EXTGLOBS = 256;
// The number of extglob openers, such as `*(`, in a path portion
// pattern. Chars in a class are counted too, so this can be more than
// the number of extglobs, but never less.
const extglobCount = (pattern) => {
    let n = 0;
    for (let i = 0; i < pattern.length - 1; i++) {
        const c = pattern.charAt(i);
        if (c === '\\') {
            i++;
        }
        else if ('+@!?*'.includes(c) && pattern.charAt(i + 1) === '(') {
            n++;
            i++;
        }
    }
    return n;
};
const assertValidExtglobs = (pattern) => {
    if (extglobCount(pattern) > MAX_EXTGLOBS) {
        throw new TypeError('pattern has too many extglobs');
    }
};
// True if the portion pattern has the same meaning as an alternative
// inside `@(...)`. It must not have a `|` or `)` that is not in a
// closed extglob (those are literal at the top level), an extglob
// that is not closed (the `)` of the `@(...)` would close it), or a
// trailing `\` (it would escape the next `|`). A pattern that is
// only an empty extglob, such as `?()`, is literal on its own, but
// not in `@(...)`. Posix classes such as `[:alpha:]` can hide a `]`
// from classEnd, so patterns with them are not merged.
const extSafe = (pattern) => {
    if (/^[?*+@]\(\)$/.test(pattern) || pattern.includes('[:'))
        return false;
    let depth = 0;
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern.charAt(i);
        if (c === '\\') {
            if (++i === pattern.length)
                return false;
        }
        else if (c === '[') {
            const close = classEnd(pattern, i);
            if (close !== -1)
                i = close;
        }
        else if ('+@!?*'.includes(c) && pattern.charAt(i + 1) === '(') {
            depth++;
            i++;
        }
        else if (c === ')') {
            if (!depth--)
                return false;
        }
        else if (c === '|' && !depth) {
            return false;
        }
    }
    return !depth;
};
// The last path that Minimatch#match split, and its parts. A path is
// often tested against many patterns in a row (such as a list of
// ignore patterns), so this saves splitting it again. The parts are
// never changed, so they can be shared.
let lastSplit;
// The last path that Minimatch#match checked before splitting it. If
// the same path is checked again, it is being tested against many
// patterns, so it is split and the parts are kept for the others.
let lastChecked;
// true if a pattern portion that is not ** matches a path portion.
// An empty path portion only matches an empty pattern portion. A path
// portion never has a `/`, so the Matcher does not need to check it.
const portionMatch = (p, f) => typeof p === 'string' ? f === p : f !== '' && p.testUnchecked(f);
// Where the last portion of a row matches in a path: the start of the
// last portion of the path, or of the one before a trailing `/`. -1 if
// it matches neither.
const endIndex = (p, last, lastStart, prev, prevStart) => portionMatch(p, last) ? lastStart
    : prev !== undefined && portionMatch(p, prev) ? prevStart
        : -1;
const isDots = (p) => p === '.' || p === '..';
// a Windows drive letter portion, like `c:`
const isDrive = (p) => typeof p === 'string' && /^[a-z]:$/i.test(p);
// true for the `UNC` portion of a long UNC root, //?/UNC/host/share
const isLongUNC = (p) => typeof p === 'string' && /^unc$/i.test(p);
// The index of the host in a row or split path that starts with a
// Windows UNC root: 2 for `//host/share`, and 4 for
// `//?/UNC/host/share`. Otherwise -1. `//?/c:` is not one.
const uncHost = (p) => {
    if (p[0] !== '' || p[1] !== '')
        return -1;
    const h = p[2] !== '?' ? 2
        : isLongUNC(p[3]) ? 4
            : -1;
    const host = p[h];
    const share = p[h + 1];
    return (h !== -1 &&
        host !== undefined &&
        host !== '' &&
        host !== GLOBSTAR &&
        share !== undefined &&
        share !== '' &&
        share !== GLOBSTAR) ?
        h
        : -1;
};
// true if ** can walk the path portion: not `.` or `..`, and not a
// dotfile unless `dot` is set
const walkable = (p, dot) => !isDots(p) && (dot || !p.startsWith('.'));
// True if a portion of the path from `start` to `end` can not be
// walked by **: one that starts with `.`, or with `dot`, one that is
// `.` or `..`. `start` is the start of a portion, and `end` is the end
// of the path, or just after a separator.
const dotPortion = (f, start, end, dot, sep) => {
    for (let k = start; k < end;) {
        if (f.charCodeAt(k) === 46) {
            if (!dot)
                return true;
            const n = f.charCodeAt(k + 1) === 46 ? k + 2 : k + 1;
            if (n >= end || isSep(f.charCodeAt(n), sep))
                return true;
        }
        // the start of the next portion, after any run of separators
        const s = nextSep(f, k, sep);
        if (s === -1)
            return false;
        k = s + 1;
        while (k < end && isSep(f.charCodeAt(k), sep))
            k++;
    }
    return false;
};
const isSep = (c, sep) => sep === '/' ? c === 47
    : sep === '\\' ? c === 92
        : c === 47 || c === 92;
// the index of the first separator at or after `from`, or -1
const nextSep = (f, from, sep) => {
    if (sep !== 'both')
        return f.indexOf(sep, from);
    const s = f.indexOf('/', from);
    const b = f.indexOf('\\', from);
    return (s === -1 ? b
        : b === -1 ? s
            : Math.min(s, b));
};
// the index of the last separator at or before `from`, or -1
const lastSep = (f, from, sep) => sep !== 'both' ?
    f.lastIndexOf(sep, from)
    : Math.max(f.lastIndexOf('/', from), f.lastIndexOf('\\', from));
// What parse() returns in place of a Matcher while make() builds and
// merges the rows. Most of the Matchers in rows that are merged would
// never be used, so they are only made for the rows that are left.
const PENDING = {};
class Minimatch {
    options;
    set;
    pattern;
    windowsPathsNoEscape;
    nonegate;
    negate;
    comment;
    empty;
    preserveMultipleSlashes;
    partial;
    globSet;
    globParts;
    nocase;
    isWindows;
    platform;
    windowsNoMagicRoot;
    maxGlobstarRecursion;
    // the path can be checked against the last portion, and the string
    // portions, of each row before it is split. See #canMatch.
    #endCheck;
    #literalCheck;
    // level 2 resolves `.` and `..` portions in the path
    #level2;
    // the unicode normalization form, if any
    #form;
    // the string portions of each row in the set
    #literals = [];
    // the rows that #canMatch can match without splitting the path
    #shapes = [];
    // the rows whose last portion can be checked against the path's
    #endRows = [];
    // brace expansion can make the same portion in many rows, so they
    // share one Matcher, and the states that it caches
    #matchers = new Map();
    // parse() returns PENDING in place of a Matcher
    #pending = false;
    // the char that marks numeric ranges in globSet, if any
    #rangeMark;
    // the GlobstarParts of each pattern row, by start index and partial
    #globstarParts = new WeakMap();
    constructor(pattern, options = {}) {
        assertValidPattern(pattern);
        options = options || {};
        this.options = options;
        this.maxGlobstarRecursion =
            options.maxGlobstarRecursion ?? DEFAULT_GLOB_STAR_RECURSION_MAX;
        this.pattern = pattern;
        this.platform = options.platform || defaultPlatform;
        this.isWindows = this.platform === 'win32';
        this.windowsPathsNoEscape =
            !!options.windowsPathsNoEscape || options[AWE_KEY] === false;
        if (this.windowsPathsNoEscape) {
            this.pattern = this.pattern.replace(/\\/g, '/');
        }
        this.preserveMultipleSlashes = !!options.preserveMultipleSlashes;
        this.negate = false;
        this.nonegate = !!options.nonegate;
        this.comment = false;
        this.empty = false;
        this.partial = !!options.partial;
        this.nocase = !!this.options.nocase;
        this.windowsNoMagicRoot =
            options.windowsNoMagicRoot !== undefined ?
                options.windowsNoMagicRoot
                : !!(this.isWindows && this.nocase);
        this.globSet = [];
        this.globParts = [];
        this.set = [];
        this.#endCheck = !this.preserveMultipleSlashes;
        this.#level2 = (options.optimizationLevel ?? 1) >= 2;
        const n = options.normalize;
        this.#form = n === true ? 'NFC' : n || undefined;
        // make the set of Matchers etc.
        this.make();
        // On Windows, the portions of a row up to its drive letter or UNC
        // share are skipped or compared without case, if the path has one
        // too. So the checks only use the portions after it.
        const drives = this.set.map(row => this.#rootIndex(row));
        this.#endRows = this.set.map((row, r) => this.#endCheck && row.length - 1 > drives[r]);
        // with the end check, the last portion is already checked
        this.#literals = this.set.map((row, r) => {
            const end = this.#endRows[r] ? row.length - 1 : row.length;
            const lits = row
                .slice(drives[r] + 1, end)
                .filter((p) => typeof p === 'string' && !!p);
            return [...new Set(lits)];
        });
        this.#literalCheck = this.#literals.some(l => l.length);
        this.#shapes = this.set.map((row, r) => {
            const [p0, p1, p2] = row;
            if (this.#endRows[r] && row.length === 2) {
                if (p0 === GLOBSTAR && p1 !== GLOBSTAR)
                    return 'tail';
            }
            // the basename of a path that is split on / is its last portion,
            // or the one before a trailing /, the same as the end check
            if (this.#endRows[r] &&
                options.matchBase &&
                row.length === 1 &&
                p0 !== GLOBSTAR &&
                p0 !== '') {
                return 'base';
            }
            // the portion must not be a root, or '', which can be a
            // different portion on Windows (where //x paths get an extra '')
            if (!this.#endCheck || drives[r] !== -1)
                return undefined;
            if (row.length === 3 &&
                p0 === GLOBSTAR &&
                p2 === GLOBSTAR &&
                p1 !== GLOBSTAR &&
                p1 !== '' &&
                // the portion between is only matched below this limit
                this.maxGlobstarRecursion > 0) {
                return 'mid';
            }
            if (row.length === 2 &&
                p1 === GLOBSTAR &&
                p0 !== GLOBSTAR &&
                p0 !== '') {
                return 'head';
            }
            return undefined;
        });
    }
    // a string portion of a pattern, normalized if the option is set
    #norm(p) {
        return this.#form ? p.normalize(this.#form) : p;
    }
    // On Windows, the index of the last root portion of a row, as
    // #matchRow finds it: 0 for `c:/...`, 3 for `//?/c:/...` and
    // `//host/share/...`, and 5 for `//?/UNC/host/share/...`. Otherwise
    // -1.
    #rootIndex(row) {
        if (!this.isWindows)
            return -1;
        if (isDrive(row[0]))
            return 0;
        const uncDrive = row[0] === '' && row[1] === '' && row[2] === '?' && isDrive(row[3]);
        if (uncDrive)
            return 3;
        const h = uncHost(row);
        return h === -1 ? -1 : h + 1;
    }
    hasMagic() {
        if (this.options.magicalBraces && this.set.length > 1) {
            return true;
        }
        for (const pattern of this.set) {
            for (const part of pattern) {
                if (typeof part !== 'string')
                    return true;
            }
        }
        return false;
    }
    make() {
        const pattern = this.pattern;
        const options = this.options;
        // empty patterns and comments match nothing.
        if (!options.nocomment && pattern.charAt(0) === '#') {
            this.comment = true;
            return;
        }
        if (!pattern) {
            this.empty = true;
            return;
        }
        // step 1: figure out negation, etc.
        this.parseNegate();
        // step 2: expand braces
        this.globSet = [...new Set(this.#expandBraces())];
        // step 3: now we have a set, so turn each one into a series of
        // path-portion matching patterns.
        // These will be Matchers, except in the case of "**", which is
        // set to the GLOBSTAR object for globstar behavior,
        // and will not contain any / characters
        //
        // First, we preprocess to make the glob pattern sets a bit simpler
        // and deduped.  There are some perf-killing patterns that can cause
        // problems with a glob walk, but we can simplify them down a bit.
        const rawGlobParts = this.globSet.map(s => this.#slashSplit(s));
        this.globParts = this.preprocess(rawGlobParts);
        // glob --> Matchers
        this.#pending = true;
        let set = this.globParts.map((s, _, __) => {
            if (this.isWindows && this.windowsNoMagicRoot) {
                // check if it's a drive or unc path. The root of a long UNC
                // path, //?/UNC/host/share, is 6 portions.
                const n = s[2] === '?' && isLongUNC(s[3]) ? 6 : 4;
                const isUNC = s[0] === '' &&
                    s[1] === '' &&
                    (s[2] === '?' || !globMagic.test(s[2])) &&
                    s.slice(3, n).every(p => !globMagic.test(p));
                const isDrive = /^[a-z]:/i.test(s[0]);
                if (isUNC) {
                    return [
                        ...s.slice(0, n).map(p => this.#norm(p)),
                        ...s.slice(n).map(ss => this.parse(ss)),
                    ];
                }
                else if (isDrive) {
                    return [
                        this.#norm(s[0]),
                        ...s.slice(1).map(ss => this.parse(ss)),
                    ];
                }
            }
            return s.map(ss => this.parse(ss));
        });
        // filter out everything that didn't compile properly.
        this.set = set.filter(s => s.indexOf(false) === -1);
        // do not treat the ? in UNC paths as magic
        if (this.isWindows) {
            for (let i = 0; i < this.set.length; i++) {
                const p = this.set[i];
                if (p[0] === '' &&
                    p[1] === '' &&
                    this.globParts[i][2] === '?' &&
                    (isDrive(p[3]) || isLongUNC(this.globParts[i][3]))) {
                    if (isLongUNC(this.globParts[i][3]))
                        p[3] = 'UNC';
                    p[2] = '?';
                }
            }
        }
        // with noext, `@(...)` would be literal
        if (!options.noext)
            this.mergeRows();
        this.#pending = false;
        this.set.forEach((row, i) => {
            for (let k = 0; k < row.length; k++) {
                if (row[k] === PENDING) {
                    row[k] = this.parse(this.globParts[i][k]);
                }
            }
        });
    }
    // Merge rows that only differ in one portion, where each of them
    // is a Matcher, into one row that matches any of them with
    // `@(a|b|...)`. Then a path is only walked once for all of them,
    // for example with `**/*.{js,ts}`.
    mergeRows() {
        let merged = true;
        while (merged) {
            merged = false;
            // a single row cannot be merged with anything
            if (this.set.length < 2)
                return;
            let keys = this.#mergeKeys();
            const len = Math.max(0, ...this.set.map(r => r.length));
            for (let k = 0; k < len; k++) {
                // the rows that are the same other than at portion k, keyed
                // by the ids of the parts before k and the parts after k,
                // which are at most the number of rows
                const groups = new Map();
                const R = this.set.length + 1;
                this.set.forEach((row, i) => {
                    if (!(row[k] instanceof Matcher || row[k] === PENDING) ||
                        !extSafe(this.globParts[i][k])) {
                        return;
                    }
                    const { pre, suf } = keys[i];
                    const key = pre[k] * R + suf[k + 1];
                    const g = groups.get(key);
                    if (g)
                        g.push(i);
                    else
                        groups.set(key, [i]);
                });
                const drop = new Set();
                for (const g of groups.values()) {
                    if (g.length < 2)
                        continue;
                    const [first, ...rest] = g;
                    const alts = g.map(i => this.globParts[i][k]);
                    const glob = `@(${alts.join('|')})`;
                    // merging is only an optimization, so leave the rows as they
                    // are if the merged portion would have too many extglobs
                    if (extglobCount(glob) > MAX_EXTGLOBS)
                        continue;
                    this.globParts[first][k] = glob;
                    this.set[first][k] = this.parse(glob);
                    for (const i of rest)
                        drop.add(i);
                }
                if (drop.size) {
                    merged = true;
                    this.set = this.set.filter((_, i) => !drop.has(i));
                    this.globParts = this.globParts.filter((_, i) => !drop.has(i));
                    // every merge drops a row, so this happens at most once per row
                    if (this.set.length < 2)
                        return;
                    keys = this.#mergeKeys();
                }
            }
        }
    }
    // For each row, number ids for its prefixes and suffixes, such that
    // pre[k] identifies parts[0..k) and suf[k] identifies parts[k..n).
    // Two rows are the same other than at portion k exactly when they
    // have the same pre[k] and suf[k + 1]. This is linear in the size of
    // the rows, where joining the whole row for every k was quadratic.
    #mergeKeys() {
        const partIds = new Map();
        const ids = this.globParts.map(parts => parts.map(s => {
            let id = partIds.get(s);
            if (id === undefined)
                partIds.set(s, (id = partIds.size));
            return id;
        }));
        // ids are only compared at the same k, so they are numbered per
        // portion, with 0 for the empty prefix or suffix. Then they are
        // at most the number of rows, and id * P + part id is a safe
        // integer key for any set that fits in memory.
        const P = partIds.size;
        const len = Math.max(0, ...ids.map(r => r.length));
        const keys = ids.map(r => ({
            pre: [0],
            suf: new Array(r.length + 1).fill(0),
        }));
        for (let k = 0; k < len; k++) {
            const m = new Map();
            ids.forEach((r, i) => {
                if (k >= r.length)
                    return;
                const { pre } = keys[i];
                const key = pre[k] * P + r[k];
                let id = m.get(key);
                if (id === undefined)
                    m.set(key, (id = m.size + 1));
                pre.push(id);
            });
        }
        for (let k = len - 1; k >= 0; k--) {
            const m = new Map();
            ids.forEach((r, i) => {
                if (k >= r.length)
                    return;
                const { suf } = keys[i];
                const key = suf[k + 1] * P + r[k];
                let id = m.get(key);
                if (id === undefined)
                    m.set(key, (id = m.size + 1));
                suf[k] = id;
            });
        }
        return keys;
    }
    // various transforms to equivalent pattern sets that are
    // faster to process in a filesystem walk.  The goal is to
    // eliminate what we can, and push all ** patterns as far
    // to the right as possible, even if it increases the number
    // of patterns that we have to process.
    preprocess(globParts) {
        // if we're not in globstar mode, then turn ** into *
        if (this.options.noglobstar) {
            for (const partset of globParts) {
                for (let j = 0; j < partset.length; j++) {
                    if (partset[j] === '**') {
                        partset[j] = '*';
                    }
                }
            }
        }
        const { optimizationLevel = 1 } = this.options;
        if (optimizationLevel >= 2) {
            // aggressive optimization for the purpose of fs walking
            globParts = this.firstPhasePreProcess(globParts);
            globParts = this.secondPhasePreProcess(globParts);
        }
        else if (optimizationLevel >= 1) {
            // just basic optimizations to remove some .. parts
            globParts = this.levelOneOptimize(globParts);
        }
        else {
            // just collapse multiple ** portions into one
            globParts = this.adjascentGlobstarOptimize(globParts);
        }
        return globParts;
    }
    // just get rid of adjascent ** portions
    adjascentGlobstarOptimize(globParts) {
        return globParts.map(parts => {
            let gs = -1;
            while (-1 !== (gs = parts.indexOf('**', gs + 1))) {
                let i = gs;
                while (parts[i + 1] === '**') {
                    i++;
                }
                if (i !== gs) {
                    parts.splice(gs, i - gs);
                }
            }
            return parts;
        });
    }
    // get rid of adjascent ** and resolve .. portions
    levelOneOptimize(globParts) {
        return globParts.map(parts => {
            // .. can not remove the root of a Windows path
            const root = this.#rootIndex(parts) + 1;
            parts = parts.reduce((set, part) => {
                const prev = set[set.length - 1];
                if (part === '**' && prev === '**') {
                    return set;
                }
                if (part === '..') {
                    if (set.length > root &&
                        prev &&
                        prev !== '..' &&
                        prev !== '.' &&
                        prev !== '**') {
                        set.pop();
                        return set;
                    }
                }
                set.push(part);
                return set;
            }, []);
            return parts.length === 0 ? [''] : parts;
        });
    }
    // Check the path against each row before it is split. 'no' if no
    // row can match, so it does not need to be split. 'yes' if a row of
    // `**` and one more portion matches. 'maybe' if it must be split to
    // know. None of this applies with partial, where the path can end
    // before the row does.
    //
    // On Windows, `\` is a separator in the path too, and the portions of
    // a row up to its drive letter or UNC share are not checked (see
    // #rootIndex).
    //
    // Each string portion of a row must be a portion of the path, so the
    // path must contain it. Level 2 can only take portions out of the
    // path, so this is still true then.
    //
    // The last portion of a row must match the last portion of the path,
    // or the one before a trailing `/` (as a/* and a/**/* match a/b/).
    // This does not apply to rows that end in **, rows that end in a
    // root, or preserveMultipleSlashes (which can leave more
    // than one '' at the end). At level 2, it does not apply if that
    // portion is `.` or `..`, which can be
    // resolved away. Level 2 only takes other portions out of the
    // middle of the path.
    //
    // A row of `**/x` then matches if the ** can walk the portions
    // before the one that x matches, the same as #matchGlobstar. At
    // level 2, this is only known if none of them are `.` or `..`, so
    // that the path does not change when it is resolved.
    #canMatch(f) {
        const sep = !this.isWindows || !f.includes('\\') ? '/'
            : f.includes('/') ? 'both'
                : '\\';
        // the portions that f.split(/\/+/) would end with, and where they
        // start in f, found when a row needs them. `ends` is 0 until they
        // are found, then 1, or -1 if they can not be used.
        let ends = this.#endCheck ? 0 : -1;
        let last = '';
        let lastStart = 0;
        let prev;
        let prevStart = 0;
        const dot = !!this.options.dot;
        // A string compare is cheaper than includes(), and a Matcher test
        // costs more, so the cheaper check goes first.
        ROWS: for (let r = 0; r < this.set.length; r++) {
            const row = this.set[r];
            const p = row[row.length - 1];
            let end = ends !== -1 && this.#endRows[r] && p !== GLOBSTAR;
            if (end && ends === 0) {
                const i = lastSep(f, f.length, sep);
                lastStart = i + 1;
                last = f.slice(lastStart);
                if (last === '' && i >= 0) {
                    let j = i;
                    while (j > 0 && isSep(f.charCodeAt(j - 1), sep))
                        j--;
                    prevStart = j === 0 ? 0 : lastSep(f, j - 1, sep) + 1;
                    prev = f.slice(prevStart, j);
                }
                const resolves = this.#level2 &&
                    (isDots(last) ||
                        (last === '' && prev !== undefined && isDots(prev)));
                ends = resolves ? -1 : 1;
                end = !resolves;
            }
            let tailStart = -1;
            if (end && typeof p === 'string') {
                tailStart = endIndex(p, last, lastStart, prev, prevStart);
                if (tailStart === -1)
                    continue;
            }
            if (this.#literalCheck) {
                for (const l of this.#literals[r]) {
                    if (!f.includes(l))
                        continue ROWS;
                }
            }
            if (end && typeof p === 'object') {
                tailStart = endIndex(p, last, lastStart, prev, prevStart);
                if (tailStart === -1)
                    continue;
            }
            const shape = this.#shapes[r];
            if (shape === 'base' && end)
                return 'yes';
            if (shape === 'tail' && end) {
                if (this.#level2 && dotPortion(f, 0, tailStart, true, sep)) {
                    return 'maybe';
                }
                if (!dotPortion(f, 0, tailStart, dot, sep))
                    return 'yes';
                continue;
            }
            if (shape === 'mid' || shape === 'head') {
                const m = this.#walk(f, row, shape === 'head', dot, sep);
                if (m !== 'no')
                    return m;
                continue;
            }
            return 'maybe';
        }
        return 'no';
    }
    // Match a row of a known shape against the split path, the same as
    // #matchGlobstar and #matchGlobStarBodySections do. None of these
    // rows have a drive letter, so they start at the first portion.
    #matchShape(file, row, shape) {
        const dot = !!this.options.dot;
        const n = file.length;
        if (shape === 'head') {
            // x, then at least one portion that ** can walk
            if (n < 2 || !portionMatch(row[0], file[0])) {
                return false;
            }
            for (let i = 1; i < n; i++)
                if (!walkable(file[i], dot))
                    return false;
            return true;
        }
        const x = row[1];
        if (shape === 'tail') {
            // x is the last portion, or the one before a trailing ''
            let t = n - 1;
            if (!portionMatch(x, file[t])) {
                if (file[t] !== '' || n === 1 || !portionMatch(x, file[--t])) {
                    return false;
                }
            }
            for (let i = 0; i < t; i++)
                if (!walkable(file[i], dot))
                    return false;
            return true;
        }
        // mid: the first x that ** can walk to, with a portion after it,
        // and ** can walk all of those
        for (let k = 0; k < n; k++) {
            if (portionMatch(x, file[k]) && k + 1 < n) {
                let i = k + 1;
                while (i < n && walkable(file[i], dot))
                    i++;
                if (i === n)
                    return true;
            }
            if (!walkable(file[k], dot))
                return false;
        }
        return false;
    }
    // Match a row of `**/x/**` or `x/**` against the path, the same as
    // #matchGlobstar and #matchGlobStarBodySections do once it is split.
    // x must match a portion (the first one, for `x/**`), the ** before
    // it must be able to walk the portions before that one, and there
    // must be a portion after it, which the ** after it can walk. At
    // level 2, this is only known if no portion is `.` or `..`.
    #walk(f, row, head, dot, sep) {
        if (this.#level2 && dotPortion(f, 0, f.length, true, sep))
            return 'maybe';
        const x = row[head ? 0 : 1];
        // the last portion has none after it, so it can not be x
        let s = 0;
        for (let e = nextSep(f, s, sep); e !== -1; e = nextSep(f, s, sep)) {
            // the start of the next portion
            let next = e + 1;
            while (next < f.length && isSep(f.charCodeAt(next), sep))
                next++;
            const hit = typeof x === 'string' ?
                e - s === x.length && f.startsWith(x, s)
                : e > s && x.testUnchecked(f.slice(s, e));
            if (hit && !dotPortion(f, next, f.length, dot, sep))
                return 'yes';
            if (head || dotPortion(f, s, next, dot, sep))
                return 'no';
            s = next;
        }
        return 'no';
    }
    // the last split, if it was the same path with the same split
    // settings
    #cachedSplit(f) {
        const last = lastSplit;
        return (last?.f === f &&
            last.isWindows === this.isWindows &&
            last.preserveMultipleSlashes === this.preserveMultipleSlashes &&
            last.normalize === this.#form) ?
            last
            : undefined;
    }
    // split a path for match(), and keep the parts for the next call
    #split(f) {
        const { isWindows, preserveMultipleSlashes } = this;
        // windows: need to use /, not \
        let parts = this.#slashSplit(isWindows ? f.split('\\').join('/') : f);
        // normalize each portion, so that a char that normalizes to `/`
        // does not make a new portion
        const normalize = this.#form;
        if (normalize)
            parts = parts.map(p => p.normalize(normalize));
        lastSplit = {
            f,
            isWindows,
            preserveMultipleSlashes,
            normalize,
            parts,
        };
        return lastSplit;
    }
    // resolve `.` and `..` portions of a path, for level 2
    #levelTwoFileOptimize(file) {
        // work on a copy, so that the cached parts do not change
        const parts = [...file];
        let didSomething = false;
        do {
            didSomething = false;
            // <pre>/<e>/<rest> -> <pre>/<rest>
            if (!this.preserveMultipleSlashes) {
                for (let i = 1; i < parts.length - 1; i++) {
                    const p = parts[i];
                    // don't squeeze out UNC patterns
                    if (i === 1 && p === '' && parts[0] === '')
                        continue;
                    if (p === '.' || p === '') {
                        didSomething = true;
                        parts.splice(i, 1);
                        i--;
                    }
                }
                if (parts[0] === '.' &&
                    parts.length === 2 &&
                    (parts[1] === '.' || parts[1] === '')) {
                    didSomething = true;
                    parts.pop();
                }
            }
            // <pre>/<p>/../<rest> -> <pre>/<rest>
            // .. can not remove the root of a Windows path
            const root = this.#rootIndex(parts) + 1;
            let dd = root;
            while (-1 !== (dd = parts.indexOf('..', dd + 1))) {
                const p = parts[dd - 1];
                if (p && p !== '.' && p !== '..' && p !== '**') {
                    didSomething = true;
                    parts.splice(dd - 1, 2);
                    dd = Math.max(dd - 2, root);
                }
            }
        } while (didSomething);
        return parts.length === 0 ? [''] : parts;
    }
    // First phase: single-pattern processing
    // <pre> is 1 or more portions
    // <rest> is 1 or more portions
    // <p> is any portion other than ., .., '', or **
    // <e> is . or ''
    //
    // **/.. is *brutal* for filesystem walking performance, because
    // it effectively resets the recursive walk each time it occurs,
    // and ** cannot be reduced out by a .. pattern part like a regexp
    // or most strings (other than .., ., and '') can be.
    //
    // <pre>/**/../<p>/<p>/<rest> -> {<pre>/../<p>/<p>/<rest>,<pre>/**/<p>/<p>/<rest>}
    // <pre>/<e>/<rest> -> <pre>/<rest>
    // <pre>/<p>/../<rest> -> <pre>/<rest>
    // **/**/<rest> -> **/<rest>
    //
    // **/*/<rest> -> */**/<rest> <== not valid because ** doesn't follow
    // this WOULD be allowed if ** did follow symlinks, or * didn't
    firstPhasePreProcess(globParts) {
        // each **/.. split doubles the patterns, and adds a copy of the
        // whole pattern. Throw if either gets too large. A partial split
        // would match some paths and not others, depending on which rows
        // the pass reached first.
        const { braceExpandMax = DEFAULT_BRACE_EXPAND_MAX } = this.options;
        let splitCells = 0;
        const maxSplitCells = 1_000_000;
        let didSomething = false;
        do {
            didSomething = false;
            // <pre>/**/../<p>/<p>/<rest> -> {<pre>/../<p>/<p>/<rest>,<pre>/**/<p>/<p>/<rest>}
            for (let parts of globParts) {
                let gs = -1;
                while (-1 !== (gs = parts.indexOf('**', gs + 1))) {
                    let gss = gs;
                    while (parts[gss + 1] === '**') {
                        // <pre>/**/**/<rest> -> <pre>/**/<rest>
                        gss++;
                    }
                    // eg, if gs is 2 and gss is 4, that means we have 3 **
                    // parts, and can remove 2 of them.
                    if (gss > gs) {
                        parts.splice(gs + 1, gss - gs);
                    }
                    let next = parts[gs + 1];
                    const p = parts[gs + 2];
                    const p2 = parts[gs + 3];
                    if (next !== '..')
                        continue;
                    if (!p ||
                        p === '.' ||
                        p === '..' ||
                        !p2 ||
                        p2 === '.' ||
                        p2 === '..') {
                        continue;
                    }
                    // Check before changing parts or allocating the new row.
                    const addedCells = parts.length - 1;
                    if (globParts.length >= braceExpandMax ||
                        splitCells + addedCells > maxSplitCells) {
                        throw new RangeError(`optimizationLevel 2: too many patterns from '**/..'`);
                    }
                    didSomething = true;
                    // edit parts in place, and push the new one
                    parts.splice(gs, 1);
                    const other = parts.slice(0);
                    other[gs] = '**';
                    splitCells += addedCells;
                    globParts.push(other);
                    gs--;
                }
                // <pre>/<e>/<rest> -> <pre>/<rest>
                if (!this.preserveMultipleSlashes) {
                    for (let i = 1; i < parts.length - 1; i++) {
                        const p = parts[i];
                        // don't squeeze out UNC patterns
                        if (i === 1 && p === '' && parts[0] === '')
                            continue;
                        if (p === '.' || p === '') {
                            didSomething = true;
                            parts.splice(i, 1);
                            i--;
                        }
                    }
                    if (parts[0] === '.' &&
                        parts.length === 2 &&
                        (parts[1] === '.' || parts[1] === '')) {
                        didSomething = true;
                        parts.pop();
                    }
                }
                // <pre>/<p>/../<rest> -> <pre>/<rest>
                // .. can not remove the root of a Windows path
                const root = this.#rootIndex(parts) + 1;
                let dd = root;
                while (-1 !== (dd = parts.indexOf('..', dd + 1))) {
                    const p = parts[dd - 1];
                    if (p && p !== '.' && p !== '..' && p !== '**') {
                        didSomething = true;
                        const needDot = dd === 1 && parts[dd + 1] === '**';
                        const splin = needDot ? ['.'] : [];
                        parts.splice(dd - 1, 2, ...splin);
                        if (parts.length === 0)
                            parts.push('');
                        dd = Math.max(dd - 2, root);
                    }
                }
            }
        } while (didSomething);
        return globParts;
    }
    // second phase: multi-pattern dedupes
    // {<pre>/<rest>,<pre>/<rest>} -> <pre>/<rest>
    // {<pre>/*/<rest>,<pre>/<p>/<rest>} -> <pre>/*/<rest>
    secondPhasePreProcess(globParts) {
        const keys = new Set();
        const rows = globParts.filter(parts => {
            const key = parts.join('/');
            if (keys.has(key))
                return false;
            keys.add(key);
            return true;
        });
        // A row is covered by another row that has `*` at some positions,
        // and is the same at all others. Collect each distinct set of `*`
        // positions, then look up each row with `*` put at those positions.
        const stars = new Map();
        for (const parts of rows) {
            const s = [];
            for (let i = 0; i < parts.length; i++) {
                if (parts[i] === '*')
                    s.push(i);
            }
            if (s.length)
                stars.set(s.join(','), s);
        }
        // Each row is checked against each set of `*` positions, so skip
        // this if there are too many. The patterns match the same paths
        // either way.
        if (!stars.size || rows.length * stars.size > 100_000)
            return rows;
        const { dot } = this.options;
        return rows.filter(parts => {
            for (const s of stars.values()) {
                if (s[s.length - 1] >= parts.length)
                    continue;
                const c = [...parts];
                let ok = true;
                let changed = false;
                for (const i of s) {
                    const p = parts[i];
                    if (p === '*')
                        continue;
                    if (!p || p === '**' || (!dot && p.startsWith('.'))) {
                        ok = false;
                        break;
                    }
                    c[i] = '*';
                    changed = true;
                }
                if (ok && changed && keys.has(c.join('/')))
                    return false;
            }
            return true;
        });
    }
    parseNegate() {
        if (this.nonegate)
            return;
        const pattern = this.pattern;
        let negate = false;
        let negateOffset = 0;
        for (let i = 0; i < pattern.length && pattern.charAt(i) === '!'; i++) {
            negate = !negate;
            negateOffset++;
        }
        if (negateOffset)
            this.pattern = pattern.slice(negateOffset);
        this.negate = negate;
    }
    // Match the parts of a path against one row of the set. `resolved`
    // is the parts after level 2 resolves `.` and `..` in them, or the
    // same parts below level 2. Set partial to true to test if, for
    // example, "/a/b" matches the start of "/*/b/*/d". Partial means, if
    // you run out of file before you run out of pattern, then that's
    // fine, as long as all the parts match.
    #matchRow(file, resolved, pattern, partial) {
        let fileStartIndex = 0;
        let patternStartIndex = 0;
        // UNC paths like //?/X:/... can match X:/... and vice versa, and
        // //?/UNC/host/share/... can match //host/share/... and vice versa.
        // Drive letters in absolute drive or unc paths, and the host and
        // share of UNC paths, are always compared case-insensitively.
        const fh = this.isWindows ? uncHost(resolved) : -1;
        const ph = fh === -1 ? -1 : uncHost(pattern);
        if (ph !== -1) {
            const host = pattern[ph];
            const share = pattern[ph + 1];
            if (typeof host !== 'string' || typeof share !== 'string') {
                // a host or share with magic is matched as usual
                fileStartIndex = fh;
                patternStartIndex = ph;
            }
            else if (resolved[fh].toLowerCase() === host.toLowerCase() &&
                resolved[fh + 1].toLowerCase() === share.toLowerCase()) {
                fileStartIndex = fh + 2;
                patternStartIndex = ph + 2;
            }
        }
        else if (this.isWindows) {
            const fileDrive = typeof file[0] === 'string' && /^[a-z]:$/i.test(file[0]);
            const fileUNC = !fileDrive &&
                file[0] === '' &&
                file[1] === '' &&
                file[2] === '?' &&
                /^[a-z]:$/i.test(file[3]);
            const patternDrive = typeof pattern[0] === 'string' && /^[a-z]:$/i.test(pattern[0]);
            const patternUNC = !patternDrive &&
                pattern[0] === '' &&
                pattern[1] === '' &&
                pattern[2] === '?' &&
                typeof pattern[3] === 'string' &&
                /^[a-z]:$/i.test(pattern[3]);
            const fdi = fileUNC ? 3
                : fileDrive ? 0
                    : undefined;
            const pdi = patternUNC ? 3
                : patternDrive ? 0
                    : undefined;
            if (typeof fdi === 'number' && typeof pdi === 'number') {
                const [fd, pd] = [
                    file[fdi],
                    pattern[pdi],
                ];
                // the drives match, so start matching after them
                if (fd.toLowerCase() === pd.toLowerCase()) {
                    patternStartIndex = pdi + 1;
                    fileStartIndex = fdi + 1;
                }
            }
        }
        // the drive letters are found in the parts before level 2 resolves
        // them, and the match uses the resolved parts
        file = resolved;
        if (pattern.includes(GLOBSTAR)) {
            return this.#matchGlobstar(file, pattern, partial, fileStartIndex, patternStartIndex);
        }
        return this.#matchOne(file, pattern, partial, fileStartIndex, patternStartIndex);
    }
    #matchGlobstar(file, pattern, partial, fileIndex, patternIndex) {
        const { head, body, tail, segments } = this.#getGlobstarParts(pattern, partial, patternIndex);
        // check the head, from the current file/pattern index.
        if (head.length) {
            const headEnd = fileIndex + head.length;
            if (!this.#matchOne(file, head, partial, fileIndex, 0, headEnd)) {
                return false;
            }
            fileIndex += head.length;
            patternIndex += head.length;
        }
        // now we know the head matches!
        // if the last portion is not empty, it MUST match the end
        // check the tail
        let fileTailMatch = 0;
        if (tail.length) {
            // if head + tail > file, then we cannot possibly match
            if (tail.length + fileIndex > file.length)
                return false;
            // try to match the tail
            let tailStart = file.length - tail.length;
            if (this.#matchOne(file, tail, partial, tailStart, 0)) {
                fileTailMatch = tail.length;
            }
            else {
                // affordance for stuff like a/**/* matching a/b/
                // if the last file portion is '', and there's more to the pattern
                // then try without the '' bit.
                if (file[file.length - 1] !== '' ||
                    fileIndex + tail.length === file.length) {
                    return false;
                }
                tailStart--;
                if (!this.#matchOne(file, tail, partial, tailStart, 0)) {
                    return false;
                }
                fileTailMatch = tail.length + 1;
            }
        }
        // now we know the tail matches!
        // the middle is zero or more portions wrapped in **, possibly
        // containing more ** sections.
        // so a/**/b/**/c/**/d has become **/b/**/c/**
        // if it's empty, it means a/**/b, just verify we have no bad dots
        // if there's no tail, so it ends on /**, then we must have *something*
        // after the head, or it's not a matc
        if (!body.length) {
            let sawSome = !!fileTailMatch;
            for (let i = fileIndex; i < file.length - fileTailMatch; i++) {
                const f = String(file[i]);
                sawSome = true;
                if (f === '.' ||
                    f === '..' ||
                    (!this.options.dot && f.startsWith('.'))) {
                    return false;
                }
            }
            // in partial mode, we just need to get past all file parts
            return partial || sawSome;
        }
        // now we know that there's one or more body sections, which can
        // be matched anywhere from the 0 index (because the head was pruned)
        // through to the length-fileTailMatch index.
        return !!this.#matchGlobStarBodySections(file, segments, file.length - fileTailMatch, fileIndex, 0, partial, 0, !!fileTailMatch, new Set());
    }
    // Split the pattern into head, tail, and middle of ** delimited
    // parts. The tail has to be at the end, and the others just have to
    // be found in order from the head. These only depend on the pattern
    // row, so they are kept for the next path.
    #getGlobstarParts(pattern, partial, patternIndex) {
        let byStart = this.#globstarParts.get(pattern);
        if (!byStart) {
            byStart = [];
            this.#globstarParts.set(pattern, byStart);
        }
        const key = patternIndex * 2 + (partial ? 1 : 0);
        const found = byStart[key];
        if (found)
            return found;
        const firstgs = pattern.indexOf(GLOBSTAR, patternIndex);
        const lastgs = pattern.lastIndexOf(GLOBSTAR);
        const head = pattern.slice(patternIndex, firstgs);
        const body = pattern.slice(firstgs + 1, partial ? undefined : lastgs);
        const tail = partial ? [] : pattern.slice(lastgs + 1);
        // split the body up into sections, and note the number of
        // portions that must come after the start of each one
        const segments = [[[], 0]];
        let current = segments[0];
        let nonGsParts = 0;
        const nonGsPartsSums = [0];
        for (const b of body) {
            if (b === GLOBSTAR) {
                nonGsPartsSums.push(nonGsParts);
                current = [[], 0];
                segments.push(current);
            }
            else {
                current[0].push(b);
                nonGsParts++;
            }
        }
        // the portions in this section and the ones after it
        segments.forEach((b, i) => {
            b[1] = nonGsParts - nonGsPartsSums[i];
        });
        const parts = { head, body, tail, segments };
        byStart[key] = parts;
        return parts;
    }
    // return false for "nope, not matching"
    // return null for "not matching, cannot keep trying"
    #matchGlobStarBodySections(file, 
    // pattern section, and the portions that it and the rest need
    bodySegments, 
    // the end of the file portions that the body can match
    fileLength, fileIndex, bodyIndex, partial, globStarDepth, sawTail, 
    // the places that a walk has already tried, as
    // bodyIndex * (file.length + 1) + fileIndex. A walk from a place
    // does the same no matter how it got there, and it only comes back
    // if it found no match, so a walk that gets to one stops.
    tried) {
        // take the first body segment, and walk from fileIndex to its "after"
        // value at the end
        // If it doesn't match at that position, we increment, until we hit
        // that final possible position, and give up.
        // If it does match, then advance and try to rest.
        // If any of them fail we keep walking forward.
        // this is still a bit recursively painful, but it's more constrained
        // than previous implementations, because we never test something that
        // can't possibly be a valid matching condition.
        const bs = bodySegments[bodyIndex];
        if (!bs) {
            // with partial, the body is the rest of the pattern, so it
            // matches if no portions are left, or only the '' of a trailing
            // / (as a/* matches a/b/). A ** at the end walks them as its own
            // empty section.
            if (partial) {
                return (fileIndex >= fileLength ||
                    (fileIndex === fileLength - 1 && file[fileIndex] === ''));
            }
            // just make sure that there's no bad dots before the tail
            for (let i = fileIndex; i < fileLength; i++) {
                sawTail = true;
                const f = file[i];
                if (f === '.' ||
                    f === '..' ||
                    (!this.options.dot && f.startsWith('.'))) {
                    return false;
                }
            }
            return sawTail;
        }
        // have a non-globstar body section to test, up to the last index
        // where it can start
        const [body, need] = bs;
        // with partial, the path can end before the body does
        const after = partial ? fileLength : fileLength - need;
        while (fileIndex <= after) {
            const key = bodyIndex * (file.length + 1) + fileIndex;
            if (tried.has(key))
                return false;
            tried.add(key);
            const m = this.#matchOne(file, body, partial, fileIndex, 0, fileIndex + body.length);
            // if limit exceeded, no match. intentional false negative,
            // acceptable break in correctness for security.
            if (m && globStarDepth < this.maxGlobstarRecursion) {
                // match! see if the rest match. if so, we're done!
                const sub = this.#matchGlobStarBodySections(file, bodySegments, fileLength, fileIndex + body.length, bodyIndex + 1, partial, globStarDepth + 1, sawTail, tried);
                if (sub !== false) {
                    return sub;
                }
            }
            // the ** does not walk past the last place the body can start
            if (fileIndex === after)
                break;
            const f = file[fileIndex];
            if (f === '.' ||
                f === '..' ||
                (!this.options.dot && f.startsWith('.'))) {
                return false;
            }
            fileIndex++;
        }
        // walked off. no point continuing
        return partial || null;
    }
    #matchOne(file, pattern, partial, fileIndex, patternIndex, 
    // only match the file portions before this index
    fileEnd = file.length) {
        let fi;
        let pi;
        let pl;
        let fl;
        for (fi = fileIndex,
            pi = patternIndex,
            fl = Math.min(fileEnd, file.length),
            pl = pattern.length; fi < fl && pi < pl; fi++, pi++) {
            let p = pattern[pi];
            let f = file[fi];
            // should be impossible.
            /* c8 ignore start */
            if (p === false || p === GLOBSTAR) {
                return false;
            }
            /* c8 ignore stop */
            // something other than **
            // non-magic patterns just have to match exactly
            // patterns with magic have been turned into Matchers.
            if (!portionMatch(p, f))
                return false;
        }
        // Note: ending in / means that we'll get a final ""
        // at the end of the pattern.  This can only match a
        // corresponding "" at the end of the file.
        // If the file ends in /, then it can only match a
        // a pattern that ends in /, unless the pattern just
        // doesn't have any more for it. But, a/b/ should *not*
        // match "a/b/*", even though * can match "", except in
        // partial mode, where it might simply not be reached yet.
        // However, a/b/ should still satisfy a/*
        // now either we fell off the end of the pattern, or we're done.
        if (fi === fl && pi === pl) {
            // ran out of pattern and filename at the same time.
            // an exact hit!
            return true;
        }
        else if (fi === fl) {
            // ran out of file, but still had pattern left.
            // this is ok if we're doing the match as part of
            // a glob fs traversal.
            return partial;
        }
        else if (pi === pl) {
            // ran out of pattern, still have file left.
            // this is only acceptable if we're on the very last
            // empty segment of a file with a trailing slash.
            // a/* should match a/b/
            return fi === fl - 1 && file[fi] === '';
            /* c8 ignore start */
        }
        else {
            // should be unreachable.
            throw new Error('wtf?');
        }
        /* c8 ignore stop */
    }
    braceExpand() {
        return braceExpand(this.pattern, this.options);
    }
    // Expand braces, except numeric ranges such as {0..999} with at
    // least RANGE_MIN values. Each of those stays in its pattern as
    // `<mark>0..999<mark>`, for the Matcher to test. If a range might
    // be inside a [...] class, expand all of them instead.
    #expandBraces() {
        const { pattern } = this;
        if (this.options.nobrace)
            return this.braceExpand();
        let code = 0xe000;
        while (pattern.includes(String.fromCharCode(code))) {
            if (++code > 0xf8ff)
                return this.braceExpand();
        }
        const mark = String.fromCharCode(code);
        let found = false;
        const marked = pattern.replace(rangeRe, (m, lo, hi) => {
            const a = Number(lo);
            const b = Number(hi);
            if (!Number.isSafeInteger(a) ||
                !Number.isSafeInteger(b) ||
                Math.abs(a - b) + 1 < RANGE_MIN) {
                return m;
            }
            found = true;
            return `${mark}${lo}..${hi}${mark}`;
        });
        if (!found)
            return this.braceExpand();
        const set = braceExpand(marked, this.options);
        for (const p of set) {
            for (const portion of p.split('/')) {
                const c = portion.indexOf('[');
                if (c !== -1 && c < portion.lastIndexOf(mark)) {
                    return this.braceExpand();
                }
                if (!this.options.noext && inRepeatOrNegExt(portion, mark)) {
                    return this.braceExpand();
                }
            }
        }
        this.#rangeMark = mark;
        return set;
    }
    parse(pattern) {
        assertValidPattern(pattern);
        const options = this.options;
        // shortcuts
        if (pattern === '**')
            return GLOBSTAR;
        if (pattern === '')
            return '';
        const { nocase, nocaseMagicOnly, noext = false, dot, normalize, } = options;
        const rangeMark = this.#rangeMark;
        const lit = rangeMark && pattern.includes(rangeMark) ?
            undefined
            : literal(pattern, noext);
        // in nocase mode, a literal with cased chars still needs a
        // Matcher, unless nocaseMagicOnly is set.
        if (lit !== undefined &&
            !(nocase &&
                !nocaseMagicOnly &&
                pattern.toUpperCase() !== pattern.toLowerCase())) {
            return this.#norm(lit);
        }
        if (this.#pending)
            return PENDING;
        let m = this.#matchers.get(pattern);
        if (!m) {
            if (!noext)
                assertValidExtglobs(pattern);
            m = new Matcher(pattern, {
                nocase,
                noext,
                dot,
                normalize,
                ...(rangeMark && { rangeMark }),
            });
            this.#matchers.set(pattern, m);
        }
        return m;
    }
    #slashSplit(p) {
        // if p starts with // on windows, we preserve that
        // so that UNC paths aren't broken.  Otherwise, any number of
        // / characters are coalesced into one, unless
        // preserveMultipleSlashes is set to true.
        if (this.preserveMultipleSlashes) {
            return p.split('/');
        }
        else if (this.isWindows && /^\/\/[^/]+/.test(p)) {
            // add an extra '' for the one we lose
            return ['', ...p.split(/\/+/)];
        }
        else {
            return p.split(/\/+/);
        }
    }
    match(f, partial = this.partial) {
        // short-circuit in the case of busted things.
        // comments, etc.
        if (this.comment) {
            return false;
        }
        if (this.empty) {
            return f === '';
        }
        if (f === '/' && partial) {
            return true;
        }
        const options = this.options;
        // treat the test path as a set of pathparts. If it was not just
        // split or checked, check that it can match before splitting it.
        let split = this.#cachedSplit(f);
        if (!split) {
            // the checks look at the path as given, so not if it is
            // normalized
            if (!partial &&
                !this.#form &&
                (this.#endCheck || this.#literalCheck) &&
                lastChecked !== f) {
                lastChecked = f;
                const can = this.#canMatch(f);
                if (can === 'no')
                    return options.flipNegate ? false : this.negate;
                if (can === 'yes')
                    return options.flipNegate ? true : !this.negate;
            }
            split = this.#split(f);
        }
        const ff = split.parts;
        // the parts after level 2 resolves them, kept for the next pattern
        // that tests the same path
        const resolved = this.#level2 ?
            (split.resolved ??= this.#levelTwoFileOptimize(ff))
            : ff;
        // just ONE of the pattern sets in this.set needs to match
        // in order for it to be valid.  If negating, then just one
        // match means that we have failed.
        // Either way, return on the first hit.
        const set = this.set;
        // Find the basename of the path by looking for the last non-empty segment
        let filename = ff[ff.length - 1];
        if (!filename) {
            for (let i = ff.length - 2; !filename && i >= 0; i--) {
                filename = ff[i];
            }
        }
        for (let r = 0; r < set.length; r++) {
            const pattern = set[r];
            const shape = partial ? undefined : this.#shapes[r];
            // level 2 does not change a path of one portion
            const hit = shape === 'base' ?
                portionMatch(pattern[0], filename)
                : shape ? this.#matchShape(resolved, pattern, shape)
                    : options.matchBase && pattern.length === 1 ?
                        this.#matchRow([filename], [filename], pattern, partial)
                        : this.#matchRow(ff, resolved, pattern, partial);
            if (hit) {
                if (options.flipNegate) {
                    return true;
                }
                return !this.negate;
            }
        }
        // didn't get any hits.  this is success if it's a negative
        // pattern, failure otherwise.
        if (options.flipNegate) {
            return false;
        }
        return this.negate;
    }
    static defaults(def) {
        return minimatch.defaults(def).Minimatch;
    }
}
/* c8 ignore start */


/* c8 ignore stop */
minimatch.Minimatch = Minimatch;
minimatch.escape = escape_escape;
minimatch.unescape = unescape_unescape;
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./src/core/path-globs.ts
/**
 * The `exclude` input of guard: paths never scanned for markers.
 * Globs match the whole repository-relative path; a glob without a '/'
 * also matches a file name anywhere (`*.snap`), like .gitignore. Check names
 * use the other dialect: see docs/decisions.md, "Check-name globs are not path globs".
 */

/** Splits a newline-separated glob list, dropping blanks and `#` comments. */
function parseGlobList(text) {
    return text
        .split(/\r?\n/)
        .map((s) => s.trim())
        .filter((s) => s !== '' && !s.startsWith('#'));
}
/** Returns a predicate that is true for excluded paths. */
function excludeMatcher(globs) {
    if (globs.length === 0)
        return () => false;
    const tests = globs.map((g) => {
        const dirGlob = g.endsWith('/') ? `${g}**` : g;
        const options = { dot: true, nocomment: true, nonegate: true, matchBase: !dirGlob.includes('/') };
        return (path) => minimatch(path, dirGlob, options);
    });
    return (path) => tests.some((t) => t(path));
}

;// CONCATENATED MODULE: ./src/core/merge-policy.ts
/**
 * The merge-source allowlist of guard: an agent that merges `develop` into a
 * pull request aimed at `main` ships every commit of `develop` with it. Pure: parses
 * the policy file, turns it into branch patterns, and decides which refs are
 * allowed sources. The shell reads the file from the BASE commit and asks git
 * about reachability.
 */

const KEYS = ['feature', 'base', 'allowed'];
/** Parses and validates the policy file text; throws an Error naming the file and what to fix. */
function parseMergePolicy(text, source) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (e) {
        throw new Error(`policy file '${source}' is not valid JSON (${e.message}): fix it on the base branch`, { cause: e });
    }
    const fix = `expected {"feature": "feature/<name>", "base": "main", "allowed": ["develop", "release/*"]}`;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
        throw new Error(`policy file '${source}' must hold a JSON object: ${fix}`);
    }
    const record = data;
    const unknown = Object.keys(record).filter((k) => !KEYS.includes(k));
    if (unknown.length > 0) {
        throw new Error(`policy file '${source}' has unknown key(s) ${unknown.map((k) => `'${k}'`).join(', ')}: ${fix}`);
    }
    const text1 = (key) => {
        const v = record[key];
        if (v === undefined || v === null)
            return null;
        if (typeof v !== 'string' || v.trim() === '') {
            throw new Error(`policy file '${source}': '${key}' must be a non-empty branch name or glob, got ${JSON.stringify(v)}`);
        }
        return v.trim();
    };
    const allowedRaw = record.allowed ?? [];
    if (!Array.isArray(allowedRaw) || allowedRaw.some((a) => typeof a !== 'string' || a.trim() === '')) {
        throw new Error(`policy file '${source}': 'allowed' must be an array of branch names or globs, got ${JSON.stringify(allowedRaw)}`);
    }
    return Object.freeze({
        feature: text1('feature'),
        base: text1('base'),
        allowed: Object.freeze(allowedRaw.map((a) => a.trim()))
    });
}
/** Splits the `allowed-sources` input (newlines or commas) into patterns. */
function parseSourceList(text) {
    return text
        .split(/[\n,]/)
        .map((s) => s.trim())
        .filter((s) => s !== '' && !s.startsWith('#'));
}
/**
 * Branch patterns that count as allowed sources. A `<placeholder>` in the
 * feature pattern ("feature/<task-id>") is a wildcard; when the branch under
 * test is known and fits it, only that branch counts, so a sibling feature
 * branch is not a free pass.
 */
function sourcePatterns(policy, inline, headBranch) {
    const patterns = [];
    if (policy?.feature) {
        const glob = policy.feature.replace(/<[^<>/]*>/g, '*');
        patterns.push(headBranch !== null && branchMatches(headBranch, glob) ? headBranch : glob);
    }
    if (policy?.base)
        patterns.push(policy.base);
    patterns.push(...(policy?.allowed ?? []), ...inline);
    return [...new Set(patterns)];
}
/** True when a branch name (`release/x`) fits a pattern (`release/*`; `*` stays within one path segment). */
function branchMatches(branch, pattern) {
    return branch === pattern || minimatch(branch, pattern, { dot: true, nocomment: true, nonegate: true });
}
/**
 * The branch name of a full ref: `refs/heads/x` -> `x`,
 * `refs/remotes/<remote>/x` -> `x` (remote names given), anything else null.
 */
function branchOfRef(ref, remotes) {
    if (ref.startsWith('refs/heads/'))
        return ref.slice('refs/heads/'.length);
    if (!ref.startsWith('refs/remotes/'))
        return null;
    const rest = ref.slice('refs/remotes/'.length);
    // Longest remote name first: a remote may itself contain '/'.
    const remote = [...remotes].sort((a, b) => b.length - a.length).find((r) => rest.startsWith(`${r}/`));
    if (remote === undefined)
        return null; // e.g. refs/remotes/pull/1/merge made by actions/checkout
    const branch = rest.slice(remote.length + 1);
    return branch === 'HEAD' || branch === '' ? null : branch;
}
/**
 * The refs whose history counts as allowed: branch refs fitting a pattern,
 * minus every ref that contains the head under test (the head itself would
 * allow everything it merged).
 */
function allowedTips(refs, patterns, containsHead, remotes) {
    const tips = [];
    const used = new Set();
    for (const r of refs) {
        const branch = branchOfRef(r.ref, remotes);
        if (branch === null)
            continue;
        const hits = patterns.filter((p) => branchMatches(branch, p));
        if (hits.length === 0)
            continue;
        for (const h of hits)
            used.add(h);
        if (!containsHead.has(r.ref))
            tips.push(r);
    }
    return { tips, unmatched: patterns.filter((p) => !used.has(p)) };
}

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = require("node:os");
// EXTERNAL MODULE: ./src/core/inputs.ts
var inputs = __nccwpck_require__(9114);
;// CONCATENATED MODULE: ./src/guard/options.ts
/**
 * What guard is asked to check, as the action's inputs and the CLI's flags
 * both spell it, and the parsers they share. No @actions import: the CLI
 * loads this without the Actions toolkit.
 */


/** Packed objects smaller than this on average (bytes) search faster on one thread than on several. */
const SMALL_OBJECT_BYTES = 300;
/**
 * git grep's threads on `cores` cores for a repository whose objects take
 * `averageObjectBytes` each (null: unknown): one thread on one core or for
 * small objects (lookups behind git's object lock dominate), git's default
 * (one per core) for larger ones; unknown sizes keep one thread up to 2 cores.
 */
function defaultGrepThreads(cores = (0,external_node_os_namespaceObject.availableParallelism)(), averageObjectBytes = null) {
    if (cores <= 1)
        return 1;
    if (averageObjectBytes === null)
        return cores <= 2 ? 1 : null;
    return averageObjectBytes < SMALL_OBJECT_BYTES ? 1 : null;
}
const DEFAULT_LIMITS = Object.freeze({ maxKeptLines: 1_000_000, grepThreads: 'adaptive' });
const DEFAULT_POLICY_FILE = '.github/purple-policy.json';
/** Parses 'scope' ('' is its default); `label` is the input's name where it was read. */
function parseScope(value, label = 'scope') {
    const v = value.trim() || 'changed';
    if (v === 'changed' || v === 'tree')
        return v;
    throw (0,inputs/* inputError */.Xu)(label, value, "expected 'changed' (lines added in base..head) or 'tree' (the whole tree at head)");
}
/** Normalises the policy path to repository-relative form; refuses one that leaves the repository. */
function parsePolicyPath(value, label = 'policy-file') {
    const p = (value.trim() || DEFAULT_POLICY_FILE).replace(/^(\.\/)+/, '').replace(/^\/+/, '');
    if (p === '' || p.split('/').includes('..')) {
        throw (0,inputs/* inputError */.Xu)(label, value, `expected a path inside the repository such as '${DEFAULT_POLICY_FILE}'`);
    }
    return p;
}

// EXTERNAL MODULE: ./src/core/describe-error.ts
var describe_error = __nccwpck_require__(4505);
// EXTERNAL MODULE: ./src/core/escaping.ts
var escaping = __nccwpck_require__(811);
;// CONCATENATED MODULE: ./src/core/guard-verdict.ts
/**
 * What guard concluded, as plain data shared by the action, the CLI and the
 * pipeline. A guard that breaks must not stop every
 * pipeline (fail-safe), but a real finding always blocks.
 */
/** Decides the outcome: findings block even when part of the guard failed; an error alone blocks only without fail-safe. */
function decideVerdict(findings, error, failSafe) {
    if (findings.length > 0)
        return { result: 'blocked', blocks: true };
    if (error !== null)
        return { result: 'error', blocks: !failSafe };
    return { result: 'pass', blocks: false };
}
/** One line per finding, `path:line: message` for markers (what editors and terminals link). */
function formatFinding(f) {
    if (f.kind === 'conflict-marker')
        return `${f.path}:${f.line}: ${f.message}`;
    return `${f.commit}: ${f.message}`;
}

;// CONCATENATED MODULE: ./src/core/pre-push.ts
/**
 * git's pre-push hook input (githooks(5)): one line per pushed ref,
 * `<local ref> SP <local oid> SP <remote ref> SP <remote oid> LF`. Pure
 * parsing; the CLI decides the ranges with git.
 */
const OID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const ZERO = /^0+$/;
/** Parses the hook's stdin; throws on a line that is not four fields with object ids (SHA-1 or SHA-256). */
function parsePrePushInput(text) {
    const updates = [];
    for (const raw of text.split('\n')) {
        const line = raw.replace(/\r$/, '');
        if (line.trim() === '')
            continue;
        const fields = line.split(' ');
        if (fields.length !== 4 || !OID.test(fields[1]) || !OID.test(fields[3])) {
            throw new Error(`unexpected pre-push input line '${line}': expected '<local ref> <local oid> <remote ref> <remote oid>'`);
        }
        const [localRef, localOid, remoteRef, remoteOid] = fields;
        if (ZERO.test(localOid))
            updates.push({ kind: 'delete', remoteRef });
        else if (ZERO.test(remoteOid))
            updates.push({ kind: 'create', localRef, localOid, remoteRef });
        else
            updates.push({ kind: 'update', localRef, localOid, remoteRef, remoteOid });
    }
    return updates;
}
/** `refs/heads/x` -> `x`; other refs (tags, notes) have no branch name. */
function branchOfPushedRef(ref) {
    return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : null;
}

// EXTERNAL MODULE: ./src/git/git.ts
var git_git = __nccwpck_require__(308);
// EXTERNAL MODULE: ./src/git/revisions.ts
var revisions = __nccwpck_require__(1638);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
;// CONCATENATED MODULE: ./src/git/line-stream.ts
/**
 * Splits streamed git output into lines without ever holding more than one
 * line (cut at a fixed length) in memory. Lines come out as latin1 strings:
 * one character per byte, so paths that are not UTF-8 survive unchanged.
 * Each chunk is decoded once and its lines are slices of that string: a
 * decode per line cost more than the line's own work on a large diff. A slice
 * holds its whole chunk alive: what a consumer keeps goes through ownCopy
 * (src/core/own-copy.ts; markerPrefix does it for kept lines).
 */
/** Longest part of one line kept while splitting (longer lines are cut and end in NUL). */
const MAX_LINE_BYTES = 8192;
/** Returns a chunk consumer that calls `onLine` per LF-terminated line, and a `end()` for the last partial line. */
function lineSplitter(onLine, filter) {
    // A line whose start came in an earlier chunk: whether it is wanted, and its kept start.
    let open = false;
    let openWanted = true;
    let rest = '';
    let cut = false;
    const finishOpen = () => {
        if (!openWanted)
            filter.skipped();
        // A cut line ends in NUL, which no marker rule accepts (consumers then shorten it with markerPrefix).
        else
            onLine(cut ? `${rest}\u0000` : rest);
        open = false;
        rest = '';
        cut = false;
    };
    const extend = (piece) => {
        if (cut)
            return;
        const room = MAX_LINE_BYTES - rest.length;
        if (piece.length > room) {
            rest += piece.slice(0, room);
            cut = true;
        }
        else
            rest += piece;
    };
    return {
        push(chunk) {
            const text = chunk.toString('latin1');
            const n = text.length;
            let at = 0;
            if (open && n > 0) {
                const nl = text.indexOf('\n');
                if (openWanted)
                    extend(nl < 0 ? text : text.slice(0, nl));
                if (nl < 0)
                    return;
                finishOpen();
                at = nl + 1;
            }
            while (at < n) {
                const nl = text.indexOf('\n', at);
                const wanted = filter === undefined || filter.want(nl === at ? -1 : text.charCodeAt(at));
                if (nl < 0) {
                    open = true;
                    openWanted = wanted;
                    if (wanted)
                        extend(text.slice(at));
                    return;
                }
                if (!wanted)
                    filter.skipped();
                else if (nl - at <= MAX_LINE_BYTES)
                    onLine(text.slice(at, nl));
                else
                    onLine(`${text.slice(at, at + MAX_LINE_BYTES)}\u0000`);
                at = nl + 1;
            }
        },
        end() {
            if (open)
                finishOpen();
        }
    };
}

;// CONCATENATED MODULE: ./src/core/own-copy.ts
/**
 * Text that is kept, as a string of its own. The line splitter decodes each
 * chunk of git's output once and hands out slices of it; V8 keeps a slice's
 * whole parent string alive, so a few kept lines (or paths) from a huge diff
 * would hold most of its chunks in memory. Concatenating flattens the text
 * into a new string; the slice then refers to that copy, not to the chunk.
 */
function ownCopy(text) {
    return ` ${text}`.slice(1);
}

;// CONCATENATED MODULE: ./src/core/markers.ts
/**
 * Conflict markers by git's own rule: a half-resolved merge must not ship
 * literal `<<<<<<<` lines. Pure: the shell hands in lines and the path's
 * `conflict-marker-size`; nothing here reads git.
 *
 * git's rule (diff.c is_conflict_marker, rerere.c is_cmarker): a line that
 * starts at column 0 with exactly N copies of one of `<` `=` `>` `|`, then for
 * `<` and `>` a space, a tab or the end of the line, for `=` and `|` any
 * whitespace or the end of the line (a CR of a CRLF line is whitespace).
 */

/** git's default `conflict-marker-size`. */
const DEFAULT_MARKER_SIZE = 7;
const ASCII_SPACE = new Set([' ', '\t', '\n', '\v', '\f', '\r']);
function isMarkerChar(c) {
    return c === '<' || c === '=' || c === '>' || c === '|';
}
/** The marker character when `line` (without its LF) is a conflict marker of exactly `size`, else null. */
function markerOf(line, size = DEFAULT_MARKER_SIZE) {
    const c = line[0];
    if (!isMarkerChar(c) || line.length < size)
        return null;
    for (let i = 1; i < size; i++)
        if (line[i] !== c)
            return null;
    const next = line[size];
    if (next === undefined)
        return c;
    if (c === '<' || c === '>') {
        // "<<<<<<< ours": the label is separated by a space or a tab; "<<<<<<<\r" is a bare CRLF marker.
        if (next === ' ' || next === '\t')
            return c;
        return next === '\r' && line.length === size + 1 ? c : null;
    }
    return ASCII_SPACE.has(next) ? c : null;
}
/**
 * True for any line that could be a marker of some size: a run of one marker
 * character followed by whitespace or the end. The shell uses the same shape
 * as its `git grep` pattern (MARKER_CANDIDATE_ERE) before sizes are known.
 */
function isMarkerCandidate(line) {
    const c = line[0];
    if (!isMarkerChar(c))
        return false;
    let i = 1;
    while (line[i] === c)
        i++;
    const next = line[i];
    return next === undefined || ASCII_SPACE.has(next);
}
/** POSIX ERE for `git grep -E` matching every line isMarkerCandidate accepts. */
const MARKER_CANDIDATE_ERE = '^(<+|=+|>+|\\|+)([[:space:]]|$)';
/**
 * POSIX ERE matching every line the rules can look at when every path has
 * marker size `size`: angle runs of `size` or longer (hasAngleMarker) and
 * `=`/`|` runs of exactly `size`, each followed by whitespace or the end. A
 * docs tree's `> quote` lines and longer or shorter underlines do not match.
 */
function markerEreForSize(size) {
    return `^(<{${size},}|>{${size},}|={${size}}|\\|{${size}})([[:space:]]|$)`;
}
const ROLE = {
    '<': "start of a conflict, 'ours' side",
    '|': 'common ancestor section (diff3/zdiff3 style)',
    '=': 'separator between the two sides',
    '>': "end of a conflict, 'theirs' side"
};
/** Human message for one marker line. */
function markerMessage(marker, size) {
    return `conflict marker '${marker.repeat(size)}' (${ROLE[marker]}): resolve the conflict and commit the result`;
}
/**
 * True when any line is a `<` or `>` marker of `size` or longer. A conflict
 * written with longer angle markers (another tool, or attributes that were
 * never committed) may still carry 7-character `|||||||` and `=======` lines,
 * and git's own `diff --check` flags those: see docs/decisions.md, "A lone
 * ======= needs a partner marker".
 */
function hasAngleMarker(lines, size) {
    for (const l of lines) {
        const text = typeof l === 'string' ? l : l.text;
        const c = text[0];
        if (c !== '<' && c !== '>')
            continue;
        let run = 1;
        while (text[run] === c)
            run++;
        if (run >= size && markerOf(text, run) !== null)
            return true;
    }
    return false;
}
const isBlank = (text) => text !== undefined && /^[ \t\r]*$/.test(text);
/**
 * A `=======` that starts the file or follows a blank line and is followed by
 * a text line is what a conflict leaves when both angle lines were deleted:
 * a setext underline needs a text line above it. A reStructuredText title with
 * an overline (`=======` / Title / `=======`) and a transition (blank lines on
 * both sides) keep passing. See docs/decisions.md, "A lone ======= needs a partner marker".
 */
function isOrphanSeparator(line, textAt) {
    const before = line === 1 ? '' : textAt(line - 1);
    const after = textAt(line + 1);
    if (!isBlank(before) || after === undefined || isBlank(after))
        return false;
    const third = textAt(line + 2);
    return !(third !== undefined && /^=+[ \t\r]*$/.test(third));
}
/**
 * Marker findings of one file. `lines` are the lines under scan (every
 * candidate line of the file, or only the added ones); `fileHasAngleMarker`
 * says whether the whole file at the scanned commit has a `<`/`>` marker of
 * this size or longer. A lone `=======` or `|||||||` is a Markdown/reST
 * heading underline ("License\n=======") unless the file also has such a
 * marker or the `=======` stands where no underline can (isOrphanSeparator).
 */
function markerHits(lines, size, fileHasAngleMarker, textAt = () => undefined) {
    const hits = [];
    for (const l of lines) {
        const marker = markerOf(l.text, size);
        if (marker === null)
            continue;
        if (marker === '|' && !fileHasAngleMarker)
            continue;
        if (marker === '=' && !fileHasAngleMarker && !isOrphanSeparator(l.line, textAt))
            continue;
        hits.push({ line: l.line, marker, size, message: markerMessage(marker, size) });
    }
    return hits;
}
/**
 * Parses a `conflict-marker-size` attribute value as `git check-attr` prints
 * it ('unspecified', 'set', 'unset' or a value). Since git 2.48 a value that
 * is not a whole number (`3a`) gets a warning and the default, where older
 * git read the leading digits: Purple follows current git. See
 * docs/decisions.md, "conflict-marker-size is read as current git reads it".
 */
function parseMarkerSize(value) {
    return markerSizeProblem(value) === null && value !== undefined && /^\s*\+?\d+$/.test(value) ? Number(value.trim()) : DEFAULT_MARKER_SIZE;
}
/** Why a `conflict-marker-size` value is not used (git warns about it), or null for a usable or absent value. */
function markerSizeProblem(value) {
    if (value === undefined || value === 'unspecified' || value === 'set' || value === 'unset')
        return null;
    // strtol_i: optional leading whitespace and sign, then digits to the end.
    const m = /^\s*([+-]?\d+)$/.exec(value);
    if (m && Number(m[1]) > 0)
        return null;
    return `conflict-marker-size '${value}' is not a positive whole number: git uses ${DEFAULT_MARKER_SIZE}, and so does guard`;
}
/** Longest line kept whole; the marker rule never looks further than the run and two characters. */
const MAX_KEPT_LINE = 4096;
/**
 * A line as guard keeps it: whole up to MAX_KEPT_LINE characters, else only
 * the run of one character and the two characters after it, ended by a NUL
 * (which no marker rule accepts), so a 100 MB line costs a few bytes.
 * Marker sizes above MAX_KEPT_LINE - 2 are not supported.
 */
function markerPrefix(text) {
    return ownCopy(markerCut(text));
}
/** markerPrefix without the copy: for a reader that copies only what it ends up keeping. */
function markerCut(text) {
    if (text.length <= MAX_KEPT_LINE)
        return text;
    let run = 1;
    while (run < MAX_KEPT_LINE - 2 && text[run] === text[0])
        run++;
    return `${text.slice(0, run + 2)}\u0000`;
}

;// CONCATENATED MODULE: ./src/core/unified-diff.ts
/**
 * Reads the lines a unified diff adds (guard's `changed` scope). Pure: the
 * shell runs `git diff -U0 --full-index --src-prefix=a/ --dst-prefix=b/` with
 * quotePath on and feeds the output here one line at a time, so a diff of any
 * size is read in bounded memory. Paths are kept as bytes (a latin1 string,
 * one character per byte) so a name that is not UTF-8 can be handed back to git.
 */


/** Undoes git's C-style path quoting ("a\tb", "\303\251") into the path's bytes (a latin1 string). */
function unquoteGitPathBytes(text) {
    if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2)
        return text;
    const body = text.slice(1, -1);
    const simple = { a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r', '"': '"', '\\': '\\' };
    let out = '';
    for (let i = 0; i < body.length; i++) {
        const c = body[i];
        if (c !== '\\') {
            out += c;
            continue;
        }
        const next = body[i + 1] ?? '';
        if (/[0-7]/.test(next)) {
            out += String.fromCharCode(parseInt(body.slice(i + 1, i + 4), 8));
            i += 3;
        }
        else {
            out += simple[next] ?? next;
            i += 1;
        }
    }
    return out;
}
/** A path's bytes (latin1 string) as text for people: UTF-8, with U+FFFD where the bytes are not UTF-8. */
function displayPath(bytes) {
    return Buffer.from(bytes, 'latin1').toString('utf8');
}
const PLUS = 0x2b;
const MINUS = 0x2d;
const BACKSLASH = 0x5c;
const LT = 0x3c;
const EQ = 0x3d;
const GT = 0x3e;
const PIPE = 0x7c;
/** "index <old>..<new>[ <mode>]": the new blob id, and the mode when it is there. */
const INDEX_LINE = /^index [0-9a-f]+\.\.([0-9a-f]+)(?: ([0-9]+))?/;
/**
 * A file's own copies of what it keeps: while it is read, its path, blob id and lines are slices of git's
 * decoded output (see src/core/own-copy.ts), copied only once the file is kept, so a dropped file copies nothing.
 */
function ownFile(file) {
    const known = new Map();
    for (const [n, text] of file.known)
        known.set(n, ownCopy(text));
    return {
        path: ownCopy(file.path),
        newOid: file.newOid === null ? null : ownCopy(file.newOid),
        symlink: file.symlink,
        lines: file.lines.map((l) => ({ line: l.line, text: ownCopy(l.text) })),
        known,
        whole: file.whole
    };
}
/**
 * A line-at-a-time reader of a `-U0`-style diff that keeps the added lines
 * `keep` accepts (cut as markerPrefix cuts them); `keep` is asked only about lines that
 * start with `<`, `=`, `>` or `|` (no other line can be a marker). Hunk bodies are consumed by their
 * counts, so an added line that reads "+++ x" is content, never a header.
 */
class AddedLineReader {
    keep;
    dstPrefix;
    maxKept;
    retain;
    files = [];
    file = null;
    mode = null;
    /** The new blob named by the current file's `index` line, until its `+++` header arrives. */
    pendingOid = null;
    /** The current file's `---` header named /dev/null: a new file. */
    fromNothing = false;
    hunk = null;
    kept = 0;
    /** True once more lines were accepted than `maxKept`; the rest were counted, not kept. */
    overflowed = false;
    /**
     * `retain` says whether a finished file with kept lines is still wanted (asked only while nothing overflowed);
     * the file it is shown still holds slices of git's decoded output, so it copies (ownCopy) whatever it keeps.
     */
    constructor(keep, dstPrefix = 'b/', maxKept = Number.POSITIVE_INFINITY, retain = () => true) {
        this.keep = keep;
        this.dstPrefix = dstPrefix;
        this.maxKept = maxKept;
        this.retain = retain;
    }
    /** Starts a file whose header the caller read itself (a diff of two blobs names no path). */
    startFile(path, newOid) {
        this.file = { path, newOid, symlink: false, lines: [], known: new Map(), whole: false };
        this.files.push(this.file);
    }
    /** Feeds one line of the diff (without its LF). */
    line(line) {
        if (this.hunk !== null && (this.hunk.oldLeft > 0 || this.hunk.newLeft > 0))
            return this.body(line);
        this.hunk = null;
        // Headers are told apart by their first character first: a large diff has several per file.
        const first = line.charCodeAt(0);
        if (first === 0x64 /* d */ && line.startsWith('diff --git ')) {
            this.endFile();
            this.file = null;
            this.mode = null;
            this.pendingOid = null;
            this.fromNothing = false;
        }
        else if (first === 0x6e /* n */ && line.startsWith('new file mode ')) {
            this.mode = line.slice('new file mode '.length);
        }
        else if (first === 0x69 /* i */ && line.startsWith('index ')) {
            this.indexLine(line);
        }
        else if (first === MINUS && line === '--- /dev/null') {
            this.fromNothing = true;
        }
        else if (first === PLUS && line.startsWith('+++ ')) {
            const path = this.newPath(line);
            const symlink = this.mode === '120000';
            this.file = path === null ? null : { path, newOid: this.pendingOid, symlink, lines: [], known: new Map(), whole: this.fromNothing };
            if (this.file)
                this.files.push(this.file);
        }
        else if (first === 0x40 /* @ */) {
            const h = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
            if (h) {
                this.hunk = { oldLeft: h[1] === undefined ? 1 : Number(h[1]), newLeft: h[3] === undefined ? 1 : Number(h[3]), lineNo: Number(h[2]), previous: null, below: 0 };
            }
        }
    }
    /** "index <old>..<new>[ <mode>]" (the mode is there when it did not change): the new blob, and the mode. */
    indexLine(line) {
        const m = INDEX_LINE.exec(line);
        if (m === null)
            return;
        this.pendingOid = m[1];
        if (m[2] !== undefined)
            this.mode = m[2];
    }
    body(line) {
        const hunk = this.hunk;
        const tag = line.charCodeAt(0);
        if (tag === BACKSLASH)
            return; // "\ No newline at end of file"
        if (tag === MINUS) {
            hunk.oldLeft--;
            return;
        }
        if (tag === PLUS) {
            if (this.file !== null && !this.file.symlink)
                this.added(this.file, hunk, line);
            hunk.previous = line;
            hunk.newLeft--;
        }
        else {
            hunk.oldLeft--;
            hunk.newLeft--;
            hunk.previous = null;
            hunk.below = 0;
        }
        hunk.lineNo++;
    }
    /**
     * Keeps an added line (`line` still carries its `+`) that `keep` accepts, and the added lines around it that the
     * rules may look at. Only a line starting with a marker character is offered to `keep`: most added lines of a
     * large diff are then never sliced.
     */
    added(file, hunk, line) {
        if (!this.accepts(line)) {
            if (hunk.below > 0) {
                file.known.set(hunk.lineNo, markerCut(line.slice(1)));
                hunk.below--;
            }
            return;
        }
        if (this.kept >= this.maxKept) {
            this.overflowed = true;
            this.kept++;
            return;
        }
        this.kept++;
        const kept = markerCut(line.slice(1));
        file.lines.push({ line: hunk.lineNo, text: kept });
        if (hunk.previous !== null && !this.accepts(hunk.previous))
            file.known.set(hunk.lineNo - 1, markerCut(hunk.previous.slice(1)));
        hunk.below = kept[0] === '=' ? 2 : Math.max(0, hunk.below - 1);
    }
    /** Whether `keep` accepts an added line (with its `+`); a line not starting with a marker character never is. */
    accepts(line) {
        const c = line.charCodeAt(1);
        return (c === LT || c === EQ || c === GT || c === PIPE) && this.keep(line.slice(1));
    }
    /** Path bytes from a `+++ b/<path>` header, or null for `/dev/null`. */
    newPath(header) {
        let name = header.slice(4);
        if (name === '/dev/null')
            return null;
        // git appends a TAB after a name that contains a space (diff.c), so patch(1) can find its end.
        if (name.endsWith('\t'))
            name = name.slice(0, -1);
        name = unquoteGitPathBytes(name);
        return name.startsWith(this.dstPrefix) ? name.slice(this.dstPrefix.length) : name;
    }
    /**
     * Drops the file just read when nothing of it will be used: kept until the end of a diff of thousands of
     * files, each would survive young-generation collections and be copied by every one of them.
     */
    endFile() {
        const file = this.file;
        if (file === null || file !== this.files[this.files.length - 1])
            return;
        if (file.symlink || file.lines.length === 0 || (!this.overflowed && !this.retain(file)))
            this.files.pop();
        else
            this.files[this.files.length - 1] = ownFile(file);
    }
    /** The files read so far that have kept lines and are retained, symlinks left out. */
    result() {
        this.endFile();
        this.file = null;
        return this.files.filter((f) => !f.symlink && f.lines.length > 0);
    }
}

;// CONCATENATED MODULE: ./src/git/marker-scan.ts
/**
 * Reads what guard's marker layer needs from committed objects only (never
 * the working tree: what is committed is what ships): candidate lines of a
 * tree with their neighbours (`git grep` on a commit), lines added by a range
 * (`git diff`, streamed), blobs by object id (`git cat-file --batch`), and
 * each path's `conflict-marker-size` attribute at the scanned commit. Paths
 * travel as bytes (latin1 strings) and reach git through stdin, never argv.
 */








/**
 * Lines of the tree at `commit` matching an ERE, each with the line before it
 * (`-B1`), per path, streamed. The line before tells a Markdown heading
 * underline ("Title" then "=======") from a separator left alone after a
 * blank line, so the files of a docs-heavy tree need not be read again; the
 * few that still need their following lines are read afterwards (readBlobLines).
 * Binary blobs and symlinks are skipped by git grep. Exit 1 is "no match";
 * anything else, 128 included, is an error, never "clean". A blob git cannot
 * read is reported by name (git grep says so on stderr and carries on).
 */
async function grepTree(git, commit, ere, threads, keep, worthKeeping = () => true) {
    try {
        return await grepWholeTree(git, commit, ere, threads, keep, worthKeeping);
    }
    catch (e) {
        // A corrupt object ends git grep (exit 128) before it reaches the other files: read them one by one instead.
        if (!(e instanceof git_git/* GitCommandError */.i) || e.exitCode !== 128)
            throw e;
        return await scanTreeFileByFile(git, commit, keep);
    }
}
/** The degraded tree scan: every blob of the tree through `cat-file --batch`, binary files and symlinks skipped as git grep skips them. */
async function scanTreeFileByFile(git, commit, keep) {
    const listing = await git.run(['ls-tree', '-r', '-z', '--full-tree', '--end-of-options', commit], { encoding: 'latin1' });
    const blobs = listing.stdout
        .split('\0')
        .filter(Boolean)
        .map((entry) => {
        const tab = entry.indexOf('\t');
        const [mode, type, oid] = entry.slice(0, tab).split(' ');
        return { mode, type, oid: oid, path: entry.slice(tab + 1) };
    })
        .filter((b) => b.type === 'blob' && b.mode !== '120000');
    const files = new Map();
    const binary = new Set();
    let offset = 0;
    const unreadable = await readBlobLines(git, blobs.map((b) => b.oid), (index, line, text) => {
        if (line === 1)
            offset = 0;
        // git's binary test: a NUL in the first 8,000 bytes.
        const nul = text.indexOf('\0');
        if (nul >= 0 && offset + nul < 8000 && !(nul === text.length - 1 && text.length > 8192))
            binary.add(index);
        offset += text.length + 1;
        if (!keep(text))
            return;
        const path = blobs[index].path;
        const file = files.get(path) ?? { lines: [], known: new Map() };
        file.lines.push({ line, text: markerPrefix(text) });
        files.set(path, file);
    });
    for (const i of binary)
        files.delete(blobs[i].path);
    return { files, unreadable: unreadable.map((i) => displayPath(blobs[i].path)) };
}
async function grepWholeTree(git, commit, ere, threads, keep, worthKeeping) {
    const files = new Map();
    const prefix = `${commit}:`;
    let file = null;
    let path = '';
    // A file is judged as soon as its lines are all in: the many that cannot matter are not kept (nor collected later).
    const done = () => {
        if (file !== null && worthKeeping(file))
            files.set(path, file);
    };
    // With --heading git prints "<commit>:<path>" once above a file's lines ("<number>\0<text>"), and "--" between
    // groups: a line without a NUL is a separator or a piece of a heading (a path with a newline comes in pieces).
    let pieces = [];
    const split = lineSplitter((line) => {
        const nul = line.indexOf('\0');
        if (nul < 0)
            return void pieces.push(line);
        if (pieces.length > 0) {
            // The heading starts at the first piece naming the commit ("--" never does); later pieces are the path's.
            const start = pieces.findIndex((p) => p.startsWith(prefix));
            if (start >= 0) {
                done();
                path = ownCopy(pieces.slice(start).join('\n').slice(prefix.length));
                file = { lines: [], known: new Map() };
            }
            pieces = [];
        }
        if (file === null)
            throw new Error(`unexpected 'git grep' output before any file name: '${line.slice(0, 80)}'`);
        const number = Number(line.slice(0, nul));
        const text = markerPrefix(line.slice(nul + 1));
        if (keep(text))
            file.lines.push({ line: number, text });
        else
            file.known.set(number, text);
    });
    // `commit` is a resolved full oid: git 2.39 rejects `--end-of-options` before grep's revisions.
    const threadArgs = threads === null ? [] : ['--threads', String(threads)];
    const args = ['grep', '--no-color', '--no-column', '--heading', ...threadArgs, '-I', '-n', '-z', '-B1', '-E', '-e', ere, commit, '--'];
    const r = await git.stream(args, { okExitCodes: [0, 1], onData: split.push });
    split.end();
    done();
    return { files, unreadable: unreadableFromStderr(r.stderr, prefix).map((name) => displayPath(name)) };
}
/** Names from git's "error: '<commit>:<path>': unable to read <oid>" lines. */
function unreadableFromStderr(stderr, prefix) {
    const names = new Set();
    for (const m of stderr.matchAll(/^error: '(.*)': unable to read [0-9a-f]+$/gm)) {
        const name = m[1];
        names.add(name.startsWith(prefix) ? name.slice(prefix.length) : name);
    }
    return [...names];
}
/**
 * Lines added from `from` to `to` that `keep` accepts (`keepEre` is the same
 * test as a POSIX ERE, for git's -G), streamed. Renames are
 * followed so a moved file is not "all added"; binary files show no lines.
 * When git cannot produce the whole diff (an unreadable blob), each changed
 * file is read on its own, and the ones that fail are reported by name.
 *
 * With `mergeBase`, the diff starts from the merge base of `from` and `to`
 * (`from...to`, as a pull request shows it) without waiting for it: git finds
 * it inside the diff, and `mergeBase` is called only when that diff fails
 * (no merge base: the whole of from..to; else file by file from it).
 */
async function addedLinesBetween(git, from, to, keep, keepEre, maxKept, mergeBase = null, retain = () => true) {
    const reader = new AddedLineReader(keep, 'b/', maxKept, retain);
    const split = lineSplitter((line) => reader.line(line));
    const revisions = mergeBase === null ? [from, to] : [`${from}...${to}`];
    const diff = git.stream([
        '-c',
        'core.quotePath=true',
        'diff',
        '-U0',
        '--full-index',
        '--no-color',
        '--no-ext-diff',
        '--no-textconv',
        '--no-relative',
        '--find-renames',
        // Only files with an added or removed line `keep` could accept are printed: git skips the rest.
        `-G${keepEre}`,
        '--src-prefix=a/',
        '--dst-prefix=b/',
        '--end-of-options',
        ...revisions,
        '--'
    ], { onData: split.push });
    try {
        await diff;
        split.end();
        return { files: reader.result(), unreadable: [], overflowed: reader.overflowed, degraded: null, from: mergeBase === null ? from : null };
    }
    catch (e) {
        if (!(e instanceof git_git/* GitCommandError */.i))
            throw e;
        if (mergeBase !== null) {
            // No merge base (git refuses `a...b` then): the whole of `from`..`to`.
            const start = await mergeBase();
            if (start === null)
                return await addedLinesBetween(git, from, to, keep, keepEre, maxKept, null, retain);
            return await addedLinesFileByFile(git, start, to, keep, maxKept, retain, e);
        }
        return await addedLinesFileByFile(git, from, to, keep, maxKept, retain, e);
    }
}
/** The degraded path: one diff per changed file (by blob ids, so no path is ever an argument). */
async function addedLinesFileByFile(git, from, to, keep, maxKept, retain, cause) {
    const raw = await git.run(['diff', '--raw', '-z', '--no-abbrev', '--no-renames', '--end-of-options', from, to, '--'], {
        encoding: 'latin1'
    });
    const fields = raw.stdout.split('\0');
    const files = [];
    const unreadable = [];
    let overflowed = false;
    for (let i = 0; i + 1 < fields.length; i += 2) {
        const [, , newMode, oldOid, newOid, status] = /^:(\d+) (\d+) ([0-9a-f]+) ([0-9a-f]+) (\w)/.exec(fields[i]) ?? [];
        const path = fields[i + 1];
        if (status === undefined || status === 'D' || newMode === '120000' || newMode === '160000')
            continue;
        const reader = new AddedLineReader(keep, 'b/', maxKept, retain);
        reader.startFile(path, newOid);
        try {
            if (status === 'A' || /^0+$/.test(oldOid)) {
                const split = lineSplitter((line) => reader.line(`+${line}`));
                reader.line(`@@ -0,0 +1,${Number.MAX_SAFE_INTEGER} @@`);
                await git.stream(['cat-file', 'blob', newOid], { onData: split.push });
                split.end();
            }
            else {
                let inBody = false;
                const split = lineSplitter((line) => {
                    inBody ||= line.startsWith('@@');
                    if (inBody)
                        reader.line(line);
                });
                await git.stream(['diff', '-U0', '--no-color', '--no-ext-diff', '--no-textconv', oldOid, newOid], { onData: split.push });
                split.end();
            }
            files.push(...reader.result());
            overflowed ||= reader.overflowed;
        }
        catch (e) {
            if (!(e instanceof git_git/* GitCommandError */.i))
                throw e;
            unreadable.push(displayPath(path));
        }
    }
    const degraded = `the diff of the whole range failed (${cause.message}); read each changed file on its own, renames not followed`;
    return { files, unreadable, overflowed, degraded, from };
}
/**
 * Streams blobs (`git cat-file --batch -z`; each spec an object id or
 * `<commit>:<path bytes>`) and hands each line to `onLine(index, lineNumber,
 * text)`, or only the lines `want` accepts by their first byte (-1: empty). A blob git cannot read ends that git process: it is reported by
 * index and the rest are read by a new one.
 */
async function readBlobLines(git, oids, onLine, want = null) {
    const unreadable = [];
    let next = 0;
    while (next < oids.length) {
        const start = next;
        let answered = start;
        let left = -1; // bytes of the current blob still to come; -1 = expecting a header
        let lineNo = 0;
        let header = '';
        // Lines `want` refuses are counted, never decoded: most lines of a blob are neither a neighbour nor a candidate.
        const filter = want && { want: (first) => want(answered, lineNo + 1, first), skipped: () => void lineNo++ };
        const split = lineSplitter((text) => onLine(answered, ++lineNo, text), filter ?? undefined);
        const onData = (chunk) => {
            let at = 0;
            while (at < chunk.length) {
                if (left === -2) {
                    // The LF git prints after each blob's content.
                    at++;
                    left = -1;
                    answered++;
                    continue;
                }
                if (left < 0) {
                    const nl = chunk.indexOf(10, at);
                    if (nl < 0) {
                        header += chunk.subarray(at).toString('latin1');
                        return;
                    }
                    header += chunk.subarray(at, nl).toString('latin1');
                    at = nl + 1;
                    const m = /^[0-9a-f]+ blob (\d+)$/.exec(header);
                    header = '';
                    if (m) {
                        left = Number(m[1]);
                        lineNo = 0;
                    }
                    else {
                        unreadable.push(answered++);
                    }
                    continue;
                }
                const take = Math.min(left, chunk.length - at);
                split.push(chunk.subarray(at, at + take));
                left -= take;
                at += take;
                if (left === 0) {
                    split.end();
                    left = -2;
                }
            }
        };
        try {
            // --buffer: one write per buffer-full, not one per blob (a flush per blob is a process round trip each).
            await git.stream(['cat-file', '--batch', '--buffer', '-z'], { input: Buffer.from(oids.slice(start).map((o) => `${o}\0`).join(''), 'latin1'), onData });
            next = oids.length;
        }
        catch (e) {
            if (!(e instanceof git_git/* GitCommandError */.i))
                throw e;
            // The blob being read when git stopped is the unreadable one.
            unreadable.push(answered);
            next = answered + 1;
        }
    }
    return unreadable;
}
/** Up to this many files, `<commit>:<path>` specs are cheaper than listing the tree once. */
const PATH_SPECS_UP_TO = 100;
/**
 * What `readBlobLines` should read for each path (bytes) of the tree at
 * `commit`: its blob id. git resolves a `<commit>:<path>` spec by walking the
 * trees again for every one (40,000 specs took 2.7 s of CPU where their blob
 * ids took 0.12), so beyond a few files the tree is listed once
 * (`ls-tree -r`, streamed) and the ids taken from it.
 */
async function blobSpecsAt(git, commit, paths) {
    if (paths.length <= PATH_SPECS_UP_TO)
        return paths.map((p) => `${commit}:${p}`);
    const wanted = new Set(paths);
    const oids = new Map();
    let rest = '';
    const entry = (e) => {
        // "<mode> <type> <oid>\t<path>"
        const tab = e.indexOf('\t');
        const path = e.slice(tab + 1);
        if (wanted.has(path))
            oids.set(path, e.slice(e.lastIndexOf(' ', tab) + 1, tab));
    };
    await git.stream(['ls-tree', '-r', '-z', '--full-tree', '--end-of-options', commit], {
        onData: (chunk) => {
            const parts = (rest + chunk.toString('latin1')).split('\0');
            rest = parts.pop();
            parts.forEach(entry);
        }
    });
    if (rest !== '')
        entry(rest);
    // A path the listing did not name (it should not happen) is still read by its spec.
    return paths.map((p) => oids.get(p) ?? `${commit}:${p}`);
}
/**
 * The `conflict-marker-size` attribute of each path (bytes) as it is at
 * `commit`. `git check-attr --source` needs git 2.40; on 2.39 the attributes
 * of a commit are read from a temporary index holding that commit's
 * `.gitattributes` files (`update-index --index-info`, then `check-attr
 * --cached`), which works on every git version. Only the attribute files go
 * in: a `read-tree` of an 80,000-file tree took 450 ms, this takes about 40.
 */
async function markerSizeAttributes(git, commit, paths, listing = attributeFilesAt(git, commit)) {
    const values = new Map();
    const attributeFiles = (await listing).entries;
    if (paths.length === 0)
        return values;
    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_namespaceObject.tmpdir)(), 'purple-attr-'));
    const env = { GIT_INDEX_FILE: (0,external_node_path_.join)(dir, 'index') };
    try {
        if (attributeFiles.length > 0) {
            // ls-tree's "<mode> blob <oid>\t<path>" is a line update-index --index-info accepts as is.
            await git.run(['update-index', '-z', '--index-info'], { env, input: Buffer.from(attributeFiles.map((e) => `${e}\0`).join(''), 'latin1') });
        }
        const r = await git.run(['check-attr', '--cached', '-z', '--stdin', 'conflict-marker-size'], {
            env,
            encoding: 'latin1',
            input: Buffer.from(paths.map((p) => `${p}\0`).join(''), 'latin1')
        });
        const fields = r.stdout.split('\0');
        for (let i = 0; i + 2 < fields.length; i += 3)
            values.set(fields[i], fields[i + 2]);
    }
    finally {
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    }
    return values;
}
const SIZE_ATTRIBUTE = 'conflict-marker-size';
/**
 * The `.gitattributes` files of the tree at `commit` (a caller may start this
 * early: it depends on nothing else). `git grep -l` with a glob pathspec walks
 * only trees and reads only those files (33 ms on an 80,000-file tree where
 * `ls-tree -r` took 370); their object ids and text come from one `cat-file
 * --batch`, paths through stdin.
 */
async function attributeFilesAt(git, commit) {
    const found = await git.run(['grep', '-l', '-z', '--no-color', '-e', '', commit, '--', ':(glob)**/.gitattributes', '.gitattributes'], {
        okExitCodes: [0, 1],
        encoding: 'latin1'
    });
    const specs = [...new Set(found.stdout.split('\0').filter(Boolean))];
    if (specs.length === 0)
        return { entries: [], namesSize: false };
    const prefix = `${commit}:`;
    const batch = await git.run(['cat-file', '--batch', '-z'], { input: Buffer.from(specs.map((s) => `${s}\0`).join(''), 'latin1'), encoding: 'latin1' });
    const entries = [];
    let namesSize = false;
    let at = 0;
    for (const spec of specs) {
        // "<oid> blob <size>\n<content>\n", or "<spec> missing\n".
        const nl = batch.stdout.indexOf('\n', at);
        if (nl < 0)
            break;
        const m = /^([0-9a-f]+) blob (\d+)$/.exec(batch.stdout.slice(at, nl));
        at = nl + 1;
        if (!m)
            continue;
        const text = batch.stdout.slice(at, at + Number(m[2]));
        at += Number(m[2]) + 1;
        namesSize ||= text.includes(SIZE_ATTRIBUTE);
        if (spec.startsWith(prefix))
            entries.push(`100644 ${m[1]}\t${spec.slice(prefix.length)}`);
    }
    return { entries, namesSize };
}
/**
 * True unless every attribute file git reads besides the tree's own is known
 * not to name `conflict-marker-size`: `$GIT_DIR/info/attributes`, the global
 * file (core.attributesFile, else the XDG one) and the system file
 * (as git 2.42+ names it, and `<prefix>/etc/gitattributes`, `/etc/gitattributes`
 * when the prefix is /usr). A file that does not exist names nothing; a location that cannot be
 * worked out counts as naming it (the scan then covers every size).
 */
async function sizeNamedOutsideTree(git, env = process.env) {
    // The info file's path is known when the repository was opened: one process fewer.
    const [info, configured, execPath, system] = await Promise.all([
        git.facts?.infoAttributes ?? git.run(['rev-parse', '--git-path', 'info/attributes']).then((r) => r.stdout.trim()),
        git.run(['config', '--type=path', '--get', 'core.attributesFile'], { okExitCodes: [0, 1] }),
        git.run(['--exec-path']),
        // git 2.42 and later name their system file; older ones answer with usage (129).
        git.run(['var', 'GIT_ATTR_SYSTEM'], { okExitCodes: [0, 1, 128, 129] })
    ]);
    const exec = execPath.stdout.trim().replace(/\\/g, '/');
    const prefix = /^(.*)\/(?:libexec|lib)\/git-core$/.exec(exec)?.[1];
    if (prefix === undefined)
        return true;
    const xdg = env.XDG_CONFIG_HOME ? (0,external_node_path_.join)(env.XDG_CONFIG_HOME, 'git') : env.HOME ? (0,external_node_path_.join)(env.HOME, '.config', 'git') : null;
    const global = configured.stdout.trim() || (xdg === null ? null : (0,external_node_path_.join)(xdg, 'attributes'));
    // Windows builds keep etc/ beside the prefix's parent (mingw64/..): read both.
    const named = system.exitCode === 0 && system.stdout.trim() !== '' ? system.stdout.trim() : null;
    const files = [info, global, named, `${prefix}/etc/gitattributes`, `${(0,external_node_path_.dirname)(prefix)}/etc/gitattributes`, '/etc/gitattributes'];
    return files.some((file) => file !== null && mayNameSize((0,external_node_path_.resolve)(git.cwd, file)));
}
/** False only for a file that does not exist or never names the attribute; one that cannot be read may. */
function mayNameSize(file) {
    try {
        return (0,external_node_fs_.readFileSync)(file, 'latin1').includes(SIZE_ATTRIBUTE);
    }
    catch (e) {
        const code = e.code;
        return code !== 'ENOENT' && code !== 'ENOTDIR';
    }
}
/** The average size of the repository's objects as stored (bytes, packed and loose together), or null when it has none. */
async function averageObjectBytes(git) {
    const r = await git.run(['count-objects', '-v']);
    const field = (name) => Number(new RegExp(`^${name}: (\\d+)$`, 'm').exec(r.stdout)?.[1] ?? 0);
    const objects = field('count') + field('in-pack');
    return objects > 0 ? ((field('size') + field('size-pack')) * 1024) / objects : null;
}

;// CONCATENATED MODULE: ./src/git/merges.ts
/** Merge commits reachable from `head` and not from `base`, with their parents (one call). */
async function mergesInRange(git, base, head) {
    const r = await git.run(['rev-list', '--merges', '--parents', '--end-of-options', head, `^${base}`]);
    return r.stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => {
        const [commit, ...parents] = line.split(' ');
        return { commit: commit, parents };
    });
}
/** Every local and remote-tracking branch with its tip (one call). */
async function branchTips(git) {
    const r = await git.run(['for-each-ref', '--format=%(objectname) %(refname)', 'refs/heads', 'refs/remotes']);
    return r.stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => {
        const at = line.indexOf(' ');
        return { sha: line.slice(0, at), ref: line.slice(at + 1) };
    });
}
/** Branch refs whose history contains `head` (one call): never an allowed source. */
async function refsContaining(git, head, signal) {
    const r = await git.run(['for-each-ref', `--contains=${head}`, '--format=%(refname)', 'refs/heads', 'refs/remotes'], { signal });
    return new Set(r.stdout.split('\n').filter(Boolean));
}
/** The commits among `candidates` that no tip reaches (one `rev-list --stdin` call). */
async function unreachableFrom(git, candidates, tips) {
    const wanted = new Set(candidates);
    if (wanted.size === 0)
        return new Set();
    if (tips.length === 0)
        return wanted;
    const input = [...wanted, ...new Set(tips)].map((sha, i) => (i < wanted.size ? sha : `^${sha}`)).join('\n') + '\n';
    const r = await git.run(['rev-list', '--stdin'], { input });
    const unreachable = new Set();
    for (const sha of r.stdout.split('\n'))
        if (wanted.has(sha))
            unreachable.add(sha);
    return unreachable;
}
/**
 * Human names of commits (`develop~2`) for the report, never naming them
 * after a ref that contains head (that name would say nothing). One call.
 */
async function nameCommits(git, shas, excludeRefs) {
    const names = new Map();
    if (shas.length === 0)
        return names;
    const excludes = [...excludeRefs].map((ref) => `--exclude=${ref}`);
    const r = await git.run(['name-rev', '--name-only', ...excludes, '--end-of-options', ...shas], { okExitCodes: [0, 1, 128] });
    if (r.exitCode !== 0)
        return names;
    const lines = r.stdout.split('\n');
    shas.forEach((sha, i) => {
        const name = lines[i]?.trim();
        if (name && name !== 'undefined')
            names.set(sha, name);
    });
    return names;
}

;// CONCATENATED MODULE: ./src/guard/layers.ts
/**
 * The two layers of guard over a resolved range, shared by the action, the
 * CLI and the pre-push hook. Each layer runs when it can and fails on its
 * own: a marker found before the policy turned out malformed still blocks (a
 * real finding always blocks, a broken guard only warns), and a layer that
 * cannot run says why while the other one runs.
 */










const emptyLayer = () => ({ findings: [], notes: [], warnings: [], problems: [] });
/** Runs both layers over `range` in the repository of `git` (its top level). */
async function checkRange(git, range, options, context = {}) {
    const limits = context.limits ?? DEFAULT_LIMITS;
    // Without a base neither layer of a `changed` check can run: the reason is the whole answer.
    if (range.base === null && range.baseProblem && options.scope === 'changed') {
        return { findings: [], notes: [], warnings: [], error: range.baseProblem };
    }
    // The layers share nothing, so they run side by side (git grep and rev-list on two cores).
    const [markers, merges] = await Promise.all([
        guarded('conflict-marker check', () => markerLayer(git, range, options, limits)),
        guarded('merge-source check', () => mergeLayer(git, range, options, context.history?.problem ?? null))
    ]);
    const problems = [...markers.problems, ...merges.problems];
    return {
        findings: [...markers.findings, ...merges.findings],
        notes: [...markers.notes, ...merges.notes],
        warnings: [...markers.warnings, ...merges.warnings],
        error: problems.length > 0 ? problems.join('; ') : null
    };
}
/** A layer that throws (any failure, a bug included) becomes that layer's problem, never the caller's exception. */
async function guarded(name, layer) {
    try {
        const report = await layer();
        return { ...report, problems: report.problems.map((p) => `${name} ${p}`) };
    }
    catch (e) {
        return { ...emptyLayer(), problems: [`${name} failed: ${(0,describe_error/* describeError */.U)(e)}`] };
    }
}
async function markerLayer(git, range, options, limits) {
    const report = emptyLayer();
    const matcher = excludeMatcher(options.exclude);
    // With nothing excluded no path needs decoding for the test.
    const excluded = options.exclude.length === 0 ? () => false : (path) => matcher(displayPath(path));
    const scanned = options.scope === 'tree' || range.base === null
        ? await scanTree(git, range.head, excluded, limits, report)
        : await scanChanged(git, range.base, range.head, excluded, limits, report);
    return judge(scanned.files, scanned.attributes, range, report);
}
/** Every candidate line of the tree at `head`, with its neighbours. */
async function scanTree(git, head, excluded, limits, report) {
    // Where no attribute file names conflict-marker-size every path has git's default size, and git need not print the
    // `> quote` lines and other-length underlines of a docs tree: that search starts first, and is redone for every
    // size only when a file names the attribute. The attribute files are read while it runs.
    const threads = await grepThreads(git, limits.grepThreads);
    const quick = grepTree(git, head, markerEreForSize(DEFAULT_MARKER_SIZE), threads, isMarkerCandidate, mayMatter);
    quick.catch(() => undefined);
    const listing = attributeFilesAt(git, head);
    const defaultSizes = await onlyDefaultSizes(git, listing);
    const scan = defaultSizes ? await quick : await grepTree(git, head, MARKER_CANDIDATE_ERE, threads, isMarkerCandidate, mayMatter);
    report.notes.push(`conflict markers: scanned the whole tree at ${head}`);
    if (scan.unreadable.length > 0)
        report.problems.push(unreadableProblem(scan.unreadable));
    const files = [];
    for (const [path, printed] of scan.files)
        if (!excluded(path))
            files.push({ path, ...printed });
    // A `=` line after a line of text is an underline, never an orphan: only the others may need the rest of their file.
    // Their blob ids do not depend on the attributes: find both at once.
    const separated = files.filter((f) => f.lines.some((l) => l.text[0] === '=' && !afterText(f, l.line)));
    const [attributes, specs] = await Promise.all([
        defaultSizes ? new Map() : markerSizeAttributes(git, head, files.map((f) => f.path), listing),
        blobSpecsAt(git, head, separated.map((f) => f.path))
    ]);
    const specOf = new Map(separated.map((f, i) => [f.path, specs[i]]));
    // Only a `=======` with no angle marker in its file depends on its neighbours: read just those files.
    const orphanable = separated.filter((f) => {
        const size = parseMarkerSize(attributes.get(f.path));
        return !hasAngleMarker(f.lines, size) && f.lines.some((l) => markerOf(l.text, size) === '=' && !afterText(f, l.line));
    });
    const unread = await readNeighbours(git, orphanable.map((f) => specOf.get(f.path)), orphanable);
    if (unread.length > 0)
        report.problems.push(unreadableProblem(unread));
    return { files, attributes };
}
/** git grep's thread count: as configured, or chosen from the cores and the repository's object sizes. */
async function grepThreads(git, configured) {
    if (configured !== 'adaptive')
        return configured;
    const cores = (0,external_node_os_namespaceObject.availableParallelism)();
    return defaultGrepThreads(cores, cores <= 1 ? null : await averageObjectBytes(git));
}
/**
 * False for a file whose printed lines cannot hold a finding at any marker
 * size: no `<`/`>` candidate (so no `|` or `=` line pairs with one) and every
 * `=` line right after a line of text (an underline, never an orphan). The
 * tree search prints every candidate line of a file with the line before it.
 */
function mayMatter(file) {
    for (const l of file.lines) {
        const c = l.text[0];
        if (c === '<' || c === '>')
            return true;
        if (c === '=' && !afterText(file, l.line))
            return true;
    }
    return false;
}
/**
 * True for a new file whose added marker-shaped lines are all `=` lines right
 * after a line of text: the diff holds the whole file, so it has no angle
 * marker, and an underline is never an orphan, at any marker size. Such a
 * file (a docs page with headings) needs neither its attributes nor more reads.
 */
function underlinesOnly(file) {
    return file.whole && file.lines.every((l) => l.text[0] === '=' && afterText(file, l.line));
}
// Kept lines by number, built once per file and only when a line is not among the known ones (a search per
// lookup would be quadratic in a file of many marker-shaped lines).
const keptByNumber = new WeakMap();
/** The text of line `n` of a scanned file, kept or known; undefined when git printed neither. */
function textAt(file, n) {
    const known = file.known.get(n);
    if (known !== undefined)
        return known;
    let kept = keptByNumber.get(file);
    if (kept === undefined)
        keptByNumber.set(file, (kept = new Map(file.lines.map((l) => [l.line, l.text]))));
    return kept.get(n);
}
/** True when the line before `line` is known and is text (not blank): then `line` cannot be an orphan separator. */
function afterText(file, line) {
    const before = textAt(file, line - 1);
    return before !== undefined && !/^[ \t\r]*$/.test(before);
}
/** Candidate lines added in base..head (from the merge base, as a pull request shows them), and what the rest of each file says. */
async function scanChanged(git, base, head, excluded, limits, report) {
    // Most ranges add no marker-shaped line: the attribute files are read only once the diff shows one, while it runs.
    let reads = null;
    const startReads = () => {
        if (reads !== null)
            return reads;
        const listing = attributeFilesAt(git, head);
        const defaultSizes = onlyDefaultSizes(git, listing);
        defaultSizes.catch(() => undefined);
        return (reads = { listing, defaultSizes });
    };
    const keep = (text) => {
        if (!isMarkerCandidate(text))
            return false;
        // A `=` line is most often a heading underline that no size can make a finding (see underlinesOnly): the reads
        // start early only for the other shapes, and after the diff when a file still needs them.
        if (text[0] !== '=')
            startReads();
        return true;
    };
    // git finds the merge base inside the diff (`base...head`): asking for it first would be one more process before
    // the diff could start, and only the fallbacks need it.
    // Underline-only new files (a docs page's headings) are dropped as the diff streams, not kept to its end.
    const added = await addedLinesBetween(git, base, head, keep, MARKER_CANDIDATE_ERE, limits.maxKeptLines, () => (0,revisions/* mergeBase */.wu)(git, base, head), (f) => !underlinesOnly(f));
    report.notes.push(`conflict markers: scanned lines added in ${added.from === null ? `${base}...${head}` : `${added.from}..${head}`}`);
    if (added.degraded)
        report.warnings.push(`conflict markers: ${added.degraded}`);
    if (added.unreadable.length > 0)
        report.problems.push(unreadableProblem(added.unreadable));
    if (added.overflowed)
        report.problems.push(`stopped keeping marker-shaped lines after ${limits.maxKeptLines}: the rest of the range was not checked`);
    // Underline-only new files were dropped by the reader (a file read only in part, after an overflow, is kept).
    const files = added.files.filter((f) => !excluded(f.path));
    if (files.length === 0)
        return { files, attributes: new Map() };
    const { listing, defaultSizes } = startReads();
    // An added `=`/`|` line depends on the rest of its file (an angle marker anywhere, its neighbours); a new file's
    // rest is all in the diff already.
    const wanted = files.filter((f) => !f.whole && f.newOid !== null && f.lines.some((l) => !isAngle(l.text)));
    // The rest of the files and their attributes are independent reads: both at once.
    const [unread, attributes] = await Promise.all([
        readNeighbours(git, wanted.map((f) => f.newOid), wanted),
        defaultSizes.then((only) => (only ? new Map() : markerSizeAttributes(git, head, files.map((f) => f.path), listing)))
    ]);
    if (unread.length > 0)
        report.problems.push(unreadableProblem(unread));
    return { files, attributes };
}
/**
 * True when every path has git's default marker size: no attribute file, in
 * the tree or outside it, names conflict-marker-size. Then no path's
 * attributes need reading. See docs/decisions.md, "Markers are searched at
 * the default size unless an attribute file names another".
 */
async function onlyDefaultSizes(git, listing) {
    const [files, outside] = await Promise.all([listing, sizeNamedOutsideTree(git)]);
    return !files.namesSize && !outside;
}
/** Applies the marker rules to each scanned file at its own conflict-marker-size. */
function judge(files, attributes, range, report) {
    for (const file of files) {
        const value = attributes.get(file.path);
        const problem = markerSizeProblem(value);
        if (problem !== null)
            report.warnings.push(`${displayPath(file.path)}: ${problem}`);
        const size = parseMarkerSize(value);
        const angle = hasAngleMarker(file.lines, size) || hasAngleMarker(file.known.values(), size);
        for (const hit of markerHits(file.lines, size, angle, (n) => textAt(file, n))) {
            report.findings.push({ kind: 'conflict-marker', path: displayPath(file.path), line: hit.line, commit: range.head, parent: null, message: hit.message });
        }
    }
    return report;
}
const isAngle = (text) => text[0] === '<' || text[0] === '>';
const layers_LT = 0x3c;
const layers_GT = 0x3e;
/**
 * What the rest of each file says: its angle candidates anywhere and the
 * neighbours of its `=` lines (isOrphanSeparator), read in one `cat-file
 * --batch` (`specs[i]` names the blob of `files[i]`) and kept in `known`.
 * Returns the names of the files git could not read.
 */
async function readNeighbours(git, specs, files) {
    if (files.length === 0)
        return [];
    const neighbours = files.map((f) => new Set(f.lines.filter((l) => l.text[0] === '=').flatMap((l) => [l.line - 1, l.line + 1, l.line + 2])));
    const unreadable = await readBlobLines(git, specs, (index, line, text) => {
        if ((isAngle(text) && isMarkerCandidate(text)) || neighbours[index].has(line))
            files[index].known.set(line, markerPrefix(text));
    }, (index, line, first) => first === layers_LT || first === layers_GT || neighbours[index].has(line));
    return unreadable.map((i) => displayPath(files[i].path));
}
function unreadableProblem(names) {
    const shown = names.slice(0, 20).map((n) => `'${n}'`).join(', ');
    const more = names.length > 20 ? ` and ${names.length - 20} more` : '';
    return `could not read ${names.length} file(s), which were not checked: ${shown}${more} (a missing or corrupt object: run 'git fsck')`;
}
/** Reads the policy file from the BASE commit (one `cat-file --batch` call; the path goes through stdin). */
async function readPolicyAtBase(git, base, path) {
    const r = await git.run(['cat-file', '--batch'], { input: `${base}:${path}\n` });
    const header = r.stdout.slice(0, r.stdout.indexOf('\n'));
    if (header.endsWith(' missing') || header.endsWith(' ambiguous'))
        return null;
    const m = /^[0-9a-f]+ (\w+) \d+$/.exec(header);
    if (!m)
        throw new Error(`could not read '${path}' at the base commit: git answered '${header}'`);
    if (m[1] !== 'blob')
        throw new Error(`policy file '${path}' at the base commit is a ${m[1]}, not a file`);
    // The size in the header counts bytes; the batch output ends the content with one LF.
    const body = r.stdout.slice(header.length + 1).replace(/\n$/, '');
    return parseMergePolicy(body, `${path}@${base.slice(0, 12)}`);
}
async function mergeLayer(git, range, options, historyProblem) {
    const report = emptyLayer();
    if (historyProblem !== null) {
        report.problems.push(`could not run: ${historyProblem}`);
        return report;
    }
    if (range.base === null) {
        if (range.baseProblem) {
            report.problems.push(`could not run: ${range.baseProblem}`);
            return report;
        }
        const policyNote = 'merge sources: not checked, there is no base to read the policy from or to bound the range';
        if (options.allowedSources.length > 0)
            report.warnings.push(policyNote);
        else
            report.notes.push(policyNote);
        return report;
    }
    // The policy and the range's merges are independent reads: both at once.
    const [policy, merges] = await Promise.all([readPolicyAtBase(git, range.base, options.policyFile), mergesInRange(git, range.base, range.head)]);
    if (policy === null && options.policyFileExplicit) {
        // A named policy that is not there must not silently turn the check off.
        report.problems.push(`could not use the policy: '${options.policyFile}' was named explicitly but does not exist at the base commit ${range.base}`);
    }
    if (policy === null && options.allowedSources.length === 0) {
        report.notes.push(`merge sources: not checked, no '${options.policyFile}' at the base commit and no allowed-sources`);
        return report;
    }
    report.findings.push(...(await disallowedMerges(git, range, policy, merges, options, report.notes)));
    return report;
}
async function disallowedMerges(git, range, policy, merges, options, notes) {
    const base = range.base;
    const patterns = sourcePatterns(policy, options.allowedSources, range.headBranch);
    notes.push(`merge sources: ${merges.length} merge commit(s) in range, allowed: ${patterns.map((p) => `'${p}'`).join(', ')} and the base`);
    if (merges.length === 0)
        return [];
    // Which refs contain head is a history walk per ref (the slowest read here). It starts at once, beside the
    // reachability call, which also says whether any allowed tip reaches head (head rides along as a candidate):
    // when none does and nothing needs a name, the walk is ended unfinished.
    const walk = new AbortController();
    const containment = refsContaining(git, range.head, walk.signal);
    containment.catch(() => undefined);
    const [refs, remotes] = await Promise.all([branchTips(git), (0,revisions/* remoteNames */.RS)(git)]);
    // A ref at head's own commit (the pull request's branch, its remote-tracking ref) contains head: known without a walk.
    const atHead = new Set(refs.filter((r) => r.sha === range.head).map((r) => r.ref));
    let { tips, unmatched } = allowedTips(refs, patterns, atHead, remotes);
    const parents = merges.flatMap((m) => m.parents.slice(1));
    let bad = await unreachableFrom(git, [...parents, range.head], [base, ...tips.map((t) => t.sha)]);
    if (!bad.delete(range.head)) {
        ;
        ({ tips, unmatched } = allowedTips(refs, patterns, await containment, remotes));
        bad = await unreachableFrom(git, parents, [base, ...tips.map((t) => t.sha)]);
    }
    if (bad.size === 0)
        walk.abort();
    for (const p of unmatched) {
        notes.push(`merge sources: allowed '${p}' matches no branch in this clone (fetch it, e.g. fetch-depth: 0, if merges from it are expected)`);
    }
    if (bad.size === 0)
        return [];
    // No allowed tip reaches a flagged parent, so naming need not walk their histories either.
    const names = await nameCommits(git, [...bad], [...(await containment), ...tips.map((t) => t.ref)]);
    // An allowed branch missing from the clone (depth-1 checkout) would make its merges look foreign: say so in the finding.
    const missing = unmatched.length > 0 ? `; note: ${unmatched.map((p) => `'${p}'`).join(', ')} matched no branch in this clone (fetch-depth: 0 fetches them)` : '';
    const findings = [];
    for (const m of merges) {
        m.parents.forEach((parent, i) => {
            if (i === 0 || !bad.has(parent))
                return;
            const from = names.get(parent);
            const source = from ? ` (from ${from})` : '';
            findings.push({
                kind: 'disallowed-merge',
                path: null,
                line: null,
                commit: m.commit,
                parent,
                message: `merge ${m.commit.slice(0, 12)} brings in parent ${parent.slice(0, 12)}${source}, which no allowed source reaches (allowed: ${patterns.join(', ') || 'the base only'}): undo the merge or add its source to the policy on the base branch${missing}`
            });
        });
    }
    return findings;
}

;// CONCATENATED MODULE: ./src/guard/range.ts


function field(obj, ...path) {
    let cur = obj;
    for (const key of path) {
        if (typeof cur !== 'object' || cur === null)
            return null;
        cur = cur[key];
    }
    return typeof cur === 'string' && cur !== '' ? cur : null;
}
/** Defaults the event gives: PR base/head shas, merge-queue shas, a push's `before`/`after`. */
function eventDefaults(event) {
    const p = event.payload;
    if (field(p, 'pull_request', 'base', 'sha')) {
        return {
            base: field(p, 'pull_request', 'base', 'sha'),
            head: field(p, 'pull_request', 'head', 'sha'),
            headBranch: field(p, 'pull_request', 'head', 'ref')
        };
    }
    if (field(p, 'merge_group', 'base_sha')) {
        return { base: field(p, 'merge_group', 'base_sha'), head: field(p, 'merge_group', 'head_sha'), headBranch: null };
    }
    const ref = field(p, 'ref') ?? (event.ref || null);
    const headBranch = ref?.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : null;
    const before = field(p, 'before');
    // A new branch is pushed with before = 0000...: there is no previous tip to compare with.
    const base = before !== null && !/^0+$/.test(before) ? before : null;
    return { base, head: field(p, 'after'), headBranch };
}
/**
 * Deepens a shallow clone from its remote (all branches, so allowed refs
 * exist too). Never throws: a clone that stays shallow is reported, and the
 * layers that need no history still run.
 */
async function ensureFullHistory(git) {
    const advice = 'check out with full history (actions/checkout with fetch-depth: 0)';
    try {
        if (!(await (0,revisions/* isShallow */.fE)(git)))
            return { note: null, problem: null };
        const remote = (await (0,revisions/* remoteNames */.RS)(git))[0];
        if (remote === undefined) {
            return { note: null, problem: `this is a shallow clone with no remote to deepen it from, so merge parents are hidden: ${advice}` };
        }
        try {
            await (0,revisions/* unshallow */.QG)(git, remote);
        }
        catch (e) {
            return { note: null, problem: `this is a shallow clone and deepening it from '${remote}' failed (${(0,describe_error/* describeError */.U)(e)}): ${advice}` };
        }
        return { note: `the clone was shallow: fetched the full history of '${remote}' so merge parents are visible`, problem: null };
    }
    catch (e) {
        return { note: null, problem: `could not tell whether the clone is shallow (${(0,describe_error/* describeError */.U)(e)}): ${advice}` };
    }
}
/** Resolves head, then base, to full shas, taking defaults from the event, then the remote default branch; a base that fails is reported in the range. */
async function resolveRange(git, req) {
    const notes = [];
    const defaults = req.event ? eventDefaults(req.event) : { base: null, head: null, headBranch: null };
    const headName = req.head || defaults.head || 'HEAD';
    const headLabel = req.head ? req.headLabel : 'head';
    const headBranch = req.headBranch ?? defaults.headBranch;
    // A base given by name, or the event's (a pull request's, a push's 'before'), does not depend on head: one rev-parse
    // answers both. When it cannot, the steps below resolve each: head's failure comes first, a named base that fails is
    // reported in the range (a tree scan needs head alone), an event base missing from the clone falls back.
    const early = req.base
        ? { name: req.base, description: `${req.baseLabel} '${req.base}'` }
        : defaults.base !== null && (0,revisions/* isFullOid */.YB)(defaults.base)
            ? { name: defaults.base, description: eventBaseDescription(req) }
            : null;
    if (early !== null) {
        const both = await (0,revisions/* resolveCommitsAtOnce */.nM)(git, [headName, early.name]);
        if (both !== null)
            return { range: { base: both[1], head: both[0], description: early.description, headBranch }, notes };
    }
    const namedBase = req.base ? (0,revisions/* resolveCommit */.WL)(git, req.base, req.baseLabel) : null;
    namedBase?.catch(() => undefined);
    const head = await (0,revisions/* resolveCommit */.WL)(git, headName, headLabel);
    try {
        if (namedBase !== null)
            return { range: { base: await namedBase, head, description: `${req.baseLabel} '${req.base}'`, headBranch }, notes };
        return await resolveBase(git, req, defaults, head, headBranch, notes);
    }
    catch (e) {
        // Only the layers that need a base stop here; a tree scan needs head alone.
        return { range: { base: null, head, description: 'no base', headBranch, baseProblem: (0,describe_error/* describeError */.U)(e) }, notes };
    }
}
/** How a base taken from the event is described in the log. */
function eventBaseDescription(req) {
    return req.event?.payload.pull_request ? 'pull request base' : req.event?.payload.merge_group ? 'merge group base' : "push 'before'";
}
async function resolveBase(git, req, defaults, head, headBranch, notes) {
    if (defaults.base !== null) {
        if ((0,revisions/* isFullOid */.YB)(defaults.base) && (await (0,revisions/* commitExists */.Sm)(git, defaults.base))) {
            return { range: { base: defaults.base, head, description: eventBaseDescription(req), headBranch }, notes };
        }
        // A force push leaves 'before' unfetched: compare with the default branch instead of failing.
        notes.push(`base '${defaults.base}' from the event is not in this clone; using the default branch instead`);
    }
    const remotes = await (0,revisions/* remoteNames */.RS)(git);
    const hint = req.event ? field(req.event.payload, 'repository', 'default_branch') : null;
    const defaultRef = await (0,revisions/* remoteDefaultBranch */.Ki)(git, remotes, hint);
    if (defaultRef === null) {
        throw new Error(`could not choose a base: no pull request or push in the event and no remote default branch (refs/remotes/<remote>/HEAD); set ${req.baseLabel}`);
    }
    const tip = await (0,revisions/* resolveCommit */.WL)(git, defaultRef, 'the default branch');
    const base = (await (0,revisions/* mergeBase */.wu)(git, tip, head)) ?? tip;
    return { range: { base, head, description: `merge base with ${defaultRef}`, headBranch }, notes };
}

;// CONCATENATED MODULE: ./src/guard/result.ts
/** guard's plain result, shared by the action, the root pipeline and the CLI. */

/** Builds the result from findings and an error, applying fail-safe. */
function guardResult(findings, error, failSafe, extra) {
    const verdict = decideVerdict(findings, error, failSafe);
    return Object.freeze({
        ...verdict,
        findings,
        markerCount: findings.filter((f) => f.kind === 'conflict-marker').length,
        disallowedMergeCount: findings.filter((f) => f.kind === 'disallowed-merge').length,
        error,
        failSafe,
        ...extra
    });
}
/** Why the step (or hook) fails, or null when it passes: findings always, an error only with fail-safe off. */
function guardFailure(result) {
    if (result.findings.length > 0) {
        return `guard blocked: ${result.markerCount} conflict marker(s), ${result.disallowedMergeCount} disallowed merge parent(s)`;
    }
    return result.blocks ? `guard failed (fail-safe is off): ${result.error}` : null;
}

;// CONCATENATED MODULE: ./src/guard/engine.ts
/**
 * guard from a working directory to a result: open the repository, make its
 * history complete if it can, choose the range, run the layers. Never throws:
 * whatever fails becomes result 'error' (blocking only with fail-safe off),
 * and every layer that can still run does.
 */






/** The git runner at the top level of the repository containing `directory` (scans use repository-relative paths). */
async function openRepository(directory, deps) {
    const { topLevel, ...facts } = await (0,revisions/* openFacts */.Ar)((0,git_git/* createGit */.l)(directory, deps));
    return (0,git_git/* createGit */.l)(topLevel, deps, facts);
}
const isChosen = (v) => typeof v === 'object' && v !== null && 'range' in v;
/** Runs guard; never throws (a failure becomes result 'error'). Notes and warnings go to the log and the result. */
async function runGuard(request, deps) {
    const notes = [];
    let range = null;
    let result;
    try {
        // Names resolve alike from any directory of the work tree: the range is chosen while the repository is opened
        // (no wait for one process before the next starts), and chosen again after a deepen or to report a failure.
        const [git, first] = await Promise.all([
            openRepository(request.workingDirectory, deps.git),
            request.chooseRange((0,git_git/* createGit */.l)(request.workingDirectory, deps.git)).catch((e) => e)
        ]);
        // Whether the clone is shallow came with the opening: deepening is the only git call this may make.
        const history = await ensureFullHistory(git);
        if (history.note)
            notes.push(history.note);
        const chosen = history.note !== null || first instanceof Error || !isChosen(first) ? await request.chooseRange(git) : first;
        range = chosen.range;
        notes.push(...chosen.notes, `range: ${range.base ?? '(none)'}..${range.head} (base: ${range.description})`);
        const report = await checkRange(git, range, request.options, { limits: deps.limits, history });
        result = guardResult(report.findings, report.error, request.failSafe, { range, notes: [...notes, ...report.notes], warnings: report.warnings });
    }
    catch (e) {
        result = guardResult([], (0,describe_error/* describeError */.U)(e), request.failSafe, { range, notes, warnings: [] });
    }
    for (const note of result.notes)
        deps.log.info(`guard: ${note}`);
    for (const warning of result.warnings)
        deps.log.warning(`guard: ${warning}`);
    return result;
}

;// CONCATENATED MODULE: ./src/cli/guard-command.ts
/**
 * `purple guard` on a developer's machine and as a git pre-push hook: the
 * same engine as the action (src/guard), printed as `path:line: message`.
 * Nothing here loads the Actions toolkit.
 */










/** Exit code of the CLI: 1 for findings, 2 for a guard error with fail-safe off, else 0 (a hook blocks on any non-zero). */
function exitCodeOf(result) {
    if (result.findings.length > 0)
        return 1;
    return result.blocks ? 2 : 0;
}
/** The engine's deps for the CLI: notes and warnings to stderr, outside text shown as data. */
function cliDeps(io) {
    return {
        git: {},
        limits: DEFAULT_LIMITS,
        log: {
            info: (m) => io.stderr(`purple ${(0,escaping/* logText */.kc)(m)}\n`),
            warning: (m) => io.stderr(`purple ${(0,escaping/* logText */.kc)(m.replace(/^guard: /, 'guard: warning: '))}\n`)
        }
    };
}
function report(result, io, json) {
    if (json) {
        io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    }
    else {
        // A file name may hold a newline: one finding stays one line.
        for (const f of result.findings)
            io.stdout(`${(0,escaping/* logText */.kc)(formatFinding(f))}\n`);
    }
    if (result.error !== null) {
        const how = result.blocks ? 'failed' : 'could not complete, not blocking (fail-safe)';
        io.stderr(`purple guard: ${how}: ${(0,escaping/* logText */.kc)(result.error)}\n`);
    }
    const counts = `${result.markerCount} conflict marker(s), ${result.disallowedMergeCount} disallowed merge parent(s)`;
    io.stderr(`purple guard: ${result.result}${result.findings.length > 0 ? `: ${counts}` : ''}\n`);
}
/**
 * The default range on a developer machine: from the merge base with the
 * remote default branch (what a pull request would show), else with the
 * upstream, else no range (the whole tree at HEAD, merges not checked).
 */
async function defaultRange(git, head) {
    const defaultRef = await (0,revisions/* remoteDefaultBranch */.Ki)(git, await (0,revisions/* remoteNames */.RS)(git), null);
    for (const [ref, label] of [
        [defaultRef, 'merge base with the remote default branch'],
        [await (0,revisions/* upstreamRef */.tw)(git), 'merge base with the upstream']
    ]) {
        if (ref === null)
            continue;
        const tip = await (0,revisions/* resolveCommit */.WL)(git, ref, label);
        const base = await (0,revisions/* mergeBase */.wu)(git, tip, head);
        // On the default branch itself the range is empty: audit the committed tree instead of checking nothing.
        if (base === head)
            return { base: null, description: `HEAD is the ${label} ${ref}, nothing ahead of it: the whole tree at HEAD` };
        if (base !== null)
            return { base, description: `${label} ${ref}` };
    }
    return { base: null, description: 'no remote default branch or upstream: the whole tree at HEAD' };
}
/** `purple guard [--base R] [--head R]`: checks a range of the current repository. */
async function guardCommand(options, io) {
    const result = await runGuard({
        workingDirectory: io.cwd,
        options,
        failSafe: options.failSafe,
        chooseRange: async (git) => {
            const headBranch = await (0,revisions/* currentBranch */.eR)(git);
            if (options.base) {
                return resolveRange(git, { base: options.base, head: options.head, event: null, baseLabel: '--base', headLabel: '--head', headBranch });
            }
            const head = await (0,revisions/* resolveCommit */.WL)(git, options.head || 'HEAD', '--head');
            const chosen = await defaultRange(git, head);
            return { range: { base: chosen.base, head, description: chosen.description, headBranch }, notes: [] };
        }
    }, cliDeps(io));
    report(result, io, options.json);
    return exitCodeOf(result);
}
/** Picks the base of one pushed ref; null base = nothing on the remote to compare with. */
async function pushBase(git, update, remote) {
    if (update.kind === 'update') {
        if (await (0,revisions/* commitExists */.Sm)(git, update.remoteOid))
            return { base: update.remoteOid, description: `${remote} ${update.remoteRef} at ${update.remoteOid}` };
        // A force push over commits this clone never fetched: compare with what we last saw of the branch.
        const branch = branchOfPushedRef(update.remoteRef);
        const tracking = branch ? `refs/remotes/${remote}/${branch}` : null;
        if (tracking) {
            const r = await git.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${tracking}^{commit}`], { okExitCodes: [0, 1, 128] });
            const sha = r.stdout.trim();
            if (r.exitCode === 0 && sha !== '') {
                const base = (await (0,revisions/* mergeBase */.wu)(git, sha, update.localOid)) ?? sha;
                return { base, description: `remote oid ${update.remoteOid} is not in this clone (force push?): merge base with ${tracking}` };
            }
        }
    }
    const defaultRef = await (0,revisions/* remoteDefaultBranch */.Ki)(git, [remote], null);
    if (defaultRef !== null) {
        const tip = await (0,revisions/* resolveCommit */.WL)(git, defaultRef, 'the remote default branch');
        const base = await (0,revisions/* mergeBase */.wu)(git, tip, update.localOid);
        if (base !== null) {
            const why = update.kind === 'create' ? 'new branch' : `remote oid ${update.remoteOid} is not in this clone (force push?)`;
            return { base, description: `${why}: merge base with ${defaultRef}` };
        }
    }
    return { base: null, description: 'nothing on the remote to compare with: the whole tree of the pushed commit' };
}
/** `purple guard --pre-push <remote> <url>`: checks each pushed ref from git's stdin; skips deletions. */
async function prePushCommand(options, remoteArg, io) {
    const notes = [];
    const warnings = [];
    const findings = [];
    const errors = [];
    try {
        const updates = parsePrePushInput(await io.readStdin());
        const git = await openRepository(io.cwd, {});
        const history = await ensureFullHistory(git);
        if (history.note)
            notes.push(history.note);
        const remote = remoteArg && (await (0,revisions/* remoteNames */.RS)(git)).includes(remoteArg) ? remoteArg : 'origin';
        for (const update of updates) {
            if (update.kind === 'delete') {
                notes.push(`${update.remoteRef}: deleted, nothing to check`);
                continue;
            }
            try {
                if (!(await (0,revisions/* commitExists */.Sm)(git, update.localOid)))
                    throw new Error(`pushed commit ${update.localOid} is not in this repository`);
                const chosen = await pushBase(git, update, remote);
                const range = {
                    base: chosen.base,
                    head: update.localOid,
                    description: chosen.description,
                    headBranch: branchOfPushedRef(update.remoteRef)
                };
                notes.push(`${update.remoteRef}: scanned ${range.base ?? '(no base)'}..${range.head} (${range.description})`);
                const checked = await checkRange(git, range, options, { limits: DEFAULT_LIMITS, history });
                findings.push(...checked.findings);
                notes.push(...checked.notes);
                warnings.push(...checked.warnings);
                if (checked.error)
                    errors.push(`${update.remoteRef}: ${checked.error}`);
            }
            catch (e) {
                errors.push(`${update.remoteRef}: ${(0,describe_error/* describeError */.U)(e)}`);
            }
        }
    }
    catch (e) {
        errors.push((0,describe_error/* describeError */.U)(e));
    }
    // Two refs pushing the same commits would report the same lines twice.
    const unique = [...new Map(findings.map((f) => [JSON.stringify(f), f])).values()];
    const result = guardResult(unique, errors.length > 0 ? errors.join('; ') : null, options.failSafe, {
        range: null,
        notes,
        warnings
    });
    const log = cliDeps(io).log;
    for (const note of notes)
        log.info(`guard: ${note}`);
    for (const warning of warnings)
        log.warning(`guard: ${warning}`);
    report(result, io, options.json);
    return exitCodeOf(result);
}

// EXTERNAL MODULE: ./src/cli/exit-codes.ts
var exit_codes = __nccwpck_require__(8551);
// EXTERNAL MODULE: ./src/cli/json-document.ts
var json_document = __nccwpck_require__(970);
;// CONCATENATED MODULE: ./src/cli/version.ts
/** The version `purple --version` prints; a test keeps it equal to package.json's. */
const PURPLE_VERSION = '1.0.0';

;// CONCATENATED MODULE: ./src/cli/main.ts
/**
 * The `purple` command line: a table of commands, each with its help text and
 * a runner. It shares each action's layers; only the printing differs.
 * To add a command, add one entry to COMMANDS.
 */









const GUARD_HELP = `Usage: purple guard [options]
       purple guard --pre-push [remote] [url]   (as git's pre-push hook; reads refs on stdin)

Checks committed commits for conflict markers and disallowed merges.
Default range: from the merge base with the remote default branch (else the
upstream) to HEAD; with neither, the whole tree at HEAD.

Options:
  --base <rev>            Base of the range (branch, tag or sha).
  --head <rev>            Head of the range (default HEAD).
  --scope changed|tree    changed: lines added in the range (default); tree: every file at head.
  --exclude <glob>        Path glob never scanned (repeatable).
  --policy-file <path>    Merge-source policy, read from the base commit
                          (default .github/purple-policy.json).
  --allowed-sources <b>   Extra allowed merge sources, comma separated (repeatable).
  --no-fail-safe          Exit 2 when guard itself fails (default: warn and exit 0).
  --json                  Print one purple/v1 document with the whole result.

Exit codes: 0 pass (or a guard error under fail-safe), 1 findings, 2 usage or guard error.
`;
const INSTALL_HOOK_HELP = `Usage: purple install-hook [--force]

Installs the pre-push hook in this repository, which runs purple guard --pre-push.
Never replaces another hook unless --force; the old one is then kept as a backup.
`;
/** An input error from the shared parsers names the action input; on the command line, name the flag. */
function asFlag(parse) {
    try {
        return parse();
    }
    catch (e) {
        throw new exit_codes/* UsageError */.eb((0,describe_error/* describeError */.U)(e).replace(/^Input '--/, "option '--"), 'guard');
    }
}
async function main_runGuard(args, io) {
    const { values, positionals } = (0,external_node_util_.parseArgs)({
        args: [...args],
        allowPositionals: true,
        options: {
            base: { type: 'string' },
            head: { type: 'string' },
            scope: { type: 'string' },
            exclude: { type: 'string', multiple: true },
            'policy-file': { type: 'string' },
            'allowed-sources': { type: 'string', multiple: true },
            'no-fail-safe': { type: 'boolean' },
            'pre-push': { type: 'boolean' },
            json: { type: 'boolean' }
        }
    });
    const json = values.json ?? false;
    const options = {
        base: values.base ?? '',
        head: values.head ?? '',
        scope: asFlag(() => parseScope(values.scope ?? 'changed', '--scope')),
        exclude: (values.exclude ?? []).flatMap(parseGlobList),
        policyFile: asFlag(() => parsePolicyPath(values['policy-file'] ?? '', '--policy-file')),
        policyFileExplicit: values['policy-file'] !== undefined,
        allowedSources: (values['allowed-sources'] ?? []).flatMap(parseSourceList),
        failSafe: !values['no-fail-safe'],
        json
    };
    if (!values['pre-push'] && positionals.length > 0) {
        throw new exit_codes/* UsageError */.eb(`unexpected argument '${positionals[0]}': use --base and --head for a range`, 'guard');
    }
    // guard prints its result object; --json wraps it in the purple/v1 document.
    let printed = '';
    const guardIo = json ? { ...io, stdout: (text) => (printed += text) } : io;
    const code = values['pre-push'] ? await prePushCommand(options, positionals[0], guardIo) : await guardCommand(options, guardIo);
    if (json)
        io.stdout((0,json_document/* jsonDocument */.Q)('guard', { 'exit-code': code, ...JSON.parse(printed) }));
    return code;
}
/** Every command, in the order `purple --help` lists them. */
const COMMANDS = [
    {
        name: 'guard',
        summary: "Check commits for conflict markers and disallowed merges; guard --pre-push as git's hook.",
        load: async () => ({ help: GUARD_HELP, run: main_runGuard })
    },
    {
        name: 'install-hook',
        summary: 'Install the pre-push hook that runs purple guard.',
        load: async () => {
            const { installHookCommand } = await __nccwpck_require__.e(/* import() */ 525).then(__nccwpck_require__.bind(__nccwpck_require__, 4525));
            return {
                help: INSTALL_HOOK_HELP,
                run: async (args, io, context) => {
                    const { values } = (0,external_node_util_.parseArgs)({ args: [...args], options: { force: { type: 'boolean' } } });
                    return await installHookCommand(values.force ?? false, context.cliPath, io);
                }
            };
        }
    },
    {
        name: 'retry',
        summary: 'Run a command; retry it when its output shows a transient failure.',
        load: async () => {
            const { retryCommand, RETRY_HELP } = await Promise.all(/* import() */[__nccwpck_require__.e(509), __nccwpck_require__.e(280)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3280));
            return { help: RETRY_HELP, run: retryCommand };
        }
    },
    {
        name: 'classify',
        summary: "Read a failure's output on stdin; print its class, rule and line.",
        load: async () => {
            const { classifyCommand, CLASSIFY_HELP } = await Promise.all(/* import() */[__nccwpck_require__.e(509), __nccwpck_require__.e(978)]).then(__nccwpck_require__.bind(__nccwpck_require__, 4978));
            return { help: CLASSIFY_HELP, run: classifyCommand };
        }
    },
    {
        name: 'wait-ci',
        summary: "Wait until a pull request's required checks are green on its head; print the verified sha.",
        load: async () => {
            const { waitCiCommand, WAIT_CI_HELP } = await Promise.all(/* import() */[__nccwpck_require__.e(403), __nccwpck_require__.e(509), __nccwpck_require__.e(32), __nccwpck_require__.e(268)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7268));
            return { help: WAIT_CI_HELP, run: (args, io) => waitCiCommand(args, io) };
        }
    },
    {
        name: 'merge',
        summary: 'Merge a pull request at the verified sha, retrying while checks are still expected.',
        load: async () => {
            const { mergeCommand, MERGE_HELP } = await Promise.all(/* import() */[__nccwpck_require__.e(403), __nccwpck_require__.e(509), __nccwpck_require__.e(32), __nccwpck_require__.e(131)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7131));
            return { help: MERGE_HELP, run: (args, io) => mergeCommand(args, io) };
        }
    },
    {
        name: 'why',
        summary: 'Say what stands between a pull request and a merge, and who can clear it.',
        load: async () => {
            const { whyCommand, WHY_USAGE } = await Promise.all(/* import() */[__nccwpck_require__.e(403), __nccwpck_require__.e(509), __nccwpck_require__.e(32), __nccwpck_require__.e(160)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2160));
            return { help: WHY_USAGE, run: (args, io) => whyCommand(args, io) };
        }
    }
];
const USAGE = `Usage: purple <command> [options]
       purple <command> --help | purple --version

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(14)}${c.summary}`).join('\n')}

${exit_codes/* EXIT_CODE_HELP */.ZJ}`;
function isParseArgsError(e) {
    // Duck-typed: an error from node:util may come from another realm (a test VM) and fail instanceof.
    const code = typeof e === 'object' && e !== null ? e.code : undefined;
    return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}
/** Runs the CLI; returns the process exit code. `cliPath` is the script the hook should call. */
async function main(argv, io, cliPath) {
    const [name, ...rest] = argv;
    if (name === '--version' || name === '-V') {
        io.stdout(`${PURPLE_VERSION}\n`);
        return exit_codes/* EXIT_CODES */.ai.success;
    }
    if (name === '--help' || name === '-h' || (name === 'help' && rest.length === 0)) {
        io.stdout(USAGE);
        return exit_codes/* EXIT_CODES */.ai.success;
    }
    if (name === undefined) {
        io.stderr(USAGE);
        return exit_codes/* EXIT_CODES */.ai.usage;
    }
    const commandName = name === 'help' ? (rest[0] ?? '') : name;
    const command = COMMANDS.find((c) => c.name === commandName);
    if (command === undefined) {
        io.stderr(`purple: unknown command '${commandName}': expected one of ${COMMANDS.map((c) => `'${c.name}'`).join(', ')} (see purple --help)\n`);
        return exit_codes/* EXIT_CODES */.ai.usage;
    }
    // `--help` anywhere before a retry's `--` asks for help, never runs the command.
    const own = command.name === 'retry' && rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
    let loaded;
    try {
        loaded = await command.load();
    }
    catch (e) {
        // A command's code is a file beside the CLI's (dist/cli/<n>.index.js): a partial copy or install lacks it.
        // Node's "Cannot find module" message goes on with a require stack: its first line says it.
        const reason = (0,describe_error/* describeError */.U)(e).split('\n')[0];
        io.stderr(`purple ${command.name}: could not load the command (${reason}): the installed CLI is incomplete, reinstall it\n`);
        if (own.includes('--json'))
            io.stdout((0,json_document/* jsonDocument */.Q)(command.name, { 'exit-code': exit_codes/* EXIT_CODES */.ai.failure, error: 'could not load the command' }));
        return exit_codes/* EXIT_CODES */.ai.failure;
    }
    if (name === 'help' || own.includes('--help') || own.includes('-h')) {
        io.stdout(loaded.help);
        return exit_codes/* EXIT_CODES */.ai.success;
    }
    try {
        return await loaded.run(rest, io, { cliPath });
    }
    catch (e) {
        const usage = e instanceof exit_codes/* UsageError */.eb || isParseArgsError(e);
        const message = typeof e === 'object' && e !== null && typeof e.message === 'string' ? e.message : (0,describe_error/* describeError */.U)(e);
        const code = usage ? exit_codes/* EXIT_CODES */.ai.usage : exit_codes/* EXIT_CODES */.ai.failure;
        io.stderr(`purple ${command.name}: ${message}${usage ? ` (see purple ${command.name} --help)` : ''}\n`);
        // --json promises one document on stdout whatever happens.
        if (own.includes('--json'))
            io.stdout((0,json_document/* jsonDocument */.Q)(command.name, { 'exit-code': code, error: message }));
        return code;
    }
}

;// CONCATENATED MODULE: ./src/cli/index.ts


// The hook calls back whatever script started this process (bin/purple.js under npx).
const cliPath = (0,external_node_fs_.realpathSync)(process.argv[1] ?? '.');
const readStdin = async () => {
    const chunks = [];
    for await (const chunk of process.stdin)
        chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
};
// Not awaited at the top level: the bundles are CommonJS (docs/decisions.md, "CommonJS bundles").
void main(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readStdin
}, cliPath).then((code) => {
    process.exitCode = code;
});

module.exports = __webpack_exports__;
/******/ })()
;