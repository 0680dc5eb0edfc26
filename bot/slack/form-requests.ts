import * as z from "zod/mini";
import { FORM_CALLBACK } from "./modal";

/**
 * The shapes of a modal's submission, checked before Bolt sees it (Bolt trusts Slack's shapes
 * and throws on a `view` without `state`): only what the listener and Bolt read, small and
 * local so requests.ts can port them to another validator in place.
 * https://docs.slack.dev/reference/interaction-payloads/view-interactions-payload
 */

export const CONFIRM_ACTION = "confirm";
export const CANCEL_ACTION = "cancel";

const id = z.string().check(z.minLength(1), z.maxLength(255));

const PickedFile = z.object({
  id,
  name: z.string().check(z.maxLength(1000)),
  url_private: z.string().check(z.maxLength(2000)),
  size: z.optional(z.int().check(z.nonnegative())),
});

const InputState = z.object({
  type: z.string().check(z.maxLength(100)),
  value: z.optional(z.nullable(z.string().check(z.maxLength(10_000)))),
  files: z.optional(z.array(PickedFile).check(z.maxLength(10))),
});

/** A member pressed the modal's submit button. */
export const ViewSubmissionPayload = z.object({
  type: z.literal("view_submission"),
  user: z.object({ id, name: z.optional(z.string()) }),
  team: z.optional(z.nullable(z.object({ id }))),
  // Bolt reads the first one's response_url when there are any.
  response_urls: z.optional(
    z.array(z.object({ response_url: z.string().check(z.maxLength(2000)) })).check(z.maxLength(10)),
  ),
  view: z.object({
    id: z.optional(z.string().check(z.maxLength(255))),
    // Only this app's modals: another callback would reach no listener (Bolt's 404).
    callback_id: z.literal(FORM_CALLBACK),
    private_metadata: z.string().check(z.maxLength(3000)),
    state: z.object({
      values: z.record(
        z.string().check(z.maxLength(255)),
        z.record(z.string().check(z.maxLength(255)), InputState),
      ),
    }),
  }),
});
