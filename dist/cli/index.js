var __webpack_exports__ = {};
// Placeholder CLI entry until the guard issue lands.
process.stderr.write('purple: the command line is not built yet\n');
process.exitCode = 2;


