package identity

import (
	"fmt"
	"io"
	"log"
	"log/slog"
	"os"
	"time"
)

// A clock reading whose name has an order word but whose every use is
// visible and only prints it for an operator: it orders, keys, versions
// and sends nothing, so the name alone is not evidence.

type scanConfig struct {
	Days   int64
	Millis bool
	Start  int64
}

func startOffset(cfg scanConfig) {
	offsetPrint := int64(time.Now().Unix())
	offsetSecs := cfg.Days * 24 * 60 * 60
	if cfg.Millis {
		offsetPrint = time.Now().UnixNano() / 1000000
		offsetSecs *= 1000
	}
	if cfg.Start > 0 {
		offsetPrint = cfg.Start
	} else if offsetSecs > 0 {
		offsetPrint = offsetPrint - offsetSecs
	}
	log.Printf("will collect data starting at TS %v", offsetPrint)
}

func declaredAndPrinted() {
	var startOffset = time.Now().Unix() - 3600
	fmt.Println("scanning from offset", startOffset)
}

func formattedThenLogged() {
	seq := time.Now().UnixNano()
	line := fmt.Sprintf("run seq %d", seq)
	log.Println(line)
}

func structuredLog() {
	offset := time.Now().UnixMilli()
	slog.Info("scan", "offset", offset)
}

func shownAsTime() {
	offset := time.Now().Unix() - 86400
	fmt.Fprintln(os.Stderr, time.Unix(offset, 0).Format(time.RFC3339))
}

type opLogger struct{}

func (opLogger) Infof(format string, args ...any) {}

func viaLogger(l opLogger) {
	version := time.Now().Format("20060102")
	l.Infof("build %s", version)
}

// Look-alikes: the same reading, logged too, but also kept, returned,
// compared, keyed, sent or out of view.

func loggedAndReturned() int64 {
	offset := time.Now().Unix() - 86400 // want `wall-clock time used as offset \(offset\)`
	log.Printf("starting at %d", offset)
	return offset
}

type scanner struct{ from int64 }

func loggedAndStored(s *scanner) {
	offset := time.Now().Unix() // want `wall-clock time used as offset \(offset\)`
	log.Printf("starting at %d", offset)
	s.from = offset
}

func loggedAndCompared(last int64) bool {
	offset := time.Now().Unix() // want `wall-clock time used as offset \(offset\)`
	log.Printf("starting at %d", offset)
	return offset > last
}

func loggedAndKeyed(seen map[int64]bool) {
	seq := time.Now().UnixNano() // want `wall-clock time used as seq \(seq\)`
	log.Printf("seq %d", seq)
	seen[seq] = true
}

type db struct{}

func (db) Exec(query string, args ...any) {}

func storedThroughVariadic(d db) {
	version := time.Now().Unix() // want `wall-clock time used as version \(version\)`
	d.Exec("UPDATE state SET version = ?", version)
}

func written(w io.Writer) {
	seq := time.Now().UnixNano() // want `wall-clock time used as seq \(seq\)`
	fmt.Fprintf(w, "seq %d\n", seq)
}

func formattedThenSent() {
	offset := time.Now().Unix() // want `wall-clock time used as offset \(offset\)`
	s := fmt.Sprintf("%d", offset)
	send(0, s)
}

func captured() func() int64 {
	offset := time.Now().Unix() // want `wall-clock time used as offset \(offset\)`
	return func() int64 { return offset }
}

func addressTaken() *int64 {
	offset := time.Now().Unix() // want `wall-clock time used as offset \(offset\)`
	log.Print(offset)
	return &offset
}

func namedResult() (offset int64) {
	offset = time.Now().Unix() // want `wall-clock time used as offset \(offset\)`
	log.Print(offset)
	return
}
