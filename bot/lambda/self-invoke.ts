import type { AfterResponse } from "../after-response";

/** The event a function sends itself: one deferred job, run instead of a request. */
export interface SelfInvocation {
  afterResponse: unknown;
}

export const isSelfInvocation = (event: unknown): event is SelfInvocation =>
  typeof event === "object" && event !== null && "afterResponse" in event;

/**
 * The function's own name and region when running in Lambda, else undefined (then work after
 * the response runs in this process). AWS_ENDPOINT_URL_LAMBDA, as the SDKs read it, lets tests
 * point the client at 127.0.0.1.
 */
export function selfInvokeTarget(env: NodeJS.ProcessEnv) {
  const { AWS_LAMBDA_FUNCTION_NAME: functionName, AWS_REGION: region } = env;
  if (!functionName || !region) return undefined;
  return { functionName, region, endpoint: env.AWS_ENDPOINT_URL_LAMBDA || undefined };
}

/**
 * Hands each job to an asynchronous invocation of this function (`InvocationType: "Event"`,
 * accepted at once with 202). `flush()` waits until Lambda has accepted them all: a call still
 * in flight when the response is returned would freeze with the container. Needs
 * `lambda:InvokeFunction` on the function itself.
 */
export function selfInvokeAfterResponse(
  target: NonNullable<ReturnType<typeof selfInvokeTarget>>,
  onError: (error: unknown) => void,
): AfterResponse {
  // The SDK's Lambda client is loaded on the first job: most requests defer nothing, and a cold
  // start should not pay for it.
  const load = async () => {
    const { LambdaClient, InvokeCommand } = await import("./invoke-client");
    const lambda = new LambdaClient({
      region: target.region,
      ...(target.endpoint ? { endpoint: target.endpoint } : {}),
      // One quick attempt: the answer is waiting on it, and a retry could run the job twice.
      maxAttempts: 1,
    });
    return { lambda, InvokeCommand };
  };
  let client: ReturnType<typeof load> | undefined;
  const pending: Promise<void>[] = [];
  const invoke = async (job: unknown) => {
    const payload: SelfInvocation = { afterResponse: job };
    if (!client) {
      client = load();
      // A failed load is tried again by the next job.
      client.catch(() => {
        client = undefined;
      });
    }
    const { lambda, InvokeCommand } = await client;
    const result = await lambda.send(
      new InvokeCommand({
        FunctionName: target.functionName,
        InvocationType: "Event",
        Payload: new TextEncoder().encode(JSON.stringify(payload)),
      }),
      { abortSignal: AbortSignal.timeout(1500) },
    );
    if (result.StatusCode !== 202) throw new Error(`Lambda Invoke answered ${result.StatusCode}`);
  };
  return {
    defer(job) {
      pending.push(invoke(job).catch(onError));
    },
    async flush() {
      await Promise.all(pending.splice(0));
    },
  };
}
