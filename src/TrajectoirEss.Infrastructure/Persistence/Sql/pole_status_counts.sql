-- The pôle inbox's counts per status, kept in pole_status_counts by triggers on projects instead of counting a
-- pôle's projects at every page (drafts are not counted: a pôle does not see them).
-- The counts follow every insert, deletion, change of status or of pôle of a project, in its transaction. Both
-- rows a change touches are upserted in key order, so two transactions moving projects in opposite directions
-- wait for each other instead of deadlocking.
CREATE FUNCTION count_projects_by_pole_status() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    old_pole uuid;
    old_status text;
    new_pole uuid;
    new_status text;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        IF OLD.status <> 'Draft' THEN
            old_pole := OLD.pole_id;
            old_status := OLD.status;
        END IF;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        IF NEW.status <> 'Draft' THEN
            new_pole := NEW.pole_id;
            new_status := NEW.status;
        END IF;
    END IF;
    IF old_pole IS NOT DISTINCT FROM new_pole AND old_status IS NOT DISTINCT FROM new_status THEN
        RETURN NULL;
    END IF;
    INSERT INTO pole_status_counts AS c (pole_id, status, count)
    SELECT d.pole_id, d.status, sum(d.delta)::int
    FROM (VALUES (old_pole, old_status, -1), (new_pole, new_status, 1)) AS d (pole_id, status, delta)
    WHERE d.pole_id IS NOT NULL
    GROUP BY d.pole_id, d.status
    ORDER BY d.pole_id, d.status
    ON CONFLICT (pole_id, status) DO UPDATE SET count = c.count + excluded.count;
    RETURN NULL;
END
$$;

CREATE TRIGGER projects_count_by_pole_status
    AFTER INSERT OR DELETE OR UPDATE OF pole_id, status ON projects
    FOR EACH ROW EXECUTE FUNCTION count_projects_by_pole_status();

-- TRUNCATE fires no row trigger: without this one, emptying the projects (by hand, or a restore that truncates
-- before loading) would leave the inbox's counts of projects that no longer exist.
CREATE FUNCTION forget_pole_status_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM pole_status_counts;
    RETURN NULL;
END
$$;

CREATE TRIGGER projects_truncated_forget_counts
    AFTER TRUNCATE ON projects
    FOR EACH STATEMENT EXECUTE FUNCTION forget_pole_status_counts();

-- The counts of the projects already there (none in a new database; kept so that the script is right on its own).
INSERT INTO pole_status_counts (pole_id, status, count)
SELECT pole_id, status, count(*)::int
FROM projects
WHERE status <> 'Draft' AND pole_id IS NOT NULL
GROUP BY pole_id, status;
