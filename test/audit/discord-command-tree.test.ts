import { describe, expect, it } from "vitest";
import { discordCommands } from "../../bot/discord/commands";
import { DISCORD_LIMITS as L } from "../../bot/discord/limits";

// The /marathon tree as `npm run discord:register` sends it, against Discord's documented
// application-command limits: Discord refuses the whole registration if one is broken.

/** Discord's name rule for CHAT_INPUT commands and options (lower case where there is case). */
const NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const MAX_OPTIONS = 25;
/** Name, description and choice values of a command and all its options together. */
const MAX_TOTAL_CHARACTERS = 4000;

interface Node {
  name: string;
  description: string;
  options?: Node[];
  choices?: { name: string; value: string | number }[];
}

function walk(node: Node, visit: (n: Node, depth: number) => void, depth = 0) {
  visit(node, depth);
  for (const o of node.options ?? []) walk(o, visit, depth + 1);
}

describe("the registered /marathon command tree", () => {
  const [root] = discordCommands() as unknown as Node[];

  it("has every name, description and option count within Discord's limits", () => {
    expect(root).toBeDefined();
    const broken: string[] = [];
    walk(root as Node, (n) => {
      if (!NAME.test(n.name) || n.name !== n.name.toLowerCase()) broken.push(`name ${n.name}`);
      if (n.description.length < 1 || n.description.length > L.commandDescription)
        broken.push(`description of ${n.name}: ${n.description.length}`);
      if ((n.options ?? []).length > MAX_OPTIONS) broken.push(`${n.name}: options`);
      if ((n.choices ?? []).length > L.autocompleteChoices) broken.push(`${n.name}: choices`);
    });
    expect(broken).toEqual([]);
  });

  it("stays within 4,000 characters across the whole command", () => {
    let total = 0;
    walk(root as Node, (n) => {
      total += n.name.length + n.description.length;
      for (const c of n.choices ?? []) total += c.name.length + String(c.value).length;
    });
    expect(total).toBeLessThanOrEqual(MAX_TOTAL_CHARACTERS);
  });

  it("has a required option never after an optional one, and subcommands only one level deep", () => {
    walk(root as Node, (n, depth) => {
      expect(depth, n.name).toBeLessThanOrEqual(2);
      const required = (n.options ?? []).map(
        (o) => (o as { required?: boolean }).required === true,
      );
      const firstOptional = required.indexOf(false);
      expect(firstOptional === -1 || !required.slice(firstOptional).includes(true), n.name).toBe(
        true,
      );
    });
  });
});
