import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canaryStoreTests } from './conformance.js';
import { MemoryCanaryStore } from './memory.js';
import { SqliteCanaryStore } from './sqlite.js';

canaryStoreTests('memory', () => new MemoryCanaryStore());
canaryStoreTests(
  'sqlite',
  () => new SqliteCanaryStore(join(mkdtempSync(join(tmpdir(), 'moat-canary-')), 'provenance.db')),
);
