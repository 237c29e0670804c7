-- The audit trail grows forever: issuance_event becomes a table partitioned by month of occurred_at
-- (UTC), so that old months can be detached, archived and dropped by a DBA (docs/audit.md) and the
-- indexes a new row feeds stay the size of one month. Existing rows are kept, with their ids.
--
-- The new table is made from the old one's catalog entries, not from a copy of its definition: the
-- columns, NOT NULL and CHECK constraints, defaults, identity, comments, indexes, triggers and grants
-- it has when this file runs (whatever earlier migrations added) carry over. What partitioning
-- changes:
--   * the primary key becomes (id, occurred_at): a unique index of a partitioned table must contain
--     the partition key. id still comes from the one identity sequence, so it stays unique.
--   * "one credential_issued row per credential_id" can no longer be one unique index over all rows.
--     Every partition gets its own unique index instead, so a credential_id is unique within a month;
--     across months, credential ids are random UUIDs (122 bits from a CSPRNG), and every credential
--     with a status list entry is also unique in credential_status (credential_status_credential_unique).
--   * every partition carries its own append-only triggers: TRUNCATE of a partition does not fire the
--     parent's statement trigger, and DETACH PARTITION removes the row triggers cloned from the parent,
--     while a partition's own triggers stay with it, also after it is detached for archiving.
--   * no DEFAULT partition: a row for a month without partition is refused (loudly) rather than parked
--     where it would make every later ATTACH scan it and DETACH ... CONCURRENTLY impossible.
-- Partitions are created ahead by issuance_event_create_partitions(months_ahead): here, and by the
-- application at start-up and every day after (issuer.audit.partitions-ahead).

-- What the owner granted on a table to others, as GRANT clauses: privilege, and grantee with any grant option
CREATE FUNCTION issuance_event_grants(source regclass) RETURNS TABLE (privilege text, grantee text)
LANGUAGE sql STABLE AS $$
    SELECT a.privilege_type::text,
           CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE a.grantee::regrole::text END
               || CASE WHEN a.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END
      FROM pg_class c, aclexplode(c.relacl) a
     WHERE c.oid = source AND a.grantee <> c.relowner
$$;

-- One partition: the month holding `month`, as issuance_event_YYYY_MM, [first of the month, first of
-- the next) in UTC. Made as a plain table and then attached: CREATE TABLE ... PARTITION OF would take
-- an ACCESS EXCLUSIVE lock on issuance_event (queued behind any long auditor query, and every insert
-- behind it); ATTACH PARTITION takes SHARE UPDATE EXCLUSIVE, which neither reads nor inserts wait for.
-- A plain table of that name that already exists (an archived month restored, a benchmark's pre-filled
-- month) is attached as it is. Returns whether it attached a partition.
CREATE FUNCTION issuance_event_add_partition(month date) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    first_day date := date_trunc('month', month)::date;
    name      text := 'issuance_event_' || to_char(date_trunc('month', month), 'YYYY_MM');
    existing  regclass := to_regclass(quote_ident(name));
    grant_row record;
BEGIN
    IF existing IS NOT NULL AND EXISTS (SELECT 1 FROM pg_inherits WHERE inhrelid = existing) THEN
        RETURN false;
    END IF;
    IF existing IS NULL THEN
        EXECUTE format('CREATE TABLE %I (LIKE issuance_event INCLUDING DEFAULTS INCLUDING CONSTRAINTS'
            || ' INCLUDING GENERATED INCLUDING STORAGE INCLUDING COMPRESSION)', name);
    END IF;
    EXECUTE format('ALTER TABLE issuance_event ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', name,
        first_day::text || ' 00:00:00+00', (first_day + interval '1 month')::date::text || ' 00:00:00+00');
    EXECUTE format('COMMENT ON TABLE %I IS %L', name,
        'Partition of the issuance_event audit trail: ' || to_char(first_day, 'YYYY-MM') || ' (UTC)');

    -- append-only also when addressed directly or detached
    IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = name::regclass AND tgname = 'issuance_event_partition_no_update_delete') THEN
        EXECUTE format('CREATE TRIGGER issuance_event_partition_no_update_delete BEFORE UPDATE OR DELETE ON %I'
            || ' FOR EACH ROW EXECUTE FUNCTION issuance_event_refuse_change()', name);
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = name::regclass AND tgname = 'issuance_event_partition_no_truncate') THEN
        EXECUTE format('CREATE TRIGGER issuance_event_partition_no_truncate BEFORE TRUNCATE ON %I'
            || ' FOR EACH STATEMENT EXECUTE FUNCTION issuance_event_refuse_change()', name);
    END IF;
    -- a credential is issued once: unique within the month (see the head of this file)
    EXECUTE format('CREATE UNIQUE INDEX IF NOT EXISTS %I ON %I (credential_id)'
        || ' WHERE credential_id IS NOT NULL AND event = ''credential_issued''', name || '_credential_id_key', name);
    -- a query through issuance_event checks the parent's grants only; these serve direct reads of a
    -- partition (a month's count, a detached month before it is dropped)
    FOR grant_row IN SELECT * FROM issuance_event_grants('issuance_event') LOOP
        EXECUTE format('GRANT %s ON %I TO %s', grant_row.privilege, name, grant_row.grantee);
    END LOOP;
    RETURN true;
END;
$$;

-- The current month (UTC) and the next months_ahead months. Several instances may call it at once:
-- they take turns on an advisory lock, and a month made by one is skipped by the others.
-- Returns the number of partitions it attached.
CREATE FUNCTION issuance_event_create_partitions(months_ahead integer) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    this_month date := date_trunc('month', now() AT TIME ZONE 'UTC')::date;
    attached   integer := 0;
BEGIN
    IF months_ahead IS NULL OR months_ahead < 0 OR months_ahead > 120 THEN
        RAISE EXCEPTION 'months_ahead must be between 0 and 120, is %', months_ahead
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM pg_advisory_xact_lock(hashtextextended('issuance_event partitions', 0));
    FOR i IN 0 .. months_ahead LOOP
        IF issuance_event_add_partition((this_month + make_interval(months => i))::date) THEN
            attached := attached + 1;
        END IF;
    END LOOP;
    RETURN attached;
END;
$$;

DO $$
DECLARE
    schema_name text := current_schema();
    -- how pg_get_indexdef and pg_get_triggerdef name the old table, and the new one
    old_name    text := ' ON ' || quote_ident(current_schema()) || '.issuance_event_unpartitioned ';
    new_name    text := ' ON ' || quote_ident(current_schema()) || '.issuance_event ';
    old_table   regclass;
    old_seq     text := pg_get_serial_sequence('issuance_event', 'id');
    index_row   record;
    indexes     text[] := '{}';
    comments    text[] := '{}';
    triggers    text[] := '{}';
    primary_key text;
    statement   text;
    first_month date;
    last_month  date;
    month       date;
BEGIN
    IF EXISTS (SELECT 1 FROM pg_constraint WHERE contype = 'f' AND confrelid = 'issuance_event'::regclass) THEN
        RAISE EXCEPTION 'a foreign key references issuance_event: a partitioned table needs (id, occurred_at) there';
    END IF;
    -- the SECURITY DEFINER functions resolve names in this schema only, whoever calls them
    EXECUTE format('ALTER FUNCTION issuance_event_add_partition(date) SET search_path = %I, pg_temp', schema_name);
    EXECUTE format('ALTER FUNCTION issuance_event_create_partitions(integer) SET search_path = %I, pg_temp', schema_name);
    REVOKE ALL ON FUNCTION issuance_event_add_partition(date) FROM PUBLIC;
    REVOKE ALL ON FUNCTION issuance_event_create_partitions(integer) FROM PUBLIC;

    ALTER TABLE issuance_event RENAME TO issuance_event_unpartitioned;
    old_table := 'issuance_event_unpartitioned'::regclass;
    -- so that the new identity sequence gets the usual name
    EXECUTE format('ALTER SEQUENCE %s RENAME TO issuance_event_unpartitioned_id_seq', old_seq);

    FOR index_row IN
        SELECT i.indexrelid, i.indisprimary, i.indisunique, c.relname, pg_get_indexdef(i.indexrelid) AS def,
               obj_description(i.indexrelid, 'pg_class') AS note,
               EXISTS (SELECT 1 FROM unnest(i.indkey::int2[]) k JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k
                        WHERE a.attname = 'occurred_at') AS has_key
          FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = old_table ORDER BY c.relname
    LOOP
        IF index_row.indisprimary THEN
            SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.ord) INTO primary_key
              FROM unnest((SELECT indkey::int2[] FROM pg_index WHERE indexrelid = index_row.indexrelid)) WITH ORDINALITY k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = old_table AND a.attnum = k.attnum;
            IF NOT index_row.has_key THEN
                primary_key := primary_key || ', occurred_at';
            END IF;
        ELSIF index_row.relname = 'issuance_event_credential_id_idx' THEN
            CONTINUE; -- one per partition (issuance_event_add_partition)
        ELSIF index_row.indisunique AND NOT index_row.has_key THEN
            RAISE EXCEPTION 'unique index % has no occurred_at: decide how its uniqueness holds across partitions',
                index_row.relname;
        ELSIF position(old_name IN index_row.def) = 0 THEN
            RAISE EXCEPTION 'cannot read the definition of index %: %', index_row.relname, index_row.def;
        ELSE
            indexes := indexes || replace(index_row.def, old_name, new_name);
            IF index_row.note IS NOT NULL THEN
                comments := comments || format('COMMENT ON INDEX %I IS %L', index_row.relname, index_row.note);
            END IF;
        END IF;
    END LOOP;
    SELECT array_agg(pg_get_triggerdef(oid) ORDER BY tgname) INTO triggers
      FROM pg_trigger WHERE tgrelid = old_table AND NOT tgisinternal;

    -- INCLUDING ALL: columns, defaults, identity, NOT NULL and CHECK constraints, comments, statistics
    CREATE TABLE issuance_event (LIKE issuance_event_unpartitioned INCLUDING ALL EXCLUDING INDEXES)
        PARTITION BY RANGE (occurred_at);
    EXECUTE format('COMMENT ON TABLE issuance_event IS %L', obj_description(old_table, 'pg_class')
        || '; partitioned by month of occurred_at (UTC)');
    FOR index_row IN SELECT * FROM issuance_event_grants(old_table) LOOP
        EXECUTE format('GRANT %s ON issuance_event TO %s', index_row.privilege, index_row.grantee);
    END LOOP;
    FOREACH statement IN ARRAY coalesce(triggers, '{}') LOOP
        IF position(old_name IN statement) = 0 THEN
            RAISE EXCEPTION 'cannot read the definition of trigger: %', statement;
        END IF;
        EXECUTE replace(statement, old_name, new_name);
    END LOOP;

    -- every month from the oldest row to the newest (no gaps), and the months ahead
    SELECT date_trunc('month', min(occurred_at) AT TIME ZONE 'UTC')::date,
           date_trunc('month', max(occurred_at) AT TIME ZONE 'UTC')::date
      INTO first_month, last_month FROM issuance_event_unpartitioned;
    month := first_month;
    WHILE month <= last_month LOOP
        PERFORM issuance_event_add_partition(month);
        month := (month + interval '1 month')::date;
    END LOOP;
    PERFORM issuance_event_create_partitions(3);

    -- rows first, indexes after: one sorted build per index instead of 50 million insertions
    INSERT INTO issuance_event OVERRIDING SYSTEM VALUE SELECT * FROM issuance_event_unpartitioned ORDER BY id;
    PERFORM setval(pg_get_serial_sequence('issuance_event', 'id'), max(id)) FROM issuance_event HAVING max(id) IS NOT NULL;
    DROP TABLE issuance_event_unpartitioned;

    EXECUTE format('ALTER TABLE issuance_event ADD CONSTRAINT issuance_event_pkey PRIMARY KEY (%s)', primary_key);
    FOREACH statement IN ARRAY indexes || comments LOOP
        EXECUTE statement;
    END LOOP;
END;
$$;

-- README's "which credential was this?" looks a credential up by its digest: without an index, a scan
-- of the whole trail. Equality only, on random hex: a hash index, smaller than a B-tree of the text.
CREATE INDEX issuance_event_credential_digest_idx ON issuance_event USING hash (credential_digest)
    WHERE credential_digest IS NOT NULL;

-- docs/notifications.md's "what the wallets said about one credential" selects by credential_id and
-- endpoint: no other index has that predicate (issuance_event_credential_report_idx is by event)
CREATE INDEX issuance_event_notification_idx ON issuance_event (credential_id, occurred_at)
    WHERE endpoint = 'notification';

-- Measured with 50 million rows: README's "failures by error code over the last day" filters on event,
-- which issuance_event_failed_idx (by error_code IS NOT NULL) cannot serve; the per-day counts, the
-- never-accepted listing and the acceptance rate read the credential_issued rows of a time window,
-- which this covering index gives without reading the month's table (its credential_issued entries only).
CREATE INDEX issuance_event_request_failed_idx ON issuance_event (occurred_at) INCLUDE (error_code)
    WHERE event = 'request_failed';
CREATE INDEX issuance_event_issued_idx ON issuance_event (occurred_at) INCLUDE (credential_configuration_id)
    WHERE event = 'credential_issued';
