import { describe, expect, it } from 'vitest';
import { SERVER_HEAP_MB, serverNodeFlags } from './build-server.js';

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
