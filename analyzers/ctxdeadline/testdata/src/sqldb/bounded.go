package sqldb

import (
	"context"
	"database/sql"
	"os"
)

// Databases opened by the name of a driver with no server to stall
// (sqlite, sqlite3, duckdb: embedded) or whose client bounds every
// request (rqlite: gorqlite's http.Client has a Timeout): no finding.

func embeddedLocal(path string) error {
	db, err := sql.Open("sqlite", path)
	if err != nil {
		return err
	}
	_, err = db.ExecContext(context.Background(), "DELETE FROM t") // no finding: an embedded database
	return err
}

// A package-level handle opened by a package-level driver name that
// only ever holds "sqlite" or "rqlite".
var (
	storeDB     *sql.DB
	storeDriver string
)

func initStore(dsn string) error {
	if len(dsn) > 7 && dsn[:7] == "http://" {
		storeDriver = "rqlite"
	} else {
		storeDriver = "sqlite"
	}
	var err error
	storeDB, err = sql.Open(storeDriver, dsn)
	return err
}

func closeStore() {
	storeDB.Close()
	storeDB = nil
}

func pruneStore() error {
	tx, err := storeDB.BeginTx(context.Background(), nil) // no finding: sqlite or rqlite
	if err != nil {
		return err
	}
	return tx.Commit()
}

// A package-level handle assigned in an init function.
var cacheDB *sql.DB

const cacheDriver = "sqlite3"

func init() {
	db, err := sql.Open(cacheDriver, os.Getenv("CACHE"))
	if err != nil {
		panic(err)
	}
	cacheDB = db
}

func cacheRows() (*sql.Rows, error) {
	return cacheDB.QueryContext(context.Background(), "SELECT 1") // no finding: an embedded database
}

// Look-alikes: a server database, a driver name from a parameter or a
// configuration field, and a package-level handle also given a
// database from outside are databases like any other.

func serverDB(dsn string) error {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return err
	}
	_, err = db.ExecContext(context.Background(), "DELETE FROM t") // want `\(\*sql.DB\).ExecContext with context.Background\(\)`
	return err
}

func driverParam(driver, dsn string) error {
	db, err := sql.Open(driver, dsn)
	if err != nil {
		return err
	}
	_, err = db.ExecContext(context.Background(), "DELETE FROM t") // want `\(\*sql.DB\).ExecContext with context.Background\(\)`
	return err
}

type dbConfig struct {
	Driver string
	DSN    string
}

var configDB *sql.DB

func openConfigured(cfg dbConfig) (err error) {
	configDB, err = sql.Open(cfg.Driver, cfg.DSN)
	return err
}

func configRows() (*sql.Rows, error) {
	return configDB.QueryContext(context.Background(), "SELECT 1") // want `\(\*sql.DB\).QueryContext with context.Background\(\)`
}

// A global driver name that is sqlite in one branch and mysql in the
// other.
var mixedDriver string

var mixedDB *sql.DB

func openMixed(local bool, dsn string) (err error) {
	mixedDriver = "mysql"
	if local {
		mixedDriver = "sqlite"
	}
	mixedDB, err = sql.Open(mixedDriver, dsn)
	return err
}

func mixedRows() (*sql.Rows, error) {
	return mixedDB.QueryContext(context.Background(), "SELECT 1") // want `\(\*sql.DB\).QueryContext with context.Background\(\)`
}

// A package-level sqlite handle that can also be replaced by the
// caller's database.
var sharedDB *sql.DB

func openShared(path string) (err error) {
	sharedDB, err = sql.Open("sqlite", path)
	return err
}

func UseDB(db *sql.DB) { sharedDB = db }

func sharedRows() (*sql.Rows, error) {
	return sharedDB.QueryContext(context.Background(), "SELECT 1") // want `\(\*sql.DB\).QueryContext with context.Background\(\)`
}
