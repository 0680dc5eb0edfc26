import { esc, reader } from "./format.js";
import { discordMessage, slackMessage } from "./render.js";

const $ = (selector) => document.querySelector(selector);
const PLAYGROUND_CHANNELS = { slack: "CPLAYGROUND", discord: "playground" };

const api = async (path, body) => {
  const response = await fetch(`/playground/api/${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
};

// Every drawn message keeps its platform JSON, so a new reader zone redraws it from the source.
const entries = new Set();

function draw(entry) {
  if (entry.kind === "you") {
    entry.el.innerHTML = `<div class="who"><span class="avatar you">Y</span><b>you</b></div><div class="typed">/marathon ${esc(entry.text)}</div>`;
  } else if (entry.kind === "info") {
    entry.el.innerHTML = `<div class="info">${esc(entry.text)}</div>`;
  } else if (entry.platform === "slack") {
    entry.el.innerHTML = slackMessage(entry.message, entry.options);
  } else {
    entry.el.innerHTML = discordMessage(entry.message, entry.options);
  }
}

function add(platform, entry) {
  const log = $(`#${platform}-log`);
  const el = document.createElement("article");
  el.className = `msg ${entry.kind ?? "bot"}`;
  const full = { platform, ...entry, el };
  el.entry = full;
  entries.add(full);
  draw(full);
  log.append(el);
  el.scrollIntoView({ block: "nearest" });
  return full;
}

function replace(entry, message, options = entry.options) {
  Object.assign(entry, { kind: "bot", message, options });
  entry.el.className = "msg bot";
  draw(entry);
}

function remove(entry) {
  entries.delete(entry);
  entry.el.remove();
}

const redraw = () => {
  for (const entry of entries) draw(entry);
};

// --- Messages that arrive after the response (response_url, follow-ups, channel posts) ---

/** Which drawn message a request's later messages belong to, by the request's ref. */
const refs = new Map();
const early = new Map();

function register(ref, target) {
  refs.set(ref, target);
  for (const message of early.get(ref) ?? []) onSent(message);
  early.delete(ref);
}

function channelNote(platform, channel) {
  return channel === PLAYGROUND_CHANNELS[platform]
    ? "posted in the channel"
    : `posted in ${channel}`;
}

function onSent(sent) {
  const { platform, kind, ref, message } = sent;
  if (kind === "channel") {
    add(platform, { message, options: { note: channelNote(platform, sent.channel) } });
    return;
  }
  const target = refs.get(ref);
  if (!target) {
    // The response that tells us what this belongs to has not come back yet.
    early.set(ref, [...(early.get(ref) ?? []), sent]);
    return;
  }
  if (platform === "slack") {
    if (message.delete_original) {
      if (target.source) remove(target.source);
    } else if (message.replace_original === true && target.source) {
      replace(target.source, message, { ephemeral: message.response_type !== "in_channel" });
    } else {
      add("slack", {
        message,
        options: { ephemeral: message.response_type !== "in_channel", note: "via response_url" },
      });
    }
    return;
  }
  const original = target.placeholder ?? target.source;
  if (kind === "original" && original) {
    replace(original, { ...original.message, ...message }, { note: "" });
  } else {
    add("discord", { message, options: { note: "follow-up" } });
  }
}

function listen() {
  const feed = new EventSource("/playground/api/feed");
  feed.onmessage = (event) => onSent(JSON.parse(event.data));
}

// --- Asking and clicking ---

function showSlack(answer, source) {
  if (answer.status !== 200) {
    add("slack", {
      kind: "info",
      text: `Slack handler answered HTTP ${answer.status}: ${JSON.stringify(answer.body)}`,
    });
  } else if (
    answer.body &&
    typeof answer.body === "object" &&
    (answer.body.blocks || answer.body.text)
  ) {
    add("slack", {
      message: answer.body,
      options: { ephemeral: answer.body.response_type !== "in_channel" },
    });
  }
  register(answer.ref, { source });
}

function showDiscord(answer, source) {
  if (!answer) return;
  const { type, data } = answer.body ?? {};
  let placeholder;
  if (answer.status !== 200) {
    add("discord", {
      kind: "info",
      text: `Discord handler answered HTTP ${answer.status}: ${JSON.stringify(answer.body)}`,
    });
  } else if (type === 4) {
    add("discord", { message: data });
  } else if (type === 5) {
    placeholder = add("discord", {
      message: { content: "*Trip bot is thinking…*", flags: data?.flags ?? 0 },
    });
  } else if (type === 7 && source) {
    replace(source, { ...source.message, ...data });
  }
  register(answer.ref, { source, placeholder });
}

async function ask(text) {
  add("slack", { kind: "you", text });
  add("discord", { kind: "you", text });
  const { status, body } = await api("ask", { text });
  if (status !== 200) {
    add("slack", { kind: "info", text: `The playground failed: ${JSON.stringify(body)}` });
    return;
  }
  const ownCredentials = (platform) =>
    add(platform, {
      kind: "info",
      text: "The bot runs with this platform's own credentials, so only the platform can sign requests.",
    });
  if (body.slack) showSlack(body.slack);
  else ownCredentials("slack");
  if (body.discord) showDiscord(body.discord);
  else ownCredentials("discord");
}

async function click(button) {
  const source = button.closest("article")?.entry;
  const platform = button.dataset.platform;
  button.disabled = true;
  const { body } = await api("click", {
    platform,
    actionId: button.dataset.action,
    value: button.dataset.value,
  });
  if (platform === "slack" && body.slack) showSlack(body.slack, source);
  else if (body.discord) showDiscord(body.discord, source);
  button.disabled = false;
}

// --- Settings ---

const ZONES = [
  "Asia/Pyongyang",
  "UTC",
  "Europe/London",
  "Europe/Berlin",
  "America/New_York",
  "America/Los_Angeles",
  "Asia/Tokyo",
  "Australia/Sydney",
];

function setupZones() {
  const select = $("#zone");
  const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const all = Intl.supportedValuesOf ? Intl.supportedValuesOf("timeZone") : [];
  const common = [own, ...ZONES.filter((z) => z !== own)];
  select.innerHTML = `<optgroup label="Common">${common
    .map((z) => `<option value="${esc(z)}">${esc(z)}${z === own ? " (this browser)" : ""}</option>`)
    .join("")}</optgroup><optgroup label="All zones">${all
    .filter((z) => !common.includes(z))
    .map((z) => `<option>${esc(z)}</option>`)
    .join("")}</optgroup>`;
  const saved = new URLSearchParams(location.search).get("tz");
  select.value = saved && [...select.options].some((o) => o.value === saved) ? saved : own;
  reader.zone = select.value;
  select.addEventListener("change", () => {
    reader.zone = select.value;
    redraw();
  });
}

async function refreshTrips(state) {
  const current = state ?? (await api("state")).body;
  $("#trip").innerHTML = current.trips
    .map((t) => `<option value="${esc(t.id)}">${esc(t.name)} (${esc(t.id)})</option>`)
    .join("");
  if (current.linked) $("#trip").value = current.linked;
}

async function loadTripFile() {
  const status = $("#trip-status");
  const errors = $("#trip-errors");
  errors.innerHTML = "";
  status.textContent = "Checking…";
  const { body } = await api("trip", {
    fileName: $("#trip-name").value,
    text: $("#trip-text").value,
  });
  if (!body.ok) {
    const count = body.errors?.length ?? 0;
    status.textContent = `${count} ${count === 1 ? "problem" : "problems"}: nothing was loaded.`;
    status.className = "bad";
    errors.innerHTML = (body.errors ?? [])
      .map(
        (e) =>
          `<li><button type="button" data-line="${e.line}" data-column="${e.column}">${esc(e.file)}:${e.line}:${e.column}</button> ${esc(e.message)}</li>`,
      )
      .join("");
    return;
  }
  status.className = "good";
  status.textContent = `Loaded ${body.name} (${body.tripId}): ${body.changes} ${body.changes === 1 ? "change" : "changes"}. The playground now answers from it.`;
  await refreshTrips();
}

/** Puts the cursor on an error's line and column in the pasted text. */
function jumpTo(line, column) {
  const area = $("#trip-text");
  const lines = area.value.split("\n");
  let offset = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) offset += lines[i].length + 1;
  offset += Math.max(0, column - 1);
  area.focus();
  area.setSelectionRange(offset, offset + 1);
}

function setup() {
  setupZones();
  refreshTrips();
  listen();
  $("#ask").addEventListener("submit", (event) => {
    event.preventDefault();
    const input = $("#text");
    const text = input.value.trim();
    input.value = "";
    ask(text);
  });
  document.addEventListener("click", (event) => {
    const target = event.target.closest("button");
    if (!target) return;
    if (target.dataset.example !== undefined) {
      $("#text").value = target.dataset.example;
      $("#ask").requestSubmit();
    } else if (target.dataset.platform) {
      click(target);
    } else if (target.dataset.clear) {
      for (const entry of [...entries]) if (entry.platform === target.dataset.clear) remove(entry);
    } else if (target.dataset.line) {
      jumpTo(Number(target.dataset.line), Number(target.dataset.column));
    }
  });
  for (const radio of document.querySelectorAll('input[name="show"]')) {
    radio.addEventListener("change", () => {
      $("#panes").dataset.show = radio.value;
    });
  }
  $("#trip").addEventListener("change", async () => {
    await refreshTrips((await api("link", { tripId: $("#trip").value })).body);
  });
  $("#trip-upload").addEventListener("change", async () => {
    const file = $("#trip-upload").files?.[0];
    if (!file) return;
    $("#trip-name").value = file.name;
    $("#trip-text").value = await file.text();
    loadTripFile();
  });
  $("#trip-load").addEventListener("click", loadTripFile);
  // Relative times ("in 3 days") and "today" move on while the page is open.
  setInterval(redraw, 60_000);
}

setup();
