package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"sync"
	"syscall"
	"time"
)

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
// nothing if the child was already replaced since generation gen. grace is
// how long the old child gets to stop after SIGTERM before it is killed.
func (s *supervisor) restart(gen int, grace time.Duration, why string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stopping || s.gen != gen {
		return
	}
	old := s.child
	s.child = nil // tells watch that this exit is planned
	terminate(old, grace)
	fmt.Fprintf(os.Stderr, "ferretdb: restarting FerretDB child: %s\n", why)
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
		terminate(c, 10*time.Second)
	}
}

// terminate sends SIGTERM to c, waits up to grace, then kills it.
func terminate(c *child, grace time.Duration) {
	_ = c.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-c.exited:
	case <-time.After(grace):
		_ = c.cmd.Process.Kill()
		<-c.exited
	}
}

