import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEPARTMENTS, type Department } from '@onetrip/domain';
import type { UserRole } from '@onetrip/infrastructure';
import { USER_ROLES } from '../../common/authenticated-user';

export class UserResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty({ enum: USER_ROLES }) role!: UserRole;
  @ApiPropertyOptional({ enum: DEPARTMENTS, description: 'Clerks only' }) department?: Department;
}

export class UserRegisteredResponseDto extends UserResponseDto {
  @ApiProperty() name!: string;
}
