// A map of field path -> message whose keys come from the client (unknown
// field names, record keys). On a plain object a key named "__proto__" would
// set the prototype instead of adding the field, and the error would name
// nothing; an object without a prototype takes every key as its own.
export function fieldMap(): Record<string, string> {
  return Object.create(null) as Record<string, string>;
}
