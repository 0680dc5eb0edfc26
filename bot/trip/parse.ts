import {
  type Alias,
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  LineCounter,
  type Node,
  parseDocument,
  visit,
  type YAMLError,
} from "yaml";
import type * as z from "zod/mini";
import { resolveTrip, type Trip } from "./model";
import { checkTripFile, type TripFile, tripSemanticIssues } from "./schema";

export interface TripFileError {
  file: string;
  line: number;
  column: number;
  message: string;
}

export type TripParseResult =
  | { ok: true; trip: Trip; file: TripFile }
  | { ok: false; errors: TripFileError[] };

export function formatTripError(e: TripFileError): string {
  return `${e.file}:${e.line}:${e.column}: ${e.message}`;
}

export interface TripParseOptions {
  /**
   * The platforms the bot speaks (their names): an organisers key that is none of them (a typo,
   * `slakc:`) is an error. The trip model does not know the platform list, so callers pass it.
   */
  platforms?: readonly string[];
}

/** Parses and validates a trip file's text, reporting every problem with its line and column. */
export function parseTripText(
  text: string,
  fileName = "trip.yaml",
  options: TripParseOptions = {},
): TripParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number, message: string): TripFileError => {
    const { line, col } = lineCounter.linePos(offset);
    return { file: fileName, line, column: col, message };
  };
  if (doc.errors.length > 0) {
    return {
      ok: false,
      // One message per mistake: the parser repeats its stack overflow at every level.
      errors: doc.errors
        .map((e) => at(e.pos[0], yamlMessage(e)))
        .filter((e, i, all) => e.message !== TOO_DEEP || all[i - 1]?.message !== TOO_DEEP),
    };
  }
  const aliasErrors = checkAliases(doc);
  if (aliasErrors.length > 0) {
    return { ok: false, errors: aliasErrors.map(([offset, message]) => at(offset, message)) };
  }
  const collectionAlias = firstCollectionAlias(doc);
  let raw: unknown;
  try {
    // An alias of a scalar (`source: *example`) is one value however often it is used; only an
    // alias of a list or map can multiply the data, so only those keep yaml's limit (100 uses).
    raw = doc.toJS({ maxAliasCount: collectionAlias === undefined ? -1 : 100 });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      errors: [
        at(collectionAlias ?? 0, `${message}: write the repeated lists or maps out in full`),
      ],
    };
  }
  let result = checkTripFile(raw);
  if (!result.success && writtenAsText(raw, doc.contents, result.error.issues)) {
    result = checkTripFile(raw);
  }
  const platformErrors = options.platforms
    ? unknownPlatforms(doc.contents, options.platforms).map(([offset, message]) =>
        at(offset, message),
      )
    : [];
  if (result.success && platformErrors.length > 0) return { ok: false, errors: platformErrors };
  if (!result.success) {
    const issues: z.core.$ZodIssue[] = [...result.error.issues];
    // Zod skips cross-field checks once a field has the wrong type; run them anyway.
    const seen = new Set(issues.map((i) => `${i.path.join(".")}|${i.message}`));
    for (const extra of tripSemanticIssues(raw)) {
      if (!seen.has(`${extra.path.join(".")}|${extra.message}`)) {
        issues.push({ code: "custom", input: undefined, ...extra });
      }
    }
    const errors = [
      ...issues.flatMap((issue) => locateIssue(doc.contents, issue, at)),
      ...platformErrors,
    ];
    errors.sort((a, b) => a.line - b.line || a.column - b.column);
    return { ok: false, errors };
  }
  return { ok: true, file: result.data, trip: resolveTrip(result.data) };
}

/**
 * A number or a yes/no written where a text goes (`answer: 911`, `keywords: [emergency, 112]`,
 * `title: 1984`) is that text, as written: an organiser means the words, not a number. Changes
 * `raw` in place; whether it changed anything.
 */
function writtenAsText(raw: unknown, root: unknown, issues: readonly z.core.$ZodIssue[]): boolean {
  let changed = false;
  for (const issue of issues) {
    if (issue.code !== "invalid_type" || issue.expected !== "string") continue;
    const node = nodeAt(root, issue.path);
    const parent = issue.path
      .slice(0, -1)
      .reduce<unknown>(
        (v, k) =>
          v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k] : undefined,
        raw,
      );
    const key = issue.path.at(-1);
    if (!isScalar(node) || parent === null || typeof parent !== "object" || key === undefined)
      continue;
    if (typeof node.value !== "number" && typeof node.value !== "boolean") continue;
    (parent as Record<PropertyKey, unknown>)[key] = node.source ?? String(node.value);
    changed = true;
  }
  return changed;
}

const TOO_DEEP = "lists or maps nested too deeply for a trip file";

/** What to do about the YAML mistakes organisers make most, beside the parser's own words. */
function yamlMessage(error: YAMLError): string {
  const message = error.message.split("\n")[0] ?? error.message;
  // `title: Dinner: at 6`: the second ": " starts a map where a text was meant.
  if (message.startsWith("Nested mappings are not allowed in compact mappings")) {
    return `${message} (a text with ": " in it needs quotes, like title: "Dinner: at 6")`;
  }
  if (error.code === "TAB_AS_INDENT") return `${message} (indent with spaces)`;
  // The parser's own words for [[[[…]]]] thousands deep are about its stack.
  if (/call stack/i.test(message)) return TOO_DEEP;
  return message;
}

type Path = readonly PropertyKey[];

function locateIssue(
  root: unknown,
  issue: z.core.$ZodIssue,
  at: (offset: number, message: string) => TripFileError,
): TripFileError[] {
  const path = issue.path;
  const where = describePath(path);
  if (issue.code === "unrecognized_keys") {
    const map = nodeAt(root, path);
    return issue.keys.map((key) => {
      const pair = isMap(map)
        ? map.items.find((p) => isScalar(p.key) && p.key.value === key)
        : undefined;
      const node = (pair?.key ?? map) as Node | undefined;
      const place = where ? ` in ${where}` : "";
      return at(node?.range?.[0] ?? 0, `unknown key "${key}"${place}`);
    });
  }
  const { node, missing, depth } = deepestNode(root, path);
  // A missing key is reported at its parent's key ("event:"), where the organiser adds it.
  const anchor = missing ? (keyNode(root, path.slice(0, depth)) ?? node) : node;
  const message =
    issue.code === "invalid_type" && missing
      ? `${where}: required ${String(issue.expected)} is missing`
      : `${where || "trip"}: ${issue.message}`;
  return [at((anchor as Node | undefined)?.range?.[0] ?? 0, message)];
}

function describePath(path: Path): string {
  return path.reduce<string>(
    (s, k) => (typeof k === "number" ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)),
    "",
  );
}

function child(node: unknown, key: PropertyKey): unknown {
  if (isMap(node))
    return node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key)?.value;
  if (
    node &&
    typeof node === "object" &&
    "items" in node &&
    Array.isArray(node.items) &&
    typeof key === "number"
  ) {
    return node.items[key];
  }
  return undefined;
}

function nodeAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((n, k) => child(n, k), root);
}

/** The node at `path`, or the nearest existing ancestor (at `depth`) when a key is missing. */
function deepestNode(
  root: unknown,
  path: Path,
): { node: unknown; missing: boolean; depth: number } {
  let node = root;
  for (const [depth, key] of path.entries()) {
    const next = child(node, key);
    if (next === undefined || next === null) return { node, missing: true, depth };
    node = next;
  }
  return { node, missing: false, depth: path.length };
}

/** The key node naming the value at `path`, when that value sits in a map. */
function keyNode(root: unknown, path: Path): unknown {
  const last = path.at(-1);
  if (typeof last !== "string") return undefined;
  const parent = nodeAt(root, path.slice(0, -1));
  return isMap(parent)
    ? parent.items.find((p) => isScalar(p.key) && p.key.value === last)?.key
    : undefined;
}

/** Each organisers key that names no platform the bot speaks: where it is, and what to say. */
function unknownPlatforms(root: unknown, platforms: readonly string[]): [number, string][] {
  const organisers = nodeAt(root, ["organisers"]);
  if (!isMap(organisers)) return [];
  return organisers.items.flatMap((pair): [number, string][] => {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key === undefined || platforms.includes(key)) return [];
    const known = platforms.join(", ");
    return [
      [
        (pair.key as Node).range?.[0] ?? 0,
        `organisers: "${key}" is not a platform this bot speaks (${known})`,
      ],
    ];
  });
}

/** Each alias in document order with the node its anchor names (undefined: none above it). */
function eachAlias(
  doc: Document,
  each: (alias: Alias, target: Node | undefined, inside: boolean) => void,
) {
  const anchors = new Map<string, Node>();
  visit(doc, {
    Node(_key, node, path) {
      if (isAlias(node)) {
        const target = anchors.get(node.source);
        each(node, target, target !== undefined && path.includes(target));
      } else if (node.anchor) {
        anchors.set(node.anchor, node);
      }
    },
  });
}

/** An alias that names no anchor above it (a typo for `*example`), or one inside its own anchor. */
function checkAliases(doc: Document): [number, string][] {
  const errors: [number, string][] = [];
  eachAlias(doc, (alias, target, inside) => {
    const name = alias.source;
    const offset = alias.range?.[0] ?? 0;
    if (!target) {
      errors.push([offset, `*${name} names no anchor: write &${name} on a value above it first`]);
    } else if (inside) {
      errors.push([offset, `*${name} is inside the value &${name} names, so it never ends`]);
    }
  });
  return errors;
}

/** Where the first alias of a list or map is, if there is one. */
function firstCollectionAlias(doc: Document): number | undefined {
  let first: number | undefined;
  eachAlias(doc, (alias, target) => {
    if (first === undefined && target && !isScalar(target)) first = alias.range?.[0] ?? 0;
  });
  return first;
}
