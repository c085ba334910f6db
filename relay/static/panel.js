// The participant panel: the latest version of each item the participant
// shared (relay-protocol's share envelope, `{v, key, item}`), one card per
// key, with when it was shared. Kept in the inbox's sealed history, never in
// the clear. Built with DOM calls and textContent only: participant content
// is never parsed as HTML.

import { highCraving } from "/inbox/caseload.js";
import { calendarDate, codeWords, dateTime, decimal, t } from "/inbox/words.js";

/** The envelope version this page renders. */
const VERSION = 1;
const KINDS = ["goal", "aftercare", "safety_plan", "check_in_summary", "barc10", "stop_sharing"];

/** Whether this page can render the envelope (else: "needs a newer Phoenix"). */
export function supported(shared) {
  return shared?.v === VERSION && KINDS.includes(shared?.item?.kind) && typeof shared?.key === "string";
}

/** What names a shared item (its kind, key and, for a goal, the participant's title), kept to word it in any language. */
function aboutOf(shared) {
  const { item, key } = shared;
  return { kind: item.kind, key, title: item.title, days: item.days };
}

/**
 * Keeps what a shared letter says in `history.shared[mailbox]` (by key):
 * a newer version replaces an older one; `stop_sharing` removes it (and a
 * late older copy does not bring it back). Returns the conversation's line
 * for the letter, worded when shown (`shareLine`).
 */
export function keepShared(history, mailbox, letter) {
  const items = (history.shared ??= {})[mailbox] ?? {};
  history.shared[mailbox] = items;
  const { shared } = letter;
  const key = typeof shared?.key === "string" ? shared.key : `unsupported:${letter.sequence}`;
  const usable = !letter.unsupported && supported(shared);
  const previous = items[key];
  if (previous && previous.sent_at_ms > letter.sent_at_ms) return lineFor(usable ? shared : null, aboutKept(previous));
  if (usable && shared.item.kind === "stop_sharing") {
    items[key] = { key, stopped: true, sent_at_ms: letter.sent_at_ms, about: aboutKept(previous) };
    return { line: "stopped", about: aboutKept(previous) };
  }
  const about = usable ? aboutOf(shared) : null;
  items[key] = { key, shared: usable ? shared : null, sent_at_ms: letter.sent_at_ms, about };
  return lineFor(usable ? shared : null, about);
}

/** What a kept item is about; a title an older inbox kept as words stays as it was. */
function aboutKept(kept) {
  if (!kept) return null;
  return kept.about ?? (kept.title ? { words: kept.title } : null);
}

function lineFor(shared, about) {
  if (!shared) return { line: "unsupported" };
  return shared.item.kind === "stop_sharing" ? { line: "stopped", about: null } : { line: "shared", about };
}

/** The conversation's line for a shared letter, in the page's language. */
export function shareLine({ line, about }) {
  if (line === "unsupported") return t("inbox-shared-unsupported");
  const title = about ? titleOf(about) : "";
  if (line === "stopped") return title ? t("inbox-stopped-line", { title }) : t("inbox-stopped-unknown");
  return t("inbox-shared-line", { title });
}

/** The card's heading: what the item is. */
function titleOf(about) {
  if (about.words !== undefined) return about.words;
  switch (about.kind) {
    case "goal":
      return t("inbox-goal-title", { title: about.title ?? "" });
    case "aftercare": {
      const section = about.key.startsWith("aftercare:") ? about.key.slice("aftercare:".length) : null;
      return section ? t("inbox-aftercare-part-title", { section: sectionName(section) }) : t("inbox-aftercare-title");
    }
    case "safety_plan":
      return t("inbox-safety-plan-title");
    case "check_in_summary":
      return t("inbox-check-ins-title", { days: about.days });
    case "barc10":
      return t("inbox-barc-title");
    default:
      return t("inbox-shared-item");
  }
}

const sectionName = (code) => t("inbox-section", { section: String(code), fallback: codeWords(code) });
const statusName = (code) => t("inbox-status-name", { status: String(code), fallback: codeWords(code) });

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

function goalCard(card, item) {
  if (item.why) card.append(element("p", t("inbox-why", { why: item.why })));
  const facts = [t("inbox-status", { status: statusName(item.status) })];
  if (item.target) facts.push(t("inbox-target", { date: calendarDate(item.target) }));
  card.append(element("p", facts.join(" · ")));
  const steps = Array.isArray(item.steps) ? item.steps : [];
  if (steps.length === 0) return;
  const done = steps.filter((step) => step.done).length;
  const progress = element("progress");
  progress.max = steps.length;
  progress.value = done;
  const label = t("inbox-steps-done", { done, total: steps.length });
  progress.setAttribute("aria-label", label);
  card.append(progress, element("p", label, "meta"));
  const list = element("ul", undefined, "steps");
  for (const step of steps) {
    list.append(element("li", t(step.done ? "inbox-step-done" : "inbox-step-to-do", { title: step.title ?? "" }), step.done ? "done" : ""));
  }
  card.append(list);
}

function aftercareCard(card, item) {
  for (const section of Array.isArray(item.sections) ? item.sections : []) {
    card.append(element("h4", sectionName(section.section)));
    const entries = Array.isArray(section.entries) ? section.entries : [];
    if (entries.length === 0) {
      card.append(element("p", t("inbox-nothing-yet"), "meta"));
      continue;
    }
    const list = element("ul", undefined, "entries");
    for (const entry of entries) {
      const line = element("li", entry.title ?? "");
      if (entry.detail) line.append(element("span", entry.detail, "meta"));
      if (entry.status) line.append(element("span", t("inbox-status", { status: statusName(entry.status) }), "meta"));
      list.append(line);
    }
    card.append(list);
  }
}

function safetyPlanCard(card, item) {
  const steps = element("ol", undefined, "safety-steps");
  for (const step of Array.isArray(item.steps) ? item.steps : []) {
    const line = element("li");
    line.append(element("h4", t("inbox-safety-step", { step: String(step.step), fallback: codeWords(step.step) })));
    const entries = Array.isArray(step.entries) ? step.entries : [];
    if (entries.length === 0) line.append(element("p", t("inbox-nothing-yet"), "meta"));
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
  if (typeof value !== "number") return t("inbox-not-answered");
  const args = { value: decimal(value), max };
  return trend ? t("inbox-average-trend", { ...args, trend: String(trend), fallback: codeWords(trend) }) : t("inbox-average", args);
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

/** The chart's key, "Mood and craving by day…", each name styled like its line. */
function chartLegend() {
  // The sentence is formatted with two markers, then each marker becomes its styled name.
  const names = { "\u0001": ["inbox-chart-mood", "key-mood"], "\u0002": ["inbox-chart-craving", "key-craving"] };
  return t("inbox-chart-legend", { mood: "\u0001", craving: "\u0002" })
    .split(/([\u0001\u0002])/)
    .filter((part) => part !== "")
    .map((part) => (names[part] ? element("span", t(names[part][0]), names[part][1]) : document.createTextNode(part)));
}

function dailyTable(item) {
  const table = element("table", undefined, "visually-hidden");
  table.append(element("caption", t("inbox-by-day")));
  const head = element("thead");
  const header = element("tr");
  for (const name of [t("inbox-date"), t("inbox-mood-of", { max: item.mood_scale_max || 5 }), t("inbox-craving-of", { max: item.craving_scale_max || 10 })]) {
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
  card.append(element("p", t("inbox-check-ins", { count: item.check_ins, from: calendarDate(item.from), to: calendarDate(item.to) })));
  if (highCraving(shared)) card.append(element("p", t("inbox-high-cravings"), "attention"));
  const facts = element("ul", undefined, "facts");
  facts.append(
    element("li", t("inbox-mood", { average: average(item.mood_average, item.mood_scale_max || 5, item.mood_trend) })),
    element("li", t("inbox-craving", { average: average(item.craving_average, item.craving_scale_max || 10, item.craving_trend) })),
  );
  if (typeof item.days_used === "number") facts.append(element("li", t("inbox-days-used", { count: item.days_used })));
  const halt = item.halt && typeof item.halt === "object" ? item.halt : {};
  const felt = Object.fromEntries(["hungry", "angry", "lonely", "tired"].map((code) => [code, Number(halt[code] ?? 0)]));
  facts.append(element("li", t("inbox-times-felt", felt)));
  card.append(facts);
  if (Array.isArray(item.daily) && item.daily.length > 0) {
    const figure = element("figure", undefined, "chart-figure");
    const legend = element("figcaption", undefined, "meta");
    legend.append(...chartLegend());
    figure.append(chart(item), legend);
    card.append(figure, dailyTable(item));
  }
  const notes = Array.isArray(item.notes) ? item.notes : [];
  if (notes.length > 0) {
    card.append(element("h4", t("inbox-notes")));
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
  card.append(element("p", t("inbox-barc-score", { score: item.score, max: item.max, date: calendarDate(item.taken_on) })));
}

/** One shared item as a card. */
function cardFor(kept, index) {
  const card = element("article", undefined, "card");
  const heading = element("h3", kept.shared ? titleOf(aboutKept(kept) ?? aboutOf(kept.shared)) : t("inbox-shared-item"));
  heading.id = `shared-item-${index}`;
  card.setAttribute("aria-labelledby", heading.id);
  card.append(heading, element("p", t("inbox-shared-on", { date: dateTime(kept.sent_at_ms) }), "meta"));
  const shared = kept.shared;
  if (!shared) {
    card.append(element("p", t("inbox-needs-newer")));
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
      card.append(element("p", t("inbox-needs-newer")));
  }
  return card;
}

/** Fills `panel` (its heading, empty note and list) with what `name` shares, newest first. */
export function renderPanel(panel, name, items) {
  const current = Object.values(items ?? {})
    .filter((kept) => !kept.stopped)
    .sort((a, b) => b.sent_at_ms - a.sent_at_ms);
  panel.querySelector("h2").textContent = t("inbox-shares-heading", { name });
  panel.querySelector(".empty").textContent = current.length ? "" : t("inbox-shares-empty", { name });
  const list = panel.querySelector("ul");
  list.replaceChildren(
    ...current.map((kept, index) => {
      const item = element("li");
      item.append(cardFor(kept, index));
      return item;
    }),
  );
}
