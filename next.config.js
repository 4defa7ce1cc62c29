// @ts-check
// cacheComponents stays off on purpose: every app page depends on the signed-in
// user and the database, so pages render per request (dynamic by default).

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // forbidden() answers admin-only pages with a real 403 status and page.
  experimental: { authInterrupts: true },
  // These load WebAssembly, native-ish files or worker threads at run time and
  // must be required from node_modules rather than bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg", "@prisma/adapter-pg", "pino"],
  typescript: { ignoreBuildErrors: true }, // `npm test` runs tsc itself; the build need not repeat it
  // Pages also get a nonce-based Content-Security-Policy from proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
        ],
      },
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default nextConfig;
