extension Schema {
  /// Organisations a district admin manages: which one an organisation belongs to, and whether
  /// it is disabled (kept for history, given no new staff).
  static let v9 = """
    ALTER TABLE org ADD COLUMN parent TEXT;
    ALTER TABLE org ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1));
    """
}
