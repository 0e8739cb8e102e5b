-- Deals gained a folded sort/search key (name_sort) in 0005. Books created before it hold deals
-- whose key is still empty; fill it from the title with the same folding the app uses
-- (crm_fold_text is registered on the connection by src/main/db/migrate.ts).
UPDATE `deals` SET `name_sort` = crm_fold_text(`title`) WHERE `name_sort` = '' AND `title` <> '';
