/**
 * Bolt's App and AwsLambdaReceiver, imported from their own modules: the package index also
 * loads the Express and Socket Mode receivers (express, mime-db…), which a Lambda never uses.
 */
import * as AppModule from "@slack/bolt/dist/App";
import * as ReceiverModule from "@slack/bolt/dist/receivers/AwsLambdaReceiver";

/**
 * The class a CommonJS module exports as `default`. Bundlers that honour `__esModule` hand us
 * the class; Node's own ESM rules (and esbuild for a "type": "module" package) hand us the
 * whole `module.exports`, with the class one level further down.
 */
function cjsDefault<T>(mod: { default: T }): T {
  const first = mod.default as unknown;
  const nested =
    first && typeof first === "object" && "default" in first
      ? (first as { default: unknown }).default
      : first;
  return nested as T;
}

export const App = cjsDefault(AppModule);
export type App = InstanceType<typeof App>;
export const AwsLambdaReceiver = cjsDefault(ReceiverModule);
export type AwsLambdaReceiver = InstanceType<typeof AwsLambdaReceiver>;
export { LogLevel } from "@slack/bolt/dist/App";
