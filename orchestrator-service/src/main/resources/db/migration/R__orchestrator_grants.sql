-- What other services may read of orchestrator-service's schemas: every published view (pipeline.*_v<N>,
-- analysis.*_v<N>, strategies.*_v<N>), granted to te_view_reader, the group role of deploy/postgres/roles.sql that
-- api-service's and embeddings-service's roles belong to (docs/database.md). The tables behind the views stay
-- private: a view reads them with its owner's rights.
--
-- Applied again by every migration run (Flyway substitutes ${flyway:timestamp} below, new each run),
-- so the grants follow the database
-- as it is: a view published by a later migration, a group role created after this database was first migrated (a
-- single-role deployment moving to per-service roles). Without the group role (a deployment with a single database
-- role) nothing is granted and a NOTICE says so.
-- Run at ${flyway:timestamp}.
DO $$
DECLARE
    schema_name text;
    published   regclass;
BEGIN
    IF to_regrole('te_view_reader') IS NULL THEN
        RAISE NOTICE 'role te_view_reader does not exist (single-role deployment): the published views are not granted';
        RETURN;
    END IF;
    FOREACH schema_name IN ARRAY ARRAY['pipeline', 'analysis', 'strategies'] LOOP
        CONTINUE WHEN to_regnamespace(schema_name) IS NULL;
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO te_view_reader', schema_name);
        FOR published IN
            SELECT c.oid::regclass FROM pg_class c
            WHERE c.relnamespace = to_regnamespace(schema_name) AND c.relkind = 'v' AND c.relname ~ '_v[0-9]+$'
        LOOP
            EXECUTE format('GRANT SELECT ON %s TO te_view_reader', published);
        END LOOP;
    END LOOP;
END $$;
