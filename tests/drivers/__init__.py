"""Small programs the end-to-end tests run as real, separate processes."""
