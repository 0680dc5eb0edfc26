/**
 * A Reply's form as a Slack modal, and a submission back into field values: a `file` field is a
 * file input (one YAML file), a `line` or `paragraph` a plain-text input holding its current
 * value. The modal's private metadata says which form it is and which channel it came from, so
 * the submission — which Slack sends without a channel — goes back where it started.
 * https://docs.slack.dev/reference/views/modal-views
 */
import type { Form, FormField } from "../reply";
import { shorten } from "../text/units";
import { SLACK_LIMITS as L } from "./limits";

/** The callback_id of every modal this app opens; the form's own id is in the metadata. */
export const FORM_CALLBACK = "trip_form";

/** What a modal carries back on submission. */
export interface FormMetadata {
  /** The form's id ("upload", "edit:<item>"). */
  f: string;
  /** The channel the command was typed in. */
  c: string;
  /** The workspace. */
  w?: string;
}

const plain = (text: string, max: number) => ({
  type: "plain_text" as const,
  text: shorten(text, max),
  emoji: true,
});

function element(field: FormField) {
  if (field.kind === "file") {
    return { type: "file_input", action_id: field.name, filetypes: ["yaml", "yml"], max_files: 1 };
  }
  const initial = field.value ? { initial_value: shorten(field.value, L.inputText) } : {};
  return {
    type: "plain_text_input",
    action_id: field.name,
    multiline: field.kind === "paragraph",
    max_length: L.inputText,
    ...initial,
  };
}

/** The modal `views.open` opens for `form`, typed in `channel`. */
export function formView(form: Form, metadata: FormMetadata) {
  return {
    type: "modal" as const,
    callback_id: FORM_CALLBACK,
    private_metadata: JSON.stringify(metadata),
    title: plain(form.title, L.modalTitle),
    submit: plain(form.submitLabel, L.modalTitle),
    close: plain("Cancel", L.modalTitle),
    blocks: form.fields.slice(0, L.modalBlocks).map((field) => ({
      type: "input" as const,
      block_id: field.name,
      optional: !field.required,
      label: plain(field.label, L.inputLabel),
      ...(field.hint ? { hint: plain(field.hint, L.inputLabel) } : {}),
      element: element(field),
    })),
  };
}

export function readMetadata(raw: string): FormMetadata | undefined {
  try {
    const m = JSON.parse(raw) as Partial<FormMetadata>;
    if (typeof m.f !== "string" || typeof m.c !== "string" || m.f === "" || m.c === "") return;
    return { f: m.f, c: m.c, ...(typeof m.w === "string" ? { w: m.w } : {}) };
  } catch {
    return undefined;
  }
}

/** A file a member picked in a file input, as the submission describes it. */
export interface PickedFile {
  /** The input's block id (the field's name), for an error shown beside it. */
  field: string;
  name: string;
  url: string;
  size?: number;
}

/** A submission's state, as requests.ts lets it through. */
export type SubmittedState = Record<
  string,
  Record<
    string,
    {
      type: string;
      value?: string | null | undefined;
      files?: { name: string; url_private: string; size?: number | undefined }[] | undefined;
    }
  >
>;

/** The text fields' values (a cleared field is "") and the files picked. */
export function submittedValues(state: SubmittedState): {
  values: Record<string, string>;
  files: PickedFile[];
} {
  const values: Record<string, string> = {};
  const files: PickedFile[] = [];
  for (const [block, actions] of Object.entries(state)) {
    for (const [name, input] of Object.entries(actions)) {
      if (input.type === "file_input") {
        for (const f of input.files ?? []) {
          files.push({ field: block, name: f.name, url: f.url_private, size: f.size });
        }
      } else {
        values[name] = input.value ?? "";
      }
    }
  }
  return { values, files };
}
