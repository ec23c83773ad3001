import { randomBytes } from 'node:crypto';
import { busTests } from '../bus.case.js';
import { NatsBus } from './nats-bus.js';

const url = process.env['MOAT_TEST_NATS_URL'] ?? 'nats://127.0.0.1:4222';

busTests('nats', async () => {
  const bus = await NatsBus.connect({ url, stream: `T_${randomBytes(5).toString('hex')}`, batchSize: 200, flushMs: 50, maxPending: 10_000 });
  return {
    bus,
    cleanup: async () => {
      await bus.destroy();
      await bus.close();
    },
  };
});
