import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { build } from "esbuild";
import { createDocumentClient, ensureTable } from "../bot/store/dynamo-client";
import { dynamoStores } from "../bot/store/dynamo-stores";
import { startLocalDynamo } from "../bot/store/local-dynamo";
import { EXAMPLE_TRIPS, loadTripFile } from "../dev/environment";
import { RUNTIME } from "../infra/bot-function";
import { esbuildTarget } from "../infra/bundling";
import { bundle, median, printTable, runNode } from "./lib/harness";
import { signedWhen } from "./lib/signed-when";

const { values } = parseArgs({
  options: {
    platform: { type: "string", default: "slack" },
    runs: { type: "string", default: "15" },
  },
});
const platform = values.platform as string;
const runs = Number(values.runs);
const root = join(import.meta.dirname, "..");
// Inside the project, so that `require("@aws-sdk/…")` from an unbundled SDK finds node_modules.
const out = join(root, "cdk.out", `baselines-${process.pid}`);
await mkdir(out, { recursive: true });

const hello = join(import.meta.dirname, `${platform}-hello.ts`);
/** The hello world as a developer writes it for Lambda: `new DynamoDBClient({})` and the env. */
const defaultChain = join(out, `${platform}-hello-default-chain.ts`);
const source = await readFile(hello, "utf8");
const staticConfig =
  /\{\s*endpoint: process\.env\.DYNAMODB_ENDPOINT,\s*region: "local",\s*credentials: \{ accessKeyId: "local", secretAccessKey: "local" \},\s*\}/;
if (!staticConfig.test(source)) throw new Error(`${hello}: its DynamoDB client config changed`);
await writeFile(
  defaultChain,
  source.replace(staticConfig, "{ endpoint: process.env.DYNAMODB_ENDPOINT }"),
);

/** NodejsFunction's defaults: esbuild with --bundle, the runtime's target, and nothing else. */
async function nodejsFunctionDefaults(entry: string, name: string): Promise<string> {
  const file = join(out, `${name}.cjs`);
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    target: esbuildTarget(RUNTIME),
    format: "cjs",
    external: ["@aws-sdk/*"],
    outfile: file,
    logLevel: "error",
  });
  return file;
}

const server = await startLocalDynamo();
const tableName = `baselines-${process.pid}`;
const doc = createDocumentClient({ tableName, endpoint: server.endpoint });
try {
  await ensureTable(doc, tableName);
  await loadTripFile(dynamoStores(doc, tableName), EXAMPLE_TRIPS[0] as string);
  const targets: { name: string; file: string; env?: Record<string, string> }[] = [
    {
      name: `handlers/${platform}.ts (ours)`,
      file: (await bundle(join(root, "handlers", `${platform}.ts`), out, "ours")).file,
    },
    {
      name: "hello world, as the bench has it",
      file: (await bundle(hello, out, "hello", { plain: true })).file,
    },
    {
      name: "hello world, NodejsFunction defaults",
      file: await nodejsFunctionDefaults(hello, "hello-defaults"),
    },
    {
      name: "hello world, default credential chain",
      file: (await bundle(defaultChain, out, "hello-chain", { plain: true })).file,
    },
    {
      name: "hello world, both",
      file: await nodejsFunctionDefaults(defaultChain, "hello-chain-defaults"),
    },
  ];
  const signed = signedWhen(platform === "discord" ? "discord" : "slack");
  const environment = {
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: server.endpoint,
    // What Lambda puts in every function's environment (dynalite accepts any credentials).
    AWS_REGION: "local",
    AWS_ACCESS_KEY_ID: "local",
    AWS_SECRET_ACCESS_KEY: "local",
    AWS_SESSION_TOKEN: "local",
    ...signed.env,
  };
  const cpu = targets.map(() => [] as number[]);
  const answer = targets.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    for (const [j, t] of targets.entries()) {
      const { report } = await runNode(signed.driver, { ...environment, BENCH_BUNDLE: t.file });
      cpu[j]?.push(Number(report.coldCpuMs));
      answer[j]?.push(Number(report.loadMs) + Number(report.firstMs));
    }
  }
  const ours = median(cpu[0] ?? []);
  console.log(`\n${platform}: ${runs} cold starts each (median)\n`);
  printTable(
    targets.map((t, j) => ({
      target: t.name,
      "cold: load+answer ms": median(answer[j] ?? []),
      "cold: CPU ms": median(cpu[j] ?? []),
      "ours / this, CPU": ours / median(cpu[j] ?? []),
    })),
    2,
  );
} finally {
  doc.destroy();
  await server.close();
  await rm(out, { recursive: true, force: true });
}
