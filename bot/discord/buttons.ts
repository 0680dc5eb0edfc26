import type { APIActionRowComponent, APIButtonComponentWithCustomId } from "discord-api-types/v10";
import type { Button } from "../reply";
import { shorten } from "../text/units";
import { DISCORD_LIMITS as L } from "./limits";

// Button styles: Discord's primary (blurple), secondary (grey), danger (red).
const STYLE = { primary: 1, secondary: 2, danger: 4 } as const;

/** The Confirm / Cancel row of a preview; none when the reply has no such buttons. */
export function choiceRow(
  buttons: readonly Button[],
): APIActionRowComponent<APIButtonComponentWithCustomId> | undefined {
  const components = buttons
    .filter((b) => b.action !== "share" && b.value)
    .map((b) => ({
      type: 2 as const,
      style: STYLE[b.style ?? "secondary"],
      custom_id: `${b.action}:${b.value}`,
      label: shorten(b.label, L.buttonLabel),
    }))
    .filter((b) => b.custom_id.length <= L.customId);
  return components.length > 0 ? { type: 1, components } : undefined;
}
