import { ApiProperty } from '@nestjs/swagger';

/** One enterprise in its notice period, as anyone may read it: the enterprise by name and code, no person. */
export class PublicNoticeDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ description: "The notice step's id in the case's definition (e.g. PUBLIC_NOTICE, CREDITOR_NOTICE)" }) stepId!: string;
  @ApiProperty({ description: 'The process, e.g. enterprise-deregistration' }) processKey!: string;
  @ApiProperty() enterpriseName!: string;
  @ApiProperty({ description: 'Unified social credit code' }) uscc!: string;
  @ApiProperty() startsAt!: string;
  @ApiProperty({ description: 'Objections are taken until then' }) endsAt!: string;
}

export class PublicNoticeListDto {
  @ApiProperty({ type: [PublicNoticeDto] }) items!: PublicNoticeDto[];
}

export class ObjectionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ description: 'The notice objected to' }) noticeStepId!: string;
  @ApiProperty({ description: "The SAMR clerk's task that rules on it" }) taskId!: string;
  @ApiProperty() raisedAt!: string;
}

export class ObjectionListDto {
  @ApiProperty({ type: [ObjectionDto] }) items!: ObjectionDto[];
}
