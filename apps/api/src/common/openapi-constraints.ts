import type { OpenAPIObject } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

// The validators are the truth about what a request may hold; the document is written from them here,
// once for every DTO, so a constraint added to a DTO can never be missing from the document (the
// alternative, repeating each one in @ApiProperty, drifts the first time someone forgets).

type Schema = Record<string, unknown>;
// A class, as decorators and metadata see it.
export type Constructor = abstract new (...args: never[]) => unknown;

/** What one class-validator constraint says in JSON Schema terms (of the value, or of each item with `each`). */
function schemaOf(rule: ValidationMetadata): Schema | null {
  const [first, second] = (rule.constraints ?? []) as unknown[];
  switch (rule.name) {
    case 'isInt':
      return { type: 'integer' };
    case 'isNumber':
      return { type: 'number' };
    case 'isBoolean':
      return { type: 'boolean' };
    case 'isString':
      return { type: 'string' };
    case 'isObject':
      return { type: 'object' };
    case 'min':
      return { minimum: first };
    case 'max':
      return { maximum: first };
    case 'minLength':
      return { minLength: first };
    case 'maxLength':
      return { maxLength: first };
    case 'isLength':
      return { minLength: first, ...(typeof second === 'number' ? { maxLength: second } : {}) };
    case 'isNotEmpty':
      return { minLength: 1 };
    case 'matches':
      // Flags (e.g. `i`) have no JSON Schema form: such a pattern is left to the description.
      return first instanceof RegExp && first.flags.replace('u', '') === '' ? { pattern: first.source } : null;
    case 'isIn':
      return Array.isArray(first) ? { enum: first } : null;
    case 'isEnum':
      return first && typeof first === 'object' ? { enum: Object.values(first) } : null;
    case 'isUuid':
    case 'isUUID':
      return { format: 'uuid' };
    case 'isBase64':
      return { format: 'byte' };
    case 'arrayMinSize':
      return { minItems: first };
    case 'arrayMaxSize':
      return { maxItems: first };
    case 'arrayNotEmpty':
      return { minItems: 1 };
    case 'isArray':
      return { type: 'array' };
    default:
      return null;
  }
}

/** A property's schema with the constraints written in (a $ref is wrapped, since siblings of $ref are ignored). */
function constrain(property: Schema, rules: ValidationMetadata[]): Schema {
  let result = { ...property };
  for (const rule of rules) {
    const patch = schemaOf(rule);
    if (!patch) continue;
    if (rule.each && result.type === 'array') {
      result.items = { ...((result.items as Schema | undefined) ?? {}), ...patch };
    } else if (!rule.each) {
      if (patch.type && result.$ref) continue;
      result = { ...result, ...patch };
      // An enum says the type too; a stale `type` beside it (e.g. number for a string enum) would not.
      if (patch.enum && Array.isArray(patch.enum)) result.type = typeof patch.enum[0] === 'number' ? 'number' : 'string';
    }
  }
  if (result.type === 'integer' && result.format === undefined) delete result.format;
  return result;
}

/** Every class that has validators, with its rules by property (inherited ones included). */
function validatedClasses(): Map<string, Map<string, ValidationMetadata[]>> {
  const storage = getMetadataStorage();
  const targets = new Set<Constructor>();
  for (const rule of (storage as unknown as { validationMetadatas: Map<Constructor, ValidationMetadata[]> }).validationMetadatas.values()) {
    for (const item of rule) if (typeof item.target === 'function') targets.add(item.target as Constructor);
  }
  return new Map([...targets].map((target) => [target.name, rulesOf(target)]));
}

/** A class's rules by property, inherited ones included (a DTO that only extends another has none of its own). */
function rulesOf(target: Constructor): Map<string, ValidationMetadata[]> {
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const rule of getMetadataStorage().getTargetValidationMetadatas(target, '', true, false)) {
    byProperty.set(rule.propertyName, [...(byProperty.get(rule.propertyName) ?? []), rule]);
  }
  return byProperty;
}

const isOptional = (rules: ValidationMetadata[]): boolean => rules.some((rule) => rule.type === 'conditionalValidation');

/**
 * Writes every validator constraint of the request DTOs into the document: types (integer), bounds,
 * lengths, patterns, enums, and `additionalProperties: false` (the pipe refuses unknown properties).
 * Bodies are matched to their DTO by schema name; query parameters to the @Query() DTO of the operation.
 */
export function documentValidatorConstraints(document: OpenAPIObject, dtos: RouteDtos): OpenAPIObject {
  const classes = validatedClasses();
  // A body DTO that only extends another has no rules of its own, so it is not among the validated classes.
  for (const body of dtos.bodies) if (!classes.has(body.name)) classes.set(body.name, rulesOf(body));
  const queryDtos = dtos.queries;
  const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
  for (const [name, schema] of Object.entries(schemas)) {
    const rules = classes.get(name);
    if (!rules) continue;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const [property, propertyRules] of rules) if (properties[property]) properties[property] = constrain(properties[property], propertyRules);
    schema.additionalProperties = false;
  }
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as { operationId?: string; parameters?: { in: string; name: string; required?: boolean; schema?: Schema }[] }[]) {
      const query = (operation?.parameters ?? []).filter((parameter) => parameter.in === 'query');
      const dto = operation?.operationId ? queryDtos.get(operation.operationId) : undefined;
      const owner = dto ? rulesOf(dto) : undefined;
      if (query.length === 0 || !owner) continue;
      for (const parameter of query) {
        const rules = owner.get(parameter.name) ?? [];
        parameter.schema = constrain(parameter.schema ?? {}, rules);
        parameter.required = !isOptional(rules);
      }
    }
  }
  return document;
}

// Nest's own metadata keys (@nestjs/common constants): where @Query() records its parameter's index.
const ROUTE_ARGS_METADATA = '__routeArguments__';
const BODY_PARAMTYPE = 3; // RouteParamtypes.BODY
const QUERY_PARAMTYPE = 4; // RouteParamtypes.QUERY

export interface RouteDtos {
  /** The class of each handler's `@Query()` parameter, by the operationId swagger gives it (`Controller_method`). */
  queries: Map<string, Constructor>;
  /** The classes of the handlers' `@Body()` parameters. */
  bodies: Constructor[];
}

export function routeDtosOf(controllers: Constructor[]): RouteDtos {
  const found = new Map<string, Constructor>();
  const bodies = new Set<Constructor>();
  for (const controller of controllers) {
    for (const method of Object.getOwnPropertyNames(controller.prototype)) {
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<string, { index: number; data?: unknown }>;
      const types = (Reflect.getMetadata('design:paramtypes', controller.prototype, method) ?? []) as Constructor[];
      for (const [key, arg] of Object.entries(args)) {
        const paramtype = Number(key.split(':')[0]);
        if (arg.data !== undefined || !types[arg.index]) continue;
        if (paramtype === QUERY_PARAMTYPE) found.set(`${controller.name}_${method}`, types[arg.index]);
        if (paramtype === BODY_PARAMTYPE) bodies.add(types[arg.index]);
      }
    }
  }
  return { queries: found, bodies: [...bodies] };
}
