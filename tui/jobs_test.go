package tui

import (
	"context"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// answer is what the test jobs return: their id, and whether their context
// was cancelled by the time they ran.
type answer struct {
	jobID
	cancelled bool
}

func answering(ctx context.Context, id jobID) tea.Msg {
	return answer{jobID: id, cancelled: ctx.Err() != nil}
}

// A search-like kind runs one job at a time: what is asked meanwhile waits,
// only the latest of it runs, and only the latest answer is fresh.
func TestJobsOneAtATime(t *testing.T) {
	j := newJobs()
	first := j.start(jobTitles, answering)
	if first == nil || !j.running(jobTitles) {
		t.Fatal("the first job did not start")
	}
	for range 2 {
		if j.start(jobTitles, answering) != nil {
			t.Fatal("a job started while another of its kind ran")
		}
	}
	a := first().(answer)
	fresh, next := j.finish(a.jobID)
	if fresh {
		t.Fatal("the first answer is fresh, though newer jobs were asked for")
	}
	if next == nil {
		t.Fatal("the job that waited did not start")
	}
	b := next().(answer)
	if b.gen != 3 {
		t.Fatalf("the job that ran next is generation %d, want the latest, 3", b.gen)
	}
	if fresh, next := j.finish(b.jobID); !fresh || next != nil {
		t.Fatalf("the latest answer: fresh %v, another job started %v", fresh, next != nil)
	}
	if j.running(jobTitles) || j.waiting(jobTitles) {
		t.Fatal("nothing runs any more, but the kind says otherwise")
	}
}

// A grouping-like kind restarts: a new job starts at once and cancels the
// older one, whose answer is stale.
func TestJobsRestartCancels(t *testing.T) {
	j := newJobs()
	old := j.start(jobGroup, answering)
	fresh := j.start(jobGroup, answering)
	if old == nil || fresh == nil {
		t.Fatal("a grouping did not start at once")
	}
	o, f := old().(answer), fresh().(answer)
	if !o.cancelled || f.cancelled {
		t.Fatalf("cancelled: old %v, fresh %v; want only the old one", o.cancelled, f.cancelled)
	}
	if ok, _ := j.finish(f.jobID); !ok || j.waiting(jobGroup) {
		t.Fatal("the latest grouping's answer is not fresh")
	}
	if ok, _ := j.finish(o.jobID); ok {
		t.Fatal("the cancelled grouping's late answer is fresh")
	}
}

// Dropping a kind makes what runs stale and forgets what waits.
func TestJobsDrop(t *testing.T) {
	j := newJobs()
	run := j.start(jobFind, answering)
	j.start(jobFind, answering) // waits
	j.drop(jobFind)
	a := run().(answer)
	if !a.cancelled {
		t.Fatal("a dropped job's context is not cancelled")
	}
	if fresh, next := j.finish(a.jobID); fresh || next != nil {
		t.Fatalf("after drop: fresh %v, the waiting job started %v", fresh, next != nil)
	}
}

// Every batch of the load is new data: never stale.
func TestJobsLoadIsAStream(t *testing.T) {
	j := newJobs()
	first := j.start(jobLoad, answering)
	j.start(jobLoad, answering)
	if fresh, _ := j.finish(first().(answer).jobID); !fresh {
		t.Fatal("an earlier batch was dropped as stale")
	}
}
