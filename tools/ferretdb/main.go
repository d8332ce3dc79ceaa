// Command ferretdb is a small wrapper around embeddable FerretDB v1.24.2. It
// gives Tollgate's dev and CI scripts a server that speaks the MongoDB wire
// protocol on machines that have no mongod and can reach only package
// registries (no mongod download, no Docker). scripts/services.sh builds and
// starts it.
//
// Why embed instead of `go install .../cmd/ferretdb`: the upstream command
// panics unless release-generated version files exist. The embeddable
// package (github.com/FerretDB/FerretDB/ferretdb) does not need them.
//
// Backends: `-backend postgresql` (what services.sh runs by default, on its
// own PostgreSQL server) or `-backend sqlite` (pure Go, modernc.org/sqlite:
// no server to run). FerretDB 1.24 pushes equality filters down to
// PostgreSQL, which uses them on its own indexes; with SQLite nearly every
// filtered query is a scan of the collection in Go. README ("MongoDB vs
// FerretDB") has the measurements.
//
// It runs as two processes, for FerretDB v1 problems we saw in tests:
//
//   - Lost updates: FerretDB v1 applies an update as "read the document,
//     change it in Go, write it back", with no lock. Concurrent `$inc` or
//     `findOneAndUpdate` calls on the same document lose writes (in one test,
//     200 parallel `$inc` calls left the counter at 21). MongoDB applies each
//     single-document write atomically, and code written for MongoDB assumes
//     it. So the parent process is a proxy on the public TCP port, and it
//     sends one write command at a time to FerretDB. Reads do not wait: see
//     proxy.go for why that is safe. `-serialize` chooses the policy.
//   - A command that never ends: FerretDB 1.24 holds one pooled backend
//     connection per statement of an update command until the command ends,
//     so an update with more statements than the pool has connections waits
//     forever. The proxy splits large update commands (see splitUpdate), and
//     a watchdog gives every command a deadline (`-deadline`): a command that
//     passes it gets an error reply, and the child is recycled (restarted on
//     the same data), so one stuck command cannot hold every other client.
//   - Crashes: some requests (for example inserting a Decimal128) panic inside
//     FerretDB. FerretDB recovers and closes only that connection, but a
//     leaked iterator's finalizer can panic later and kill the whole process.
//     The parent supervises the FerretDB child and restarts it on the same
//     data, so the public port never goes away. After any panic it also
//     restarts the child on purpose, with no request in flight, before a
//     leaked finalizer can crash it. The client whose command panicked gets
//     a MongoDB error reply (code 1) instead of a dropped connection.
//
// The proxy also changes one error code. A unique index violation caused by
// an update comes back from FerretDB as code 1. The proxy turns it into
// 11000, as MongoDB reports it (see fixDuplicateKeyCode).
//
// Usage:
//
//	ferretdb -listen 127.0.0.1:27017 -dir DATA_DIR [-backend sqlite]
//	ferretdb -listen 127.0.0.1:27017 -backend postgresql -postgresql-url postgres://...
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

// options are the flags that the parent passes on to its child.
type options struct {
	backend string
	dir     string
	pgURL   string
	logging string
}

func main() {
	var o options
	listen := flag.String("listen", "127.0.0.1:27017", "TCP address to listen on (loopback only)")
	flag.StringVar(&o.backend, "backend", "sqlite", "FerretDB backend: sqlite or postgresql")
	flag.StringVar(&o.dir, "dir", "ferretdb-data", "SQLite data directory (created if missing)")
	flag.StringVar(&o.pgURL, "postgresql-url", "", "PostgreSQL URL for -backend postgresql, e.g. postgres://user@127.0.0.1:5432/ferretdb")
	// The default is error because at warn FerretDB logs every failed command,
	// for example each "not implemented", as a multi-line dump.
	flag.StringVar(&o.logging, "log-level", "error", "FerretDB log level: debug, info, warn or error")
	serialize := flag.String("serialize", "writes", "which commands run one at a time: writes (reads run side by side), all, or none")
	deadline := flag.Duration("deadline", 20*time.Second, "watchdog: a command the server has not answered after this long fails, and the server is restarted (0 turns it off)")
	maxStatements := flag.Int("max-update-statements", 32, "split update commands into commands of at most this many statements (0 turns it off)")
	testHooks := flag.Bool("test-hooks", false, `tests only: accept {$tollgateSleep: ms, as: "write"|"read"}, a command that stalls like a stuck one`)
	childSocket := flag.String("child-socket", "", "internal: run the FerretDB server on this Unix socket")
	flag.Parse()

	// The stop signal is SIGTERM or SIGINT. Cancelling the context shuts
	// everything down cleanly and exits 0, so `kill PID` is a normal stop.
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()
	if *childSocket != "" {
		// The parent decides when the child stops. Ignore the Ctrl-C that a
		// terminal sends to the whole process group, or the parent would see
		// a "crash" while it is shutting down.
		signal.Ignore(syscall.SIGINT)
	}

	var err error
	if *childSocket != "" {
		err = runServer(ctx, *childSocket, o)
	} else {
		cfg := proxyConfig{serialize: *serialize, deadline: *deadline, maxStatements: *maxStatements, testHooks: *testHooks}
		err = runProxy(ctx, *listen, o, cfg)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "ferretdb: %v\n", err)
		os.Exit(1)
	}
}

// runServer is the child process: embedded FerretDB on a Unix socket that only
// the parent uses.
func runServer(ctx context.Context, socket string, o options) error {
	var level slog.Level
	if err := level.UnmarshalText([]byte(o.logging)); err != nil {
		return fmt.Errorf("bad -log-level %q: %w", o.logging, err)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	// If the parent dies, even from SIGKILL, our stdin pipe closes. We then
	// exit too, so no orphaned server is left running.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() { _, _ = io.Copy(io.Discard, os.Stdin); cancel() }()

	cfg := &ferretdb.Config{
		Listener: ferretdb.ListenerConfig{Unix: socket},
		Logger:   logger,
		Handler:  o.backend,
	}
	switch o.backend {
	case "sqlite":
		// The SQLite backend needs an existing directory, given as a "file:"
		// URI whose path ends with "/". Each MongoDB database becomes one
		// .sqlite file in that directory.
		cfg.SQLiteURL = (&url.URL{Scheme: "file", Path: strings.TrimSuffix(filepath.ToSlash(o.dir), "/") + "/"}).String()
	case "postgresql":
		cfg.PostgreSQLURL = o.pgURL
	}
	f, err := ferretdb.New(cfg)
	if err != nil {
		return err
	}
	// Run closes the listener, the connections and the backend once ctx is
	// cancelled, so no half-written WAL is left behind.
	return f.Run(ctx)
}
