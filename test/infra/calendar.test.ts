import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundle } from "../../bench/lib/harness";
import { loadTrip } from "../../bot/loading/load-trip";
import { DynamoCalendarTokens } from "../../bot/store/dynamo-calendar-tokens";
import type { LocalEnvironment } from "../../dev/environment";
import { CALENDAR_ACTIONS, CALENDAR_HANDLER, CALENDAR_ROUTE } from "../../infra/calendar-feed";
import { copyPackFonts } from "../../infra/pack-fonts";
import type { TripBotStack } from "../../infra/stack";
import { calendarGet } from "../calendar/requests";
import { localTable, PYONGYANG } from "../helpers/local-table";
import { tripFile } from "../helpers/memory-trips";
import { testApp } from "./synth";

type Resource = { Type: string; Properties: Record<string, unknown> };
type Statement = { Action: string | string[]; Resource: unknown };

let stack: TripBotStack;
let template: Template;
const ref = (construct: { node: { defaultChild?: unknown } }) =>
  Stack.of(stack).getLogicalId(construct.node.defaultChild as never);
const resources = (type: string) =>
  Object.entries(template.findResources(type)) as [string, Resource][];

beforeAll(() => {
  // Synthesizing runs cdk-nag and fails on a dependency cycle.
  ({ stack } = testApp());
  template = Template.fromStack(stack);
});

describe("the calendar feed in the stack", () => {
  it("routes GET and HEAD /calendar/{file} on the webhooks' API to its own function", () => {
    const feed = ref(stack.calendar.function.fn);
    const routes = resources("AWS::ApiGatewayV2::Route").filter(([, r]) =>
      String(r.Properties.RouteKey).endsWith(CALENDAR_ROUTE),
    );
    expect(routes.map(([, r]) => r.Properties.RouteKey).sort()).toEqual([
      `GET ${CALENDAR_ROUTE}`,
      `HEAD ${CALENDAR_ROUTE}`,
    ]);
    const apis = resources("AWS::ApiGatewayV2::Api");
    expect(apis).toHaveLength(1);
    for (const [, route] of routes) {
      expect(route.Properties.ApiId).toEqual({ Ref: apis[0]?.[0] });
      const integrationId = JSON.stringify(route.Properties.Target).match(/"Ref":"(\w+)"/)?.[1];
      const integration = resources("AWS::ApiGatewayV2::Integration").find(
        ([id]) => id === integrationId,
      )?.[1];
      expect(JSON.stringify(integration?.Properties.IntegrationUri)).toContain(feed);
      expect(integration?.Properties.PayloadFormatVersion).toBe("2.0");
    }
    template.hasResourceProperties("AWS::Lambda::Permission", {
      Action: "lambda:InvokeFunction",
      FunctionName: { "Fn::GetAtt": [feed, "Arn"] },
      Principal: "apigateway.amazonaws.com",
    });
  });

  it("runs on arm64 with the table by reference, no secret, and no source-map flag", () => {
    const fn = template.toJSON().Resources[ref(stack.calendar.function.fn)].Properties;
    expect(fn.Architectures).toEqual(["arm64"]);
    expect(fn.Runtime).toBe(
      template.toJSON().Resources[ref(stack.fn("slack").fn)].Properties.Runtime,
    );
    expect(fn.MemorySize).toBe(512);
    const env = fn.Environment.Variables as Record<string, unknown>;
    expect(Object.keys(env).sort()).toEqual(["POWERTOOLS_SERVICE_NAME", "TABLE_NAME"].sort());
    expect(env.TABLE_NAME).toEqual({ Ref: ref(stack.table) });
  });

  it("may read tokens and trips and save event versions, and nothing else", () => {
    const role = ref(stack.calendar.function.role);
    const statements = resources("AWS::IAM::Policy")
      .filter(([, p]) => JSON.stringify(p.Properties.Roles).includes(role))
      .flatMap(([, p]) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
    const onTable = statements.filter(
      (s) =>
        JSON.stringify(s.Resource) === JSON.stringify({ "Fn::GetAtt": [ref(stack.table), "Arn"] }),
    );
    expect(onTable.flatMap((s) => s.Action).sort()).toEqual([...CALENDAR_ACTIONS].sort());
    // Besides the table, only its own log group.
    for (const s of statements.filter((x) => !onTable.includes(x))) {
      expect(JSON.stringify(s.Resource)).toContain(ref(stack.calendar.function.logGroup));
    }
    expect(JSON.stringify(statements)).not.toMatch(/secretsmanager|dynamodb:Scan|"\*"/);
  });

  it("gives the chat functions the API's address for the links they hand out", () => {
    const api = resources("AWS::ApiGatewayV2::Api")[0]?.[0] ?? "";
    for (const name of ["slack", "discord"] as const) {
      const env = template.toJSON().Resources[ref(stack.fn(name).fn)].Properties.Environment
        .Variables as Record<string, unknown>;
      const url = JSON.stringify(env.PUBLIC_BASE_URL);
      expect(url, name).toContain(`"Ref":"${api}"`);
      expect(url, name).toMatch(/https:\/\/.*execute-api/);
    }
  });

  it("alarms on its errors, to the one topic", () => {
    template.hasResourceProperties("AWS::CloudWatch::Alarm", {
      MetricName: "Errors",
      Dimensions: [{ Name: "FunctionName", Value: { Ref: ref(stack.calendar.function.fn) } }],
      AlarmActions: [{ Ref: ref(stack.alarmTopic) }],
    });
  });
});

describe("the calendar function's bundle", () => {
  const outdir = mkdtempSync(join(tmpdir(), "calendar-bundle-"));
  let table: LocalEnvironment;
  beforeAll(async () => {
    table = await localTable({ trips: [PYONGYANG] });
    // The same trip with its start place also in Korean, as a real trip file may write it.
    const korean = tripFile(PYONGYANG);
    korean.id = "pyongyang-in-korean";
    korean.event.startPlace.name = `${korean.event.startPlace.name} (김일성경기장)`;
    await loadTrip(table.stores, korean);
  });
  afterAll(async () => {
    rmSync(outdir, { recursive: true, force: true });
    await table.close();
  });

  it("serves the feed and the PDF when bundled as Lambda runs it (minified CommonJS files)", async () => {
    // The one bundling the stack gives NodejsFunction (infra/bundling.ts), deferred packages
    // beside it.
    const { file } = await bundle(CALENDAR_HANDLER, outdir, "index");
    // What the stack's bundling adds beside it (infra/calendar-feed.ts).
    copyPackFonts(outdir);
    const tokens = new DynamoCalendarTokens(table.doc, table.tableName);
    const token = await tokens.tokenFor("pyongyang-marathon-2025");
    const korean = await tokens.tokenFor("pyongyang-in-korean");
    const script = `
      const { handler } = require(${JSON.stringify(file)});
      (async () => {
        const ics = await handler(${JSON.stringify(calendarGet(`/calendar/${token}.ics`))});
        const pdf = await handler(${JSON.stringify(calendarGet(`/calendar/${token}.pdf`))});
        const korean = await handler(${JSON.stringify(calendarGet(`/calendar/${korean}.pdf`))});
        process.stdout.write(JSON.stringify({
          ics: [ics.statusCode, (ics.body.match(/BEGIN:VEVENT/g) || []).length],
          pdf: [pdf.statusCode, Buffer.from(pdf.body, "base64").subarray(0, 5).toString()],
          korean: korean.body,
        }));
        // The SDK's keep-alive sockets would hold the process open.
        process.exit(0);
      })();`;
    // Asynchronously: the local DynamoDB answering it runs in this process.
    const { stdout } = await promisify(execFile)(process.execPath, ["-e", script], {
      // As in Lambda: no project (and no node_modules) around the bundle.
      cwd: outdir,
      env: {
        PATH: process.env.PATH ?? "",
        TABLE_NAME: table.tableName,
        DYNAMODB_ENDPOINT: table.endpoint,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      },
      encoding: "utf8",
      timeout: 30_000,
    });
    const { korean: koreanPack, ...answers } = JSON.parse(stdout);
    expect(answers).toEqual({ ics: [200, 11], pdf: [200, "%PDF-"] });
    // The deployed function finds the fonts beside its bundle: the Korean name prints.
    const parser = new PDFParse({ data: Buffer.from(koreanPack, "base64") });
    try {
      expect((await parser.getText()).text).toContain("(김일성경기장)");
    } finally {
      await parser.destroy();
    }
  }, 60_000);
});
