package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/keychainlint/keychainlint/analyzer/driver"
)

// progressMode is --progress.
type progressMode int

const (
	progressAuto   progressMode = iota // on a terminal, outside CI, after progressDelay
	progressAlways                     // whatever stderr is, from the start
	progressNever
)

func parseProgressMode(s string) (progressMode, bool) {
	switch s {
	case "auto":
		return progressAuto, true
	case "always":
		return progressAlways, true
	case "never":
		return progressNever, true
	}
	return 0, false
}

const (
	// progressDelay: in auto mode a scan shorter than this shows nothing.
	progressDelay = time.Second
	// progressEvery: the line is redrawn at most ten times a second.
	progressEvery = 100 * time.Millisecond
	// clearLine returns to the start of the line and erases it.
	clearLine = "\r\x1b[K"
)

// progressEnv is what the indicator depends on besides the run: whether
// stderr is a terminal, the environment, the clock and the ticks that
// wake it. A variable so that tests inject a fake terminal and clock.
type progressEnv struct {
	isTerminal func(w io.Writer) bool
	getenv     func(string) string
	now        func() time.Time
	ticker     func() (ticks <-chan time.Time, stop func())
}

var progressEnvironment = progressEnv{
	isTerminal: isTerminal,
	getenv:     os.Getenv,
	now:        time.Now,
	ticker: func() (<-chan time.Time, func()) {
		t := time.NewTicker(progressEvery)
		return t.C, t.Stop
	},
}

// isTerminal reports whether w is a character device, as a terminal is
// (a pipe or a file is not; /dev/null is, and then nothing is seen).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// wantProgress decides whether mode shows an indicator on stderr: always
// does; auto only on a terminal that can erase a line (not TERM=dumb) and
// not in CI (CI set, as GitHub Actions, GitLab, CircleCI, Travis and
// Buildkite set it), whose logs would keep every redraw.
func wantProgress(mode progressMode, stderr io.Writer, env progressEnv) bool {
	switch mode {
	case progressAlways:
		return true
	case progressAuto:
		return env.isTerminal(stderr) && env.getenv("CI") == "" && env.getenv("TERM") != "dumb"
	}
	return false
}

// startProgress starts the indicator for mode on stderr. It returns the
// counters to give the run (nil when there is no indicator) and the
// function that stops it and erases the line, to call before anything
// else is written to stderr.
func startProgress(mode progressMode, stderr io.Writer, env progressEnv) (*driver.Progress, func()) {
	if !wantProgress(mode, stderr, env) {
		return nil, func() {}
	}
	p := &driver.Progress{}
	m := &meter{w: stderr, p: p, now: env.now, start: env.now(), delay: progressDelay}
	if mode == progressAlways {
		m.delay = 0
		m.tick()
	}
	ticks, stopTicks := env.ticker()
	done, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		for {
			select {
			case <-ticks:
				m.tick()
			case <-done:
				return
			}
		}
	}()
	return p, func() {
		close(done)
		<-stopped
		stopTicks()
		m.erase()
	}
}

// meter draws the progress line; one goroutine calls it.
type meter struct {
	w     io.Writer
	p     *driver.Progress
	now   func() time.Time
	start time.Time
	delay time.Duration // nothing is drawn before start+delay
	last  time.Time     // when the line was last drawn
	line  string        // what it shows
	drawn bool
}

// tick redraws the line when it is due: after the delay, at most every
// progressEvery, and only when it changed.
func (m *meter) tick() {
	now := m.now()
	if now.Sub(m.start) < m.delay || m.drawn && now.Sub(m.last) < progressEvery {
		return
	}
	line := progressLine(m.p)
	if m.drawn && line == m.line {
		return
	}
	m.last, m.line, m.drawn = now, line, true
	io.WriteString(m.w, clearLine+line)
}

// erase removes the line, if one was drawn.
func (m *meter) erase() {
	if m.drawn {
		io.WriteString(m.w, clearLine)
		m.drawn = false
	}
}

// progressLine says where the run is: files read (of those found so far,
// "+" while the walk goes on) and parsed, then keychain files analysed.
func progressLine(p *driver.Progress) string {
	if n := p.ToAnalyse.Load(); n > 0 {
		return fmt.Sprintf("keychainlint: %d/%d keychain files analysed", p.Analysed.Load(), n)
	}
	more := "+"
	if p.Walked.Load() {
		more = ""
	}
	return fmt.Sprintf("keychainlint: %d/%d%s files read, %d parsed", p.Read.Load(), p.Found.Load(), more, p.Parsed.Load())
}
