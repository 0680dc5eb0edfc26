import { paragraph, type Reply, text } from "../reply";
import type { ChannelCommand, ChannelCommandContext } from "./context";
import { notice } from "./format";
import { isOrganiser, organisersOnly, unavailable } from "./organisers";
import { DEFAULT_COMMAND_NAME } from "./registry";

/**
 * `trip upload` and `trip download`: the trip file in and out of the chat. The upload itself
 * arrives through `Bot.submitFile` (an attachment, a form's file); this answers the command.
 */

const ACTIONS = ["upload", "download"] as const;

function uploadForm(command: string): Reply {
  return {
    ...notice("Upload a trip file", [
      paragraph(
        "Send the trip file (YAML): attach it to ",
        text(`/${command} trip upload`, true),
        " as its file, or choose it in the form that opens. You get a preview with Confirm and Cancel; nothing changes before you confirm.",
      ),
    ]),
    form: {
      id: "upload",
      title: "Upload a trip file",
      submitLabel: "Preview",
      fields: [
        {
          name: "file",
          label: "Trip file (YAML)",
          kind: "file",
          required: true,
          hint: "The whole trip, as `trip download` gives it",
        },
      ],
    },
  };
}

/** The same answer for "no trip here" and "not yours". */
const NO_DOWNLOAD = notice("Only organisers can download the trip file", [
  paragraph("Only an organiser of this channel's trip can download its file."),
]);

async function download({ trip, request, services }: ChannelCommandContext): Promise<Reply> {
  if (!services.tripFile) return unavailable("Downloading the trip file");
  if (!trip || !isOrganiser(trip, request)) return NO_DOWNLOAD;
  const file = await services.tripFile(trip.id);
  if (!file) return NO_DOWNLOAD;
  // The YAML writer is loaded only for a download.
  const { tripFileText } = await import("../loading/trip-file");
  return {
    ...notice(`Trip file: ${trip.name}`, [
      paragraph(
        `${trip.id}.yaml is the trip as it is loaded now. Edit it and send it back with `,
        text(`/${trip.command} trip upload`, true),
        "; unchanged, it changes nothing.",
      ),
    ]),
    files: [{ name: `${trip.id}.yaml`, contentType: "application/yaml", text: tripFileText(file) }],
  };
}

export const tripFile: ChannelCommand = {
  scope: "channel",
  name: "trip",
  aliases: [],
  summary: "Organisers: upload a trip file (preview, then confirm) or download the current one",
  usage: "upload | download",
  examples: ["trip download", "trip upload"],
  organisers: true,
  option: {
    name: "action",
    description: "upload (attach the file) or download",
    suggest: (_trip, partial) =>
      ACTIONS.filter((a) => a.startsWith(partial.trim().toLowerCase())).map((a) => ({
        label: a,
        value: a,
      })),
  },
  attachment: { name: "file", description: "The trip file (YAML) to upload" },
  takes: (input) => ["", ...ACTIONS].includes(input.trim().toLowerCase()),
  async run(ctx) {
    const command = ctx.trip?.command ?? DEFAULT_COMMAND_NAME;
    const action = ctx.request.input.trim().toLowerCase();
    if (action === "upload") {
      // In a channel with a trip, the form is for its organisers; the file itself is checked
      // again when it arrives (an attachment comes with the command on Discord).
      if (ctx.trip && !isOrganiser(ctx.trip, ctx.request)) {
        return organisersOnly("upload a trip file here", ctx.request);
      }
      return uploadForm(command);
    }
    if (action === "download") return download(ctx);
    return notice("Trip file", [
      paragraph(text(`/${command} trip download`, true), " gives you the current trip file."),
      paragraph(
        text(`/${command} trip upload`, true),
        " takes a new or edited one: a preview first, then Confirm.",
      ),
    ]);
  },
};
