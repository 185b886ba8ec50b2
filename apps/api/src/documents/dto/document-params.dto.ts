import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class DocumentCodeParamsDto {
  @ApiProperty({ description: 'The code printed on the document and in its QR code' })
  @Matches(/^[A-Z0-9]{8,32}$/, { message: 'code must be 8-32 capital letters and digits' })
  code!: string;
}
