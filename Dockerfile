# The web service (storefront, back office, API). Build: docker build -t halles-web .
# Run: docker run -e DATABASE_URL=postgres://… -e PUBLIC_URL=https://shop.example -p 3000:3000 halles-web
# The build needs no database; the container applies pending migrations before it serves.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/patch-dependencies.mjs ./scripts/
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
RUN npx next build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production PORT=3000
COPY --from=build /app ./
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s CMD node -e "fetch('http://127.0.0.1:3000/api/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# The preload records the TCP peer in X-Forwarded-For and redirects other hosts to PUBLIC_URL's
# (lib/http/web-server-preload.mjs); behind a gateway set TRUSTED_PROXY_HOPS=1.
CMD ["sh", "-c", "node --import tsx scripts/db-migrate.ts && exec node --import ./lib/http/web-server-preload.mjs node_modules/next/dist/bin/next start -p $PORT"]
