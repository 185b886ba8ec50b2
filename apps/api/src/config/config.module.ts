import { DynamicModule, Global, Module } from '@nestjs/common';
import { DecisionSigner, PersonalDataCipher, personalDataCipher } from '@onetrip/infrastructure';
import { ApiConfig } from './api.config';

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: ApiConfig, useValue: config },
        { provide: PersonalDataCipher, useValue: personalDataCipher(config) },
        { provide: DecisionSigner, useValue: DecisionSigner.fromSetting(config.DECISION_SIGNING_KEY) },
      ],
      exports: [ApiConfig, PersonalDataCipher, DecisionSigner],
    };
  }
}
