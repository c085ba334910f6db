// The caseload: every paired participant, whom to call first on top.
//
// A participant "needs attention" when something they sent asks for it and
// the specialist has not answered since: a message that uses the app's
// "I'm struggling" quick message (marked urgent when it arrives), or a
// shared check-in summary whose craving average is HIGH_CRAVING or more on
// a 0-10 scale. Only what the participant sent can raise the mark; a reply
// to them clears it.

import { dateTime, t } from "/inbox/words.js";

/** The craving average (of 10) from which a shared check-in summary needs attention. */
export const HIGH_CRAVING = 7;

/** Whether a shared item is a check-in summary with a high craving average. */
export function highCraving(shared) {
  const item = shared?.item;
  if (item?.kind !== "check_in_summary" || typeof item.craving_average !== "number") return false;
  const max = item.craving_scale_max > 0 ? item.craving_scale_max : 10;
  return (item.craving_average * 10) / max >= HIGH_CRAVING;
}

/**
 * Why `received` (one participant's opened letters) needs attention after
 * `lastReplyMs` (the specialist's last reply to them): "help" for the quick
 * message, "craving" for a summary with high cravings, or null.
 */
export function attentionReason(received, lastReplyMs) {
  const raised = received
    .filter((letter) => (letter.urgent || letter.attention) && letter.sent_at_ms > lastReplyMs)
    .sort((a, b) => b.sent_at_ms - a.sent_at_ms);
  if (raised.length === 0) return null;
  return raised.some((letter) => letter.urgent) ? "help" : "craving";
}

/** The words for each attention reason (Fluent ids). */
const REASONS = {
  help: "inbox-attention-help",
  craving: "inbox-attention-craving",
};

/**
 * Each participant with what the caseload shows: unread count, last
 * message time, and the attention reason; ordered by who needs attention
 * (newest first), then who wrote last, then the relay's order.
 */
export function caseloadRows(participants, history) {
  return participants
    .map((participant, index) => {
      const received = history.received[participant.mailbox] ?? [];
      const replies = history.sent.filter((m) => m.to === participant.mailbox).map((m) => m.sent_at_ms);
      const lastReplyMs = Math.max(0, ...replies);
      const attention = attentionReason(received, lastReplyMs);
      const raisedAt = attention
        ? Math.max(...received.filter((m) => (m.urgent || m.attention) && m.sent_at_ms > lastReplyMs).map((m) => m.sent_at_ms))
        : 0;
      return {
        participant,
        index,
        unread: received.filter((m) => !m.read),
        // The relay's id of the newest letter (ids only grow) orders; its time is shown.
        latestId: Math.max(0, ...received.map((m) => m.id)),
        lastMessageMs: received.length ? Math.max(...received.map((m) => m.sent_at_ms)) : null,
        attention,
        raisedAt,
      };
    })
    .sort((a, b) => b.raisedAt - a.raisedAt || b.latestId - a.latestId || a.index - b.index);
}

function span(className, text) {
  const element = document.createElement("span");
  element.className = className;
  element.textContent = text;
  return element;
}

/** One caseload entry: a button that opens the conversation. */
export function caseloadEntry(row, selected, onSelect) {
  const { participant, unread, attention, lastMessageMs } = row;
  const item = document.createElement("li");
  const button = document.createElement("button");
  button.type = "button";
  const marks = [participant.name];
  if (unread.length) marks.push(t("inbox-unread", { count: unread.length }));
  if (participant.status === "changed") marks.push(t("inbox-key-changed-mark"));
  if (unread.some((m) => m.urgent)) marks.push(t("inbox-urgent-mark"));
  button.append(document.createTextNode(marks.join(" ")));
  if (attention) {
    // Text, not colour alone: the reason is read out with the name.
    button.append(document.createTextNode(" "), span("attention", t(REASONS[attention])));
    button.classList.add("needs-attention");
  }
  button.append(span("fingerprint", ` ${t("inbox-key-short", { short: participant.short })}`));
  const when = lastMessageMs === null ? t("inbox-no-messages") : t("inbox-last-message", { date: dateTime(lastMessageMs) });
  button.append(span("meta", when));
  button.setAttribute("aria-current", String(selected));
  button.addEventListener("click", onSelect);
  item.append(button);
  return item;
}
