// The sessions /profile lists for a cookie, read from the page as the browser
// gets it: each row carries data-session-id, the current one says "This browser".
export async function profileSessions(baseUrl: string, cookie: string): Promise<{ current: string | null; others: string[] }> {
  const response = await fetch(`${baseUrl}/profile`, { headers: { Cookie: cookie }, redirect: "manual" });
  if (response.status !== 200) throw new Error(`/profile answered ${response.status}`);
  const html = await response.text();
  const rows = [...html.matchAll(/data-session-id="([^"]+)"([\s\S]*?)<\/li>/g)];
  const current = rows.find((m) => m[2].includes("This browser"))?.[1] ?? null;
  return { current, others: rows.map((m) => m[1]).filter((id) => id !== current) };
}
