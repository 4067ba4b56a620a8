// The lint gate: Spectral (spectral:oas, .spectral.yaml) and Redocly (recommended, redocly.yaml) over each
// service's committed document and the merged contract. Prints errors and warnings per document and tool, every
// error in full, and the warnings counted by rule; the full reports go to target/lint/. Exits 1 on any error.
//
// lint-baseline.json lists errors of the services' documents that are known and owned by the services (each one
// by document, tool, rule and place); they are reported but do not fail the gate. An error not listed fails, and so
// does a listed one that no longer occurs, so the list only shrinks. `node scripts/lint.mjs --write-baseline`
// rewrites it from the current errors (review the diff: the gateway's and the merge's own errors are not for it).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contractDir, run } from './tools.mjs';

const documents = [
  ['org-service', '../org-service/openapi.yaml'],
  ['volunteer-service', '../volunteer-service/openapi.yaml'],
  ['consultation-service', '../consultation-service/openapi.yaml'],
  ['gateway', '../gateway/openapi.yaml'],
  ['merged (contract/openapi.yaml)', 'openapi.yaml'],
];
// `node scripts/lint.mjs gateway merged`: only these documents (while working on them; the build lints all)
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const selected = only.length ? documents.filter(([name]) => only.includes(name.split(' ')[0])) : documents;
const reports = join(contractDir, 'target/lint');
mkdirSync(reports, { recursive: true });

function spectral(file) {
  const result = run('spectral', ['lint', file, '--ruleset', '.spectral.yaml', '--format', 'json', '--quiet']);
  let findings;
  try {
    findings = JSON.parse(result.stdout || '[]');
  } catch (e) {
    throw new Error(`Spectral gave no JSON for ${file} (exit ${result.status}): ${result.stdout}${result.stderr}`);
  }
  return findings.map((f) => ({
    severity: f.severity === 0 ? 'error' : f.severity === 1 ? 'warning' : 'info',
    rule: f.code,
    where: '#/' + (f.path || []).join('/'),
    message: f.message,
  }));
}

function redocly(file) {
  const result = run('redocly', ['lint', file, '--config', 'redocly.yaml', '--format', 'json']);
  const failure = /Something went wrong[^\n]*\n\s*\n?\s*- ([^\n]+)/.exec(result.stderr);
  if (failure) {
    // Redocly could not read the document at all (e.g. a schema that is only a $ref to itself)
    return [{ severity: 'error', rule: 'redocly-could-not-process', where: '', message: failure[1].trim() }];
  }
  const start = result.stdout.indexOf('{');
  let report;
  try {
    report = JSON.parse(result.stdout.slice(start));
  } catch (e) {
    throw new Error(`Redocly gave no JSON for ${file} (exit ${result.status}): ${result.stdout}${result.stderr}`);
  }
  return (report.problems || []).map((p) => ({
    severity: p.severity === 'error' ? 'error' : p.severity === 'warn' ? 'warning' : 'info',
    rule: p.ruleId,
    where: (p.location && p.location[0] && p.location[0].pointer) || '',
    message: p.message,
  }));
}

const baselineFile = join(contractDir, 'lint-baseline.json');
const writeBaseline = process.argv.includes('--write-baseline');
const key = (f) => [f.document, f.tool, f.rule, f.where].join(' ');
const baseline = new Map(existsSync(baselineFile) && !writeBaseline
  ? JSON.parse(readFileSync(baselineFile, 'utf8')).findings.map((f) => [key(f), f]) : []);
const seen = new Set();
const allErrors = [];
let errors = 0;
let known = 0;
const rows = [];
for (const [name, file] of selected) {
  if (!existsSync(join(contractDir, file))) {
    console.error(`lint: ${file} is missing (each service commits its document as <service>/openapi.yaml)`);
    errors++;
    continue;
  }
  for (const [tool, lint] of [['spectral', spectral], ['redocly', redocly]]) {
    const findings = lint(file);
    const slug = name.split(' ')[0];
    writeFileSync(join(reports, `${slug}.${tool}.json`), JSON.stringify(findings, null, 2));
    const own = findings.filter((f) => f.severity === 'error');
    const warnings = findings.filter((f) => f.severity === 'warning');
    let knownHere = 0;
    for (const f of own) {
      const finding = { document: slug, tool, rule: f.rule, where: f.where, message: f.message };
      allErrors.push(finding);
      seen.add(key(finding));
      if (baseline.has(key(finding))) {
        knownHere++;
        console.log(`known (lint-baseline.json) ${name} ${tool} ${f.rule} ${f.where}: ${f.message}`);
      } else {
        errors++;
        console.error(`ERROR ${name} ${tool} ${f.rule} ${f.where}: ${f.message}`);
      }
    }
    known += knownHere;
    rows.push({ document: name, tool, errors: own.length, known: knownHere, warnings: warnings.length });
    const byRule = {};
    for (const w of warnings) {
      byRule[w.rule] = (byRule[w.rule] || 0) + 1;
    }
    if (warnings.length) {
      console.log(`warnings ${name} ${tool}: ` + Object.entries(byRule).map(([r, n]) => `${r} ${n}`).join(', '));
    }
  }
}
if (writeBaseline) {
  writeFileSync(baselineFile, JSON.stringify({
    about: 'Known lint errors of the services\' own documents, owned by the services; the gate fails on any other error and '
      + 'on an entry here that no longer occurs. Rewrite with: node scripts/lint.mjs --write-baseline',
    findings: allErrors,
  }, null, 2) + '\n');
  console.log(`wrote ${allErrors.length} finding(s) to ${baselineFile}`);
  process.exit(0);
}
for (const [k, f] of baseline) {
  if (!seen.has(k) && selected.some(([name]) => name.split(' ')[0] === f.document)) {
    errors++;
    console.error(`ERROR lint-baseline.json lists a finding that no longer occurs, remove it: ${k}`);
  }
}
console.log('\nOpenAPI lint (errors, of them known in lint-baseline.json / warnings):');
for (const r of rows) {
  console.log(`  ${r.document.padEnd(32)} ${r.tool.padEnd(9)} ${String(r.errors).padStart(4)}, known ${String(r.known).padStart(4)} / ${String(r.warnings).padStart(4)}`);
}
console.log(`reports: ${reports}${known ? `; ${known} known error(s) of the services' documents tolerated by lint-baseline.json` : ''}`);
if (errors > 0) {
  console.error(`\nlint failed: ${errors} error(s)`);
  process.exit(1);
}
