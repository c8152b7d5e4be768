//! Parser and type checker for GitHub Actions ${{ }} expressions.
