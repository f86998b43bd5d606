package main

import (
	"errors"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"
)

// openOutputs are the -o files being written: the files a signal that ends
// the process (Ctrl-C, kill, a closed terminal) would otherwise leave
// partial, as a failed command does not. Writes to them hold the lock, so
// that takeBackOutputs finds no write under way and lets none follow.
var openOutputs struct {
	sync.Mutex
	set     map[*lazyOutput]struct{}
	stopped bool // taken back: the process is ending
}

// errInterrupted is what a write to an -o file returns once the outputs
// have been taken back.
var errInterrupted = errors.New("interrupted")

// writeOpen writes p to o's open file, unless the outputs were taken back.
func (o *lazyOutput) writeOpen(p []byte) (int, error) {
	openOutputs.Lock()
	defer openOutputs.Unlock()
	if openOutputs.stopped {
		return 0, errInterrupted
	}
	return o.f.Write(p)
}

// track records (or, with on false, forgets) o's open file.
func (o *lazyOutput) track(on bool) {
	openOutputs.Lock()
	defer openOutputs.Unlock()
	if on {
		if openOutputs.set == nil {
			openOutputs.set = map[*lazyOutput]struct{}{}
		}
		openOutputs.set[o] = struct{}{}
	} else {
		delete(openOutputs.set, o)
	}
}

// takeBackOutputs takes back every -o file being written, as Abort does
// for a command that fails: a file this run created is removed, an
// existing regular file it began to write is left empty. Writes after it
// fail. With hold it returns with the lock still held, so that nothing is
// written, closed or kept while the process ends.
func takeBackOutputs(hold bool) {
	openOutputs.Lock()
	takeBackLocked()
	if !hold {
		openOutputs.Unlock()
	}
}

// takeBackLocked is takeBackOutputs with the lock held by the caller.
func takeBackLocked() {
	openOutputs.stopped = true
	for o := range openOutputs.set {
		o.takeBack()
	}
}

// takeBackWait bounds how long a signal waits for the write under way to
// an -o file before the process ends without taking the outputs back.
const takeBackWait = time.Second

// tryTakeBackOutputs is takeBackOutputs(true) for a signal: it returns
// true with the outputs taken back and the lock held, or false, having
// touched nothing, when the lock stayed held by a write for wait or
// another signal came on again first. A write to a pipe, FIFO or
// terminal whose reader has stalled never returns, and holds the lock
// while it blocks: waiting for the lock there would leave the process
// deaf to the signals that should end it (kill -TERM, Ctrl-C), stuck
// until SIGKILL.
func tryTakeBackOutputs(wait time.Duration, again <-chan os.Signal) bool {
	if !openOutputs.TryLock() {
		deadline := time.NewTimer(wait)
		defer deadline.Stop()
		poll := time.NewTicker(5 * time.Millisecond)
		defer poll.Stop()
		for !openOutputs.TryLock() {
			select {
			case <-deadline.C:
				return false
			case <-again:
				return false
			case <-poll.C:
			}
		}
	}
	takeBackLocked()
	return true
}

// handleSignals makes a signal that ends the process take back the -o
// file being written first; the process then ends by that signal, as it
// would have. A write that blocks (an -o pipe or terminal whose reader
// stalls) keeps the file from being taken back, not the process from
// ending: after takeBackWait, or at a second signal, it ends without.
// Signals the process was started with ignored are left ignored.
func handleSignals() {
	var sigs []os.Signal
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP} {
		// A signal the process was started with ignored (nohup, a
		// background job of a shell script) stays ignored, as in a Go
		// program that never asks for it: Notify would undo that, and
		// the hangup nohup guards against would end the command.
		if !signal.Ignored(sig) {
			sigs = append(sigs, sig)
		}
	}
	if len(sigs) == 0 {
		return
	}
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, sigs...)
	go func() {
		sig := <-ch
		tryTakeBackOutputs(takeBackWait, ch)
		signal.Reset(sig)
		if p, err := os.FindProcess(os.Getpid()); err == nil && p.Signal(sig) == nil {
			time.Sleep(time.Second)
		}
		code := 1
		if s, ok := sig.(syscall.Signal); ok {
			code = 128 + int(s)
		}
		os.Exit(code)
	}()
}
