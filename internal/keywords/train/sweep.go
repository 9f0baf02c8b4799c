package main

import (
	"fmt"
	"strconv"
	"strings"
)

// runSweep compares learners by five-fold cv over several partitions of
// the train documents. spec is parts separated by ";": folds=0,1,2 (the
// partitions), sgd=0,1 (stochastic gradient descent, documents in load
// order or shuffled by that seed), lr=1,3 and pair=1 (the full-batch
// pointwise or pairwise learner with that L2), mix=2 (both losses),
// nested=0.3,1,3 (the pointwise learner, its L2 chosen by inner cv) and
// iters=300 (L-BFGS steps at most).
func runSweep(exs []example, spec string, epochs int) error {
	var seeds []uint64
	var ls []learner
	iters := 300
	s := toSparse(exs)
	for _, part := range strings.Split(spec, ";") {
		k, v, _ := strings.Cut(part, "=")
		nums, err := parseNums(v)
		if err != nil {
			return fmt.Errorf("sweep %q: %w", part, err)
		}
		switch k {
		case "iters":
			iters = int(nums[0])
		case "folds":
			for _, n := range nums {
				seeds = append(seeds, uint64(n))
			}
		case "sgd":
			for _, n := range nums {
				ls = append(ls, learner{fmt.Sprintf("sgd order %g", n), sgdFit(exs, epochs, uint64(n))})
			}
		case "nested":
			ls = append(ls, learner{"nested lr " + v, nestedFit(exs, s, nums, &iters)})
		case "lr", "pair", "mix":
			for _, l2 := range nums {
				ls = append(ls, learner{fmt.Sprintf("%s l2 %g", k, l2), batchFit(s, k, l2, &iters)})
			}
		default:
			return fmt.Errorf("sweep: unknown part %q", part)
		}
	}
	cvLearners(exs, ls, seeds)
	return nil
}

func parseNums(v string) ([]float64, error) {
	var out []float64
	for _, x := range strings.Split(v, ",") {
		f, err := strconv.ParseFloat(x, 64)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, nil
}

// batchFit is the full-batch learner of that kind (lr, pair, mix).
func batchFit(s sparse, kind string, l2 float64, iters *int) func([]int) map[string]float64 {
	return func(rows []int) map[string]float64 {
		if kind == "mix" {
			return trainMix(s, rows, l2, *iters)
		}
		return trainBatch(s, rows, l2, kind == "pair", *iters)
	}
}
