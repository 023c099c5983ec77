//! Arithmetic the model's equations share, in a leaf module (every part of the model may use it;
//! it uses nothing).

/// `x` limited to `lo..=hi` (NaN stays NaN), like `f64::clamp` but without its panic message,
/// whose float formatting would otherwise be the only reason for the standard library's float
/// printing code in the browser build.
#[inline]
pub fn clamp(x: f64, lo: f64, hi: f64) -> f64 {
    if x < lo {
        lo
    } else if x > hi {
        hi
    } else {
        x
    }
}

/// `a.min(b)`, written out: the smaller, or the other one if one is NaN, and `b` when they are
/// equal (so `min(-0.0, 0.0)` is `0.0`). These are exactly the browser build's libm `fmin`, whose
/// every use in the monthly loop was a function call there; written out, they inline (natively,
/// `f64::min` may give either zero when the two are equal).
#[inline(always)]
pub fn min(a: f64, b: f64) -> f64 {
    if a < b || b.is_nan() {
        a
    } else {
        b
    }
}

/// `a.max(b)`, written out as the browser build's libm `fmax`: the larger, or the other one if one
/// is NaN, and `a` when they are equal.
#[inline(always)]
pub fn max(a: f64, b: f64) -> f64 {
    if a < b || a.is_nan() {
        b
    } else {
        a
    }
}

#[cfg(test)]
mod tests {
    use super::{max, min};

    /// The written-out `min` and `max` are `f64::min` and `f64::max` wherever those are defined
    /// to one answer, and the browser build's libm on what is left (NaN, equal zeros), so the
    /// monthly loop gives the bits it gave with the library calls (the Monte Carlo checksum).
    #[test]
    fn min_and_max_are_the_librarys_bit_for_bit() {
        let xs = [0.0, -0.0, 1.0, -1.0, 0.5, 1e-300, f64::INFINITY, f64::NEG_INFINITY, f64::NAN, 3.0e9];
        for a in xs {
            for b in xs {
                let (lo, hi) = (min(a, b), max(a, b));
                if a == b && a == 0.0 {
                    // libm's fmin(a, b) gives b and fmax(a, b) gives a when they are equal.
                    assert_eq!((lo.to_bits(), hi.to_bits()), (b.to_bits(), a.to_bits()), "{a} {b}");
                } else {
                    assert_eq!(lo.to_bits(), a.min(b).to_bits(), "min({a}, {b})");
                    assert_eq!(hi.to_bits(), a.max(b).to_bits(), "max({a}, {b})");
                }
            }
        }
    }
}
