export interface HostMessage {
  action: string;
  data: unknown;
}

/**
 * Filters what arrives on `message`: an object envelope whose `id` is our channel id (the `?id=` the
 * host put in our URL; v4 compares it the same way, including `null` when the parameter is absent).
 */
export function parseHostMessage(data: unknown, channelId: string | null): HostMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const envelope = data as { id?: unknown; action?: unknown; data?: unknown };
  if (envelope.id !== channelId || typeof envelope.action !== 'string') return null;
  return { action: envelope.action, data: envelope.data };
}
