#!/bin/sh
# Runs once, when the database volume is empty (the postgres image's /docker-entrypoint-initdb.d): creates the
# schema owner, the service role and the database with scripts/create-prod-database.sql (docs/operations.md).
set -eu
psql --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$PAINLADDER_MIGRATION_DB_PASSWORD" -v service_password="$PAINLADDER_DB_PASSWORD" \
  -f /opt/painladder/create-prod-database.sql
