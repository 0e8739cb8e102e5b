-- One full-text index over every searchable record. Its rowid is search_doc.doc_id.
-- unicode61 with remove_diacritics 2 makes "Jose" find "José"; the prefix indexes make
-- "jo"/"gar" prefix queries cheap while typing.
CREATE VIRTUAL TABLE `search_index` USING fts5(
  `title`,
  `subtitle`,
  `body`,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3'
);
