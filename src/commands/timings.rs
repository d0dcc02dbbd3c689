//! Where a build's time goes, for `ocop build --timings`.

use std::time::{Duration, Instant};

/// Phases in the order they ran, each with its wall-clock time.
#[derive(Debug, Default, Clone)]
pub struct Timings {
    phases: Vec<(String, Duration)>,
    last: Option<Instant>,
}

impl Timings {
    pub fn start() -> Timings {
        Timings {
            phases: Vec::new(),
            last: Some(Instant::now()),
        }
    }

    /// Close the phase that ran since the previous call.
    pub fn lap(&mut self, phase: String) {
        let now = Instant::now();
        let since = self.last.replace(now).unwrap_or(now);
        self.phases.push((phase, now - since));
    }

    /// Add a figure measured apart, such as time summed over threads.
    pub fn add(&mut self, phase: String, time: Duration) {
        self.phases.push((phase, time));
    }

    pub fn extend(&mut self, other: Timings) {
        self.phases.extend(other.phases);
        self.last = Some(Instant::now());
    }

    /// One line a phase: `  render pages ....  0.123 s`.
    pub fn lines(&self) -> Vec<String> {
        self.phases
            .iter()
            .map(|(phase, time)| format!("  {phase:<40} {:>8.3} s", time.as_secs_f64()))
            .collect()
    }
}
