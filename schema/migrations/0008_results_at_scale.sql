ALTER TABLE `answers` ADD `lead` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `responses_survey_dimensions` ON `responses` (`survey_id`,`status`,`link_id`,`mode`,`language`,`completed_at`);--> statement-breakpoint
-- Answers stored before `lead` existed: the first row of each response's answer to a question (or matrix row) leads.
UPDATE `answers` SET `lead` = 1 WHERE `id` IN (SELECT min(`id`) FROM `answers` GROUP BY `response_id`, `question_id`, `row_id`);
