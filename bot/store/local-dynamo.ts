import type { AddressInfo } from "node:net";
import dynalite from "dynalite";

export interface LocalDynamo {
  endpoint: string;
  /** Calls `listener` with the operation ("GetItem", "Query") of every request it receives. */
  onRequest(listener: (operation: string) => void): void;
  close(): Promise<void>;
}

/**
 * Starts an embedded DynamoDB-protocol server (dynalite) on 127.0.0.1: in memory, or kept on
 * disk under `path`. Tests, `npm run ask` and `npm start` use it; nothing leaves the machine.
 */
export async function startLocalDynamo(
  options: { path?: string; port?: number } = {},
): Promise<LocalDynamo> {
  const server = dynalite({
    path: options.path,
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    onRequest(listener) {
      server.on("request", (req: { headers: Record<string, string | string[] | undefined> }) => {
        // "DynamoDB_20120810.GetItem": the protocol names the operation in this header.
        const target = String(req.headers["x-amz-target"] ?? "");
        listener(target.slice(target.indexOf(".") + 1));
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive sockets from the SDK would otherwise hold the server open.
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
