package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"sync"
	"time"

	"go.mongodb.org/mongo-driver/x/bsonx/bsoncore"
)

type proxyConfig struct {
	serialize     string        // writes, all or none
	deadline      time.Duration // watchdog; 0 is off
	maxStatements int           // split update commands above this; 0 is off
	testHooks     bool
}

// runProxy is the parent process. It validates the flags, keeps a FerretDB
// child running, and proxies client connections to that child.
func runProxy(ctx context.Context, listen string, o options, cfg proxyConfig) error {
	// Loopback only: FerretDB here has no authentication.
	host, _, err := net.SplitHostPort(listen)
	if err != nil {
		return fmt.Errorf("bad -listen %q: %w", listen, err)
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("-listen must be a loopback address, got %q", listen)
	}
	if err := new(slog.Level).UnmarshalText([]byte(o.logging)); err != nil {
		return fmt.Errorf("bad -log-level %q: %w", o.logging, err)
	}
	switch cfg.serialize {
	case "writes", "all", "none":
	default:
		return fmt.Errorf("bad -serialize %q: want writes, all or none", cfg.serialize)
	}
	if cfg.deadline < 0 || cfg.maxStatements < 0 {
		return errors.New("-deadline and -max-update-statements must not be negative")
	}
	childArgs := []string{"-backend", o.backend, "-log-level", o.logging}
	where := ""
	switch o.backend {
	case "sqlite":
		abs, err := filepath.Abs(o.dir) // the child must not depend on the working directory
		if err != nil {
			return err
		}
		if err := os.MkdirAll(abs, 0o755); err != nil {
			return fmt.Errorf("create data dir: %w", err)
		}
		childArgs = append(childArgs, "-dir", abs)
		where = "sqlite " + abs
	case "postgresql":
		if o.pgURL == "" {
			return errors.New("-backend postgresql needs -postgresql-url")
		}
		childArgs = append(childArgs, "-postgresql-url", o.pgURL)
		where = "postgresql"
	default:
		return fmt.Errorf("bad -backend %q: want sqlite or postgresql", o.backend)
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
		args:   append([]string{self, "-child-socket", socket}, childArgs...),
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
	fmt.Fprintf(os.Stderr, "ferretdb: listening on %s (%s, serialize=%s, deadline=%s, max-update-statements=%d, test-hooks=%v, pid %d)\n",
		ln.Addr(), where, cfg.serialize, cfg.deadline, cfg.maxStatements, cfg.testHooks, os.Getpid())

	p := &proxy{sup: sup, cfg: cfg, conns: map[net.Conn]struct{}{}}
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

// proxy relays MongoDB wire protocol messages between TCP clients and the child.
//
// Locking (with -serialize=writes, the default): write commands hold write,
// so at most one runs at a time and FerretDB's read-modify-write updates
// cannot lose each other's changes. Reads take no write lock and may run
// beside each other and beside the one write in flight. That is safe because
// FerretDB's lost updates are between two writes only: each document a write
// changes is one backend statement (SQLite in WAL mode, PostgreSQL's MVCC), so
// a read sees every document either before or after a write, never half of
// it. That is what MongoDB gives too (a multi-document write is visible part
// way through on MongoDB as well). So a long write, such as a large usage
// bulk, never stalls the data API or a token lookup.
//
// Every request also holds life shared. A restart after a panic holds it
// exclusively, so no request is in flight while that restart runs. The
// watchdog does not wait for it: it restarts at once, because other requests
// may be stuck behind the same fault.
type proxy struct {
	sup   *supervisor
	cfg   proxyConfig
	write sync.Mutex
	life  sync.RWMutex

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

// errWatchdog means the child did not answer within the deadline.
var errWatchdog = errors.New("no reply within the watchdog deadline")

// request is one client message and what the proxy knows about it.
type request struct {
	msg   []byte
	name  string        // command name, "" if the message could not be parsed
	read  bool          // only reads
	stall time.Duration // test hook: do not send, wait this long for a reply that never comes
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
		msg, err := readMessage(cr)
		if err != nil {
			return
		}
		req := p.classify(msg)
		res, gen, err := p.exchange(&b, req)
		if err != nil && !errors.Is(err, errWatchdog) && gen != p.sup.generation() && req.read && req.name != "getMore" && req.name != "killCursors" {
			// The watchdog recycled the child while this read ran (the
			// stuck command may have held the backend's pool). A read is
			// safe to repeat, on the new child.
			res, gen, err = p.exchange(&b, req)
		}
		switch {
		case err == nil:
			fixDuplicateKeyCode(res)
			if _, err := client.Write(res); err != nil {
				return
			}
			continue
		case errors.Is(err, errWatchdog):
			res = errorReply(msg, 50, "MaxTimeMSExpired", fmt.Sprintf(
				"the store did not answer %q within %s: the command was abandoned (it may have been applied in part) and the store restarted; retry it",
				req.name, p.cfg.deadline))
		case gen != p.sup.generation():
			res = errorReply(msg, 1, "InternalError", "the store restarted while this command ran (another command passed the watchdog deadline); it may or may not have been applied")
		default:
			// The child dropped the connection without replying: it
			// panicked on this request (or it crashed). A panic can leak an
			// iterator whose finalizer kills the process later, so restart
			// the child now, while no request is in flight.
			fmt.Fprintf(os.Stderr, "ferretdb: FerretDB dropped a connection mid-request (%v)\n", err)
			p.life.Lock()
			p.sup.restart(gen, 10*time.Second, "after a panic, before its leaked resources can crash it")
			p.life.Unlock()
			res = errorReply(msg, 1, "InternalError", "FerretDB could not run this command (it panicked; likely unsupported, see the ferretdb log)")
		}
		// We can build an error reply only for OP_MSG.
		if opCode(msg) != opMsg {
			return
		}
		if _, err := client.Write(res); err != nil {
			return
		}
	}
}

func (p *proxy) classify(msg []byte) request {
	name, body := commandName(msg)
	req := request{msg: msg, name: name, read: isRead(name, body)}
	if p.cfg.testHooks && name == "$tollgateSleep" {
		ms, _ := body.Lookup("$tollgateSleep").AsInt64OK()
		req.stall = time.Duration(max(ms, 1)) * time.Millisecond
		as, _ := body.Lookup("as").StringValueOK()
		req.read = as == "read" // a write unless asked otherwise
	}
	return req
}

// exchange runs one request against the child under the locks its kind
// needs, and returns the reply and the child generation it ran on.
func (p *proxy) exchange(b *backend, req request) ([]byte, int, error) {
	if p.cfg.serialize == "all" || (p.cfg.serialize == "writes" && !req.read) {
		p.write.Lock()
		defer p.write.Unlock()
	}
	p.life.RLock()
	defer p.life.RUnlock()

	res, err := p.run(b, req)
	if errors.Is(err, errWatchdog) {
		// Restart before the write lock is released, so that the next write
		// does not go to the stuck child.
		fmt.Fprintf(os.Stderr, "ferretdb: watchdog: %q got no reply within %s\n", req.name, p.cfg.deadline)
		p.sup.restart(b.gen, 2*time.Second, "the watchdog deadline passed")
	}
	return res, b.gen, err
}

func (p *proxy) run(b *backend, req request) ([]byte, error) {
	if req.stall > 0 {
		return p.stall(b, req)
	}
	if p.cfg.maxStatements > 0 {
		if chunks, ordered := splitUpdate(req.msg, p.cfg.maxStatements); chunks != nil {
			var t updateTotals
			for i, c := range chunks {
				res, err := p.roundTrip(b, c)
				if err != nil {
					return nil, err
				}
				body, err := replyBody(res)
				if err != nil || !t.add(body, int32(i*p.cfg.maxStatements)) {
					return res, nil // a command error: the client sees it as is
				}
				if ordered && len(t.writeErrors) > 0 {
					break // an ordered update stops at its first error
				}
			}
			return t.reply(req.msg), nil
		}
	}
	return p.roundTrip(b, req.msg)
}

// connect makes sure b is connected to the current child.
func (p *proxy) connect(b *backend) error {
	if b.conn != nil && b.gen != p.sup.generation() {
		b.close()
	}
	if b.conn == nil {
		c, gen, err := p.sup.dial(context.Background(), 15*time.Second)
		b.gen = gen
		if err != nil {
			return err
		}
		b.conn, b.r = c, bufio.NewReader(c)
	}
	return nil
}

// roundTrip sends msg to the child and reads the reply, within the deadline.
func (p *proxy) roundTrip(b *backend, msg []byte) ([]byte, error) {
	if err := p.connect(b); err != nil {
		return nil, err
	}
	if p.cfg.deadline > 0 {
		_ = b.conn.SetDeadline(time.Now().Add(p.cfg.deadline))
	}
	_, err := b.conn.Write(msg)
	var res []byte
	if err == nil {
		res, err = readMessage(b.r)
	}
	if err != nil {
		b.close()
		if errors.Is(err, os.ErrDeadlineExceeded) {
			return nil, errWatchdog
		}
		return nil, err
	}
	_ = b.conn.SetDeadline(time.Time{})
	return res, nil
}

// stall is the -test-hooks command {$tollgateSleep: ms, as: "write"|"read"}.
// It takes the locks of a write (or of a read) and waits on the child for a reply it never asked for, which is what
// a stuck command looks like to the proxy. Shorter than the deadline, it
// answers {ok: 1} when the time is up; as long or longer, the watchdog ends
// it the way it ends any stuck command.
func (p *proxy) stall(b *backend, req request) ([]byte, error) {
	if err := p.connect(b); err != nil {
		return nil, err
	}
	wait := req.stall
	if p.cfg.deadline > 0 && p.cfg.deadline < wait {
		wait = p.cfg.deadline
	}
	_ = b.conn.SetDeadline(time.Now().Add(wait))
	_, err := readMessage(b.r)
	b.close() // the connection's framing is unknown after a read that timed out
	if !errors.Is(err, os.ErrDeadlineExceeded) {
		return nil, fmt.Errorf("test hook: unexpected read from the child: %v", err)
	}
	if wait < req.stall {
		return nil, errWatchdog
	}
	idx, doc := bsoncore.AppendDocumentStart(nil)
	doc = bsoncore.AppendDoubleElement(doc, "ok", 1)
	doc, _ = bsoncore.AppendDocumentEnd(doc, idx)
	return buildOpMsg([]byte{0, 0, 0, 0}, req.msg[4:8], 0, doc), nil
}
