-- Gives each service's schemas, and everything in them, to the service's role (roles.sql; docs/database.md):
--   media, access                    te_api
--   pipeline, analysis, strategies   te_orchestrator
--   embeddings                       te_embeddings
--   backtesting                      te_backtesting
--
-- Run by a superuser in the suite's database after roles.sql, before the services start. Idempotent: only what
-- another role owns changes hands, so a second run changes nothing. Two cases need it:
--   - a database from before the per-service roles, where one role (tradingedu) owns everything: the services then
--     migrate it under their own roles as if it had always been theirs;
--   - objects a member of a service role created, e.g. the local stack's developer role running the integration
--     tests (they migrate schemas too): the service could not alter them later.
-- A schema or role that does not exist is skipped (a schema appears once its service has migrated).
--   psql -X -v ON_ERROR_STOP=1 -d tradingedu -f deploy/postgres/owners.sql

-- an ALTER ... OWNER waits for the locks of running transactions; a stuck one fails this script instead of hanging it
SET lock_timeout = '30s';

DO $$
DECLARE
    owners CONSTANT text[][] := ARRAY[
        ['media', 'te_api'], ['access', 'te_api'],
        ['pipeline', 'te_orchestrator'], ['analysis', 'te_orchestrator'], ['strategies', 'te_orchestrator'],
        ['embeddings', 'te_embeddings'],
        ['backtesting', 'te_backtesting']];
    schema_name text;
    owner_name  text;
    schema_oid  oid;
    owner_oid   oid;
    object      record;
    changed     int;
BEGIN
    FOR i IN 1 .. array_length(owners, 1) LOOP
        schema_name := owners[i][1];
        owner_name := owners[i][2];
        schema_oid := to_regnamespace(quote_ident(schema_name));
        owner_oid := to_regrole(quote_ident(owner_name));
        CONTINUE WHEN schema_oid IS NULL;
        IF owner_oid IS NULL THEN
            RAISE NOTICE 'owners.sql: role % does not exist (run roles.sql first); schema % keeps its owner',
                owner_name, schema_name;
            CONTINUE;
        END IF;
        changed := 0;

        IF (SELECT nspowner FROM pg_namespace WHERE oid = schema_oid) <> owner_oid THEN
            EXECUTE format('ALTER SCHEMA %I OWNER TO %I', schema_name, owner_name);
            changed := changed + 1;
        END IF;

        -- tables (their indexes, and the sequences of their serial and identity columns, follow them), views,
        -- materialized views, foreign tables and free-standing sequences
        FOR object IN
            SELECT c.oid::regclass AS name,
                   CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE'
                                  WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END AS kind
            FROM pg_class c
            WHERE c.relnamespace = schema_oid
              AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
              AND c.relowner <> owner_oid
              AND NOT EXISTS (SELECT 1 FROM pg_depend d
                              WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                                AND (d.deptype = 'e' OR (c.relkind = 'S' AND d.deptype IN ('a', 'i'))))
        LOOP
            EXECUTE format('ALTER %s %s OWNER TO %I', object.kind, object.name, owner_name);
            changed := changed + 1;
        END LOOP;

        -- functions and procedures
        FOR object IN
            SELECT p.oid::regprocedure AS name
            FROM pg_proc p
            WHERE p.pronamespace = schema_oid AND p.proowner <> owner_oid
              AND NOT EXISTS (SELECT 1 FROM pg_depend d
                              WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
        LOOP
            EXECUTE format('ALTER ROUTINE %s OWNER TO %I', object.name, owner_name);
            changed := changed + 1;
        END LOOP;

        -- free-standing types: enums, domains, ranges and composite types made with CREATE TYPE (a table's row type
        -- and array types follow their table or element type)
        FOR object IN
            SELECT t.oid::regtype AS name, CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END AS kind
            FROM pg_type t
            WHERE t.typnamespace = schema_oid AND t.typowner <> owner_oid
              AND (t.typtype IN ('d', 'e', 'r')
                   OR (t.typtype = 'c' AND (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c'))
              AND NOT EXISTS (SELECT 1 FROM pg_depend d
                              WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
        LOOP
            EXECUTE format('ALTER %s %s OWNER TO %I', object.kind, object.name, owner_name);
            changed := changed + 1;
        END LOOP;

        IF changed > 0 THEN
            RAISE NOTICE 'owners.sql: % object(s) of schema % given to %', changed, schema_name, owner_name;
        END IF;
    END LOOP;
END $$;
