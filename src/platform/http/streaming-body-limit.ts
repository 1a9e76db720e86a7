import type { MiddlewareHandler } from 'hono';

/**
 * A body limit for uploads that keeps them streaming. A declared length over the limit is refused
 * at once; a body without one (chunked) passes through a counter that fails the route's read with
 * `tooLarge()` once it passes the limit. Hono's `bodyLimit` reads a chunked body whole into memory
 * before the route runs (up to the limit: half a gigabyte for an import, gigabytes for a restore),
 * so it serves only the small JSON bodies.
 */
export function streamingBodyLimit(maxBytes: number, tooLarge: () => Error): MiddlewareHandler {
  return async (c, next) => {
    const body = c.req.raw.body;
    if (!body) return next();
    const declared = c.req.raw.headers.get('content-length');
    if (declared !== null && !c.req.raw.headers.has('transfer-encoding')) {
      if (Number(declared) > maxBytes) throw tooLarge();
      return next();
    }
    let seen = 0;
    const counted = body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(piece, controller) {
          seen += piece.byteLength;
          if (seen > maxBytes) controller.error(tooLarge());
          else controller.enqueue(piece);
        },
      }),
    );
    c.req.raw = new Request(c.req.raw, { body: counted, duplex: 'half' } as RequestInit);
    return next();
  };
}
