/**
 * Slack's documented Block Kit and message limits, in one place. The renderer packs and splits
 * against these and the limits test checks every rendered message against them. Lengths are
 * UTF-16 code units (JavaScript's `length`), measured and cut in that unit only
 * (bot/text/units.ts).
 * https://docs.slack.dev/reference/block-kit/blocks
 */
export const SLACK_LIMITS = {
  /** Blocks in one message (chat.postMessage, response_url and slash command responses). */
  blocksPerMessage: 50,
  /** A header block's plain text. */
  headerText: 150,
  /** A section block's text. */
  sectionText: 3000,
  /** Fields in one section block. */
  sectionFields: 10,
  /** One field's text. */
  fieldText: 2000,
  /** Elements in one context block. */
  contextElements: 10,
  /** One context element's text (a text object; kept under the section limit on purpose). */
  contextText: 2000,
  /** Elements in one actions block. */
  actionsElements: 25,
  /** A button's label. */
  buttonText: 75,
  /** A button's value, handed back to us on click. */
  buttonValue: 2000,
  /** action_id and block_id. */
  actionId: 255,
  /** The top-level `text`, shown in notifications and where blocks cannot be. */
  messageText: 4000,
  /** A modal's title, and its submit and close buttons. */
  modalTitle: 24,
  /** Blocks in one modal. */
  modalBlocks: 100,
  /** An input block's label and hint. */
  inputLabel: 2000,
  /** A plain-text input's value. */
  inputText: 3000,
} as const;
