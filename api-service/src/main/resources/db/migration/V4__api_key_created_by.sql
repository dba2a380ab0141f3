-- Who created each API key: the name of the credential that called POST /admin/api_keys ("api-key:<name>",
-- "jwt:<subject>"), or "SECURITY_BOOTSTRAP_ADMIN_KEY" for the key stored at start-up. Keys created before this
-- migration have none (NULL): that was not recorded.
ALTER TABLE access.api_key
    ADD COLUMN created_by TEXT CHECK (created_by IS NULL OR length(created_by) BETWEEN 1 AND 300);
