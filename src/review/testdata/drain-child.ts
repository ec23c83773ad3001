/**
 * Child process for webhook.test.ts: a notifier with nothing else alive in its process
 * (no server, no other timers) waits for delivery to a dead endpoint, then prints its stats.
 */
import { WebhookNotifier } from '../webhook.js';

const w = new WebhookNotifier('http://127.0.0.1:1/hook', { attempts: 3, backoffMs: 20 });
w.notify({ text: 'incident' });
await w.drain();
process.stdout.write(JSON.stringify(w.stats) + '\n');
