package main

func runSchema(e *env) error { return usagef("not yet") }
