import { createHash, createHmac } from "node:crypto";
import type { DeferredJob, Deferrer } from "./deferred";

/**
 * On Lambda nothing may run after the response is returned (the container freezes), so a job
 * is handed to a second, asynchronous invocation of the same function (`InvocationType: Event`,
 * answered at once with 202). The handler runs events of this shape instead of an interaction.
 * Needs `lambda:InvokeFunction` on the function itself.
 */
export interface DeferredInvocation {
  discordDeferredJob: DeferredJob;
}

export const isDeferredInvocation = (event: unknown): event is DeferredInvocation =>
  typeof event === "object" && event !== null && "discordDeferredJob" in event;

interface LambdaTarget {
  functionName: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** AWS_ENDPOINT_URL_LAMBDA, as the SDKs read it; tests point it at 127.0.0.1. */
  endpoint?: string;
}

export function lambdaTargetFromEnv(env: NodeJS.ProcessEnv): LambdaTarget | undefined {
  const { AWS_LAMBDA_FUNCTION_NAME, AWS_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY } = env;
  if (!AWS_LAMBDA_FUNCTION_NAME || !AWS_REGION || !AWS_ACCESS_KEY_ID || !AWS_SECRET_ACCESS_KEY) {
    return undefined;
  }
  return {
    functionName: AWS_LAMBDA_FUNCTION_NAME,
    region: AWS_REGION,
    accessKeyId: AWS_ACCESS_KEY_ID,
    secretAccessKey: AWS_SECRET_ACCESS_KEY,
    ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
    ...(env.AWS_ENDPOINT_URL_LAMBDA ? { endpoint: env.AWS_ENDPOINT_URL_LAMBDA } : {}),
  };
}

const sha256 = (data: string) => createHash("sha256").update(data).digest("hex");
const hmac = (key: string | Buffer, data: string) =>
  createHmac("sha256", key).update(data).digest();

/**
 * AWS Signature Version 4 for one JSON POST (the only request this module makes); written on
 * node:crypto because the Lambda client is not a dependency here. The test checks it against
 * the AWS SDK's own signer.
 */
export function signLambdaRequest(
  target: LambdaTarget,
  url: URL,
  headers: Record<string, string>,
  body: string,
  now: Date,
): Record<string, string> {
  const amzDate = now.toISOString().replace(/[:-]|\.\d{3}/g, "");
  const day = amzDate.slice(0, 8);
  const all: Record<string, string> = {
    ...headers,
    host: url.host,
    "x-amz-date": amzDate,
    ...(target.sessionToken ? { "x-amz-security-token": target.sessionToken } : {}),
  };
  const names = Object.keys(all)
    .map((n) => n.toLowerCase())
    .sort();
  const lower = Object.fromEntries(Object.entries(all).map(([k, v]) => [k.toLowerCase(), v]));
  const canonicalHeaders = names.map((n) => `${n}:${String(lower[n]).trim()}\n`).join("");
  const signedHeaders = names.join(";");
  const canonicalRequest = [
    "POST",
    url.pathname,
    "",
    canonicalHeaders,
    signedHeaders,
    sha256(body),
  ].join("\n");
  const scope = `${day}/${target.region}/lambda/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256(canonicalRequest)].join("\n");
  const key = hmac(
    hmac(hmac(hmac(`AWS4${target.secretAccessKey}`, day), target.region), "lambda"),
    "aws4_request",
  );
  const signature = createHmac("sha256", key).update(stringToSign).digest("hex");
  return {
    ...all,
    authorization: `AWS4-HMAC-SHA256 Credential=${target.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}

/**
 * Hands each job to an asynchronous invocation of this function. `flush()` waits until Lambda
 * has accepted them all; the handler calls it before returning, since a request still in
 * flight when the response is returned would be frozen with the container.
 */
export function lambdaInvokeDeferrer(
  target: LambdaTarget,
  clock: () => Date = () => new Date(),
): Deferrer & { flush(): Promise<void> } {
  const pending: Promise<void>[] = [];
  const base = target.endpoint ?? `https://lambda.${target.region}.amazonaws.com`;
  const url = new URL(
    `/2015-03-31/functions/${encodeURIComponent(target.functionName)}/invocations`,
    base,
  );
  async function invoke(job: DeferredJob): Promise<void> {
    const body = JSON.stringify({ discordDeferredJob: job } satisfies DeferredInvocation);
    const headers = signLambdaRequest(
      target,
      url,
      { "content-type": "application/json", "x-amz-invocation-type": "Event" },
      body,
      clock(),
    );
    const response = await fetch(url, {
      method: "POST",
      headers,
      body,
      signal: AbortSignal.timeout(1500),
    });
    if (response.status !== 202) {
      throw new Error(`Lambda Invoke answered ${response.status}: ${await response.text()}`);
    }
  }
  return {
    defer(job) {
      pending.push(
        invoke(job).catch((e) => console.error("could not hand a Discord job to Lambda", e)),
      );
    },
    async flush() {
      await Promise.all(pending.splice(0));
    },
  };
}
