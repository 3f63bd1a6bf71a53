ALTER TABLE `surveys` ADD `draft_revision` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- A published version is frozen: responses name the version they answered, and results
-- read its questions. Publishing again adds a version; nothing changes or removes one.
CREATE TRIGGER `survey_versions_frozen` BEFORE UPDATE ON `survey_versions`
BEGIN
  SELECT RAISE(ABORT, 'a published survey version is never changed');
END;
--> statement-breakpoint
CREATE TRIGGER `survey_versions_kept` BEFORE DELETE ON `survey_versions`
BEGIN
  SELECT RAISE(ABORT, 'a published survey version is never removed');
END;
