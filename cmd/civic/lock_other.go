//go:build !unix

package main

import "os"

// tryLock has no advisory lock to take here: civic review relies on one writer at a time
// on platforms without flock.
func tryLock(*os.File) (busy bool, err error) { return false, nil }

func unlock(*os.File) error { return nil }
