import * as z from "zod/mini";
import { DISCORD_LIMITS } from "./limits";

/**
 * The fields of an interaction this app reads, as zod schemas: a signed interaction whose
 * fields have other types (`"options": "x"`) is refused with a 400 rather than failing half
 * way through an answer. Fields Discord adds that the app does not read pass unchecked.
 *
 * `zod/mini`: the same zod, with functions instead of methods (`z.optional(s)` for
 * `s.optional()`, `.check(z.maxLength(n))` for `.max(n)`), so the bundle keeps only what is
 * used: the full `zod` added ~450 KiB and ~20 ms to every cold start.
 */

const id = z.string().check(z.minLength(1), z.maxLength(100));
/** Discord's command and option names are 1–32 characters. */
const name = z.string().check(z.minLength(1), z.maxLength(32));

const user = z.looseObject({
  id,
  username: z.optional(z.string()),
  global_name: z.optional(z.nullable(z.string())),
});

interface Option {
  name: string;
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
  options?: Option[];
}

const option: z.ZodMiniType<Option> = z.lazy(() =>
  z.looseObject({
    name,
    type: z.int(),
    value: z.optional(z.union([z.string().check(z.maxLength(6000)), z.number(), z.boolean()])),
    focused: z.optional(z.boolean()),
    // Subcommand groups hold subcommands, which hold options: three levels at most.
    options: z.optional(z.array(option).check(z.maxLength(25))),
  }),
);

/** What every interaction but PING carries: who, where, and how to answer later. */
const answerable = {
  application_id: id,
  token: z.string().check(z.minLength(1), z.maxLength(1000)),
  guild_id: z.optional(id),
  channel_id: z.optional(id),
  channel: z.optional(z.looseObject({ id })),
  member: z.optional(
    z.looseObject({
      user,
      nick: z.optional(z.nullable(z.string())),
      permissions: z.optional(z.string()),
    }),
  ),
  user: z.optional(user),
  locale: z.optional(z.string().check(z.maxLength(20))),
};

/** A file attached to a command: where Discord's CDN serves it, and its size. */
const attachment = z.looseObject({
  id,
  filename: z.string().check(z.minLength(1), z.maxLength(1024)),
  size: z.int().check(z.nonnegative()),
  url: z.string().check(z.minLength(1), z.maxLength(4096)),
});

const commandData = z.looseObject({
  name,
  options: z.optional(z.array(option).check(z.maxLength(25))),
  resolved: z.optional(z.looseObject({ attachments: z.optional(z.record(id, attachment)) })),
});

/** A modal's text input, in an action row or (newer modals) in a label. */
const textInput = z.looseObject({
  type: z.int(),
  custom_id: z.optional(z.string().check(z.maxLength(DISCORD_LIMITS.customId))),
  value: z.optional(z.string().check(z.maxLength(4000))),
});

const modalData = z.looseObject({
  custom_id: z.string().check(z.minLength(1), z.maxLength(DISCORD_LIMITS.customId)),
  components: z
    .array(
      z.looseObject({
        type: z.int(),
        components: z.optional(z.array(textInput).check(z.maxLength(5))),
        component: z.optional(textInput),
      }),
    )
    .check(z.maxLength(5)),
});

export const Interaction = z.discriminatedUnion("type", [
  z.looseObject({ type: z.literal(1) }),
  z.looseObject({ type: z.literal(2), data: commandData, ...answerable }),
  z.looseObject({
    type: z.literal(3),
    data: z.looseObject({
      custom_id: z.string().check(z.maxLength(DISCORD_LIMITS.customId)),
      component_type: z.int(),
    }),
    ...answerable,
  }),
  z.looseObject({ type: z.literal(4), data: commandData, ...answerable }),
  z.looseObject({ type: z.literal(5), data: modalData, ...answerable }),
]);
