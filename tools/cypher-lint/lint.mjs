#!/usr/bin/env node
// Lints Cypher with Neo4j's own parser and semantic analysis (@neo4j-cypher/language-support),
// offline: no server is needed.
//
// Input (a file named on the command line, or stdin), either
//   [{"name": "...", "query": "...", "parameters": {...}?}, ...]
// or {"schema": {labels, relationshipTypes, propertyKeys, graphSchema}, "queries": [...]}.
// With a schema, unknown labels, relationship types and properties are reported too.
// Parameters are values supplied at run time: "parameter not defined" is only reported for a
// query that declares its "parameters".
//
// Output: JSON {"ok", "errors", "warnings", "results": [{"name", "diagnostics": [...]}]} on stdout.
// Exit 0 when no query has an error (with --strict, no warning either), 1 otherwise, 2 on bad input.
//
// With --serve, one process answers many requests: each line of stdin is one input as above,
// answered by one line of output JSON (or {"error": "..."}), until stdin closes. Loading the
// language support and warming it up costs more than linting a query, so a test session runs
// one of these for all its Cypher.
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { isNotParamError, lintCypherQuery } from '@neo4j-cypher/language-support';

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

function fail(message) {
  process.stderr.write(`cypher-lint: ${message}\n`);
  process.exit(2);
}

// The report on one input (parsed JSON); throws on an input of the wrong shape.
function lintInput(input, strict) {
  const queries = Array.isArray(input) ? input : input?.queries;
  const schema = Array.isArray(input) ? {} : input.schema ?? {};
  if (!Array.isArray(queries) || queries.some((q) => typeof q?.query !== 'string' || typeof q?.name !== 'string')) {
    throw new Error('expected a JSON array of {"name": string, "query": string} (or {"schema": ..., "queries": [...]})');
  }
  let errors = 0;
  let warnings = 0;
  const results = queries.map(({ name, query, parameters }) => {
    const declared = parameters !== undefined;
    const { diagnostics } = lintCypherQuery(query, declared ? { ...schema, parameters } : schema);
    const kept = diagnostics
      .filter((d) => declared || isNotParamError(d))
      .map((d) => ({
        severity: SEVERITY[d.severity] ?? String(d.severity),
        message: d.message,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        text: query.slice(d.offsets.start, d.offsets.end),
      }));
    errors += kept.filter((d) => d.severity === 'error').length;
    warnings += kept.filter((d) => d.severity === 'warning').length;
    return { name, diagnostics: kept };
  });
  return { ok: errors === 0 && (!strict || warnings === 0), errors, warnings, results };
}

const args = process.argv.slice(2);
const strict = args.includes('--strict');
const files = args.filter((a) => !a.startsWith('--'));
if (args.includes('--serve')) {
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    let answer;
    try {
      answer = lintInput(JSON.parse(line), strict);
    } catch (err) {
      answer = { error: err.message };
    }
    process.stdout.write(JSON.stringify(answer) + '\n');
  }
  process.exit(0);
}
let text;
try {
  text = readFileSync(files.length ? files[0] : 0, 'utf8');
} catch (err) {
  fail(`cannot read ${files[0] ?? 'stdin'}: ${err.message}`);
}
let report;
try {
  report = lintInput(JSON.parse(text), strict);
} catch (err) {
  fail(err instanceof SyntaxError ? `input is not JSON: ${err.message}` : err.message);
}
process.stdout.write(JSON.stringify(report, null, 1) + '\n');
process.exit(report.ok ? 0 : 1);
