import { GetParameterError } from "@aws-lambda-powertools/parameters/errors";
import { ResourceNotFoundException } from "@aws-sdk/client-secrets-manager";
import { describe, expect, it } from "vitest";
import { PLATFORMS } from "../platforms";
import {
  loadSecrets as loadFor,
  parseSecret,
  type SecretFetcher,
  secretsManagerFetcher,
  type WithSecretsOptions,
  withSecrets as withFor,
} from "./secrets";

/** The loader as every function uses it, over the platform list. */
const loadSecrets = (env: NodeJS.ProcessEnv, fetcher: SecretFetcher) =>
  loadFor(env, fetcher, PLATFORMS);
const withSecrets = <A extends unknown[], R>(
  build: (env: NodeJS.ProcessEnv) => (...args: A) => Promise<R>,
  options: Omit<WithSecretsOptions, "platforms">,
) => withFor(build, { ...options, platforms: PLATFORMS });

const SLACK_ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:slack-AbCdEf";
const DISCORD_ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:discord-AbCdEf";

const fakeSecrets = (values: Record<string, string | undefined>) => {
  const asked: string[] = [];
  const fetcher: SecretFetcher = async (id) => {
    asked.push(id);
    return values[id];
  };
  return { fetcher, asked };
};

const failingFetcher: SecretFetcher = async () => {
  throw new Error("Secrets Manager must not be called");
};

describe("loadSecrets", () => {
  it("falls back to the plain environment when no secret is named (tests, local runs)", async () => {
    const env = { TABLE_NAME: "t", SLACK_SIGNING_SECRET: "local-secret", DISCORD_PUBLIC_KEY: "ab" };
    expect(await loadSecrets(env, failingFetcher)).toEqual(env);
  });

  it("fills the platform settings from each named secret", async () => {
    const { fetcher, asked } = fakeSecrets({
      [SLACK_ARN]: JSON.stringify({ SLACK_SIGNING_SECRET: "s3cret", SLACK_BOT_TOKEN: "xoxb-1" }),
      [DISCORD_ARN]: JSON.stringify({
        DISCORD_PUBLIC_KEY: "abcd",
        DISCORD_APPLICATION_ID: "123",
        DISCORD_BOT_TOKEN: "bot-token",
      }),
    });
    const env = await loadSecrets(
      { TABLE_NAME: "t", SLACK_SECRET_ARN: SLACK_ARN, DISCORD_SECRET_ARN: DISCORD_ARN },
      fetcher,
    );
    expect(asked.sort()).toEqual([DISCORD_ARN, SLACK_ARN].sort());
    expect(env).toMatchObject({
      TABLE_NAME: "t",
      SLACK_SIGNING_SECRET: "s3cret",
      SLACK_BOT_TOKEN: "xoxb-1",
      DISCORD_PUBLIC_KEY: "abcd",
      DISCORD_APPLICATION_ID: "123",
      DISCORD_BOT_TOKEN: "bot-token",
    });
  });

  it("reads only the secret a function is given", async () => {
    const { fetcher, asked } = fakeSecrets({
      [SLACK_ARN]: JSON.stringify({ SLACK_SIGNING_SECRET: "s3cret" }),
    });
    const env = await loadSecrets({ SLACK_SECRET_ARN: SLACK_ARN }, fetcher);
    expect(asked).toEqual([SLACK_ARN]);
    expect(env.SLACK_SIGNING_SECRET).toBe("s3cret");
    expect(env.DISCORD_BOT_TOKEN).toBeUndefined();
  });

  it("keeps a plain variable when the secret still holds the empty placeholder", async () => {
    const { fetcher } = fakeSecrets({
      [SLACK_ARN]: JSON.stringify({ SLACK_SIGNING_SECRET: "", SLACK_BOT_TOKEN: "" }),
    });
    const env = await loadSecrets(
      { SLACK_SECRET_ARN: SLACK_ARN, SLACK_SIGNING_SECRET: "from-env" },
      fetcher,
    );
    expect(env.SLACK_SIGNING_SECRET).toBe("from-env");
    expect(env.SLACK_BOT_TOKEN).toBeUndefined();
  });

  it("does not change the environment it was given", async () => {
    const { fetcher } = fakeSecrets({ [SLACK_ARN]: '{"SLACK_BOT_TOKEN":"xoxb-2"}' });
    const given = { SLACK_SECRET_ARN: SLACK_ARN };
    await loadSecrets(given, fetcher);
    expect(given).toEqual({ SLACK_SECRET_ARN: SLACK_ARN });
  });
});

describe("reading Secrets Manager", () => {
  // What Powertools throws, wrapping what Secrets Manager answered.
  const refused = (message: string) =>
    new GetParameterError(message, {
      cause: new ResourceNotFoundException({ message, $metadata: {} }),
    });

  it("reads a secret the stack created without a value as not configured", async () => {
    const fetch = secretsManagerFetcher(async () => {
      throw refused(
        "Secrets Manager can't find the specified secret value for staging label: AWSCURRENT",
      );
    });
    expect(await fetch(SLACK_ARN)).toBeUndefined();
    const env = { SLACK_SECRET_ARN: SLACK_ARN, SLACK_SIGNING_SECRET: "local" };
    expect(await loadSecrets(env, fetch)).toEqual(env);
  });

  it("still fails on a secret that does not exist (a wrong ARN), or when it cannot ask", async () => {
    const missing = secretsManagerFetcher(async () => {
      throw refused("Secrets Manager can't find the specified secret.");
    });
    await expect(missing(SLACK_ARN)).rejects.toThrow(/can't find the specified secret\./);
    const down = secretsManagerFetcher(async () => {
      throw new Error("connect ETIMEDOUT");
    });
    await expect(down(SLACK_ARN)).rejects.toThrow(/ETIMEDOUT/);
  });

  it("decodes a binary value", async () => {
    const fetch = secretsManagerFetcher(async () => new TextEncoder().encode('{"a":"b"}'));
    expect(await fetch(SLACK_ARN)).toBe('{"a":"b"}');
  });
});

describe("parseSecret", () => {
  const names = ["SLACK_SIGNING_SECRET", "SLACK_BOT_TOKEN"];

  it("takes only the settings the secret may provide, trimmed", () => {
    const text = JSON.stringify({
      SLACK_SIGNING_SECRET: " abc \n",
      TABLE_NAME: "not-from-a-secret",
      other: "x",
    });
    expect(parseSecret("slack", text, names)).toEqual({ SLACK_SIGNING_SECRET: "abc" });
  });

  it("treats a secret with no value yet as empty", () => {
    expect(parseSecret("slack", undefined, names)).toEqual({});
    expect(parseSecret("slack", "  ", names)).toEqual({});
  });

  it("explains a value that is not a JSON object, without echoing it", () => {
    expect(() => parseSecret("slack", "xoxb-plain-token", names)).toThrow(
      /Secret slack is not JSON/,
    );
    expect(() => parseSecret("slack", "xoxb-plain-token", names)).not.toThrow(/xoxb/);
    expect(() => parseSecret("slack", '["a"]', names)).toThrow(/must be a JSON object/);
    expect(() => parseSecret("slack", '{"SLACK_BOT_TOKEN":42}', names)).toThrow(
      /SLACK_BOT_TOKEN must be a string/,
    );
  });
});

describe("withSecrets", () => {
  const env = { TABLE_NAME: "t", SLACK_SECRET_ARN: SLACK_ARN };
  const secretHolding = (values: (string | Error)[]) => {
    let call = 0;
    const fetcher: SecretFetcher = async () => {
      const value = values[Math.min(call++, values.length - 1)];
      if (value instanceof Error) throw value;
      return value;
    };
    return fetcher;
  };
  const recordingBuild = () => {
    const builtWith: (string | undefined)[] = [];
    const build = (e: NodeJS.ProcessEnv) => {
      builtWith.push(e.SLACK_SIGNING_SECRET);
      return async (event: string) => `${event}:${e.SLACK_SIGNING_SECRET ?? "unset"}`;
    };
    return { build, builtWith };
  };

  it("builds the handler once while the secret stays the same", async () => {
    const { build, builtWith } = recordingBuild();
    const handler = withSecrets(build, {
      env,
      fetchSecret: secretHolding(['{"SLACK_SIGNING_SECRET":"a"}']),
    });
    expect(await handler("e1")).toBe("e1:a");
    expect(await handler("e2")).toBe("e2:a");
    expect(builtWith).toEqual(["a"]);
  });

  it("builds again once the secret is filled in after the container started", async () => {
    const { build, builtWith } = recordingBuild();
    const handler = withSecrets(build, {
      env,
      fetchSecret: secretHolding(['{"SLACK_SIGNING_SECRET":""}', '{"SLACK_SIGNING_SECRET":"b"}']),
    });
    expect(await handler("e1")).toBe("e1:unset");
    expect(await handler("e2")).toBe("e2:b");
    expect(builtWith).toEqual([undefined, "b"]);
  });

  it("goes on with the loaded secrets when Secrets Manager fails later, but not before", async () => {
    const { build } = recordingBuild();
    const logged: unknown[] = [];
    const later = withSecrets(build, {
      env,
      fetchSecret: secretHolding(['{"SLACK_SIGNING_SECRET":"a"}', new Error("throttled")]),
      onStale: (e) => logged.push(e),
    });
    expect(await later("e1")).toBe("e1:a");
    expect(await later("e2")).toBe("e2:a");
    expect(logged).toHaveLength(1);

    const first = withSecrets(build, { env, fetchSecret: secretHolding([new Error("down")]) });
    await expect(first("e1")).rejects.toThrow(/down/);
  });

  it("passes the plain environment through when no secret is named", async () => {
    const { build } = recordingBuild();
    const handler = withSecrets(build, {
      env: { SLACK_SIGNING_SECRET: "local" },
      fetchSecret: failingFetcher,
    });
    expect(await handler("e")).toBe("e:local");
  });
});
