import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { AppError, FieldError } from './app-error';

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const path = parent ? (/^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`) : error.property;
    const own = error.constraints ? [{ path, messages: Object.values(error.constraints), codes: Object.keys(error.constraints) }] : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], path)];
  });
}

export function validationFailed(fields: FieldError[]): AppError {
  return new AppError('VALIDATION_FAILED', `Invalid fields: ${fields.map((field) => field.path).join(', ')}`, fields);
}

const VALIDATOR_OPTIONS = { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: false } as const;

/** Request validation: unknown fields are refused, and a 400 names every failing field path. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    ...VALIDATOR_OPTIONS,
    transform: true,
    exceptionFactory: (errors) => validationFailed(flattenValidationErrors(errors)),
  });
}

/** The same checks as the pipe, for data that did not come in as a request body (e.g. a corrected form). */
export async function validateAs<T extends object>(shape: ClassConstructor<T>, plain: unknown, parent = ''): Promise<FieldError[]> {
  if (plain === null || typeof plain !== 'object' || Array.isArray(plain)) return [{ path: parent || 'body', messages: ['must be an object'] }];
  const instance = plainToInstance(shape, plain);
  return flattenValidationErrors(await validate(instance, VALIDATOR_OPTIONS), parent);
}
