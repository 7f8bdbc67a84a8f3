package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/civic-observatory/civic/internal/jsondec"
)

// This file holds the input and output helpers every command shares: documents are read
// with a size limit applied while reading, and files are written atomically.

// maxDocument is the largest document a command reads whole (a call, an event, a grid, a
// programme, a proposals or reviews file): the decoders' own limit.
const maxDocument = jsondec.DefaultMaxDocument

// maxBarometre is the largest Baromètre read whole by civic stats, the limit of
// participation.DecodeBarometre (CSV is streamed instead).
const maxBarometre = 256 << 20

// errTooLarge reports an input larger than the limit; reading stopped there.
type errTooLarge struct {
	name  string
	limit int64
}

func (e *errTooLarge) Error() string {
	return fmt.Sprintf("%s: larger than %d bytes: not read further", e.name, e.limit)
}

// readFile is readDocument for a file named by a flag, where "-" is not standard input.
func readFile(name string) ([]byte, error) {
	return readLimited(nil, name, maxDocument)
}

func readLimited(e *env, name string, limit int64) ([]byte, error) {
	var r io.Reader
	display := name
	if name == "-" && e != nil {
		r = e.stdin
		display = "<stdin>"
	} else {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		if fi, err := f.Stat(); err == nil && fi.IsDir() {
			return nil, fmt.Errorf("%s: is a directory", name)
		}
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", display, err)
	}
	if int64(len(data)) > limit {
		return nil, &errTooLarge{display, limit}
	}
	return checkEncoding(display, data)
}

// checkEncoding drops a UTF-8 byte order mark and refuses UTF-16 and UTF-32, which JSON
// text never is (RFC 8259 §8.1).
func checkEncoding(name string, data []byte) ([]byte, error) {
	if b, ok := bytes.CutPrefix(data, []byte{0xEF, 0xBB, 0xBF}); ok {
		return b, nil
	}
	if bytes.HasPrefix(data, []byte{0xFE, 0xFF}) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) ||
		len(data) >= 2 && (data[0] == 0) != (data[1] == 0) {
		return nil, fmt.Errorf("%s: the file is UTF-16, not UTF-8: convert it (iconv -f UTF-16 -t UTF-8)", name)
	}
	return data, nil
}

// staged is a file written beside its target, renamed over it by commit.
type staged struct {
	path, tmp string
}

// stage writes what fill writes to a temporary file in the directory of path, with the
// permissions of the file it will replace (0644 for a new file). It refuses a target that
// exists and is not a regular file (a directory, a symbolic link, a FIFO, a device), so that
// nothing but a regular file is ever replaced, and removes the temporary file on every
// error.
func stage(path string, fill func(io.Writer) error) (_ *staged, err error) {
	perm := fs.FileMode(0o644)
	switch fi, err := os.Lstat(path); {
	case err == nil && !fi.Mode().IsRegular():
		return nil, fmt.Errorf("%s: not a regular file (%s): refusing to replace it", path, fileKind(fi.Mode()))
	case err == nil:
		perm = fi.Mode().Perm()
	case !errors.Is(err, fs.ErrNotExist):
		return nil, err
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err := fill(f); err != nil {
		return nil, err
	}
	if err := f.Chmod(perm); err != nil {
		return nil, err
	}
	if err := f.Sync(); err != nil {
		return nil, err
	}
	if err := f.Close(); err != nil {
		return nil, err
	}
	return &staged{path: path, tmp: f.Name()}, nil
}

// commit renames the temporary file over the target, or removes it when that fails.
func (s *staged) commit() error {
	if err := os.Rename(s.tmp, s.path); err != nil {
		os.Remove(s.tmp)
		return err
	}
	return nil
}

// abort removes the temporary file.
func (s *staged) abort() { os.Remove(s.tmp) }

// writeAtomic writes data to path through a temporary file renamed into place, so that a
// reader never sees a half-written file; see [stage] for what it refuses.
func writeAtomic(path string, data []byte) error {
	s, err := stage(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
	if err != nil {
		return err
	}
	return s.commit()
}

func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeSymlink != 0:
		return "symbolic link"
	case m.IsDir():
		return "directory"
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeDevice != 0:
		return "device"
	}
	return "special file"
}
