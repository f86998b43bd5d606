//go:build unix

package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A command ended by a signal (Ctrl-C, kill, a closed terminal) leaves no
// partial output in its -o FILE either, as a command that fails does not:
// before the fix, json events interrupted while it streamed left the
// events printed so far in a file that looked like output (and had
// already destroyed what an existing one held). Now the file the run
// created is removed, an existing one left empty, and the process still
// ends by the signal. The command runs as a process (the test binary as
// lwscrypto, through TestMain), reading a JSON text that never ends from a
// pipe.
func TestSignalLeavesNoPartialOutput(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "lwscrypto")
	if err := os.Symlink(exe, bin); err != nil {
		t.Fatal(err)
	}
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		for _, existed := range []bool{false, true} {
			out := filepath.Join(dir, "events-"+sig.String()+".txt")
			if existed {
				if err := os.WriteFile(out, []byte("earlier\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			cmd := exec.Command(bin, "json", "events", "-o", out)
			stdin, err := cmd.StdinPipe()
			if err != nil {
				t.Fatal(err)
			}
			var errb strings.Builder
			cmd.Stderr = &errb
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// Enough events that some reach the file, then wait with the
			// array still open.
			if _, err := stdin.Write([]byte("[" + strings.Repeat(`{"a":1},`, 20000))); err != nil {
				t.Fatal(err)
			}
			deadline := time.Now().Add(20 * time.Second)
			for {
				st, err := os.Stat(out)
				if err == nil && st.Size() > int64(len("earlier\n")) {
					break
				}
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					cmd.Wait()
					t.Fatalf("%v: no events written to -o FILE", sig)
				}
				time.Sleep(10 * time.Millisecond)
			}
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			err = cmd.Wait()
			stdin.Close()
			var ee *exec.ExitError
			if !errors.As(err, &ee) {
				t.Fatalf("%v: wait: %v", sig, err)
			}
			if ws, ok := ee.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != sig {
				t.Errorf("%v: the process ended with %v, not by the signal; stderr %q", sig, err, errb.String())
			}
			b, err := os.ReadFile(out)
			switch {
			case existed && err != nil:
				t.Errorf("%v: the -o FILE that existed: %v; want it left empty", sig, err)
			case existed && len(b) != 0:
				t.Errorf("%v: the -o FILE that existed holds %d bytes (%.40q…); want it left empty", sig, len(b), b)
			case !existed && !errors.Is(err, os.ErrNotExist):
				t.Errorf("%v: the -o FILE the run created is left (%d bytes, %v); want it removed", sig, len(b), err)
			}
		}
	}
}

// takeBackOutputs is what the signal does first; in process, a command
// whose -o FILE it took back fails at its next write and leaves nothing.
func TestTakeBackOutputsStopsWrites(t *testing.T) {
	t.Cleanup(func() {
		openOutputs.Lock()
		openOutputs.stopped = false
		openOutputs.Unlock()
	})
	out := filepath.Join(t.TempDir(), "out.txt")
	e := &env{stdin: strings.NewReader(""), stdout: os.Stdout, stderr: os.Stderr}
	o := newOutput(e, out)
	if _, err := o.Write([]byte("partial")); err != nil {
		t.Fatal(err)
	}
	takeBackOutputs(false)
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("after takeBackOutputs: stat %v; want the created file removed", err)
	}
	if _, err := o.Write([]byte(" more")); !errors.Is(err, errInterrupted) {
		t.Errorf("a write after takeBackOutputs: %v; want %v", err, errInterrupted)
	}
	o.Abort()
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("after Abort: stat %v; want no file", err)
	}
}
