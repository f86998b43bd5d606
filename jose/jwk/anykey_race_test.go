//go:build unix

package jwk

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestReadFileNeverWaitsOnFIFOSwappedIn: ReadFile looks at the file before
// it opens it, but the name may be made a FIFO between the two (here by a
// rename racing it). Opening a FIFO for reading waits for a writer, so the
// open must not wait: the file is looked at again once open, and refused.
func TestReadFileNeverWaitsOnFIFOSwappedIn(t *testing.T) {
	dir := t.TempDir()
	name, reg, fifo := filepath.Join(dir, "key"), filepath.Join(dir, "reg"), filepath.Join(dir, "fifo")
	if err := os.WriteFile(reg, []byte(`{"kty":"oct","k":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := mkfifo(fifo); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	// name flips between a link to the regular file and one to the FIFO.
	stop := make(chan struct{})
	flipped := make(chan struct{})
	go func() {
		defer close(flipped)
		tmp := filepath.Join(dir, "tmp")
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			target := reg
			if i%2 == 1 {
				target = fifo
			}
			os.Remove(tmp)
			if os.Symlink(target, tmp) != nil || os.Rename(tmp, name) != nil {
				return
			}
		}
	}()
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; i < 3000; i++ {
			ReadFile(name)
		}
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		// Release the open that waits, so the test ends.
		close(stop)
		<-flipped
		if w, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			w.Close()
		}
		<-done
		t.Fatal("ReadFile waited on a FIFO put in place of the file it had looked at")
	}
	close(stop)
	<-flipped
}

// mkfifo makes a FIFO named name.
func mkfifo(name string) error { return syscall.Mkfifo(name, 0o600) }
