/** A random UUID, also on plain-HTTP origins where crypto.randomUUID is not offered. */
export function uuid(): string {
  if (typeof crypto.randomUUID === "function" && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b) && (a === undefined) === (b === undefined);
}

/** An RFC 7386 JSON merge patch that turns before into after (arrays are replaced whole, as merge patch does). */
export function mergePatch(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const old = before[key];
    const now = after[key];
    if (!(key in after) || now === undefined) {
      if (key in before) patch[key] = null;
    } else if (isPlainObject(old) && isPlainObject(now)) {
      const inner = mergePatch(old, now);
      if (Object.keys(inner).length > 0) patch[key] = inner;
    } else if (!deepEqual(old, now)) {
      patch[key] = now;
    }
  }
  return patch;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export function formatTime(value: string | null | undefined): string {
  if (!value) return "";
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleString();
}

export function json(value: unknown): string {
  return value === undefined ? "(absent)" : JSON.stringify(value);
}
