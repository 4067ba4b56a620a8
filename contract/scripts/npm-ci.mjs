// `npm ci` (the locked versions, no install scripts: .npmrc), but only when node_modules was not already installed from
// this very package-lock.json: npm ci deletes and re-installs all 273 packages every time (minutes on a busy machine),
// while the lock file changes rarely. The stamp records the lock file's hash and the node version it was installed with.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contractDir } from './tools.mjs';

const stamp = join(contractDir, 'node_modules/.npm-ci-stamp');
const wanted = createHash('sha256').update(readFileSync(join(contractDir, 'package-lock.json'))).digest('hex')
  + ' node ' + process.versions.node;
if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) {
  console.log('npm ci: node_modules is installed from this package-lock.json already');
  process.exit(0);
}
const npm = process.env.NPM_EXECUTABLE || (process.platform === 'win32' ? 'npm.cmd' : 'npm');
const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: contractDir, stdio: 'inherit' });
if (result.error || result.status !== 0) {
  console.error(`npm ci failed (${result.error ? result.error.message : 'exit ' + result.status})`);
  process.exit(1);
}
writeFileSync(stamp, wanted);
