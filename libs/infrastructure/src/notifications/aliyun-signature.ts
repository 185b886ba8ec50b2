import { createHmac } from 'node:crypto';

// The request signature of Aliyun-style RPC APIs (the SMS API among them), written from its public
// description: parameters sorted by name, each name and value percent-encoded per RFC 3986, joined
// with & and =; the string to sign is METHOD&%2F&encode(that); the signature is base64 of HMAC-SHA1
// keyed with the secret followed by '&'.

/** RFC 3986 percent-encoding (encodeURIComponent leaves !'()* alone; the API wants them encoded). */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function rpcStringToSign(method: 'GET' | 'POST', params: Readonly<Record<string, string>>): string {
  const canonical = Object.keys(params)
    .filter((name) => name !== 'Signature')
    .sort()
    .map((name) => `${percentEncode(name)}=${percentEncode(params[name])}`)
    .join('&');
  return `${method}&${percentEncode('/')}&${percentEncode(canonical)}`;
}

export function rpcSignature(method: 'GET' | 'POST', params: Readonly<Record<string, string>>, accessKeySecret: string): string {
  return createHmac('sha1', `${accessKeySecret}&`).update(rpcStringToSign(method, params)).digest('base64');
}
