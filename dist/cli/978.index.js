"use strict";
exports.id = 978;
exports.ids = [978];
exports.modules = {

/***/ 4978:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CLASSIFY_HELP: () => (/* binding */ CLASSIFY_HELP),
/* harmony export */   classifyCommand: () => (/* binding */ classifyCommand)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_failure_engine_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(509);
/* harmony import */ var _cli_options_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2391);
/* harmony import */ var _exit_codes_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8551);
/* harmony import */ var _json_document_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(970);
/**
 * `purple classify [--exit-code N] [--rules FILE] [--json]`: reads a failure's
 * output on stdin and prints its class, the rule that decided and the line it
 * matched, for shell loops that keep their own retry loop.
 */





const CLASSIFY_HELP = `Usage: purple classify [--exit-code N] [--rules FILE] [--json] < output.txt

Reads a failed command's output on stdin and prints how purple retry would see it:
  <class> <rule-id>: <matched line>
where class is transient, rate-limited, auth, permanent or unknown (no rule
matched; purple retry retries it unless --unknown fail). Exits 0 whatever the class.

Options:
  --exit-code N   The command's exit code (126 and 127 mean permanent).
  --rules FILE    Extra rules, checked before the built-in ones:
                  {"version": 1, "rules": [{"id", "class", "pattern", "source"}]}
  --json          Print {"schema":"purple/v1","command":"classify","class","rule","line","summary","source"}.
`;
/** Runs `purple classify`. */
async function classifyCommand(args, io) {
    const { values, positionals } = (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({
        args: [...args],
        allowPositionals: true,
        options: { 'exit-code': { type: 'string' }, rules: { type: 'string' }, json: { type: 'boolean' } }
    });
    if (positionals.length > 0)
        throw new _exit_codes_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`unexpected argument '${positionals[0]}': classify reads the output on stdin`, 'classify');
    const exitCode = (0,_cli_options_js__WEBPACK_IMPORTED_MODULE_2__/* .integerOption */ .i)('--exit-code', values['exit-code'], 'classify');
    const rules = (0,_cli_options_js__WEBPACK_IMPORTED_MODULE_2__/* .loadRules */ .A)(values.rules, io.cwd, 'classify');
    const verdict = (0,_core_failure_engine_js__WEBPACK_IMPORTED_MODULE_1__/* .classifyText */ .oF)(await io.readStdin(), { exitCode, rules });
    const rule = verdict.rule?.id ?? '';
    if (values.json) {
        io.stdout((0,_json_document_js__WEBPACK_IMPORTED_MODULE_4__/* .jsonDocument */ .Q)('classify', { class: verdict.class, rule, line: verdict.line, summary: verdict.rule?.summary ?? '', source: verdict.rule?.source ?? '' }));
    }
    else {
        io.stdout(`${verdict.class}${rule !== '' ? ` ${rule}` : ''}${verdict.line !== '' ? `: ${verdict.line}` : ''}\n`);
    }
    return _exit_codes_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT_CODES */ .ai.success;
}


/***/ }),

/***/ 2391:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ loadRules),
/* harmony export */   i: () => (/* binding */ integerOption)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_failure_engine_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(509);
/* harmony import */ var _exit_codes_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8551);
/** Option parsers shared by the `purple` commands; a bad value is a UsageError naming the flag. */




/** Reads a --rules file relative to the working directory; a bad one is a usage error. */
function loadRules(file, cwd, command) {
    if (file === undefined)
        return (0,_core_failure_engine_js__WEBPACK_IMPORTED_MODULE_2__/* .withUserRules */ .FY)([]);
    let text;
    try {
        text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, file), 'utf8');
    }
    catch (e) {
        throw new _exit_codes_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`--rules '${file}' cannot be read (${e instanceof Error ? e.message : String(e)})`, command);
    }
    try {
        return (0,_core_failure_engine_js__WEBPACK_IMPORTED_MODULE_2__/* .withUserRules */ .FY)((0,_core_failure_engine_js__WEBPACK_IMPORTED_MODULE_2__/* .parseRuleFile */ .wb)(text, file));
    }
    catch (e) {
        throw new _exit_codes_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(e instanceof Error ? e.message : String(e), command);
    }
}
/** Parses an integer option; anything else is a usage error naming the flag. */
function integerOption(flag, value, command, min = 0) {
    if (value === undefined)
        return undefined;
    if (!/^\d{1,9}$/.test(value.trim()) || Number(value) < min) {
        throw new _exit_codes_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`${flag} '${value}' is not valid: expected a whole number of at least ${min}`, command);
    }
    return Number(value);
}


/***/ })

};
;