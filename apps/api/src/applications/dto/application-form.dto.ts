import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  AMOUNT_PATTERN,
  APPLICATION_FORM_LIMITS,
  DELIVERY_METHODS,
  ENTITY_TYPES,
  SEAL_KINDS,
  SHAREHOLDER_KINDS,
  TAXPAYER_TYPES,
  type ApplicationForm,
  type DeliveryMethod,
  type EntityType,
  type SealKind,
  type ShareholderKind,
  type TaxpayerType,
} from '@onetrip/domain';

// 一次表单: the combined form, exactly `ApplicationForm` of libs/domain. Here only types, sizes and
// enumerations are checked; check characters, sums, ages and the jurisdiction are the domain rules'.

export { AMOUNT_PATTERN };
const AMOUNT_MESSAGE = 'must be an amount in yuan, e.g. "100000.00" (at most 13 digits and 2 decimals)';
// The sizes are libs/domain's: the pages check the same ones before sending.
const {
  nameMax: NAME_MAX,
  detailMax: DETAIL_MAX,
  scopeItemMax: SCOPE_ITEM_MAX,
  scopeItemsMax: SCOPE_ITEMS_MAX,
  shareholdersMax: SHAREHOLDERS_MAX,
  employeesMax: EMPLOYEES_MAX,
  identifierMax: IDENTIFIER_MAX,
} = APPLICATION_FORM_LIMITS;

export class CompanyAddressDto {
  @ApiProperty({ example: '433101', description: 'Administrative division code (6, 9 or 12 digits)', maxLength: APPLICATION_FORM_LIMITS.divisionCodeMax })
  @IsString()
  @MaxLength(APPLICATION_FORM_LIMITS.divisionCodeMax)
  divisionCode!: string;

  @ApiProperty({ example: '乾州街道世纪大道88号', maxLength: DETAIL_MAX })
  @IsString()
  @Length(1, DETAIL_MAX)
  detail!: string;
}

export class CompanyDto {
  @ApiProperty({ example: '吉首市湘土网络科技有限公司', maxLength: NAME_MAX })
  @IsString()
  @Length(1, NAME_MAX)
  name!: string;

  @ApiProperty({ enum: ENTITY_TYPES })
  @IsIn(ENTITY_TYPES)
  entityType!: EntityType;

  @ApiProperty({ example: '1000000.00', pattern: AMOUNT_PATTERN.source })
  @IsString()
  @Matches(AMOUNT_PATTERN, { message: `registeredCapital ${AMOUNT_MESSAGE}` })
  registeredCapital!: string;

  @ApiProperty({ type: [String], example: ['软件开发'], minItems: 1, maxItems: SCOPE_ITEMS_MAX })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SCOPE_ITEMS_MAX)
  @IsString({ each: true })
  @Length(1, SCOPE_ITEM_MAX, { each: true })
  businessScope!: string[];

  @ApiProperty({ type: CompanyAddressDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CompanyAddressDto)
  address!: CompanyAddressDto;
}

export class LegalRepresentativeDto {
  @ApiProperty({ example: '张三', maxLength: NAME_MAX })
  @IsString()
  @Length(1, NAME_MAX)
  name!: string;

  @ApiProperty({ description: 'Resident ID number (18 characters)', maxLength: 18 })
  @IsString()
  @MaxLength(IDENTIFIER_MAX)
  idNumber!: string;

  @ApiProperty({ description: 'Mainland mobile number', example: '13800001111' })
  @IsString()
  @MaxLength(IDENTIFIER_MAX)
  mobile!: string;
}

export class ShareholderDto {
  @ApiProperty({ maxLength: NAME_MAX })
  @IsString()
  @Length(1, NAME_MAX)
  name!: string;

  @ApiProperty({ enum: SHAREHOLDER_KINDS })
  @IsIn(SHAREHOLDER_KINDS)
  kind!: ShareholderKind;

  @ApiPropertyOptional({ description: 'Resident ID number, for a PERSON' })
  @IsOptional()
  @IsString()
  @MaxLength(IDENTIFIER_MAX)
  idNumber?: string;

  @ApiPropertyOptional({ description: 'Unified social credit code, for an ENTITY' })
  @IsOptional()
  @IsString()
  @MaxLength(IDENTIFIER_MAX)
  uscc?: string;

  @ApiProperty({ example: '600000.00', pattern: AMOUNT_PATTERN.source })
  @IsString()
  @Matches(AMOUNT_PATTERN, { message: `subscribedCapital ${AMOUNT_MESSAGE}` })
  subscribedCapital!: string;
}

export class SealsDto {
  @ApiProperty({ enum: SEAL_KINDS, isArray: true, minItems: 1, maxItems: SEAL_KINDS.length })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SEAL_KINDS.length)
  @IsIn(SEAL_KINDS, { each: true })
  kinds!: SealKind[];
}

export class TaxDto {
  @ApiProperty({ enum: TAXPAYER_TYPES })
  @IsIn(TAXPAYER_TYPES)
  taxpayerType!: TaxpayerType;

  @ApiProperty({ description: 'Apply for invoices (发票申领)' })
  @IsBoolean()
  invoices!: boolean;

  @ApiProperty({ description: 'Issue a tax UKey' })
  @IsBoolean()
  ukey!: boolean;
}

export class EmployeeDto {
  @ApiProperty({ maxLength: NAME_MAX })
  @IsString()
  @Length(1, NAME_MAX)
  name!: string;

  @ApiProperty({ description: 'Resident ID number' })
  @IsString()
  @MaxLength(IDENTIFIER_MAX)
  idNumber!: string;

  @ApiProperty({ example: '2026-03-02', description: 'YYYY-MM-DD' })
  @IsString()
  @MaxLength(APPLICATION_FORM_LIMITS.dateMax)
  startDate!: string;
}

export class SocialInsuranceDto {
  @ApiProperty({ type: [EmployeeDto], maxItems: EMPLOYEES_MAX })
  @IsArray()
  @ArrayMaxSize(EMPLOYEES_MAX)
  @ValidateNested({ each: true })
  @Type(() => EmployeeDto)
  employees!: EmployeeDto[];
}

export class BankDto {
  @ApiProperty({ example: 'ICBC', maxLength: APPLICATION_FORM_LIMITS.bankCodeMax })
  @IsString()
  @Length(1, APPLICATION_FORM_LIMITS.bankCodeMax)
  bankCode!: string;

  @ApiPropertyOptional({ example: '吉首乾州支行', maxLength: NAME_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(NAME_MAX)
  branch?: string;
}

export class DeliveryDto {
  @ApiProperty({ enum: DELIVERY_METHODS })
  @IsIn(DELIVERY_METHODS)
  method!: DeliveryMethod;

  @ApiPropertyOptional({ description: 'Postal address, for FREE_MAIL', maxLength: DETAIL_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(DETAIL_MAX)
  address?: string;
}

/** The combined form (一次表单) every department reads its part of. */
export class ApplicationFormDto {
  @ApiProperty({ type: CompanyDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CompanyDto)
  company!: CompanyDto;

  @ApiProperty({ type: LegalRepresentativeDto })
  @IsObject()
  @ValidateNested()
  @Type(() => LegalRepresentativeDto)
  legalRepresentative!: LegalRepresentativeDto;

  @ApiProperty({ type: [ShareholderDto], minItems: 1, maxItems: SHAREHOLDERS_MAX })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SHAREHOLDERS_MAX)
  @ValidateNested({ each: true })
  @Type(() => ShareholderDto)
  shareholders!: ShareholderDto[];

  @ApiProperty({ type: SealsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SealsDto)
  seals!: SealsDto;

  @ApiProperty({ type: TaxDto })
  @IsObject()
  @ValidateNested()
  @Type(() => TaxDto)
  tax!: TaxDto;

  @ApiProperty({ type: SocialInsuranceDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SocialInsuranceDto)
  socialInsurance!: SocialInsuranceDto;

  @ApiProperty({ type: BankDto })
  @IsObject()
  @ValidateNested()
  @Type(() => BankDto)
  bank!: BankDto;

  @ApiProperty({ type: DeliveryDto })
  @IsObject()
  @ValidateNested()
  @Type(() => DeliveryDto)
  delivery!: DeliveryDto;
}

const present = <T>(value: T | null | undefined): value is T => value !== undefined && value !== null;

/** The validated DTO as the domain's plain `ApplicationForm` (fixed key order, absent optionals left out). */
export function toApplicationForm(dto: ApplicationFormDto): ApplicationForm {
  const { company, legalRepresentative, bank, delivery } = dto;
  return {
    company: {
      name: company.name,
      entityType: company.entityType,
      registeredCapital: company.registeredCapital,
      businessScope: [...company.businessScope],
      address: { divisionCode: company.address.divisionCode, detail: company.address.detail },
    },
    legalRepresentative: { name: legalRepresentative.name, idNumber: legalRepresentative.idNumber, mobile: legalRepresentative.mobile },
    shareholders: dto.shareholders.map((shareholder) => ({
      name: shareholder.name,
      kind: shareholder.kind,
      ...(present(shareholder.idNumber) ? { idNumber: shareholder.idNumber } : {}),
      ...(present(shareholder.uscc) ? { uscc: shareholder.uscc } : {}),
      subscribedCapital: shareholder.subscribedCapital,
    })),
    seals: { kinds: [...dto.seals.kinds] },
    tax: { taxpayerType: dto.tax.taxpayerType, invoices: dto.tax.invoices, ukey: dto.tax.ukey },
    socialInsurance: {
      employees: dto.socialInsurance.employees.map((employee) => ({ name: employee.name, idNumber: employee.idNumber, startDate: employee.startDate })),
    },
    bank: { bankCode: bank.bankCode, ...(present(bank.branch) ? { branch: bank.branch } : {}) },
    delivery: { method: delivery.method, ...(present(delivery.address) ? { address: delivery.address } : {}) },
  };
}
