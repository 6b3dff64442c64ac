/**
 * PGlite against PostgreSQL on the same operations, from two `npm run bench` results (their .json files):
 *   npx tsx bench/compare.ts bench/results/load-pglite-….json bench/results/load-postgres-….json
 * Prints, and writes to bench/results/compare-<date>.md, one table: each operation's req/s and p95 on both,
 * and PGlite's throughput as a share of PostgreSQL's (issue 15 asks for at least 40 %).
 */
import fs from 'node:fs';
import { markdownTable, stamp, writeResult, type PhaseRow } from './support/runner.js';

interface LoadResult {
  kind: string;
  label: string;
  at: string;
  rows: PhaseRow[];
}
const [a, b] = process.argv.slice(2).map((f) => ({
  file: f,
  ...(JSON.parse(fs.readFileSync(f, 'utf8')) as LoadResult),
}));
if (!a || !b) throw new Error('usage: compare.ts <pglite result.json> <postgres result.json>');
const [lite, pgr] = a.kind === 'pglite' ? [a, b] : [b, a];
const rows = lite.rows
  .map((l) => [l, pgr.rows.find((p) => p.operation === l.operation)] as const)
  .filter((pair): pair is readonly [PhaseRow, PhaseRow] => pair[1] !== undefined)
  .map(([l, p]) => [
    l.operation,
    l.reqPerSec,
    p.reqPerSec,
    p.reqPerSec > 0 ? `${Math.round((l.reqPerSec / p.reqPerSec) * 100)} %` : '—',
    l.p95,
    p.p95,
    l.peakRssMb,
    p.peakRssMb,
    `${l.load} / ${p.load}`,
  ]);
const text = `# PGlite vs PostgreSQL${lite.label ? ` (${lite.label})` : ''}

From ${lite.file} (${lite.at}) and ${pgr.file} (${pgr.at}).

${markdownTable(
  [
    'operation',
    'PGlite req/s',
    'PostgreSQL req/s',
    'PGlite / PostgreSQL',
    'PGlite p95 ms',
    'PostgreSQL p95 ms',
    'PGlite peak RSS MB',
    'PostgreSQL peak RSS MB',
    'load avg (PGlite / PostgreSQL)',
  ],
  rows,
)}
`;
const file = writeResult(`compare${lite.label ? `-${lite.label}` : ''}-${stamp()}.md`, text);
console.log(`${text}\nWritten to ${file}`);
