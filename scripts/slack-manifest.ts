/**
 * `npm run slack:manifest -- --url <base>`: prints the Slack app manifest for a deployed API,
 * to paste into api.slack.com/apps → Create New App → From an app manifest.
 * Options: --path (default /slack/events), --command (default marathon), --name.
 */
import { parseArgs } from "node:util";
import { slackManifest } from "../bot/slack/manifest";

const { values } = parseArgs({
  options: {
    url: { type: "string" },
    path: { type: "string" },
    command: { type: "string" },
    name: { type: "string" },
  },
});

if (!values.url) {
  console.error(
    "Usage: npm run slack:manifest -- --url https://<api-id>.execute-api.<region>.amazonaws.com",
  );
  process.exit(2);
}
try {
  const manifest = slackManifest({
    baseUrl: values.url,
    path: values.path,
    command: values.command,
    name: values.name,
  });
  process.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(2);
}
