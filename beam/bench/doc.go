// Package bench measures the Beam pipeline's throughput on the laws
// corpus beside the library's own batch (`analyze --jobs 2`). Its
// benchmarks skip themselves when the corpus is absent.
package bench
