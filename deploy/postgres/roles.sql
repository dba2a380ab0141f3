-- One login role per service and two group roles for what services read of each other (docs/database.md).
--
-- Each service role owns its schemas, which this script creates (a superuser) before any service runs, so that no
-- service can create another's schema first and own it. The roles keep CREATE on the database only because two
-- released migrations say CREATE SCHEMA IF NOT EXISTS, which PostgreSQL checks against that right even when the
-- schema exists (docs/database.md, "Known limits");
-- what other services may read is granted by the owner's own migrations (R__<service>_grants.sql) to the group roles:
--   te_view_reader  SELECT on the published *_v<N> views     member: te_api, te_embeddings
--   te_key_reader   SELECT on access.api_key (authentication) member: te_orchestrator, te_embeddings, te_backtesting
--
-- Run by a superuser in the suite's database. Idempotent, and it sets the passwords on every run, so rotating one is:
-- change the secret, run this again, restart the service. The passwords come from psql variables or, when a variable
-- is not given, from the environment (the Postgres image's init runs this file with the compose file's env):
--   TE_API_DB_PASSWORD=… TE_ORCHESTRATOR_DB_PASSWORD=… TE_EMBEDDINGS_DB_PASSWORD=… TE_BACKTESTING_DB_PASSWORD=… \
--     psql -X -v ON_ERROR_STOP=1 -d tradingedu -f deploy/postgres/roles.sql [-v dev_role=tradingedu]
-- (environment rather than -v keeps them out of the process list). dev_role, optional, names an existing login role
-- made a member of the four service roles: the local stack's developer role that the integration tests use, so they
-- can migrate and read every schema; deployments leave it out.

\if :{?api_password} \else \getenv api_password TE_API_DB_PASSWORD \endif
\if :{?orchestrator_password} \else \getenv orchestrator_password TE_ORCHESTRATOR_DB_PASSWORD \endif
\if :{?embeddings_password} \else \getenv embeddings_password TE_EMBEDDINGS_DB_PASSWORD \endif
\if :{?backtesting_password} \else \getenv backtesting_password TE_BACKTESTING_DB_PASSWORD \endif
\if :{?api_password} \else \set api_password '' \endif
\if :{?orchestrator_password} \else \set orchestrator_password '' \endif
\if :{?embeddings_password} \else \set embeddings_password '' \endif
\if :{?backtesting_password} \else \set backtesting_password '' \endif
\if :{?dev_role} \else \set dev_role '' \endif

-- psql does not interpolate variables inside the DO block's body: they reach it as session settings
SET password_encryption = 'scram-sha-256';
SELECT set_config('tradingedu.api_password', :'api_password', false),
       set_config('tradingedu.orchestrator_password', :'orchestrator_password', false),
       set_config('tradingedu.embeddings_password', :'embeddings_password', false),
       set_config('tradingedu.backtesting_password', :'backtesting_password', false),
       set_config('tradingedu.dev_role', :'dev_role', false)
\g /dev/null

DO $$
DECLARE
    services CONSTANT text[] := ARRAY['api', 'orchestrator', 'embeddings', 'backtesting'];
    service     text;
    role        text;
    member      text;
    schema_name text;
    password    text;
    dev         text := nullif(current_setting('tradingedu.dev_role'), '');
BEGIN
    FOREACH service IN ARRAY services LOOP
        role := 'te_' || service;
        password := current_setting('tradingedu.' || service || '_password');
        IF length(password) < 16 THEN
            RAISE EXCEPTION 'roles.sql: the password of % is missing or shorter than 16 characters: give it as -v %_password=… or in TE_%_DB_PASSWORD',
                role, service, upper(service);
        END IF;
        IF to_regrole(role) IS NULL THEN
            EXECUTE format('CREATE ROLE %I', role);
        END IF;
        -- no attribute beyond LOGIN, whatever the role had before
        EXECUTE format('ALTER ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS '
                       'INHERIT PASSWORD %L', role, password);
        EXECUTE format('GRANT CONNECT, CREATE ON DATABASE %I TO %I', current_database(), role);
    END LOOP;

    -- the same list as owners.sql; a schema that exists already keeps its owner here (owners.sql gives it back)
    FOR schema_name, role IN VALUES ('media', 'te_api'), ('access', 'te_api'), ('pipeline', 'te_orchestrator'),
                                    ('analysis', 'te_orchestrator'), ('strategies', 'te_orchestrator'),
                                    ('embeddings', 'te_embeddings'), ('backtesting', 'te_backtesting') LOOP
        IF to_regnamespace(quote_ident(schema_name)) IS NULL THEN
            EXECUTE format('CREATE SCHEMA %I AUTHORIZATION %I', schema_name, role);
        END IF;
    END LOOP;

    FOREACH role IN ARRAY ARRAY['te_view_reader', 'te_key_reader'] LOOP
        IF to_regrole(role) IS NULL THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', role);
        END IF;
    END LOOP;
    -- what each service reads of the others; a grant already made is not repeated (it would only print a NOTICE)
    FOR role, member IN VALUES ('te_view_reader', 'te_api'), ('te_view_reader', 'te_embeddings'),
                               ('te_key_reader', 'te_orchestrator'), ('te_key_reader', 'te_embeddings'),
                               ('te_key_reader', 'te_backtesting') LOOP
        IF NOT pg_has_role(member, role, 'MEMBER') THEN
            EXECUTE format('GRANT %I TO %I', role, member);
        END IF;
    END LOOP;

    -- only the roles given CONNECT above (and the database's owner) may connect
    EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());

    IF dev IS NOT NULL THEN
        IF to_regrole(quote_ident(dev)) IS NULL THEN
            RAISE EXCEPTION 'roles.sql: the developer role % (-v dev_role) does not exist', dev;
        END IF;
        EXECUTE format('GRANT CONNECT, CREATE ON DATABASE %I TO %I', current_database(), dev);
        FOREACH service IN ARRAY services LOOP
            IF NOT pg_has_role(dev, 'te_' || service, 'MEMBER') THEN
                EXECUTE format('GRANT %I TO %I', 'te_' || service, dev);
            END IF;
        END LOOP;
    END IF;
END $$;
