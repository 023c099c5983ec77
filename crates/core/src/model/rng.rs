//! The random number generator: SplitMix64, small, fast and portable (the same numbers on every
//! platform, 64-bit arithmetic only). Each Monte Carlo run gets its own stream from the master seed
//! and the run index, so runs are independent of the order they are computed in.

/// A SplitMix64 generator (Steele, Lea & Flood 2014; the seeder of the xoshiro family).
#[derive(Clone, Debug)]
pub struct SplitMix64 {
    state: u64,
}

const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64 { state: seed }
    }

    /// The stream of run `run` under master seed `seed`.
    pub fn for_run(seed: u64, run: u64) -> Self {
        let mut mixer = SplitMix64::new(seed ^ run.wrapping_add(1).wrapping_mul(GOLDEN));
        SplitMix64::new(mixer.next_u64())
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GOLDEN);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform number in [0, 1) with 53 random bits.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }
}

/// Inverse CDF of the triangular distribution on [low, high] with mode `mode`, at `u` in [0, 1).
pub fn triangular(u: f64, low: f64, mode: f64, high: f64) -> f64 {
    if high <= low {
        return mode;
    }
    let width = high - low;
    let split = (mode - low) / width;
    if u < split {
        low + (u * width * (mode - low)).sqrt()
    } else {
        high - ((1.0 - u) * width * (high - mode)).sqrt()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values_are_portable() {
        // Reference values of SplitMix64 from seed 0 (as published with the algorithm).
        let mut r = SplitMix64::new(0);
        assert_eq!(r.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(r.next_u64(), 0x6E78_9E6A_A1B9_65F4);
    }

    #[test]
    fn triangular_stays_in_range_and_hits_the_mode() {
        let mut r = SplitMix64::new(7);
        let mut below = 0;
        for _ in 0..10_000 {
            let x = triangular(r.next_f64(), 1.0, 2.0, 5.0);
            assert!((1.0..=5.0).contains(&x));
            if x < 2.0 {
                below += 1;
            }
        }
        // P(x < mode) = (mode - low) / (high - low) = 0.25
        assert!((2_200..2_800).contains(&below), "{below}");
        assert_eq!(triangular(0.3, 2.0, 2.0, 2.0), 2.0);
    }
}
