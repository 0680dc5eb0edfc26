import { esc, reader } from "./format.js";

const $ = (selector) => document.querySelector(selector);

const api = async (path, body) => {
  const response = await fetch(`/playground/api/${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // A refusal before the API (a body over the server's limit) comes as plain text.
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) };
  } catch {
    return { status: response.status, body: { error: text || response.statusText } };
  }
};

/** The platforms the server plays, each with its view module (`./<name>.js`), in order. */
const platforms = new Map();

// Every drawn message keeps its platform JSON, so a new reader zone redraws it from the source.
const entries = new Set();

function draw(entry) {
  if (entry.kind === "you") {
    const file = entry.file ? `<div class="typed-file">📎 ${esc(entry.file)}</div>` : "";
    entry.el.innerHTML = `<div class="who"><span class="avatar you">Y</span><b>you</b></div><div class="typed">/marathon ${esc(entry.text)}</div>${file}`;
  } else if (entry.kind === "info") {
    entry.el.innerHTML = `<div class="info">${esc(entry.text)}</div>`;
  } else {
    entry.el.innerHTML = platforms.get(entry.platform).view.render(entry.message, entry.options);
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

/** What a platform's view may do to its own pane. */
const uiFor = (platform) => ({
  add: (entry) => add(platform, entry),
  replace,
  remove,
  openForm: (form) => openForm(platform, form),
});

// --- Forms the bot opens (modals), drawn over their platform's pane ---

/** The file an `<input type=file>` holds, as the playground API takes it. */
async function chosenFile(input) {
  const file = input?.files?.[0];
  return file ? { name: file.name, text: await file.text() } : undefined;
}

/**
 * Draws `form` ({ id, title, html, submit, close } from the platform's view) over the pane;
 * its fields are the elements with a `name`. Submitted, it goes to the platform as the reader's
 * submission; errors the platform answers with stay beside their fields.
 */
function openForm(platform, form) {
  const pane = $(`section.pane.${platform}`);
  const overlay = document.createElement("div");
  overlay.className = "form-overlay";
  overlay.setAttribute("role", "dialog");
  overlay.setAttribute("aria-modal", "true");
  overlay.setAttribute("aria-label", form.title);
  overlay.innerHTML = `<form class="form-box" novalidate>
    <div class="form-title">${esc(form.title)}</div>
    <div class="form-fields">${form.html}</div>
    <div class="form-status" role="alert"></div>
    <div class="form-buttons"><button type="button" class="form-close">${esc(form.close)}</button><button type="submit" class="form-submit">${esc(form.submit)}</button></div>
  </form>`;
  const box = overlay.querySelector("form");
  const close = () => overlay.remove();
  overlay.querySelector(".form-close").addEventListener("click", close);
  box.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!box.reportValidity()) return;
    const values = {};
    let file;
    for (const el of box.elements) {
      if (!el.name) continue;
      if (el.type === "file") file = await chosenFile(el);
      else values[el.name] = el.value;
    }
    for (const error of box.querySelectorAll(".field-error")) error.textContent = "";
    box.querySelector(".form-submit").disabled = true;
    const { status, body } = await api("submit", { platform, form: form.id, values, file });
    box.querySelector(".form-submit").disabled = false;
    if (status !== 200) {
      box.querySelector(".form-status").textContent = `The playground failed: ${body.error}`;
      return;
    }
    const answer = body[platform];
    const errors = platforms.get(platform).view.formErrors?.(answer) ?? {};
    if (Object.keys(errors).length > 0) {
      for (const [field, message] of Object.entries(errors)) {
        const at = box.querySelector(`[data-field="${CSS.escape(field)}"] .field-error`);
        if (at) at.textContent = message;
        else box.querySelector(".form-status").textContent = message;
      }
      return;
    }
    close();
    show(platform, answer);
  });
  pane.append(overlay);
  overlay.querySelector("input, textarea")?.focus();
}

const redraw = () => {
  for (const entry of entries) draw(entry);
};

// --- Messages that arrive after the response (response URLs, follow-ups, channel posts) ---

/** Which drawn message a request's later messages belong to, by the request's ref. */
const refs = new Map();
const early = new Map();

function register(ref, target) {
  refs.set(ref, target);
  for (const message of early.get(ref) ?? []) onSent(message);
  early.delete(ref);
}

function onSent(sent) {
  const platform = platforms.get(sent.platform);
  if (!platform) return;
  if (sent.kind === "channel") {
    const note =
      sent.channel === platform.channel
        ? "posted in the channel"
        : (platform.view.where?.(sent.channel) ?? `posted in ${sent.channel}`);
    add(sent.platform, { message: sent.message, options: { note } });
    return;
  }
  // A private message sent on its own (not answering a request): a new message in the pane.
  if (sent.ref === undefined) {
    platform.view.later(sent, {}, uiFor(sent.platform));
    return;
  }
  const target = refs.get(sent.ref);
  if (!target) {
    // The response that tells us what this belongs to has not come back yet.
    early.set(sent.ref, [...(early.get(sent.ref) ?? []), sent]);
    return;
  }
  platform.view.later(sent, target, uiFor(sent.platform));
}

function listen() {
  const feed = new EventSource("/playground/api/feed");
  feed.onmessage = (event) => onSent(JSON.parse(event.data));
}

// --- Asking and clicking ---

function show(name, answer, source) {
  if (!answer) {
    add(name, {
      kind: "info",
      text: "The bot runs with this platform's own credentials, so only the platform can sign requests.",
    });
    return;
  }
  const extra = platforms.get(name).view.show(answer, uiFor(name), source);
  register(answer.ref, { source, ...extra });
}

async function ask(text, file) {
  // Only a platform whose commands carry files (Discord's attachment option) gets the file.
  for (const [name, p] of platforms) {
    add(name, { kind: "you", text, file: p.view.commandFiles ? file?.name : undefined });
  }
  const { status, body } = await api("ask", { text, file });
  if (status !== 200) {
    const [first] = platforms.keys();
    add(first, { kind: "info", text: `The playground failed: ${JSON.stringify(body)}` });
    return;
  }
  for (const name of platforms.keys()) show(name, body[name]);
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
  show(platform, body[platform], source);
  button.disabled = false;
}

/** One pane per platform, and a "Show" choice for each. */
async function setupPlatforms(state) {
  for (const p of state.platforms) {
    platforms.set(p.name, { ...p, view: (await import(`./${p.name}.js`)).view });
  }
  $("#panes").innerHTML = [...platforms.values()]
    .map(
      (p) => `<section class="pane ${esc(p.name)}" aria-label="${esc(p.label)}">
      <div class="pane-head"><span class="logo ${esc(p.view.logo)}">#</span> playground <small>${esc(p.view.subtitle)}</small><button type="button" class="clear" data-clear="${esc(p.name)}">Clear</button></div>
      <div class="log" id="${esc(p.name)}-log" aria-live="polite"></div>
    </section>`,
    )
    .join("");
  $("#show").innerHTML =
    `<legend>Show</legend><label><input type="radio" name="show" value="all" checked> All</label>${[
      ...platforms.values(),
    ]
      .map(
        (p) =>
          `<label><input type="radio" name="show" value="${esc(p.name)}"> ${esc(p.label)}</label>`,
      )
      .join("")}`;
  for (const radio of document.querySelectorAll('input[name="show"]')) {
    radio.addEventListener("change", () => {
      $("#panes").dataset.show = radio.value;
      for (const pane of document.querySelectorAll(".pane")) {
        pane.hidden = radio.value !== "all" && !pane.classList.contains(radio.value);
      }
    });
  }
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

function isZone(zone) {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

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
  // Browsers list zones by their old canonical names (Chromium: Asia/Calcutta, not
  // Asia/Kolkata); a zone they accept is offered under the name it was asked for.
  const saved = new URLSearchParams(location.search).get("tz");
  const known = saved && [...select.options].some((o) => o.value === saved);
  if (saved && !known && isZone(saved)) {
    select
      .querySelector("optgroup")
      .insertAdjacentHTML("afterbegin", `<option value="${esc(saved)}">${esc(saved)}</option>`);
  }
  select.value = saved && (known || isZone(saved)) ? saved : own;
  reader.zone = select.value;
  select.addEventListener("change", () => {
    reader.zone = select.value;
    redraw();
  });
}

// --- Pretend it is: the bot and the page answer as if it were another time ---

const HOUR = 3_600_000;
/** Moments worth trying, from the shown trip's race start. */
const MOMENTS = [
  ["Real time", () => null],
  ["A week before", (start) => start - 7 * 24 * HOUR],
  ["The evening before race day", (start) => start - 12 * HOUR],
  ["Race morning", (start) => start - 2 * HOUR],
  ["After the race", (start) => start + 8 * HOUR],
];

function showClock(clock) {
  reader.offsetMs = clock.pretending ? Date.parse(clock.now) - Date.now() : 0;
  $("#clock-now").textContent = clock.pretending
    ? `Pretending it is ${new Date(clock.now).toLocaleString(reader.locale, { timeZone: reader.zone, dateStyle: "medium", timeStyle: "short" })}`
    : "";
  redraw();
}

function setupClock(state) {
  if (!state.clock) return;
  $("#clock").hidden = false;
  $("#clock-chips").innerHTML = MOMENTS.map(
    ([label], i) => `<button type="button" data-moment="${i}">${esc(label)}</button>`,
  ).join("");
  showClock(state.clock);
}

async function pretend(index) {
  const { raceStart } = (await api("state")).body;
  const at = MOMENTS[index][1](Date.parse(raceStart));
  if (Number.isNaN(at)) return;
  const { status, body } = await api("clock", {
    at: at === null ? null : new Date(at).toISOString(),
  });
  if (status === 200) showClock(body);
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
  if (!body.ok && !body.errors) {
    status.textContent = `Nothing was loaded: ${body.error ?? "the playground failed"}`;
    status.className = "bad";
    return;
  }
  if (!body.ok) {
    const count = body.errors.length;
    status.textContent = `${count} ${count === 1 ? "problem" : "problems"}: nothing was loaded.`;
    status.className = "bad";
    errors.innerHTML = body.errors
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

/** Puts the cursor on an error's line and column in the pasted text, scrolled into view. */
function jumpTo(line, column) {
  const area = $("#trip-text");
  const lines = area.value.split("\n");
  let offset = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) offset += lines[i].length + 1;
  offset += Math.max(0, column - 1);
  area.focus();
  area.setSelectionRange(offset, offset + 1);
  // A textarea does not scroll to its selection by itself: put the line a third of the way down.
  const lineHeight = Number.parseFloat(getComputedStyle(area).lineHeight) || 18;
  area.scrollTop = Math.max(0, (line - 1) * lineHeight - area.clientHeight / 3);
}

async function setup() {
  setupZones();
  const state = (await api("state")).body;
  await setupPlatforms(state);
  setupClock(state);
  refreshTrips(state);
  listen();
  // Asking waits for the panes: the page is usable once every platform's view is loaded.
  for (const control of document.querySelectorAll("#ask input, #ask button")) {
    control.disabled = false;
  }
  $("#ask").addEventListener("submit", (event) => {
    event.preventDefault();
    const input = $("#text");
    const text = input.value.trim();
    input.value = "";
    const attach = $("#attach");
    chosenFile(attach).then((file) => {
      attach.value = "";
      $("#attach-name").textContent = "Attach";
      ask(text, file);
    });
  });
  $("#attach").addEventListener("change", () => {
    $("#attach-name").textContent = $("#attach").files?.[0]?.name ?? "Attach";
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
    } else if (target.dataset.moment !== undefined) {
      pretend(Number(target.dataset.moment));
    } else if (target.dataset.line) {
      jumpTo(Number(target.dataset.line), Number(target.dataset.column));
    }
  });
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
