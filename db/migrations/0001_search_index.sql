-- One full-text index over every searchable record. Its rowid is search_doc.doc_id.
-- unicode61 with remove_diacritics 2 makes "Jose" find "José"; the prefix indexes make
-- "jo"/"gar" prefix queries cheap while typing.
-- The subtitle is only shown with a hit, never searched (UNINDEXED): what should be found
-- goes into the title or the body, so every record is tokenised once.
CREATE VIRTUAL TABLE `search_index` USING fts5(
  `title`,
  `subtitle` UNINDEXED,
  `body`,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);
