import 'reflect-metadata';
import { plainToInstance, ClassConstructor } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

// Settings whose value must not be echoed into an error message (it ends up in logs).
const SECRET_SETTING = /(SECRET|PASSWORD|KEYS|_KEY)$/;

function describe(errors: ValidationError[]): string[] {
  return errors.flatMap((error) => {
    const reasons = Object.values(error.constraints ?? {});
    const given = error.value === undefined || error.value === '' ? 'missing' : SECRET_SETTING.test(error.property) ? 'value withheld' : `got "${String(error.value)}"`;
    return reasons.length ? [`${error.property} (${given}): ${reasons.join('; ')}`] : describe(error.children ?? []);
  });
}

/**
 * Builds a validated config object from environment variables. Property names are the variable
 * names, so every error message names the variable to fix.
 */
export function loadConfig<T extends object>(shape: ClassConstructor<T>, env: NodeJS.ProcessEnv = process.env): T {
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const config = plainToInstance(shape, defined, { enableImplicitConversion: false, exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) throw new ConfigError(describe(errors));
  return config;
}
