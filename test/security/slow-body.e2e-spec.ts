import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropStack, startApi, type RunningApi } from '../support/apps';
import { http } from '../support/client';
import { testConfig } from '../support/test-config';

/**
 * Issue 11: a POST that declares 90,000 bytes and trickles them must not hold a socket. With the
 * request timeout set to 2 s, the trickle (one byte every 300 ms, for 27 s if let run) is cut well
 * before it ends. Bounded: each socket is destroyed after 12 s whatever happens.
 */
const config = testConfig('api', { REQUEST_TIMEOUT_MS: '2000', HEADERS_TIMEOUT_MS: '1000' });
let api: RunningApi;

beforeAll(async () => {
  api = await startApi(config);
});
afterAll(async () => {
  await api?.close();
  await dropStack(config);
});

/** Opens a socket, writes `head`, then one byte every `everyMs`; resolves with what came back and when the server closed. */
function trickle(head: string, everyMs: number): Promise<{ answer: string; closedAfterMs: number; bytesSent: number }> {
  const { port } = new URL(api.url);
  return new Promise((resolve) => {
    const started = Date.now();
    let answer = '';
    let bytesSent = 0;
    const socket: Socket = connect(Number(port), '127.0.0.1', () => socket.write(head));
    const timer = setInterval(() => {
      if (!socket.destroyed && socket.writable) {
        socket.write('x');
        bytesSent++;
      }
    }, everyMs);
    const guard = setTimeout(() => socket.destroy(), 12_000);
    socket.on('data', (d) => (answer += d.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      clearTimeout(guard);
      resolve({ answer, closedAfterMs: Date.now() - started, bytesSent });
    });
  });
}

describe('slow requests', () => {
  it('a body trickled a byte at a time is answered 408 and closed soon after the request timeout', async () => {
    const head =
      'POST /oauth/token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 90000\r\n\r\n';
    const { answer, closedAfterMs, bytesSent } = await trickle(head, 300);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(closedAfterMs).toBeLessThan(8000);
    expect(bytesSent).toBeLessThan(90_000);
  });

  it('headers trickled a byte at a time are cut too', async () => {
    const { closedAfterMs, answer } = await trickle('GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ', 300);
    expect(closedAfterMs).toBeLessThan(8000);
    expect(answer).not.toMatch(/^HTTP\/1\.1 200/);
  });

  it('ordinary requests are unaffected', async () => {
    expect((await http(`${api.url}/health/live`)).status).toBe(200);
  });
});
