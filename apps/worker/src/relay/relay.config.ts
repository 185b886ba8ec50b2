import { Transform } from 'class-transformer';
import { IsInt, IsString, Matches, Max, Min, ValidateBy } from 'class-validator';
import { ChannelRoutingError, DEFAULT_CHANNEL_ROUTING, parseChannelRouting } from '@onetrip/domain';
import { SharedConfig, toInteger } from '@onetrip/infrastructure';

function routingProblem(value: unknown): string | null {
  try {
    parseChannelRouting(String(value));
    return null;
  } catch (error) {
    if (error instanceof ChannelRoutingError) return error.message;
    throw error;
  }
}

/** The notification relay's settings; nothing else in the relay reads process.env. */
export class RelayConfig extends SharedConfig {
  /** Which channels carry which kind: `KIND=in-app,email,sms;…;*=in-app` (docs/notifications.md). */
  @ValidateBy({ name: 'channelRouting', validator: { validate: (value) => routingProblem(value) === null, defaultMessage: (args) => routingProblem(args?.value) ?? 'is invalid' } })
  NOTIFICATION_CHANNELS: string = DEFAULT_CHANNEL_ROUTING;

  /** Where e-mail goes out: smtp://user:pass@host:port or smtps://…; empty: no e-mail is sent (deliveries SKIPPED). */
  @Matches(/^(smtps?:\/\/\S+)?$/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL: string = '';

  @IsString()
  MAIL_FROM: string = '一件事一次办 OneTrip <no-reply@onetrip.local>';

  /** The web app's public address, for the link in e-mails (empty: no link). */
  @Matches(/^(https?:\/\/\S+)?$/, { message: 'must be an http(s) URL' })
  PUBLIC_BASE_URL: string = '';

  @Transform(toInteger)
  @IsInt()
  @Min(50)
  @Max(60_000)
  RELAY_POLL_MS: number = 1000;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(500)
  RELAY_BATCH_SIZE: number = 20;

  /** How long a claimed delivery is the claimer's; past it (the relay died mid-send) another claims it again. Longer than RELAY_SEND_TIMEOUT_MS. */
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(3600)
  @ValidateBy({ name: 'leaseOverTimeout', validator: { validate: (value, args) => Number(value) * 1000 > (args?.object as RelayConfig).RELAY_SEND_TIMEOUT_MS, defaultMessage: () => 'must be longer than RELAY_SEND_TIMEOUT_MS (a send still running would be claimed twice)' } })
  RELAY_LEASE_SECONDS: number = 60;

  @Transform(toInteger)
  @IsInt()
  @Min(100)
  @Max(600_000)
  RELAY_SEND_TIMEOUT_MS: number = 20_000;

  /** Attempts before a delivery becomes a dead letter (an admin's retry starts it again). */
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(100)
  RELAY_MAX_ATTEMPTS: number = 8;

  @Transform(toInteger)
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  RELAY_BACKOFF_BASE_MS: number = 5_000;

  @Transform(toInteger)
  @IsInt()
  @Min(10)
  @Max(86_400_000)
  RELAY_BACKOFF_MAX_MS: number = 3_600_000;

  @Transform(toInteger)
  @IsInt()
  @Min(2)
  @Max(50)
  DATABASE_POOL_SIZE: number = 4;
}
