#!/usr/bin/env bash
# As root, from a folder nobody else may enter (chmod 700, like a root login's home or `mktemp -d`),
# `npm ci && npm start` must serve the app: PostgreSQL runs as the postgres user, which cannot reach the
# project there. Copies the repository's files and its build into such a folder, installs, starts, probes
# readiness and the web app, and stops with SIGTERM.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
if [[ $(id -u) -ne 0 ]]; then
  echo 'Not root: the private-folder start is checked only as root.'
  exit 0
fi

private=$(mktemp -d)
chmod 700 "$private"
pid=''
data_dir=''
cleanup() {
  if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid" 2>/dev/null || true; wait "$pid" || true; fi
  if [[ -n $data_dir && $data_dir == /var/lib/encounters/* ]]; then rm -rf "$(dirname "$data_dir")"; fi
  rm -rf "$private"
}
trap cleanup EXIT

(cd "$repo" && git ls-files -z | tar --null -T - -cf -) | tar -xf - -C "$private"
cp -a "$repo/dist" "$private/dist"
cd "$private"
npm ci --no-audit --no-fund --prefer-offline >/dev/null

port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
pg_port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
# `npm start` is `node tools/start/start.mjs`; run without npm in between, so that SIGTERM reaches it and
# its exit code is the app's own.
SKIP_BUILD=true PORT=$port HOST=127.0.0.1 EMBEDDED_PG_PORT=$pg_port LOG_LEVEL=warn \
  node tools/start/start.mjs >start.log 2>&1 &
pid=$!

ready=false
for _ in $(seq 1 180); do
  if ! kill -0 "$pid" 2>/dev/null; then break; fi
  if node -e "fetch('http://127.0.0.1:$port/api/health/ready').then(r=>process.exit(r.status===200?0:1),()=>process.exit(1))"; then
    ready=true
    break
  fi
  sleep 1
done
data_dir=$(sed -n 's/^Embedded PostgreSQL is running with its data in //p' start.log)
if [[ $ready != true ]]; then
  cat start.log
  echo 'npm start as root from a private folder did not become ready.'
  exit 1
fi
echo "Ready on port $port; the embedded PostgreSQL keeps its data in $data_dir."
node -e "
fetch('http://127.0.0.1:$port/', { headers: { accept: 'text/html' } }).then(async (r) => {
  const html = await r.text();
  if (r.status !== 200 || !html.includes('<enc-root')) { console.error('The web app was not served: ' + r.status); process.exit(1); }
  console.log('The web app is served.');
});"
kill -TERM "$pid"
status=0
wait "$pid" || status=$?
pid=''
if [[ $status -ne 0 ]]; then
  cat start.log
  echo "npm start exited with code $status on SIGTERM."
  exit 1
fi
echo 'Stopped cleanly on SIGTERM.'
