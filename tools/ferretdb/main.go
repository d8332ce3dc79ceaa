// Command ferretdb is a small wrapper around embeddable FerretDB v1.24.2 with
// the SQLite backend. It gives Tollgate's dev and CI scripts a server that
// speaks the MongoDB wire protocol on machines that have no mongod and can
// reach only package registries (no mongod download, no Docker).
// scripts/services.sh builds and starts it.
//
// Why embed instead of `go install .../cmd/ferretdb`: the upstream command
// panics unless release-generated version files exist. The embeddable
// package (github.com/FerretDB/FerretDB/ferretdb) does not need them.
//
// Why SQLite: it is pure Go (modernc.org/sqlite), so a plain `go build`
// works: no cgo and no PostgreSQL server to run.
//
// It runs as two processes, for two FerretDB v1 problems we saw in tests:
//
//   - Lost updates: FerretDB v1 applies an update as "read the document,
//     change it in Go, write it back", with no lock. Concurrent `$inc` or
//     `findOneAndUpdate` calls on the same document lose writes (in one test,
//     200 parallel `$inc` calls left the counter at 21). MongoDB applies each
//     single-document write atomically, and code written for MongoDB assumes
//     it. So the parent process is a proxy on the public TCP port, and it
//     sends one request at a time to FerretDB (a global lock held for each
//     request/response pair). Every command then runs atomically, the way it
//     would on a one-thread server. `-serialize=false` turns this off.
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
//	ferretdb -listen 127.0.0.1:27017 -dir .local/services/ferretdb-data [-log-level error]
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "TCP address to listen on (loopback only)")
	dir := flag.String("dir", "ferretdb-data", "SQLite data directory (created if missing)")
	// The default is error because at warn FerretDB logs every failed command,
	// for example each "not implemented", as a multi-line dump.
	logLevel := flag.String("log-level", "error", "FerretDB log level: debug, info, warn or error")
	serialize := flag.Bool("serialize", true, "send one request at a time to FerretDB, so that each command is atomic")
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
		err = runServer(ctx, *childSocket, *dir, *logLevel)
	} else {
		err = runProxy(ctx, *listen, *dir, *logLevel, *serialize)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "ferretdb: %v\n", err)
		os.Exit(1)
	}
}

// runServer is the child process: embedded FerretDB on a Unix socket that only
// the parent uses.
func runServer(ctx context.Context, socket, dir, logLevel string) error {
	var level slog.Level
	if err := level.UnmarshalText([]byte(logLevel)); err != nil {
		return fmt.Errorf("bad -log-level %q: %w", logLevel, err)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	// If the parent dies, even from SIGKILL, our stdin pipe closes. We then
	// exit too, so no orphaned server is left running.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() { _, _ = io.Copy(io.Discard, os.Stdin); cancel() }()

	// The SQLite backend needs an existing directory, given as a "file:" URI
	// whose path ends with "/". Each MongoDB database becomes one .sqlite file
	// in that directory.
	sqliteURL := (&url.URL{Scheme: "file", Path: strings.TrimSuffix(filepath.ToSlash(dir), "/") + "/"}).String()

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{Unix: socket},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: sqliteURL,
	})
	if err != nil {
		return err
	}
	// Run closes the listener, the connections and the SQLite databases once
	// ctx is cancelled, so no half-written WAL is left behind.
	return f.Run(ctx)
}

// runProxy is the parent process. It validates the flags, keeps a FerretDB
// child running, and proxies client connections to that child.
func runProxy(ctx context.Context, listen, dir, logLevel string, serialize bool) error {
	// Loopback only: FerretDB here has no authentication.
	host, _, err := net.SplitHostPort(listen)
	if err != nil {
		return fmt.Errorf("bad -listen %q: %w", listen, err)
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("-listen must be a loopback address, got %q", listen)
	}
	if err := new(slog.Level).UnmarshalText([]byte(logLevel)); err != nil {
		return fmt.Errorf("bad -log-level %q: %w", logLevel, err)
	}
	abs, err := filepath.Abs(dir) // the child must not depend on the working directory
	if err != nil {
		return err
	}
	if err := os.MkdirAll(abs, 0o755); err != nil {
		return fmt.Errorf("create data dir: %w", err)
	}
	// The socket goes in a short temporary dir, because Unix socket paths are
	// limited to about 100 bytes and a clone's data dir can be deeper than that.
	sockDir, err := os.MkdirTemp("", "tollgate-ferretdb-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(sockDir)
	socket := filepath.Join(sockDir, "ferretdb.sock")

	// Bind the public port first, so a port clash fails at once.
	ln, err := net.Listen("tcp", listen)
	if err != nil {
		return err
	}
	defer ln.Close()

	self, err := os.Executable()
	if err != nil {
		return err
	}
	sup := &supervisor{
		args:   []string{self, "-child-socket", socket, "-dir", abs, "-log-level", logLevel},
		socket: socket,
		fatal:  make(chan error, 1),
	}
	if err := sup.start(); err != nil {
		return err
	}
	if err := sup.ready(ctx); err != nil {
		sup.stop()
		return fmt.Errorf("FerretDB did not start: %w", err)
	}
	fmt.Fprintf(os.Stderr, "ferretdb: listening on %s (sqlite %s, serialize=%v, pid %d)\n", ln.Addr(), abs, serialize, os.Getpid())

	p := &proxy{sup: sup, serialize: serialize, conns: map[net.Conn]struct{}{}}
	go p.serve(ln)

	select {
	case <-ctx.Done():
		err = nil
	case err = <-sup.fatal:
	}
	ln.Close()
	p.closeAll()
	sup.stop()
	if err == nil {
		fmt.Fprintln(os.Stderr, "ferretdb: stopped")
	}
	return err
}

// supervisor runs the FerretDB child. It restarts the child when the child
// crashes, or when the proxy asks for a restart after a panic.
type supervisor struct {
	args   []string
	socket string
	fatal  chan error // gets an error if the child keeps crashing

	mu       sync.Mutex
	child    *child
	gen      int // incremented on each start; a backend connection from an older generation is dead
	fast     int // crashes in a row, each within 10 s of its start
	stopping bool
}

type child struct {
	cmd    *exec.Cmd
	stdin  io.Closer
	exited chan struct{}
}

// start starts a new child. The caller holds s.mu, or is the only user.
func (s *supervisor) start() error {
	_ = os.Remove(s.socket) // a crashed child leaves its socket file behind
	cmd := exec.Command(s.args[0], s.args[1:]...)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	c := &child{cmd: cmd, stdin: stdin, exited: make(chan struct{})}
	s.child = c
	s.gen++
	go s.watch(c, time.Now())
	return nil
}

// watch waits for child c to exit. If that was not planned, it restarts c.
// It gives up after 5 crashes in a row that each came within 10 s of a start.
func (s *supervisor) watch(c *child, started time.Time) {
	_ = c.cmd.Wait()
	c.stdin.Close()
	close(c.exited)

	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stopping || s.child != c {
		return // stop() or restart() ended it on purpose
	}
	fmt.Fprintf(os.Stderr, "ferretdb: FerretDB child crashed (%v); restarting it on the same data\n", c.cmd.ProcessState)
	if time.Since(started) < 10*time.Second {
		s.fast++
	} else {
		s.fast = 0
	}
	if s.fast >= 5 {
		s.fatal <- errors.New("FerretDB child keeps crashing; giving up")
		return
	}
	time.Sleep(200 * time.Millisecond)
	if err := s.start(); err != nil {
		s.fatal <- err
	}
}

// ready waits until the current child accepts connections.
func (s *supervisor) ready(ctx context.Context) error {
	c, _, err := s.dial(ctx, 30*time.Second)
	if err == nil {
		c.Close()
	}
	return err
}

// dial connects to the child's socket, retrying until timeout. This hides
// the gap during a restart. It also returns the child's generation.
func (s *supervisor) dial(ctx context.Context, timeout time.Duration) (net.Conn, int, error) {
	deadline := time.Now().Add(timeout)
	for {
		s.mu.Lock()
		gen := s.gen
		s.mu.Unlock()
		c, err := net.DialTimeout("unix", s.socket, time.Second)
		if err == nil || time.Now().After(deadline) || ctx.Err() != nil {
			return c, gen, err
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (s *supervisor) generation() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.gen
}

// restart replaces the child with a fresh one on the same data. It does
// nothing if the child was already replaced since generation gen.
func (s *supervisor) restart(gen int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stopping || s.gen != gen {
		return
	}
	old := s.child
	s.child = nil // tells watch that this exit is planned
	terminate(old)
	fmt.Fprintln(os.Stderr, "ferretdb: restarting FerretDB child after a panic, before its leaked resources can crash it")
	if err := s.start(); err != nil {
		s.fatal <- err
	}
}

// stop ends the child for good.
func (s *supervisor) stop() {
	s.mu.Lock()
	s.stopping = true
	c := s.child
	s.mu.Unlock()
	if c != nil {
		terminate(c)
	}
}

// terminate sends SIGTERM to c, waits up to 10 s, then kills it.
func terminate(c *child) {
	_ = c.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-c.exited:
	case <-time.After(10 * time.Second):
		_ = c.cmd.Process.Kill()
		<-c.exited
	}
}

// proxy relays MongoDB wire protocol messages between TCP clients and the child.
type proxy struct {
	sup       *supervisor
	serialize bool
	// A request holds lock exclusively when serialize is set, and shared
	// otherwise. A planned restart holds it exclusively, so no request is in
	// flight while the restart runs.
	lock sync.RWMutex

	mu    sync.Mutex
	conns map[net.Conn]struct{}
}

func (p *proxy) serve(ln net.Listener) {
	for {
		c, err := ln.Accept()
		if err != nil {
			return // listener closed on shutdown
		}
		go p.handle(c)
	}
}

func (p *proxy) track(c net.Conn, add bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if add {
		p.conns[c] = struct{}{}
	} else {
		delete(p.conns, c)
	}
}

func (p *proxy) closeAll() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for c := range p.conns {
		c.Close()
	}
}

// backend is one client's connection to the child. Each client gets its own,
// so per-connection state such as cursors works as it does without the proxy.
type backend struct {
	conn net.Conn
	r    *bufio.Reader
	gen  int
}

func (b *backend) close() {
	if b.conn != nil {
		b.conn.Close()
		b.conn = nil
	}
}

// handle relays one client connection. FerretDB answers every request with
// exactly one reply: it ignores moreToCome, and it never advertises exhaust,
// compression or awaitable hello. So we relay strictly one reply per request.
func (p *proxy) handle(client net.Conn) {
	p.track(client, true)
	defer p.track(client, false)
	defer client.Close()
	var b backend
	defer b.close()

	cr := bufio.NewReader(client)
	for {
		req, err := readMessage(cr)
		if err != nil {
			return
		}
		lock, unlock := p.lock.RLock, p.lock.RUnlock
		if p.serialize {
			lock, unlock = p.lock.Lock, p.lock.Unlock
		}
		lock()
		res, gen, err := p.roundTrip(&b, req)
		unlock()
		if err == nil {
			fixDuplicateKeyCode(res)
			if _, err := client.Write(res); err != nil {
				return
			}
			continue
		}
		// The child dropped the connection without replying: it panicked on
		// this request (or it crashed). A panic can leak an iterator whose
		// finalizer kills the process later, so restart the child now, while
		// no request is in flight.
		fmt.Fprintf(os.Stderr, "ferretdb: FerretDB dropped a connection mid-request (%v)\n", err)
		p.lock.Lock()
		p.sup.restart(gen)
		p.lock.Unlock()
		// Answer with a MongoDB error instead of a network error, so that the
		// app sees what failed. We can build that reply only for OP_MSG.
		if len(req) < 16 || binary.LittleEndian.Uint32(req[12:16]) != opMsg {
			return
		}
		if _, err := client.Write(errorReply(req, "FerretDB could not run this command (it panicked; likely unsupported, see the ferretdb log)")); err != nil {
			return
		}
	}
}

// roundTrip sends req to the child and reads the reply. It first reconnects
// if the child has been restarted since b was connected.
func (p *proxy) roundTrip(b *backend, req []byte) ([]byte, int, error) {
	if b.conn != nil && b.gen != p.sup.generation() {
		b.close()
	}
	if b.conn == nil {
		c, gen, err := p.sup.dial(context.Background(), 15*time.Second)
		if err != nil {
			return nil, gen, err
		}
		b.conn, b.r, b.gen = c, bufio.NewReader(c), gen
	}
	gen := b.gen
	_, err := b.conn.Write(req)
	var res []byte
	if err == nil {
		res, err = readMessage(b.r)
	}
	if err != nil {
		b.close()
	}
	return res, gen, err
}

const opMsg = 2013

var (
	uniqueFailed = []byte("UNIQUE constraint failed")
	codeOne      = []byte("\x10code\x00\x01\x00\x00\x00") // BSON element code: int32(1)
)

// fixDuplicateKeyCode changes error code 1 to 11000 in a reply about a
// SQLite unique constraint. FerretDB gives code 11000 (DuplicateKey) only for
// inserts. A unique index violation from an update, a findAndModify or a
// createIndexes over duplicate data comes back as code 1 (InternalError),
// with "UNIQUE constraint failed" in errmsg. MongoDB uses 11000 for all of
// these, and app code checks for 11000. The int32 is patched in place, so no
// length changes. codeName stays "InternalError".
func fixDuplicateKeyCode(res []byte) {
	if !bytes.Contains(res, uniqueFailed) {
		return
	}
	for off := 0; ; {
		i := bytes.Index(res[off:], codeOne)
		if i < 0 {
			return
		}
		off += i + len(codeOne)
		binary.LittleEndian.PutUint32(res[off-4:off], 11000)
	}
}

// readMessage reads one whole wire message. Its first 4 bytes are its total
// length as a little-endian int32.
func readMessage(r *bufio.Reader) ([]byte, error) {
	var hdr [4]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return nil, err
	}
	n := int(int32(binary.LittleEndian.Uint32(hdr[:])))
	if n < 16 || n > 64<<20 { // from the header size to above MongoDB's 48 MB message limit
		return nil, fmt.Errorf("bad message length %d", n)
	}
	msg := make([]byte, n)
	copy(msg, hdr[:])
	if _, err := io.ReadFull(r, msg[4:]); err != nil {
		return nil, err
	}
	return msg, nil
}

// errorReply builds an OP_MSG reply to req:
// {ok: 0.0, errmsg: msg, code: 1, codeName: "InternalError"}.
func errorReply(req []byte, msg string) []byte {
	le := binary.LittleEndian
	var doc []byte
	doc = le.AppendUint32(doc, 0) // the length is filled in below
	doc = append(doc, 0x01)       // double
	doc = append(doc, "ok\x00"...)
	doc = le.AppendUint64(doc, 0) // 0.0
	doc = appendString(doc, "errmsg", msg)
	doc = append(doc, 0x10) // int32
	doc = append(doc, "code\x00"...)
	doc = le.AppendUint32(doc, 1)
	doc = appendString(doc, "codeName", "InternalError")
	doc = append(doc, 0x00)
	le.PutUint32(doc, uint32(len(doc)))

	var out []byte
	out = le.AppendUint32(out, uint32(16+4+1+len(doc))) // messageLength
	out = le.AppendUint32(out, 0)                       // requestID
	out = append(out, req[4:8]...)                      // responseTo = the request's requestID
	out = le.AppendUint32(out, opMsg)
	out = le.AppendUint32(out, 0) // flagBits
	out = append(out, 0)          // section kind 0: body
	return append(out, doc...)
}

func appendString(doc []byte, key, val string) []byte {
	doc = append(doc, 0x02) // string
	doc = append(doc, key...)
	doc = append(doc, 0)
	doc = binary.LittleEndian.AppendUint32(doc, uint32(len(val)+1))
	doc = append(doc, val...)
	return append(doc, 0)
}
