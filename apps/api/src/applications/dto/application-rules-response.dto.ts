import { ApiProperty } from '@nestjs/swagger';

export class JurisdictionResponseDto {
  @ApiProperty({ example: '433101', description: 'Division code of the registration authority (JURISDICTION_DIVISION_CODE); a registered address must be inside it' })
  divisionCode!: string;

  @ApiProperty({ example: '吉首市', description: 'Its name (JURISDICTION_NAME); also accepted as the division part of an enterprise name' })
  name!: string;
}

/** The form rules' settings this API runs with, so the pages check what the API will check. */
export class ApplicationRulesResponseDto {
  @ApiProperty({ type: JurisdictionResponseDto })
  jurisdiction!: JurisdictionResponseDto;

  @ApiProperty({ type: [String], example: ['中国', '国家'], description: 'Words an enterprise name may not contain (FORBIDDEN_NAME_WORDS)' })
  forbiddenWords!: string[];

  @ApiProperty({ example: false, description: 'Whether this API runs in demo mode (DEMO_MODE): the pages offer to fill the form with example data only then' })
  demoMode!: boolean;
}
