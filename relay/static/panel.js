// The participant panel: the latest version of each item the participant
// shared (relay-protocol's share envelope, `{v, key, item}`), one card per
// key, with when it was shared. Kept in the inbox's sealed history, never in
// the clear. Built with DOM calls and textContent only: participant content
// is never parsed as HTML.

import { highCraving } from "/inbox/caseload.js";

/** The envelope version this page renders. */
const VERSION = 1;
const KINDS = ["goal", "aftercare", "safety_plan", "check_in_summary", "barc10", "stop_sharing"];
const NEEDS_NEWER = "This item needs a newer Phoenix";

const SECTIONS = {
  referrals: "Referrals",
  documents: "Documents",
  appointments: "Appointments",
  meetings: "Meetings",
  support_contacts: "Support contacts",
  warning_signs: "Warning signs",
  re_engagement: "Getting back on track",
};
// The app's own headings for the six steps (an ordered list numbers them).
const SAFETY_STEPS = {
  warning_signs: "Warning signs that a crisis may be starting",
  internal_coping: "Things I can do on my own to take my mind off it",
  distractions: "People and places that help me get my mind off it",
  people_to_ask: "People I can ask for help",
  professionals: "Professionals and agencies I can contact",
  safe_environment: "Making my surroundings safe",
  reasons_for_living: "Reasons for living",
};
const TRENDS = { up: "going up", down: "going down", steady: "steady" };
const HALT = { hungry: "hungry", angry: "angry", lonely: "lonely", tired: "tired" };

/** A code the participant's app sent ("to_contact") in words ("To contact"). */
function words(code) {
  const text = String(code ?? "").replaceAll("_", " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Whether this page can render the envelope (else: "needs a newer Phoenix"). */
export function supported(shared) {
  return shared?.v === VERSION && KINDS.includes(shared?.item?.kind) && typeof shared?.key === "string";
}

/**
 * Keeps what a shared letter says in `history.shared[mailbox]` (by key):
 * a newer version replaces an older one; `stop_sharing` removes it (and a
 * late older copy does not bring it back). Returns the conversation's line
 * for the letter.
 */
export function keepShared(history, mailbox, letter) {
  const items = (history.shared ??= {})[mailbox] ?? {};
  history.shared[mailbox] = items;
  const { shared } = letter;
  const key = typeof shared?.key === "string" ? shared.key : `unsupported:${letter.sequence}`;
  const usable = !letter.unsupported && supported(shared);
  const previous = items[key];
  if (previous && previous.sent_at_ms > letter.sent_at_ms) return lineFor(usable ? shared : null, previous.title);
  if (usable && shared.item.kind === "stop_sharing") {
    items[key] = { key, stopped: true, sent_at_ms: letter.sent_at_ms, title: previous?.title ?? "" };
    return `Asked you to stop seeing ${previous?.title ? `“${previous.title}”` : "a shared item"}.`;
  }
  const title = usable ? titleOf(shared) : "";
  items[key] = { key, shared: usable ? shared : null, sent_at_ms: letter.sent_at_ms, title };
  return lineFor(usable ? shared : null, title);
}

function lineFor(shared, title) {
  if (!shared) return `Shared an item. ${NEEDS_NEWER}.`;
  return shared.item.kind === "stop_sharing" ? "Asked you to stop seeing a shared item." : `Shared “${title}”.`;
}

/** The card's heading: what the item is. */
function titleOf(shared) {
  const { item, key } = shared;
  switch (item.kind) {
    case "goal":
      return `Goal: ${item.title ?? ""}`;
    case "aftercare": {
      const section = key.startsWith("aftercare:") ? key.slice("aftercare:".length) : null;
      return section ? `Aftercare plan: ${SECTIONS[section] ?? words(section)}` : "Aftercare plan";
    }
    case "safety_plan":
      return "Safety plan";
    case "check_in_summary":
      return `Check-ins, last ${item.days} days`;
    case "barc10":
      return "Recovery capital (BARC-10)";
    default:
      return "Shared item";
  }
}

/** Whether the latest shared check-in summary has high cravings (for the caseload). */
export function raisesAttention(letter) {
  return !letter.unsupported && supported(letter.shared) && highCraving(letter.shared);
}

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

const shortDate = (ms) => new Date(ms).toLocaleString([], { dateStyle: "medium", timeStyle: "short" });
/** A YYYY-MM-DD calendar date in the specialist's words, the same day everywhere. */
function calendarDate(text) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text ?? "");
  if (!match) return String(text ?? "");
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toLocaleDateString([], { dateStyle: "medium", timeZone: "UTC" });
}

function goalCard(card, item) {
  if (item.why) card.append(element("p", `Why: ${item.why}`));
  const facts = [`Status: ${words(item.status)}`];
  if (item.target) facts.push(`Target date: ${calendarDate(item.target)}`);
  card.append(element("p", facts.join(" · ")));
  const steps = Array.isArray(item.steps) ? item.steps : [];
  if (steps.length === 0) return;
  const done = steps.filter((step) => step.done).length;
  const progress = element("progress");
  progress.max = steps.length;
  progress.value = done;
  const label = `${done} of ${steps.length} steps done`;
  progress.setAttribute("aria-label", label);
  card.append(progress, element("p", label, "meta"));
  const list = element("ul", undefined, "steps");
  for (const step of steps) {
    list.append(element("li", `${step.done ? "Done" : "To do"}: ${step.title ?? ""}`, step.done ? "done" : ""));
  }
  card.append(list);
}

function aftercareCard(card, item) {
  for (const section of Array.isArray(item.sections) ? item.sections : []) {
    card.append(element("h4", SECTIONS[section.section] ?? words(section.section)));
    const entries = Array.isArray(section.entries) ? section.entries : [];
    if (entries.length === 0) {
      card.append(element("p", "Nothing here yet.", "meta"));
      continue;
    }
    const list = element("ul", undefined, "entries");
    for (const entry of entries) {
      const line = element("li", entry.title ?? "");
      if (entry.detail) line.append(element("span", entry.detail, "meta"));
      if (entry.status) line.append(element("span", `Status: ${words(entry.status)}`, "meta"));
      list.append(line);
    }
    card.append(list);
  }
}

function safetyPlanCard(card, item) {
  const steps = element("ol", undefined, "safety-steps");
  for (const step of Array.isArray(item.steps) ? item.steps : []) {
    const line = element("li");
    line.append(element("h4", SAFETY_STEPS[step.step] ?? words(step.step)));
    const entries = Array.isArray(step.entries) ? step.entries : [];
    if (entries.length === 0) line.append(element("p", "Nothing here yet.", "meta"));
    else {
      const list = element("ul", undefined, "entries");
      for (const entry of entries) list.append(element("li", String(entry)));
      line.append(list);
    }
    steps.append(line);
  }
  card.append(steps);
}

/** "3.4 of 5, going up", or "not answered". */
function average(value, max, trend) {
  if (typeof value !== "number") return "not answered";
  const rounded = Math.round(value * 10) / 10;
  return `${rounded} of ${max}${trend ? `, ${TRENDS[trend] ?? words(trend)}` : ""}`;
}

const SVG = "http://www.w3.org/2000/svg";
const CHART = { width: 300, height: 100, pad: 6 };

/** Mood and craving per day as two lines, each on its own scale (decorative: the text and table say it all). */
function chart(item) {
  const daily = Array.isArray(item.daily) ? item.daily : [];
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${CHART.width} ${CHART.height}`);
  svg.setAttribute("class", "chart");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  const frame = document.createElementNS(SVG, "rect");
  for (const [name, value] of Object.entries({ x: 0, y: 0, width: CHART.width, height: CHART.height, class: "chart-frame" })) frame.setAttribute(name, value);
  svg.append(frame);
  const step = daily.length > 1 ? (CHART.width - 2 * CHART.pad) / (daily.length - 1) : 0;
  const series = [
    ["mood", item.mood_scale_max || 5, "chart-mood"],
    ["craving", item.craving_scale_max || 10, "chart-craving"],
  ];
  for (const [field, max, className] of series) {
    const points = daily
      .map((day, index) => [index, day[field]])
      .filter(([, value]) => typeof value === "number")
      .map(([index, value]) => {
        const x = CHART.pad + index * step;
        const y = CHART.height - CHART.pad - (Math.min(value, max) / max) * (CHART.height - 2 * CHART.pad);
        return `${x.toFixed(1)},${y.toFixed(1)}`;
      });
    if (points.length === 0) continue;
    const line = document.createElementNS(SVG, "polyline");
    line.setAttribute("points", points.join(" "));
    line.setAttribute("class", className);
    svg.append(line);
  }
  return svg;
}

function dailyTable(item) {
  const table = element("table", undefined, "visually-hidden");
  table.append(element("caption", "Check-ins by day"));
  const head = element("thead");
  const header = element("tr");
  for (const name of ["Date", `Mood (of ${item.mood_scale_max || 5})`, `Craving (of ${item.craving_scale_max || 10})`]) {
    const cell = element("th", name);
    cell.scope = "col";
    header.append(cell);
  }
  head.append(header);
  const body = element("tbody");
  for (const day of Array.isArray(item.daily) ? item.daily : []) {
    const row = element("tr");
    const date = element("th", calendarDate(day.date));
    date.scope = "row";
    row.append(date, element("td", typeof day.mood === "number" ? String(day.mood) : "—"), element("td", typeof day.craving === "number" ? String(day.craving) : "—"));
    body.append(row);
  }
  table.append(head, body);
  return table;
}

function checkInCard(card, shared) {
  const { item } = shared;
  card.append(element("p", `${item.check_ins} check-ins from ${calendarDate(item.from)} to ${calendarDate(item.to)}.`));
  if (highCraving(shared)) card.append(element("p", "High cravings: this needs attention.", "attention"));
  const facts = element("ul", undefined, "facts");
  facts.append(
    element("li", `Mood: ${average(item.mood_average, item.mood_scale_max || 5, item.mood_trend)}`),
    element("li", `Craving: ${average(item.craving_average, item.craving_scale_max || 10, item.craving_trend)}`),
  );
  if (typeof item.days_used === "number") facts.append(element("li", `Days used: ${item.days_used}`));
  const halt = item.halt && typeof item.halt === "object" ? item.halt : {};
  const haltWords = Object.entries(HALT).map(([code, name]) => `${name} ${Number(halt[code] ?? 0)}`);
  facts.append(element("li", `HALT (times felt): ${haltWords.join(", ")}`));
  card.append(facts);
  if (Array.isArray(item.daily) && item.daily.length > 0) {
    const figure = element("figure", undefined, "chart-figure");
    const legend = element("figcaption", undefined, "meta");
    legend.append(element("span", "Mood", "key-mood"), document.createTextNode(" and "), element("span", "craving", "key-craving"), document.createTextNode(" by day, each on its own scale"));
    figure.append(chart(item), legend);
    card.append(figure, dailyTable(item));
  }
  const notes = Array.isArray(item.notes) ? item.notes : [];
  if (notes.length > 0) {
    card.append(element("h4", "Notes"));
    const list = element("ul", undefined, "entries");
    for (const note of notes) {
      const line = element("li", note.text ?? "");
      line.prepend(element("span", calendarDate(note.date), "meta"));
      list.append(line);
    }
    card.append(list);
  }
}

function barcCard(card, item) {
  card.append(element("p", `Score ${item.score} of ${item.max}, taken ${calendarDate(item.taken_on)}`));
}

/** One shared item as a card. */
function cardFor(kept, index) {
  const card = element("article", undefined, "card");
  const heading = element("h3", kept.shared ? kept.title : "Shared item");
  heading.id = `shared-item-${index}`;
  card.setAttribute("aria-labelledby", heading.id);
  card.append(heading, element("p", `Shared ${shortDate(kept.sent_at_ms)}`, "meta"));
  const shared = kept.shared;
  if (!shared) {
    card.append(element("p", `${NEEDS_NEWER}.`));
    return card;
  }
  switch (shared.item.kind) {
    case "goal":
      goalCard(card, shared.item);
      break;
    case "aftercare":
      aftercareCard(card, shared.item);
      break;
    case "safety_plan":
      safetyPlanCard(card, shared.item);
      break;
    case "check_in_summary":
      checkInCard(card, shared);
      break;
    case "barc10":
      barcCard(card, shared.item);
      break;
    default:
      card.append(element("p", `${NEEDS_NEWER}.`));
  }
  return card;
}

/** Fills `panel` (its heading, empty note and list) with what `name` shares, newest first. */
export function renderPanel(panel, name, items) {
  const current = Object.values(items ?? {})
    .filter((kept) => !kept.stopped)
    .sort((a, b) => b.sent_at_ms - a.sent_at_ms);
  panel.querySelector("h2").textContent = `What ${name} shares with you`;
  panel.querySelector(".empty").textContent = current.length ? "" : `${name} has not shared anything with you. They choose each item in Phoenix.`;
  const list = panel.querySelector("ul");
  list.replaceChildren(
    ...current.map((kept, index) => {
      const item = element("li");
      item.append(cardFor(kept, index));
      return item;
    }),
  );
}
