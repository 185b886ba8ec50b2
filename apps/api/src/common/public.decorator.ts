import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const IS_PUBLIC = 'onetrip:public';
/** Marks public operations in the OpenAPI document too, so they are not documented as answering 401/403. */
export const OPENAPI_PUBLIC = 'x-public';

/** Marks a route that needs no bearer token (health, auth). */
export const Public = (): MethodDecorator & ClassDecorator => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(OPENAPI_PUBLIC, true));

/** Marks, in the OpenAPI document, a route open to every signed-in role, so it is not documented as answering 403. */
export const OPENAPI_ANY_SIGNED_IN = 'x-any-signed-in';
export const AnySignedIn = (): MethodDecorator & ClassDecorator => ApiExtension(OPENAPI_ANY_SIGNED_IN, true);
