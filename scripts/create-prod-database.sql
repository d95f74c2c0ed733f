-- Creates the prod database with least privilege: a schema owner that only Flyway logs in as, and a service role
-- that reads and writes rows but can neither change the schema nor create anything. Run it once as a superuser:
--   psql -h HOST -U postgres -v owner_password='...' -v service_password='...' -f scripts/create-prod-database.sql
-- Optional: -v database=painladder -v owner=painladder_owner -v service=painladder (these are the defaults).
-- The service then runs with PAINLADDER_DB_USER=painladder and PAINLADDER_MIGRATION_DB_USER=painladder_owner
-- (docs/operations.md). Run it once: it stops at the first error, such as a role or database that exists already.
\set ON_ERROR_STOP on
\if :{?database} \else \set database painladder \endif
\if :{?owner} \else \set owner painladder_owner \endif
\if :{?service} \else \set service painladder \endif
\if :{?owner_password} \else \echo 'set -v owner_password=...' \quit \endif
\if :{?service_password} \else \echo 'set -v service_password=...' \quit \endif

CREATE ROLE :"owner" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION PASSWORD :'owner_password';
CREATE ROLE :"service" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION PASSWORD :'service_password';
CREATE DATABASE :"database" OWNER :"owner" ENCODING 'UTF8' TEMPLATE template0;

\connect :"database"
-- Nobody but the owner creates objects; the service may connect and use the schema, nothing more.
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"database" TO :"owner";
GRANT CONNECT ON DATABASE :"database" TO :"service";
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
CREATE SCHEMA painladder AUTHORIZATION :"owner";
GRANT USAGE ON SCHEMA painladder TO :"service";
ALTER ROLE :"owner" IN DATABASE :"database" SET search_path = painladder;
ALTER ROLE :"service" IN DATABASE :"database" SET search_path = painladder;

-- Tables and sequences Flyway creates later (as the owner) are granted to the service as they appear.
SET ROLE :"owner";
ALTER DEFAULT PRIVILEGES IN SCHEMA painladder GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"service";
ALTER DEFAULT PRIVILEGES IN SCHEMA painladder GRANT USAGE, SELECT ON SEQUENCES TO :"service";
RESET ROLE;
