# syntax=docker/dockerfile:1
# Encounters in one image: the API serves the built Angular app on the same port.
# Build: docker compose build (or docker build -t encounters .). Run it with docker-compose.yml beside it.

# ---- build: every dependency, then the API bundle and the web app ----
FROM node:20-bookworm AS build
WORKDIR /app
ENV CI=true NX_DAEMON=false NX_NO_CLOUD=true
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

# ---- runtime: production dependencies and the build output only ----
FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    WEB_DIST=dist/apps/web/browser
COPY package.json package-lock.json ./
# Optional dependencies are the embedded PostgreSQL's binaries, which a container never uses: the database
# is its own service.
RUN npm ci --omit=dev --omit=optional && npm cache clean --force
# The server and its command line; not the demo seeding (seed.js), which a production image never runs.
COPY --from=build /app/dist/apps/api/main.js /app/dist/apps/api/main.js.map /app/dist/apps/api/cli.js /app/dist/apps/api/cli.js.map ./dist/apps/api/
COPY --from=build /app/dist/apps/web/browser ./dist/apps/web/browser
# The files stay root's; the app runs as the image's unprivileged `node` user and writes nothing to disk.
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--enable-source-maps", "dist/apps/api/main.js"]
