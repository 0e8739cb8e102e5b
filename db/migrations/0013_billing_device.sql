CREATE TABLE `billing_device` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
