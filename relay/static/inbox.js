// The specialist's inbox. Every cryptographic step runs in the inbox's wasm
// (/inbox/pkg/, crate inbox-wasm: relay-protocol compiled from the same Rust
// as the participant's app): the password's two secrets, the Olm channels,
// request signatures, and the sealing of what this browser stores. The relay
// receives only the login secret, public keys and ciphertext.
//
// What this browser keeps, in localStorage, sealed under the unwrap key
// (which exists only in the wasm's memory while signed in):
//   state   - device keys, Olm account, each participant's identity and channel
//   history - opened letters and sent texts, the fetch cursor, the outbox
// Both are read and written under one Web Lock per specialist, so two tabs
// take turns: a ratchet step or a sequence number is never used twice.

import { caseloadEntry, caseloadRows } from "/inbox/caseload.js";
import { keepShared, raisesAttention, renderPanel, shareLine } from "/inbox/panel.js";
import { currentLanguage, dateTime, say, setLanguage, t, translatePage, useWords } from "/inbox/words.js";

const $ = (id) => document.getElementById(id);
const POLL_MS = 5000;
/** One-time keys published at a time; each pairing claims one. */
const ONE_TIME_KEYS = 20;

let wasm = null;
const loading = import("/inbox/pkg/inbox.js")
  .then(async (module) => {
    await module.default();
    wasm = module;
    useWords(module);
    showWords();
  })
  .catch(async () => {
    // Without the wasm there is no Fluent: the relay words this one itself.
    const words = await fetch("/inbox/no-code.json").then((response) => response.json()).catch(() => ({}));
    showError(words[currentLanguage()] ?? words.en ?? "");
  });

const state = {
  me: null, // { name, csrf, device }
  username: "",
  keys: null, // the wasm's Keys: login secret and unwrap key
  mailbox: "",
  fingerprint: "",
  participants: [], // from the relay, plus { status, channel, code, short }
  selected: null,
  history: emptyHistory(),
  dropped: 0,
  poller: null,
  mailEvents: null, // the relay's event stream (listenForMail)
  urgentOpenings: [], // how the "I'm struggling" quick message begins (/inbox/urgent.json)
  inviteExpiresMs: 0, // when the invite on screen expires
};

/** The invite's expiry, its date as the page's language writes it. */
function sayInviteExpiry() {
  if (state.inviteExpiresMs) say($("invite-expiry"), "inbox-invite-expires", { date: dateTime(state.inviteExpiresMs) });
}

/** The page's words in the chosen language; what is on screen is worded again. */
function showWords() {
  translatePage();
  sayInviteExpiry();
  $("language").value = currentLanguage();
  document.title = pageTitle();
  if (state.poller) render();
}

$("language").addEventListener("change", (event) => {
  setLanguage(event.target.value, true);
  showWords();
});

/** "Phoenix inbox", with the number of unread messages first when there are any. */
function pageTitle() {
  const unread = state.poller ? state.participants.reduce((sum, p) => sum + unreadOf(p.mailbox).length, 0) : 0;
  return unread ? t("inbox-title-unread", { count: unread }) : t("inbox-title");
}

function emptyHistory() {
  // received: mailbox -> [{ id, sequence, text, sent_at_ms, missing, read, urgent, sharedKey?, attention? }]
  // shared: mailbox -> { key -> { key, shared, sent_at_ms, title, stopped? } } (panel.js)
  // sent: [{ to, id, sequence, text, sent_at_ms, delivered, read }]
  // outbox: [{ to, sealed, sequence, text, sent_at_ms }] sealed, not yet accepted by the relay
  // unacked: relay ids stored here that the relay has not confirmed deleting
  return { received: {}, sent: [], outbox: [], after: 0, unacked: [], shared: {} };
}

function showError(message) {
  $("error").textContent = message;
}

async function api(method, path, body) {
  const headers = { "content-type": "application/json" };
  if (method !== "GET" && state.me) headers["x-csrf-token"] = state.me.csrf;
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: "same-origin" });
  const json = response.status === 204 ? null : await response.json().catch(() => null);
  if (response.status === 401 && state.poller) endSession();
  if (!response.ok) throw new Error(refusal(json, response.status));
  return json;
}

/** The session ended (signed out here or elsewhere, or expired): no more
 * polling, and the relay's event stream closed. */
function endSession() {
  clearInterval(state.poller);
  state.poller = null;
  state.mailEvents?.close();
  state.mailEvents = null;
  document.title = pageTitle();
}

/** A /v1 request signed by the inbox's device key (in the wasm). */
async function signed(inbox, method, path, body) {
  const text = body === undefined ? "" : JSON.stringify(body);
  const headers = JSON.parse(inbox.signRequest(method, path, text, Date.now()));
  if (text) headers["content-type"] = "application/json";
  const response = await fetch(path, { method, headers, body: text || undefined });
  const json = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) throw new Error(refusal(json, response.status));
  return json;
}

/** Why the relay refused, in the page's language when the inbox has words
 * for its error code, else the relay's own sentence. */
function refusal(json, status) {
  const key = `inbox-error-${json?.error}`;
  const words = typeof json?.error === "string" ? t(key) : "";
  if (words && words !== key) return words;
  return json?.message ?? t("inbox-server-answered", { status });
}

// Sealed storage, under one lock.

const storageName = (what) => `phoenix-inbox-${what}:${state.username}`;

function readHistory(keys) {
  const sealed = localStorage.getItem(storageName("history"));
  return sealed ? JSON.parse(keys.open("history", sealed)) : emptyHistory();
}

/**
 * Runs `work(inbox, history, save)` holding this specialist's lock, on the
 * state and history as stored; stores both afterwards. `save()` stores them
 * mid-way: before a sealed message leaves, so its counters are kept.
 */
function withState(work) {
  return navigator.locks.request(`phoenix-inbox:${state.username}`, async () => {
    const inbox = wasm.Inbox.open(state.keys, localStorage.getItem(storageName("state")));
    const history = readHistory(state.keys);
    const save = () => {
      localStorage.setItem(storageName("state"), inbox.seal(state.keys));
      localStorage.setItem(storageName("history"), state.keys.seal("history", JSON.stringify(history)));
    };
    try {
      const result = await work(inbox, history, save);
      save();
      state.history = history;
      return result;
    } finally {
      inbox.free();
    }
  });
}

/** First sign-in in this browser: new keys, registered; later: the same ones. */
async function openOrCreateState() {
  const stored = localStorage.getItem(storageName("state"));
  if (!stored) {
    if (state.me.device) {
      throw new Error(t("inbox-keys-elsewhere"));
    }
    const inbox = wasm.Inbox.generate();
    try {
      const keys = JSON.parse(inbox.publicKeys());
      localStorage.setItem(storageName("state"), inbox.seal(state.keys));
      await api("PUT", "/inbox/api/device", { keys });
      state.me.device = keys;
    } finally {
      inbox.free();
    }
  }
  await withState(async (inbox, history, save) => {
    if (state.me.device && state.me.device.signing !== JSON.parse(inbox.publicKeys()).signing) {
      throw new Error(t("inbox-other-keys"));
    }
    state.mailbox = inbox.mailbox();
    state.fingerprint = inbox.fingerprint();
    // The channel identity and enough one-time keys for new pairings: each
    // pairing claims one. Stored before publishing: the secret halves live
    // in the account.
    const held = await signed(inbox, "PUT", "/v1/keys", JSON.parse(inbox.bundle(0)));
    if (held.one_time_keys < ONE_TIME_KEYS / 2) {
      const bundle = JSON.parse(inbox.bundle(ONE_TIME_KEYS));
      save();
      await signed(inbox, "PUT", "/v1/keys", bundle);
    }
  });
}

// Signing in.

async function deriveKeys(username, password) {
  const { salt } = await api("GET", `/inbox/api/salt?username=${encodeURIComponent(username)}`);
  return wasm.unlock(password, salt);
}

async function signIn(username, password) {
  await loading;
  if (!wasm) return;
  const keys = await deriveKeys(username, password);
  state.me = await api("POST", "/inbox/api/login", { username, secret: keys.loginSecret() });
  state.username = username;
  state.keys?.free();
  state.keys = keys;
  await openOrCreateState();
}

$("login").addEventListener("submit", async (event) => {
  event.preventDefault();
  showError("");
  const username = $("username").value.trim().toLowerCase();
  const password = $("password").value;
  try {
    await signIn(username, password);
    if (!state.keys) return;
    $("password").value = "";
    $("login").hidden = true;
    $("app").hidden = false;
    $("signed-in").hidden = false;
    say($("signed-in-as"), "inbox-signed-in", { name: state.me.name });
    // Offered until the browser allows notifications (a blocked one says
    // no again at once: the browser's site settings can allow it).
    $("notify").hidden = !("Notification" in window) || Notification.permission === "granted";
    state.urgentOpenings = (await api("GET", "/inbox/urgent.json")).openings;
    await refresh();
    state.poller = setInterval(() => refresh().catch((error) => showError(error.message)), POLL_MS);
    state.mailEvents = listenForMail();
  } catch (error) {
    showError(error.message);
  }
});

/** Fetches at once when the relay announces mail for this inbox (server-sent
 * events, no content); the browser's EventSource reconnects by itself after
 * a network loss. The poll stays for receipts, pairings and unpairings. */
function listenForMail() {
  const events = new EventSource("/inbox/api/events");
  events.addEventListener("mail", () => refresh().catch((error) => showError(error.message)));
  return events;
}

// Asked only when the specialist chooses to, never on load.
$("notify").addEventListener("click", async () => {
  const permission = await Notification.requestPermission();
  $("notify").hidden = permission === "granted";
});

$("sign-out").addEventListener("click", async () => {
  endSession();
  await api("POST", "/inbox/api/logout").catch(() => {});
  location.reload();
});

$("change-password").addEventListener("submit", async (event) => {
  event.preventDefault();
  showError("");
  delete $("password-changed").dataset.words;
  $("password-changed").textContent = "";
  try {
    const current = await deriveKeys(state.username, $("current-password").value);
    const next = await deriveKeys(state.username, $("new-password").value);
    // Sealed again under the new key first, stored only once the relay
    // accepted the new login secret: neither side is ever left behind.
    await navigator.locks.request(`phoenix-inbox:${state.username}`, async () => {
      const inbox = wasm.Inbox.open(current, localStorage.getItem(storageName("state")));
      try {
        const sealedState = inbox.seal(next);
        const sealedHistory = next.seal("history", JSON.stringify(readHistory(current)));
        await api("POST", "/inbox/api/password", { secret: current.loginSecret(), new_secret: next.loginSecret() });
        localStorage.setItem(storageName("state"), sealedState);
        localStorage.setItem(storageName("history"), sealedHistory);
      } finally {
        inbox.free();
      }
    });
    current.free();
    // The change ended every session: sign in again with the new secret.
    state.me = await api("POST", "/inbox/api/login", { username: state.username, secret: next.loginSecret() });
    state.keys.free();
    state.keys = next;
    $("current-password").value = "";
    $("new-password").value = "";
    say($("password-changed"), "inbox-password-changed");
  } catch (error) {
    showError(error.message);
  }
});

$("create-invite").addEventListener("click", async () => {
  try {
    const invite = await api("POST", "/inbox/api/invites");
    $("invite-code").textContent = invite.code;
    $("invite-fingerprint").textContent = state.fingerprint;
    state.inviteExpiresMs = invite.expires_at_ms;
    sayInviteExpiry();
    // Made here, from this browser's own keys: not what the relay says they are.
    const svg = wasm.inviteQr(invite.code, state.fingerprint);
    $("invite-qr").src = `data:image/svg+xml;base64,${btoa(svg)}`;
    $("invite").hidden = false;
  } catch (error) {
    showError(error.message);
  }
});

// Participants and messages.

async function refresh() {
  const participants = (await api("GET", "/inbox/api/participants")).participants;
  const arrived = [];
  await withState(async (inbox, history, save) => {
    for (const participant of participants) {
      // A pairing from before verified keys has no identity: it cannot talk.
      if (participant.identity) inbox.checkPeer(participant.mailbox, JSON.stringify(participant.identity));
    }
    // Acknowledgements a failed request left behind go first.
    await acknowledge(inbox, history, save);
    for (;;) {
      const page = (await signed(inbox, "GET", `/v1/messages?after=${history.after}`)).messages;
      if (page.length === 0) break;
      history.after = page[page.length - 1].id;
      const stored = page.filter((delivery) => receive(inbox, history, participants, delivery, arrived)).map((delivery) => delivery.id);
      // Stored in this browser (or a greeting or repeat, nothing to keep):
      // the relay may delete their ciphertext. Kept with the history until
      // the relay answers, so a lost request is sent again next time.
      history.unacked = [...(history.unacked ?? []), ...stored];
      save();
      await acknowledge(inbox, history, save);
    }
    await flushOutbox(inbox, history, save);
    for (const participant of participants) describe(inbox, participant);
  });
  state.participants = participants;
  await refreshReceipts();
  if (state.selected && !document.hidden) await markRead(state.selected);
  render();
  announce(arrived);
}

/** A browser notification per participant who wrote, if the specialist
 * allowed them: the participant's shared name only, never the text. */
function announce(arrived) {
  if (!("Notification" in window) || Notification.permission !== "granted") return;
  for (const mailbox of new Set(arrived.map((letter) => letter.from))) {
    const participant = state.participants.find((p) => p.mailbox === mailbox);
    if (!participant) continue;
    const urgent = arrived.some((letter) => letter.from === mailbox && letter.urgent);
    const notification = new Notification(t("inbox-title"), {
      body: t(urgent ? "inbox-notify-urgent" : "inbox-notify-new", { name: participant.name }),
      tag: mailbox,
    });
    notification.onclick = () => {
      window.focus();
      select(mailbox);
    };
  }
}

/** Whether `text` uses the "I'm struggling" quick message. */
function isUrgent(text) {
  return state.urgentOpenings.some((opening) => text.startsWith(opening));
}

/** Tells the relay which stored letters it may delete (at most 500 a request). */
async function acknowledge(inbox, history, save) {
  const ids = (history.unacked ?? []).slice(0, 500);
  if (ids.length === 0) return;
  await signed(inbox, "POST", "/v1/messages/ack", { ids });
  history.unacked = history.unacked.filter((id) => !ids.includes(id));
  save();
}

function describe(inbox, participant) {
  const status = JSON.parse(inbox.peerStatus(participant.mailbox));
  participant.status = status?.status ?? "known";
  participant.channel = status?.channel ?? false;
  participant.short = status ? inbox.peerFingerprint(participant.mailbox) : "none";
  participant.code = status ? inbox.verificationCode(participant.mailbox) : "";
}

/** Opens and keeps one delivery (a letter also in `arrived`); whether it may
 * be acknowledged (it opened). */
function receive(inbox, history, participants, delivery, arrived) {
  const from = participants.find((p) => p.mailbox === delivery.message.from);
  if (!from) return false; // from someone no longer paired
  let opened;
  try {
    opened = JSON.parse(inbox.receive(from.mailbox, JSON.stringify(delivery.message)));
  } catch {
    state.dropped += 1; // tampered, not for this inbox, or from a changed key
    return false;
  }
  if (opened.kind !== "letter") return true; // the greeting, or a repeat
  const list = history.received[from.mailbox] ?? [];
  if (opened.shared != null || opened.unsupported) {
    receiveShared(history, from.mailbox, list, delivery.id, opened);
    history.received[from.mailbox] = list;
    arrived.push({ from: from.mailbox, urgent: false });
    return true;
  }
  const urgent = isUrgent(opened.text);
  list.push({ id: delivery.id, sequence: opened.sequence, text: opened.text, sent_at_ms: opened.sent_at_ms, missing: opened.missing, read: false, urgent });
  history.received[from.mailbox] = list;
  arrived.push({ from: from.mailbox, urgent });
  return true;
}

/** Keeps a shared item (the panel's card) and its line in the conversation.
 * A newer version of the same item, or "stop sharing", ends what an older
 * one raised on the caseload. */
function receiveShared(history, mailbox, list, id, opened) {
  const share = keepShared(history, mailbox, opened);
  const key = typeof opened.shared?.key === "string" ? opened.shared.key : null;
  const newest = key === null || history.shared[mailbox][key].sent_at_ms === opened.sent_at_ms;
  if (key !== null && newest) {
    for (const letter of list) if (letter.sharedKey === key) letter.attention = false;
  }
  const attention = newest && raisesAttention(opened);
  list.push({ id, sequence: opened.sequence, share, sent_at_ms: opened.sent_at_ms, missing: opened.missing, read: false, urgent: false, sharedKey: key, attention });
}

/** Sends what was sealed but not yet accepted by the relay, in order. */
async function flushOutbox(inbox, history, save) {
  while (history.outbox.length > 0) {
    const pending = history.outbox[0];
    const sent = await signed(inbox, "POST", "/v1/messages", pending.sealed);
    history.outbox.shift();
    history.sent.push({ to: pending.to, id: sent.id, sequence: pending.sequence, text: pending.text, sent_at_ms: pending.sent_at_ms, delivered: false, read: false });
    save();
  }
}

async function refreshReceipts() {
  const pending = state.history.sent.filter((m) => !m.read);
  if (pending.length === 0) return;
  await withState(async (inbox, history) => {
    const { receipts } = await signed(inbox, "GET", `/v1/receipts?ids=${pending.map((m) => m.id).join(",")}`);
    for (const receipt of receipts) {
      const message = history.sent.find((m) => m.id === receipt.id);
      if (!message) continue;
      message.delivered = receipt.delivered_at_ms !== null;
      message.read = receipt.read_at_ms !== null;
    }
  });
}

async function markRead(mailbox) {
  const unread = (state.history.received[mailbox] ?? []).filter((m) => !m.read);
  if (unread.length === 0) return;
  await withState(async (inbox, history) => {
    const ids = unread.map((m) => m.id);
    await signed(inbox, "POST", "/v1/messages/read", { ids });
    for (const message of history.received[mailbox] ?? []) if (ids.includes(message.id)) message.read = true;
  });
}

const unreadOf = (mailbox) => (state.history.received[mailbox] ?? []).filter((m) => !m.read);

function render() {
  const list = $("participants");
  list.replaceChildren();
  $("no-participants").hidden = state.participants.length > 0;
  document.title = pageTitle();
  for (const row of caseloadRows(state.participants, state.history)) {
    const { mailbox } = row.participant;
    list.append(caseloadEntry(row, state.selected === mailbox, () => select(mailbox)));
  }
  renderConversation();
}

async function select(mailbox) {
  state.selected = mailbox;
  await markRead(mailbox).catch((error) => showError(error.message));
  render();
  $("reply-text").focus();
}

function renderConversation() {
  const participant = state.participants.find((p) => p.mailbox === state.selected);
  $("conversation").hidden = !participant;
  $("shared-panel").hidden = !participant;
  if (!participant) return;
  $("conversation-title").textContent = t("inbox-conversation-with", { name: participant.name });
  const changed = participant.status === "changed";
  $("key-changed").hidden = !changed;
  $("key-changed-text").textContent = changed ? t("inbox-key-changed", { name: participant.name }) : "";
  $("verification-code").textContent = participant.code;
  const noChannel = !participant.channel && !changed ? t("inbox-no-channel", { name: participant.name }) : "";
  $("reply").querySelector("button").disabled = changed || !participant.channel;
  $("dropped").textContent = [state.dropped ? t("inbox-dropped", { count: state.dropped }) : "", noChannel].filter(Boolean).join(" ");
  renderPanel($("shared-panel"), participant.name, state.history.shared?.[participant.mailbox]);
  const theirs = (state.history.received[participant.mailbox] ?? []).map((m) => ({ ...m, mine: false }));
  const mine = [...state.history.sent, ...state.history.outbox.map((m) => ({ ...m, pending: true }))]
    .filter((m) => m.to === participant.mailbox)
    .map((m) => ({ ...m, mine: true }));
  const messages = [...theirs, ...mine].sort((a, b) => a.sent_at_ms - b.sent_at_ms);
  const list = $("messages");
  list.replaceChildren();
  for (const message of messages) {
    if (message.missing > 0) {
      const gap = document.createElement("li");
      gap.className = "message gap";
      gap.textContent = t("inbox-missing", { count: message.missing });
      list.append(gap);
    }
    const item = document.createElement("li");
    item.className = `message ${message.mine ? "mine" : "theirs"}${message.urgent || message.attention ? " urgent" : ""}${message.sharedKey !== undefined ? " shared" : ""}`;
    const meta = document.createElement("span");
    meta.className = "meta";
    const parts = [message.mine ? t("inbox-you") : participant.name, dateTime(message.sent_at_ms)];
    if (message.mine) parts.push(t(message.pending ? "inbox-status-not-sent" : message.read ? "inbox-status-read" : message.delivered ? "inbox-status-delivered" : "inbox-status-sent"));
    if (message.urgent) parts.push(t("inbox-urgent"));
    meta.textContent = parts.join(" · ");
    // A shared item's line is worded now, in the page's language; what the participant wrote stays as written.
    item.append(meta, document.createTextNode(message.share ? shareLine(message.share) : message.text));
    list.append(item);
  }
}

// Back to a tab left open on a conversation: what arrived meanwhile is read now.
document.addEventListener("visibilitychange", () => {
  if (document.hidden || !state.selected || !state.poller) return;
  markRead(state.selected).then(render, (error) => showError(error.message));
});

$("confirm-key").addEventListener("click", async () => {
  const participant = state.participants.find((p) => p.mailbox === state.selected);
  if (!participant) return;
  try {
    await withState(async (inbox) => {
      inbox.confirm(participant.mailbox);
      describe(inbox, participant);
    });
    render();
  } catch (error) {
    showError(error.message);
  }
});

$("reply").addEventListener("submit", async (event) => {
  event.preventDefault();
  const participant = state.participants.find((p) => p.mailbox === state.selected);
  const text = $("reply-text").value.trim();
  if (!participant || !text) return;
  try {
    await withState(async (inbox, history, save) => {
      const sentAt = Date.now();
      const sealed = JSON.parse(inbox.send(participant.mailbox, text, sentAt));
      history.outbox.push({ to: participant.mailbox, sealed, text, sent_at_ms: sentAt });
      // The ratchet moved and the letter waits in the outbox before it leaves.
      save();
      await flushOutbox(inbox, history, save);
    });
    $("reply-text").value = "";
    renderConversation();
  } catch (error) {
    showError(error.message);
    renderConversation();
  }
});

$("unpair").addEventListener("click", async () => {
  const participant = state.participants.find((p) => p.mailbox === state.selected);
  if (!participant || !confirm(t("inbox-unpair-confirm", { name: participant.name }))) return;
  try {
    await api("DELETE", `/inbox/api/participants/${participant.id}`);
    await withState(async (inbox) => inbox.forget(participant.mailbox));
    state.selected = null;
    await refresh();
  } catch (error) {
    showError(error.message);
  }
});

// Resume a session after a reload: the keys need the password again.
api("GET", "/inbox/api/me").then(
  (me) => { $("username").value = ""; say($("login-title"), "inbox-sign-in-again", { name: me.name }); },
  () => {},
);
