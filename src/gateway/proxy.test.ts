import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type ServerResponse } from 'node:http';
import { connect } from 'node:net';
import { once } from 'node:events';
import { writeChunk } from './proxy.js';

test('issue 2: a streamed write to a client that already left does not make the stream wait for a drain that never comes', async () => {
  let served: ServerResponse | undefined;
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.flushHeaders();
    served = res;
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  try {
    const client = connect(port, '127.0.0.1', () =>
      client.write('GET / HTTP/1.1\r\nhost: x\r\n\r\n'),
    );
    await once(client, 'data'); // the response head: `served` is set
    client.destroy();
    const res = served!;
    if (!res.destroyed) await once(res, 'close');
    // Upstream events queued before the disconnect are still written by the stream loop.
    // A write that asks its caller to wait would wait for a 'drain' or 'close' that already happened.
    assert.equal(writeChunk(res, 'data: {"late":true}\n\n'), undefined, 'nothing to wait for');
  } finally {
    server.close();
  }
});
