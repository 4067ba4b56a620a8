// The first route's JavaScript (the entry chunk and everything it imports statically, i.e. what the sign-in page
// loads) must stay within 250 KB gzip; every other page is its own chunk, loaded when first visited.
// Prints each route's own gzip size and writes target/bundle-size.json; exits 1 over the budget.
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BUDGET_KB = 250;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));

const gzipKb = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;

/** A chunk with its static imports, each counted once. */
function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key].imports ?? []) closure(imported, seen);
  return seen;
}

const sizeOf = (keys) => [...keys].reduce((sum, key) => sum + gzipKb(manifest[key].file), 0);
const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
const entry = closure(entryKey);
const firstRouteKb = sizeOf(entry);

const routes = {};
for (const [key, chunk] of Object.entries(manifest)) {
  if (!chunk.isDynamicEntry) continue;
  const own = [...closure(key)].filter((k) => !entry.has(k));
  routes[chunk.name ?? key] = Math.round(sizeOf(own) * 10) / 10;
}

const report = { budgetKb: BUDGET_KB, firstRouteKb: Math.round(firstRouteKb * 10) / 10, lazyChunksKb: routes };
mkdirSync(join(root, 'target'), { recursive: true });
writeFileSync(join(root, 'target/bundle-size.json'), JSON.stringify(report, null, 2) + '\n');
console.log(`first route JS: ${report.firstRouteKb} KB gzip (budget ${BUDGET_KB} KB)`);
for (const [name, kb] of Object.entries(routes)) console.log(`  + ${name}: ${kb} KB gzip when first shown`);
if (firstRouteKb > BUDGET_KB) {
  console.error(`The first route's JavaScript is ${report.firstRouteKb} KB gzip, over the ${BUDGET_KB} KB budget`);
  process.exit(1);
}
