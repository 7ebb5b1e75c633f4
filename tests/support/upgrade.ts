import { WebSocket } from 'ws';

/**
 * Opens a websocket and reports how its upgrade was answered: 101 with the
 * open socket (closed by the caller), or the HTTP status of the refusal.
 */
export function tryUpgrade(url: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; ws: WebSocket }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}${path}`, { headers });
    ws.on('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0, ws });
      ws.terminate();
    });
    ws.on('open', () => resolve({ status: 101, ws }));
    ws.on('error', (error) => reject(error));
  });
}
