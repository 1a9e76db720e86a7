/** GET requests as the benchmark scenarios make them: an API token and the Russian interface. */
type Json = Record<string, unknown>;

function request(url: string, token: string): Promise<Response> {
  return fetch(url, { headers: { authorization: `Bearer ${token}`, 'accept-language': 'ru' } });
}

async function failed(url: string, response: Response): Promise<Error> {
  return new Error(`${url} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
}

/**
 * A GET timed to the last byte received: the body is read but not decoded.
 * NOTE: the scenarios run the client in the server's own process, so decoding and parsing a
 * 2.5 MB answer here would be counted as the server's time (15–30 ms a request).
 */
export async function getBytes(url: string, token: string): Promise<number> {
  const response = await request(url, token);
  if (response.status !== 200) throw await failed(url, response);
  return (await response.arrayBuffer()).byteLength;
}

/** A GET whose JSON answer the scenario reads (not for timed loops). */
export async function getJson<Body = Json>(url: string, token: string): Promise<{ body: Body; bytes: number }> {
  const response = await request(url, token);
  if (response.status !== 200) throw await failed(url, response);
  const bytes = Buffer.from(await response.arrayBuffer());
  return { body: JSON.parse(bytes.toString('utf8')) as Body, bytes: bytes.byteLength };
}
