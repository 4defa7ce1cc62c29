// Liveness: the process answers. Readiness (database) is /api/ready.
export function GET() {
  return Response.json({ status: "ok" });
}
