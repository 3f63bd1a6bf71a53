CREATE TABLE `actions` (
	`id` text PRIMARY KEY NOT NULL,
	`network_id` text NOT NULL,
	`standard_id` text NOT NULL,
	`title` text NOT NULL,
	`owner` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'not_started' NOT NULL,
	`target_date` text,
	`participation` text,
	`notes` text DEFAULT '' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`standard_id`) REFERENCES `standards`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `actions_standard` ON `actions` (`standard_id`,`position`);--> statement-breakpoint
CREATE INDEX `actions_network` ON `actions` (`network_id`);--> statement-breakpoint
CREATE TABLE `ambitions_assessments` (
	`id` text PRIMARY KEY NOT NULL,
	`network_id` text NOT NULL,
	`title` text NOT NULL,
	`assessed_on` text,
	`created_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `ambitions_assessments_network` ON `ambitions_assessments` (`network_id`);--> statement-breakpoint
CREATE TABLE `ambitions_scores` (
	`assessment_id` text NOT NULL,
	`item_code` text NOT NULL,
	`level` integer,
	`evidence` text DEFAULT '' NOT NULL,
	`gaps` text DEFAULT '' NOT NULL,
	`updated_by` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`assessment_id`, `item_code`),
	FOREIGN KEY (`assessment_id`) REFERENCES `ambitions_assessments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `evidence` (
	`id` text PRIMARY KEY NOT NULL,
	`network_id` text NOT NULL,
	`action_id` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`url` text,
	`indicator_id` text,
	`snapshot` text,
	`answer_id` integer,
	`recorded_by` text,
	`recorded_by_email` text DEFAULT '' NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `evidence_action` ON `evidence` (`action_id`,`recorded_at`);--> statement-breakpoint
CREATE TABLE `indicators` (
	`id` text PRIMARY KEY NOT NULL,
	`network_id` text NOT NULL,
	`action_id` text NOT NULL,
	`survey_id` text NOT NULL,
	`label` text NOT NULL,
	`metric` text NOT NULL,
	`question_id` text,
	`row_id` text,
	`options` text DEFAULT '[]' NOT NULL,
	`target` real,
	`created_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `indicators_action` ON `indicators` (`action_id`);--> statement-breakpoint
CREATE TABLE `standard_assessments` (
	`id` text PRIMARY KEY NOT NULL,
	`standard_id` text NOT NULL,
	`period` text NOT NULL,
	`in_place` text DEFAULT '' NOT NULL,
	`gaps` text DEFAULT '' NOT NULL,
	`participation` text,
	`updated_by` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`standard_id`) REFERENCES `standards`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `standard_assessments_period` ON `standard_assessments` (`standard_id`,`period`);--> statement-breakpoint
CREATE TABLE `standard_revisions` (
	`standard_id` text NOT NULL,
	`version` integer NOT NULL,
	`sector` text NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`replaced_by` text,
	`replaced_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`standard_id`, `version`),
	FOREIGN KEY (`standard_id`) REFERENCES `standards`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `standards` (
	`id` text PRIMARY KEY NOT NULL,
	`network_id` text NOT NULL,
	`sector` text NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`retired_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `standards_network` ON `standards` (`network_id`,`position`);--> statement-breakpoint
CREATE TABLE `survey_outcomes` (
	`survey_id` text PRIMARY KEY NOT NULL,
	`you_said` text DEFAULT '' NOT NULL,
	`we_did` text DEFAULT '' NOT NULL,
	`published_at` text,
	`updated_by` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Evidence is written once: a report cites figures and words that never move. (Only the
-- link to an indicator may change, to null, when that indicator is deleted.)
CREATE TRIGGER `evidence_frozen` BEFORE UPDATE OF `network_id`, `action_id`, `kind`, `title`, `body`, `url`, `snapshot`, `answer_id`, `recorded_by`, `recorded_by_email`, `recorded_at` ON `evidence`
BEGIN
  SELECT RAISE(ABORT, 'evidence is never changed once recorded');
END;
