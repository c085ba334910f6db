// The specialist's inbox. Decryption happens here, in the browser: the
// relay stores and returns only sealed messages. This browser keeps the
// inbox's private keys (and the specialist's own sent messages) in
// localStorage, encrypted under a key derived from the password.

import * as protocol from "/inbox/crypto.js";

const $ = (id) => document.getElementById(id);
const POLL_MS = 5000;

const state = {
  me: null, // { name, csrf, device }
  username: "",
  storageKey: null, // AES key from the password, kept only in memory
  device: null,
  participants: [],
  selected: null,
  received: new Map(), // mailbox -> [{ id, text, sent_at_ms }]
  conversations: new Map(), // mailbox -> { contiguous, ahead }
  dropped: 0,
  after: 0,
  local: { sent: [] }, // { to, id, sequence, text, sent_at_ms, delivered, read }
};

function showError(message) {
  $("error").textContent = message;
}

async function api(method, path, body) {
  const headers = { "content-type": "application/json" };
  if (method !== "GET" && state.me) headers["x-csrf-token"] = state.me.csrf;
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: "same-origin" });
  const json = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) throw new Error(json?.message ?? `the relay answered ${response.status}`);
  return json;
}

async function signed(method, path, body) {
  const text = body === undefined ? "" : JSON.stringify(body);
  const headers = await protocol.signRequest(state.device, method, path, text);
  if (text) headers["content-type"] = "application/json";
  const response = await fetch(path, { method, headers, body: text || undefined });
  const json = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) throw new Error(json?.message ?? `the relay answered ${response.status}`);
  return json;
}

// Keys and local storage, encrypted under the password-derived key.

const storageName = (what) => `phoenix-inbox-${what}:${state.username}`;

async function openLocalStore(password) {
  let salt = localStorage.getItem(storageName("salt"));
  if (!salt) {
    salt = protocol.encode(crypto.getRandomValues(new Uint8Array(16)));
    localStorage.setItem(storageName("salt"), salt);
  }
  state.storageKey = await protocol.passwordKey(password, protocol.decode(salt));
}

async function saveLocal(what, value) {
  localStorage.setItem(storageName(what), JSON.stringify(await protocol.encryptJson(state.storageKey, value)));
}

async function loadLocal(what) {
  const stored = localStorage.getItem(storageName(what));
  return stored ? protocol.decryptJson(state.storageKey, JSON.parse(stored)) : null;
}

async function loadOrCreateDevice() {
  const stored = await loadLocal("device");
  if (stored) {
    const device = await protocol.importDevice(stored);
    if (state.me.device && state.me.device.signing !== device.keys.signing) {
      throw new Error("This browser holds other inbox keys than your account. Use the browser you set up, or ask an admin to reset your keys.");
    }
    return device;
  }
  if (state.me.device) {
    throw new Error("Your inbox keys are in the browser you first signed in with. Use that browser, or ask an admin to reset your keys.");
  }
  const device = await protocol.generateDevice();
  await saveLocal("device", await protocol.exportDevice(device));
  await api("PUT", "/inbox/api/device", { keys: device.keys });
  state.me.device = device.keys;
  return protocol.importDevice(await protocol.exportDevice(device));
}

// Signing in.

$("login").addEventListener("submit", async (event) => {
  event.preventDefault();
  showError("");
  const username = $("username").value.trim().toLowerCase();
  const password = $("password").value;
  try {
    state.me = await api("POST", "/inbox/api/login", { username, password });
    state.username = username;
    await openLocalStore(password);
    $("password").value = "";
    state.device = await loadOrCreateDevice();
    state.local = (await loadLocal("sent-messages")) ?? { sent: [] };
    $("login").hidden = true;
    $("app").hidden = false;
    $("signed-in").hidden = false;
    $("my-name").textContent = state.me.name;
    await refresh();
    setInterval(() => refresh().catch((error) => showError(error.message)), POLL_MS);
  } catch (error) {
    showError(error.message);
  }
});

$("sign-out").addEventListener("click", async () => {
  await api("POST", "/inbox/api/logout").catch(() => {});
  location.reload();
});

$("create-invite").addEventListener("click", async () => {
  try {
    const invite = await api("POST", "/inbox/api/invites");
    $("invite-code").textContent = invite.code;
    $("invite-expiry").textContent = new Date(invite.expires_at_ms).toLocaleString();
    $("invite-qr").src = `data:image/svg+xml;base64,${btoa(invite.qr_svg)}`;
    $("invite").hidden = false;
  } catch (error) {
    showError(error.message);
  }
});

// Participants and messages.

async function refresh() {
  state.participants = (await api("GET", "/inbox/api/participants")).participants;
  for (const participant of state.participants) participant.mailbox = await protocol.mailboxOf(participant.keys);
  for (;;) {
    const page = (await signed("GET", `/v1/messages?after=${state.after}`)).messages;
    if (page.length === 0) break;
    state.after = page[page.length - 1].id;
    for (const delivery of page) await receive(delivery);
  }
  await refreshReceipts();
  if (state.selected) await markRead(state.selected);
  render();
}

async function receive(delivery) {
  const from = state.participants.find((p) => p.mailbox === delivery.message.from);
  if (!from) return; // from someone no longer paired
  try {
    const letter = await protocol.open(state.device, from.keys, delivery.message);
    const conversation = state.conversations.get(from.mailbox) ?? { contiguous: 0, ahead: [] };
    state.conversations.set(from.mailbox, conversation);
    if (!protocol.accept(conversation, letter.sequence)) {
      state.dropped += 1; // a replay
      return;
    }
    const list = state.received.get(from.mailbox) ?? [];
    list.push({ id: delivery.id, text: letter.text, sent_at_ms: letter.sent_at_ms, read: false });
    state.received.set(from.mailbox, list);
  } catch {
    state.dropped += 1; // tampered, or not for this inbox
  }
}

async function refreshReceipts() {
  const pending = state.local.sent.filter((m) => !m.read);
  if (pending.length === 0) return;
  const { receipts } = await signed("GET", `/v1/receipts?ids=${pending.map((m) => m.id).join(",")}`);
  for (const receipt of receipts) {
    const message = state.local.sent.find((m) => m.id === receipt.id);
    message.delivered = receipt.delivered_at_ms !== null;
    message.read = receipt.read_at_ms !== null;
  }
  await saveLocal("sent-messages", state.local);
}

async function markRead(mailbox) {
  const unread = (state.received.get(mailbox) ?? []).filter((m) => !m.read);
  if (unread.length === 0) return;
  await signed("POST", "/v1/messages/read", { ids: unread.map((m) => m.id) });
  for (const message of unread) message.read = true;
}

function render() {
  const list = $("participants");
  list.replaceChildren();
  $("no-participants").hidden = state.participants.length > 0;
  for (const participant of state.participants) {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    const unread = (state.received.get(participant.mailbox) ?? []).filter((m) => !m.read).length;
    button.textContent = unread ? `${participant.name} (${unread} new)` : participant.name;
    button.setAttribute("aria-current", String(state.selected === participant.mailbox));
    button.addEventListener("click", () => select(participant.mailbox));
    item.append(button);
    list.append(item);
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
  if (!participant) return;
  $("conversation-title").textContent = `Conversation with ${participant.name}`;
  $("dropped").textContent = state.dropped ? `${state.dropped} message(s) could not be opened or were repeats, and were not shown.` : "";
  const theirs = (state.received.get(participant.mailbox) ?? []).map((m) => ({ ...m, mine: false }));
  const mine = state.local.sent.filter((m) => m.to === participant.mailbox).map((m) => ({ ...m, mine: true }));
  const messages = [...theirs, ...mine].sort((a, b) => a.sent_at_ms - b.sent_at_ms);
  const list = $("messages");
  list.replaceChildren();
  for (const message of messages) {
    const item = document.createElement("li");
    item.className = `message ${message.mine ? "mine" : "theirs"}`;
    const meta = document.createElement("span");
    meta.className = "meta";
    const who = message.mine ? "You" : participant.name;
    const status = message.mine ? ` · ${message.read ? "Read" : message.delivered ? "Delivered" : "Sent"}` : "";
    meta.textContent = `${who} · ${new Date(message.sent_at_ms).toLocaleString()}${status}`;
    item.append(meta, document.createTextNode(message.text));
    list.append(item);
  }
}

$("reply").addEventListener("submit", async (event) => {
  event.preventDefault();
  const participant = state.participants.find((p) => p.mailbox === state.selected);
  const text = $("reply-text").value.trim();
  if (!participant || !text) return;
  try {
    const sequence = state.local.sent.filter((m) => m.to === participant.mailbox).length + 1;
    const letter = { sequence, sent_at_ms: Date.now(), text };
    const sealed = await protocol.seal(state.device, participant.keys, letter);
    const sent = await signed("POST", "/v1/messages", sealed);
    state.local.sent.push({ to: participant.mailbox, id: sent.id, sequence, text, sent_at_ms: letter.sent_at_ms, delivered: false, read: false });
    await saveLocal("sent-messages", state.local);
    $("reply-text").value = "";
    renderConversation();
  } catch (error) {
    showError(error.message);
  }
});

$("unpair").addEventListener("click", async () => {
  const participant = state.participants.find((p) => p.mailbox === state.selected);
  if (!participant || !confirm(`Unpair ${participant.name}? They will no longer be able to message you.`)) return;
  try {
    await api("DELETE", `/inbox/api/participants/${participant.id}`);
    state.selected = null;
    await refresh();
  } catch (error) {
    showError(error.message);
  }
});

// Resume a session after a reload: the keys need the password again.
api("GET", "/inbox/api/me").then(
  (me) => { $("username").value = ""; $("login-title").textContent = `Sign in again, ${me.name}, to unlock your messages`; },
  () => {},
);
