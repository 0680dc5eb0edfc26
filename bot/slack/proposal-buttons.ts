import type { Reply } from "../reply";
import { truncateUnits } from "../text/units";
import type { ButtonElement, SlackMessage } from "./blocks";
import { CANCEL_ACTION, CONFIRM_ACTION } from "./form-requests";
import { SLACK_LIMITS } from "./limits";
import { renderReply } from "./render";

/**
 * A preview's Confirm and Cancel as Block Kit buttons: the action routes the click, the value
 * is the proposal's id, the style Slack's primary / danger.
 */
export function proposalButtons(reply: Reply): ButtonElement[] {
  const buttons: ButtonElement[] = [];
  for (const b of reply.buttons) {
    if ((b.action !== "confirm" && b.action !== "cancel") || !b.value) continue;
    if (b.value.length > SLACK_LIMITS.buttonValue) continue;
    buttons.push({
      type: "button",
      text: { type: "plain_text", text: truncateUnits(b.label, SLACK_LIMITS.buttonText) },
      action_id: b.action === "confirm" ? CONFIRM_ACTION : CANCEL_ACTION,
      value: b.value,
      ...(b.style ? { style: b.style } : {}),
    });
  }
  return buttons;
}

/** A reply no command can be asked again for (a preview, a click's outcome): its buttons last. */
export function proposalMessages(reply: Reply): SlackMessage[] {
  return renderReply(reply, {
    buttons: ({ index, count }) => (index === count - 1 ? proposalButtons(reply) : []),
  });
}
