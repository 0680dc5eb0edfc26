import { REST } from "@discordjs/rest";
import {
  type RESTGetAPIApplicationCommandsResult,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  Routes,
} from "discord-api-types/v10";
import { discordCommands } from "./commands";
import { API_VERSION } from "./rest";

export interface RegisterOptions {
  apiUrl: string;
  token: string;
  applicationId: string;
  /** A guild's commands update at once; global ones are for every server the app is in. */
  guildId?: string;
  commands?: RESTPostAPIChatInputApplicationCommandsJSONBody[];
}

export type RegisterResult = { changed: false } | { changed: true; names: string[] };

type Option = {
  type: number;
  name: string;
  description: string;
  required?: boolean;
  autocomplete?: boolean;
  options?: Option[];
};

/** What we define about a command, with Discord's defaults filled in, for comparison. */
function normalise(c: {
  name: string;
  description: string;
  type?: number;
  options?: Option[];
}): unknown {
  const option = (o: Option): unknown => ({
    type: o.type,
    name: o.name,
    description: o.description,
    required: o.required ?? false,
    autocomplete: o.autocomplete ?? false,
    options: (o.options ?? []).map(option),
  });
  return {
    type: c.type ?? 1,
    name: c.name,
    description: c.description,
    options: (c.options ?? []).map(option),
  };
}

const sameCommands = (a: unknown[], b: unknown[]) =>
  JSON.stringify([...a].sort(byName)) === JSON.stringify([...b].sort(byName));
const byName = (x: unknown, y: unknown) =>
  String((x as { name: string }).name).localeCompare(String((y as { name: string }).name));

/**
 * Registers the commands unless exactly these are registered already: a second run reads and
 * changes nothing. A change overwrites the whole set, so a command removed from the registry
 * disappears from Discord too.
 */
export async function registerCommands(options: RegisterOptions): Promise<RegisterResult> {
  const rest = new REST({ api: options.apiUrl, version: API_VERSION }).setToken(options.token);
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.applicationId, options.guildId)
    : Routes.applicationCommands(options.applicationId);
  const wanted = options.commands ?? discordCommands();
  const current = (await rest.get(route)) as RESTGetAPIApplicationCommandsResult;
  const normalisedCurrent = current.map((c) => normalise(c as Parameters<typeof normalise>[0]));
  const normalisedWanted = wanted.map((c) => normalise(c as Parameters<typeof normalise>[0]));
  if (sameCommands(normalisedCurrent, normalisedWanted)) return { changed: false };
  await rest.put(route, { body: wanted });
  return { changed: true, names: wanted.map((c) => c.name) };
}
