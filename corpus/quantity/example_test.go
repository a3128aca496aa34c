package quantity_test

import (
	"fmt"

	"github.com/pmureader/pmureader/corpus/quantity"
)

func ExampleParse() {
	for _, q := range quantity.Parse("The blast killed at least 25 people, wounding over 50 others, in 2019.") {
		fmt.Println(q.Text, q.Interval, q.Class, q.Noun)
	}
	// Output:
	// at least 25 [25, ∞) killed people
	// over 50 (50, ∞) injured others
}

func ExampleRelate() {
	a := quantity.Parse("at least 25 were killed")[0]
	b := quantity.Parse("27 were killed")[0]
	c := quantity.Parse("Nine were killed")[0]
	fmt.Println(quantity.Relate(a, b), quantity.Relate(a, b, c))
	// Output: compatible conflict
}
