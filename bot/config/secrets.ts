import { type Platform, secretArnVariable } from "../platform";

/**
 * Which Secrets Manager secret holds which settings: one secret per platform, named by the
 * platform's `<NAME>_SECRET_ARN` variable and holding its `secrets`. A secret's value is a JSON
 * object whose keys are the environment variable names it stands in for, so the handlers read
 * one shape of configuration whether it came from Secrets Manager (AWS) or the environment
 * (tests, local runs).
 */
export function secretSources(
  platforms: readonly Pick<Platform, "name" | "secrets">[],
): Record<string, readonly string[]> {
  return Object.fromEntries(platforms.map((p) => [secretArnVariable(p), p.secrets]));
}

/** Returns a secret's string value (undefined when it has none yet). */
export type SecretFetcher = (secretId: string) => Promise<string | undefined>;

/**
 * Seconds Powertools keeps a secret in memory. Long enough that a warm container never asks
 * Secrets Manager again on the request path; short enough that a value put after the deploy
 * reaches callers that ask again (the reminders run) within minutes, without a redeploy.
 */
export const SECRET_CACHE_SECONDS = 300;

/**
 * Whether Secrets Manager refused because the secret has no value yet: the stack creates each
 * secret empty, and "can't find the specified secret value" (no AWSCURRENT version) means
 * nothing was put. A secret that does not exist at all is a different message, still an error.
 */
export function isSecretWithoutValue(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) {
    if (e.name === "ResourceNotFoundException" && /secret value/i.test(e.message)) return true;
  }
  return false;
}

type GetSecret = (secretId: string) => Promise<string | Uint8Array | undefined>;

/** A fetcher over a Secrets Manager read, with "no value yet" read as none. */
export function secretsManagerFetcher(get: GetSecret): SecretFetcher {
  return async (secretId) => {
    let value: string | Uint8Array | undefined;
    try {
      value = await get(secretId);
    } catch (error) {
      if (isSecretWithoutValue(error)) return undefined;
      throw error;
    }
    if (value === undefined || typeof value === "string") return value;
    return Buffer.from(value).toString("utf8");
  };
}

const powertoolsFetcher = secretsManagerFetcher(async (secretId) => {
  // Loaded on first use: where no secret is named (tests, local runs) it costs nothing.
  const { getSecret } = await import("@aws-lambda-powertools/parameters/secrets");
  return getSecret(secretId, { maxAge: SECRET_CACHE_SECONDS });
});

/**
 * The settings one secret holds: only the names it may provide, only non-empty strings (an
 * empty one, as an operator may leave it, must not hide a real value from the environment). Errors
 * name the secret and the setting, never a value.
 */
export function parseSecret(
  secretId: string,
  text: string | undefined,
  names: readonly string[],
): Record<string, string> {
  if (text === undefined || text.trim() === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`Secret ${secretId} is not JSON: store an object such as {"${names[0]}":"…"}`);
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new Error(`Secret ${secretId} must be a JSON object with the keys ${names.join(", ")}`);
  }
  const settings: Record<string, string> = {};
  for (const name of names) {
    const value = (parsed as Record<string, unknown>)[name];
    if (value === undefined || value === null) continue;
    if (typeof value !== "string") throw new Error(`Secret ${secretId}: ${name} must be a string`);
    if (value.trim() !== "") settings[name] = value.trim();
  }
  return settings;
}

/**
 * The environment with the platform credentials filled in. For each `*_SECRET_ARN` variable that
 * is set, the named secret is read (through Powertools Parameters, cached per container) and its
 * settings override the plain variables; with none set (tests, `npm start`) this is the
 * environment as it is. Call it once when a handler builds its dependencies.
 */
export async function loadSecrets(
  env: NodeJS.ProcessEnv = process.env,
  fetchSecret: SecretFetcher = powertoolsFetcher,
  platforms: readonly Pick<Platform, "name" | "secrets">[],
): Promise<NodeJS.ProcessEnv> {
  const sources = Object.entries(secretSources(platforms));
  const found = await Promise.all(
    sources.map(async ([variable, names]) => {
      const secretId = env[variable];
      if (!secretId) return {};
      return parseSecret(secretId, await fetchSecret(secretId), names);
    }),
  );
  return Object.assign({}, env, ...found);
}

export interface WithSecretsOptions {
  env?: NodeJS.ProcessEnv;
  fetchSecret?: SecretFetcher;
  /** Whose secrets to read (a function is given only its own platforms' ARNs). */
  platforms: readonly Pick<Platform, "name" | "secrets">[];
  /** Told when a refresh fails and the loaded secrets are kept. */
  onStale?: (error: unknown) => void;
}

/**
 * A Lambda handler built from the environment with its secrets filled in. It is built on the
 * first call and kept for the container, and built again only when a secret's value changes:
 * each call asks `loadSecrets`, which Powertools answers from memory except once every
 * SECRET_CACHE_SECONDS. So a container that started before the credentials were put (right after
 * a deploy) or before a token was rotated picks the new ones up within minutes, with no redeploy.
 * If Secrets Manager cannot be reached, a built handler goes on with what it has.
 */
export function withSecrets<A extends unknown[], R>(
  build: (env: NodeJS.ProcessEnv) => (...args: A) => Promise<R>,
  options: WithSecretsOptions,
): (...args: A) => Promise<R> {
  const { platforms } = options;
  const settings = platforms.flatMap((p) => p.secrets);
  let built: { handler: (...args: A) => Promise<R>; fingerprint: string } | undefined;
  return async (...args) => {
    let env: NodeJS.ProcessEnv;
    try {
      env = await loadSecrets(options.env ?? process.env, options.fetchSecret, platforms);
    } catch (e) {
      if (!built) throw e;
      options.onStale?.(e);
      return built.handler(...args);
    }
    const fingerprint = JSON.stringify(settings.map((name) => env[name] ?? null));
    if (built?.fingerprint !== fingerprint) built = { handler: build(env), fingerprint };
    return built.handler(...args);
  };
}
