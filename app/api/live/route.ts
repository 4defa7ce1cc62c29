// The cheapest answer the app gives: a constant, no database, no session. For
// orchestrators that only need to know the process serves HTTP (/api/health adds
// the database's state, /api/ready says whether to route traffic here), and the
// framework's floor that bench/api-bench.mjs compares the API with.
const ALIVE = JSON.stringify({ status: "ok" });

export function GET() {
  return new Response(ALIVE, { headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });
}
