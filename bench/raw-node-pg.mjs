// The "raw node + pg" reference of bench/api-bench.mjs: node:http and a pg pool
// of the app's size, no framework, no auth, no validation. Each route does the
// least a real API would: one query (two for a page with its total) and
// JSON.stringify of whole rows (a create and a move: one statement each,
// the row and its StageChange; their ranks are random, not a real
// placement). It is the floor the API is compared with.
//   RAW_DATABASE_URL=postgresql://... RAW_PORT=3399 node bench/raw-node-pg.mjs
import http from "node:http";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.RAW_DATABASE_URL, max: Number(process.env.RAW_POOL_SIZE ?? 10) });
const port = Number(process.env.RAW_PORT ?? 3399);

function send(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(text) });
  res.end(text);
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => resolve(chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : {}));
    req.on("error", reject);
  });
}

async function handle(req, res) {
  const url = new URL(req.url, "http://raw");
  const one = /^\/opportunities\/([^/]+)$/.exec(url.pathname);
  if (req.method === "GET" && url.pathname === "/health") return send(res, 200, { status: "ok" });
  if (req.method === "GET" && url.pathname === "/opportunities") {
    const limit = Math.min(100, Number(url.searchParams.get("limit") ?? 20));
    const [rows, total] = await Promise.all([
      pool.query(`SELECT * FROM "Opportunity" ORDER BY "createdAt" DESC, "id" DESC LIMIT $1`, [limit]),
      pool.query(`SELECT count(*)::int AS n FROM "Opportunity"`),
    ]);
    return send(res, 200, { data: rows.rows, total: total.rows[0].n });
  }
  if (one && req.method === "GET") {
    const { rows } = await pool.query(`SELECT * FROM "Opportunity" WHERE "id" = $1`, [one[1]]);
    return rows[0] ? send(res, 200, rows[0]) : send(res, 404, { error: "not found" });
  }
  if (one && req.method === "PATCH") {
    const body = await readBody(req);
    const { rows } = await pool.query(
      `UPDATE "Opportunity" SET "description" = $2, "version" = "version" + 1, "updatedAt" = now() WHERE "id" = $1 RETURNING *`,
      [one[1], String(body.description ?? "")],
    );
    return rows[0] ? send(res, 200, rows[0]) : send(res, 404, { error: "not found" });
  }
  if (req.method === "POST" && url.pathname === "/opportunities") {
    const body = await readBody(req);
    // Rank keys stay valid fractional-indexing keys (a fraction never ends in 0),
    // so that the app's own moves and creates in the same columns keep working.
    // The row at the end of its column, and its first history row: one statement.
    const { rows } = await pool.query(
      `WITH stage AS (SELECT "id", "pipelineId", "probability" FROM "Stage" WHERE "id" = $2),
            last AS (SELECT max("rank") AS "rank" FROM "Opportunity" WHERE "stageId" = $2),
            created AS (
              INSERT INTO "Opportunity" ("id", "title", "pipelineId", "stageId", "rank", "probability", "currencyCode", "ownerId", "updatedAt")
              SELECT gen_random_uuid()::text, $1, stage."pipelineId", stage."id", left(coalesce(last."rank", 'a0'), 8) || substr(md5(random()::text), 1, 6) || '1', stage."probability", 'USD', $3, now()
              FROM stage, last RETURNING *),
            history AS (INSERT INTO "StageChange" ("id", "opportunityId", "toStageId", "toStatus")
              SELECT gen_random_uuid()::text, "id", "stageId", "status" FROM created)
       SELECT * FROM created`,
      [String(body.title ?? ""), String(body.stageId ?? ""), String(body.ownerId ?? "")],
    );
    return rows[0] ? send(res, 201, rows[0]) : send(res, 404, { error: "no such stage" });
  }
  const move = /^\/opportunities\/([^/]+)\/move$/.exec(url.pathname);
  if (move && req.method === "POST") {
    const body = await readBody(req);
    const { rows } = await pool.query(
      `WITH moved AS (
         UPDATE "Opportunity" o SET "stageId" = $2, "rank" = 'a' || substr(md5(random()::text), 1, 7) || '1', "stageChangedAt" = now(), "version" = o."version" + 1, "updatedAt" = now()
         FROM (SELECT "stageId" AS "fromStageId" FROM "Opportunity" WHERE "id" = $1) before
         WHERE o."id" = $1 RETURNING o.*, before."fromStageId"),
       history AS (INSERT INTO "StageChange" ("id", "opportunityId", "fromStageId", "toStageId", "fromStatus", "toStatus")
         SELECT gen_random_uuid()::text, "id", "fromStageId", "stageId", "status", "status" FROM moved)
       SELECT * FROM moved`,
      [move[1], String(body.stageId ?? "")],
    );
    return rows[0] ? send(res, 200, rows[0]) : send(res, 404, { error: "not found" });
  }
  send(res, 404, { error: "not found" });
}

const server = http.createServer((req, res) => {
  handle(req, res).catch((error) => send(res, 500, { error: String(error) }));
});
server.keepAliveTimeout = 65_000;
server.listen(port, "127.0.0.1", () => process.stdout.write(`raw reference listening on ${port}\n`));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => pool.end().then(() => process.exit(0))));
