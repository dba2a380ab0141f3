-- Several instances share the job queue. An instance claims a job (FOR UPDATE SKIP LOCKED) by writing itself as its
-- owner with a lease it renews while the job runs; a job whose lease ran out (its instance died) is claimed by
-- another. Finishing checks the owner, so an instance that lost its job cannot overwrite the new owner's outcome.
-- attempts counts claims: a job claimed again after its instance died twice is failed, not run a third time.
ALTER TABLE backtest ADD COLUMN owner text;
ALTER TABLE backtest ADD COLUMN lease_expires_at timestamptz;
ALTER TABLE backtest ADD COLUMN attempts integer NOT NULL DEFAULT 0;

-- Jobs left running by the previous version have no lease (claimable at once) and were started once already, or
-- twice when they carry the previous version's "resumed" note.
UPDATE backtest SET attempts = CASE WHEN error LIKE 'resumed after the service stopped%' THEN 2 ELSE 1 END
WHERE status = 'RUNNING';
