import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildServer, SERVER_HEAP_MB, serverEnv, serverNodeFlags } from './build-server.js';

describe('the compiled server’s Node flags', () => {
  it('cap the old generation, so peak memory under load stays near 200 MB', () => {
    expect(serverNodeFlags({})).toContain(`--max-old-space-size=${SERVER_HEAP_MB}`);
    expect(serverNodeFlags({ NODE_OPTIONS: '--trace-warnings' })).toContain('--max-old-space-size=256');
    expect(serverNodeFlags({})).toContain('--max-semi-space-size=4');
  });

  it('leave the cap to NODE_OPTIONS when it sets one (a flag on the command line would override it)', () => {
    const flags = serverNodeFlags({ NODE_OPTIONS: '--max-old-space-size=1024' });
    expect(flags.some((f) => f.startsWith('--max-old-space-size'))).toBe(false);
    expect(flags).toContain('--enable-source-maps');
  });
});

describe('the compiled server’s environment', () => {
  it('holds glibc to two malloc arenas unless the operator chose a number', () => {
    const postgres = { DATABASE_URL: 'postgres://app@db/confidant' };
    expect(serverEnv(postgres)).toEqual({ MALLOC_ARENA_MAX: '2', ...postgres });
    expect(serverEnv({ ...postgres, MALLOC_ARENA_MAX: '8' }).MALLOC_ARENA_MAX).toBe('8');
  });

  it('returns large blocks to the system on the embedded database only', () => {
    expect(serverEnv({ PORT: '3000' })).toEqual({
      MALLOC_ARENA_MAX: '2',
      MALLOC_MMAP_THRESHOLD_: '32768',
      PORT: '3000',
    });
    expect(serverEnv({ MALLOC_MMAP_THRESHOLD_: '131072' }).MALLOC_MMAP_THRESHOLD_).toBe('131072');
    expect(serverEnv({ DATABASE_URL: 'postgres://app@db/confidant' })).not.toHaveProperty(
      'MALLOC_MMAP_THRESHOLD_',
    );
  });
});

describe('the compiled server', () => {
  it('loads the PDF, spreadsheet, e-mail and file-type libraries when first used, not at start', async () => {
    const code = await readFile(await buildServer(), 'utf8');
    const atStart = [...code.matchAll(/^import (?:.* from )?"([^"]+)";$/gm)].map((m) => m[1]);
    expect(atStart).toContain('fastify');
    for (const lazy of ['pdfkit', 'exceljs', 'nodemailer', 'file-type']) {
      expect(atStart).not.toContain(lazy);
      expect(code).toContain(`import("${lazy}")`);
    }
  });
});
