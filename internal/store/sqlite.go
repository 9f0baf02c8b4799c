package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"sync"

	_ "modernc.org/sqlite" // the database/sql driver "sqlite"
)

// SQLite is the Store on an SQLite file in WAL mode: searches and the
// workbench go on while an index writes.
type SQLite struct {
	db     *sql.DB
	path   string
	window int // rankWindow
	// packers keep their gzip writers from one Write to the next
	packers sync.Pool
}

func (s *SQLite) packer() *packer {
	if p, ok := s.packers.Get().(*packer); ok {
		return p
	}
	return &packer{}
}

var _ Store = (*SQLite)(nil)

// Page cache of each connection, in KiB: readers keep a large store's
// hot pages; an index writes mostly new pages and needs few of them
// (SQLite's memory is outside Go's heap and its soft limit, and the
// driver's allocator gives an 8 KiB page a 16 KiB slot: a fresh index of
// the work reports peaked at 222 MB with 128 MiB, about 170 with 4 MiB, at
// the same CPU; 2 MiB with 16,000-character batches: 149 MB). Since a
// first index creates its secondary indexes at the end (bulk.go), its
// writes are mostly appends: 512 KiB took 2-3 MB off its peak at the
// same CPU (150 MB against 152-154 with 2 MiB, 2026-12-07).
const (
	readCacheKiB  = 131072
	indexCacheKiB = 512
)

// pageSize is the page size of a new store, twice SQLite's default: an
// index of the work reports spends about a sixth less CPU in B-tree
// balancing, statement journals and page-cache allocations. A store's
// page size is fixed once it is in WAL mode, so older stores keep theirs.
const pageSize = 8192

// Open opens (creating it if needed) the store at path and brings its
// schema up to date.
func Open(ctx context.Context, path string) (*SQLite, error) {
	return open(ctx, path, readCacheKiB)
}

// OpenForIndex is Open with a page cache sized for writing.
func OpenForIndex(ctx context.Context, path string) (*SQLite, error) {
	return open(ctx, path, indexCacheKiB)
}

func open(ctx context.Context, path string, cacheKiB int) (*SQLite, error) {
	if err := create(ctx, path); err != nil {
		return nil, fmt.Errorf("create store %s: %w", path, err)
	}
	q := url.Values{}
	for _, p := range []string{"busy_timeout(10000)", "journal_mode(WAL)", "synchronous(NORMAL)", "foreign_keys(ON)",
		fmt.Sprintf("cache_size(-%d)", cacheKiB), "temp_store(MEMORY)"} {
		q.Add("_pragma", p)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	s := &SQLite{db: db, path: path, window: rankWindow}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	if err := s.RestoreIndexes(ctx); err != nil { // after a first index that crashed
		db.Close()
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	return s, nil
}

// create makes an empty store file with pageSize pages when path does
// not exist. The driver applies its _pragma list sorted by name, so
// journal_mode would come before page_size and fix the default.
func create(ctx context.Context, path string) error {
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		return nil // there, or unreadable: open reports it
	}
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		return err
	}
	defer db.Close()
	conn, err := db.Conn(ctx) // page_size holds for one connection
	if err != nil {
		return err
	}
	defer conn.Close()
	for _, q := range []string{fmt.Sprintf("PRAGMA page_size = %d", pageSize), "PRAGMA journal_mode = WAL"} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}

// Close closes the database.
func (s *SQLite) Close() error { return s.db.Close() }

// migrate runs the migrations the file has not had yet, each in its own
// transaction.
func (s *SQLite) migrate(ctx context.Context) error {
	var have int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&have); err != nil {
		return fmt.Errorf("not an SQLite database, or unreadable: %w", err)
	}
	if have > len(migrations) {
		return fmt.Errorf("schema version %d is newer than this policylens knows (%d)", have, len(migrations))
	}
	for v := have; v < len(migrations); v++ {
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, migrations[v].sql); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %d: %w", v+1, err)
		}
		if fill := migrations[v].fill; fill != nil {
			if err := fill(ctx, tx); err != nil {
				tx.Rollback()
				return fmt.Errorf("migration %d: %w", v+1, err)
			}
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %d: %w", v+1, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migration %d: %w", v+1, err)
		}
	}
	return nil
}

// Stats counts what the store holds.
func (s *SQLite) Stats(ctx context.Context) (Stats, error) {
	var st Stats
	err := s.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM directives),
		(SELECT count(*) FROM entities), (SELECT count(*) FROM inputs WHERE complete)`).
		Scan(&st.Documents, &st.Directives, &st.Entities, &st.Inputs)
	return st, err
}
