import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('configuration behind a proxy', () => {
  it('refuses TRUST_PROXY=true with a message that says what to set instead', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(
      /TRUST_PROXY: "true" would trust .* list the addresses/,
    );
  });

  it('takes a list of proxy addresses and CIDR ranges, and refuses anything else', () => {
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1,fd00::/8,loopback' }).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    for (const bad of ['*', 'proxy.example.org', '10.0.0.0/33', '10.0.0.1/8/1', 'yes'])
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
  });

  it('requires PUBLIC_URL with NODE_ENV=production, and an http(s) origin when given', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /PUBLIC_URL: required with NODE_ENV=production/,
    );
    expect(
      loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://hulplijn.example.org/' }).publicUrl,
    ).toBe('https://hulplijn.example.org');
    expect(loadConfig({}).publicUrl).toBeUndefined();
    for (const bad of ['hulplijn.example.org', 'javascript:alert(1)', 'https://u:p@hulplijn.example.org'])
      expect(() => loadConfig({ PUBLIC_URL: bad }), bad).toThrow(/PUBLIC_URL/);
  });
});

describe('configuration of a read replica', () => {
  it('takes DATABASE_REPLICA_URL beside DATABASE_URL, and refuses it on the embedded database', () => {
    const primary = 'postgres://confidant_app@db1/confidant';
    const replica = 'postgres://confidant_app@db2/confidant';
    expect(loadConfig({ DATABASE_URL: primary }).databaseReplicaUrl).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: primary, DATABASE_REPLICA_URL: replica }).databaseReplicaUrl).toBe(
      replica,
    );
    expect(() => loadConfig({ DATABASE_REPLICA_URL: replica })).toThrow(
      /DATABASE_REPLICA_URL: a read replica needs PostgreSQL/,
    );
  });
});

describe('configuration of the embedded database', () => {
  it('keeps shared_buffers small by default and takes a size from PGLITE_SHARED_BUFFERS', () => {
    expect(loadConfig({}).pgliteSharedBuffers).toBe('32MB');
    expect(loadConfig({ PGLITE_SHARED_BUFFERS: '128MB' }).pgliteSharedBuffers).toBe('128MB');
    expect(() => loadConfig({ PGLITE_SHARED_BUFFERS: '128MB; drop table x' })).toThrow(
      /PGLITE_SHARED_BUFFERS/,
    );
  });
});

describe('configuration of the PostgreSQL pool', () => {
  it('holds 10 connections by default and takes a size from DATABASE_POOL_SIZE', () => {
    expect(loadConfig({}).databasePoolSize).toBe(10);
    expect(loadConfig({ DATABASE_POOL_SIZE: '25' }).databasePoolSize).toBe(25);
    expect(() => loadConfig({ DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE/);
    expect(() => loadConfig({ DATABASE_POOL_SIZE: 'many' })).toThrow(/DATABASE_POOL_SIZE/);
  });
});
