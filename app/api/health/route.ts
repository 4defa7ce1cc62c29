// Liveness: answers 200 while the process runs, with the database's state in
// the body. A database outage is not a reason to restart the app (it heals by
// itself when the database returns), so it does not fail the liveness check;
// /api/ready answers 503 then, to take the instance out of a load balancer.
import { checkHealth } from "@/lib/server/readiness";

export async function GET() {
  return Response.json(await checkHealth(), { headers: { "Cache-Control": "no-store" } });
}
