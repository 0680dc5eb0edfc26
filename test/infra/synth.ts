import { App, Validations } from "aws-cdk-lib";
import * as lambda from "aws-cdk-lib/aws-lambda";
import { AwsSolutionsChecks } from "cdk-nag";
import { type HandlerName, TripBotStack, type TripBotStackProps } from "../../infra/stack";

/** A stub per handler, so template tests never bundle. */
export const stubCode = (name: HandlerName) =>
  lambda.Code.fromInline(`exports.handler = async () => ${JSON.stringify(name)};`);

/** The stack as `infra/app.ts` builds it, with the AwsSolutions checks attached. */
export function testApp(props: Partial<TripBotStackProps> = {}, outdir?: string) {
  // The built-in CloudFormation schema check costs ~10 s a synth; `npm run synth` runs it.
  const app = new App({ builtinCloudFormationValidation: false, ...(outdir ? { outdir } : {}) });
  const stack = new TripBotStack(app, "TripGroupBot", { handlerCode: stubCode, ...props });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}
