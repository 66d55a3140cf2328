#!/usr/bin/env bash
# Run once, when the primary's data folder is first made: lets the `scale` profile's replica stream from it
# over the compose network, with the same password as the app.
set -euo pipefail
echo 'host replication all all scram-sha-256' >> "$PGDATA/pg_hba.conf"
