import { readFile } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const PLAYGROUND_DIR = fileURLToPath(new URL("./playground/", import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
  ".yaml": "text/yaml; charset=utf-8",
};

/**
 * The page runs only its own scripts and talks only to this server, so markup that slipped into
 * a drawn message cannot run or send anything anywhere. Embeds' colour bars are inline styles.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** The playground page's files. */
export async function serveStatic(path: string, res: ServerResponse): Promise<void> {
  const relative = normalize(path === "/" ? "index.html" : path.slice(1));
  const type = CONTENT_TYPES[extname(relative)];
  if (relative.startsWith("..") || !type) {
    res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
    return;
  }
  try {
    const body = await readFile(join(PLAYGROUND_DIR, relative));
    res
      .writeHead(200, {
        "content-type": type,
        "cache-control": "no-cache",
        "content-security-policy": CONTENT_SECURITY_POLICY,
        "x-content-type-options": "nosniff",
      })
      .end(body);
  } catch {
    res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
  }
}

/** Whether a request's Host names this server on this machine. */
export function isLocalHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}
