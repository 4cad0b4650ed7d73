package sqldb

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"net"
	"sync"
)

// A driver's scratch database: sql.OpenDB over a connector of this
// package whose Connect does no I/O. It serves rows the process already
// holds (a stored procedure's table output handed back through
// database/sql), so nothing can stall: no finding.

type memConnector struct{}

func (memConnector) Connect(context.Context) (driver.Conn, error) { return memConn{}, nil }
func (memConnector) Driver() driver.Driver                        { return nil }

type memConn struct{}

func (memConn) Prepare(string) (driver.Stmt, error) { return nil, errors.New("not supported") }
func (memConn) Close() error                        { return nil }
func (memConn) Begin() (driver.Tx, error)           { return nil, errors.New("not supported") }

type scratch struct {
	mu sync.Mutex
	db *sql.DB
}

var scratchDB = &scratch{}

func (s *scratch) get() *sql.DB {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.db == nil {
		s.db = sql.OpenDB(new(memConnector))
	}
	return s.db
}

func (s *scratch) release() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.db != nil {
		s.db.Close()
		s.db = nil
	}
}

func outputRows(arg any) (*sql.Rows, error) {
	return scratchDB.get().QueryContext(context.Background(), "", arg) // no finding: an in-process driver
}

func outputRowLocal(arg any) *sql.Row {
	db := sql.OpenDB(memConnector{})
	return db.QueryRowContext(context.Background(), "", arg) // no finding: an in-process driver
}

// Look-alikes: a connector of this package that dials, a database
// opened by driver name, and a connector from elsewhere are databases
// like any other.

type dialConnector struct{ addr string }

func (d dialConnector) Connect(ctx context.Context) (driver.Conn, error) {
	c, err := net.Dial("tcp", d.addr)
	if err != nil {
		return nil, err
	}
	c.Close()
	return memConn{}, nil
}
func (dialConnector) Driver() driver.Driver { return nil }

func remoteRows(addr string) (*sql.Rows, error) {
	db := sql.OpenDB(dialConnector{addr: addr})
	return db.QueryContext(context.Background(), "SELECT 1") // want `\(\*sql.DB\).QueryContext with context.Background\(\)`
}

func byName(dsn string) (*sql.Rows, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	return db.QueryContext(context.Background(), "SELECT 1") // want `\(\*sql.DB\).QueryContext with context.Background\(\)`
}

func givenConnector(c driver.Connector) (*sql.Rows, error) {
	return sql.OpenDB(c).QueryContext(context.Background(), "SELECT 1") // want `\(\*sql.DB\).QueryContext with context.Background\(\)`
}

// A field that is also given a database from elsewhere is out of view.
type mixed struct{ db *sql.DB }

func newMixed(db *sql.DB) *mixed {
	if db == nil {
		return &mixed{db: sql.OpenDB(memConnector{})}
	}
	return &mixed{db: db}
}

func (m *mixed) rows() (*sql.Rows, error) {
	return m.db.QueryContext(context.Background(), "SELECT 1") // want `\(\*sql.DB\).QueryContext with context.Background\(\)`
}
