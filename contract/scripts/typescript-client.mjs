// The TypeScript client of the merged contract: openapi-typescript writes ts/generated/contract.ts from
// openapi.yaml, then tsc (strict, tsconfig.json) compiles it with the programs using it (ts/*.ts) to target/ts.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { contractDir, run } from './tools.mjs';

mkdirSync(join(contractDir, 'ts/generated'), { recursive: true });
const generate = run('openapi-typescript', ['openapi.yaml', '--output', 'ts/generated/contract.ts']);
process.stdout.write(generate.stdout);
if (generate.status !== 0) {
  process.stderr.write(generate.stderr);
  console.error('openapi-typescript failed on contract/openapi.yaml');
  process.exit(1);
}
const compile = run('tsc', ['--project', 'tsconfig.json']);
process.stdout.write(compile.stdout);
process.stderr.write(compile.stderr);
if (compile.status !== 0) {
  console.error('tsc --strict failed: the TypeScript programs do not fit contract/openapi.yaml');
  process.exit(1);
}
console.log('TypeScript client: ts/generated/contract.ts generated, compiled with tsc --strict to target/ts');
