/**
 * Discord's documented message limits, in one place: the renderer splits against these and
 * the limits test checks every rendered message against them. Lengths count UTF-16 code units
 * here, which is never fewer than the characters Discord counts, so staying under is safe;
 * text is cut in the same unit (bot/text/units.ts).
 */
export const DISCORD_LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  /** Title, description, field names and values, footer and author, across all embeds. */
  embedsTotal: 6000,
  actionRows: 5,
  componentsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  /** Application command and option descriptions. */
  commandDescription: 100,
} as const;
