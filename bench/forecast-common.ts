// Shared by the forecast benchmark scripts: command-line options and the database URL.
export function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

export function benchUrl() {
  const adminUrl = process.env.BENCH_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = option("db", "crm_bench_forecast");
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error("--db must be a plain lowercase identifier");
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { adminUrl, name, url: url.toString() };
}
