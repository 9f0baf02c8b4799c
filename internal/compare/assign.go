package compare

import "math"

// maxWeight pairs candidates one to one so that the sum of their scores
// is highest (the Hungarian method on each connected group of
// candidates), instead of best first. Only candidates above floor whose
// i and j are free count. Groups larger than maxGroup stay best first.
func maxWeight(cands []cand, pairOf []int, taken []bool, floor float64, maxGroup int) {
	var edges []cand
	for _, k := range cands {
		if k.score > floor && pairOf[k.i] < 0 && !taken[k.j] {
			edges = append(edges, k)
		}
	}
	for _, g := range groups(edges) {
		if assignGroup(g, pairOf, taken, maxGroup) {
			continue
		}
		for _, k := range g {
			if pairOf[k.i] < 0 && !taken[k.j] {
				pairOf[k.i], taken[k.j] = k.j, true
			}
		}
	}
}

// groups splits edges (best first) into connected groups, each best first.
func groups(edges []cand) [][]cand {
	parent := map[int]int{} // A as i, B as -j-1
	var find func(x int) int
	find = func(x int) int {
		if p, ok := parent[x]; ok && p != x {
			r := find(p)
			parent[x] = r
			return r
		}
		parent[x] = x
		return x
	}
	for _, k := range edges {
		parent[find(k.i)] = find(-k.j - 1)
	}
	byRoot := map[int]int{}
	var out [][]cand
	for _, k := range edges {
		r := find(k.i)
		g, ok := byRoot[r]
		if !ok {
			g = len(out)
			byRoot[r] = g
			out = append(out, nil)
		}
		out[g] = append(out[g], k)
	}
	return out
}

// assignGroup solves one group exactly (Hungarian method, minimizing
// minus the score; a missing edge costs 0, i.e. left unpaired); false
// when the group has more than maxGroup directives on a side.
func assignGroup(g []cand, pairOf []int, taken []bool, maxGroup int) bool {
	ri, rj := map[int]int{}, map[int]int{}
	var is, js []int
	for _, k := range g {
		if _, ok := ri[k.i]; !ok {
			ri[k.i] = len(is)
			is = append(is, k.i)
		}
		if _, ok := rj[k.j]; !ok {
			rj[k.j] = len(js)
			js = append(js, k.j)
		}
	}
	n := max(len(is), len(js))
	if n > maxGroup {
		return false
	}
	cost := make([][]float64, n)
	for r := range cost {
		cost[r] = make([]float64, n)
	}
	for _, k := range g {
		cost[ri[k.i]][rj[k.j]] = -k.score
	}
	col := hungarian(cost)
	for r, cidx := range col {
		if r < len(is) && cidx < len(js) && cost[r][cidx] < 0 {
			pairOf[is[r]], taken[js[cidx]] = js[cidx], true
		}
	}
	return true
}

// hungarian returns, for each row of a square cost matrix, the column of
// a least-cost assignment (e-maxx's O(n³) form with potentials).
func hungarian(a [][]float64) []int {
	n := len(a)
	u, v := make([]float64, n+1), make([]float64, n+1)
	p, way := make([]int, n+1), make([]int, n+1)
	for i := 1; i <= n; i++ {
		p[0] = i
		j0 := 0
		minv := make([]float64, n+1)
		used := make([]bool, n+1)
		for j := range minv {
			minv[j] = math.Inf(1)
		}
		for {
			used[j0] = true
			i0, delta, j1 := p[j0], math.Inf(1), 0
			for j := 1; j <= n; j++ {
				if used[j] {
					continue
				}
				if cur := a[i0-1][j-1] - u[i0] - v[j]; cur < minv[j] {
					minv[j], way[j] = cur, j0
				}
				if minv[j] < delta {
					delta, j1 = minv[j], j
				}
			}
			for j := 0; j <= n; j++ {
				if used[j] {
					u[p[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
			if p[j0] == 0 {
				break
			}
		}
		for j0 != 0 {
			j1 := way[j0]
			p[j0] = p[j1]
			j0 = j1
		}
	}
	col := make([]int, n)
	for j := 1; j <= n; j++ {
		if p[j] > 0 {
			col[p[j]-1] = j - 1
		}
	}
	return col
}
