#!/usr/bin/env bash
# The `scale` profile's streaming replica: on first start, a base backup of the primary (`db`) with -R, which
# makes it a standby that follows the primary; afterwards it just starts.
set -euo pipefail
if [[ ! -s "$PGDATA/PG_VERSION" ]]; then
  until pg_isready -h db -U "$POSTGRES_USER" -q; do sleep 1; done
  PGPASSWORD="$POSTGRES_PASSWORD" pg_basebackup -h db -U "$POSTGRES_USER" -D "$PGDATA" -R -X stream -c fast
  chmod 700 "$PGDATA"
fi
exec postgres -c hot_standby=on
