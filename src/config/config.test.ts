import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, ConfigError } from './config.js';

const dir = () => mkdtempSync(join(tmpdir(), 'moat-cfg-'));

test('defaults need nothing and generate an admin token once, 0600', () => {
  const d = dir();
  const a = loadConfig({ MOAT_DATA_DIR: d });
  assert.equal(a.port, 8787);
  assert.equal(a.store.kind, 'sqlite');
  assert.equal(a.adminTokenGenerated, true);
  assert.equal(statSync(join(d, 'admin-token')).mode & 0o777, 0o600);
  const b = loadConfig({ MOAT_DATA_DIR: d });
  assert.equal(b.adminTokenResolved, a.adminTokenResolved);
  assert.equal(b.adminTokenGenerated, false);
  assert.ok(Object.isFrozen(b) && Object.isFrozen(b.upstreams));
});

test('env overrides: port, admin token, upstream URL and key', () => {
  const c = loadConfig({
    MOAT_DATA_DIR: dir(),
    MOAT_PORT: '9999',
    MOAT_ADMIN_TOKEN: 'a-long-enough-admin-token',
    MOAT_UPSTREAM_URL: 'http://127.0.0.1:8000/v1',
    MOAT_UPSTREAM_KEY: 'sk-up',
  });
  assert.equal(c.port, 9999);
  assert.equal(c.adminTokenResolved, 'a-long-enough-admin-token');
  assert.equal(c.upstreams['default']?.apiKey, 'sk-up');
  assert.ok(c.models.some((m) => m.name === '*' && m.upstream === 'default'));
});

test('a bad field stops start-up naming the field and the expectation', () => {
  const d = dir();
  const f = join(d, 'moat.yaml');
  writeFileSync(f, 'port: "eighty"\nupstreams:\n  x:\n    kind: openai\n    baseUrl: not a url\n');
  assert.throws(
    () => loadConfig({ MOAT_CONFIG: f, MOAT_DATA_DIR: d }),
    (err: Error) => {
      assert.ok(err instanceof ConfigError);
      assert.match(err.message, /port: .*number/);
      assert.match(err.message, /upstreams\.x\.baseUrl/);
      return true;
    },
  );
  writeFileSync(f, 'models:\n  - { name: m, upstream: missing }\n');
  assert.throws(
    () => loadConfig({ MOAT_CONFIG: f, MOAT_DATA_DIR: d }),
    /models\.0\.upstream: "missing" is not defined/,
  );
  writeFileSync(f, 'unknownField: 1\n');
  assert.throws(() => loadConfig({ MOAT_CONFIG: f, MOAT_DATA_DIR: d }), /unknownField/);
  assert.throws(
    () => loadConfig({ MOAT_PORT: 'abc', MOAT_DATA_DIR: d }),
    /MOAT_PORT: expected an integer/,
  );
  assert.throws(() => loadConfig({ MOAT_CONFIG: join(d, 'nope.yaml') }), /file not found/);
});

test('the shipped example config loads', () => {
  const c = loadConfig({
    MOAT_CONFIG: new URL('../../examples/moat.yaml', import.meta.url).pathname,
    MOAT_DATA_DIR: dir(),
    ANTHROPIC_API_KEY: 'x',
  });
  assert.equal(c.upstreams['anthropic']?.apiKey, 'x');
  assert.ok(
    readFileSync(new URL('../../examples/moat.yaml', import.meta.url), 'utf8').includes(
      'trustedProxies',
    ),
  );
});

test('issue 14: hardening defaults — 32 MiB bodies, nesting 64, timeouts, connection cap; bad timeouts name the field', () => {
  const c = loadConfig({ MOAT_DATA_DIR: dir() });
  assert.equal(c.bodyLimitBytes, 32 * 1024 * 1024);
  assert.equal(c.maxJsonDepth, 64);
  assert.equal(c.http.headersTimeoutMs, 15_000);
  assert.equal(c.http.requestTimeoutMs, 120_000);
  assert.equal(c.http.keepAliveTimeoutMs, 5_000);
  assert.equal(c.http.maxConnections, 4_096);
  assert.equal(c.metrics.auth, 'admin-token');
  const d = dir();
  const file = join(d, 'moat.yaml');
  writeFileSync(file, 'http:\n  headersTimeoutMs: 9000\n  requestTimeoutMs: 1000\n');
  assert.throws(
    () => loadConfig({ MOAT_CONFIG: file, MOAT_DATA_DIR: d }),
    (e: Error) => e instanceof ConfigError && /http\.headersTimeoutMs/.test(e.message),
  );
});
