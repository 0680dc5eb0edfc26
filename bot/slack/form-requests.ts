import { z } from "zod";
import { FORM_CALLBACK } from "./modal";

/**
 * The shapes of a modal's submission, checked before Bolt sees it (Bolt trusts Slack's shapes
 * and throws on a `view` without `state`): only what the listener and Bolt read, small and
 * local so requests.ts can port them to another validator in place.
 * https://docs.slack.dev/reference/interaction-payloads/view-interactions-payload
 */

export const CONFIRM_ACTION = "confirm";
export const CANCEL_ACTION = "cancel";

const id = z.string().min(1).max(255);

const PickedFile = z.object({
  id,
  name: z.string().max(1000),
  url_private: z.string().max(2000),
  size: z.number().int().nonnegative().optional(),
});

const InputState = z.object({
  type: z.string().max(100),
  value: z.string().max(10_000).nullable().optional(),
  files: z.array(PickedFile).max(10).optional(),
});

/** A member pressed the modal's submit button. */
export const ViewSubmissionPayload = z.object({
  type: z.literal("view_submission"),
  user: z.object({ id, name: z.string().optional() }),
  team: z.object({ id }).nullable().optional(),
  // Bolt reads the first one's response_url when there are any.
  response_urls: z
    .array(z.object({ response_url: z.string().max(2000) }))
    .max(10)
    .optional(),
  view: z.object({
    id: z.string().max(255).optional(),
    // Only this app's modals: another callback would reach no listener (Bolt's 404).
    callback_id: z.literal(FORM_CALLBACK),
    private_metadata: z.string().max(3000),
    state: z.object({
      values: z.record(z.string().max(255), z.record(z.string().max(255), InputState)),
    }),
  }),
});
