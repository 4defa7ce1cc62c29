// Wire formats shared by every DTO: dates as YYYY-MM-DD, timestamps ISO 8601 UTC.
export function isoDate(value: Date | null | undefined): string | null {
  return value ? value.toISOString().slice(0, 10) : null;
}

export function isoTimestamp(value: Date | null | undefined): string | null {
  return value ? value.toISOString() : null;
}
