import { ApiProperty } from '@nestjs/swagger';
import { IsObject, ValidateBy } from 'class-validator';

export const MAX_CORRECTION_CHANGES = 50;

const HasChanges = (): PropertyDecorator =>
  ValidateBy({
    name: 'hasChanges',
    validator: {
      validate: (value) => typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length >= 1 && Object.keys(value).length <= MAX_CORRECTION_CHANGES,
      defaultMessage: () => `changes must name between 1 and ${MAX_CORRECTION_CHANGES} fields`,
    },
  });

export class CorrectionCreateDto {
  @ApiProperty({
    description: 'Field path → new value, for the fields named in the correction notice (or inside them)',
    example: { 'legalRepresentative.idNumber': '433101199001011234' },
    type: 'object',
    additionalProperties: true,
  })
  @IsObject()
  @HasChanges()
  changes!: Record<string, unknown>;
}
