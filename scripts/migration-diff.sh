#!/usr/bin/env bash
# Prints the SQL that turns the schema.prisma of git revision BASE (default
# HEAD; "empty" for none) into the working tree's prisma/schema.prisma:
#   scripts/migration-diff.sh > prisma/migrations/<yyyymmddhhmmss>_<name>/migration.sql
# Development tool only. Prisma 7's CLI needs a schema-engine binary that
# cannot be downloaded on our machines, while prisma@6.19.3 carries a
# WebAssembly engine; it is installed into a scratch folder, never into the
# project. Review the output: e.g. the Opportunity.rank column must keep
# COLLATE "C" (see docs/DESIGN.md).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BASE="${1:-HEAD}"
TOOL="${PRISMA6_DIR:-${TMPDIR:-/tmp}/pipeline-crm-prisma6}"
URL="${SHADOW_URL:-postgresql://postgres@127.0.0.1:5432/postgres}"
if [ ! -d "$TOOL/node_modules/prisma" ]; then
  mkdir -p "$TOOL" && (cd "$TOOL" && npm init -y >/dev/null && npm install --silent prisma@6.19.3 @prisma/adapter-pg@7.10.0 pg >/dev/null 2>&1)
fi
cat > "$TOOL/prisma.config.ts" <<CFG
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "to.prisma",
  adapter: async () => new PrismaPg({ connectionString: "$URL" }),
} as never);
CFG
with_url() { sed -e "s#provider = \"postgresql\"#provider = \"postgresql\"\n  url = \"$URL\"#"; }
with_url < "$ROOT/prisma/schema.prisma" > "$TOOL/to.prisma"
if [ "$BASE" = "empty" ]; then FROM=(--from-empty); else
  git -C "$ROOT" show "$BASE:prisma/schema.prisma" | with_url > "$TOOL/from.prisma"
  FROM=(--from-schema-datamodel from.prisma)
fi
cd "$TOOL"
PRISMA_QUERY_ENGINE_LIBRARY="$TOOL/package.json" PRISMA_SCHEMA_ENGINE_BINARY="$TOOL/package.json" \
  npx prisma migrate diff "${FROM[@]}" --to-schema-datamodel to.prisma --script 2>/dev/null
