// Package gorm is a stand-in for gorm.io/gorm.
package gorm

import "context"

type DB struct{ Error error }

func (db *DB) WithContext(ctx context.Context) *DB                  { return db }
func (db *DB) Model(value any) *DB                                  { return db }
func (db *DB) Where(query any, args ...any) *DB                     { return db }
func (db *DB) Create(value any) *DB                                 { return db }
func (db *DB) Save(value any) *DB                                   { return db }
func (db *DB) Update(column string, value any) *DB                  { return db }
func (db *DB) Updates(values any) *DB                               { return db }
func (db *DB) Delete(value any, conds ...any) *DB                   { return db }
func (db *DB) Find(dest any, conds ...any) *DB                      { return db }
func (db *DB) First(dest any, conds ...any) *DB                     { return db }
func (db *DB) Exec(sql string, values ...any) *DB                   { return db }
func (db *DB) Begin() *DB                                           { return db }
func (db *DB) Commit() *DB                                          { return db }
func (db *DB) Rollback() *DB                                        { return db }
func (db *DB) Scopes(funcs ...func(*DB) *DB) *DB                    { return db }
func (db *DB) Transaction(fc func(tx *DB) error, opts ...any) error { return fc(db) }
func (db *DB) FindInBatches(dest any, batchSize int, fc func(tx *DB, batch int) error) *DB {
	return db
}
