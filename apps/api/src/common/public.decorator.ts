import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'onetrip:public';

/** Marks a route that needs no bearer token (health, auth). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
