//! Exact rational arithmetic for the scoring pipeline. Means of ballots and weighted means are
//! often non-terminating decimals (88.333…); carried as `Decimal` they are cut at 28 digits, so
//! a true midpoint such as 0.3 × 265/3 + 63.035 = 89.535 is only *usually* recovered by the
//! rounding of the last digit. A `Q` is a reduced fraction of two `i128`: every intermediate
//! value is the exact number and the final rounding (half away from zero, 2 decimals) decides
//! on the exact remainder, so the result is provably the one SPEC §6 defines.
//! On overflow (only pathological inputs with dozens of significant digits) an operation falls
//! back to 28-digit decimal arithmetic instead of panicking.

use std::cmp::Ordering;
use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};

/// An exact fraction `n / d`, `d > 0`, in lowest terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Q {
    n: i128,
    d: i128,
}

fn gcd(a: i128, b: i128) -> i128 {
    let (mut a, mut b) = (a.unsigned_abs(), b.unsigned_abs());
    while b != 0 {
        let t = a % b;
        a = b;
        b = t;
    }
    i128::try_from(a).unwrap_or(1).max(1)
}

impl Q {
    pub const ZERO: Q = Q { n: 0, d: 1 };
    pub const ONE: Q = Q { n: 1, d: 1 };

    /// `n / d` reduced; `None` when `d` is zero.
    pub fn new(n: i128, d: i128) -> Option<Q> {
        if d == 0 {
            return None;
        }
        let g = gcd(n, d);
        let (mut n, mut d) = (n / g, d / g);
        if d < 0 {
            n = n.checked_neg()?;
            d = d.checked_neg()?;
        }
        Some(Q { n, d })
    }

    pub fn int(i: i64) -> Q {
        Q {
            n: i128::from(i),
            d: 1,
        }
    }

    /// The exact value of a decimal.
    pub fn from_dec(x: Decimal) -> Q {
        let pow = 10i128.checked_pow(x.scale()).unwrap_or(1);
        Q::new(x.mantissa(), pow).unwrap_or(Q::ZERO)
    }

    /// The nearest 28-digit decimal (for display and for the overflow fallback).
    pub fn to_dec(self) -> Decimal {
        let (Ok(n), Ok(d)) = (
            Decimal::try_from_i128_with_scale(self.n, 0),
            Decimal::try_from_i128_with_scale(self.d, 0),
        ) else {
            return Decimal::ZERO;
        };
        n.checked_div(d).unwrap_or(Decimal::ZERO)
    }

    fn fallback(a: Q, b: Q, op: fn(Decimal, Decimal) -> Option<Decimal>) -> Q {
        op(a.to_dec(), b.to_dec()).map_or(Q::ZERO, Q::from_dec)
    }

    pub fn plus(self, o: Q) -> Q {
        let g = gcd(self.d, o.d);
        let exact = (|| {
            let d = (self.d / g).checked_mul(o.d)?;
            let n = self
                .n
                .checked_mul(o.d / g)?
                .checked_add(o.n.checked_mul(self.d / g)?)?;
            Q::new(n, d)
        })();
        exact.unwrap_or_else(|| Q::fallback(self, o, Decimal::checked_add))
    }

    pub fn negate(self) -> Q {
        Q {
            n: self.n.checked_neg().unwrap_or(i128::MAX),
            d: self.d,
        }
    }

    pub fn minus(self, o: Q) -> Q {
        self.plus(o.negate())
    }

    pub fn times(self, o: Q) -> Q {
        let g1 = gcd(self.n, o.d);
        let g2 = gcd(o.n, self.d);
        let exact = (|| {
            let n = (self.n / g1).checked_mul(o.n / g2)?;
            let d = (self.d / g2).checked_mul(o.d / g1)?;
            Q::new(n, d)
        })();
        exact.unwrap_or_else(|| Q::fallback(self, o, Decimal::checked_mul))
    }

    /// `self / o`; `None` when `o` is zero.
    pub fn over(self, o: Q) -> Option<Q> {
        if o.n == 0 {
            return None;
        }
        let inv = Q::new(o.d, o.n)?;
        Some(self.times(inv))
    }

    pub fn is_zero(self) -> bool {
        self.n == 0
    }

    pub fn min(self, o: Q) -> Q {
        if o < self { o } else { self }
    }

    pub fn max(self, o: Q) -> Q {
        if o > self { o } else { self }
    }

    /// Sum of the values.
    pub fn sum(values: impl IntoIterator<Item = Q>) -> Q {
        values.into_iter().fold(Q::ZERO, Q::plus)
    }

    /// Plain mean; `None` for no values.
    pub fn mean(values: &[Q]) -> Option<Q> {
        let n = i64::try_from(values.len()).ok()?;
        Q::sum(values.iter().copied()).over(Q::int(n))
    }

    /// Whether the value has a finite decimal expansion with at most 2 decimals.
    pub fn is_exact_2dp(self) -> bool {
        self.n.checked_mul(100).is_some_and(|n| n % self.d == 0)
    }

    /// Rounded half away from zero to `dp` decimals (exact: the remainder decides).
    pub fn round(self, dp: u32) -> Decimal {
        let exact = (|| {
            let pow = 10i128.checked_pow(dp)?;
            let scaled = self.n.checked_mul(pow)?;
            let (mut q, r) = (scaled / self.d, (scaled % self.d).abs());
            if r >= self.d - r {
                q += if scaled < 0 { -1 } else { 1 };
            }
            Decimal::try_from_i128_with_scale(q, dp).ok()
        })();
        exact.unwrap_or_else(|| {
            self.to_dec()
                .round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
        })
    }

    /// Rounded half away from zero to 2 decimals, the rounding of SPEC §6.
    pub fn round2(self) -> Decimal {
        self.round(2)
    }
}

impl PartialOrd for Q {
    fn partial_cmp(&self, other: &Q) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Q {
    fn cmp(&self, other: &Q) -> Ordering {
        match (self.n.checked_mul(other.d), other.n.checked_mul(self.d)) {
            (Some(a), Some(b)) => a.cmp(&b),
            _ => self.to_dec().cmp(&other.to_dec()),
        }
    }
}

impl fmt::Display for Q {
    /// Exact when the decimal expansion ends within 4 places, else rounded to 4 with `…`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let r = self.round(4);
        if Q::from_dec(r) == *self {
            write!(f, "{}", r.normalize())
        } else {
            write!(f, "{}…", r.normalize())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn q(s: &str) -> Q {
        Q::from_dec(Decimal::from_str(s).unwrap())
    }

    #[test]
    fn exact_midpoints_round_away_from_zero() {
        assert_eq!(q("88.125").round2().to_string(), "88.13");
        assert_eq!(q("-88.125").round2().to_string(), "-88.13");
        assert_eq!(q("88.124").round2().to_string(), "88.12");
        // 0.3 × 265/3 + 0.7 × 90.05 = 26.5 + 63.035 = 89.535 exactly.
        let peer = Q::mean(&[q("88"), q("88"), q("89")]).unwrap();
        let v = q("0.3").times(peer).plus(q("0.7").times(q("90.05")));
        assert_eq!(v, q("89.535"));
        assert_eq!(v.round2().to_string(), "89.54");
    }

    #[test]
    fn arithmetic_and_order() {
        let third = Q::new(1, 3).unwrap();
        assert_eq!(third.plus(third).plus(third), Q::ONE);
        assert_eq!(third.times(Q::int(3)), Q::ONE);
        assert!(third < q("0.3334") && third > q("0.3333"));
        assert_eq!(Q::ONE.over(Q::ZERO), None);
        assert_eq!(third.to_string(), "0.3333…");
        assert_eq!(q("2.5").to_string(), "2.5");
        assert!(q("88.5").is_exact_2dp() && !third.is_exact_2dp());
    }

    #[test]
    fn overflow_falls_back_without_panicking() {
        let big = Q::new(i128::MAX / 3, 7).unwrap();
        let v = big.plus(Q::new(1, 11).unwrap()).times(big);
        let _ = v.round2();
        let _ = v.cmp(&big);
    }
}
