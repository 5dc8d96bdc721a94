"""Plain data and rules of an equality assessment: no Qt, no SQL, no files."""
