import { after } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canaryStoreTests } from './conformance.js';
import { MemoryCanaryStore } from './memory.js';
import { SqliteCanaryStore } from './sqlite.js';

const dir = mkdtempSync(join(tmpdir(), 'moat-canary-'));
let n = 0;
after(() => rmSync(dir, { recursive: true, force: true }));

canaryStoreTests('memory', () => new MemoryCanaryStore());
canaryStoreTests('sqlite', () => new SqliteCanaryStore(join(dir, `provenance-${n++}.db`)));
