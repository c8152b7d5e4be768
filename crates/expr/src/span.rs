//! Byte ranges inside an expression string.

/// A half-open byte range `start..end`, relative to the string that was parsed.
///
/// Spans produced by [`crate::parse`] are relative to the expression text (the part between
/// `${{` and `}}`); add the offset of that text in the YAML source with [`Span::shifted`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub const fn empty(at: usize) -> Self {
        Span { start: at, end: at }
    }

    pub const fn len(self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// Moves the span right by `offset` bytes, e.g. from expression-relative to file-relative.
    pub const fn shifted(self, offset: usize) -> Self {
        Span {
            start: self.start + offset,
            end: self.end + offset,
        }
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Self {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

impl From<Span> for std::ops::Range<usize> {
    fn from(span: Span) -> Self {
        span.start..span.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shifted_and_cover() {
        let a = Span::new(2, 5);
        assert_eq!(a.shifted(10), Span::new(12, 15));
        assert_eq!(a.cover(Span::new(4, 9)), Span::new(2, 9));
        assert_eq!(a.len(), 3);
        assert!(Span::empty(3).is_empty());
        assert_eq!(a.range(), 2..5);
    }
}
