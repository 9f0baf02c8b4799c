// Package store keeps analyses in a corpus store that commands search
// instead of analyzing again: documents with their text, content hash and
// analyzer version, the full analysis JSON, and queryable tables of
// directives, entities, keywords and targets with full-text search.
//
// Commands see the Store interface only; SQLite (modernc.org/sqlite, pure
// Go, FTS5) is its one implementation, so that another backend (PostgreSQL
// for teams) can follow without touching the commands.
package store
