/**
 * Trip text is plain text; in Discord it lands inside markdown. A backslash before punctuation
 * Discord's markdown reacts to keeps it literal (and invisible when rendered), so "*" in a note
 * cannot start italics, "<@id>" cannot show as a mention and "# " cannot make a heading.
 * Characters that only matter at the start of a line ("#", "-", ">", "1.") are escaped only
 * there, to keep texts short.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      // allowed_mentions already stops pings; this also stops "@everyone" looking like one.
      .replace(/@(everyone|here)/g, "@\u200b$1")
      .replace(/[\\*_~`|<[\]]/g, "\\$&")
      .replace(/^(\s*)([#>+-]|\d+\.)/gm, (_, space: string, mark: string) =>
        mark.endsWith(".") ? `${space}${mark.slice(0, -1)}\\.` : `${space}\\${mark}`,
      )
  );
}

/** A URL safe inside `[text](url)`: no spaces or parentheses to end it early. */
export function escapeUrl(url: string): string {
  return url.replace(/[\s()<>]/g, (c) => encodeURIComponent(c));
}
