import { type KeyObject, randomUUID } from "node:crypto";
import type { Logger } from "@aws-lambda-powertools/logger";
import type { APIInteraction } from "discord-api-types/v10";
import type { AfterResponse } from "../after-response";
import type { CommandRequest } from "../commands/context";
import { takesLong } from "../commands/registry";
import type { Bot } from "../core";
import type { ChannelPoster } from "../delivery";
import type { HttpRequest, HttpResponse } from "../platform";
import { postWithin } from "../posting";
import type { ReplyFile } from "../reply";
import { attachedFile, choiceClick, formSubmission, modalOf, opensAsModal } from "./chat-changes";
import { couldNotShare, type DeferredJob, SHARED_UPDATE, sharedReply } from "./deferred";
import { commandRequest, INTERACTION, shareCustomId, shareRequest } from "./interaction";
import { Interaction } from "./interaction-shape";
import { DISCORD_LIMITS as L } from "./limits";
import { clip, type DiscordMessage, EPHEMERAL, noticeMessage, renderReply } from "./render";
import { checkSignature } from "./verify";

/** Interaction callback types (discord-api-types' InteractionResponseType, without its runtime). */
export const RESPONSE = {
  pong: 1,
  message: 4,
  deferredMessage: 5,
  deferredUpdate: 6,
  updateMessage: 7,
  autocomplete: 8,
  modal: 9,
} as const;

export interface DiscordAppDependencies {
  bot: Bot;
  publicKey: KeyObject;
  clock: () => Date;
  poster: ChannelPoster;
  /** Follow-ups and slow answers, once the interaction's response has left. */
  later: AfterResponse;
  logger: Logger;
  /** How long a share may spend posting before the response must leave. */
  shareBudgetMs?: number;
}

const json = (statusCode: number, body: unknown): HttpResponse => ({
  statusCode,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

const messageResponse = (message: DiscordMessage) =>
  json(200, { type: RESPONSE.message, data: message });

/**
 * A message with files attached: Discord takes the interaction response as multipart form
 * data, the message as `payload_json` and each file as `files[n]`.
 */
function messageWithFiles(message: DiscordMessage, files: readonly ReplyFile[]): HttpResponse {
  const boundary = `trip-bot-${randomUUID()}`;
  const attachments = files.map((f, id) => ({ id, filename: f.name }));
  const payload = { type: RESPONSE.message, data: { ...message, attachments } };
  const parts = [
    `Content-Disposition: form-data; name="payload_json"\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(payload)}`,
    ...files.map(
      (f, i) =>
        `Content-Disposition: form-data; name="files[${i}]"; filename="${f.name.replace(/["\r\n]/g, "")}"\r\nContent-Type: ${f.contentType}\r\n\r\n${f.text}`,
    ),
  ];
  return {
    statusCode: 200,
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    body: `${parts.map((p) => `--${boundary}\r\n${p}\r\n`).join("")}--${boundary}--\r\n`,
  };
}

type Deps = DiscordAppDependencies;

const jobFor = (interaction: APIInteraction) => ({
  applicationId: interaction.application_id,
  token: interaction.token,
});

const deferredPrivately = () =>
  json(200, { type: RESPONSE.deferredMessage, data: { flags: EPHEMERAL } });

async function command(deps: Deps, interaction: APIInteraction, request: CommandRequest) {
  // A trip file attached to `trip upload` is fetched and checked once the answer has left.
  const file = request.input === "download" ? undefined : attachedFile(interaction);
  if (file) {
    deps.later.defer({
      type: "upload",
      ...jobFor(interaction),
      request,
      file,
    } satisfies DeferredJob);
    return deferredPrivately();
  }
  // A command whose definition says it may pass the 3-second deadline is acknowledged now.
  if (takesLong(request)) {
    deps.later.defer({ type: "command", ...jobFor(interaction), request } satisfies DeferredJob);
    return json(200, { type: RESPONSE.deferredMessage, data: { flags: EPHEMERAL } });
  }
  const reply = await deps.bot.answer(request);
  if (reply.form && opensAsModal(reply.form)) {
    return json(200, { type: RESPONSE.modal, data: modalOf(reply.form) });
  }
  const messages = renderReply(reply, { shareId: shareCustomId(request.command, request.input) });
  const [first] = messages;
  if (messages.length === 1 && first) {
    return reply.files?.length ? messageWithFiles(first, reply.files) : messageResponse(first);
  }
  // Several messages: follow-ups can only follow a response, so acknowledge now and send
  // them all once it has left.
  deps.later.defer({ type: "follow-ups", ...jobFor(interaction), messages } satisfies DeferredJob);
  const flags = reply.visibility === "private" ? EPHEMERAL : 0;
  return json(200, { type: RESPONSE.deferredMessage, data: { flags } });
}

async function share(deps: Deps, interaction: APIInteraction, request: CommandRequest) {
  const reply = sharedReply(await deps.bot.answer(request), request);
  if (renderReply(reply).length > 1) {
    deps.later.defer({ type: "share", ...jobFor(interaction), request } satisfies DeferredJob);
    return json(200, { type: RESPONSE.deferredUpdate });
  }
  const outcome = await postWithin(
    deps.poster,
    request.channel.id,
    reply,
    deps.shareBudgetMs ?? 2000,
  );
  if (!outcome.ok) return messageResponse(noticeMessage(couldNotShare(outcome.reason)));
  return json(200, { type: RESPONSE.updateMessage, data: SHARED_UPDATE });
}

async function autocomplete(deps: Deps, request: CommandRequest) {
  const suggestions = await deps.bot.suggest(request);
  const choices = suggestions
    .filter((s) => s.value.length <= L.choiceValue && s.value.length > 0)
    .slice(0, L.autocompleteChoices)
    .map((s) => ({ name: clip(s.label, L.choiceName), value: s.value }));
  return json(200, { type: RESPONSE.autocomplete, data: { choices } });
}

const NO_CHOICES = json(200, { type: RESPONSE.autocomplete, data: { choices: [] } });

async function interact(deps: Deps, interaction: APIInteraction): Promise<HttpResponse> {
  switch (interaction.type) {
    case INTERACTION.ping:
      return json(200, { type: RESPONSE.pong });
    case INTERACTION.autocomplete: {
      const request = commandRequest(interaction);
      return request ? autocomplete(deps, request) : NO_CHOICES;
    }
    case INTERACTION.command: {
      const request = commandRequest(interaction);
      return request
        ? command(deps, interaction, request)
        : messageResponse(noticeMessage("This command is not one of this bot's."));
    }
    case INTERACTION.component: {
      const click = choiceClick(interaction);
      if (click) {
        // The preview message becomes the outcome once the load (or the cancel) is done.
        deps.later.defer({ type: "press", ...jobFor(interaction), ...click } satisfies DeferredJob);
        return json(200, { type: RESPONSE.deferredUpdate });
      }
      const request = shareRequest(interaction);
      return request
        ? share(deps, interaction, request)
        : messageResponse(noticeMessage("That button is no longer supported."));
    }
    case INTERACTION.modalSubmit: {
      const submitted = formSubmission(interaction);
      if (!submitted) return messageResponse(noticeMessage("That form is no longer supported."));
      deps.later.defer({
        type: "form",
        ...jobFor(interaction),
        ...submitted,
      } satisfies DeferredJob);
      return deferredPrivately();
    }
    default:
      return json(400, { error: "unsupported interaction type" });
  }
}

/** The signed interaction in a request, or the 4xx that refuses it. */
function interactionOf(deps: Deps, request: HttpRequest): APIInteraction | HttpResponse {
  const check = checkSignature(
    deps.publicKey,
    request.headers["x-signature-ed25519"],
    request.headers["x-signature-timestamp"],
    request.body,
    deps.clock(),
  );
  if (!check.ok) return json(401, { error: "invalid request signature" });
  let body: unknown;
  try {
    body = JSON.parse(request.body.toString("utf8"));
  } catch {
    return json(400, { error: "body is not JSON" });
  }
  // Checked, then used as sent: the schema covers what is read, Discord's other fields pass.
  if (!Interaction.safeParse(body).success) {
    return json(400, { error: "not an interaction this app answers" });
  }
  return body as APIInteraction;
}

/** Discord's interactions endpoint: verify, parse, answer. Never throws. */
export function createDiscordApp(deps: DiscordAppDependencies) {
  return {
    async handle(request: HttpRequest): Promise<HttpResponse> {
      try {
        const interaction = interactionOf(deps, request);
        if ("statusCode" in interaction) return interaction;
        try {
          return await interact(deps, interaction);
        } catch (error) {
          deps.logger.error("Discord interaction failed", { error });
          // Tell the person, rather than let Discord say "the application did not respond".
          return interaction.type === INTERACTION.autocomplete
            ? NO_CHOICES
            : messageResponse(
                noticeMessage("Something went wrong answering that. Try again in a moment."),
              );
        }
      } catch (error) {
        deps.logger.error("Discord request failed", { error });
        return json(500, { error: "internal error" });
      }
    },
  };
}

export type DiscordApp = ReturnType<typeof createDiscordApp>;
