CREATE TABLE `tallies` (
	`survey_id` text NOT NULL,
	`question_id` text NOT NULL,
	`row_id` text DEFAULT '' NOT NULL,
	`option_id` text DEFAULT '' NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	`numbers` integer DEFAULT 0 NOT NULL,
	`sum` real DEFAULT 0 NOT NULL,
	`texts` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`survey_id`, `question_id`, `row_id`, `option_id`)
);
--> statement-breakpoint
-- Backfill from the responses completed before tallies existed.
INSERT INTO `tallies` (`survey_id`, `question_id`, `row_id`, `option_id`, `count`, `numbers`, `sum`, `texts`)
SELECT `survey_id`, `question_id`, coalesce(`row_id`, ''), coalesce(`option_id`, ''), count(*), count(`number`), total(`number`), count(`text`)
FROM `answers` GROUP BY `survey_id`, `question_id`, coalesce(`row_id`, ''), coalesce(`option_id`, '');
--> statement-breakpoint
INSERT INTO `tallies` (`survey_id`, `question_id`, `row_id`, `option_id`, `count`, `numbers`, `sum`, `texts`)
SELECT `survey_id`, `question_id`, coalesce(`row_id`, ''), '*', count(DISTINCT `response_id`),
  count(CASE WHEN `option_id` IS NULL OR `option_id` <> 'prefer_not_to_say' THEN `number` END),
  total(CASE WHEN `option_id` IS NULL OR `option_id` <> 'prefer_not_to_say' THEN `number` END), count(`text`)
FROM `answers` GROUP BY `survey_id`, `question_id`, coalesce(`row_id`, '');
--> statement-breakpoint
INSERT INTO `tallies` (`survey_id`, `question_id`, `row_id`, `option_id`, `count`)
SELECT `survey_id`, '*', '', '*', count(*) FROM `responses` WHERE `status` = 'complete' GROUP BY `survey_id`;
