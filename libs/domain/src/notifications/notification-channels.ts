// Which channels carry which kind of notification is configuration, not code: a setting such as
// `SUBMITTED=in-app;CORRECTION_NEEDED=in-app,email,sms;*=in-app` (the `*` line for every other kind).

export const NOTIFICATION_CHANNELS = ['IN_APP', 'EMAIL', 'SMS'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

const CHANNEL_NAMES: Record<string, NotificationChannel> = { 'in-app': 'IN_APP', email: 'EMAIL', sms: 'SMS' };

export type ChannelRouting = ReadonlyMap<string, readonly NotificationChannel[]>;

export class ChannelRoutingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChannelRoutingError';
  }
}

/** The kinds of notification the engine and the API write today (a routing may name others: later kinds). */
export const NOTIFICATION_KINDS = ['SUBMITTED', 'CORRECTION_NEEDED', 'COMPLETED', 'REJECTED', 'CANCELLED', 'COMPLAINT_RESOLVED'] as const;

export const DEFAULT_CHANNEL_ROUTING = 'SUBMITTED=in-app,email;CORRECTION_NEEDED=in-app,email,sms;COMPLETED=in-app,email,sms;REJECTED=in-app,email,sms;CANCELLED=in-app,email;*=in-app';

/** Parses a routing setting; the error names the entry at fault. */
export function parseChannelRouting(text: string): ChannelRouting {
  const routing = new Map<string, NotificationChannel[]>();
  for (const entry of text.split(';').map((part) => part.trim()).filter(Boolean)) {
    const match = /^([A-Z_]+|\*)\s*=\s*(.*)$/.exec(entry);
    if (!match) throw new ChannelRoutingError(`"${entry}" is not KIND=channel,channel (kinds in capitals, or *)`);
    const [, kind, list] = match;
    if (routing.has(kind)) throw new ChannelRoutingError(`${kind} is routed twice`);
    const names = list.split(',').map((name) => name.trim()).filter(Boolean);
    const unknown = names.filter((name) => !(name in CHANNEL_NAMES));
    if (unknown.length) throw new ChannelRoutingError(`${kind}: unknown channel "${unknown[0]}" (in-app, email or sms)`);
    routing.set(kind, [...new Set(names.map((name) => CHANNEL_NAMES[name]))]);
  }
  return routing;
}

/** The channels of one kind: its own line, else the `*` line, else none. */
export function channelsFor(routing: ChannelRouting, kind: string): readonly NotificationChannel[] {
  return routing.get(kind) ?? routing.get('*') ?? [];
}
