import { IsInt, IsOptional, IsString, MetadataStorage, registerDecorator, validate } from 'class-validator';
import { cacheValidationMetadata } from './validation-metadata-cache';

class Parent {
  @IsString()
  name!: string;
}

class Child extends Parent {
  @IsOptional()
  @IsInt()
  age?: number;
}

function child(values: Record<string, unknown>): Child {
  return Object.assign(new Child(), values);
}

describe(cacheValidationMetadata.name, () => {
  const storage = (globalThis as unknown as { classValidatorMetadataStorage: MetadataStorage })
    .classValidatorMetadataStorage;
  const uncached = storage.getTargetValidationMetadatas.bind(storage);

  beforeAll(() => cacheValidationMetadata(storage));

  it('answers what class-validator answers, own and inherited rules, and the same answer again', () => {
    const first = storage.getTargetValidationMetadatas(Child, '', false, false, undefined);
    expect(first).toEqual(uncached(Child, '', false, false, undefined));
    expect(first.map((metadata) => metadata.propertyName).sort()).toEqual(['age', 'age', 'name']);
    expect(storage.getTargetValidationMetadatas(Child, '', false, false, undefined)).toBe(first);
    expect(storage.groupByPropertyName(first)).toBe(storage.groupByPropertyName(first));
    expect(Object.keys(storage.groupByPropertyName(first)).sort()).toEqual(['age', 'name']);
  });

  it('still validates, whitelist included', async () => {
    expect(await validate(child({ name: 'Ada', age: 12 }))).toEqual([]);
    const errors = await validate(child({ name: 3, age: 'twelve', extra: 1 }), {
      whitelist: true,
      forbidNonWhitelisted: true,
    });
    expect(errors.map((error) => error.property).sort()).toEqual(['age', 'extra', 'name']);
  });

  it('forgets its answers when a rule is added later', async () => {
    expect(await validate(child({ name: 'Ada' }))).toEqual([]);
    registerDecorator({
      name: 'notAda',
      target: Child,
      propertyName: 'name',
      validator: { validate: (value: unknown) => value !== 'Ada' },
    });
    const errors = await validate(child({ name: 'Ada' }));
    expect(errors).toHaveLength(1);
    expect(errors[0].constraints).toHaveProperty('notAda');
  });

  it('does not keep answers asked with groups', () => {
    const withGroups = storage.getTargetValidationMetadatas(Child, '', false, false, ['g']);
    expect(storage.getTargetValidationMetadatas(Child, '', false, false, ['g'])).not.toBe(withGroups);
  });
});
