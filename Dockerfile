# OneTrip images: one Dockerfile, two runnable targets.
#
#   docker build --target api    -t onetrip-api .
#   docker build --target worker -t onetrip-worker .
#
# docker-compose.yml builds both targets from this file.

# ---------------------------------------------------------------------------
# base: pinned Node 20 on Debian bookworm (glibc, so the prebuilt native
# binaries of @temporalio/core-bridge and @swc/core load without extra setup).
# ---------------------------------------------------------------------------
FROM node:20.19-bookworm-slim AS base
WORKDIR /app
ENV npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false

# ---------------------------------------------------------------------------
# deps: every dependency (dev included) exactly as locked.
# Only the manifests are copied so this layer is cached until they change.
# ---------------------------------------------------------------------------
FROM base AS deps
COPY package.json package-lock.json ./
RUN npm ci

# ---------------------------------------------------------------------------
# build: compile both Nest apps and the web pages, and bundle the workflow code once. Output:
# dist/apps/api/apps/api/src/main.js, dist/apps/worker/apps/worker/src/main.js, the prebuilt workflow
# bundle dist/apps/worker/workflow-bundle.js (the compiled workflow code through Temporal's bundler:
# every worker of this image runs the same bytes, and starts without webpack) and web/dist. The test -f
# makes a changed output layout fail the image build here rather than at container start.
# ---------------------------------------------------------------------------
FROM deps AS build
COPY . .
RUN npx nest build api && npx nest build worker \
 && npx tsx scripts/bundle-workflows.ts dist/apps/worker/workflow-bundle.js \
 && npm ci --prefix web && npm run build --prefix web \
 && test -f dist/apps/api/apps/api/src/main.js \
 && test -f dist/apps/worker/apps/worker/src/main.js \
 && test -f dist/apps/worker/libs/workflows/src/workflows/index.js \
 && test -f dist/apps/worker/workflow-bundle.js \
 && test -f web/dist/index.html

# ---------------------------------------------------------------------------
# runtime: production dependencies only, shared by both targets.
# ---------------------------------------------------------------------------
FROM base AS runtime
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

# ---------------------------------------------------------------------------
# api: the HTTP API (health at /api/health) and the web pages at /.
# ---------------------------------------------------------------------------
FROM runtime AS api
COPY --from=build /app/dist/apps/api ./dist/apps/api
COPY --from=build /app/web/dist ./web/dist
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/apps/api/src/main.js"]

# ---------------------------------------------------------------------------
# worker: the Temporal worker, running the workflow bundle built above (WORKFLOW_BUNDLE_PATH; unset, it
# would bundle at start). A deploy of changed workflow code is a new image: see docs/operations.md,
# "Deploying new workflow code". No port: it only makes outbound connections.
# ---------------------------------------------------------------------------
FROM runtime AS worker
COPY --from=build /app/dist/apps/worker ./dist/apps/worker
ENV WORKFLOW_BUNDLE_PATH=/app/dist/apps/worker/workflow-bundle.js
USER node
CMD ["node", "dist/apps/worker/apps/worker/src/main.js"]
