CREATE TABLE `text_review_themes` (
	`answer_id` integer NOT NULL,
	`theme_id` text NOT NULL,
	PRIMARY KEY(`answer_id`, `theme_id`),
	FOREIGN KEY (`answer_id`) REFERENCES `text_reviews`(`answer_id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`theme_id`) REFERENCES `text_themes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `text_review_themes_theme` ON `text_review_themes` (`theme_id`);--> statement-breakpoint
CREATE TABLE `text_reviews` (
	`answer_id` integer PRIMARY KEY NOT NULL,
	`survey_id` text NOT NULL,
	`question_id` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`redacted_text` text,
	`reviewed_by` text,
	`reviewed_at` text,
	FOREIGN KEY (`answer_id`) REFERENCES `answers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `text_reviews_queue` ON `text_reviews` (`survey_id`,`status`,`question_id`);--> statement-breakpoint
CREATE TABLE `text_themes` (
	`id` text PRIMARY KEY NOT NULL,
	`survey_id` text NOT NULL,
	`name` text NOT NULL,
	`created_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `text_themes_survey_name` ON `text_themes` (`survey_id`,lower("name"));