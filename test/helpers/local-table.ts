import { type LocalEnvironment, loadTripFile, openLocalEnvironment } from "../../dev/environment";

/**
 * A real DynamoDB-protocol server (dynalite) on 127.0.0.1 with a fresh fact table, optionally
 * with the example trips loaded. Each call gets its own server and table.
 */
export async function localTable(
  options: { trips?: readonly string[] } = {},
): Promise<LocalEnvironment> {
  const env = await openLocalEnvironment({
    tableName: `test-${Math.random().toString(36).slice(2, 10)}`,
  });
  for (const path of options.trips ?? []) await loadTripFile(env.stores, path);
  return env;
}

export { NEW_YORK, NEW_YORK_ORGANISED, PYONGYANG } from "./memory-trips";
