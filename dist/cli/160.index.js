"use strict";
exports.id = 160;
exports.ids = [160];
exports.modules = {

/***/ 2160:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WHY_USAGE: () => (/* binding */ WHY_USAGE),
/* harmony export */   whyCommand: () => (/* binding */ whyCommand)
/* harmony export */ });
/* unused harmony exports WHY_EXIT, whyExitCode */
/* harmony import */ var _json_document_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(970);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _github_client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3852);
/* harmony import */ var _github_merge_facts_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4037);
/* harmony import */ var _core_transient_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2633);
/* harmony import */ var _core_diagnosis_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8410);
/* harmony import */ var _core_diagnosis_report_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9777);
/* harmony import */ var _core_escaping_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(811);
/* harmony import */ var _core_redaction_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3862);
/* harmony import */ var _core_describe_error_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(4505);
/* harmony import */ var _github_auth_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5706);
/**
 * `purple why --repo O/N --pr N [--json]`: what stands between a pull request
 * and a merge, read with whatever token the caller has (no administration
 * access needed), in words or as one JSON document. The exit code alone
 * routes an agent: 0 mergeable, 8 wait and ask again, 1 blocked, 4 the token,
 * 2 usage or a failed read.
 */











const WHY_USAGE = `Usage: purple why --repo <owner/name> --pr <number> [--json]

Says what stands between the pull request and a merge: each blocker, the rule
behind it, who can clear it, and what the token could not read.
Token: GH_TOKEN, else GITHUB_TOKEN. API: GITHUB_API_URL (default https://api.github.com).

Exit codes: 0 mergeable, 8 waiting (only pending checks or the merge queue; or GitHub
still computing), 1 blocked (or GitHub blocks for a reason no readable rule explains),
4 no token or the token was refused, 2 usage or a failed read.
`;
const WHY_EXIT = Object.freeze({ mergeable: 0, blocked: 1, usage: 2, auth: 4, waiting: 8 });
const realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** The exit code of a diagnosis: an UNKNOWN that outlived the re-reads is worth asking again later (8). */
function whyExitCode(diagnosis, facts) {
    if (diagnosis.verdict === 'mergeable')
        return WHY_EXIT.mergeable;
    if (diagnosis.verdict === 'waiting')
        return WHY_EXIT.waiting;
    if (diagnosis.verdict === 'unknown' && facts.pull.state === 'OPEN' && (0,_core_diagnosis_js__WEBPACK_IMPORTED_MODULE_4__/* .needsReread */ .Dw)(facts))
        return WHY_EXIT.waiting;
    return WHY_EXIT.blocked;
}
class UsageError extends Error {
}
function parseWhyArgs(argv) {
    const { values, positionals } = (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({
        args: [...argv],
        allowPositionals: true,
        options: { repo: { type: 'string' }, pr: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }
    });
    if (values.help)
        return 'help';
    if (positionals.length > 0)
        throw new UsageError(`unexpected argument '${positionals[0]}': use --repo and --pr`);
    const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(values.repo ?? '');
    if (!match)
        throw new UsageError(values.repo === undefined ? "missing --repo: write --repo owner/name" : `--repo is '${values.repo}': write owner/name, e.g. --repo octo-org/app`);
    const pr = Number(values.pr);
    if (!/^\d+$/.test(values.pr ?? '') || !Number.isSafeInteger(pr) || pr < 1) {
        throw new UsageError(values.pr === undefined ? 'missing --pr: write the pull request number, e.g. --pr 42' : `--pr is '${values.pr}': write the pull request number, e.g. --pr 42`);
    }
    return { repo: { owner: match[1], repo: match[2] }, pr, json: values.json ?? false };
}
/** Runs `purple why`; returns the exit code. */
async function whyCommand(argv, io, deps = { env: process.env, sleep: realSleep }) {
    let json = argv.includes('--json');
    const fail = (code, message) => {
        const text = (0,_core_redaction_js__WEBPACK_IMPORTED_MODULE_7__/* .redactSecrets */ .f)(message);
        if (json)
            io.stdout((0,_json_document_js__WEBPACK_IMPORTED_MODULE_9__/* .jsonDocument */ .Q)('why', { 'exit-code': code, error: text }));
        io.stderr(`purple why: ${(0,_core_escaping_js__WEBPACK_IMPORTED_MODULE_6__/* .logText */ .kc)(text)}\n`);
        return code;
    };
    let args;
    try {
        const parsed = parseWhyArgs(argv);
        if (parsed === 'help') {
            io.stdout(WHY_USAGE);
            return 0;
        }
        args = parsed;
        json = args.json;
    }
    catch (error) {
        return fail(WHY_EXIT.usage, `${(0,_core_describe_error_js__WEBPACK_IMPORTED_MODULE_10__/* .describeError */ .U)(error)} (see purple why --help)`);
    }
    const token = (0,_github_auth_js__WEBPACK_IMPORTED_MODULE_8__/* .envToken */ .Be)(deps.env);
    if (token === '')
        return fail(WHY_EXIT.auth, 'no token: set GH_TOKEN (or GITHUB_TOKEN) to a token that can read the repository');
    (0,_core_redaction_js__WEBPACK_IMPORTED_MODULE_7__/* .rememberSecret */ .G)(token);
    const baseUrl = (deps.env['GITHUB_API_URL'] ?? '').trim() || 'https://api.github.com';
    try {
        const client = (0,_github_client_js__WEBPACK_IMPORTED_MODULE_1__/* .createGitHubClient */ .LX)({
            auth: { kind: 'token', token },
            baseUrl,
            log: (message) => io.stderr(`purple why: ${(0,_core_escaping_js__WEBPACK_IMPORTED_MODULE_6__/* .logText */ .kc)((0,_core_redaction_js__WEBPACK_IMPORTED_MODULE_7__/* .redactSecrets */ .f)(message))}\n`),
            // A terminal is no runner: a mask command would only be noise on stdout.
            setSecret: () => undefined,
            sleep: deps.sleep
        });
        const facts = await (0,_github_merge_facts_js__WEBPACK_IMPORTED_MODULE_2__/* .readMergeFacts */ .Wd)(client, args.repo, args.pr, {
            sleep: deps.sleep,
            log: (message) => io.stderr(`purple why: ${(0,_core_escaping_js__WEBPACK_IMPORTED_MODULE_6__/* .logText */ .kc)(message)}\n`)
        });
        const diagnosis = (0,_core_diagnosis_js__WEBPACK_IMPORTED_MODULE_4__/* .diagnose */ .h4)(facts);
        const code = whyExitCode(diagnosis, facts);
        const where = { repo: `${args.repo.owner}/${args.repo.repo}`, pr: args.pr, head_sha: facts.pull.headSha };
        if (json) {
            io.stdout((0,_json_document_js__WEBPACK_IMPORTED_MODULE_9__/* .jsonDocument */ .Q)('why', { ...(0,_core_diagnosis_report_js__WEBPACK_IMPORTED_MODULE_5__/* .diagnosisDocument */ .P)(diagnosis, where), 'exit-code': code }));
        }
        else {
            io.stdout(`${where.repo}#${args.pr} (head ${facts.pull.headSha.slice(0, 7)}): ${(0,_core_diagnosis_report_js__WEBPACK_IMPORTED_MODULE_5__/* .renderDiagnosisText */ .Z6)(diagnosis).join('\n')}\n`);
        }
        return code;
    }
    catch (error) {
        const status = error.status;
        const verdict = (0,_core_transient_js__WEBPACK_IMPORTED_MODULE_3__/* .classifyFailure */ .XE)(error);
        const refused = status === 401 || (status === 403 && verdict.kind === 'permanent');
        return fail(refused ? WHY_EXIT.auth : WHY_EXIT.usage, (0,_core_describe_error_js__WEBPACK_IMPORTED_MODULE_10__/* .describeError */ .U)(error));
    }
}


/***/ })

};
;