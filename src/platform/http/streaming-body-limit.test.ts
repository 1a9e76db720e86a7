import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { streamingBodyLimit } from './streaming-body-limit';

class TooLarge extends Error {}

/** An app whose one route reads the body piece by piece and says how many bytes it got. */
function uploadApp(maxBytes: number, seen: number[] = []) {
  const app = new Hono();
  app.use(
    '*',
    streamingBodyLimit(maxBytes, () => new TooLarge('too large')),
  );
  app.post('/upload', async (c) => {
    let bytes = 0;
    const reader = (c.req.raw.body as ReadableStream<Uint8Array>).getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      bytes += read.value.byteLength;
      seen.push(bytes);
    }
    return c.text(String(bytes));
  });
  app.onError((error, c) => c.text(error.message, error instanceof TooLarge ? 413 : 500));
  return app;
}

/** A chunked body of `pieces` pieces of `size` bytes; the second waits until `release` is called. */
function chunkedBody(pieces: number, size: number) {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (sent === pieces) return controller.close();
      if (sent === 1) await released;
      sent += 1;
      controller.enqueue(new Uint8Array(size));
    },
  });
  return { body, release, sent: () => sent };
}

const post = (app: Hono, body: ReadableStream<Uint8Array> | string, headers: Record<string, string> = {}) =>
  app.request('/upload', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

describe('streamingBodyLimit', () => {
  it('hands a chunked body to the route as it arrives, not once it is whole', async () => {
    const seen: number[] = [];
    const upload = chunkedBody(3, 1000);
    const response = post(uploadApp(10_000, seen), upload.body);
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The route has read the first piece while the client still holds the second.
    expect(seen).toEqual([1000]);
    expect(upload.sent()).toBe(1);
    upload.release();
    const done = await response;
    expect(done.status).toBe(200);
    expect(await done.text()).toBe('3000');
    expect(seen).toEqual([1000, 2000, 3000]);
  });

  it('fails the route’s read once a chunked body passes the limit', async () => {
    const seen: number[] = [];
    const upload = chunkedBody(5, 1000);
    upload.release();
    const response = await post(uploadApp(2500, seen), upload.body);
    expect(response.status).toBe(413);
    expect(seen).toEqual([1000, 2000]);
  });

  it('fails a route that reads the body whole (arrayBuffer) the same way', async () => {
    const app = new Hono();
    app.use(
      '*',
      streamingBodyLimit(2500, () => new TooLarge('too large')),
    );
    app.post('/upload', async (c) => c.text(String((await c.req.arrayBuffer()).byteLength)));
    app.onError((error, c) => c.text(error.message, error instanceof TooLarge ? 413 : 500));
    const over = chunkedBody(5, 1000);
    over.release();
    expect((await post(app, over.body)).status).toBe(413);
    const within = chunkedBody(2, 1000);
    within.release();
    expect(await (await post(app, within.body)).text()).toBe('2000');
  });

  it('refuses a declared length over the limit before the route runs, and passes one within it', async () => {
    const seen: number[] = [];
    const app = uploadApp(10, seen);
    expect((await post(app, 'x'.repeat(11), { 'content-length': '11' })).status).toBe(413);
    expect(seen).toEqual([]);
    const within = await post(app, 'x'.repeat(10), { 'content-length': '10' });
    expect(await within.text()).toBe('10');
  });
});
