/**
 * What the Lambda bundle puts in place of the packages only Bolt's other receivers use (the
 * bundling aliases them here, see infra/bundling.ts). `@slack/bolt/dist/App` requires its HTTP
 * and Socket Mode receivers when it loads, and they require Socket Mode (undici, a WebSocket
 * client), OAuth (jsonwebtoken, semver) and raw-body (iconv-lite): over 1 MiB to compile and
 * ~55 ms of every cold start, for code a function behind API Gateway never runs. Whatever
 * reaches these throws and says why; Bolt's AwsLambdaReceiver, the one this app uses, never does.
 */
function notBundled(what: string): never {
  throw new Error(`${what} is not bundled in this function: it uses Bolt's AwsLambdaReceiver`);
}

/** @slack/socket-mode: SocketModeReceiver's client. */
export class SocketModeClient {
  constructor() {
    notBundled("@slack/socket-mode");
  }
}

/** @slack/oauth: the installer of the HTTP and Socket Mode receivers. */
export class InstallProvider {
  constructor() {
    notBundled("@slack/oauth");
  }
}

/** raw-body: how the HTTP receiver reads a request stream. */
export default function rawBody(): never {
  return notBundled("raw-body");
}
