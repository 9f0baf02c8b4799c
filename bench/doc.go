// Package bench holds policylens's benchmarks: Go benchmarks of the analyze
// library (bench_test.go, run with `go test -run '^$' -bench . -benchmem ./bench`)
// and run.sh, which times the built binary against jieba (see its header);
// PROFILE.md says where the time goes.
package bench
