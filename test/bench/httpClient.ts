import http from 'node:http';

export interface HttpAnswer {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

export class HttpError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * A small keep-alive HTTP client for the load: one socket pool per target, no body decoding beyond UTF-8. It is
 * cheaper per request than global fetch, so the load generator's core is not what limits the floors.
 */
export class HttpClient {
  private readonly agent: http.Agent;
  private readonly host: string;
  private readonly port: number;

  constructor(baseUrl: string, maxSockets: number) {
    const url = new URL(baseUrl);
    this.host = url.hostname;
    this.port = Number(url.port);
    this.agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  }

  request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
    timeoutMs = 30_000,
  ): Promise<HttpAnswer> {
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: this.host,
          port: this.port,
          method,
          path,
          agent: this.agent,
          headers: {
            ...(payload === undefined
              ? {}
              : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
              headers: res.headers,
            }),
          );
          res.on('error', reject);
        },
      );
      req.setTimeout(timeoutMs, () =>
        req.destroy(new Error(`${method} ${path} timed out after ${timeoutMs} ms`)),
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** A JSON request that must answer `expect` (200 by default); its parsed body. */
  async json<T>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
    expect: number[] = [200],
  ): Promise<T> {
    const res = await this.request(method, path, body, headers);
    if (!expect.includes(res.status))
      throw new HttpError(`${method} ${path} answered ${res.status}: ${res.body.slice(0, 200)}`, res.status);
    return (res.body ? JSON.parse(res.body) : undefined) as T;
  }

  close(): void {
    this.agent.destroy();
  }
}
