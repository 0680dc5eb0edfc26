/**
 * The two parts of the SDK's Lambda client a self-invocation uses, imported by name so the
 * bundle keeps only them; self-invoke.ts loads this module (`await import`) on the first job.
 */
export { InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
