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
	openOutputs.stopped = true
	for o := range openOutputs.set {
		o.takeBack()
	}
	if !hold {
		openOutputs.Unlock()
	}
}

// handleSignals makes a signal that ends the process take back the -o
// file being written first; the process then ends by that signal, as it
// would have.
func handleSignals() {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	go func() {
		sig := <-ch
		takeBackOutputs(true)
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
