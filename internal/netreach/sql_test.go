package netreach

import "testing"

func TestStatementOf(t *testing.T) {
	for _, tc := range []struct {
		text string
		want Statement
	}{
		{"", StmtUnknown},
		{"   ", StmtUnknown},
		{"SELECT * FROM t", StmtRead},
		{"select 1", StmtRead},
		{"EXPLAIN SELECT 1", StmtRead},
		{"-- the outbox\nINSERT INTO outbox VALUES ($1)", StmtInsert},
		{"/* hint */ UPDATE t SET a = 1", StmtUpdate},
		{"delete from t where id = ?", StmtUpdate},
		{"UPSERT INTO t VALUES (1)", StmtInsert},
		{"REPLACE INTO t VALUES (1)", StmtInsert},
		{"WITH x AS (SELECT 1) SELECT * FROM x", StmtRead},
		{"WITH moved AS (DELETE FROM a RETURNING *) INSERT INTO b SELECT * FROM moved", StmtInsert},
		{"WITH x AS (SELECT 1) UPDATE t SET a = 1", StmtUpdate},
		{"CREATE TABLE t (a int)", StmtOther},
		{"SET search_path = x", StmtOther},
		{"(SELECT 1)", StmtRead},
	} {
		if got := StatementOf(tc.text); got != tc.want {
			t.Errorf("StatementOf(%q) = %d, want %d", tc.text, got, tc.want)
		}
	}
	if !StmtInsert.Write() || !StmtUpdate.Write() || StmtRead.Write() || StmtOther.Write() || StmtUnknown.Write() {
		t.Error("Write: only inserts and updates write")
	}
}
