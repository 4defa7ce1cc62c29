#!/bin/bash
# Cold start (issue 20): a fresh clone of this checkout, `npm install && npm start`
# on the embedded database, timed to the first 200 of /signin; then the idle RSS
# of the app 30 s later.   bash bench/cold-start.sh   (COLD_DIR, COLD_PORT)
set -u
SRC=$(cd "$(dirname "$0")/.." && pwd)
DIR=${COLD_DIR:-/tmp/pipeline-cold-start}
PORT=${COLD_PORT:-3456}
rm -rf "$DIR" && git clone -q "$SRC" "$DIR" && cd "$DIR" || exit 1
start=$(date +%s.%N)
(npm install --no-audit --no-fund > "$DIR/install.log" 2>&1 && PORT=$PORT npm start > "$DIR/start.log" 2>&1) &
installed=""
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/signin"; do
  if [ -z "$installed" ] && grep -q "added\|up to date" "$DIR/install.log" 2>/dev/null; then installed=$(echo "$(date +%s.%N) - $start" | bc); fi
  sleep 0.5
done
echo "npm install done after ${installed}s; /signin 200 after $(echo "$(date +%s.%N) - $start" | bc)s"
sleep 30
for p in $(pgrep -f "next-server"); do echo "idle RSS of pid $p: $(( $(ps -o rss= -p "$p") / 1024 )) MB"; done
pkill -f "next-server"; pkill -f "scripts/run.mjs start"
