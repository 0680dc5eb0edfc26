import type { BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { postWithin } from "../posting";
import { type Reply, text } from "../reply";
import {
  answerOrApologise,
  commandRequest,
  DEFAULT_CALLBACK_MS,
  decodeButtonValue,
  type ListenerDependencies,
} from "./interaction";
import { postJson } from "./poster";
import { renderReply } from "./render";

/** "Share in channel": the same answer, posted publicly, with who shared it. */
export const shareListener =
  (deps: ListenerDependencies) =>
  async ({ ack, body, action }: SlackActionMiddlewareArgs<BlockAction>) => {
    await ack();
    if (body.type !== "block_actions" || action.type !== "button") return;
    const value = decodeButtonValue(action.value);
    const channel = body.channel?.id;
    if (!value || !channel) return;
    const user = { id: body.user.id, name: body.user.name };
    const answer = await answerOrApologise(
      deps,
      commandRequest(value.t, user, channel, body.team?.id, value.c),
      body.response_url,
    );
    if (!answer) return;
    const who = body.user.name ?? body.user.username ?? "someone";
    const shared: Reply = {
      ...answer,
      blocks: [
        ...answer.blocks,
        { type: "context", spans: [text(`Shared by ${who} · ${value.c} ${value.t}`.trim())] },
      ],
      buttons: [],
      visibility: "public",
    };
    // Slack waits 3 s for this request in all: every call shares one budget.
    const deadline = Date.now() + (deps.callbackTimeoutMs ?? DEFAULT_CALLBACK_MS);
    const left = () => Math.max(200, deadline - Date.now());
    const posted = deps.poster
      ? await postWithin(deps.poster, channel, shared, Math.max(0, left() - NOTICE_MS))
      : undefined;
    let done = posted?.ok === true;
    // Only when Slack refused outright (the bot is not in this private channel, or has no
    // token) does the answer go through the command's response_url instead: after a timeout or
    // a 5xx the post may have landed, and a second copy would be worse than a retry.
    const refused = !posted || (!posted.ok && !posted.retryable && posted.parts === 0);
    if (refused) {
      deps.logger.warn(
        `chat.postMessage refused (${posted?.ok === false ? posted.reason : "no token"})`,
      );
      done = true;
      for (const message of renderReply(shared)) {
        const sent = await postJson(
          body.response_url,
          { response_type: "in_channel", replace_original: false, ...message },
          { timeoutMs: left() },
        );
        if (!sent.ok) {
          done = false;
          break;
        }
      }
    }
    // Not confirmed, and not found when Slack was asked: sharing again could show it twice.
    const maybeThere = posted?.ok === false && (posted.ambiguous === true || posted.parts > 0);
    await postJson(
      body.response_url,
      done
        ? { delete_original: true }
        : {
            response_type: "ephemeral",
            replace_original: false,
            text: maybeThere ? MAYBE_SHARED : NOT_SHARED,
          },
      { timeoutMs: left() },
    );
  };

const NOT_SHARED = "Sorry, that answer could not be shared just now. Please try again.";
const MAYBE_SHARED =
  "Sorry, that answer could not be shared for sure: Slack did not confirm it, so it may already be in the channel. Look there before sharing it again.";

/** Room left after the post for the notice to the member, inside Slack's 3 seconds. */
const NOTICE_MS = 800;
