CREATE TABLE `resume_codes` (
	`id` text PRIMARY KEY NOT NULL,
	`response_id` text NOT NULL,
	`survey_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `resume_codes_response` ON `resume_codes` (`response_id`);