package schema

//go:generate go run ./internal/gencomments -root .. -out comments_gen.go . axis contribution
