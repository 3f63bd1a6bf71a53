CREATE TABLE `cards` (
	`id` text PRIMARY KEY NOT NULL,
	`link_id` text NOT NULL,
	`response_id` text,
	`used_at` text,
	FOREIGN KEY (`link_id`) REFERENCES `links`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `cards_link` ON `cards` (`link_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `cards_response` ON `cards` (`response_id`);--> statement-breakpoint
CREATE TABLE `links` (
	`id` text PRIMARY KEY NOT NULL,
	`survey_id` text NOT NULL,
	`kind` text NOT NULL,
	`code` text,
	`label` text NOT NULL,
	`area` text DEFAULT '' NOT NULL,
	`organisation_id` text,
	`response_id` text,
	`card_count` integer,
	`opened_at` text,
	`submitted_by` text,
	`submitted_at` text,
	`created_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`withdrawn_at` text,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `links_code` ON `links` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `links_response` ON `links` (`response_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `links_survey_organisation` ON `links` (`survey_id`,`organisation_id`);--> statement-breakpoint
CREATE INDEX `links_survey` ON `links` (`survey_id`,`kind`);--> statement-breakpoint
ALTER TABLE `responses` ADD `link_id` text;--> statement-breakpoint
ALTER TABLE `responses` ADD `entered_by` text;--> statement-breakpoint
CREATE INDEX `responses_link` ON `responses` (`link_id`);--> statement-breakpoint
ALTER TABLE `surveys` ADD `access` text DEFAULT 'open' NOT NULL;