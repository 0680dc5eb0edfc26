import type { AfterResponse } from "../after-response";
import { takesLong } from "../commands/registry";
import type { Reply } from "../reply";
import { App, type AwsLambdaReceiver, LogLevel } from "./bolt";
import { CANCEL_ACTION, CONFIRM_ACTION } from "./form-requests";
import {
  deferFiles,
  FORM_CALLBACK,
  formSubmissionListener,
  openForm,
  pressListener,
} from "./forms";
import {
  answerOrApologise,
  commandRequest,
  DEFAULT_CALLBACK_MS,
  decodeButtonValue,
  failure,
  type ListenerDependencies,
  MORE_ACTION,
  privateMessages,
  SHARE_ACTION,
  unescapeSlack,
} from "./interaction";
import { type SlackCommandJob, WORKING_ON_IT } from "./jobs";
import { postJson, type SlackPoster } from "./poster";
import { renderReply } from "./render";
import { shareListener } from "./share";

export interface SlackAppDependencies extends ListenerDependencies {
  receiver: AwsLambdaReceiver;
  botToken?: string;
  /** Where a command that may take long is finished, once it has been acknowledged. */
  later: AfterResponse;
  /** Slack's Web API with the bot token (modals, private posts, files). */
  api?: SlackPoster;
}

/**
 * The Bolt app: `/marathon <text>` (any slash command routed here) answers through the core;
 * "Share in channel" posts the same answer publicly; "Show more" shows the next message of a
 * long answer. Listeners answer inside Slack's 3 seconds; a command whose definition says it
 * may take longer is acknowledged at once and finished after the response.
 */
export function createSlackApp(deps: SlackAppDependencies): App {
  const budgetMs = deps.callbackTimeoutMs ?? DEFAULT_CALLBACK_MS;
  const app = new App({
    receiver: deps.receiver,
    // A fixed token needs no auth.test round trip on each cold start.
    authorize: async () => ({ botToken: deps.botToken ?? "" }),
    ignoreSelf: false,
    logger: deps.logger,
    logLevel: LogLevel.ERROR,
  });

  app.command(/^\/\S+$/, async ({ command, ack }) => {
    const arrivedAt = Date.now();
    const origin = { c: command.command, t: unescapeSlack(command.text ?? "") };
    const user = { id: command.user_id, name: command.user_name };
    const request = commandRequest(origin.t, user, command.channel_id, command.team_id, origin.c);
    if (takesLong(request)) {
      const job: SlackCommandJob = {
        kind: "slack-command",
        request,
        responseUrl: command.response_url,
        origin,
      };
      deps.later.defer(job);
      await ack({ response_type: "ephemeral", ...renderReply(WORKING_ON_IT)[0] });
      return;
    }
    let reply: Reply;
    try {
      reply = await deps.bot.answer(request);
    } catch (e) {
      deps.logger.error("answering a slash command failed", e);
      reply = failure("The trip's facts could not be read just now. Please try again.");
    }
    if (reply.form) {
      const apology = await openForm(deps, reply, command, arrivedAt);
      if (!apology) return ack();
      reply = apology;
    }
    reply = deferFiles(deps, reply, command.user_id, command.response_url);
    const [first] = privateMessages(reply, origin);
    await ack({
      response_type: reply.visibility === "public" ? "in_channel" : "ephemeral",
      ...first,
    });
  });

  app.action(MORE_ACTION, async ({ ack, body, action }) => {
    await ack();
    if (body.type !== "block_actions" || action.type !== "button") return;
    const value = decodeButtonValue(action.value);
    const channel = body.channel?.id ?? "";
    if (!value || value.p === undefined) return;
    const user = { id: body.user.id, name: body.user.name };
    const reply = await answerOrApologise(
      deps,
      commandRequest(value.t, user, channel, body.team?.id, value.c),
      body.response_url,
    );
    const message = reply ? privateMessages(reply, value)[value.p] : undefined;
    if (!message) return;
    const sent = await postJson(
      body.response_url,
      { response_type: "ephemeral", replace_original: false, ...message },
      { timeoutMs: budgetMs },
    );
    if (!sent.ok) deps.logger.error("show more failed", sent.reason);
  });

  app.action(SHARE_ACTION, shareListener(deps));
  app.action(CONFIRM_ACTION, pressListener(deps));
  app.action(CANCEL_ACTION, pressListener(deps));
  app.view(FORM_CALLBACK, formSubmissionListener(deps));

  app.error(async (error) => {
    deps.logger.error("unhandled error in a Slack listener", error);
  });

  return app;
}
