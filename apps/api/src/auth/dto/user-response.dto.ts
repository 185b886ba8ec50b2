import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { UserRole } from '@onetrip/infrastructure';
import { USER_ROLES } from '../../common/authenticated-user';

export class UserResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty({ enum: USER_ROLES }) role!: UserRole;
  @ApiPropertyOptional({ description: "Clerks only: a department code some process definition declares (e.g. SAMR)", example: 'SAMR' }) department?: string;
  @ApiPropertyOptional({ description: "The account's own name (in sign-in and refresh answers)", example: '王五' }) name?: string;
}

/** The same whether or not the username was free, so registering does not tell who has an account. */
export class UserRegisteredResponseDto {
  @ApiProperty() username!: string;
  @ApiProperty({ enum: ['APPLICANT'] }) role!: 'APPLICANT';
}
