/**
 * The largest trip file the bot takes from a chat (an upload, an edit): the shipped example is
 * about 20 KiB, so this leaves room for a long trip while keeping a download and a stored
 * proposal well inside a Lambda's memory and a DynamoDB item (400 KB). Adapters cap their
 * downloads with it. (Its own module: adapters read it without loading the YAML parser.)
 */
export const TRIP_FILE_MAX_BYTES = 256 * 1024;
