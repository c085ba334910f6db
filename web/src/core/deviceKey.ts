/**
 * This device's key for the vault, in the browser: a non-extractable
 * WebCrypto HMAC-SHA-256 key, created once and kept in IndexedDB (the page
 * can use it, never read it). The core gets only its MAC of the core's
 * salt and combines it with the passcode, so a copy of the vault's OPFS
 * file opens in no other browser profile; erase destroys the key first.
 */
const DATABASE = 'phoenix-device-key';
const STORE = 'keys';
const DEVICE = 'device';

function database(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** One request in its own transaction; resolves once the transaction commits. */
async function inStore<T>(mode: IDBTransactionMode, make: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await database();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = make(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error);
    });
  } finally {
    db.close();
  }
}

async function deviceKey(): Promise<CryptoKey> {
  const stored = await inStore<CryptoKey | undefined>('readonly', (store) => store.get(DEVICE));
  if (stored) return stored;
  const key = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign']);
  try {
    // `add`, never `put`: a key is never replaced, since the vault it opens would be lost with it.
    await inStore('readwrite', (store) => store.add(key, DEVICE));
    return key;
  } catch (error) {
    // Another tab made one first: use that one.
    const first = await inStore<CryptoKey | undefined>('readonly', (store) => store.get(DEVICE));
    if (first) return first;
    throw error;
  }
}

/** HMAC-SHA-256 of `salt` under the device key (made on the first ask); `null` when the browser cannot. */
export async function deviceSecret(salt: number[]): Promise<number[] | null> {
  try {
    const mac = await crypto.subtle.sign('HMAC', await deviceKey(), new Uint8Array(salt));
    return Array.from(new Uint8Array(mac));
  } catch {
    return null;
  }
}

export async function destroyDeviceKey(): Promise<void> {
  try {
    await inStore('readwrite', (store) => store.delete(DEVICE));
  } catch {
    // No database: no key to destroy.
  }
}
