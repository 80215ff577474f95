// SHA-256 and HMAC-SHA256 as lower-case hex: synchronous node:crypto on
// Node, WebCrypto (asynchronous) everywhere else.
//
// For the tiny inputs a signer hashes, node:crypto is several times faster
// than WebCrypto, and being synchronous it costs no promise per hash. It is
// looked up at run time through process.getBuiltinModule (Node >= 20.16),
// never imported, so bundlers targeting browsers stay clean.

/** The slice of node:crypto used here (src/ compiles without @types/node). */
interface NodeHash {
  update(data: string | Uint8Array): NodeHash;
  digest(encoding: 'hex'): string;
}
interface NodeCrypto {
  createHash(algorithm: 'sha256'): NodeHash;
  createHmac(algorithm: 'sha256', key: string | NodeSecretKey): NodeHash;
  createSecretKey(key: string, encoding: 'utf8'): NodeSecretKey;
  /** One-shot hash (Node >= 20.12): cheaper than createHash for small inputs. */
  hash?: (algorithm: 'sha256', data: string | Uint8Array, encoding: 'hex') => string;
}
/** A node:crypto KeyObject: opaque here. */
type NodeSecretKey = { readonly type: 'secret' };
interface ProcessWithBuiltins {
  getBuiltinModule?: (id: string) => unknown;
}

/** Strings are hashed as UTF-8; an HMAC key is used as its UTF-8 bytes, as every Huawei SDK does. */
export interface Digests<Hex extends string | Promise<string>> {
  readonly name: 'node' | 'webcrypto';
  sha256Hex(data: string | Uint8Array): Hex;
  hmacSha256Hex(key: string, data: string): Hex;
}
export type SyncDigests = Digests<string>;
export type AsyncDigests = Digests<Promise<string>>;

const utf8 = new TextEncoder();
const HEX_BYTE: readonly string[] = Array.from({ length: 256 }, (_, byte) =>
  byte.toString(16).padStart(2, '0'),
);

function toHex(buffer: ArrayBuffer): string {
  let out = '';
  for (const byte of new Uint8Array(buffer)) out += HEX_BYTE[byte];
  return out;
}

function asBytes(data: string | Uint8Array): Uint8Array<ArrayBuffer> {
  if (typeof data === 'string') return utf8.encode(data);
  // WebCrypto wants an ArrayBuffer-backed view; copy anything else.
  return data.buffer instanceof ArrayBuffer
    ? (data as Uint8Array<ArrayBuffer>)
    : new Uint8Array(data);
}

function subtle(): SubtleCrypto {
  const api = (globalThis as { crypto?: { subtle?: SubtleCrypto } }).crypto?.subtle;
  if (api === undefined) {
    throw new Error(
      'AK/SK signing needs WebCrypto (crypto.subtle): use a secure context (https) or Node >= 20',
    );
  }
  return api;
}

export const webCryptoBackend: AsyncDigests = {
  name: 'webcrypto',
  async sha256Hex(data) {
    return toHex(await subtle().digest('SHA-256', asBytes(data)));
  },
  async hmacSha256Hex(key, data) {
    const cryptoKey = await subtle().importKey(
      'raw',
      utf8.encode(key),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    return toHex(await subtle().sign('HMAC', cryptoKey, utf8.encode(data)));
  },
};

function loadNodeCrypto(): NodeCrypto | undefined {
  const runtime = (globalThis as { process?: ProcessWithBuiltins }).process;
  const candidate = runtime?.getBuiltinModule?.('node:crypto') as Partial<NodeCrypto> | undefined;
  return typeof candidate?.createHmac === 'function' &&
    typeof candidate.createHash === 'function' &&
    typeof candidate.createSecretKey === 'function'
    ? (candidate as NodeCrypto)
    : undefined;
}

function nodeBackend(crypto: NodeCrypto): SyncDigests {
  const { hash } = crypto;
  // Importing the key once (a KeyObject) makes each HMAC up to twice as fast;
  // a client signs every call with the same secret key.
  let lastKey: { readonly secret: string; readonly key: NodeSecretKey } | undefined;
  const secretKey = (secret: string): NodeSecretKey => {
    if (lastKey?.secret !== secret)
      lastKey = { secret, key: crypto.createSecretKey(secret, 'utf8') };
    return lastKey.key;
  };
  return {
    name: 'node',
    sha256Hex:
      typeof hash === 'function'
        ? (data) => hash('sha256', data, 'hex')
        : (data) => crypto.createHash('sha256').update(data).digest('hex'),
    hmacSha256Hex: (key, data) =>
      crypto.createHmac('sha256', secretKey(key)).update(data).digest('hex'),
  };
}

let lastNode: { readonly crypto: NodeCrypto; readonly backend: SyncDigests } | undefined;

/** The synchronous node:crypto backend, or undefined where the platform does not offer it. */
export function nodeCryptoBackend(): SyncDigests | undefined {
  const crypto = loadNodeCrypto();
  if (crypto === undefined) return undefined;
  if (lastNode?.crypto !== crypto) lastNode = { crypto, backend: nodeBackend(crypto) };
  return lastNode.backend;
}

/** node:crypto when available, else WebCrypto; decided per call so tests can stub it. */
export function cryptoBackend(): SyncDigests | AsyncDigests {
  return nodeCryptoBackend() ?? webCryptoBackend;
}
