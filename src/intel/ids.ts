import { createHash, hash, randomUUID } from 'node:crypto';

/** Namespace of Moat's deterministic STIX ids (a fixed random UUID). */
const MOAT_NAMESPACE = 'c1f3e0a2-5b7d-4e8f-9a61-3d2b4c5e6f70';

/**
 * A name-based UUID version 5 (RFC 4122 §4.3: SHA-1 over namespace ‖ name), so one
 * campaign or indicator gets the same STIX id on every export and peers de-duplicate.
 */
export function uuidV5(name: string, namespace = MOAT_NAMESPACE): string {
  const ns = Buffer.from(namespace.replaceAll('-', ''), 'hex');
  const h = createHash('sha1').update(ns).update(name, 'utf8').digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** A STIX identifier `type--uuid`: deterministic from `name`, or random without it. */
export function stixId(type: string, name?: string): string {
  return `${type}--${name === undefined ? randomUUID() : uuidV5(`${type}:${name}`)}`;
}

/** Lower-case hex SHA-256 of a value as shared indicators carry it (UTF-8 of the trimmed value). */
export function indicatorHash(value: string): string {
  return hash('sha256', value.trim(), 'hex');
}
