// Prisma CLI configuration. Only `prisma generate` runs through the CLI here;
// migrations are applied by the project's own runner (lib/db/migrate.ts).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
