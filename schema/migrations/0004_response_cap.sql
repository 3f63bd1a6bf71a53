-- A survey with a response cap takes no more complete responses than the cap. The
-- completing batch adds the response to the running total before it changes the
-- response's status, so a total above the cap here means this response is one too many:
-- the whole batch is rolled back and nothing of it is stored.
CREATE TRIGGER `responses_cap` BEFORE UPDATE OF `status` ON `responses`
WHEN NEW.`status` = 'complete' AND OLD.`status` = 'partial'
  AND (SELECT `response_cap` FROM `surveys` WHERE `id` = NEW.`survey_id`) IS NOT NULL
  AND (SELECT `count` FROM `tallies` WHERE `survey_id` = NEW.`survey_id` AND `question_id` = '*' AND `row_id` = '' AND `option_id` = '*')
      > (SELECT `response_cap` FROM `surveys` WHERE `id` = NEW.`survey_id`)
BEGIN
  SELECT RAISE(ABORT, 'survey full');
END;
