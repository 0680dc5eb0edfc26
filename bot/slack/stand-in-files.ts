/**
 * Slack's file side, played by the stand-in: files members shared (served at their
 * `url_private` to the bot's token only — anyone else gets Slack's sign-in page, with a 200),
 * and the external upload flow the bot uses to send a file (`files.getUploadURLExternal`, a POST
 * of the bytes to the URL it gave, `files.completeUploadExternal`).
 * https://docs.slack.dev/messaging/working-with-files
 */
import { randomBytes } from "node:crypto";
import type { IncomingHttpHeaders, ServerResponse } from "node:http";

/** A file a member put into Slack (through a modal's file input), as Slack describes it. */
export interface HostedFile {
  id: string;
  name: string;
  title: string;
  filetype: string;
  mimetype: string;
  size: number;
  url_private: string;
  url_private_download: string;
  permalink: string;
  user: string;
  created: number;
  timestamp: number;
}

/** A file the bot sent, once `files.completeUploadExternal` shared it. */
export interface SharedFile {
  id: string;
  name: string;
  title: string;
  /** Where it was shared; none: private to the bot. */
  channel?: string;
  comment?: string;
  text: string;
  /** A link anyone holding it may open (Slack's public file link), with its secret. */
  permalink_public: string;
}

interface Upload {
  name: string;
  length: number;
  bytes?: Buffer;
}

/** What Slack serves a file URL to a request without the right token: its sign-in page. */
export const SIGN_IN_PAGE =
  '<!DOCTYPE html><html lang="en"><head><title>Slack</title></head><body><form action="/signin">Sign in to your workspace</form></body></html>';

export class SlackFiles {
  private next = 1;
  private readonly hosted = new Map<
    string,
    { file: HostedFile; bytes: Buffer; chunked: boolean; unreadable: boolean }
  >();
  private readonly uploads = new Map<string, Upload>();
  readonly shared: SharedFile[] = [];

  /** `base()`: where the stand-in is mounted, so URLs point back at it. */
  constructor(private readonly base: () => string) {}

  /**
   * A file a member picked in a modal: its description, as a view_submission carries it.
   * `chunked` serves it without a Content-Length, so only counting the bytes read finds its size;
   * `unreadable` is a file the bot's token may not read (the app lacks files:read, or the file
   * is another workspace's): Slack answers with its sign-in page, whatever the token.
   */
  host(
    input: { name: string; text: string | Buffer; user?: string; filetype?: string },
    options: { chunked?: boolean; unreadable?: boolean } = {},
  ): HostedFile {
    const id = `F${String(this.next++).padStart(8, "0")}`;
    const bytes = typeof input.text === "string" ? Buffer.from(input.text) : input.text;
    const url = `${this.base()}/files-pri/TLOCAL-${id}/${encodeURIComponent(input.name)}`;
    const file: HostedFile = {
      id,
      name: input.name,
      title: input.name,
      filetype: input.filetype ?? input.name.split(".").pop() ?? "text",
      mimetype: "text/plain",
      size: bytes.length,
      url_private: url,
      url_private_download: `${url}?download=1`,
      permalink: `${this.base()}/files/${id}`,
      user: input.user ?? "U0001",
      created: Math.floor(Date.now() / 1000),
      timestamp: Math.floor(Date.now() / 1000),
    };
    this.hosted.set(id, {
      file,
      bytes,
      chunked: options.chunked ?? false,
      unreadable: options.unreadable ?? false,
    });
    return file;
  }

  /** GET `files-pri/<team>-<id>/<name>`: the bytes to the bot's token, else the sign-in page. */
  serve(
    path: string,
    headers: IncomingHttpHeaders,
    res: ServerResponse,
    token: string | undefined,
  ): void {
    const id = /files-pri\/[^/-]+-([^/]+)\//.exec(path)?.[1];
    const entry = id ? this.hosted.get(id) : undefined;
    const auth = headers.authorization ?? "";
    const allowed = token ? auth === `Bearer ${token}` : /^Bearer \S+$/.test(auth);
    if (!allowed || entry?.unreadable) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(SIGN_IN_PAGE);
      return;
    }
    if (!entry) {
      res.writeHead(404, { "content-type": "text/plain" }).end("file not found");
      return;
    }
    if (entry.chunked) {
      res.writeHead(200, { "content-type": entry.file.mimetype });
      res.write(entry.bytes);
      res.end();
      return;
    }
    res
      .writeHead(200, {
        "content-type": entry.file.mimetype,
        "content-length": String(entry.bytes.length),
      })
      .end(entry.bytes);
  }

  /** `files.getUploadURLExternal`: where to POST the bytes, and the new file's id. */
  uploadUrl(body: Record<string, unknown>): Record<string, unknown> {
    const name = typeof body.filename === "string" ? body.filename : "";
    const length = Number(body.length);
    if (!name || !Number.isInteger(length) || length < 1) {
      return { ok: false, error: "invalid_arguments" };
    }
    const id = `F${String(this.next++).padStart(8, "0")}`;
    this.uploads.set(id, { name, length });
    return { ok: true, file_id: id, upload_url: `${this.base()}/upload/${id}` };
  }

  /** The POST to an upload URL: raw bytes, or a multipart form with the file as `filename`. */
  async receive(path: string, raw: Buffer, contentType: string): Promise<number> {
    const id = /upload\/([^/]+)$/.exec(path)?.[1];
    const upload = id ? this.uploads.get(id) : undefined;
    if (!upload) return 404;
    let bytes = raw;
    if (contentType.startsWith("multipart/form-data")) {
      const form = await new Response(raw, { headers: { "content-type": contentType } })
        .formData()
        .catch(() => undefined);
      const part = form?.get("filename") ?? form?.get("file");
      if (!part || typeof part === "string") return 400;
      bytes = Buffer.from(await part.arrayBuffer());
    }
    if (bytes.length !== upload.length) return 400;
    upload.bytes = bytes;
    return 200;
  }

  /** `files.completeUploadExternal`: shares uploaded files, into a channel or privately. */
  complete(body: Record<string, unknown>, canPostIn: (channel: string) => boolean) {
    const files = typeof body.files === "string" ? parseJson(body.files) : body.files;
    if (!Array.isArray(files) || files.length === 0)
      return { ok: false, error: "invalid_arguments" };
    const channel = typeof body.channel_id === "string" ? body.channel_id : undefined;
    if (channel && !canPostIn(channel)) return { ok: false, error: "channel_not_found" };
    const done: SharedFile[] = [];
    for (const f of files as { id?: unknown; title?: unknown }[]) {
      const upload = typeof f.id === "string" ? this.uploads.get(f.id) : undefined;
      if (!upload?.bytes) return { ok: false, error: "file_not_found" };
      // The reader's browser has no Slack session here: the link's secret lets it fetch the file.
      const secret = randomBytes(12).toString("hex");
      done.push({
        id: f.id as string,
        name: upload.name,
        permalink_public: `${this.base()}/files-pub/TLOCAL-${f.id}-${secret}/${encodeURIComponent(upload.name)}`,
        title: typeof f.title === "string" ? f.title : upload.name,
        ...(channel ? { channel } : {}),
        ...(typeof body.initial_comment === "string" ? { comment: body.initial_comment } : {}),
        text: upload.bytes.toString("utf8"),
      });
    }
    for (const f of done) this.uploads.delete(f.id);
    this.shared.push(...done);
    return {
      ok: true,
      files: done.map(({ id, name, title, permalink_public }) => ({
        id,
        name,
        title,
        permalink_public,
      })),
    };
  }

  /** GET `files-pub/<team>-<id>-<secret>/<name>`: a shared file, to whoever holds the link. */
  servePublic(path: string, res: ServerResponse): void {
    const m = /files-pub\/[^/-]+-([^/-]+)-([^/]+)\//.exec(path);
    const file = this.shared.find((f) => f.id === m?.[1]);
    if (!m || !file?.permalink_public.includes(`-${m[2]}/`)) {
      res.writeHead(404, { "content-type": "text/plain" }).end("file not found");
      return;
    }
    res
      .writeHead(200, {
        "content-type": "text/plain; charset=utf-8",
        "content-disposition": `attachment; filename="${file.name.replace(/[^\w.-]/g, "_")}"`,
        "x-content-type-options": "nosniff",
      })
      .end(file.text);
  }
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
