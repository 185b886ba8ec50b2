import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

/** GET /admin/clerks?department=TAX */
export class AdminClerkListQueryDto {
  @ApiProperty({ example: 'TAX', description: 'A department code (any a definition declares)' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/, { message: 'department must be a department code' })
  department!: string;
}
