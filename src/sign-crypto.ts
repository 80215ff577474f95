// SHA-256 and HMAC-SHA256 as lower-case hex, for browsers and Node alike.
//
// Node's synchronous node:crypto is several times faster than WebCrypto for
// the tiny inputs a signer hashes, so it is used when the platform hands it
// out through process.getBuiltinModule (Node >= 20.16). It is looked up at
// run time, never imported, so bundlers targeting browsers stay clean.

/** The slice of node:crypto used here (src/ compiles without @types/node). */
interface NodeHash {
  update(data: string | Uint8Array): NodeHash;
  digest(encoding: 'hex'): string;
}
interface NodeCrypto {
  createHash(algorithm: 'sha256'): NodeHash;
  createHmac(algorithm: 'sha256', key: string): NodeHash;
}
interface ProcessWithBuiltins {
  getBuiltinModule?: (id: string) => unknown;
}

export interface CryptoBackend {
  readonly name: 'node' | 'webcrypto';
  /** Strings are hashed as UTF-8. */
  sha256Hex(data: string | Uint8Array): Promise<string>;
  /** The key is used as its UTF-8 bytes, as every Huawei SDK does. */
  hmacSha256Hex(key: string, data: string): Promise<string>;
}

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

export const webCryptoBackend: CryptoBackend = {
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
  return typeof candidate?.createHmac === 'function' && typeof candidate.createHash === 'function'
    ? (candidate as NodeCrypto)
    : undefined;
}

function nodeBackend(crypto: NodeCrypto): CryptoBackend {
  return {
    name: 'node',
    async sha256Hex(data) {
      return crypto.createHash('sha256').update(data).digest('hex');
    },
    async hmacSha256Hex(key, data) {
      return crypto.createHmac('sha256', key).update(data).digest('hex');
    },
  };
}

let lastNode: { readonly crypto: NodeCrypto; readonly backend: CryptoBackend } | undefined;

/** The node:crypto backend, or undefined where the platform does not offer it. */
export function nodeCryptoBackend(): CryptoBackend | undefined {
  const crypto = loadNodeCrypto();
  if (crypto === undefined) return undefined;
  if (lastNode?.crypto !== crypto) lastNode = { crypto, backend: nodeBackend(crypto) };
  return lastNode.backend;
}

/** node:crypto when available, else WebCrypto; decided per call so tests can stub it. */
export function cryptoBackend(): CryptoBackend {
  return nodeCryptoBackend() ?? webCryptoBackend;
}
