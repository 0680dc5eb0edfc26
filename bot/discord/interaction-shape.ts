import { z } from "zod";
import { DISCORD_LIMITS } from "./limits";

/**
 * The fields of an interaction this app reads, as zod schemas: a signed interaction whose
 * fields have other types (`"options": "x"`) is refused with a 400 rather than failing half
 * way through an answer. Fields Discord adds that the app does not read pass unchecked.
 */

const id = z.string().min(1).max(100);
/** Discord's command and option names are 1–32 characters. */
const name = z.string().min(1).max(32);

const user = z.looseObject({
  id,
  username: z.string().optional(),
  global_name: z.string().nullable().optional(),
});

interface Option {
  name: string;
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
  options?: Option[];
}

const option: z.ZodType<Option> = z.lazy(() =>
  z.looseObject({
    name,
    type: z.number().int(),
    value: z.union([z.string().max(6000), z.number(), z.boolean()]).optional(),
    focused: z.boolean().optional(),
    // Subcommand groups hold subcommands, which hold options: three levels at most.
    options: z.array(option).max(25).optional(),
  }),
);

/** What every interaction but PING carries: who, where, and how to answer later. */
const answerable = {
  application_id: id,
  token: z.string().min(1).max(1000),
  guild_id: id.optional(),
  channel_id: id.optional(),
  channel: z.looseObject({ id }).optional(),
  member: z
    .looseObject({
      user,
      nick: z.string().nullable().optional(),
      permissions: z.string().optional(),
    })
    .optional(),
  user: user.optional(),
  locale: z.string().max(20).optional(),
};

/** A file attached to a command: where Discord's CDN serves it, and its size. */
const attachment = z.looseObject({
  id,
  filename: z.string().min(1).max(1024),
  size: z.number().int().nonnegative(),
  url: z.string().min(1).max(4096),
});

const commandData = z.looseObject({
  name,
  options: z.array(option).max(25).optional(),
  resolved: z.looseObject({ attachments: z.record(id, attachment).optional() }).optional(),
});

/** A modal's text input, in an action row or (newer modals) in a label. */
const textInput = z.looseObject({
  type: z.number().int(),
  custom_id: z.string().max(DISCORD_LIMITS.customId).optional(),
  value: z.string().max(4000).optional(),
});

const modalData = z.looseObject({
  custom_id: z.string().min(1).max(DISCORD_LIMITS.customId),
  components: z
    .array(
      z.looseObject({
        type: z.number().int(),
        components: z.array(textInput).max(5).optional(),
        component: textInput.optional(),
      }),
    )
    .max(5),
});

export const Interaction = z.discriminatedUnion("type", [
  z.looseObject({ type: z.literal(1) }),
  z.looseObject({ type: z.literal(2), data: commandData, ...answerable }),
  z.looseObject({
    type: z.literal(3),
    data: z.looseObject({
      custom_id: z.string().max(DISCORD_LIMITS.customId),
      component_type: z.number().int(),
    }),
    ...answerable,
  }),
  z.looseObject({ type: z.literal(4), data: commandData, ...answerable }),
  z.looseObject({ type: z.literal(5), data: modalData, ...answerable }),
]);
