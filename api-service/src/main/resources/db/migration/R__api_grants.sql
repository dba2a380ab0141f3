-- What other services may read of api-service's schemas, granted to the group roles of deploy/postgres/roles.sql
-- (docs/database.md): every published view (media.*_v<N>) to te_view_reader, the API keys to te_key_reader (every
-- service authenticates callers against access.api_key; only api-service writes it). The tables behind the views
-- stay private: a view reads them with its owner's rights.
--
-- Applied again by every migration run (Flyway substitutes ${flyway:timestamp} below, new each run),
-- so the grants follow the database
-- as it is: a view published by a later migration, group roles created after this database was first migrated (a
-- single-role deployment moving to per-service roles), access.api_key created after this file first ran. Without the
-- group roles (a deployment with a single database role) nothing is granted and a NOTICE says so.
-- Run at ${flyway:timestamp}.
DO $$
DECLARE
    published regclass;
BEGIN
    IF to_regrole('te_view_reader') IS NULL THEN
        RAISE NOTICE 'role te_view_reader does not exist (single-role deployment): media''s views are not granted';
    ELSE
        GRANT USAGE ON SCHEMA media TO te_view_reader;
        FOR published IN
            SELECT c.oid::regclass FROM pg_class c
            WHERE c.relnamespace = 'media'::regnamespace AND c.relkind = 'v' AND c.relname ~ '_v[0-9]+$'
        LOOP
            EXECUTE format('GRANT SELECT ON %s TO te_view_reader', published);
        END LOOP;
    END IF;

    IF to_regrole('te_key_reader') IS NULL THEN
        RAISE NOTICE 'role te_key_reader does not exist (single-role deployment): access.api_key is not granted';
    ELSIF to_regclass('access.api_key') IS NULL THEN
        RAISE NOTICE 'access.api_key does not exist yet: not granted';
    ELSE
        GRANT USAGE ON SCHEMA access TO te_key_reader;
        GRANT SELECT ON access.api_key TO te_key_reader;
    END IF;
END $$;
