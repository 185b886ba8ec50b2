import 'reflect-metadata';
import { createTransport } from 'nodemailer';
import { parseChannelRouting } from '@onetrip/domain';
import { ConfigError, createLogger, loadConfig, openDataSource, personalDataCipher, runMigrations, smsProviderFromConfig } from '@onetrip/infrastructure';
import { RelayConfig } from './relay.config';
import { DeliveryStore } from './delivery.store';
import { EmailChannel, InAppChannel, SmsChannel } from './delivery-channels';
import { NotificationRelay } from './notification-relay';

// The relay is a process of its own, not part of the Temporal worker: it needs no Temporal, a slow
// mail server must not hold worker slots, it scales and restarts on its own, and killing it (the
// SIGKILL test, a crash) touches no workflow.
async function bootstrap(): Promise<void> {
  const config = loadConfig(RelayConfig);
  const logger = createLogger({ name: 'relay', level: config.LOG_LEVEL });
  const dataSource = await openDataSource(config.DATABASE_URL, { poolSize: config.DATABASE_POOL_SIZE, applicationName: 'onetrip-relay' });
  const applied = await runMigrations(dataSource);
  if (applied.length) logger.info({ applied }, 'migrations applied');
  const cipher = personalDataCipher(config);
  const timeout = config.RELAY_SEND_TIMEOUT_MS;
  const transport = config.SMTP_URL ? createTransport(config.SMTP_URL, { connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout }) : null;
  const sms = smsProviderFromConfig(config, timeout);
  if (!transport) logger.warn('SMTP_URL is not set: e-mail notifications are skipped');
  if (!sms) logger.warn('SMS_PROVIDER is none: SMS notifications are skipped');

  const relay = new NotificationRelay(
    new DeliveryStore(dataSource),
    { IN_APP: new InAppChannel(), EMAIL: new EmailChannel(transport, config.MAIL_FROM, cipher), SMS: new SmsChannel(sms, cipher) },
    {
      routing: parseChannelRouting(config.NOTIFICATION_CHANNELS),
      batchSize: config.RELAY_BATCH_SIZE,
      pollMs: config.RELAY_POLL_MS,
      leaseSeconds: config.RELAY_LEASE_SECONDS,
      maxAttempts: config.RELAY_MAX_ATTEMPTS,
      backoff: { baseMs: config.RELAY_BACKOFF_BASE_MS, maxMs: config.RELAY_BACKOFF_MAX_MS },
      publicBaseUrl: config.PUBLIC_BASE_URL,
    },
    logger,
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => relay.stop());
  logger.info({ email: transport ? 'on' : 'off', sms: sms?.name ?? 'off' }, 'relay started');
  await relay.run();
  transport?.close();
  await dataSource.destroy();
  logger.info('relay stopped');
  // Nothing is left to do: do not wait on an idle socket of the SMTP pool or a pending timer.
  process.exit(0);
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigError) process.stderr.write(`relay: ${error.message}\n`);
  else process.stderr.write(`relay failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
