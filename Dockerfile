# One image for both processes: `node dist/apps/api/main.js` (default) or `node dist/apps/worker/main.js`.
# Node 26, the current LTS line (Node 20 reached end of life on 2026-04-30); Debian 13, the default
# base of Node 26's official images.
FROM node:26-trixie-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# The SDK is an npm workspace of the repository: npm ci needs its manifest.
COPY sdk/typescript/package.json ./sdk/typescript/
RUN npm ci --no-audit --no-fund
COPY tsconfig.json .swcrc nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
# The operator console (libs/operator-console/web) is compiled by Vite into dist/console, which the
# api serves at /console: its browser libraries are build-time dependencies only.
RUN npx swc apps libs -d dist --config-file .swcrc --copy-files --quiet --ignore 'libs/operator-console/web/**' \
 && npx vite build --config libs/operator-console/web/vite.config.mts \
 && npm prune --omit=dev

FROM node:26-trixie-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/main.js"]
