// Phoenix's message protocol in WebCrypto, the same construction as the
// Rust crate relay-protocol (see its docs): Ed25519 request signatures,
// X25519 + HKDF-SHA-256 + AES-256-GCM sealed messages, base64url without
// padding. Private keys never leave this browser unwrapped.

const subtle = crypto.subtle;
const encoder = new TextEncoder();
const decoder = new TextDecoder();
export const VERSION = 1;

export function encode(bytes) {
  let binary = "";
  for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

export function decode(text) {
  const base64 = text.replaceAll("-", "+").replaceAll("_", "/");
  const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

function random(length) {
  return crypto.getRandomValues(new Uint8Array(length));
}

async function sha256(bytes) {
  return new Uint8Array(await subtle.digest("SHA-256", bytes));
}

/** A device: Ed25519 to sign, X25519 to agree; plus its public half. */
export async function generateDevice() {
  const signing = await subtle.generateKey({ name: "Ed25519" }, true, ["sign", "verify"]);
  const agreement = await subtle.generateKey({ name: "X25519" }, true, ["deriveBits"]);
  return deviceFrom(signing.privateKey, signing.publicKey, agreement.privateKey, agreement.publicKey);
}

async function deviceFrom(signingPrivate, signingPublic, agreementPrivate, agreementPublic) {
  const keys = {
    signing: encode(await subtle.exportKey("raw", signingPublic)),
    agreement: encode(await subtle.exportKey("raw", agreementPublic)),
  };
  return { signingPrivate, agreementPrivate, keys, mailbox: await mailboxOf(keys) };
}

/** The first 16 bytes of SHA-256 of the signing key, as the relay computes it. */
export async function mailboxOf(keys) {
  return encode((await sha256(decode(keys.signing))).slice(0, 16));
}

// Wrapping: the private keys, encrypted under a key derived from the
// specialist's password (PBKDF2-SHA-256, 600,000 iterations), for storage.

const ITERATIONS = 600000;

export async function passwordKey(password, salt) {
  const material = await subtle.importKey("raw", encoder.encode(password.normalize("NFC")), "PBKDF2", false, ["deriveKey"]);
  return subtle.deriveKey(
    { name: "PBKDF2", hash: "SHA-256", salt, iterations: ITERATIONS },
    material,
    { name: "AES-GCM", length: 256 },
    false,
    ["encrypt", "decrypt"],
  );
}

export async function encryptJson(key, value) {
  const nonce = random(12);
  const ciphertext = await subtle.encrypt({ name: "AES-GCM", iv: nonce }, key, encoder.encode(JSON.stringify(value)));
  return { nonce: encode(nonce), ciphertext: encode(ciphertext) };
}

export async function decryptJson(key, sealed) {
  const plain = await subtle.decrypt({ name: "AES-GCM", iv: decode(sealed.nonce) }, key, decode(sealed.ciphertext));
  return JSON.parse(decoder.decode(plain));
}

export async function exportDevice(device) {
  return {
    signing: encode(await subtle.exportKey("pkcs8", device.signingPrivate)),
    agreement: encode(await subtle.exportKey("pkcs8", device.agreementPrivate)),
    keys: device.keys,
  };
}

export async function importDevice(exported) {
  const signingPrivate = await subtle.importKey("pkcs8", decode(exported.signing), { name: "Ed25519" }, false, ["sign"]);
  const agreementPrivate = await subtle.importKey("pkcs8", decode(exported.agreement), { name: "X25519" }, false, ["deriveBits"]);
  return { signingPrivate, agreementPrivate, keys: exported.keys, mailbox: await mailboxOf(exported.keys) };
}

// Signed requests.

/** The four headers signing `method path` with `body` (a string or empty). */
export async function signRequest(device, method, path, body) {
  const time = Date.now();
  const nonce = encode(random(16));
  const bodyHash = encode(await sha256(encoder.encode(body)));
  const canonical = `phoenix-relay-v1\n${method.toUpperCase()}\n${path}\n${time}\n${nonce}\n${bodyHash}`;
  const signature = await subtle.sign({ name: "Ed25519" }, device.signingPrivate, encoder.encode(canonical));
  return {
    "x-phoenix-device": device.keys.signing,
    "x-phoenix-time": String(time),
    "x-phoenix-nonce": nonce,
    "x-phoenix-signature": encode(signature),
  };
}

// Sealed messages.

async function messageKey(device, peerKeys, salt, context) {
  const peer = await subtle.importKey("raw", decode(peerKeys.agreement), { name: "X25519" }, false, []);
  // WebCrypto refuses a low-order peer key (an all-zero secret), as the Rust side does.
  const shared = await subtle.deriveBits({ name: "X25519", public: peer }, device.agreementPrivate, 256);
  const hkdf = await subtle.importKey("raw", shared, "HKDF", false, ["deriveKey"]);
  return subtle.deriveKey(
    { name: "HKDF", hash: "SHA-256", salt, info: context },
    hkdf,
    { name: "AES-GCM", length: 256 },
    false,
    ["encrypt", "decrypt"],
  );
}

function contextOf(from, to) {
  return encoder.encode(`phoenix-message-v${VERSION}|${from}|${to}`);
}

export async function seal(device, peerKeys, letter) {
  const to = await mailboxOf(peerKeys);
  const salt = random(32);
  const nonce = random(12);
  const context = contextOf(device.mailbox, to);
  const key = await messageKey(device, peerKeys, salt, context);
  const plain = encoder.encode(JSON.stringify({ sequence: letter.sequence, sent_at_ms: letter.sent_at_ms, text: letter.text }));
  const ciphertext = await subtle.encrypt({ name: "AES-GCM", iv: nonce, additionalData: context }, key, plain);
  return { version: VERSION, from: device.mailbox, to, salt: encode(salt), nonce: encode(nonce), ciphertext: encode(ciphertext) };
}

/** The letter inside, or throws if it was tampered with or is not for us. */
export async function open(device, peerKeys, sealed) {
  if (sealed.version !== VERSION) throw new Error("unsupported version");
  if (sealed.to !== device.mailbox || sealed.from !== (await mailboxOf(peerKeys))) throw new Error("not for this conversation");
  const context = contextOf(sealed.from, sealed.to);
  const key = await messageKey(device, peerKeys, decode(sealed.salt), context);
  const plain = await subtle.decrypt({ name: "AES-GCM", iv: decode(sealed.nonce), additionalData: context }, key, decode(sealed.ciphertext));
  return JSON.parse(decoder.decode(plain));
}

/** Sequence tracking for one sender, as relay-protocol's Conversation. */
export function accept(conversation, sequence) {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence <= conversation.contiguous || conversation.ahead.includes(sequence)) {
    return false;
  }
  conversation.ahead.push(sequence);
  while (conversation.ahead.includes(conversation.contiguous + 1)) {
    conversation.ahead.splice(conversation.ahead.indexOf(conversation.contiguous + 1), 1);
    conversation.contiguous += 1;
  }
  return true;
}
