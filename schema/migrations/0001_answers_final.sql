-- A complete response is final: its answers can be written once, in the same batch that
-- completes it, and never again. A retried or duplicated submission therefore aborts
-- (and rolls back its whole batch) instead of adding a second set of answers.
CREATE TRIGGER `answers_final` BEFORE INSERT ON `answers`
WHEN EXISTS (SELECT 1 FROM `responses` WHERE `id` = NEW.`response_id` AND `status` = 'complete')
BEGIN
  SELECT RAISE(ABORT, 'response already complete');
END;
