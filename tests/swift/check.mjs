// Parses Swift files with tree-sitter's Swift grammar and reports every
// syntax error (ERROR or MISSING node) with its position. No Swift compiler
// exists on these machines: this catches unbalanced braces, broken
// closures and typos in the iOS app, not type errors.
//
// usage: node check.mjs APP_FILE... [--generated GENERATED_FILE...]
//
// Files after --generated (UniFFI's bindings, the core's types) are parsed
// after rewriting the constructs the grammar is known not to parse, each
// to an equivalent of the same length (so positions stay true):
// - `indirect public enum` (modifier order the grammar refuses) is read as
//   `public indirect enum`.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Parser from 'web-tree-sitter';

const require = createRequire(import.meta.url);
await Parser.init();
const swift = await Parser.Language.load(require.resolve('tree-sitter-wasms/out/tree-sitter-swift.wasm'));
const parser = new Parser();
parser.setLanguage(swift);

const grammarGaps = [[/\bindirect public enum\b/g, 'public indirect enum']];

const args = process.argv.slice(2);
const split = args.indexOf('--generated');
const appFiles = split === -1 ? args : args.slice(0, split);
const generatedFiles = split === -1 ? [] : args.slice(split + 1);

let errors = 0;
const check = (file, source) => {
  const found = [];
  const walk = (node) => {
    if (node.type === 'ERROR' || node.isMissing) found.push(node);
    else if (node.hasError) node.children.forEach(walk);
  };
  walk(parser.parse(source).rootNode);
  for (const node of found) {
    const { row, column } = node.startPosition;
    console.log(`${file}:${row + 1}:${column + 1}: ${node.isMissing ? `missing ${node.type}` : 'syntax error'}`);
  }
  errors += found.length;
};
for (const file of appFiles) check(file, readFileSync(file, 'utf8'));
for (const file of generatedFiles) {
  let source = readFileSync(file, 'utf8');
  for (const [pattern, same] of grammarGaps) source = source.replace(pattern, same);
  check(file, source);
}
console.log(`Swift syntax: ${appFiles.length} app files, ${generatedFiles.length} generated files, ${errors} errors`);
process.exit(errors === 0 ? 0 : 1);
