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
