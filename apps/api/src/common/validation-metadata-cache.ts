import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Metadatas = ReturnType<Storage['getTargetValidationMetadatas']>;
type Grouped = ReturnType<Storage['groupByPropertyName']>;

const installed = new WeakSet<Storage>();

/**
 * class-validator works out a class's rules afresh on every validation: it filters the class's own rules and
 * walks every class it knows (each DTO of the API) looking for parents, then groups the result by property
 * (issue 20: a fifth of what validating a query costs). The rules only change when a decorator runs, which
 * happens as modules load. This keeps each answer for a class (without groups, the only way the API
 * validates) until a rule is added, and its grouping for as long as the answer is kept. The answers are the
 * library's own, computed the first time; the validator only reads them.
 */
export function cacheValidationMetadata(storage: Storage = getMetadataStorage()): void {
  if (installed.has(storage)) return;
  installed.add(storage);
  const targetMetadatas = storage.getTargetValidationMetadatas.bind(storage);
  const groupByPropertyName = storage.groupByPropertyName.bind(storage);
  let byTarget = new Map<unknown, Map<string, Metadatas>>();
  let grouped = new WeakMap<Metadatas, Grouped>();
  const forget = () => {
    byTarget = new Map();
    grouped = new WeakMap();
  };
  for (const method of ['addValidationSchema', 'addValidationMetadata', 'addConstraintMetadata'] as const) {
    const original = storage[method].bind(storage) as (argument: never) => void;
    (storage as unknown as Record<string, (argument: never) => void>)[method] = (argument) => {
      forget();
      original(argument);
    };
  }
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    if ((groups && groups.length) || schema)
      return targetMetadatas(target, schema, always, strictGroups, groups);
    const key = `${always}|${strictGroups}`;
    let forTarget = byTarget.get(target);
    if (!forTarget) byTarget.set(target, (forTarget = new Map()));
    let metadatas = forTarget.get(key);
    if (!metadatas)
      forTarget.set(key, (metadatas = targetMetadatas(target, schema, always, strictGroups, groups)));
    return metadatas;
  };
  storage.groupByPropertyName = (metadatas) => {
    let result = grouped.get(metadatas);
    if (!result) grouped.set(metadatas, (result = groupByPropertyName(metadatas)));
    return result;
  };
}
