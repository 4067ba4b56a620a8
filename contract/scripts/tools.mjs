// Runs the npm tools this module pins (package-lock.json), with the node that runs this script.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const contractDir = join(dirname(fileURLToPath(import.meta.url)), '..');

const bins = {
  spectral: 'node_modules/@stoplight/spectral-cli/dist/index.js',
  redocly: 'node_modules/@redocly/cli/bin/cli.js',
  'openapi-typescript': 'node_modules/openapi-typescript/bin/cli.js',
  tsc: 'node_modules/typescript/bin/tsc',
};

/** Runs a tool to completion and returns {status, stdout, stderr}; output is captured, not printed. */
export function run(tool, args) {
  const result = spawnSync(process.execPath, [join(contractDir, bins[tool]), ...args], {
    cwd: contractDir,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
  });
  if (result.error) {
    throw result.error;
  }
  return result;
}
