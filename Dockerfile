# The web service (storefront, back office, API) and its migration step. Build: docker build -t halles-web .
# Run: docker run -e DATABASE_URL=postgres://… -e PUBLIC_URL=https://shop.example -e AUTH_SECRET=… -p 3000:3000 halles-web
# The build needs no database; the container applies pending migrations before it serves
# (Kubernetes runs them in a Job instead: deploy/k8s/base/migrate-job.yaml).
# What the final image holds is what `scripts/bundle.ts web` makes, and e2e/containers.spec.ts starts.

# Every dependency, dev ones included: the build and the bundler need them.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/patch-dependencies.mjs ./scripts/
RUN npm ci --no-audit --no-fund

FROM deps AS build
ENV NEXT_TELEMETRY_DISABLED=1
COPY . .
# output: "standalone" (next.config.ts): .next/standalone holds the server and only the
# node_modules files it uses; the bundle adds .next/static, public, the preload and the migrations.
RUN npx next build && node --import tsx scripts/bundle.ts /bundle web

FROM node:20-bookworm-slim
WORKDIR /app
# HOSTNAME: the standalone server listens on $HOSTNAME:$PORT (Kubernetes sets HOSTNAME to the pod's name).
ENV NODE_ENV=production PORT=3000 HOSTNAME=0.0.0.0 NEXT_TELEMETRY_DISABLED=1
COPY --from=build /bundle/web ./
# The code stays root's, read-only to the server; only Next.js's cache is its to write.
RUN mkdir -p .next/cache && chown node:node .next/cache
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/api/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# The preload records the TCP peer in X-Forwarded-For and redirects other hosts to PUBLIC_URL's
# (lib/http/web-server-preload.mjs); behind a gateway set TRUSTED_PROXY_HOPS=1.
CMD ["sh", "-c", "node migrate/db-migrate.mjs && exec node --import ./lib/http/web-server-preload.mjs server.js"]
