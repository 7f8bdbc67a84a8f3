module github.com/civic-observatory/civic

go 1.26.0

require (
	github.com/google/go-cmp v0.7.0
	github.com/qmuntal/stateless v1.7.2
	github.com/stretchr/testify v1.12.1
	golang.org/x/text v0.43.0
)

require go.yaml.in/yaml/v3 v3.0.5 // indirect
