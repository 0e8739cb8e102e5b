import { v7 } from 'uuid';

/** Client-generated, time-ordered ids (UUIDv7): safe to create offline on every device. */
export function newId(): string {
  return v7();
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isId(value: string): boolean {
  return UUID_RE.test(value);
}
