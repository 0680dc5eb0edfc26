/**
 * `views.open`, played by the stand-in: a trigger id is good once and for 3 seconds after the
 * request that carried it, and a modal must keep Slack's documented limits.
 * https://docs.slack.dev/reference/methods/views.open
 * https://docs.slack.dev/reference/views/modal-views
 */

/** How long a trigger id stays good (Slack: 3 seconds). */
const TRIGGER_LIFETIME_MS = 3000;

export class SlackTriggers {
  private readonly issued = new Map<string, { at: number; used: boolean }>();

  /** A trigger id the next request carries; good once, for 3 seconds. */
  issue(id: string): string {
    this.issued.set(id, { at: Date.now(), used: false });
    return id;
  }

  /** Slack's error for a trigger id, or undefined when it may open a view (and is now used). */
  use(id: unknown): string | undefined {
    const trigger = typeof id === "string" ? this.issued.get(id) : undefined;
    if (!trigger) return "invalid_trigger_id";
    if (trigger.used) return "exchanged_trigger_id";
    if (Date.now() - trigger.at > TRIGGER_LIFETIME_MS) return "expired_trigger_id";
    trigger.used = true;
    return undefined;
  }
}

interface Text {
  type?: unknown;
  text?: unknown;
}

const plainText = (value: unknown, max: number, where: string, problems: string[]) => {
  const t = value as Text | undefined;
  if (t?.type !== "plain_text" || typeof t.text !== "string" || t.text.length === 0) {
    problems.push(`${where} must be a plain_text object`);
  } else if (t.text.length > max) {
    problems.push(`${where} must be at most ${max} characters (has ${t.text.length})`);
  }
};

const INPUT_ELEMENTS = new Set([
  "plain_text_input",
  "file_input",
  "static_select",
  "datepicker",
  "timepicker",
  "checkboxes",
]);

function checkInput(block: Record<string, unknown>, i: number, problems: string[]): void {
  plainText(block.label, 2000, `blocks[${i}].label`, problems);
  if (block.hint !== undefined) plainText(block.hint, 2000, `blocks[${i}].hint`, problems);
  const element = block.element as Record<string, unknown> | undefined;
  if (!element || !INPUT_ELEMENTS.has(String(element.type))) {
    problems.push(`blocks[${i}].element must be an input element`);
    return;
  }
  if (element.type === "plain_text_input") {
    const initial = element.initial_value;
    if (initial !== undefined && (typeof initial !== "string" || initial.length > 3000)) {
      problems.push(`blocks[${i}].element.initial_value must be a string of at most 3000`);
    }
  }
  if (element.type === "file_input") {
    const max = element.max_files;
    if (max !== undefined && (!Number.isInteger(max) || Number(max) < 1 || Number(max) > 10)) {
      problems.push(`blocks[${i}].element.max_files must be 1 to 10`);
    }
  }
}

/** What is wrong with a modal view, in Slack's words; empty when Slack would open it. */
export function viewProblems(view: unknown): string[] {
  const problems: string[] = [];
  const v = (typeof view === "string" ? safeJson(view) : view) as Record<string, unknown> | null;
  if (!v || typeof v !== "object") return ["view must be an object"];
  if (v.type !== "modal") problems.push("view.type must be modal");
  plainText(v.title, 24, "title", problems);
  if (v.submit !== undefined) plainText(v.submit, 24, "submit", problems);
  if (v.close !== undefined) plainText(v.close, 24, "close", problems);
  if (typeof v.private_metadata === "string" && v.private_metadata.length > 3000) {
    problems.push("private_metadata must be at most 3000 characters");
  }
  if (typeof v.callback_id === "string" && v.callback_id.length > 255) {
    problems.push("callback_id must be at most 255 characters");
  }
  const blocks = Array.isArray(v.blocks) ? (v.blocks as Record<string, unknown>[]) : undefined;
  if (!blocks) return [...problems, "blocks must be an array"];
  if (blocks.length > 100) problems.push(`blocks must be at most 100 (has ${blocks.length})`);
  blocks.forEach((block, i) => {
    if (block?.type === "input") checkInput(block, i, problems);
  });
  if (blocks.some((b) => b?.type === "input") && v.submit === undefined) {
    problems.push("a view with input blocks needs a submit button");
  }
  return problems;
}

/** `views.open`: the views opened, oldest first, and Slack's answer to each call. */
export class SlackViews {
  readonly triggers = new SlackTriggers();
  readonly opened: Record<string, unknown>[] = [];
  private readonly byId = new Map<string, Record<string, unknown>>();

  /** An opened view by its id, as Slack keeps it for the submission. */
  find(id: string): Record<string, unknown> | undefined {
    return this.byId.get(id);
  }

  /** Slack's answer to `views.open` with `body`; `title` when a view opened. */
  open(body: Record<string, unknown>): {
    answer: Record<string, unknown>;
    view?: Record<string, unknown>;
  } {
    const triggerError = this.triggers.use(body.trigger_id);
    if (triggerError) return { answer: { ok: false, error: triggerError } };
    const view = (typeof body.view === "string" ? safeJson(body.view) : body.view) as
      | Record<string, unknown>
      | undefined;
    const problems = viewProblems(view);
    if (problems.length > 0 || !view) {
      return {
        answer: {
          ok: false,
          error: "invalid_arguments",
          response_metadata: { messages: problems },
        },
      };
    }
    this.opened.push(view);
    const opened = { id: `V${this.opened.length}`, ...view };
    this.byId.set(opened.id, opened);
    return { answer: { ok: true, view: opened }, view: opened };
  }
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

interface ViewBlock {
  type?: string;
  block_id?: string;
  element?: { type?: string; action_id?: string };
}

/**
 * The view_submission Slack POSTs when `user` submits `view`: each text input holds what
 * `values` says (by action_id; "" when left out), each file input the `files` picked.
 * https://docs.slack.dev/reference/interaction-payloads/view-interactions-payload
 */
export function viewSubmissionPayload(
  view: Record<string, unknown>,
  input: {
    user: { id: string; name: string; team: string };
    values: Record<string, string>;
    files: readonly object[];
  },
) {
  const blocks = (Array.isArray(view.blocks) ? view.blocks : []) as ViewBlock[];
  const state: Record<string, Record<string, unknown>> = {};
  for (const block of blocks) {
    const { type, action_id: action } = block.element ?? {};
    if (block.type !== "input" || !block.block_id || !action) continue;
    state[block.block_id] = {
      [action]:
        type === "file_input"
          ? { type, files: input.files }
          : { type, value: input.values[action] ?? "" },
    };
  }
  const { id, name, team } = input.user;
  return {
    type: "view_submission",
    team: { id: team, domain: "playground" },
    user: { id, username: name, name, team_id: team },
    api_app_id: "ALOCAL",
    token: "local",
    trigger_id: `${Date.now()}.submit`,
    view: { ...view, team_id: team, state: { values: state }, hash: "1.local", app_id: "ALOCAL" },
    response_urls: [],
    is_enterprise_install: false,
  };
}
