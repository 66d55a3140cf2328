-- The partitioning trial of issue 21 (docs/scaling.md, "Partitioning history"): turns learner_progress into a table
-- partitioned by academic year, in a COPY of a generated database (never a real one), for timing reads only: its
-- triggers are not carried over. psql "$COPY_URL" -f tools/bench/partition-trial.sql
BEGIN;
ALTER TABLE learner_progress RENAME TO learner_progress_old;
CREATE TABLE learner_progress (LIKE learner_progress_old INCLUDING DEFAULTS INCLUDING CONSTRAINTS) PARTITION BY LIST (academic_year);
DO $$ DECLARE y int; BEGIN
  FOR y IN SELECT DISTINCT academic_year FROM learner_progress_old LOOP
    EXECUTE format('CREATE TABLE learner_progress_y%s PARTITION OF learner_progress FOR VALUES IN (%s)', y, y);
  END LOOP;
END $$;
CREATE TABLE learner_progress_other PARTITION OF learner_progress DEFAULT;
INSERT INTO learner_progress SELECT * FROM learner_progress_old;
DO $$ DECLARE d text; BEGIN
  FOR d IN SELECT indexdef FROM pg_indexes WHERE tablename = 'learner_progress_old' LOOP
    d := replace(d, 'ON public.learner_progress_old', 'ON public.learner_progress');
    d := regexp_replace(d, 'INDEX (\S+) ON', 'INDEX \1_p ON');
    EXECUTE d;
  END LOOP;
END $$;
DROP TABLE learner_progress_old CASCADE;
COMMIT;
ANALYZE;
