package main

import (
	"bytes"
	"io"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeEnv is a progress environment with a terminal decision, an
// environment, a clock that returns the given times one per call (then
// the last one), and ticks the test sends itself.
func fakeEnv(t *testing.T, terminal bool, env map[string]string, times ...time.Duration) (progressEnv, chan time.Time) {
	t.Helper()
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	ticks := make(chan time.Time)
	return progressEnv{
		isTerminal: func(io.Writer) bool { return terminal },
		getenv:     func(k string) string { return env[k] },
		now: func() time.Time {
			mu.Lock()
			defer mu.Unlock()
			if len(times) == 0 {
				t.Error("the clock was read more often than the test expects")
				return base
			}
			d := times[0]
			if len(times) > 1 {
				times = times[1:]
			}
			return base.Add(d)
		},
		ticker: func() (<-chan time.Time, func()) { return ticks, func() {} },
	}, ticks
}

func TestWantProgress(t *testing.T) {
	for _, tc := range []struct {
		mode     progressMode
		terminal bool
		env      map[string]string
		want     bool
	}{
		{progressAuto, true, nil, true},
		{progressAuto, false, nil, false}, // piped or redirected
		{progressAuto, true, map[string]string{"CI": "true"}, false},
		{progressAuto, true, map[string]string{"CI": "1", "TERM": "xterm"}, false},
		{progressAuto, true, map[string]string{"TERM": "dumb"}, false},
		{progressAlways, false, map[string]string{"CI": "true"}, true},
		{progressNever, true, nil, false},
	} {
		env, _ := fakeEnv(t, tc.terminal, tc.env, 0)
		if got := wantProgress(tc.mode, &bytes.Buffer{}, env); got != tc.want {
			t.Errorf("mode %d, terminal %v, env %v: %v, want %v", tc.mode, tc.terminal, tc.env, got, tc.want)
		}
	}
}

// syncBuffer is a terminal the indicator's goroutine writes to.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// In auto mode on a terminal the line appears after a second, is redrawn
// at most every 100 ms and only when it changed, and is erased at the end.
func TestProgressAuto(t *testing.T) {
	ms := time.Millisecond
	// The start, then one clock reading per tick. A tick is received by
	// the indicator's goroutine once it is done with the previous one; a
	// tick that comes too soon after a draw (a "flush") reads no counter,
	// so once it is received the test may change the counters.
	env, ticks := fakeEnv(t, true, nil, 0,
		500*ms,           // too early
		1000*ms, 1000*ms, // drawn; flush
		1050*ms, 1000*ms, // too soon after the last draw; flush
		1100*ms, 1100*ms, // redrawn; flush
		1300*ms, 1100*ms, // nothing changed; flush
		1500*ms) // the analysis
	term := &syncBuffer{}
	p, stop := startProgress(progressAuto, term, env)
	if p == nil {
		t.Fatal("no progress counters on a terminal in auto mode")
	}
	tick := func(n int) {
		for range n {
			ticks <- time.Time{}
		}
	}
	p.Found.Store(10)
	p.Read.Store(3)
	tick(1)
	tick(2)
	p.Read.Store(4)
	tick(2) // not drawn
	p.Read.Store(5)
	tick(2)
	tick(2)
	p.Walked.Store(true)
	p.Parsed.Store(2)
	p.ToAnalyse.Store(2)
	p.Analysed.Store(1)
	tick(1)
	stop()
	want := clearLine + "keychainlint: 3/10+ files read, 0 parsed" +
		clearLine + "keychainlint: 5/10+ files read, 0 parsed" +
		clearLine + "keychainlint: 1/2 keychain files analysed" +
		clearLine
	if got := term.String(); got != want {
		t.Errorf("wrote\n%q\nwant\n%q", got, want)
	}
}

// A scan shorter than a second shows nothing in auto mode, and erases
// nothing.
func TestProgressAutoShortScan(t *testing.T) {
	env, ticks := fakeEnv(t, true, nil, 0, 900*time.Millisecond)
	term := &syncBuffer{}
	_, stop := startProgress(progressAuto, term, env)
	ticks <- time.Time{}
	stop()
	if got := term.String(); got != "" {
		t.Errorf("wrote %q, want nothing", got)
	}
}

// --progress=always draws from the start, also when stderr is no
// terminal; never gives the run no counters.
func TestProgressAlwaysAndNever(t *testing.T) {
	env, _ := fakeEnv(t, false, map[string]string{"CI": "true"}, 0)
	term := &syncBuffer{}
	p, stop := startProgress(progressAlways, term, env)
	if p == nil {
		t.Fatal("no counters with always")
	}
	stop()
	if got, want := term.String(), clearLine+"keychainlint: 0/0+ files read, 0 parsed"+clearLine; got != want {
		t.Errorf("always wrote %q, want %q", got, want)
	}
	env, _ = fakeEnv(t, true, nil, 0)
	term = &syncBuffer{}
	p, stop = startProgress(progressNever, term, env)
	stop()
	if p != nil || term.String() != "" {
		t.Errorf("never: counters %v, wrote %q", p, term.String())
	}
}

// The scan command: --progress=always writes the line to stderr and
// erases it before the summary; the findings on stdout are those of a
// scan without it. By default (auto) a buffer is no terminal: no line.
func TestScanProgressFlag(t *testing.T) {
	t.Chdir(repoRoot)
	old := progressEnvironment
	t.Cleanup(func() { progressEnvironment = old })
	env, _ := fakeEnv(t, false, nil, 0)
	progressEnvironment = env

	never := runCmd(t, "--progress=never", "testdata/sampleapp")
	always := runCmd(t, "--progress=always", "testdata/sampleapp")
	auto := runCmd(t, "testdata/sampleapp")
	if always.stdout != never.stdout || auto.stdout != never.stdout || always.code != never.code || never.stdout == "" {
		t.Errorf("stdout differs with --progress:\nnever:\n%s\nalways:\n%s\nauto:\n%s", never, always, auto)
	}
	frame := clearLine + "keychainlint: 0/0+ files read, 0 parsed" + clearLine
	elapsed := regexp.MustCompile(` in [0-9.]+m?s\n`)
	if !strings.HasPrefix(always.stderr, frame+"keychainlint: ") ||
		elapsed.ReplaceAllString(always.stderr[len(frame):], "") != elapsed.ReplaceAllString(never.stderr, "") {
		t.Errorf("--progress=always: stderr\n%q\nwant the erased line, then\n%q", always.stderr, never.stderr)
	}
	if strings.Contains(never.stderr, "\r") || strings.Contains(auto.stderr, "\r") {
		t.Errorf("a progress line without a terminal:\nnever: %q\nauto: %q", never.stderr, auto.stderr)
	}
	if r := runCmd(t, "--progress=yes", "testdata/sampleapp"); r.code != 2 || !strings.Contains(r.stderr, `--progress "yes": use auto, always or never`) {
		t.Errorf("--progress=yes: %s", r)
	}
}
