import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, ValidateBy } from 'class-validator';

export const MAX_OUTPUTS = 20;
const OUTPUT_KEY = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const OUTPUT_VALUE_MAX = 200;

/** A flat object of strings: a few named values the department issued. */
const IsOutputs = (): PropertyDecorator =>
  ValidateBy({
    name: 'isOutputs',
    validator: {
      validate: (value) =>
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.keys(value).length <= MAX_OUTPUTS &&
        Object.entries(value).every(([key, item]) => OUTPUT_KEY.test(key) && typeof item === 'string' && item.length >= 1 && item.length <= OUTPUT_VALUE_MAX),
      defaultMessage: () => `outputs must be an object of at most ${MAX_OUTPUTS} named strings (1–${OUTPUT_VALUE_MAX} characters each)`,
    },
  });

export class TaskCompleteDto {
  @ApiPropertyOptional({
    description: 'What the department issued, as strings; BANK needs accountNumber (10–25 digits). Values not given are generated.',
    example: { accountNumber: '6222020200112233445' },
    type: 'object',
    additionalProperties: { type: 'string' },
  })
  @IsOptional()
  @IsOutputs()
  outputs?: Record<string, string>;
}
