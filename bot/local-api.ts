import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * How a platform is played on this machine: its Web/REST API answering the bot (posts, history,
 * follow-ups, with the failures real networks have), and its side of a conversation (a reader
 * typing a command or clicking a button, signed as the platform signs). Each adapter folder has
 * one (`stand-in.ts`); tests and `npm start` use the same one. Its requests are signed at its
 * clock's "now", which the handlers it drives must share.
 */
export interface LocalApi {
  readonly platform: string;
  /** For the start text: what a real app needs set, and how to point it at `tunnelUrl`. */
  realAppHint(tunnelUrl: string, route: string): string;
  /** Who types on the local page: one channel, one member, in one workspace or server. */
  readonly reader: LocalReader;
  /**
   * Settings that point the adapter at this stand-in, mounted at `mountUrl`, with development
   * credentials made for this process. Empty where `keep` holds the platform's own credentials
   * (a real app reached through a tunnel): then the stand-in neither answers for the platform
   * nor signs with its secret.
   */
  environment(mountUrl: string, keep: NodeJS.ProcessEnv): Record<string, string>;
  /** Whether `environment` gave development credentials (so the stand-in may sign requests). */
  readonly signing: boolean;
  /** Plays the platform's API for a request under its mount (`path` is below the mount). */
  handle(path: string, req: IncomingMessage, res: ServerResponse): Promise<void>;
  /**
   * The reader typing `/command <text>`; `ref` pairs later messages with it. `file`: one they
   * attached, where the platform lets a command carry one (Discord's attachment option).
   */
  command(
    text: string,
    ref: string,
    mountUrl: string,
    file?: LocalFile,
  ): PlatformRequest | undefined;
  /**
   * The reader submitting a form the bot opened (a modal); undefined when this stand-in does
   * not sign, or never opened that form.
   */
  submit(form: FilledForm, ref: string, mountUrl: string): PlatformRequest | undefined;
  /**
   * Files an answer carried (Discord's multipart response), put where the platform keeps them;
   * each as the message then lists it, with a URL the reader can open.
   */
  hostAnswerFiles?(files: readonly LocalFile[]): Record<string, unknown>[];
  /** The reader clicking a button of an answer. */
  click(
    button: { actionId: string; value: string },
    ref: string,
    mountUrl: string,
  ): PlatformRequest | undefined;
  /** Every message the bot sent through this stand-in, oldest first (the last 200). */
  readonly sent: readonly SentMessage[];
  onSent(listener: (message: SentMessage) => void): () => void;
}

export interface LocalReader {
  workspace: string;
  channel: string;
  user: string;
  userName: string;
}

/** A file the reader chose on this machine. */
export interface LocalFile {
  name: string;
  text: string;
}

/** A form the bot opened, as the reader filled it in. */
export interface FilledForm {
  /** Which form: the view's id on Slack, the modal's custom_id on Discord. */
  id: string;
  /** By field (its action_id or custom_id): what the reader left in it. */
  values: Record<string, string>;
  /** The file chosen in the form's file input, if it has one. */
  file?: LocalFile;
}

/** A request as the platform would send it to the bot's route, signed. */
export interface PlatformRequest {
  headers: Record<string, string>;
  body: string;
}

/** One message the bot sent to a platform, as its stand-in received it. */
export interface SentMessage {
  seq: number;
  at: string;
  platform: string;
  /**
   * "channel": a post into a channel (share, FAQ post, reminder); "response": a reply through
   * a response URL or privately (`ref` then unset); "original" / "follow-up": an interaction's
   * edited or added message; "form": a form the bot opened (a Slack modal, as `message.view`).
   */
  kind: "channel" | "response" | "original" | "follow-up" | "form";
  channel?: string;
  /** The request it answers (a response URL's id, an interaction's token). */
  ref?: string;
  message: Record<string, unknown>;
}

const KEEP = 200;

/** The record of what a stand-in received, shared by every platform's stand-in. */
export class SentLog {
  readonly sent: SentMessage[] = [];
  private seq = 0;
  private readonly listeners = new Set<(m: SentMessage) => void>();

  constructor(private readonly platform: string) {}

  add(entry: Omit<SentMessage, "seq" | "at" | "platform">): SentMessage {
    const full = {
      seq: ++this.seq,
      at: new Date().toISOString(),
      platform: this.platform,
      ...entry,
    };
    this.sent.push(full);
    if (this.sent.length > KEEP) this.sent.shift();
    for (const listener of this.listeners) listener(full);
    return full;
  }

  onSent(listener: (m: SentMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** A request body over the reader's limit: answered 413, as API Gateway answers one. */
export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`The request body is over ${Math.round(limit / 1024)} KB`);
    this.name = "BodyTooLarge";
  }
}

/**
 * A request's body, up to `limit` bytes; over it, `BodyTooLarge` once the rest has been read
 * and dropped, so the client gets an answer rather than a reset connection, and nobody reads a
 * cut-off body as if it were whole.
 */
export function readRequestBody(req: IncomingMessage, limit = 1024 * 1024): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on("end", () =>
      size > limit ? reject(new BodyTooLarge(limit)) : resolve(Buffer.concat(chunks)),
    );
    req.on("error", reject);
  });
}
