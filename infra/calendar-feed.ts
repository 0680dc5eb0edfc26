import { Duration, Validations } from "aws-cdk-lib";
import * as apigwv2 from "aws-cdk-lib/aws-apigatewayv2";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import type * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import * as iam from "aws-cdk-lib/aws-iam";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import { Construct } from "constructs";
import { BotFunction } from "./bot-function";
import type { WebhooksApi } from "./webhooks-api";

/** One route for both files: HTTP APIs match whole path segments, so `{token}.ics` cannot be one. */
export const CALENDAR_ROUTE = "/calendar/{file}";
export const CALENDAR_HANDLER = "handlers/calendar.ts";

/**
 * A poll reads the token (GetItem) and the trip (Query), and writes the event versions
 * (UpdateItem) only after a change. Nothing else: no Scan, no deletes, no other table.
 */
export const CALENDAR_ACTIONS = ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:UpdateItem"];

export interface CalendarFeedProps {
  /** The HTTP API the webhooks use: the feed's link is on the same address. */
  api: WebhooksApi;
  table: dynamodb.ITable;
  /** The functions that hand out the links: they learn the public address (PUBLIC_BASE_URL). */
  linkers: readonly BotFunction[];
  projectRoot: string;
  /** Stub code for template tests, as for the other functions. */
  code?: lambda.Code;
}

/** `GET /calendar/{token}.ics` (the trip's calendar feed) and `.pdf` (its offline pack). */
export class CalendarFeed extends Construct {
  readonly function: BotFunction;
  readonly routes: apigwv2.HttpRoute[];

  constructor(scope: Construct, id: string, props: CalendarFeedProps) {
    super(scope, id);
    const http = props.api.node.tryFindChild("Http");
    if (!(http instanceof apigwv2.HttpApi)) throw new Error("The webhooks API has no HTTP API");

    // Calendar apps poll hourly and wait patiently; 512 MB builds a PDF in well under a second.
    this.function = new BotFunction(this, "Feed", {
      entry: CALENDAR_HANDLER,
      projectRoot: props.projectRoot,
      code: props.code,
      description: "The trip's calendar feed and offline pack (GET /calendar/{token}.ics, .pdf)",
      memoryMb: 512,
      timeout: Duration.seconds(10),
      // The offline pack prints scripts beyond Western European text in these fonts.
      afterBundling: (outputDir) => [
        `node_modules/.bin/tsx infra/copy-pack-fonts.ts "${outputDir}"`,
      ],
      environment: {
        TABLE_NAME: props.table.tableName,
        POWERTOOLS_SERVICE_NAME: "trip-group-bot",
      },
    });
    this.function.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: CALENDAR_ACTIONS, resources: [props.table.tableArn] }),
    );

    this.routes = http.addRoutes({
      path: CALENDAR_ROUTE,
      methods: [apigwv2.HttpMethod.GET, apigwv2.HttpMethod.HEAD],
      integration: new HttpLambdaIntegration("CalendarIntegration", this.function.fn),
    });
    for (const route of this.routes) {
      Validations.of(route).acknowledge({
        id: "AwsSolutions-APIG4",
        reason:
          "Calendar apps subscribe to a URL and cannot send credentials. The path carries a " +
          "random 160-bit token per trip, which organisers replace when it leaks; any other " +
          "path answers 404 without saying whether a trip exists.",
      });
    }

    for (const linker of props.linkers) linker.fn.addEnvironment("PUBLIC_BASE_URL", props.api.url);
  }
}
