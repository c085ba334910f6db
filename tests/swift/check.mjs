// Parses Swift files with tree-sitter's Swift grammar and reports every
// syntax error (ERROR or MISSING node) with its position. No Swift compiler
// exists on these machines: this catches unbalanced braces, broken
// closures and typos in the iOS app, not type errors.
//
// usage: node check.mjs FILE...
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Parser from 'web-tree-sitter';

const require = createRequire(import.meta.url);
await Parser.init();
const swift = await Parser.Language.load(require.resolve('tree-sitter-wasms/out/tree-sitter-swift.wasm'));
const parser = new Parser();
parser.setLanguage(swift);

let errors = 0;
const files = process.argv.slice(2);
for (const file of files) {
  const found = [];
  const walk = (node) => {
    if (node.type === 'ERROR' || node.isMissing) found.push(node);
    else if (node.hasError) node.children.forEach(walk);
  };
  walk(parser.parse(readFileSync(file, 'utf8')).rootNode);
  for (const node of found) {
    const { row, column } = node.startPosition;
    console.log(`${file}:${row + 1}:${column + 1}: ${node.isMissing ? `missing ${node.type}` : 'syntax error'}`);
  }
  errors += found.length;
}
console.log(`Swift syntax: ${files.length} files, ${errors} errors`);
process.exit(errors === 0 ? 0 : 1);
