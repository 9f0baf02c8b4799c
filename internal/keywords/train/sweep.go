package main

import (
	"fmt"
	"strconv"
	"strings"
)

// runSweep parses a spec like "folds=0,1,2;sgd=0,1;lr=0.3,1,3;pair=1,3;iters=300".
func runSweep(exs []example, spec string, epochs int) {
	var seeds []uint64
	var ls []learner
	iters := 300
	s := toSparse(exs)
	for _, part := range strings.Split(spec, ";") {
		k, v, _ := strings.Cut(part, "=")
		if k == "iters" {
			iters, _ = strconv.Atoi(v)
		}
	}
	for _, part := range strings.Split(spec, ";") {
		k, v, _ := strings.Cut(part, "=")
		if k == "nested" {
			v = v + "" // one learner for the whole list
		}
		for n, x := range strings.Split(v, ",") {
			if k == "nested" && n > 0 {
				break
			}
			switch k {
			case "folds":
				n, _ := strconv.ParseUint(x, 10, 64)
				seeds = append(seeds, n)
			case "sgd":
				n, _ := strconv.ParseUint(x, 10, 64)
				ls = append(ls, learner{"sgd order " + x, sgdFit(exs, epochs, n)})
			case "nested":
				var l2s []float64
				for _, y := range strings.Split(v, ",") {
					f, _ := strconv.ParseFloat(y, 64)
					l2s = append(l2s, f)
				}
				ls = append(ls, learner{"nested lr " + v, nestedFit(exs, s, l2s, iters)})
			case "mix":
				l2, _ := strconv.ParseFloat(x, 64)
				ls = append(ls, learner{fmt.Sprintf("mix l2 %g", l2), func(rows []int) map[string]float64 {
					return trainMix(s, rows, l2, iters)
				}})
			case "lr", "pair":
				l2, _ := strconv.ParseFloat(x, 64)
				pair := k == "pair"
				ls = append(ls, learner{fmt.Sprintf("%s l2 %g", k, l2), func(rows []int) map[string]float64 {
					return trainBatch(s, rows, l2, pair, iters)
				}})
			}
		}
	}
	cvLearners(exs, ls, seeds)
}
